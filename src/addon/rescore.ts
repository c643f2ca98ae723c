/**
 * Rescore all rows: the weekly command. One read of the data sheet, scoring in the core, one
 * setValues per block of adjacent output columns, so the number of service calls does not grow
 * with the rows. It writes only the output columns, holds the document lock while it runs, and
 * ends with a toast that says what happened.
 */

import {
  bandLine,
  type CellValue,
  droppedBand,
  elapsed,
  explain,
  HISTORY_SHEET,
  headerKey,
  LIVE_COLUMN,
  NO_DATA,
  type OutputColumn,
  PLAN_COLUMN,
  planner,
  plural,
  previousSnapshots,
  problemsSentence,
  RUBRIC_SHEET,
  type Rubric,
  readHistory,
  rubricFingerprint,
  SCORE_COLUMNS,
  type SheetSettings,
  type Snapshot,
  scorecard,
  scoreNonBlank,
  summarize,
  TREND_COLUMN,
  textOf,
  trendText,
} from "../core";
import { applyColorBands } from "./colorBands";
import {
  AddonError,
  claimOutputs,
  type DataLayout,
  dataSheetFor,
  OUTPUT_NOTE,
  outputRuns,
  readDataLayout,
} from "./dataSheet";
import { readDraft } from "./drafts";
import { PLAIN_TEXT } from "./grid";
import { RUBRIC_RANGE_NAME, readRubricSheet, setAsOfToday, writeRubricSheet } from "./rubricSheet";
import { starterRubric } from "./rubricSource";
import { readSourceSheets, sourceSheetNotes, withSourceSheets } from "./sourceSheets";
import { activeSpreadsheet, timeZoneOf } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a rescore did: returned to the sidebar, and said in the toast. */
export interface RescoreReport {
  sheet: string;
  rows: number;
  bands: { label: string; count: number }[];
  noData: number;
  /** Sheet rows (1-based) holding cells that could not be read. */
  invalidRows: number[];
  /** The rows per band in one line: "Red 27 · Yellow 126 · Green 46 · No data 1". */
  bandLine: string;
  /** Accounts whose band fell since the previous snapshot, e.g. "Acme (Green → Yellow)". */
  dropped: string[];
  seconds: number;
  message: string;
}

const LOCK_WAIT_MS = 5_000;

/** The rubric the bulk commands use: the rubric sheet's, else the starter; the sheet must be valid. */
export function currentRubric(ss: Spreadsheet): { rubric: Rubric } & SheetSettings {
  const reading = readRubricSheet(ss);
  if (!reading) return { rubric: starterRubric() };
  if (!reading.rubric) {
    throw new AddonError(
      `${problemsSentence(`The ${RUBRIC_SHEET} sheet`, reading.errors)} Fix it, then try again.`,
    );
  }
  return { rubric: reading.rubric, ...reading.settings };
}

