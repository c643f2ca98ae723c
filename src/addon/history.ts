/**
 * Health over time: snapshots appended to the Health History sheet (one write per snapshot), the
 * weekly snapshot taken on the first open of each week, and HEALTHTREND over the history range.
 */

import {
  type CellValue,
  ColumnError,
  cellBudget,
  columnLetter,
  HISTORY_HEADERS,
  HISTORY_SHEET,
  type HistoryLayout,
  type HistoryRescore,
  historyByAccount,
  historyLayout,
  RUBRIC_SHEET,
  readHistory,
  rescoreHistory,
  rubricFingerprint,
  type Snapshot,
  scoreChange,
  scorecard,
  scoreNonBlank,
  snapshotRows,
  textOf,
  valuesText,
  weeklySnapshotDue,
} from "../core";
import { askForColumn, columnNamed } from "./columnDialog";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
import { asGrid, PLAIN_TEXT } from "./grid";
import { accountColumn, currentRubric, withDocumentLock } from "./rescore";
import { setAsOfToday, setSetting, writeRubricSheet } from "./rubricSheet";
import { readSourceSheets, withSourceSheets } from "./sourceSheets";
import { activeSpreadsheet, dateCell, timeZoneOf, today } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SnapshotReport {
  date: string;
  accounts: number;
  fingerprint: string;
  message: string;
}

export interface SnapshotOptions {
  /** Ask for the account column when none is set (a menu command may; onOpen may not). */
  ask: boolean;
  /** Say what was done in a toast. */
  toast: boolean;
  /** Take it only when this week has no snapshot yet (the weekly snapshot); else return undefined. */
  onlyIfDue?: boolean;
}

/**
 * Said when takeSnapshot runs from a time-driven trigger made by an earlier version: in an
 * add-on such a trigger has no active spreadsheet, so it cannot reach the document.
 */
const NO_DOCUMENT =
  "The weekly snapshot no longer runs from a trigger, which cannot reach the spreadsheet: open the spreadsheet, use Extensions → Health Score → Schedule weekly snapshot, and delete this trigger in Apps Script's Triggers page.";

/**
 * Appends one row per account to Health History: date, account, score, band, coverage, the
 * rubric's fingerprint and the cells the rubric read (Values), in one write.
 */
export function takeSnapshot(options: SnapshotOptions): SnapshotReport | undefined {
  const ss = activeSpreadsheet();
  if (!ss) throw new AddonError(NO_DOCUMENT);
  // The dialog does not wait for its answer: the snapshot is taken when the column is picked.
  if (options.ask && !currentRubric(ss).accountKey) {
    askAccountKey(ss, "snapshot");
    return undefined;
  }
  return withDocumentLock(() => {
    // Checked under the lock: two people opening the spreadsheet at once take one snapshot.
    if (options.onlyIfDue && !weeklySnapshotDue(latestSnapshots(ss), today(ss))) return undefined;
    const { rubric, dataSheet, accountKey } = currentRubric(ss);
    const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
    const keyColumn = accountColumn(layout, accountKey);
    const date = setAsOfToday(ss);
    const timeZone = timeZoneOf(ss);
    const sources = readSourceSheets(ss, rubric);
    const card = withSourceSheets(sources, () =>
      scorecard(rubric, layout.headers, { asOf: date, timeZone, sources: sources.tables }),
    );
    const results = scoreNonBlank(card, layout.rows);
    const values = card.valuesRead(layout.rows);
    const fingerprint = rubricFingerprint(rubric);
    const rows = snapshotRows(
      date,
      layout.rows.map((row) => row[keyColumn]),
      results,
      fingerprint,
      values,
    );
    const warning = writeSnapshots(ss, rows, "This snapshot", "end");
    const message = `Took a snapshot of ${rows.length} accounts on ${date} in ${HISTORY_SHEET} (rubric ${fingerprint}).${warning ? ` ${warning}` : ""}`;
    if (options.toast) ss.toast(message, "Health Score", 8);
    return { date, accounts: rows.length, fingerprint, message };
  });
}

/**
 * Writes snapshots into Health History in one write: appended at the end, or (backfill) inserted
 * above every existing row, so the sheet stays in date order. The columns are found by the
 * header row; a history from before values were kept gets its Values column. Says the 10 M cell
 * warning in a toast before writing (and returns it), and refuses a write Sheets could not hold.
 */
