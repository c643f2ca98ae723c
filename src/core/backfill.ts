/**
 * Backfill: the history a team would have had, had it taken a snapshot every week. Each account
 * is scored as of each past week from the raw rows of its sources, the windows moving with the
 * as-of date (a row dated after it never counts), so a score "as of D" is exactly what scoring
 * with asOf D gives. Cells read from the data's own columns have no past: every week reads
 * today's (the report names those columns).
 *
 * Cost: one pass over each source's rows per week (the per-account index, sources.ts), plus the
 * accounts. Dates are read once for all weeks (prepareSources), since reading a date cell in a
 * time zone is the slow part of a pass; what remains per row is a few comparisons and a sum.
 */
import { dayToIso, isoDay, zoneDay } from "./cells";
import { headerKey } from "./columns";
import { rubricFingerprint, type Snapshot, snapshotRows } from "./history";
import { scorecard, scoreNonBlank } from "./score";
import { type SourceTable, type SourceTables, sourceNamesRead } from "./sources";
import type { CellValue, Rubric } from "./types";

/** The default number of weeks a backfill goes back. */
export const BACKFILL_WEEKS = 26;

/**
 * The as-of dates of a backfill, newest first: `asOf` and each week before it, `weeks` in all,
 * keeping only dates before `before` (the history's first date: backfill fills the past in front
 * of it, so a rerun goes further back and never writes a date twice).
 */
export function backfillDates(asOf: string, weeks: number, before?: string): string[] {
  const day = isoDay(asOf);
  if (day === undefined) throw new Error(`"${asOf}" is not a date: write it as YYYY-MM-DD.`);
  const out: string[] = [];
  for (let k = 0; k < weeks; k++) {
    const date = dayToIso(day - 7 * k);
    if (before === undefined || date < before) out.push(date);
  }
  return out;
}

/** Why a rubric cannot be backfilled, as a sentence; undefined when it can. */
export function backfillProblem(rubric: Rubric): string | undefined {
  const read = sourceNamesRead(rubric);
  if (read.length === 0)
    return "The rubric reads no source of raw activity, so the past cannot be scored: backfill needs metrics computed from dated rows (a From cell such as count of logins, last 30 days).";
  // Stryker disable next-line OptionalChaining: parseRubric rejects a `from` whose source is not declared
  const dated = read.filter((name) => rubric.sources?.[name]?.date !== undefined);
  if (dated.length === 0)
    return `The rubric's sources (${read.join(", ")}) have no date column, so every week would count the same rows: name each source's date column in the Sources table.`;
  return undefined;
}

/** The columns of the data the rubric reads directly: in a backfill every week reads today's cells. */
export function undatedColumns(rubric: Rubric): string[] {
  const out = new Map<string, string>();
  for (const r of [rubric, ...Object.values(rubric.segments?.rubrics ?? {})]) {
    for (const item of [...r.metrics, ...r.flags])
      if (item.column !== undefined) out.set(headerKey(item.column), item.column);
  }
  return [...out.values()];
}

/**
 * The sources with each date cell read once, as ISO text (Date cells in `timeZone`), so that the
 * weekly passes read text their date cache already knows. Other cells are shared, not copied.
 */
export function prepareSources(rubric: Rubric, tables: SourceTables, timeZone: string): SourceTables {
  const dayOf = zoneDay(timeZone);
  const out: Record<string, SourceTable> = {};
  for (const [name, table] of Object.entries(tables)) {
    const date = rubric.sources?.[name]?.date;
    const col = date === undefined ? -1 : table.headers.findIndex((h) => headerKey(h) === headerKey(date));
    // With no date column, col is -1 and row[-1] is undefined: no Date.
    if (!table.rows.some((row) => row[col] instanceof Date)) {
      out[name] = table;
      continue;
    }
    out[name] = {
      headers: table.headers,
      rows: table.rows.map((row) => {
        const cell = row[col];
        if (!(cell instanceof Date) || Number.isNaN(cell.getTime())) return row;
        const copy = row.slice();
        copy[col] = dayToIso(dayOf(cell));
        return copy;
      }),
    };
  }
  return out;
}

/** Rows of work one week of backfill costs: every source row the rubric reads, and the accounts. */
export function backfillRowsPerWeek(rubric: Rubric, tables: SourceTables, accounts: number): number {
  const read = sourceNamesRead(rubric);
  let rows = accounts;
  for (const name of read) rows += tables[name]?.rows.length ?? 0;
  return rows;
}

export interface BackfillInput {
  rubric: Rubric;
  headers: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
  /** The column of `headers` naming each account. */
  keyColumn: number;
  /** From prepareSources. */
  sources: SourceTables;
  timeZone: string;
}

/**
 * One week of backfill: every account scored as of `asOf` (a scorecard with that as-of date, so
 * its windows end there), as snapshot rows with the kept values, exactly what Take snapshot on
 * that day would have written from these rows.
 */
export function backfillWeek(input: BackfillInput, asOf: string): Snapshot[] {
  const { rubric, headers, rows, keyColumn, sources, timeZone } = input;
  const card = scorecard(rubric, headers, { asOf, timeZone, sources });
  const results = scoreNonBlank(card, rows);
  return snapshotRows(
    asOf,
    rows.map((row) => row[keyColumn]),
    results,
    rubricFingerprint(rubric),
    card.valuesRead(rows),
  );
}

/** Apps Script stops an execution after 6 minutes. */
export const SCRIPT_SECONDS = 360;
/** Kept free for reading the history and writing the rows at the end. */
export const WRITE_SECONDS = 45;
/**
 * Rows of backfill work (source rows plus accounts, per week) Apps Script is assumed to get through
 * in a second: a cautious figure for its V8, several times below what Node does here (see the
 * "backfill" case of npm run bench). The estimate only guides the user; the run itself measures
 * each week and stops before the limit.
 */
export const SCRIPT_ROWS_PER_SECOND = 100_000;

/** How many weeks fit in `seconds` of a run, at `rowsPerWeek` of work each. */
export function weeksThatFit(rowsPerWeek: number, seconds: number): number {
  return Math.max(0, Math.floor((seconds * SCRIPT_ROWS_PER_SECOND) / Math.max(1, rowsPerWeek)));
}

/**
 * Whether another week still fits: the time used, plus the slowest week so far with half again
 * as margin, must stay within the run's budget (6 minutes less the time to write).
 */
export function anotherWeekFits(usedSeconds: number, slowestWeekSeconds: number): boolean {
  return usedSeconds + slowestWeekSeconds * 1.5 <= SCRIPT_SECONDS - WRITE_SECONDS;
}
