/**
 * Sources: metrics and flags computed per account from raw activity (RUBRIC.md, "Sources").
 *
 * `aggregateSources` reads each source's rows ONCE, whatever the number of metrics and flags that
 * read it, into per-account accumulators indexed by the account key; the scorecard then looks an
 * account's aggregates up by its key cell and hands them on like cells (see score.ts). The rules,
 * which the SQL export must compile to the same answers:
 *
 * - Keys match trimmed and case-insensitively (` acme ` is `Acme`); a number key is its text.
 * - A source with a `date` never counts a row dated after the as-of date, nor a row whose date is
 *   missing or unreadable (those are reported). Dates are Date cells (read in the spreadsheet's
 *   time zone) or ISO text; whole days only.
 * - `days: N` keeps rows whose date is 0 … N−1 whole days before the as-of date; with
 *   `compare: "previous"` the window before is N … 2N−1 days back.
 * - `where`: every condition must hold, compared as flags compare (conditions.ts).
 * - count: rows. distinct: different non-missing values of the column, trimmed, case-insensitive
 *   (a Date is its ISO day). sum/avg/min/max: the column read as numbers, missing and unreadable
 *   cells left out. latest: the column cell of the row with the latest date; on a tie the later row.
 * - No matching rows: count, distinct and sum are 0; avg, min, max and latest are missing. An avg,
 *   min or max whose rows hold no number is missing too.
 * - compare: (now − before) / before × 100, missing when before is 0 or either side is missing
 *   (latest compares its cells read as numbers).
 * - A data row whose key cell is blank gets every aggregate missing: it names no account.
 */
import { cellText, type DayContext, isMissingText, isoDay, readCell } from "./cells";
import { ColumnError, headerKey } from "./columns";
import { condition } from "./conditions";
import { fromText } from "./fromText";
import type { CellValue, Condition, From, Rubric, Source } from "./types";

/** A source's rows as read: one header row, then the rows (a sheet's values, a CSV's records). */
export interface SourceTable {
  headers: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
}

export type SourceTables = Readonly<Record<string, SourceTable>>;

/** What a source held that was not counted: rows of no known account, rows with no readable date. */
export interface SourceReport {
  source: string;
  rows: number;
  /** Rows whose key names no account of the data (a blank key included). */
  unmatched: number;
  /** The first few such keys, as written (distinct). */
  unmatchedKeys: string[];
  /** Rows whose date cell is missing or unreadable. */
  undated: number;
  /** The first few such rows: their index among the source's rows, and the date cell's text. */
  undatedRows: { index: number; text: string }[];
}

export interface ActivityReport {
  sources: SourceReport[];
  /** Data rows whose account key another data row also has (each gets the same aggregates). */
  duplicateRows: number;
  duplicateKeys: string[];
}

/** The rubric reads a source that was not given to it. */
export class MissingSourceError extends Error {
  constructor(readonly sources: string[]) {
    const list = sources.map((s) => `"${s}"`).join(", ");
    super(
      `The rubric reads the ${sources.length === 1 ? "source" : "sources"} ${list}, which ${sources.length === 1 ? "is" : "are"} not given.`,
    );
    this.name = "MissingSourceError";
  }
}

/** A source lacks a column the rubric reads; `sources` names which ones, for adapters to locate. */
export class SourceColumnError extends ColumnError {
  constructor(
    message: string,
    readonly sources: string[],
  ) {
    super(message);
    this.name = "SourceColumnError";
  }
}

const EXAMPLES = 5;

/** The canonical text of a `from`: two metrics with the same one share one aggregate. */
export const fromKey = (from: From): string => fromText(from).toLowerCase();