export function writeSnapshots(
  ss: Spreadsheet,
  rows: readonly Snapshot[],
  what: string,
  where: "end" | "top",
): string | undefined {
  const history = historySheet(ss);
  const layout = historyColumns(history);
  if (rows.length === 0) return undefined;
  const width =
    Math.max(
      layout.date,
      layout.account,
      layout.score,
      layout.band,
      layout.coverage,
      layout.rubric,
      layout.values,
    ) + 1;
  const start = where === "top" ? 2 : history.getLastRow() + 1;
  const maxRows = history.getMaxRows();
  const growRows = where === "top" ? rows.length : Math.max(0, start + rows.length - 1 - maxRows);
  // No columns to add: historyColumns found every column within the sheet, Values included.
  const budget = cellBudget(spreadsheetCells(ss), growRows * history.getMaxColumns(), what);
  if (budget.refuse) throw new AddonError(budget.refuse);
  if (budget.warn) ss.toast(budget.warn, "Health Score", 10);
  // Before row 2, not after the header: new rows take the formatting of the row they are inserted
  // beside, and the header's is bold.
  if (where === "top") history.insertRowsBefore(2, rows.length);
  else if (growRows > 0) history.insertRowsAfter(maxRows, growRows);
  const timeZone = timeZoneOf(ss);
  const formats = new Array<string>(width).fill(PLAIN_TEXT);
  formats[layout.date] = "yyyy-mm-dd";
  formats[layout.score] = "0.0";
  formats[layout.coverage] = "0%";
  const days = new Map<string, Date>();
  const values = rows.map((s) => {
    const row = new Array<CellValue>(width).fill("");
    // The date is a Date, the names plain text (formatted so before they are written).
    let day = days.get(s.date);
    if (!day) {
      day = dateCell(ss, s.date);
      days.set(s.date, day);
    }
    row[layout.date] = day;
    row[layout.account] = s.account;
    row[layout.score] = s.score ?? "";
    row[layout.band] = s.band;
    row[layout.coverage] = s.coverage;
    row[layout.rubric] = s.rubric;
    row[layout.values] = s.values ? valuesCell(s.values, timeZone, s.account) : "";
    return row;
  });
  const block = history.getRange(start, 1, values.length, width);
  block.setNumberFormats(values.map(() => formats));
  block.setValues(values);
  return budget.warn;
}

/** The Values cell of an account; a rubric reading too much to fit in a cell is said with the account. */
function valuesCell(values: Record<string, CellValue>, timeZone: string, account: string): string {
  try {
    return valuesText(values, timeZone);
  } catch (e) {
    throw new AddonError(`${account}: ${(e as Error).message}`);
  }
}

/** Every cell of the spreadsheet, empty ones included (what Sheets counts against its 10 M limit). */
export function spreadsheetCells(ss: Spreadsheet): number {
  return ss.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

/** The history's last row, as snapshots: a snapshot appends its rows together, so it is the latest. */
function latestSnapshots(ss: Spreadsheet): Snapshot[] {
  const history = ss.getSheetByName(HISTORY_SHEET);
  const last = history ? history.getLastRow() : 0;
  if (!history || last < 2) return [];
  const row = history.getRange(last, 1, 1, HISTORY_HEADERS.length).getValues() as CellValue[][];
  return readHistory(row, timeZoneOf(ss));
}

/** The history sheet, created with its header row (and only its columns: cells count) when absent. */
export function historySheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(HISTORY_SHEET);
  if (existing) return existing;
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(HISTORY_SHEET);
  const extra = sheet.getMaxColumns() - HISTORY_HEADERS.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a new sheet has 26 columns, more than the history's 7
  if (extra > 0) sheet.deleteColumns(HISTORY_HEADERS.length + 1, extra);
  sheet
    .getRange(1, 1, 1, HISTORY_HEADERS.length)
    .setValues([[...HISTORY_HEADERS]])
    .setFontWeight("bold");
  sheet.setFrozenRows(1);
  active.activate(); // inserting a sheet makes it active; the user stays where they were
  return sheet;
}

/**
 * The history's columns, from its header row (one read). A history from before values were
 * kept gets a Values header in the first free column.
 */
