/**
 * The sample sheet: examples/customers.csv as Sheets would hold it after typing it in. Numbers
 * are numbers, TRUE/FALSE are checkboxes (booleans), ISO dates are date cells and "45%" is 0.45.
 * Dates are taken at noon UTC, which is the same calendar day in every European time zone.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export const SAMPLE_CSV = "examples/customers.csv";

export function typedCell(text: string): unknown {
  if (text === "") return "";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === "TRUE" || text === "FALSE") return text === "TRUE";
  // Text that is no real date (2026-13-01) stays text, as Sheets keeps it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)))
    return new Date(`${text}T12:00:00Z`);
  if (/^-?\d+(\.\d+)?%$/.test(text)) return Number(text.slice(0, -1)) / 100;
  return text;
}

/** The rows of a CSV file, header row first, typed as a sheet holds them. */
export function sampleSheet(file = SAMPLE_CSV): unknown[][] {
  const rows = parse(readFileSync(file, "utf8")) as string[][];
  return rows.map((row, i) => (i === 0 ? row : row.map(typedCell)));
}
