/**
 * The data sheet: the sheet holding one row per account, its header row, and the add-on's output
 * columns (found by header, created at the right of the data when absent). Everything the bulk
 * commands need from the sheet is read here, with one getValues (and one getDisplayValues when the
 * rubric matches cells as written).
 */
import {
  type CellValue,
  columnLetter,
  columnsRead,
  displayedColumns,
  findHeaderRow,
  headerKey,
  isOutputColumn,
  type OutputColumn,
  OWN_SHEETS,
  RUBRIC_SHEET,
  type Rubric,
  SCORE_COLUMNS,
  textOf,
} from "../core";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Rows one rescore takes on. Reading, scoring and writing 100,000 rows × 12 metrics fits well
 * inside Apps Script's 6-minute execution (npm run bench); twice that is the ceiling we promise.
 */
export const MAX_ROWS = 200_000;

/** A problem the user can fix, said in one sentence; commands show it as it is. */
export class AddonError extends Error {
  constructor(message: string) {
    super(message);
    // Stryker disable next-line StringLiteral: cosmetic, commands tell it by instanceof and show only the message
    this.name = "AddonError";
  }
}

export function dataSheetFor(ss: Spreadsheet, named: string | undefined): Sheet {
  if (named) {
    const sheet = ss.getSheetByName(named);
    if (!sheet) {
      throw new AddonError(
        `The rubric's Data sheet setting names "${named}", but there is no such sheet: fix the name on the ${RUBRIC_SHEET} sheet.`,
      );
    }
    return sheet;
  }
  const sheet = ss.getActiveSheet();
  if (OWN_SHEETS.includes(sheet.getName())) {
    throw new AddonError(
      `"${sheet.getName()}" is the add-on's own sheet. Open the sheet with your accounts, or name it in the Data sheet setting of the ${RUBRIC_SHEET} sheet.`,
    );
  }
  return sheet;
}

export interface DataLayout {
  sheet: Sheet;
  /** 1-based row of the headers. */
  headerRow: number;
  headers: CellValue[];
  /**
   * The rows below the header row, as getValues returned them, except that the cells of columns
   * the rubric only matches as written (displayedColumns) hold the text Sheets displays.
   */
  rows: CellValue[][];
  /** 1-based column of each output in use, existing or to be created. */
  outputs: Partial<Record<OutputColumn, number>>;
  /** Outputs that have no column yet, in creation order. */
  created: OutputColumn[];
  /** 1-based last column holding the accounts' own data (not an output). */
  lastDataColumn: number;
}

/**
 * Reads the data sheet in one call and lays out where each output goes. The header row is the
 * first of the top five rows that names a column the rubric reads (row 1 otherwise).
 */
export function readDataLayout(
  sheet: Sheet,
  rubric: Rubric,
  wanted: readonly OutputColumn[] = SCORE_COLUMNS,
  /** Outputs written only when the header row already has them. */
  // Stryker disable next-line ArrayDeclaration: an optional output the header row lacks adds nothing, whatever its name
  optional: readonly OutputColumn[] = [],
): DataLayout {
  const lastRow = sheet.getLastRow();
  if (lastRow - 1 > MAX_ROWS) {
    throw new AddonError(
      `"${sheet.getName()}" has ${lastRow - 1} rows; one rescore handles up to ${MAX_ROWS} within Apps Script's 6-minute limit. Split the accounts over several sheets, or use Insert live score column.`,
    );
  }
  const values = (lastRow === 0 ? [] : sheet.getDataRange().getValues()) as CellValue[][];
  if (values.length === 0) {
    throw new AddonError(`"${sheet.getName()}" is empty: it needs a header row, then one row per account.`);
  }
  const headerIndex = Math.max(0, findHeaderRow(values, rubric));
  const headers = values[headerIndex] as CellValue[];
  useDisplayedText(sheet, values, headerIndex, displayedColumns(rubric, headers));

  const outputs: Partial<Record<OutputColumn, number>> = {};
  // Stryker disable next-line ArrayDeclaration: created is only asked whether it holds an output, and an output it did not create is never in it
  const created: OutputColumn[] = [];
  let lastDataColumn = 0;
  headers.forEach((h, i) => {
    if (!isOutputColumn(textOf(h)) && columnHasData(values, i)) lastDataColumn = i + 1;
  });
  let next = headers.length + 1;
  for (const output of [...wanted, ...optional]) {
    const at = headers.flatMap((h, i) => (headerKey(h) === output.toLowerCase() ? [i + 1] : []));
    if (at.length > 1) {
      throw new AddonError(
        `The header row has ${at.length} "${output}" columns (${at.map((c) => columnLetter(c - 1)).join(", ")}): delete or rename all but one, then rescore.`,
      );
    }
    if (at.length === 1) outputs[output] = at[0] as number;
    else if (!optional.includes(output)) {
      outputs[output] = next++;
      created.push(output);
    }
  }
  return {
    sheet,
    headerRow: headerIndex + 1,
    headers,
    rows: values.slice(headerIndex + 1),
    outputs,
    created,
    lastDataColumn,
  };
}

