/**
 * Rescore all rows: the weekly command. One read of the data sheet, scoring in the core, one
 * setValues per block of adjacent output columns, so the number of service calls does not grow
 * with the rows. It writes only the output columns, holds the document lock while it runs, and
 * ends with a toast that says what happened.
 */
import {
  bandLine,
  type CellValue,
  explain,
  NO_DATA,
  RUBRIC_SHEET,
  type Rubric,
  scorecard,
  summarize,
} from "../core";
import { applyColorBands } from "./colorBands";
import {
  AddonError,
  type DataLayout,
  dataSheetFor,
  LIVE_HEADER,
  OUTPUT_HEADERS,
  type OutputHeader,
  outputRuns,
  readDataLayout,
} from "./dataSheet";
import { plainText } from "./grid";
import { RUBRIC_RANGE_NAME, readRubricSheet, writeRubricSheet } from "./rubricSheet";
import { problemsSentence, STARTER_RUBRIC } from "./rubricSource";
import { activeSpreadsheet, timeZoneOf, today } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a rescore did: returned to the sidebar, and said in the toast. */
export interface RescoreReport {
  sheet: string;
  rows: number;
  bands: { label: string; count: number }[];
  noData: number;
  /** Sheet rows (1-based) holding cells that could not be read. */
  invalidRows: number[];
  seconds: number;
  message: string;
}

const LOCK_WAIT_MS = 5_000;

/** The rubric the bulk commands use: the rubric sheet's, else the starter; the sheet must be valid. */
export function currentRubric(ss: Spreadsheet): { rubric: Rubric; asOf?: string; dataSheet?: string } {
  const reading = readRubricSheet(ss);
  if (!reading) return { rubric: STARTER_RUBRIC };
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
  } finally {
    lock.releaseLock();
  }
}

export function rescoreAll(): RescoreReport {
  return withDocumentLock(() => {
    const started = Date.now();
    const ss = activeSpreadsheet();
    const { rubric, asOf, dataSheet } = currentRubric(ss);
    const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
    const timeZone = timeZoneOf(ss);
    const card = scorecard(rubric, layout.headers, { asOf: asOf ?? today(ss), timeZone });
    const blank = (row: CellValue[]) => row.every((c) => c === "" || c === null || c === undefined);
    const results = layout.rows.map((row) => (blank(row) ? undefined : card.scoreRow(row)));

    writeOutputs(layout, (output, k) => {
      const r = results[k];
      if (!r) return "";
      switch (output) {
        case "Health Score":
          return r.score === null ? NO_DATA : r.score;
        case "Health Band":
          return plainText(r.band);
        case "Health Drivers":
          return plainText(explain(r));
        case "Coverage":
          return r.coverage;
      }
    });
    applyColorBands(layout.sheet, rubric, {
      headerRow: layout.headerRow,
      scoreColumn: layout.outputs["Health Score"],
      bandColumn: layout.outputs["Health Band"],
    });

    const summary = summarize(rubric, results);
    const invalidRows = summary.invalidRows.map((k) => layout.headerRow + 1 + k);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const shown = invalidRows.slice(0, 5).join(", ") + (invalidRows.length > 5 ? ", …" : "");
    const message =
      `Scored ${summary.rows} rows of "${layout.sheet.getName()}" in ${seconds} s: ${bandLine(summary) || "no rows"}.` +
      (invalidRows.length > 0
        ? ` ${invalidRows.length} ${invalidRows.length === 1 ? "row has" : "rows have"} unreadable cells (row ${shown}); Health Drivers says which.`
        : "");
    ss.toast(message, "Health Score", 10);
    return {
      sheet: layout.sheet.getName(),
      rows: summary.rows,
      bands: summary.bands.map(({ label, count }) => ({ label, count })),
      noData: summary.noData,
      invalidRows,
      seconds,
      message,
    };
  });
}

/**
 * Writes the output columns for every data row: the headers of new columns, then one setValues
 * per run of adjacent output columns. Nothing outside the output columns is touched.
 */
function writeOutputs(layout: DataLayout, cell: (output: OutputHeader, k: number) => CellValue): void {
  const { sheet, headerRow, rows, outputs, created } = layout;
  const needed = Math.max(...OUTPUT_HEADERS.map((o) => outputs[o]));
  if (needed > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
  for (const run of outputRuns(outputs)) {
    const first = outputs[run[0] as OutputHeader];
    const newHeaders = run.filter((o) => created.includes(o));
    if (newHeaders.length === run.length) {
      sheet.getRange(headerRow, first, 1, run.length).setValues([run.map(plainText)]);
    } else {
      // Mixed runs keep existing headers as they are: write only the new ones, one cell each.
      for (const o of newHeaders) sheet.getRange(headerRow, outputs[o]).setValue(plainText(o));
    }
    if (rows.length > 0) {
      sheet
        .getRange(headerRow + 1, first, rows.length, run.length)
        .setValues(rows.map((_, k) => run.map((o) => cell(o, k))));
    }
  }
  if (rows.length > 0) {
    sheet.getRange(headerRow + 1, outputs["Health Score"], rows.length, 1).setNumberFormat("0.0");
    sheet.getRange(headerRow + 1, outputs.Coverage, rows.length, 1).setNumberFormat("0%");
  }
}

/** Re-reads the layout and reapplies the colour rules (menu: Apply colour bands). */
export function applyColorBandsCommand(): number {
  const ss = activeSpreadsheet();
  const { rubric, dataSheet } = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
  if (layout.created.includes("Health Score") || layout.created.includes("Health Band")) {
    throw new AddonError(
      `"${layout.sheet.getName()}" has no Health Score and Health Band columns yet: rescore first.`,
    );
  }
  return applyColorBands(layout.sheet, rubric, {
    headerRow: layout.headerRow,
    scoreColumn: layout.outputs["Health Score"],
    bandColumn: layout.outputs["Health Band"],
  });
}

/**
 * Writes one formula that scores every row live: =HEALTHSCORE over the data columns with the
 * rubric range, so edits to the data or the rubric recalculate without a rescore. It goes in its
 * own column (Live Health Score), whose cells below the header it clears so the result can spill.
 */
export function insertLiveScoreColumn(): string {
  const ss = activeSpreadsheet();
  const { rubric, dataSheet } = currentRubric(ss);
  if (!ss.getSheetByName(RUBRIC_SHEET)) writeRubricSheet(ss, STARTER_RUBRIC); // the formula needs HealthRubric
  const layout = readDataLayout(dataSheetFor(ss, dataSheet), rubric);
  const { sheet, headerRow, headers } = layout;
  const existing = headers.findIndex((h) => String(h).trim().toLowerCase() === LIVE_HEADER.toLowerCase());
  const column = existing >= 0 ? existing + 1 : headers.length + 1;
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  const last = sheet.getRange(1, layout.lastDataColumn).getA1Notation().replace(/\d+$/, "");
  const formula = `=HEALTHSCORE(A${headerRow + 1}:${last}, A${headerRow}:${last}${headerRow}, ${RUBRIC_RANGE_NAME})`;
  sheet.getRange(headerRow, column).setValue(plainText(LIVE_HEADER));
  const below = sheet.getMaxRows() - headerRow;
  if (below > 0) sheet.getRange(headerRow + 1, column, below, 1).clearContent();
  sheet
    .getRange(headerRow + 1, column)
    .setFormula(formula)
    .setNumberFormat("0.0");
  ss.toast(
    `Inserted ${formula} in ${LIVE_HEADER}: it recalculates when the data or the rubric changes.`,
    "Health Score",
    8,
  );
  return formula;
}
