/** `healthscore score`: scores every row of a CSV with a rubric, as a table, CSV or JSON. */
import { stringify } from "csv-stringify/sync";
import { ColumnError, explain, type RowResult, SourceColumnError, scorecard } from "../src/core";
import { CliError, readCsv, readSources, requireRubric, sourceNotes } from "./io";
import { renderTable } from "./table";

export type Format = "table" | "csv" | "json";

export interface ScoreArgs {
  data: string;
  rubric: string;
  asOf: string;
  timeZone: string;
  format: Format;
  color: boolean;
  width?: number;
  /** `name=file` for each source the rubric reads. */
  sources?: readonly string[];
  /** Where notes go (unmatched keys, unreadable dates): stderr. */
  note?: (line: string) => void;
}

/** The columns the add-on's rescore writes and `--format csv` appends (replacing them when already there). */
export const OUTPUT_COLUMNS = ["Health Score", "Health Band", "Health Drivers", "Coverage"] as const;

export function score(args: ScoreArgs): string {
  const rubric = requireRubric(args.rubric);
  const sources = readSources(rubric, args.sources ?? []);
  const { headers, rows } = readCsv(args.data);
  let results: RowResult[];
  try {
    const card = scorecard(rubric, headers, {
      asOf: args.asOf,
      timeZone: args.timeZone,
      sources: sources.tables,
    });
    results = card.scoreRows(rows);
    for (const line of sourceNotes(card, sources.files)) args.note?.(line);
  } catch (e) {
    if (e instanceof SourceColumnError) {
      throw new CliError(`${e.sources.map((name) => sources.files[name]).join(", ")}: ${e.message}`);
    }
    if (e instanceof ColumnError) throw new CliError(`${args.data}: ${e.message}`);
    throw e;
  }
  switch (args.format) {
    case "json":
      return JSON.stringify(results.map(toJson), null, 2);
    case "csv":
      return toCsv(headers, rows, results);
    case "table":
      return renderTable(
        rows.map((r) => r[0] ?? ""),
        results,
        rubric,
        { color: args.color, width: args.width },
      );
  }
}

function toJson(r: RowResult) {
  return {
    score: r.score,
    band: r.band,
    color: r.color,
    ...(r.action ? { action: r.action } : {}),
    ...(r.segment ? { segment: r.segment } : {}),
    ...(r.note ? { note: r.note } : {}),
    coverage: Math.round(r.coverage * 1000) / 1000,
    drivers: r.drivers.map((d) => ({ ...d, impact: Math.round(d.impact * 100) / 100 })),
    flags: r.flags,
    missing: r.missing,
    invalid: r.invalid,
    explanation: explain(r),
  };
}

function toCsv(headers: string[], rows: string[][], results: RowResult[]): string {
  const isOutput = (h: string) => (OUTPUT_COLUMNS as readonly string[]).includes(h.trim());
  const keep = headers.flatMap((h, i) => (isOutput(h) ? [] : [i]));
  const out = [[...keep.map((i) => headers[i] ?? ""), ...OUTPUT_COLUMNS]];
  rows.forEach((row, k) => {
    const r = results[k] as RowResult;
    out.push([
      ...keep.map((i) => row[i] ?? ""),
      r.score === null ? "" : String(r.score),
      r.band,
      explain(r),
      `${Math.round(r.coverage * 100)}%`,
    ]);
  });
  return stringify(out).trimEnd();
}