/** Every `from` the rubric reads (top level and segments, metrics and flags), once each, in order. */
export function fromsRead(rubric: Rubric): { from: From; reader: string }[] {
  const out: { from: From; reader: string }[] = [];
  const seen = new Set<string>();
  const parts = [
    { prefix: "", r: rubric },
    ...Object.entries(rubric.segments?.rubrics ?? {}).map(([name, r]) => ({
      prefix: `segment "${name}" `,
      r,
    })),
  ];
  for (const { prefix, r } of parts) {
    const items = [
      ...r.metrics.map((m) => ({ from: m.from, reader: `${prefix}metric "${m.label}"` })),
      ...r.flags.map((f) => ({ from: f.from, reader: `${prefix}flag "${f.label}"` })),
    ];
    for (const { from, reader } of items) {
      if (!from) continue;
      const key = fromKey(from);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ from, reader });
    }
  }
  return out;
}

/** Per-account aggregates of every `from` a rubric reads, and what the sources held that did not count. */
export interface Activity {
  /** How many aggregates `fill` writes: one per distinct `from`. */
  readonly size: number;
  /** The position of a `from` among them. */
  indexOf(from: From): number;
  /** Writes the aggregates of the account whose key cell is `key` into out[offset …]. */
  fill(key: CellValue, out: CellValue[], offset: number): void;
  /** The report, as of the accounts looked up so far. */
  report(): ActivityReport;
}

/** One accumulator per `from` and window (0: the window or all rows; 1: the window before). */
interface Accumulator {
  /** Grows to hold `slots` accounts × 2 windows. */
  grow(slots: number): void;
  add(at: number, row: readonly CellValue[], index: number, day: number): void;
  /** The aggregate at `at`, as a cell (null when missing). */
  value(at: number): CellValue;
}

type Reader = (cell: CellValue) => number | undefined;

/** A cell read as a number the way a number metric reads it; undefined when missing or unreadable. */
const numberReader =
  (days: DayContext): Reader =>
  (cell) => {
    if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
    const r = readCell(cell, "number", days);
    return r.kind === "value" ? (r.value as number) : undefined;
  };

function accumulator(from: From, col: number, source: SourceTable, days: DayContext): Accumulator {
  const numberOf = numberReader(days);
  const grow = (a: number[], slots: number, fill: number) => {
    while (a.length < slots * 2) a.push(fill);
  };
  switch (from.agg) {
    case "count": {
      const n: number[] = [];
      return {
        grow: (s) => grow(n, s, 0),
        add: (at) => {
          n[at] = (n[at] as number) + 1;
        },
        value: (at) => n[at] ?? 0,
      };
    }
    case "sum":
    case "avg": {
      const sum: number[] = [];
      const n: number[] = [];
      const avg = from.agg === "avg";
      return {
        grow: (s) => {
          grow(sum, s, 0);
          grow(n, s, 0);
        },
        add: (at, row) => {
          const v = numberOf(row[col]);
          if (v === undefined) return;
          sum[at] = (sum[at] as number) + v;
          n[at] = (n[at] as number) + 1;
        },
        value: (at) =>
          avg ? ((n[at] ?? 0) === 0 ? null : (sum[at] as number) / (n[at] as number)) : (sum[at] ?? 0),
      };
    }
    case "min":
    case "max": {
      const best: number[] = [];
      const max = from.agg === "max";
      return {
        grow: (s) => grow(best, s, Number.NaN),
        add: (at, row) => {
          const v = numberOf(row[col]);
          if (v === undefined) return;
          const b = best[at] as number;
          if (Number.isNaN(b) || (max ? v > b : v < b)) best[at] = v;
        },
        value: (at) => {
          const b = best[at];
          return b === undefined || Number.isNaN(b) ? null : b;
        },
      };
    }
    case "distinct": {
      const sets: (Set<string> | undefined)[] = [];
      return {
        grow: (s) => {
          while (sets.length < s * 2) sets.push(undefined);
        },
        add: (at, row) => {
          const cell = row[col];
          if (cell === null || cell === undefined) return;
          if (typeof cell === "string" && isMissingText(cell)) return;
          const text = cellText(cell, days).toLowerCase();
          if (text === "") return;
          let set = sets[at];
          if (!set) {
            set = new Set();
            sets[at] = set;
          }
          set.add(text);
        },
        value: (at) => sets[at]?.size ?? 0,
      };
    }
    case "latest": {
      // Rows are visited in order, so `>=` keeps the later row on a tie.
      const bestDay: number[] = [];
      const bestRow: number[] = [];
      return {
        grow: (s) => {
          grow(bestDay, s, Number.NEGATIVE_INFINITY);
          grow(bestRow, s, -1);
        },
        add: (at, _row, index, day) => {
          if (day >= (bestDay[at] as number)) {
            bestDay[at] = day;
            bestRow[at] = index;
          }
        },
        value: (at) => {
          const i = bestRow[at] ?? -1;
          return i < 0 ? null : (source.rows[i]?.[col] ?? null);
        },
      };
    }
  }
}

