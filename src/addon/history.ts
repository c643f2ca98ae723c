/**
 * Health over time: snapshots appended to the Health History sheet (one write per snapshot), a
 * weekly time-driven trigger that takes them, and HEALTHTREND over the history range.
 */
import {
  type CellValue,
  HISTORY_HEADERS,
  HISTORY_SHEET,
  headerKey,
  readHistory,
  rubricFingerprint,
  scoreChange,
  scorecard,
  snapshotRows,
  textOf,
} from "../core";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
import { asGrid, isBlankRow, plainText } from "./grid";
import { accountColumn, currentRubric, withDocumentLock } from "./rescore";
import { writeRubricSheet } from "./rubricSheet";
import { activeSpreadsheet, timeZoneOf, today } from "./spreadsheet";

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
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const settings = currentRubric(ss);
    const { rubric } = settings;
    const layout = readDataLayout(dataSheetFor(ss, settings.dataSheet), rubric);
    const accountKey =
      settings.accountKey ?? (interactive ? askAccountKey(ss, layout.headers, settings) : undefined);
    const keyColumn = accountColumn(layout, accountKey);

    const date = today(ss);
    const card = scorecard(rubric, layout.headers, { asOf: date, timeZone: timeZoneOf(ss) });
    const results = layout.rows.map((row) => (isBlankRow(row) ? undefined : card.scoreRow(row)));
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
      // The date is written as text Sheets reads as a date; everything else named stays plain text.
      const values = rows.map((s) => [
        s.date,
        plainText(s.account),
        s.score ?? "",
        plainText(s.band),
        s.coverage,
        plainText(s.rubric),
      ]);
      history.getRange(start, 1, values.length, HISTORY_HEADERS.length).setValues(values);
    }
    const message = `Took a snapshot of ${rows.length} accounts on ${date} in ${HISTORY_SHEET} (rubric ${fingerprint}).`;
    if (interactive) ss.toast(message, "Health Score", 8);
    return { date, accounts: rows.length, fingerprint, message };
  });
}

/** The history sheet, created with its header row when absent. */
function historySheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(HISTORY_SHEET);
  if (existing) return existing;
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(HISTORY_SHEET);
  sheet
    .getRange(1, 1, 1, HISTORY_HEADERS.length)
    .setValues([HISTORY_HEADERS.map(plainText)])
    .setFontWeight("bold");
  sheet.setFrozenRows(1);
  sheet.getRange("A:A").setNumberFormat("yyyy-mm-dd");
  sheet.getRange("E:E").setNumberFormat("0%");
  active.activate(); // inserting a sheet makes it active; the user stays where they were
  return sheet;
}

/** Asks once which column names each account, and keeps the answer in the rubric sheet. */
function askAccountKey(
  ss: Spreadsheet,
  headers: readonly CellValue[],
  settings: ReturnType<typeof currentRubric>,
): string {
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
  const { rubric, ...sheetSettings } = settings;
  const active = ss.getActiveSheet();
  writeRubricSheet(ss, rubric, { ...sheetSettings, accountKey: typed });
  active.activate();
  return typed;
}

/** Schedules a weekly snapshot (Mondays, early morning); never two triggers. */
export function scheduleWeeklySnapshot(): string {
  stopScheduledSnapshot();
  ScriptApp.newTrigger(SNAPSHOT_HANDLER)
    .timeBased()
    .everyWeeks(1)
    .onWeekDay(ScriptApp.WeekDay.MONDAY)
    .atHour(6)
    .create();
  return "Health Score will take a snapshot every Monday at about 6:00. Stop it from the same menu.";
}

/** Removes the weekly snapshot trigger; returns how many there were. */
export function stopScheduledSnapshot(): number {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SNAPSHOT_HANDLER);
  for (const t of mine) ScriptApp.deleteTrigger(t);
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
  const snapshots = readHistory(asGrid(history), timeZoneOf(activeSpreadsheet()));
  const grid = asGrid(accounts);
  const out = grid.map((row) => {
    const name = textOf(row[0]);
    return name === "" ? "" : (scoreChange(snapshots, name, w) ?? "");
  });
  return grid.length === 1 ? (out[0] ?? "") : out.map((v) => [v]);
}
