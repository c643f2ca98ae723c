/**
 * History in the bench: backfilling the sample's 26 weeks from its raw activity (200 accounts,
 * 95,536 source rows, examples/from-activity.json), as `healthscore history backfill` and the
 * add-on's Backfill do, and rescoring the history it gives under a changed rubric. The rows per
 * second of the backfill are what to hold against SCRIPT_ROWS_PER_SECOND, the figure the add-on's
 * estimate assumes for Apps Script.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import {
  BACKFILL_WEEKS,
  backfillDates,
  backfillRowsPerWeek,
  backfillWeek,
  type CellValue,
  HISTORY_HEADERS,
  parseRubric,
  prepareSources,
  rescoreHistory,
  valuesText,
} from "../../src/core";

type Time = <T>(
  runs: number,
  warmups: number,
  fn: () => T,
) => { median: number; min: number; max: number; last: T };

const csv = (file: string) => {
  const [headers, ...rows] = parse(readFileSync(`examples/${file}.csv`, "utf8")) as string[][];
  return { headers: headers as string[], rows: rows as CellValue[][] };
};

export interface HistoryFigures {
  weeks: number;
  rowsPerWeek: number;
  backfillMs: number;
  rowsPerSecond: number;
  historyRows: number;
  rescoreMs: number;
}

export function benchHistory(time: Time, runs: number): HistoryFigures {
  const json = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
  const rubric = parseRubric(json);
  const customers = csv("customers");
  const tables = { logins: csv("logins"), tickets: csv("tickets"), nps: csv("nps") };
  const dates = backfillDates("2026-11-26", BACKFILL_WEEKS);
  const backfill = time(runs, 1, () => {
    const input = {
      rubric,
      headers: customers.headers,
      rows: customers.rows,
      keyColumn: 0,
      sources: prepareSources(rubric, tables, "UTC"),
      timeZone: "UTC",
    };
    return dates.flatMap((date) => backfillWeek(input, date));
  });
  const rowsPerWeek = backfillRowsPerWeek(rubric, tables, customers.rows.length);

  // The backfilled history as a sheet holds it, rescored under the rubric with other weights.
  const grid: CellValue[][] = [
    [...HISTORY_HEADERS],
    ...backfill.last.map((s) => [
      s.date,
      s.account,
      s.score ?? "",
      s.band,
      s.coverage,
      s.rubric,
      s.values ? valuesText(s.values, "UTC") : "",
    ]),
  ];
  const changed = parseRubric({
    ...json,
    metrics: json.metrics.map((m: object, i: number) => ({ ...m, weight: 1 + (i % 3) })),
  });
  const rescore = time(runs, 1, () => rescoreHistory(grid, changed, "UTC"));
  return {
    weeks: dates.length,
    rowsPerWeek,
    backfillMs: backfill.median,
    rowsPerSecond: (rowsPerWeek * dates.length) / (backfill.median / 1000),
    historyRows: grid.length - 1,
    rescoreMs: rescore.median,
  };
}