interface CompiledFrom {
  from: From;
  acc: Accumulator;
  /** Window in days; Infinity when the `from` has none. */
  days: number;
  compare: boolean;
  where: ((row: readonly CellValue[]) => boolean) | undefined;
  numberOf: Reader;
}

interface IndexedSource {
  name: string;
  table: SourceTable;
  /** Normalised key → account slot. */
  slots: Map<string, number>;
  /** Per slot: the key as first written, its rows, and whether a data row looked it up. */
  written: string[];
  rowCount: number[];
  looked: boolean[];
  blankKeyRows: number;
  undated: number;
  undatedRows: { index: number; text: string }[];
  froms: { index: number; c: CompiledFrom }[];
}

/**
 * Aggregates every source the rubric reads, one pass over each. Throws a MissingSourceError when
 * `tables` lacks a source the rubric reads, and a ColumnError naming every column a source lacks.
 */
export function aggregateSources(rubric: Rubric, tables: SourceTables, days: DayContext): Activity {
  const read = fromsRead(rubric);
  const declared = rubric.sources ?? {};
  const needed = [...new Set(read.map((r) => r.from.source))];
  const absent = needed.filter((name) => !Object.prototype.hasOwnProperty.call(tables, name));
  if (absent.length > 0) throw new MissingSourceError(absent);

  const problems: string[] = [];
  const lacking: string[] = [];
  const indexed: IndexedSource[] = [];
  const order = new Map<string, number>();
  const compiled: CompiledFrom[] = [];
  for (const name of needed) {
    const source = declared[name] as Source;
    const table = tables[name] as SourceTable;
    const columns = sourceColumns(name, table.headers, problems);
    const mine = read.filter((r) => r.from.source === name);
    const froms = mine.map(({ from, reader }) => {
      const col = from.column === undefined ? -1 : columns(from.column, reader);
      const where = (from.where ?? []).map((c) => whereTest(c, columns(c.column, reader), days));
      const c: CompiledFrom = {
        from,
        acc: accumulator(from, col, table, days),
        days: from.days ?? Number.POSITIVE_INFINITY,
        compare: from.compare === "previous",
        where: where.length === 0 ? undefined : (row) => where.every((test) => test(row)),
        numberOf: numberReader(days),
      };
      order.set(fromKey(from), compiled.length);
      compiled.push(c);
      return { index: compiled.length - 1, c };
    });
    const keyCol = columns(source.key, "its key");
    const dateCol = source.date === undefined ? -1 : columns(source.date, "its date");
    if (problems.length > 0) {
      if (!lacking.includes(name) && problems.some((p) => p.startsWith(`The source "${name}"`)))
        lacking.push(name);
      continue;
    }
    indexed.push(indexSource(name, table, keyCol, dateCol, froms, days));
  }
  if (problems.length > 0) throw new SourceColumnError(problems.join(" "), lacking);

  const keyOf = (cell: CellValue) => cellText(cell, days).toLowerCase();
  const dataKeys = new Map<string, { written: string; rows: number }>();
  return {
    size: compiled.length,
    indexOf(from) {
      const i = order.get(fromKey(from));
      if (i === undefined) throw new Error(`No aggregate for “${fromText(from)}”.`);
      return i;
    },
    fill(keyCell, out, offset) {
      const key = keyOf(keyCell);
      if (key === "" || isMissingText(key)) {
        for (let i = 0; i < compiled.length; i++) out[offset + i] = null;
        return;
      }
      const seen = dataKeys.get(key);
      if (seen) seen.rows++;
      else dataKeys.set(key, { written: cellText(keyCell, days), rows: 1 });
      for (const s of indexed) {
        const slot = s.slots.get(key);
        if (slot !== undefined) s.looked[slot] = true;
        for (const { index, c } of s.froms) out[offset + index] = aggregateOf(c, slot);
      }
    },
    report() {
      let duplicateRows = 0;
      const duplicateKeys: string[] = [];
      for (const { written, rows } of dataKeys.values()) {
        if (rows < 2) continue;
        duplicateRows += rows;
        if (duplicateKeys.length < EXAMPLES) duplicateKeys.push(written);
      }
      return { sources: indexed.map(reportOf), duplicateRows, duplicateKeys };
    },
  };
}

