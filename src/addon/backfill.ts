/**
 * "Backfill history from sources": the weeks before the first snapshot, scored from the source
 * sheets as of each week, written above the existing rows of Health History in one write.
 *
 * Apps Script stops a run at 6 minutes, and the time a dialog stays open counts. So the sheets are
 * read first, the prompt says how many weeks fit from their sizes, and the run measures each week,
 * stopping before the limit with the weeks done written (a rerun goes on further back).
 */
import {
  anotherWeekFits,
  BACKFILL_WEEKS,
  backfillDates,
  backfillProblem,
  backfillRowsPerWeek,
  backfillWeek,
  HISTORY_SHEET,
  historyLayout,
  prepareSources,
  readHistoryRows,
  SCRIPT_SECONDS,
  type Snapshot,
  thousands,
  undatedColumns,
  WRITE_SECONDS,
  weeksThatFit,
} from "../core";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
import { writeSnapshots } from "./history";
import { accountColumn, currentRubric, withDocumentLock } from "./rescore";
import { readSourceSheets, withSourceSheets } from "./sourceSheets";
import { activeSpreadsheet, timeZoneOf, today } from "./spreadsheet";

/** At most ten years of weeks: a typo such as 2600 is refused, not run. */
const MAX_WEEKS = 520;

export function backfillHistory(): string | undefined {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const ss = activeSpreadsheet();
  const { rubric, dataSheet, accountKey } = currentRubric(ss);
  const problem = backfillProblem(rubric);
  if (problem) throw new AddonError(problem);
  const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
  // A rubric reading sources names its accounts' column (its key): snapshots follow the same one.
  const keyColumn = accountColumn(layout, accountKey ?? rubric.key);
  const sources = readSourceSheets(ss, rubric);
  const timeZone = timeZoneOf(ss);
  const perWeek = backfillRowsPerWeek(rubric, sources.tables, layout.rows.length);
  const sourceRows = perWeek - layout.rows.length;
  const fit = weeksThatFit(perWeek, SCRIPT_SECONDS - WRITE_SECONDS - seconds());

  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    "Health Score: backfill history from sources",
    `Scores each account as of each past week from the ${thousands(sourceRows)} rows of the source sheets, before the first snapshot in ${HISTORY_SHEET}. About ${fit} weeks fit in one run (Apps Script stops a run after 6 minutes; a run that would pass it stops in time, keeping the weeks done). How many weeks back? Leave empty for ${BACKFILL_WEEKS}.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const typed = answer.getResponseText().trim();
  const weeks = typed === "" ? BACKFILL_WEEKS : Number(typed);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
    throw new AddonError(
      `The number of weeks must be a whole number from 1 to ${MAX_WEEKS}, not "${typed}": run Backfill again and type one.`,
    );
  }

  return withDocumentLock(() => {
    const earliest = earliestSnapshot(ss, timeZone);
    const dates = backfillDates(today(ss), weeks, earliest);
    if (dates.length === 0) {
      return `${HISTORY_SHEET} already starts on ${earliest}, and ${weeks} weeks back from today reach no earlier: ask for more weeks to go further back.`;
    }
    const input = {
      rubric,
      headers: layout.headers,
      rows: layout.rows,
      keyColumn,
      sources: prepareSources(rubric, sources.tables, timeZone),
      timeZone,
    };
    // Newest week first: a run that stops early leaves no gap, and a rerun continues further back.
    const done: Snapshot[][] = [];
    let slowest = 0;
    for (const date of dates) {
      if (done.length > 0 && !anotherWeekFits(seconds(), slowest)) break;
      const before = seconds();
      done.push(withSourceSheets(sources, () => backfillWeek(input, date)));
      slowest = Math.max(slowest, seconds() - before);
    }
    const rows = done.reverse().flat();
    // The weeks done are the newest of `dates`, which runs newest first.
    const first = dates[done.length - 1];
    const last = dates[0];
    const warning = writeSnapshots(ss, rows, "This backfill", "top");
    const parts = [
      `Backfilled ${done.length} ${done.length === 1 ? "week" : "weeks"} (${first} to ${last}) of ${thousands(rows.length)} account rows into ${HISTORY_SHEET}, above its earlier rows.`,
    ];
    if (done.length < dates.length) {
      parts.push(
        `Stopped after ${done.length} of ${dates.length} weeks to stay within Apps Script's 6-minute limit; they are written: run Backfill again to go further back.`,
      );
    }
    const columns = undatedColumns(rubric);
    if (columns.length > 0) {
      parts.push(
        `${columns.join(", ")} ${columns.length === 1 ? "is a column" : "are columns"} of your sheet with no past: every week reads today's ${columns.length === 1 ? "cell" : "cells"}.`,
      );
    }
    if (warning) parts.push(warning);
    return parts.join(" ");
  });
}

/** The first date in Health History (one read of its date column), or undefined when it has none. */
function earliestSnapshot(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
): string | undefined {
  const history = ss.getSheetByName(HISTORY_SHEET);
  // Stryker disable next-line ConditionalExpression: a header alone holds no snapshot either way; this skips its reads
  if (!history || history.getLastRow() < 2) return undefined;
  const header = history.getRange(1, 1, 1, Math.max(1, history.getLastColumn())).getValues();
  const layout = historyLayout(header);
  // A header in row 1 starts with Date and Account: those two columns are all this reads.
  if (layout.headerRow !== 0) return undefined;
  const values = history.getRange(1, 1, history.getLastRow(), 2).getValues();
  let first: string | undefined;
  // Columns past the two read are empty cells to readHistoryRows: no values, no rescored scores.
  for (const s of readHistoryRows(values, timeZone, layout)) {
    // Stryker disable next-line EqualityOperator: an equal date is the same first date
    if (s && (first === undefined || s.date < first)) first = s.date;
  }
  return first;
}
