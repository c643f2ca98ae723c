/**
 * Authorization modes. Apps Script runs the same code with different rights depending on how it
 * was started (ScriptApp.AuthMode): a custom function may read the spreadsheet but not change it
 * or show UI; an add-on's onOpen in AuthMode.NONE may only build its menu. The emulator runs in
 * FULL unless told otherwise (`emu.authMode`, `handle.callAs(...)`), and refuses what the mode
 * does not allow, so tests catch an entry point that would fail in Sheets.
 *
 * Sources: the AuthMode reference (NONE: "does not allow access to any services that require
 * authorization"; CUSTOM_FUNCTION: "read-only access to the Spreadsheet service"), the custom
 * functions guide (Spreadsheet: "read only, can use most get*() methods, but not set*()"; no UI,
 * no triggers) and the simple triggers guide (no services that require authorization). Which
 * individual methods count as "requiring authorization" in NONE/LIMITED is our reading of those
 * pages, not a documented list.
 */
import type { AuthModeName } from "./enums";

/** Classes whose objects are parts of the spreadsheet. */
const SPREADSHEET_CLASSES = new Set([
  "Spreadsheet",
  "Sheet",
  "Range",
  "NamedRange",
  "EmbeddedChart",
  "Protection",
  "ConditionalFormatRule",
  "DataValidation",
  "RangeList",
]);
const READ_METHOD = /^(get|is|has|can)/;
const TRIGGER_METHODS = new Set([
  "newTrigger",
  "deleteTrigger",
  "getProjectTriggers",
  "getUserTriggers",
  "getOAuthToken",
]);
const DIALOG_METHODS = new Set(["alert", "prompt", "showSidebar", "showModalDialog", "showModelessDialog"]);
/** Services that need no authorization at all. */
const ANONYMOUS_CLASSES = new Set([
  "Menu",
  "HtmlService",
  "HtmlOutput",
  "HtmlTemplate",
  "Utilities",
  "Logger",
  "console",
  "Session",
  "User",
  "Charts",
  "CacheService",
  "Cache",
  "LockService",
  "Lock",
  "ConditionalFormatRuleBuilder",
  "BooleanCondition",
  "DataValidationBuilder",
]);

/** Why `className.method` may not run in `mode`, or undefined when it may. */
export function authDenial(mode: AuthModeName, className: string, method: string): string | undefined {
  if (allowed(mode, className, method)) return undefined;
  return `You do not have permission to call ${className}.${method}. (The emulator is running this call in AuthMode.${mode}.)`;
}

function allowed(mode: AuthModeName, className: string, method: string): boolean {
  switch (mode) {
    case "FULL":
      return true;
    case "LIMITED":
      if (className === "ScriptApp" && TRIGGER_METHODS.has(method)) return false;
      if (className === "Ui" && DIALOG_METHODS.has(method)) return false;
      return true;
    case "CUSTOM_FUNCTION":
      if (className === "Ui" || className === "Menu" || className === "PromptResponse") return false;
      if (className === "ScriptApp") return !TRIGGER_METHODS.has(method);
      if (className === "SpreadsheetApp") {
        if (method === "getUi" || method.startsWith("set") || method.startsWith("open")) return false;
        return true;
      }
      if (SPREADSHEET_CLASSES.has(className)) return READ_METHOD.test(method) || method === "offset";
      if (
        className === "EmbeddedChartBuilder" ||
        className === "Trigger" ||
        className.endsWith("TriggerBuilder")
      ) {
        return false;
      }
      return true;
    case "NONE":
      if (ANONYMOUS_CLASSES.has(className)) return true;
      if (className === "SpreadsheetApp") {
        return method === "getUi" || method === "newConditionalFormatRule" || method === "newDataValidation";
      }
      if (className === "Ui") return method === "createAddonMenu" || method === "createMenu";
      if (className === "ScriptApp") return method === "getAuthorizationInfo" || method === "getScriptId";
      return false;
  }
}
