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
    // Stryker disable next-line StringLiteral: cosmetic, adapters tell it by instanceof and show only the message
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
    // Stryker disable next-line StringLiteral: cosmetic, adapters tell it by instanceof and show only the message
    this.name = "SourceColumnError";
  }
}

/** How many keys or rows of each kind the report names (the SQL report too). */
export const EXAMPLES = 5;

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

/** The names of the sources the rubric reads, once each, in the order it first reads them. */
export const sourceNamesRead = (rubric: Rubric): string[] => [
  ...new Set(fromsRead(rubric).map((f) => f.from.source)),
];

/** Per-account aggregates of every `from` a rubric reads, and what the sources held that did not count. */
export interface Activity {
  /** How many aggregates `fill` writes: one per distinct `from`. */
  readonly size: number;
  /** The position of a `from` among them. */
  indexOf(from: From): number;
  /**
   * Writes the aggregates of the account whose key cell is `key` into out[offset …]. `quiet`
   * looks up without counting the account for the report (a second look at the same row).
   */
  fill(key: CellValue, out: CellValue[], offset: number, quiet?: boolean): void;
  /** The report, as of the accounts looked up so far. */
  report(): ActivityReport;
}

type Reader = (cell: CellValue) => number | undefined;

/** A cell read as a number the way a number metric reads it; undefined when missing or unreadable. */
function numberReader(days: DayContext): Reader {
  // Only a "value" reading has a value; for the "number" input it is a number.
  const read = (cell: CellValue) => (readCell(cell, "number", days) as { value?: number }).value;
  // Text cells (every cell of a CSV) repeat: each spelling is read once.
  const cache = new Map<string, number | undefined>();
  return (cell) => {
    // A fast path for a number in readCell's range (±1e15); the rest, NaN too, is read.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: `false`, `<` and `""` only skip the fast path; `true` and `>` die in the tests, checked by hand
    if (typeof cell === "number" && Math.abs(cell) <= 1e15) return cell;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a cache's fast path, read gives the same
    if (typeof cell !== "string") return read(cell);
    let n = cache.get(cell);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: `true` and `||` only skip the cache; `false` dies in the tests, checked by hand
    if (n === undefined && !cache.has(cell)) {
      n = read(cell);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the cache's cap bounds memory only
      if (cache.size < 100_000) cache.set(cell, n);
    }
    return n;
  };
}

const COUNT = 0;
const SUM = 1;
const AVG = 2;
const MIN = 3;
const MAX = 4;
const DISTINCT = 5;
const LATEST = 6;
const KIND = {
  count: COUNT,
  sum: SUM,
  avg: AVG,
  min: MIN,
  max: MAX,
  distinct: DISTINCT,
  latest: LATEST,
} as const;

/**
 * One `from`'s running aggregates, two per account: at slot × 2 the window (or every row), at
 * slot × 2 + 1 the window before it (for compare). One class with a switch, not a class per
 * aggregate, so the per-row call stays monomorphic; its typed arrays double as accounts appear.
 */
class Accumulator {
  readonly kind: number;
  /** count: rows; sum/avg: numbers summed. */
  n = new Float64Array(64);
  /** sum/avg: the sum; min/max: the best so far (NaN: none); latest: the latest day. */
  v = new Float64Array(64);
  /** latest: the row holding the latest day (−1: none). */
  row = new Int32Array(64).fill(-1);
  sets: (Set<number> | undefined)[] = [];
  private readonly ids = new Map<string, number>();
  private readonly spelled = new Map<CellValue, number>();

  constructor(
    from: From,
    readonly col: number,
    private readonly source: SourceTable,
    private readonly days: DayContext,
    readonly numberOf: Reader,
  ) {
    this.kind = KIND[from.agg];
    this.reset(0);
  }

  private reset(from: number): void {
    if (this.kind === MIN || this.kind === MAX) this.v.fill(Number.NaN, from);
    if (this.kind === LATEST) this.v.fill(Number.NEGATIVE_INFINITY, from);
  }

  /** Makes room for `slots` accounts. */
  grow(slots: number): void {
    // Stryker disable next-line EqualityOperator: `<` only grows one slot early; `>` dies in the tests, checked by hand
    if (slots * 2 <= this.n.length) return;
    // Stryker disable next-line MethodExpression,ArithmeticOperator: any size from slots × 2 up holds them; only how often it grows changes
    const size = Math.max(slots * 2, this.n.length * 2);
    const old = this.n.length;
    const n = new Float64Array(size);
    n.set(this.n);
    const v = new Float64Array(size);
    v.set(this.v);
    const row = new Int32Array(size).fill(-1);
    row.set(this.row);
    this.n = n;
    this.v = v;
    this.row = row;
    this.reset(old);
  }

