/**
 * The menu's commands: each says what it did, in words, and turns a problem the user can fix
 * into an alert. (The sidebar calls the same work through sidebarApi, where errors reach it as
 * messages instead.)
 */

import type { Calibration } from "../core";
import { ColumnError, type Problem, plural, problemLines, RUBRIC_SHEET } from "../core";
import { backfillHistory } from "./backfill";
import { askCalibrationColumn, checkCalibration } from "./calibration";
import { removeColorBands } from "./colorBands";
import type { ColumnPurpose } from "./columnDialog";
import { AddonError, dataSheetFor } from "./dataSheet";
import {
  keepAccountKey,
  rescoreHistoryCommand,
  type SnapshotReport,
  scheduleWeeklySnapshot,
  stopScheduledSnapshot,
  takeSnapshot,
  weeklySnapshotOnOpen,
} from "./history";
import { buildMenu } from "./menu";
import {
  applyColorBandsCommand,
  currentRubric,
  insertLiveScoreColumn,
  type RescoreReport,
  rescoreAll,
  withDocumentLock,
} from "./rescore";
import { RUBRIC_RANGE_NAME, readRubricSheet, setAsOfToday, writeRubricSheet } from "./rubricSheet";
import { starterRubric } from "./rubricSource";
import { activeSpreadsheet } from "./spreadsheet";

const TITLE = "Health Score";

function alert(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, message, ui.ButtonSet.OK);
}

/**
 * Runs a command: a problem the user can fix (an AddonError, or a ColumnError naming columns the
 * data lacks) is shown as an alert, and the command returns undefined. A trigger has no UI: there
 * (interactive false) the sentence is thrown as is, for the execution log and the failure email.
 * Anything else is a bug and surfaces as Apps Script's error.
 */
function runCommand<T>(command: () => T, interactive = true): T | undefined {
  try {
    return command();
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: only a bug throws anything else, and a bug stops the command either way
    if (!(e instanceof AddonError || e instanceof ColumnError)) throw e;
    if (!interactive) throw new Error(e.message);
    alert(e.message);
    return undefined;
  }
}

export const rescore = (): RescoreReport | undefined => runCommand(rescoreAll);
export const applyColors = (): number | undefined =>
  runCommand(() => {
    const n = applyColorBandsCommand();
    activeSpreadsheet().toast(`Applied ${n} colour rules for the bands.`, TITLE, 5);
    return n;
  });
export const removeColors = (): number | undefined =>
  runCommand(() => {
    const ss = activeSpreadsheet();
    const n = withDocumentLock(() => removeColorBands(dataSheetFor(ss, currentRubric(ss).dataSheet)));
    ss.toast(
      n > 0
        ? `Removed the add-on's ${n} colour rules; yours are untouched.`
        : "There were no colour bands to remove.",
      TITLE,
      5,
    );
    return n;
  });
export const insertLiveColumn = (): string | undefined => runCommand(insertLiveScoreColumn);
/** Asks for the outcome column in a dialog; the calibration runs on the answer (pickedColumn). */
export const calibration = (): void => runCommand(askCalibrationColumn);
export const snapshot = (interactive: boolean): SnapshotReport | undefined =>
  runCommand(() => takeSnapshot({ ask: interactive, toast: interactive }), interactive);
/** Says a history command's report in an alert: it changes a sheet the user is not looking at. */
const reported = (command: () => string | undefined) => (): string | undefined =>
  runCommand(() => {
    const message = command();
    if (message !== undefined) alert(message);
    return message;
  });
export const rescoreHistory = reported(rescoreHistoryCommand);
export const backfill = reported(backfillHistory);

/**
 * onOpen: the menu, then (when the add-on is in use in this document, AuthMode.LIMITED or FULL)
 * the weekly snapshot if it is due. In AuthMode.NONE only the menu may be built.
 */
export function opened(e?: { authMode?: unknown }): void {
  buildMenu();
  // Compared by name: an AuthMode enum's String() is its name ("NONE", "LIMITED", "FULL").
  if (e && e.authMode !== undefined && String(e.authMode) !== "NONE") weeklySnapshotOnOpen();
}
function scheduleAndSay(): string | undefined {
  const message = scheduleWeeklySnapshot();
  if (message) activeSpreadsheet().toast(message, TITLE, 8);
  return message;
}
export const scheduleSnapshots = (): string | undefined => runCommand(scheduleAndSay);