/** Runs `work` holding the document lock; a second run waits briefly, then says one is running. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new AddonError(
      "Another rescore is running in this spreadsheet. Wait for it to finish, then try again.",
    );
  }
  try {
    return work();
    // Stryker disable next-line BlockStatement: Apps Script releases a script's locks when its execution ends; releasing here only frees the lock sooner
  } finally {
    lock.releaseLock();
  }
}

export function rescoreAll(): RescoreReport {
  return withDocumentLock(() => {
    const started = Date.now();
    const ss = activeSpreadsheet();
    const { rubric, dataSheet, accountKey } = currentRubric(ss);
    const history = historySheet(ss);
    const sheet = dataSheetFor(ss, dataSheet);
    const layout = readDataLayout(sheet, rubric, history ? [...SCORE_COLUMNS, TREND_COLUMN] : SCORE_COLUMNS, [
      PLAN_COLUMN,
    ]);
    const timeZone = timeZoneOf(ss);
    const day = setAsOfToday(ss);
    const sources = readSourceSheets(ss, rubric);
    const card = withSourceSheets(sources, () =>
      scorecard(rubric, layout.headers, { asOf: day, timeZone, sources: sources.tables }),
    );
    const results = scoreNonBlank(card, layout.rows);

    // Trend: each account against its latest snapshot before today, under the same rubric.
    const keyColumn = accountColumn(layout, accountKey);
    const previous = history
      ? previousSnapshots(
          readHistory(history.getDataRange().getValues() as CellValue[][], timeZone),
          day,
          rubricFingerprint(rubric),
        )
      : new Map<string, Snapshot>();
    // Stryker disable next-line OptionalChaining: k indexes results, which has one entry per row
    const previousOf = (k: number) => previous.get(textOf(layout.rows[k]?.[keyColumn]).toLowerCase());
    const dropped: string[] = [];
    results.forEach((r, k) => {
      const before = previousOf(k);
      if (r && before && droppedBand(rubric, r.band, before.band)) {
        // Stryker disable next-line OptionalChaining: k indexes results, which has one entry per row
        dropped.push(`${textOf(layout.rows[k]?.[keyColumn])} (${before.band} → ${r.band})`);
      }
    });

    // The Health Plan column, when the user added one: each account's plan to the next band.
    const plans =
      layout.outputs[PLAN_COLUMN] === undefined
        ? undefined
        : planner(rubric, layout.headers, { asOf: day, timeZone, sources: sources.tables });
    const claimed = claimOutputs(layout, rubric);
    writeOutputs(layout, claimed, (output, k) => {
      const r = results[k];
      if (!r) return "";
      switch (output) {
        case "Health Score":
          return r.score === null ? NO_DATA : r.score;
        case "Health Band":
          return r.band;
        case "Health Drivers":
          return explain(r);
        case "Coverage":
          return r.coverage;
        case "Health Trend":
          return trendText(r.score, previousOf(k));
        case "Health Plan":
          return plans ? plans.planRow(layout.rows[k] as CellValue[]).why : "";
      }
    });
    applyColorBands(layout.sheet, rubric, bandColumns(layout));
    // Sheets scrolls to the active range: selecting the first output's header brings the scores
    // into view, which otherwise sit right of the columns a person was looking at.
    layout.sheet.getRange(layout.headerRow, Math.min(...Object.values(layout.outputs))).activate();

    const summary = summarize(rubric, results);
    const invalidRows = summary.invalidRows.map((k) => layout.headerRow + 1 + k);
    const ms = Date.now() - started;
    // Stryker disable next-line ArithmeticOperator: the sidebar shows the message, which says the time by elapsed(); seconds is shown nowhere
    const seconds = Math.round(ms / 100) / 10;
    const message = [
      `Scored ${plural(summary.rows, "row")} of "${layout.sheet.getName()}" in ${elapsed(ms)}: ${bandLine(summary) || "no rows"}.`,
      invalidRows.length > 0
        ? `${invalidRows.length} ${invalidRows.length === 1 ? "row has" : "rows have"} unreadable cells (row ${firstFew(invalidRows)}); Health Drivers says which.`
        : "",
      dropped.length > 0 ? `Dropped a band since the last snapshot: ${firstFew(dropped)}.` : "",
      ...sourceSheetNotes(card, sources),
      readDraft(ss) === null
        ? ""
        : "The sidebar holds unsaved edits to the rubric: this rescore used the saved one.",
    ]
      .filter(Boolean)
      .join(" ");
    ss.toast(message, "Health Score", 10);
    return {
      sheet: layout.sheet.getName(),
      rows: summary.rows,
      bands: summary.bands.map(({ label, count }) => ({ label, count })),
      noData: summary.noData,
      bandLine: bandLine(summary),
      invalidRows,
      dropped,
      seconds,
      message,
    };
  });
}

const firstFew = (items: readonly (string | number)[]) =>
  items.slice(0, 5).join(", ") + (items.length > 5 ? ", …" : "");

/** The column naming each account: the Account key setting, else the first column. */
export function accountColumn(layout: DataLayout, accountKey: string | undefined): number {
  if (!accountKey) return 0;
  const i = layout.headers.findIndex((h) => headerKey(h) === accountKey.trim().toLowerCase());
  if (i < 0) {
    throw new AddonError(
      `The Account key setting names "${accountKey}", but "${layout.sheet.getName()}" has no such column: fix it on the ${RUBRIC_SHEET} sheet.`,
    );
  }
  return i;
}

function historySheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(HISTORY_SHEET);
}

function outputColumn(layout: DataLayout, header: OutputColumn): number {
  const column = layout.outputs[header];
  // Stryker disable next-line ConditionalExpression: unreachable, readDataLayout lays out every output it was asked for
  if (column === undefined) throw new Error(`No ${header} column was laid out.`);
  return column;
}

function bandColumns(layout: DataLayout) {
  return {
    headerRow: layout.headerRow,
    scoreColumn: outputColumn(layout, "Health Score"),
    bandColumn: outputColumn(layout, "Health Band"),
  };
}

/** The output columns that hold text (headers are fixed words, written as they are). */
const TEXT_OUTPUTS: readonly OutputColumn[] = [
  "Health Band",
  "Health Drivers",
  "Health Trend",
  "Health Plan",
];

/**
 * Writes the output columns for every data row: the headers of new columns, then one setValues
 * per run of adjacent output columns. Nothing outside the output columns is touched.
 */
