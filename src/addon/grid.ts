/** Translating between Sheets' custom-function arguments and the core's tables. */
import { type CellValue, columnLetter } from "../core";

/** Sheets passes one cell as a plain value and a range (or an array literal) as a 2-D array: make both 2-D. */
export function asGrid(arg: unknown): CellValue[][] {
  if (Array.isArray(arg)) return arg as CellValue[][];
  return [[arg as CellValue]];
}

/**
 * The number format "Plain text". Sheets reads a string written by setValues as if it were typed:
 * "=…", "+…", "-…" and "@…" become formulas, "45%" a number, "2026-11-26" a date (in an order that
 * depends on the spreadsheet's locale). In a cell formatted "@" it stays the text it is (Sheets
 * Help, "Format numbers in a spreadsheet": Plain text). So the add-on formats a cell "@" before
 * writing text into it, and never relies on a leading apostrophe being dropped.
 */
export const PLAIN_TEXT = "@";

/**
 * Writes a grid at (row, column) with one setValues, after giving the cells that will hold text
 * the plain-text format in one call; numbers, booleans, Dates and blank cells keep their cells'
 * formats (so a number typed there later is a number). Every grid written has a row of text.
 */
export function writeGrid(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  grid: readonly (readonly CellValue[])[],
): void {
  const text = grid.flatMap((cells, i) =>
    cells.flatMap((c, j) =>
      typeof c === "string" && c !== "" ? [`${columnLetter(column - 1 + j)}${row + i}`] : [],
    ),
  );
  sheet.getRangeList(text).setNumberFormat(PLAIN_TEXT);
  sheet.getRange(row, column, grid.length, (grid[0] as CellValue[]).length).setValues(grid as CellValue[][]);
}
