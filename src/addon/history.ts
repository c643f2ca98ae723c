/**
 * Health over time: snapshots appended to the Health History sheet (one write per snapshot), a
 * weekly time-driven trigger that takes them, and HEALTHTREND over the history range.
 */
import {
  HISTORY_HEADERS,
  HISTORY_SHEET,
  headerKey,
  historyByAccount,
  RUBRIC_SHEET,
  readHistory,
  rubricFingerprint,
  scoreChange,
  scorecard,
  scoreNonBlank,
  snapshotRows,
  textOf,
} from "../core";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
import { asGrid, PLAIN_TEXT } from "./grid";
import { accountColumn, currentRubric, withDocumentLock } from "./rescore";
import { setAsOfToday, setSetting, writeRubricSheet } from "./rubricSheet";
import { activeSpreadsheet, dateCell, timeZoneOf } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger handler, and the only function the add-on schedules. */
export const SNAPSHOT_HANDLER = "takeSnapshot";

export interface SnapshotReport {
  date: string;
  accounts: number;
  fingerprint: string;
  message: string;
}

/**
 * Appends one row per account to Health History: date, account, score, band, coverage and the
 * rubric's fingerprint. `interactive` is false when a trigger runs it: then it asks nothing.
 */
export function takeSnapshot(interactive: boolean): SnapshotReport {
  const ss = activeSpreadsheet();
  // Asked before taking the lock, so that a colleague's rescore need not wait on this dialog.
  if (interactive && !currentRubric(ss).accountKey) askAccountKey(ss);
  return withDocumentLock(() => {
    const { rubric, dataSheet, accountKey } = currentRubric(ss);
    const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
    const keyColumn = accountColumn(layout, accountKey);
    const date = setAsOfToday(ss);
    const results = scoreNonBlank(
      scorecard(rubric, layout.headers, { asOf: date, timeZone: timeZoneOf(ss) }),
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
    if (interactive) ss.toast(message, "Health Score", 8);
    return { date, accounts: rows.length, fingerprint, message };
  });
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

/** Asks once which column names each account, and keeps the answer as the Account key setting. */
function askAccountKey(ss: Spreadsheet): void {
  const { rubric, dataSheet } = currentRubric(ss);
  const headers = readDataLayout(dataSheetFor(ss, dataSheet), rubric).headers;
  const ui = SpreadsheetApp.getUi();
  const first = textOf(headers[0]);
  const answer = ui.prompt(
    "Health Score: which column names each account?",
    `Snapshots follow each account over time by this column. Leave empty for "${first}".`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK)
    throw new AddonError("No snapshot taken: no account column was picked.");
  const typed = answer.getResponseText().trim() || first;
  if (!headers.some((h) => headerKey(h) === typed.toLowerCase())) {
    throw new AddonError(
      `There is no column "${typed}" in the header row: take the snapshot again and pick one of its columns.`,
    );
  }
  keepSetting(ss, "Account key", typed);
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

const TRIGGER_KEY = "healthscore.snapshotTrigger";

/**
 * Schedules a weekly snapshot (Mondays, early morning); never two. A trigger has no active sheet,
 * so the data sheet is kept as the Data sheet setting first. The trigger's id is kept in this
 * document's properties, so scheduling here never touches another spreadsheet's trigger.
 */
export function scheduleWeeklySnapshot(): string {
  const ss = activeSpreadsheet();
  if (!currentRubric(ss).dataSheet) keepSetting(ss, "Data sheet", dataSheetFor(ss, undefined).getName());
  stopScheduledSnapshot();
  const trigger = ScriptApp.newTrigger(SNAPSHOT_HANDLER)
    .timeBased()
    .everyWeeks(1)
    .onWeekDay(ScriptApp.WeekDay.MONDAY)
    .atHour(6)
    .create();
  PropertiesService.getDocumentProperties().setProperty(TRIGGER_KEY, trigger.getUniqueId());
  return "Health Score will take a snapshot every Monday at about 6:00. Stop it from the same menu.";
}

/** Removes this spreadsheet's weekly snapshot trigger; returns how many there were (0 or 1). */
export function stopScheduledSnapshot(): number {
  const properties = PropertiesService.getDocumentProperties();
  const id = properties.getProperty(TRIGGER_KEY);
  if (!id) return 0;
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === id);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  properties.deleteProperty(TRIGGER_KEY);
  return mine.length;
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
