/**
 * Health over time: snapshots appended to the Health History sheet (one write per snapshot), the
 * weekly snapshot taken on the first open of each week, and HEALTHTREND over the history range.
 */

import {
  type CellValue,
  ColumnError,
  HISTORY_HEADERS,
  HISTORY_SHEET,
  historyByAccount,
  RUBRIC_SHEET,
  readHistory,
  rubricFingerprint,
  type Snapshot,
  scoreChange,
  scorecard,
  scoreNonBlank,
  snapshotRows,
  textOf,
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
 * Appends one row per account to Health History: date, account, score, band, coverage and the
 * rubric's fingerprint, in one write.
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
    const sources = readSourceSheets(ss, rubric);
    const results = scoreNonBlank(
      withSourceSheets(sources, () =>
        scorecard(rubric, layout.headers, { asOf: date, timeZone: timeZoneOf(ss), sources: sources.tables }),
      ),
      layout.rows,
    );
    const fingerprint = rubricFingerprint(rubric);
    const rows = snapshotRows(
      date,
      layout.rows.map((row) => row[keyColumn]),
      results,
      fingerprint,
    );

    const history = historySheet(ss);
    if (rows.length > 0) {
      const start = history.getLastRow() + 1;
      const short = start + rows.length - 1 - history.getMaxRows();
      if (short > 0) history.insertRowsAfter(history.getMaxRows(), short);
      // The date is a Date, the names plain text (formatted so before they are written).
      const day = dateCell(ss, date);
      const values = rows.map((s) => [day, s.account, s.score ?? "", s.band, s.coverage, s.rubric]);
      const block = history.getRange(start, 1, values.length, HISTORY_HEADERS.length);
      block.setNumberFormats(values.map(() => HISTORY_FORMATS));
      block.setValues(values);
    }
    const message = `Took a snapshot of ${rows.length} accounts on ${date} in ${HISTORY_SHEET} (rubric ${fingerprint}).`;
    if (options.toast) ss.toast(message, "Health Score", 8);
    return { date, accounts: rows.length, fingerprint, message };
  });
}

/** The history's last row, as snapshots: a snapshot appends its rows together, so it is the latest. */
function latestSnapshots(ss: Spreadsheet): Snapshot[] {
  const history = ss.getSheetByName(HISTORY_SHEET);
  const last = history ? history.getLastRow() : 0;
  if (!history || last < 2) return [];
  const row = history.getRange(last, 1, 1, HISTORY_HEADERS.length).getValues() as CellValue[][];
  return readHistory(row, timeZoneOf(ss));
}

/** Number formats of a history row: date, account, score, band, coverage, rubric fingerprint. */
const HISTORY_FORMATS = ["yyyy-mm-dd", PLAIN_TEXT, "0.0", PLAIN_TEXT, "0%", PLAIN_TEXT];

/** The history sheet, created with its header row when absent. */
function historySheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(HISTORY_SHEET);
  if (existing) return existing;
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(HISTORY_SHEET);
  sheet
    .getRange(1, 1, 1, HISTORY_HEADERS.length)
    .setValues([[...HISTORY_HEADERS]])
    .setFontWeight("bold");
  sheet.setFrozenRows(1);
  active.activate(); // inserting a sheet makes it active; the user stays where they were
  return sheet;
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
  keepSetting(ss, "Account key", columnNamed(layout.headers, column, layout.sheet.getName()));
}

/** Keeps a setting on the rubric sheet, creating the sheet from the rubric in use when there is none. */
function keepSetting(ss: Spreadsheet, label: "Account key" | "Data sheet", value: string): void {
  if (ss.getSheetByName(RUBRIC_SHEET)) {
    setSetting(ss, label, value);
    return;
  }
  const active = ss.getActiveSheet();
  writeRubricSheet(
    ss,
    currentRubric(ss).rubric,
    label === "Account key" ? { accountKey: value } : { dataSheet: value },
  );
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
  if (!currentRubric(ss).dataSheet) keepSetting(ss, "Data sheet", dataSheetFor(ss, undefined).getName());
  PropertiesService.getDocumentProperties().setProperty(WEEKLY_KEY, today(ss));
  const taken = takeSnapshot({ ask: false, toast: false, onlyIfDue: true });
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
      `HEALTHTREND needs accounts and the ${HISTORY_SHEET} range, e.g. =HEALTHTREND(A2:A200, '${HISTORY_SHEET}'!A:F).`,
    );
  }
  const w = weeks === undefined || weeks === "" ? 4 : Number(weeks);
  if (!Number.isFinite(w) || w <= 0)
    throw new Error(`HEALTHTREND: weeks must be a number above 0, not ${JSON.stringify(weeks)}.`);
  const byAccount = historyByAccount(readHistory(asGrid(history), timeZoneOf(activeSpreadsheet())));
  const grid = asGrid(accounts);
  const out = grid.map((row) => {
    const name = textOf(row[0]);
    return name === "" ? "" : (scoreChange(byAccount, name, w) ?? "");
  });
  return grid.length === 1 ? (out[0] ?? "") : out.map((v) => [v]);
}
