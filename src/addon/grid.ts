/** Translating between Sheets' custom-function arguments and the core's tables. */
import type { CellValue } from "../core";

/** Sheets passes one cell as a plain value and a range as a 2-D array: make both 2-D. */
export function asGrid(arg: unknown): CellValue[][] {
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row : [row]));
  return [[arg as CellValue]];
}

/**
 * Text the add-on writes must stay text: Sheets reads a written "=…", "+…", "-…", "@…", "45%"
 * or "TRUE" as a formula, number or boolean, as if typed. A leading apostrophe makes Sheets keep
 * the rest as plain text (the apostrophe itself is not stored).
 */
export function plainText(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/** A grid with every string kept as plain text, for setValues. */
export function plainGrid(grid: readonly (readonly CellValue[])[]): CellValue[][] {
  return grid.map((row) => row.map((c) => (typeof c === "string" ? plainText(c) : c)));
}
