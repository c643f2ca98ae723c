/** Shared fixtures for the core tests: a rubric from partial JSON, and rows scored by header. */
import {
  type CellValue,
  type Plan,
  parseRubric,
  planner,
  type RowResult,
  type Rubric,
  scoreTable,
} from "../../src/core";

export const OPTIONS = { asOf: "2026-11-26", timeZone: "UTC" } as const;

export const RYG_BANDS = [
  { label: "Red", color: "#f4c7c3", action: "Call within 48 h" },
  { label: "Yellow", from: 40, color: "#fce8b2" },
  { label: "Green", from: 70, color: "#b7e1cd" },
];

/** Bands for the points method: below 0, from 0, from 40. */
export const POINT_BANDS = [
  { label: "Low", color: "#f4c7c3" },
  { label: "Mid", from: 0, color: "#fce8b2" },
  { label: "High", from: 40, color: "#b7e1cd" },
];

/** A valid rubric from partial JSON; the Red/Yellow/Green bands unless `bands` is given. */
export function rubric(json: Record<string, unknown>): Rubric {
  return parseRubric({ bands: RYG_BANDS, ...json });
}

/** A weighted metric whose cell value is its score: range worst 0 → best 100. */
export function pct(column: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: column.replace(/\W/g, "_"), column, score: { type: "range", worst: 0, best: 100 }, ...extra };
}

/** Scores rows given as objects keyed by header; the headers are every key used by any row. */
export function scoreRows(r: Rubric, rows: Record<string, CellValue>[]): RowResult[] {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return scoreTable(
    r,
    headers,
    rows.map((row) => headers.map((h) => row[h])),
    OPTIONS,
  );
}

export function scoreRow(r: Rubric, row: Record<string, CellValue>): RowResult {
  const [result] = scoreRows(r, [row]);
  if (!result) throw new Error("scoreTable returned no row");
  return result;
}

/** Plans one row given as { header: cell }, towards `target` (default: the band above the row's). */
export function planOf(r: Rubric, cells: Record<string, CellValue>, target?: string): Plan {
  return planner(r, Object.keys(cells), { ...OPTIONS, target }).planRow(Object.values(cells));
}