function historyColumns(history: GoogleAppsScript.Spreadsheet.Sheet): HistoryLayout {
  const header = history.getRange(1, 1, 1, Math.max(1, history.getLastColumn())).getValues() as CellValue[][];
  const layout = historyLayout(header);
  const own = [layout.date, layout.account, layout.score, layout.band, layout.coverage, layout.rubric];
  if (layout.headerRow !== 0 || own.some((i) => i < 0)) {
    throw new AddonError(
      `The first row of the ${HISTORY_SHEET} sheet must name its columns ${HISTORY_HEADERS.join(", ")}: put that header row back, or rename the sheet to start a new history.`,
    );
  }
  // Stryker disable next-line EqualityOperator: Values is never column A, which the header check keeps for Date
  if (layout.values < 0) {
    layout.values = layout.width;
    if (history.getMaxColumns() <= layout.width) history.insertColumnsAfter(history.getMaxColumns(), 1);
    history
      .getRange(1, layout.values + 1)
      .setValue("Values")
      .setFontWeight("bold");
  }
  return layout;
}

/**
 * Asks once which column names each account, in a dialog listing the data's columns (the first
 * selected); the answer comes back to keepAccountKey, then the snapshot or the schedule.
 */
function askAccountKey(ss: Spreadsheet, purpose: "snapshot" | "schedule"): void {
  const { rubric, dataSheet } = currentRubric(ss);
  const headers = readDataLayout(dataSheetFor(ss, dataSheet), rubric).headers;
  askForColumn({
    purpose,
    title: "Which column names each account?",
    help: "Snapshots follow each account over time by this column. It is kept as the Account key on the Health Rubric sheet, so this is asked once.",
    headers,
    selected: textOf(headers[0]),
  });
}

/** The dialog's answer: keeps the picked column as the Account key setting. */
export function keepAccountKey(column: string): void {
  const ss = activeSpreadsheet();
  const { rubric, dataSheet } = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
  const accountKey = columnNamed(layout.headers, column, layout.sheet.getName());
  if (ss.getSheetByName(RUBRIC_SHEET)) {
    setSetting(ss, "Account key", accountKey);
    return;
  }
  // No rubric sheet yet: it is made from the rubric in use, with the setting.
  const active = ss.getActiveSheet();
  writeRubricSheet(ss, rubric, { accountKey });
  active.activate(); // creating a sheet makes it the active one
}

/**
 * The weekly snapshot is a setting of the spreadsheet (in its document properties, shared by
 * everyone who uses the add-on there), not a trigger. In an Editor add-on a time-driven trigger
 * belongs to the user who made it and runs with no active spreadsheet (so no document lock, and
 * reaching the document by id needs the broad `spreadsheets` scope instead of
 * `spreadsheets.currentonly`); a user cannot see a colleague's triggers, so "never two" cannot be
 * kept across colleagues; test deployments do not run installable triggers at all
 * (developers.google.com/workspace/add-ons/concepts/editor-triggers). So the snapshot is taken
 * when someone opens the spreadsheet in a week that has none yet: onOpen runs in
 * AuthMode.LIMITED once the add-on is in use in the document, and may then read and write it and
 * its document properties (developers.google.com/apps-script/reference/script/auth-mode). The
 * history itself decides whether the week has one, under the document lock, so two colleagues
 * opening it at once take one snapshot.
 */
const WEEKLY_KEY = "healthscore.weeklySnapshot";

/**
 * Turns the weekly snapshot on, and takes this week's now if there is none. Without an Account
 * key it first asks for one (a dialog) and returns undefined: the schedule starts on the answer.
 */
export function scheduleWeeklySnapshot(): string | undefined {
  const ss = activeSpreadsheet();
  if (!currentRubric(ss).accountKey) {
    askAccountKey(ss, "schedule");
    return undefined;
  }
  // The Account key is a setting of the rubric sheet, so the sheet is there to keep the data sheet's name.
  if (!currentRubric(ss).dataSheet) setSetting(ss, "Data sheet", dataSheetFor(ss, undefined).getName());
  PropertiesService.getDocumentProperties().setProperty(WEEKLY_KEY, today(ss));
  const taken = takeSnapshot({
    // Stryker disable next-line BooleanLiteral: the Account key is set (checked above), so there is nothing to ask
    ask: false,
    toast: false,
    onlyIfDue: true,
  });
  return `Health Score will take one snapshot a week, the first time someone opens this spreadsheet that week (${
    taken ? `this week's is taken: ${taken.accounts} accounts` : "this week already has one"
  }). Stop it from the same menu.`;
}

/** Turns the weekly snapshot off; returns how many schedules there were (0 or 1). */
export function stopScheduledSnapshot(): number {
  const properties = PropertiesService.getDocumentProperties();
  if (properties.getProperty(WEEKLY_KEY) === null) return 0;
  properties.deleteProperty(WEEKLY_KEY);
  return 1;
}

/**
 * On open: takes this week's snapshot when the weekly snapshot is on and the week has none.
 * Problems the user can fix become a toast, since nobody asked for this run; the menu is
 * already built. A snapshot is one write, so onOpen's 30-second limit never leaves half of one.
 */
export function weeklySnapshotOnOpen(): void {
  if (PropertiesService.getDocumentProperties().getProperty(WEEKLY_KEY) === null) return;
  const ss = activeSpreadsheet();
  try {
    const taken = takeSnapshot({ ask: false, toast: false, onlyIfDue: true });
    if (taken) ss.toast(`This week's snapshot: ${taken.message}`, "Health Score", 8);
  } catch (e) {
    if (!(e instanceof AddonError || e instanceof ColumnError)) throw e;
    ss.toast(`No weekly snapshot was taken: ${e.message}`, "Health Score", 15);
  }
}