/**
 * A map scorer matches a cell as written, and in the spreadsheet that is what the cell displays
 * (`10%`, not 0.1; `5.00`, not 5). One getDisplayValues over the span of those columns, whatever
 * the number of rows; only number and date cells change (text displays as itself).
 */
function useDisplayedText(sheet: Sheet, values: CellValue[][], headerIndex: number, columns: number[]): void {
  const rows = values.length - headerIndex - 1;
  if (columns.length === 0 || rows <= 0) return;
  const first = Math.min(...columns);
  const width = Math.max(...columns) - first + 1;
  const shown = sheet.getRange(headerIndex + 2, first + 1, rows, width).getDisplayValues();
  for (let r = 0; r < rows; r++) {
    const row = values[headerIndex + 1 + r] as CellValue[];
    for (const c of columns) {
      const cell = row[c];
      // Stryker disable next-line ConditionalExpression: text displays as itself; a boolean would become the word shown, which some locales translate, so it stays the boolean
      if (typeof cell === "number" || cell instanceof Date)
        row[c] = (shown[r] as string[])[c - first] as string;
    }
  }
}

/** The note on the header of every column the add-on writes: how a rescore knows its own columns. */
export const OUTPUT_NOTE = "Written by the Health Score add-on at each rescore: edits here are replaced.";

/**
 * Makes sure every existing output column is the add-on's to write: a column titled like an
 * output ("Coverage" is ordinary CS vocabulary) that the add-on did not make and that holds data is
 * refused, and so is an output column the rubric reads. Returns the existing columns to mark as
 * the add-on's (titled like an output, but empty).
 */
export function claimOutputs(layout: DataLayout, rubric: Rubric): OutputColumn[] {
  const existing = (Object.entries(layout.outputs) as [OutputColumn, number][]).filter(
    ([o]) => !layout.created.includes(o),
  );
  const { sheet, headerRow, headers, rows } = layout;
  const notes = sheet.getRange(headerRow, 1, 1, headers.length).getNotes()[0] as string[];
  const read = new Set(columnsRead(rubric).map((c) => c.column.toLowerCase()));
  // Stryker disable next-line ArrayDeclaration: the caller only asks whether an output is in it
  const unmarked: OutputColumn[] = [];
  for (const [output, column] of existing) {
    const letter = columnLetter(column - 1);
    if (read.has(output.toLowerCase())) {
      throw new AddonError(
        `The rubric reads column ${letter}, "${output}", which is where a rescore writes its ${output}: rename that column (and the rubric's metric or flag that reads it), then rescore.`,
      );
    }
    if (notes[column - 1] === OUTPUT_NOTE) continue;
    if (columnHasData(rows, column - 1)) {
      throw new AddonError(
        `Column ${letter} is titled "${output}", but Health Score did not make it and it holds data. A rescore never overwrites your data: rename that column or clear its values, then rescore.`,
      );
    }
    unmarked.push(output);
  }
  return unmarked;
}

function columnHasData(values: readonly CellValue[][], column: number): boolean {
  // getValues gives every row every column, an empty cell as "".
  return values.some((row) => row[column] !== "");
}

/** Runs of adjacent output columns, so that each run is written with one setValues. */
export function outputRuns(
  outputs: Partial<Record<OutputColumn, number>>,
): { first: number; headers: OutputColumn[] }[] {
  const placed = Object.entries(outputs) as [OutputColumn, number][];
  placed.sort((a, b) => a[1] - b[1]);
  const runs: { first: number; headers: OutputColumn[] }[] = [];
  for (const [header, column] of placed) {
    const run = runs[runs.length - 1];
    if (run && run.first + run.headers.length === column) run.headers.push(header);
    else runs.push({ first: column, headers: [header] });
  }
  return runs;
}