/** Resolves a source's columns by header (trimmed, case-insensitive), collecting every absent one. */
function sourceColumns(
  name: string,
  headers: readonly CellValue[],
  problems: string[],
): (column: string, reader: string) => number {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const reported = new Set<string>();
  return (column, reader) => {
    const key = column.trim().toLowerCase();
    const at = positions.get(key);
    if (at !== undefined) return at;
    if (!reported.has(key)) {
      reported.add(key);
      problems.push(
        `The source "${name}" has no column "${column}" (read by ${reader}): add it to its header row, or change the rubric.`,
      );
    }
    return -1;
  };
}

function whereTest(c: Condition, col: number, days: DayContext): (row: readonly CellValue[]) => boolean {
  if (c.in !== undefined) {
    const tests = c.in.map((when) => condition({ when }, days));
    return (row) => tests.some((t) => t(row[col]));
  }
  const test = condition(c.equals !== undefined ? { when: c.equals } : c, days);
  return (row) => test(row[col]);
}

/** The one pass over a source's rows. */
function indexSource(
  name: string,
  table: SourceTable,
  keyCol: number,
  dateCol: number,
  froms: { index: number; c: CompiledFrom }[],
  days: DayContext,
): IndexedSource {
  const s: IndexedSource = {
    name,
    table,
    slots: new Map(),
    written: [],
    rowCount: [],
    looked: [],
    blankKeyRows: 0,
    undated: 0,
    undatedRows: [],
    froms,
  };
  const raw = new Map<string, number>(); // key cell text as written → slot, to skip normalising
  const dateCache = new Map<string, number | undefined>();
  const asOf = days.asOfDay;
  const slotOf = (cell: CellValue): number => {
    const text = typeof cell === "string" ? cell : cellText(cell, days);
    let slot = raw.get(text);
    if (slot !== undefined) return slot;
    const key = text.trim().toLowerCase();
    if (key === "" || isMissingText(key)) return -1;
    slot = s.slots.get(key);
    if (slot === undefined) {
      slot = s.written.length;
      s.slots.set(key, slot);
      s.written.push(text.trim());
      s.rowCount.push(0);
      s.looked.push(false);
      for (const f of froms) f.c.acc.grow(slot + 1);
    }
    raw.set(text, slot);
    return slot;
  };
  const dayOf = (cell: CellValue): number | undefined => {
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : days.dayOf(cell);
    if (typeof cell !== "string") return undefined;
    if (dateCache.has(cell)) return dateCache.get(cell);
    const day = isoDay(cell);
    if (dateCache.size < 100_000) dateCache.set(cell, day);
    return day;
  };

  const rows = table.rows;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as readonly CellValue[];
    const slot = slotOf(row[keyCol]);
    if (slot < 0) {
      s.blankKeyRows++;
      continue;
    }
    s.rowCount[slot] = (s.rowCount[slot] as number) + 1;
    let age = 0;
    let day = 0;
    if (dateCol >= 0) {
      const d = dayOf(row[dateCol]);
      if (d === undefined) {
        s.undated++;
        if (s.undatedRows.length < EXAMPLES)
          s.undatedRows.push({ index, text: cellText(row[dateCol], days) });
        continue;
      }
      if (d > asOf) continue; // after the as-of date: never counted
      day = d;
      age = asOf - d;
    }
    for (const { c } of froms) {
      let window: number;
      if (age < c.days) window = 0;
      else if (c.compare && age < 2 * c.days) window = 1;
      else continue;
      if (c.where && !c.where(row)) continue;
      c.acc.add(slot * 2 + window, row, index, day);
    }
  }
  return s;
}