/** HEALTHTREND: each account's score change over the last `weeks` weeks of the history range. */
export function healthTrend(
  accounts: unknown,
  history: unknown,
  weeks?: unknown,
): (number | string) | (number | string)[][] {
  if (accounts === undefined || history === undefined) {
    throw new Error(
      `HEALTHTREND needs accounts and the ${HISTORY_SHEET} range, e.g. =HEALTHTREND(A2:A200, '${HISTORY_SHEET}'!A:Z).`,
    );
  }
  const w = weeks === undefined || weeks === "" ? 4 : Number(weeks);
  if (!Number.isFinite(w) || w <= 0)
    throw new Error(`HEALTHTREND: weeks must be a number above 0, not ${JSON.stringify(weeks)}.`);
  const byAccount = historyByAccount(readHistory(asGrid(history), timeZoneOf(activeSpreadsheet())));
  const grid = asGrid(accounts);
  // A blank cell names no account in the history: its change is blank too.
  const out = grid.map((row) => scoreChange(byAccount, textOf(row[0]), w) ?? "");
  // Stryker disable next-line StringLiteral: the grid has one row here, so out[0] is set
  return grid.length === 1 ? (out[0] ?? "") : out.map((v) => [v]);
}

/**
 * "Rescore history with this rubric": every snapshot's kept values scored under the current
 * rubric, as of the snapshot's date, into the `Score <fp>` and `Band <fp>` columns of its
 * fingerprint, beside the old scores (never over them). One read of the sheet and one write of
 * the two columns, whatever its size; a rerun writes the same pair again.
 */
export function rescoreHistoryCommand(): string {
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const { rubric } = currentRubric(ss);
    const history = ss.getSheetByName(HISTORY_SHEET);
    if (!history || history.getLastRow() < 2) {
      throw new AddonError(
        `There is no history to rescore yet: take a snapshot first (Extensions → Health Score → Take snapshot).`,
      );
    }
    const grid = history.getDataRange().getValues() as CellValue[][];
    let out: HistoryRescore;
    try {
      out = rescoreHistory(grid, rubric, timeZoneOf(ss));
    } catch (e) {
      throw new AddonError(`The ${HISTORY_SHEET} sheet: ${(e as Error).message}`);
    }
    const maxColumns = history.getMaxColumns();
    const grow = Math.max(0, out.column + 2 - maxColumns);
    const budget = cellBudget(spreadsheetCells(ss), grow * history.getMaxRows(), "This rescore of history");
    if (budget.refuse) throw new AddonError(budget.refuse);
    if (budget.warn) ss.toast(budget.warn, "Health Score", 10);
    if (grow > 0) history.insertColumnsAfter(maxColumns, grow);
    const block = history.getRange(1, out.column + 1, grid.length, 2);
    block.setNumberFormats(grid.map(() => ["0.0", PLAIN_TEXT]));
    block.setValues(out.cells);
    const where = `columns ${columnLetter(out.column)}:${columnLetter(out.column + 1)}`;
    const parts = [
      `Rescored ${out.rescored} ${out.rescored === 1 ? "snapshot" : "snapshots"} of ${HISTORY_SHEET} under this rubric (${out.fingerprint}), in ${where}; the old scores are unchanged.`,
    ];
    if (out.own > 0) parts.push(`${out.own} taken under this rubric already hold its scores.`);
    if (out.withoutValues > 0)
      parts.push(
        `${out.withoutValues} from before snapshots kept their values cannot be rescored; trends under this rubric start after them.`,
      );
    if (budget.warn) parts.push(budget.warn);
    return parts.join(" ");
  });
}
