/** Translating between Sheets' custom-function arguments and the core's tables. */
import { type CellValue, columnLetter } from "../core";

/** Sheets passes one cell as a plain value and a range as a 2-D array: make both 2-D. */
export function asGrid(arg: unknown): CellValue[][] {
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row : [row]));
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
 * the plain-text format in one call; numbers, booleans and Dates keep their cells' formats.
 */
export function writeGrid(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  grid: readonly (readonly CellValue[])[],
): void {
  if (grid.length === 0) return;
  const text: string[] = [];
  grid.forEach((cells, i) => {
    // One A1 range per run of adjacent text cells in a row.
    for (let j = 0; j < cells.length; j++) {
      if (!isText(cells[j])) continue;
      let k = j;
      while (k + 1 < cells.length && isText(cells[k + 1])) k++;
      const r = row + i;
      text.push(`${columnLetter(column - 1 + j)}${r}:${columnLetter(column - 1 + k)}${r}`);
      j = k;
    }
  });
  if (text.length > 0) sheet.getRangeList(text).setNumberFormat(PLAIN_TEXT);
  sheet.getRange(row, column, grid.length, (grid[0] as CellValue[]).length).setValues(grid as CellValue[][]);
}

const isText = (c: CellValue | undefined): boolean => typeof c === "string" && c !== "";
