/**
 * An in-memory emulator of the Apps Script services the add-on uses, for tests and the local
 * playground. See this package's README.
 *
 *   const emu = createEmulator({ sheets: { Customers: [["Account", "ARR"], ["Acme", 1200]] } });
 *   const addon = loadBundle(readFileSync("dist/Code.js", "utf8"), emu);
 *   addon.call("onOpen", { authMode: emu.globals.ScriptApp.AuthMode.FULL });
 *   emu.ui.menus; emu.calls.get("Range.getValues"); emu.sheetValues("Customers");
 *
 * emu.globals are exactly the globals an Apps Script project sees (SpreadsheetApp,
 * PropertiesService, LockService, HtmlService, ScriptApp, Session, Utilities, Logger, console,
 * plus CacheService and Charts). The other members of `emu` are for tests: records of what the
 * script did and ways to set up what it will meet. They do not count as service calls.
 */

import type { EffectiveFormat, EmulatedGlobals, Emulator } from "./api";
import { ChartsService } from "./charts";
import { conditionalFormatAt } from "./conditional";
import { AuthMode, type ButtonName, EnumValue } from "./enums";
import { formulaErrors, recalculate } from "./formulas";
import { HtmlService } from "./html";
import { LockService } from "./lock";
import { PropertiesService, type PropertyStoreName } from "./properties";
import { hostRealm, isDate } from "./realm";
import { ScriptApp } from "./script";
import type { Sheet } from "./sheet";
import { locate, Spreadsheet, SpreadsheetApp } from "./spreadsheet";
import { bindState, type EmulatorOptions, EmulatorState } from "./state";
import { serialOfInstant } from "./time";
import { Ui } from "./ui";
import { CacheService, Console, Logger, Session, User, Utilities } from "./utilities";
import { DATE_FORMAT, DATE_TIME_FORMAT, displayValue, readValue, type Scalar } from "./values";

export type { CallCounts, EffectiveFormat, EmulatedGlobals, Emulator } from "./api";
export type { AuthModeName, ButtonName } from "./enums";
export type { FormulaError } from "./formulas";
export { type BundleHandle, type LoadOptions, loadBundle, loadSources, type ScriptHandle } from "./load";
export type {
  AlertRecord,
  EmulatorOptions,
  LockEvent,
  LockKind,
  LogRecord,
  MenuEntry,
  MenuRecord,
  PromptRecord,
  ShownHtmlRecord,
  ToastRecord,
  TypedInputRecord,
  UiAnswer,
  UiQuestion,
  UiRecords,
} from "./state";
export type { ClockSchedule, TriggerRecord } from "./types";

export interface CreateEmulatorOptions extends EmulatorOptions {
  /** Initial property stores. */
  properties?: Partial<Record<PropertyStoreName, Record<string, string>>>;
}