/**
 * The answer of a column dialog (columnDialog.ts), through google.script.run: does what the
 * question was for. Problems are thrown, not alerted: the dialog shows them and stays open.
 */
export function pickedColumn(
  purpose: ColumnPurpose,
  column: string,
): Calibration | SnapshotReport | string | undefined {
  switch (purpose) {
    case "calibration":
      return checkCalibration(column);
    case "snapshot":
      keepAccountKey(column);
      // Stryker disable next-line BooleanLiteral: the Account key was just kept, so there is nothing to ask
      return takeSnapshot({ ask: false, toast: true });
    case "schedule":
      keepAccountKey(column);
      return scheduleAndSay();
    default:
      throw new Error(
        `The dialog asked for "${String(purpose)}", which the server does not know: reopen it.`,
      );
  }
}
export const stopSnapshots = (): number | undefined =>
  runCommand(() => {
    const n = stopScheduledSnapshot();
    activeSpreadsheet().toast(
      n > 0
        ? "Stopped the weekly snapshot: Health History keeps the ones taken."
        : "No weekly snapshot was scheduled.",
      TITLE,
      5,
    );
    return n;
  });

const list = (problems: readonly Problem[]) =>
  problemLines(problems)
    .map((line) => `• ${line}`)
    .join("\n");

/** Creates the rubric sheet from the starter rubric; an existing sheet is checked, never replaced. */
export function setupRubricSheet(): void {
  const ss = activeSpreadsheet();
  if (ss.getSheetByName(RUBRIC_SHEET)) {
    checkRubric();
    return;
  }
  const sheet = writeRubricSheet(ss, starterRubric());
  ss.toast(
    `Created the ${RUBRIC_SHEET} sheet with the starter rubric "${starterRubric().name}". Edit it, then use =HEALTHSCORE(data, headers, ${RUBRIC_RANGE_NAME}).`,
    TITLE,
    10,
  );
  sheet.activate();
}

/** Lists every problem in the rubric sheet, each with its cell. */
export function checkRubric(): void {
  const reading = readRubricSheet(activeSpreadsheet());
  if (!reading) {
    alert(
      `This spreadsheet has no ${RUBRIC_SHEET} sheet yet. Use Extensions → Health Score → Set up rubric sheet.`,
    );
  } else if (!reading.rubric) {
    const n = reading.errors.length;
    alert(
      `The ${RUBRIC_SHEET} sheet has ${plural(n, "problem")}. Fix ${n === 1 ? "it" : "them"} and check again:\n${list(reading.errors)}${reading.warnings.length ? `\n\nWorth a look:\n${list(reading.warnings)}` : ""}`,
    );
  } else {
    const { rubric, warnings } = reading;
    alert(
      `The rubric "${rubric.name}" is valid: ${plural(rubric.metrics.length, "metric")}, ${plural(rubric.flags.length, "flag")}, bands ${rubric.bands.map((b) => b.label).join(" / ")}.${warnings.length ? `\n\nWorth a look:\n${list(warnings)}` : ""}`,
    );
  }
}

/** Sets the rubric sheet's As of cell to today, so daysSince metrics count to today. */
export function setAsOfDateToday(): void {
  const ss = activeSpreadsheet();
  if (ss.getSheetByName(RUBRIC_SHEET)) {
    ss.toast(`As of is now ${setAsOfToday(ss)}. Scores that count days since a date follow it.`, TITLE, 5);
  } else
    alert(
      `There is no As of cell: set up the ${RUBRIC_SHEET} sheet first (Extensions → Health Score → Set up rubric sheet).`,
    );
}

export function showFormulaHelp(): void {
  alert(
    [
      "=HEALTHSCORE(A2:M200, A1:M1, HealthRubric) scores every row: data rows, their header row, the rubric.",
      "=HEALTHBAND(N2:N200, HealthRubric) turns scores into band labels.",
      "=HEALTHDRIVERS(A2:M200, A1:M1, HealthRubric) says why each score is not higher.",
      "=HEALTHPLAN(A2:M200, A1:M1, HealthRubric) says what would lift each account into the next band.",
      "",
      "Pass HealthRubric (the Health Rubric sheet) so that editing the rubric recalculates.",
      "#NAME? (Unknown function) means Sheets does not yet know the add-on in this spreadsheet: use any item of this menu once (Insert live score column does), then reload.",
      "Dates: Sheets does not allow TODAY() inside these formulas. Days are counted to the rubric sheet's As of cell; Set as-of date to today moves it on.",
    ].join("\n"),
  );
}