/** An account's aggregate (slot undefined: the source has no rows of it). */
function aggregateOf(c: CompiledFrom, slot: number | undefined): CellValue {
  const at = slot === undefined ? -1 : slot * 2;
  const agg = c.from.agg;
  const none = agg === "count" || agg === "distinct" || agg === "sum" ? 0 : null;
  const now = at < 0 ? none : c.acc.value(at);
  if (!c.compare) return now;
  const before = at < 0 ? none : c.acc.value(at + 1);
  const a = c.numberOf(now);
  const b = c.numberOf(before);
  if (a === undefined || b === undefined || b === 0) return null;
  return ((a - b) / b) * 100;
}

function reportOf(s: IndexedSource): SourceReport {
  let unmatched = s.blankKeyRows;
  const unmatchedKeys: string[] = s.blankKeyRows > 0 ? ["(blank)"] : [];
  s.looked.forEach((looked, slot) => {
    if (looked) return;
    unmatched += s.rowCount[slot] as number;
    if (unmatchedKeys.length < EXAMPLES) unmatchedKeys.push(s.written[slot] as string);
  });
  return {
    source: s.name,
    rows: s.table.rows.length,
    unmatched,
    unmatchedKeys,
    undated: s.undated,
    undatedRows: s.undatedRows,
  };
}

/**
 * The report as sentences, none when everything counted. `rowName` says where a source's row is
 * (`logins.csv line 14`, `Logins!A14`); `dateColumn` names each source's date column.
 */
export function activityNotes(
  report: ActivityReport,
  rubric: Rubric,
  rowName: (source: string, index: number) => string,
): string[] {
  const notes: string[] = [];
  const quote = (keys: string[]) => keys.map((k) => (k === "(blank)" ? k : `"${k}"`)).join(", ");
  for (const s of report.sources) {
    if (s.unmatched > 0) {
      notes.push(
        `${s.source}: ${rowsText(s.unmatched)} of ${s.rows} ${s.unmatched === 1 ? "names" : "name"} no account in the data (${quote(s.unmatchedKeys)}${s.unmatched > s.unmatchedKeys.length ? ", …" : ""}); they are not counted.`,
      );
    }
    if (s.undated > 0) {
      const date = rubric.sources?.[s.source]?.date ?? "date";
      const where = s.undatedRows.map(
        (r) => `${rowName(s.source, r.index)}: ${r.text === "" ? "blank" : `"${r.text}"`}`,
      );
      notes.push(
        `${s.source}: ${rowsText(s.undated)} ${s.undated === 1 ? "has" : "have"} no readable ${date} (${where.join("; ")}${s.undated > where.length ? "; …" : ""}); write dates as YYYY-MM-DD. They are not counted.`,
      );
    }
  }
  if (report.duplicateRows > 0) {
    notes.push(
      `The data has ${report.duplicateRows} rows sharing an account key (${quote(report.duplicateKeys)}${report.duplicateKeys.length >= EXAMPLES ? ", …" : ""}): each such row gets the same activity.`,
    );
  }
  return notes;
}

const rowsText = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;