  add(at: number, row: readonly CellValue[], index: number, day: number): void {
    switch (this.kind) {
      case COUNT:
        this.n[at] = (this.n[at] as number) + 1;
        return;
      case SUM:
      case AVG: {
        const x = this.numberOf(row[this.col]);
        if (x === undefined) return;
        this.v[at] = (this.v[at] as number) + x;
        this.n[at] = (this.n[at] as number) + 1;
        return;
      }
      case MIN:
      case MAX: {
        const x = this.numberOf(row[this.col]);
        // Stryker disable next-line ConditionalExpression: `false` is equivalent (undefined compares false and is stored as NaN, none); `true` dies in the tests, checked by hand
        if (x === undefined) return;
        const best = this.v[at] as number;
        const max = this.kind === MAX;
        // Stryker disable next-line EqualityOperator: `>=` and `<=` are equivalent (a tie keeps the same number); the swapped ones die in the tests, checked by hand
        if (Number.isNaN(best) || (max ? x > best : x < best)) this.v[at] = x;
        return;
      }
      case DISTINCT: {
        const id = this.idOf(row[this.col]);
        if (id < 0) return;
        let set = this.sets[at];
        if (!set) {
          set = new Set();
          this.sets[at] = set;
        }
        set.add(id);
        return;
      }
      default:
        // latest. Rows are visited in order, so `>=` keeps the later row on a tie.
        if (day >= (this.v[at] as number)) {
          this.v[at] = day;
          this.row[at] = index;
        }
    }
  }

  /** The aggregate at `at` as a cell (null: missing), for an account with rows in the source. */
  value(at: number): CellValue {
    switch (this.kind) {
      case COUNT:
        return this.n[at] as number;
      case SUM:
        return this.v[at] as number;
      case AVG:
        return this.n[at] === 0 ? null : (this.v[at] as number) / (this.n[at] as number);
      case MIN:
      case MAX: {
        const best = this.v[at] as number;
        return Number.isNaN(best) ? null : best;
      }
      case DISTINCT:
        return this.sets[at]?.size ?? 0;
      default: {
        const i = this.row[at] as number;
        return i < 0 ? null : ((this.source.rows[i] as readonly CellValue[])[this.col] ?? null);
      }
    }
  }

  /** Each different value gets a number once (its text normalised once per spelling); −1 for missing. */
  private idOf(cell: CellValue): number {
    let id = this.spelled.get(cell);
    // Stryker disable next-line ConditionalExpression: `false` only skips the cache (the same id again); `true` dies in the tests, checked by hand
    if (id !== undefined) return id;
    const text = cellText(cell, this.days).toLowerCase();
    if (isMissingText(text)) id = -1;
    else {
      id = this.ids.get(text);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(text, id);
      }
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: the cache and its cap, as said
    if (typeof cell !== "object" && this.spelled.size < 1_000_000) this.spelled.set(cell, id);
    return id;
  }
}

type RowTest = (row: readonly CellValue[]) => boolean;

interface CompiledFrom {
  from: From;
  acc: Accumulator;
  /** Window in days; Infinity when the `from` has none. */
  days: number;
  /** Rows this many days old or more never count: the window, or with compare the two windows. */
  until: number;
  compare: boolean;
  where: RowTest[];
  numberOf: Reader;
}