function writeOutputs(
  layout: DataLayout,
  claimed: readonly OutputColumn[],
  cell: (output: OutputColumn, k: number) => CellValue,
): void {
  const { sheet, headerRow, rows, created } = layout;
  const runs = outputRuns(layout.outputs);
  const needed = Math.max(...runs.map((r) => r.first + r.headers.length - 1));
  if (needed > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
  for (const { first, headers } of runs) {
    const fresh = headers.filter((o) => created.includes(o));
    // Stryker disable next-line ConditionalExpression: writing each new header by itself gives the same cells and notes, in more calls
    if (fresh.length === headers.length) {
      sheet
        .getRange(headerRow, first, 1, headers.length)
        .setValues([[...headers]])
        .setNotes([headers.map(() => OUTPUT_NOTE)]);
    } else {
      // Mixed runs keep existing headers as they are: write only the new ones, one cell each.
      for (const o of fresh)
        sheet.getRange(headerRow, outputColumn(layout, o)).setValue(o).setNote(OUTPUT_NOTE);
    }
    // Empty columns titled like an output become the add-on's, marked as such.
    for (const o of headers.filter((h) => claimed.includes(h))) {
      sheet.getRange(headerRow, outputColumn(layout, o)).setNote(OUTPUT_NOTE);
    }
    if (rows.length > 0) {
      // Text columns are made plain text first, so a label or explanation such as "=1+1",
      // "+Good" or "45%" is stored as written (grid.ts, PLAIN_TEXT).
      headers.forEach((o, j) => {
        // Stryker disable next-line ConditionalExpression: Score and Coverage get their number formats below, after the write (a number written stays a number)
        if (TEXT_OUTPUTS.includes(o))
          sheet.getRange(headerRow + 1, first + j, rows.length, 1).setNumberFormat(PLAIN_TEXT);
      });
      sheet
        .getRange(headerRow + 1, first, rows.length, headers.length)
        .setValues(rows.map((_, k) => headers.map((o) => cell(o, k))));
    }
  }
  if (rows.length > 0) {
    sheet
      .getRange(headerRow + 1, outputColumn(layout, "Health Score"), rows.length, 1)
      .setNumberFormat("0.0");
    sheet.getRange(headerRow + 1, outputColumn(layout, "Coverage"), rows.length, 1).setNumberFormat("0%");
  }
}

/** Re-reads the layout and reapplies the colour rules (menu: Apply colour bands). */
export function applyColorBandsCommand(): number {
  return withDocumentLock(applyColorBandsNow);
}

function applyColorBandsNow(): number {
  const ss = activeSpreadsheet();
  const { rubric, dataSheet } = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
  if (layout.created.includes("Health Score") || layout.created.includes("Health Band")) {
    throw new AddonError(
      `"${layout.sheet.getName()}" has no Health Score and Health Band columns yet: rescore first.`,
    );
  }
  return applyColorBands(layout.sheet, rubric, bandColumns(layout));
}

/**
 * Writes one formula that scores every row live: =HEALTHSCORE over the data columns with the
 * rubric range, so edits to the data or the rubric recalculate without a rescore. It goes in its
 * own column (Live Health Score), whose cells below the header it clears so the result can spill.
 */
export function insertLiveScoreColumn(): string {
  const ss = activeSpreadsheet();
  const { rubric, dataSheet } = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
  if (!ss.getSheetByName(RUBRIC_SHEET)) {
    writeRubricSheet(ss, starterRubric()); // the formula needs HealthRubric
    layout.sheet.activate(); // creating a sheet makes it the active one
  }
  const { sheet, headerRow, headers } = layout;
  const existing = headers.findIndex((h) => String(h).trim().toLowerCase() === LIVE_COLUMN.toLowerCase());
  const column = existing >= 0 ? existing + 1 : headers.length + 1;
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  // Stryker disable next-line Regex: the A1 notation of a cell in row 1 ends in its only digit
  const last = sheet.getRange(1, layout.lastDataColumn).getA1Notation().replace(/\d+$/, "");
  const formula = `=HEALTHSCORE(A${headerRow + 1}:${last}, A${headerRow}:${last}${headerRow}, ${RUBRIC_RANGE_NAME})`;
  sheet.getRange(headerRow, column).setValue(LIVE_COLUMN);
  // The whole column below is cleared for the result to spill into, and formatted: a spilled
  // cell shows in its own format, not the formula cell's. (There is a row below the header: the
  // data's, or a header-only sheet's spare rows; the formula's own cell needs one anyway.)
  sheet
    .getRange(headerRow + 1, column, sheet.getMaxRows() - headerRow, 1)
    .clearContent()
    .setNumberFormat("0.0");
  sheet.getRange(headerRow + 1, column).setFormula(formula);
  // Running from the menu is what puts the add-on in use in this spreadsheet, and Sheets knows
  // an add-on's custom functions only where it is in use (developers.google.com/apps-script/
  // add-ons/lifecycle: installed vs enabled); a cell computed before that may still show #NAME?.
  ss.toast(
    `Inserted ${formula} in ${LIVE_COLUMN}: it recalculates when the data or the rubric changes. If it shows #NAME?, reload the spreadsheet once.`,
    "Health Score",
    10,
  );
  return formula;
}
