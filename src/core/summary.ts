/** A scored table in a few numbers: rows per band (low to high), rows with No data, rows with unreadable cells. */
import type { RowResult } from "./score";
import type { Rubric } from "./types";
import { NO_DATA } from "./validate";

export interface BandCount {
  label: string;
  color: string;
  count: number;
}

export interface Summary {
  rows: number;
  bands: BandCount[];
  noData: number;
  /** 0-based indexes (into the results) of rows with at least one unreadable cell. */
  invalidRows: number[];
}

/** Band labels low to high: the top-level rubric's, then any new ones from segment rubrics. */
export function bandLabels(rubric: Rubric): { label: string; color: string }[] {
  const seen = new Map<string, string>();
  for (const r of [rubric, ...Object.values(rubric.segments?.rubrics ?? {})]) {
    for (const b of r.bands) if (!seen.has(b.label)) seen.set(b.label, b.color);
  }
  return [...seen].map(([label, color]) => ({ label, color }));
}

/** Counts results per band; `undefined` entries (blank rows) are not rows. */
export function summarize(rubric: Rubric, results: readonly (RowResult | undefined)[]): Summary {
  const bands = bandLabels(rubric).map((b) => ({ ...b, count: 0 }));
  const byLabel = new Map(bands.map((b) => [b.label, b]));
  const invalidRows: number[] = [];
  let rows = 0;
  let noData = 0;
  results.forEach((r, i) => {
    if (!r) return;
    rows++;
    if (r.band === NO_DATA) noData++;
    else {
      const band = byLabel.get(r.band);
      // Stryker disable next-line ConditionalExpression: equivalent, a result's band is one of the rubric's or its segments'
      if (band) band.count++;
    }
    if (r.invalid.length > 0) invalidRows.push(i);
  });
  return { rows, bands, noData, invalidRows };
}

/** `Red 29 · Yellow 146 · Green 24 · No data 1` (bands with no rows left out). */
export function bandLine(summary: Summary): string {
  const parts = summary.bands.filter((b) => b.count > 0).map((b) => `${b.label} ${b.count}`);
  if (summary.noData > 0) parts.push(`${NO_DATA} ${summary.noData}`);
  return parts.join(" · ");
}
