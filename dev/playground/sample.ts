/**
 * The sample sheet: examples/customers.csv as Sheets would hold it after typing it in. Numbers
 * are numbers, TRUE/FALSE are checkboxes (booleans), ISO dates are date cells and "45%" is 0.45.
 * Dates are taken at noon UTC, which is the same calendar day in every European time zone.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { HISTORY_SHEET, parseRubric, RUBRIC_SHEET, rubricToGrid } from "../../src/core";

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

/**
 * The spreadsheet `npm start` opens, as a team has it: the accounts (`data`, default "Customers"),
 * their raw activity as sheets (a login log, a ticket export, NPS answers), six months of weekly
 * snapshots with churn dates (so Check rubric against churn is predictive), and a rubric that
 * scores from that activity (examples/from-activity.json) on the Health Rubric sheet.
 */
export function sampleSpreadsheet(data = "Customers"): Record<string, unknown[][]> {
  const rubric = parseRubric(JSON.parse(readFileSync("examples/from-activity.json", "utf8")));
  return {
    [data]: sampleSheet(),
    Logins: sampleSheet("examples/logins.csv"),
    Tickets: sampleSheet("examples/tickets.csv"),
    NPS: sampleSheet("examples/nps.csv"),
    [HISTORY_SHEET]: sampleSheet("examples/history.csv"),
    [RUBRIC_SHEET]: rubricToGrid(rubric),
  };
}