export function createEmulator(options: CreateEmulatorOptions = {}): Emulator {
  const ctx = new EmulatorState(options);
  const spreadsheet = new Spreadsheet(ctx, ctx.options.spreadsheetName, ctx.options.timeZone);
  ctx.documentId = spreadsheet.id;
  if (options.locale) spreadsheet.locale = options.locale;
  loadSheets(spreadsheet, options.sheets ?? { Sheet1: [] });
  const active =
    options.activeSheet === undefined
      ? spreadsheet.sheets[0]
      : spreadsheet.sheets.find((s) => s.name === options.activeSheet);
  if (!active) throw new Error(`activeSheet "${options.activeSheet}" is not one of the sheets given.`);
  spreadsheet.activeSheet = active;

  const ui = new Ui(ctx);
  const propertiesService = new PropertiesService(ctx);
  for (const [store, values] of Object.entries(options.properties ?? {})) {
    for (const [key, value] of Object.entries(values ?? {})) {
      propertiesService.stores[store as PropertyStoreName].set(key, String(value));
    }
  }
  const globals: EmulatedGlobals = {
    SpreadsheetApp: new SpreadsheetApp(ctx, ui, spreadsheet),
    PropertiesService: propertiesService,
    LockService: new LockService(ctx),
    HtmlService: new HtmlService(ctx),
    ScriptApp: new ScriptApp(ctx),
    Session: new Session(ctx),
    Utilities: new Utilities(ctx),
    Logger: new Logger(ctx),
    console: new Console(ctx),
    CacheService: new CacheService(ctx),
    Charts: new ChartsService(ctx),
  };
  ctx.globals = { ...globals };

  const sheet = (name: string): Sheet => locate(spreadsheet, name, "A1").sheet;
  const usedArea = <T>(
    name: string,
    read: (value: Scalar, format: string | undefined, formula?: string) => T,
  ): T[][] => {
    const s = sheet(name);
    const rows = Math.max(1, s.grid.lastRow());
    const cols = Math.max(1, s.grid.lastColumn());
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => {
        const cell = s.grid.get(i + 1, j + 1);
        return read(cell?.value ?? "", cell?.format?.numberFormat, cell?.formula);
      }),
    );
  };
  const buttonName = (b: ButtonName | EnumValue): ButtonName =>
    b instanceof EnumValue ? (b.name() as ButtonName) : b;

  const emu: Emulator = {
    globals,
    spreadsheet,
    calls: ctx.calls,
    ui: ctx.ui,
    get addonInUse() {
      return ctx.addonInUse;
    },
    get user() {
      return ctx.user;
    },
    set user(email) {
      ctx.user = email;
    },
    get authMode() {
      return ctx.authMode;
    },
    set authMode(mode) {
      ctx.authMode = mode;
    },
    queueAlertResponse: (button) => {
      ctx.alertQueue.push(buttonName(button));
    },
    queuePromptResponse: (response) => {
      // Without a button, the prompt's affirmative button (OK or YES) is clicked.
      const r = typeof response === "string" ? { text: response } : response;
      ctx.promptQueue.push({
        button: r.button === undefined ? undefined : buttonName(r.button),
        text: r.text ?? "",
      });
    },
    holdLock: (kind) => {
      ctx.locksHeldElsewhere.add(kind);
    },
    releaseHeldLock: (kind) => {
      ctx.locksHeldElsewhere.delete(kind);
    },
    scriptHoldsLock: (kind) => [...ctx.locksHeldByScript].some((l) => l.kind === kind),
    lockLog: ctx.lockLog,
    logs: ctx.logs,
    sleeps: ctx.sleeps,
    typedInput: ctx.typedInput,
    get flushes() {
      return ctx.flushes;
    },
    triggers: () => ctx.triggers.map((t) => ({ ...t, schedule: t.schedule && { ...t.schedule } })),
    properties: (store) => Object.fromEntries(propertiesService.stores[store]),
    sheetValues: (name) =>
      usedArea(name, (value, format) => readValue(value, format, spreadsheet.timeZone, hostRealm.Date)),
    sheetDisplayValues: (name) => usedArea(name, (value, format) => displayValue(value, format)),
    sheetFormulas: (name) => usedArea(name, (_value, _format, formula) => formula ?? ""),
    backgroundAt: (sheetName, a1) => formatAt(spreadsheet, sheetName, a1).background,
    formatAt: (sheetName, a1) => formatAt(spreadsheet, sheetName, a1),
    openEvent: (authMode = "FULL") => ({
      authMode: AuthMode[authMode],
      source: spreadsheet,
      triggerUid: null,
      user: new User(ctx, ctx.user),
    }),
    now: () => ctx.now(),
    recalculate: () => {
      if (!ctx.customFunctions) throw new Error("recalculate() needs a bundle: call loadBundle first.");
      const { names, run } = ctx.customFunctions;
      recalculate(spreadsheet, names, run);
    },
    formulaErrors: () => formulaErrors(spreadsheet),
  };
  bindState(emu, ctx);
  return emu;
}

function loadSheets(spreadsheet: Spreadsheet, sheets: Record<string, unknown[][]>): void {
  const tz = spreadsheet.timeZone;
  Object.entries(sheets).forEach(([name, rows], index) => {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0); // no spread: sheets may have 100,000s of rows
    const sheet = Spreadsheet.addSheet(
      spreadsheet,
      name,
      index,
      Math.max(1000, rows.length),
      Math.max(26, width),
    );
    rows.forEach((row, i) => {
      row.forEach((value, j) => {
        if (value === null || value === undefined || value === "") return;
        const cell = sheet.grid.ensure(i + 1, j + 1);
        // Stored as given: no typed-input parsing. Dates become serials in a date format.
        if (isDate(value)) {
          const serial = serialOfInstant(value.getTime(), tz);
          cell.value = serial;
          cell.format = { numberFormat: Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT };
        } else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") {
          cell.value = value;
        } else {
          cell.value = String(value);
        }
      });
    });
  });
}

function formatAt(spreadsheet: Spreadsheet, sheetName: string, a1: string): EffectiveFormat {
  const { sheet, rect } = locate(spreadsheet, sheetName, a1);
  const own = sheet.grid.get(rect.row, rect.col)?.format;
  const rule = conditionalFormatAt(sheet, rect.row, rect.col);
  return {
    background: rule?.background ?? own?.background ?? null,
    fontColor: rule?.fontColor ?? own?.fontColor ?? null,
    bold: rule?.bold ?? own?.fontWeight === "bold",
  };
}