interface IndexedSource {
  name: string;
  table: SourceTable;
  /** Normalised key → account slot. */
  slots: Map<string, number>;
  /** Per slot: the key as first written, and its rows. */
  written: string[];
  rowCount: number[];
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
    const numberOf = numberReader(days);
    const known = problems.length;
    const froms = mine.map(({ from, reader }) => {
      // Stryker disable next-line UnaryOperator: only count has no column, and count reads none
      const col = from.column === undefined ? -1 : columns(from.column, reader);
      const window = from.days ?? Number.POSITIVE_INFINITY;
      const compare = from.compare === "previous";
      const c: CompiledFrom = {
        from,
        acc: new Accumulator(from, col, table, days, numberOf),
        days: window,
        // Stryker disable next-line ConditionalExpression: `true` is equivalent (without compare the window before is never read); `false` dies in the compare tests, checked by hand
        until: compare ? 2 * window : window,
        compare,
        where: (from.where ?? []).map((c) => whereTest(c, columns(c.column, reader), days)),
        numberOf,
      };
      order.set(fromKey(from), compiled.length);
      compiled.push(c);
      return { index: compiled.length - 1, c };
    });
    const keyCol = columns(source.key, "its key");
    const dateCol = source.date === undefined ? -1 : columns(source.date, "its date");
    if (problems.length > known) lacking.push(name);
    else indexed.push(indexSource(name, table, keyCol, dateCol, froms, days));
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
    fill(keyCell, out, offset, quiet) {
      const key = keyOf(keyCell);
      if (isMissingText(key)) {
        for (let i = 0; i < compiled.length; i++) out[offset + i] = null;
        return;
      }
      if (!quiet) {
        const seen = dataKeys.get(key);
        if (seen) seen.rows++;
        else dataKeys.set(key, { written: cellText(keyCell, days), rows: 1 });
      }
      for (const s of indexed) {
        const slot = s.slots.get(key);
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
      return { sources: indexed.map((s) => reportOf(s, dataKeys)), duplicateRows, duplicateKeys };
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
    // Stryker disable next-line UnaryOperator: a column not found ends in a SourceColumnError before any row is read
    return -1;
  };
}

/** A `where` condition as a test of a row. Text cells repeat (a status column): their answers are cached. */
function whereTest(c: Condition, col: number, days: DayContext): RowTest {
  // A cell a condition cannot judge (not yes/no for `equals: true`) does not match.
  let test: (cell: CellValue) => boolean;
  if (c.in !== undefined) {
    const tests = c.in.map((when) => condition({ when }, days));
    test = (cell) => tests.some((t) => t(cell) === true);
  } else {
    const one = condition(c.equals !== undefined ? { when: c.equals } : c, days);
    test = (cell) => one(cell) === true;
  }
  const cache = new Map<string, boolean>();
  return (row) => {
    const cell = row[col];
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: the cache's fast path, test gives the same
    if (typeof cell !== "string") return test(cell);
    let answer = cache.get(cell);
    // Stryker disable next-line ConditionalExpression: `true` only skips the cache; `false` dies in the tests, checked by hand
    if (answer === undefined) {
      answer = test(cell);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the cache's cap bounds memory only
      if (cache.size < 100_000) cache.set(cell, answer);
    }
    return answer;
  };
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
    blankKeyRows: 0,
    undated: 0,
    undatedRows: [],
    froms,
  };
  const raw = new Map<CellValue, number>(); // key cell as written → slot, to skip normalising
  const dates = new Map<CellValue, number>(); // date cell → day (NaN: unreadable)
  const asOf = days.asOfDay;
  const newSlot = (cell: CellValue): number => {
    const text = cellText(cell, days);
    const key = text.toLowerCase();
    let slot = isMissingText(key) ? -1 : s.slots.get(key);
    if (slot === undefined) {
      slot = s.written.length;
      s.slots.set(key, slot);
      s.written.push(text);
      s.rowCount.push(0);
      for (const f of froms) f.c.acc.grow(slot + 1);
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: a cache and its cap
    if (typeof cell !== "object" && raw.size < 1_000_000) raw.set(cell, slot);
    return slot;
  };
  const newDay = (cell: CellValue): number => {
    let day: number | undefined;
    if (cell instanceof Date) day = Number.isNaN(cell.getTime()) ? undefined : days.dayOf(cell);
    else if (typeof cell === "string") day = isoDay(cell);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: a cache and its cap
    if (typeof cell === "string" && dates.size < 100_000) dates.set(cell, day ?? Number.NaN);
    return day ?? Number.NaN;
  };

  const compiled = froms.map((f) => f.c);
  const F = compiled.length;
  const rows = table.rows;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as readonly CellValue[];
    const keyCell = row[keyCol];
    const slot = raw.get(keyCell) ?? newSlot(keyCell);
    if (slot < 0) {
      s.blankKeyRows++;
      continue;
    }
    s.rowCount[slot] = (s.rowCount[slot] as number) + 1;
    let age = 0;
    let day = 0;
    if (dateCol >= 0) {
      const dateCell = row[dateCol];
      day = dates.get(dateCell) ?? newDay(dateCell);
      if (Number.isNaN(day)) {
        s.undated++;
        if (s.undatedRows.length < EXAMPLES) s.undatedRows.push({ index, text: cellText(dateCell, days) });
        continue;
      }
      if (day > asOf) continue; // after the as-of date: never counted
      age = asOf - day;
    }
    for (let f = 0; f < F; f++) {
      const c = compiled[f] as CompiledFrom;
      if (age >= c.until || !allHold(c.where, row)) continue;
      c.acc.add(age >= c.days ? slot * 2 + 1 : slot * 2, row, index, day);
    }
  }
  return s;
}

/** Whether a row meets every `where` condition (an index loop: it runs per row and per `from`). */
function allHold(tests: readonly RowTest[], row: readonly CellValue[]): boolean {
  for (let i = 0; i < tests.length; i++) if (!(tests[i] as RowTest)(row)) return false;
  return true;
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

/** A source's report; `looked` holds the keys data rows looked up (normalised). */
function reportOf(s: IndexedSource, looked: ReadonlyMap<string, unknown>): SourceReport {
  let unmatched = s.blankKeyRows;
  const unmatchedKeys: string[] = s.blankKeyRows > 0 ? ["(blank)"] : [];
  for (const [key, slot] of s.slots) {
    if (looked.has(key)) continue;
    unmatched += s.rowCount[slot] as number;
    if (unmatchedKeys.length < EXAMPLES) unmatchedKeys.push(s.written[slot] as string);
  }
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
      // More keys than named: the examples are full and the rows outnumber them (a key may own
      // several rows, so the rows alone do not tell).
      const more = s.unmatchedKeys.length >= EXAMPLES && s.unmatched > s.unmatchedKeys.length;
      notes.push(
        `${s.source}: ${rowsText(s.unmatched)} of ${s.rows} ${s.unmatched === 1 ? "names" : "name"} no account in the data (${quote(s.unmatchedKeys)}${more ? ", …" : ""}); they are not counted.`,
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
