/**
 * Scoring: a rubric and a table's headers become a `Scorecard`, which scores rows.
 *
 * Everything that depends only on the rubric and the headers (column indexes, compiled scorers,
 * readers, coverage weights, flag conditions) is worked out once in `scorecard`, so scoring a row
 * is a loop over its metrics. Data flows one way: cell → readCell → scorer → aggregate → flags →
 * band → result.
 */
import { cellText, type DayContext, dayContext, isBlankRow, type Reading, readCell } from "./cells";
import { columnIndex, columnsRead, mapColumns } from "./columns";
import { condition } from "./conditions";
import { fromText } from "./fromText";
import { applyScorer, type CompiledScorer, compileScorer } from "./scorers";
import {
  type Activity,
  type ActivityReport,
  aggregateSources,
  fromsRead,
  type SourceTables,
} from "./sources";
import type { Band, BaseRubric, CellValue, Flag, From, Metric, MissingPolicy, Rubric } from "./types";
import { NO_DATA } from "./validate";

/** Colour shown for rows with no usable metric: Google Sheets' light grey. */
export const NO_DATA_COLOR = "#e8eaed";

export interface Driver {
  id: string;
  label: string;
  /** The value read from the cell (days for daysSince, 1/0 for booleans), or null when missing. */
  value: number | string | null;
  /** weighted: the metric's 0..100 score; points: its weighted points. */
  score: number;
  /**
   * What the metric costs the row, in score points: under weighted, minus its lost share
   * (weight share × (100 − score)); under points, its weighted points. Most negative first.
   */
  impact: number;
}

export interface FiredFlag {
  id: string;
  label: string;
  add?: number;
  floor?: number;
  cap?: number;
}

export interface InvalidCell {
  id: string;
  label: string;
  column: string;
  reason: string;
}

export interface RowResult {
  /** 0..100 under weighted, signed under points; one decimal; null when no metric had a value. */
  score: number | null;
  band: string;
  color: string;
  action?: string;
  /** Share (0..1) of the row's metric weight that had a usable value. */
  coverage: number;
  /** Segment key whose rubric scored the row; absent for the top-level rubric. */
  segment?: string;
  /**
   * Why the score is what it is when the rubric's weights decide it, not the cells: every metric
   * with a value weighs 0 (score null), every metric weighs 0 (points: score 0), or the points
   * overflow (score null). Absent otherwise; a null score without a note means no metric had a value.
   */
  note?: string;
  flags: FiredFlag[];
  /** Ids of metrics whose cell was missing or invalid. */
  missing: string[];
  invalid: InvalidCell[];
  drivers: Driver[];
}

export interface ScoreOptions {
  /** The as-of date for daysSince, `YYYY-MM-DD`. */
  asOf: string;
  /** The spreadsheet's IANA time zone, in which Date cells are read. */
  timeZone: string;
  /** The rows of each source the rubric reads, by source name (see sources.ts). */
  sources?: SourceTables;
}

/** Rounds to one decimal, halves away from zero (the epsilon absorbs binary noise like 40.05). */
export function roundScore(x: number): number {
  const r = Math.round(Math.abs(x) * 10 + 1e-9) / 10;
  return x < 0 ? -r : r;
}

/** The band of a (rounded) score: the last band whose `from` it reaches, else the first. */
export function bandFor(bands: readonly Band[], score: number | null): Band | undefined {
  if (score === null) return undefined;
  // Stryker disable next-line EqualityOperator: `i >= 0` only also asks the first band, which is the answer either way
  for (let i = bands.length - 1; i > 0; i--) {
    const band = bands[i] as Band;
    // A band without `from` (only the first has none) is never reached.
    if (score >= (band.from ?? Number.POSITIVE_INFINITY)) return band;
  }
  return bands[0];
}

/** A read cell: its value (number or text), or why it has none. */
type Read = number | string | Exclude<Reading, { kind: "value" }>;

interface CompiledMetric {
  metric: Metric;
  col: number;
  /** What a person calls the cell it reads: the column, or the aggregate (`count of logins`). */
  reads: string;
  read: (cell: CellValue) => Read;
  /**
   * Plain numbers need no reader: input number (a map scorer's reader, too, gives a number cell
   * back as it is).
   */
  numeric: boolean;
  scorer: CompiledScorer;
  /** What a missing cell scores (NaN: it takes no part). */
  fill: number;
  weight: number;
  /** Index into the group list, or 0 when the rubric has no groups. */
  group: number;
  /** This metric's share of the rubric's whole weight, for coverage. */
  coverageWeight: number;
}

interface CompiledFlag {
  col: number;
  /** Whether the flag fires on a cell, or why the cell cannot be read for its condition. */
  fires: (cell: CellValue) => boolean | string;
  fired: FiredFlag;
  flag: Flag;
  /** What a person calls the cell it reads: the column, or the aggregate. */
  reads: string;
}

interface CompiledRubric {
  rubric: BaseRubric;
  weighted: boolean;
  metrics: CompiledMetric[];
  flags: CompiledFlag[];
  /** Group weights; one implicit group of weight 1 when the rubric has none (or under points). */
  groupWeights: number[];
  /** Every metric weighs 0 (the row note under points, where such rows score 0). */
  allZero: boolean;
}

/** Row notes (RowResult.note): what the weights did, in words a user can act on. */
export const ZERO_WEIGHT_NOTE =
  "every metric with a value weighs 0 (or is in a group that does), so none counts";
export const ALL_ZERO_POINTS_NOTE = "every metric weighs 0, so the score is 0 whatever the cells";
export const OVERFLOW_NOTE =
  "the points add up beyond what a score can hold: check the rubric's points and weights";

export interface Scorecard {
  rubric: Rubric;
  /** The rubric that scores a row: its segment's, or the top level (then `segment` is absent). */
  rubricFor(row: readonly CellValue[]): { rubric: BaseRubric; segment?: string };
  scoreRow(row: readonly CellValue[]): RowResult;
  scoreRows(rows: readonly (readonly CellValue[])[]): RowResult[];
  /**
   * The cells the rubric reads in each row, by the column's name as the rubric writes it, and for
   * metrics and flags from sources the aggregate, by its text (`count of logins, last 30 days`):
   * what a snapshot keeps so that it can be rescored under another rubric (history.ts). The
   * account key is left out (the snapshot names the account), and so is nothing else.
   */
  valuesRead(rows: Rows): Record<string, CellValue>[];
  /**
   * When the rubric reads sources: what they held that was not counted (rows of no account in the
   * rows scored so far, undated rows) and the data's duplicate keys. Undefined otherwise.
   */
  sourceReport(): ActivityReport | undefined;
}

type Rows = readonly (readonly CellValue[])[];

/**
 * Prepares a rubric for a table: resolves columns (throws a ColumnError naming every absent one)
 * and builds the scorers. `rubric` must be valid (see validateRubric).
 */
export function scorecard(rubric: Rubric, headers: readonly CellValue[], options: ScoreOptions): Scorecard {
  const columns = mapColumns(rubric, headers);
  const days = dayContext(options.asOf, options.timeZone);
  // Aggregates from sources act as extra cells after the row's own: a `from` reads column
  // headers.length + its index, so they are read, scored and explained exactly like cells.
  const activity: Activity | undefined =
    fromsRead(rubric).length > 0 ? aggregateSources(rubric, options.sources ?? {}, days) : undefined;
  const width = headers.length;
  const colOf = (item: { column?: string; from?: From }): number =>
    // Stryker disable next-line StringLiteral: a valid rubric gives every metric and flag a column or a from
    item.from && activity ? width + activity.indexOf(item.from) : columnIndex(columns, item.column ?? "");
  // Stryker disable next-line StringLiteral,UnaryOperator: a rubric that reads sources has a key (validation), and keyCol is read only then
  const keyCol = activity ? columnIndex(columns, rubric.key ?? "") : -1;
  const withActivity = (row: readonly CellValue[], quiet = false): CellValue[] => {
    // Stryker disable next-line ArrayDeclaration: pre-sizing only; the loop and fill set every slot
    const out = new Array<CellValue>(width + (activity as Activity).size);
    // Stryker disable next-line EqualityOperator: `<=` also copies row[width], which fill then overwrites with the first aggregate
    for (let i = 0; i < width; i++) out[i] = row[i];
    (activity as Activity).fill(row[keyCol], out, width, quiet);
    return out;
  };
  const top = compile(rubric, colOf, days);
  const segments = rubric.segments;
  const bySegment = new Map<string, { key: string; compiled: CompiledRubric }>();
  // Stryker disable next-line UnaryOperator: segmentCol is read only when the rubric has segments
  let segmentCol = -1;
  if (segments) {
    segmentCol = columnIndex(columns, segments.column);
    for (const [key, sub] of Object.entries(segments.rubrics)) {
      bySegment.set(key.trim().toLowerCase(), { key, compiled: compile(sub, colOf, days) });
    }
  }
  const scoreRows = (given: Rows): RowResult[] => {
    const rows = activity ? given.map((row) => withActivity(row)) : given;
    // Stryker disable next-line ArrayDeclaration: pre-sizing only; the passes set every row's result
    const results = new Array<RowResult>(rows.length);
    // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path: without segments the general path below scores every row by the top level too
    if (!segments) {
      scorePass(top, rows, null, results);
      return results;
    }
    // Each segment's rows are scored together by its own rubric; the rest by the top level.
    const groups = new Map<CompiledRubric, { key?: string; rows: number[] }>();
    rows.forEach((row, i) => {
      const match = bySegment.get(cellText(row[segmentCol], days).toLowerCase());
      const compiled = match ? match.compiled : top;
      const group = groups.get(compiled) ?? { key: match?.key, rows: [] };
      groups.set(compiled, group);
      group.rows.push(i);
    });
    for (const [compiled, group] of groups) {
      scorePass(compiled, rows, group.rows, results);
      if (group.key !== undefined) for (const i of group.rows) (results[i] as RowResult).segment = group.key;
    }
    return results;
  };
  const rubricFor = (row: readonly CellValue[]) => {
    const match = segments ? bySegment.get(cellText(row[segmentCol], days).toLowerCase()) : undefined;
    return match ? { rubric: match.compiled.rubric, segment: match.key } : { rubric: rubric as BaseRubric };
  };
  // What valuesRead keeps, by the column it reads: each column once (as the rubric first names it),
  // then each aggregate (their columns follow the row's own).
  const kept = new Map<number, { name: string; col: number }>();
  for (const { column, reader } of columnsRead(rubric)) {
    const col = columnIndex(columns, column);
    if (reader !== "the rubric's key" && !kept.has(col)) kept.set(col, { name: column, col });
  }
  for (const { from } of fromsRead(rubric)) {
    const col = colOf({ from });
    kept.set(col, { name: fromText(from), col });
  }
  const valuesRead = (rows: Rows): Record<string, CellValue>[] =>
    rows.map((given) => {
      const row = activity ? withActivity(given, true) : given;
      const out: Record<string, CellValue> = {};
      for (const { name, col } of kept.values()) out[name] = row[col] ?? null;
      return out;
    });
  return {
    rubric,
    rubricFor,
    scoreRows,
    valuesRead,
    scoreRow: (row) => scoreRows([row])[0] as RowResult,
    sourceReport: () => activity?.report(),
  };
}

/** Scores the rows that are not blank, in one call; blank rows (an open range's tail) give undefined. */
export function scoreNonBlank(card: Scorecard, rows: Rows): (RowResult | undefined)[] {
  const filled: number[] = [];
  rows.forEach((row, i) => {
    if (!isBlankRow(row)) filled.push(i);
  });
  const scored = card.scoreRows(filled.map((i) => rows[i] as CellValue[]));
  const results = new Array<RowResult | undefined>(rows.length).fill(undefined);
  filled.forEach((i, k) => {
    results[i] = scored[k];
  });
  return results;
}

/** Scores a whole table in one call: headers plus rows of cells → one result per row, in order. */
export function scoreTable(
  rubric: Rubric,
  headers: readonly CellValue[],
  rows: Rows,
  options: ScoreOptions,
): RowResult[] {
  return scorecard(rubric, headers, options).scoreRows(rows);
}

function compile(
  rubric: BaseRubric,
  colOf: (item: { column?: string; from?: From }) => number,
  days: DayContext,
): CompiledRubric {
  const weighted = rubric.method === "weighted";
  const groups = weighted ? rubric.groups : undefined;
  const groupNames = Object.keys(groups ?? {});
  const groupWeights = groups ? groupNames.map((g) => groups[g] as number) : [1];
  // A valid rubric with groups gives every metric one of them.
  const groupOf = (m: Metric) => (groups ? groupNames.indexOf(m.group as string) : 0);

  // Coverage weights: each metric's share of the whole rubric, as if every cell had a value.
  // Groups without metrics (or whose metrics all weigh 0) take no part, in coverage as in scoring.
  const groupTotals = groupWeights.map(() => 0);
  for (const m of rubric.metrics) groupTotals[groupOf(m)] = (groupTotals[groupOf(m)] as number) + m.weight;
  const groupWeightTotal = groupWeights.reduce(
    (sum, w, g) => ((groupTotals[g] as number) > 0 ? sum + w : sum),
    0,
  );
  const coverageWeight = (m: Metric): number => {
    const g = groupOf(m);
    const total = groupTotals[g] as number;
    if (total === 0 || groupWeightTotal === 0) return 0;
    return ((groupWeights[g] ?? 0) / groupWeightTotal) * (m.weight / total);
  };
  const allZero = rubric.metrics.every((m) => m.weight === 0);

  return {
    rubric,
    weighted,
    groupWeights,
    allZero,
    flags: rubric.flags.map((flag) => compileFlag(flag, colOf(flag), days)),
    metrics: rubric.metrics.map((metric) => ({
      metric,
      col: colOf(metric),
      reads: readsOf(metric),
      read: reader(metric, days),
      // Stryker disable next-line ConditionalExpression,StringLiteral: `false` and `""` only skip scorePass's fast path; `true` dies in the tests (not checked by hand)
      numeric: metric.input === "number",
      scorer: compileScorer(metric.score, rubric.method),
      fill: weighted ? POLICY_SCORE[metric.missing ?? rubric.missing] : 0,
      weight: metric.weight,
      group: groupOf(metric),
      // When every weight is 0, coverage counts metrics instead of weight.
      coverageWeight: allZero ? 1 / rubric.metrics.length : coverageWeight(metric),
    })),
  };
}

/** The column a metric or flag reads, or its aggregate as a person says it (`count of logins`). */
const readsOf = (item: { column?: string; from?: From }): string =>
  item.from ? fromText(item.from) : (item.column ?? "");

const unwrap = (r: Reading): Read => (r.kind === "value" ? r.value : r);
const IN_RANGE = 1e15;
/** Text that is a plain decimal number, no spaces, separators or signs but a leading minus. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * How a metric reads its cell, with fast paths for the common cells: a plain number, and ISO
 * date text (a date column repeats few values, so its readings are cached). A map scorer matches
 * the cell as written (RUBRIC.md: `10%` matches the key "10%", never 0.1 falling to else), so it
 * never finds a cell invalid for being text.
 */
function reader(metric: Metric, days: DayContext): (cell: CellValue) => Read {
  const { input } = metric;
  if (metric.score.type === "map") {
    if (input === "boolean") {
      return (cell) => {
        const r = readCell(cell, input, days);
        return r.kind === "value" ? (r.value ? "true" : "false") : r;
      };
    }
    if (input === "number" || input === "text") {
      // Text as written. A number cell stays a number: the scorer matches it as it displays ("5"),
      // or a key that reads as the same number ("10%" for 0.1). The add-on hands map-only columns
      // over as their displayed text (see displayedColumns).
      return (cell) => {
        if (typeof cell === "number") return unwrap(readCell(cell, "number", days));
        return unwrap(readCell(cell, "text", days));
      };
    }
  }
  // Fast paths, for speed alone: what they give is what readCell gives for the same cell. A number
  // cell in range never gets here (scorePass takes it when `numeric`).
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: `false`, `""` and `{}` only skip the fast path; `true` and `!==` die in the tests (not checked by hand)
  if (input === "number") {
    return (cell) => {
      // Most text cells of a CSV export are plain digits: read as readCell reads them, minus its checks.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: only skip the fast path, or try it on a non-string, which PLAIN_NUMBER never matches but as a number too large, refused below
      if (typeof cell === "string" && PLAIN_NUMBER.test(cell)) {
        const n = Number(cell);
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: readCell refuses the same numbers, beyond ±1e15
        if (n >= -IN_RANGE && n <= IN_RANGE) return n;
      }
      return unwrap(readCell(cell, input, days));
    };
  }
  // A date column repeats few values: each spelling is read once. Every mutant here only skips or
  // widens the cache (the reading of a cell depends on nothing else) or changes how much it holds.
  // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: a cache, see above
  if (input === "daysSince") {
    const cache = new Map<string, Read>();
    return (cell) => {
      if (typeof cell !== "string") return unwrap(readCell(cell, input, days));
      let r = cache.get(cell);
      if (r === undefined) {
        r = unwrap(readCell(cell, input, days));
        if (cache.size < 50_000) cache.set(cell, r);
      }
      return r;
    };
  }
  // Stryker restore ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement
  return (cell) => unwrap(readCell(cell, input, days));
}

function compileFlag(flag: Flag, col: number, days: DayContext): CompiledFlag {
  const fired: FiredFlag = { id: flag.id, label: flag.label };
  if (flag.add !== undefined) fired.add = flag.add;
  if (flag.floor !== undefined) fired.floor = flag.floor;
  if (flag.cap !== undefined) fired.cap = flag.cap;
  return { col, fires: condition(flag, days), fired, flag, reads: readsOf(flag) };
}

const POLICY_SCORE: Record<MissingPolicy, number> = { skip: Number.NaN, zero: 0, neutral: 50 };
const EMPTY = Object.freeze([]) as never[];

/**
 * What one pass read and scored, metric by metric: a row's drivers are worked out from it when
 * first asked for, so no cell is read twice (a text cell's parse costs more than its scorer). One
 * set of flat arrays for the whole pass, not objects per row or per cell.
 */
class Readings {
  /** Each metric's score, row after row: its fill when the cell had no value (NaN: no part). */
  readonly scores: Float64Array;
  /** The number read, or NaN when the cell was read as text (see `texts`) or had no value. */
  readonly numbers: Float64Array;
  /** The text read (a map scorer reads cells as written), at the same places; made on first use. */
  texts: (string | undefined)[] | undefined;

  constructor(readonly size: number) {
    this.scores = new Float64Array(size);
    this.numbers = new Float64Array(size);
  }

  value(at: number): number | string | null {
    const n = this.numbers[at] as number;
    return Number.isNaN(n) ? (this.texts?.[at] ?? null) : n;
  }
}

/**
 * Scores rows (all, or those in `only`) with one compiled rubric. The per-cell work is a read, a
 * scorer call and a sum, with no allocation for ordinary cells; what each cell read and scored is
 * kept in the pass's `Readings` for the rows' drivers.
 */
function scorePass(c: CompiledRubric, rows: Rows, only: number[] | null, results: RowResult[]): void {
  const n = only ? only.length : rows.length;
  const M = c.metrics.length;
  const readings = new Readings(n * M);
  const G = c.groupWeights.length;
  const groupSum = new Float64Array(G);
  const groupWeight = new Float64Array(G);
  const groupPresent = new Uint8Array(G);

  for (let k = 0; k < n; k++) {
    const i = only ? (only[k] as number) : k;
    const row = rows[i] as readonly CellValue[];
    // Most rows have no missing or invalid cell and fire no flag: those share one empty array.
    let missing: string[] = EMPTY;
    let invalid: InvalidCell[] = EMPTY;
    let covered = 0;
    let points = 0;
    groupSum.fill(0);
    groupWeight.fill(0);
    groupPresent.fill(0);

    for (let m = 0; m < M; m++) {
      const cm = c.metrics[m] as CompiledMetric;
      const cell = row[cm.col];
      // A fast path for a number cell in readCell's range (±1e15), which it reads as itself.
      const r =
        // Stryker disable next-line ConditionalExpression,StringLiteral,EqualityOperator,UnaryOperator: only skip the fast path, or take it for a number beyond ±1e15 that readCell refuses only beyond it
        cm.numeric && typeof cell === "number" && cell >= -IN_RANGE && cell <= IN_RANGE
          ? cell
          : cm.read(cell);
      const at = k * M + m;
      let s: number;
      if (typeof r === "number") readings.numbers[at] = r;
      else {
        readings.numbers[at] = Number.NaN;
        if (typeof r === "string") {
          if (readings.texts === undefined) readings.texts = new Array(readings.size);
          readings.texts[at] = r;
        }
      }
      if (typeof r === "object") {
        s = cm.fill;
        if (missing === EMPTY) missing = [];
        missing.push(cm.metric.id);
        if (r.kind === "invalid") {
          if (invalid === EMPTY) invalid = [];
          invalid.push({
            id: cm.metric.id,
            label: cm.metric.label,
            column: cm.reads,
            reason: r.reason,
          });
        }
      } else {
        s = applyScorer(cm.scorer, r);
        covered += cm.coverageWeight;
        groupPresent[cm.group] = 1;
      }
      readings.scores[at] = s;
      if (!Number.isNaN(s)) {
        groupSum[cm.group] = (groupSum[cm.group] as number) + cm.weight * s;
        groupWeight[cm.group] = (groupWeight[cm.group] as number) + cm.weight;
        points += cm.weight * s;
      }
    }

    let raw: number | null = null;
    let note: string | undefined;
    if (missing.length < M) {
      if (c.weighted) {
        let total = 0;
        let weightTotal = 0;
        // Stryker disable next-line EqualityOperator: g = G finds no group present, so adds nothing
        for (let g = 0; g < G; g++) {
          const gw = c.groupWeights[g] as number;
          // A group of weight 0 adds 0 to both sums.
          if (groupPresent[g] && (groupWeight[g] as number) > 0) {
            total += (gw * (groupSum[g] as number)) / (groupWeight[g] as number);
            weightTotal += gw;
          }
        }
        if (weightTotal > 0) raw = total / weightTotal;
        else note = ZERO_WEIGHT_NOTE;
      } else if (Number.isFinite(points)) {
        raw = points;
        if (c.allZero) note = ALL_ZERO_POINTS_NOTE;
      } else {
        note = OVERFLOW_NOTE;
      }
    }

    let flags: FiredFlag[] = EMPTY;
    for (const f of c.flags) {
      const fires = f.fires(row[f.col]);
      if (fires === false) continue;
      if (fires !== true) {
        if (invalid === EMPTY) invalid = [];
        invalid.push({ id: f.flag.id, label: f.flag.label, column: f.reads, reason: fires });
        continue;
      }
      if (flags === EMPTY) flags = [];
      flags.push(f.fired);
    }
    let score = raw === null ? null : roundScore(applyFlags(raw, flags, c.weighted));
    // Never a NaN or an infinite score: flags' adds can still overflow a points score.
    if (score !== null && !Number.isFinite(score)) {
      score = null;
      note = OVERFLOW_NOTE;
    }
    if (score === 0) score = 0; // no -0 in results
    const band = bandFor(c.rubric.bands, score);
    results[i] = new ScoredRow(
      score,
      band,
      Math.min(1, covered),
      flags,
      missing,
      invalid,
      raw === null ? null : c,
      readings,
      k * M,
    );
    if (note !== undefined) (results[i] as RowResult).note = note;
  }
}

/**
 * Re-bands scored rows in place for a rubric that differs from the one that scored them only in
 * its bands (thresholds, labels, colours, actions): a band never changes a score, so the scores
 * stand and each row takes the band of its own rubric (its segment's, or the top level's).
 * The sidebar calls it while a threshold is dragged, instead of scoring every row again.
 */
export function rebandRows(rubric: Rubric, results: readonly (RowResult | undefined)[]): void {
  for (const r of results) {
    if (!r) continue;
    const bands = (r.segment !== undefined && rubric.segments?.rubrics[r.segment]?.bands) || rubric.bands;
    setBand(r, bandFor(bands, r.score));
  }
}

/** A result's band, colour and action from its band (No data without one). */
function setBand(r: RowResult, band: Band | undefined): void {
  r.band = band ? band.label : NO_DATA;
  r.color = band ? band.color : NO_DATA_COLOR;
  r.action = band?.action;
}

/**
 * A row's result. `drivers` is worked out on first read (sorting every row's metrics costs more
 * than scoring them, and most callers read a few rows' drivers or none); it is a getter, so
 * JSON.stringify leaves it out: copy it explicitly.
 */
class ScoredRow implements RowResult {
  declare score: number | null;
  declare band: string;
  declare color: string;
  declare action?: string;
  declare coverage: number;
  declare segment?: string;
  declare note?: string;
  declare flags: FiredFlag[];
  declare missing: string[];
  declare invalid: InvalidCell[];
  /** What the drivers are worked out from, until they are: the pass's readings from `#at` on. */
  #rubric: CompiledRubric | null;
  #readings: Readings | null;
  #at: number;
  #drivers: Driver[] | undefined;

  constructor(
    score: number | null,
    band: Band | undefined,
    coverage: number,
    flags: FiredFlag[],
    missing: string[],
    invalid: InvalidCell[],
    rubric: CompiledRubric | null,
    readings: Readings,
    at: number,
  ) {
    this.score = score;
    setBand(this, band);
    this.coverage = coverage;
    this.flags = flags;
    this.missing = missing;
    this.invalid = invalid;
    this.#rubric = rubric;
    this.#readings = readings;
    this.#at = at;
    this.#drivers = undefined;
  }

  get drivers(): Driver[] {
    if (this.#drivers === undefined) {
      this.#drivers = this.#rubric && this.#readings ? driversOf(this.#rubric, this.#readings, this.#at) : [];
      this.#rubric = null;
      this.#readings = null;
    }
    return this.#drivers;
  }
}

/**
 * A row's drivers, most costly first. Under weighted a metric's impact is minus its lost share,
 * weight share × (100 − score), so the impacts add up to the score before flags, minus 100;
 * under points it is the metric's weighted points.
 */
function driversOf(c: CompiledRubric, readings: Readings, at: number): Driver[] {
  const M = c.metrics.length;
  const groupWeight = c.groupWeights.map(() => 0);
  const groupPresent = new Uint8Array(c.groupWeights.length);
  for (let m = 0; m < M; m++) {
    const cm = c.metrics[m] as CompiledMetric;
    if (Number.isNaN(readings.scores[at + m] as number)) continue;
    groupWeight[cm.group] = (groupWeight[cm.group] as number) + cm.weight;
    if (readings.value(at + m) !== null) groupPresent[cm.group] = 1;
  }
  const counts = c.groupWeights.map(
    (gw, g) => groupPresent[g] === 1 && (groupWeight[g] as number) > 0 && gw > 0,
  );
  const weightTotal = c.groupWeights.reduce((sum, gw, g) => (counts[g] ? sum + gw : sum), 0);

  const drivers: Driver[] = [];
  for (let m = 0; m < M; m++) {
    const s = readings.scores[at + m] as number;
    if (Number.isNaN(s)) continue;
    const cm = c.metrics[m] as CompiledMetric;
    let impact: number;
    if (c.weighted) {
      if (!counts[cm.group]) continue;
      const share =
        ((c.groupWeights[cm.group] as number) / weightTotal) *
        (cm.weight / (groupWeight[cm.group] as number));
      impact = -share * (100 - s);
    } else {
      impact = cm.weight * s;
    }
    drivers.push({
      id: cm.metric.id,
      label: cm.metric.label,
      value: readings.value(at + m),
      score: c.weighted ? s : cm.weight * s,
      impact,
    });
  }
  return drivers.sort((a, b) => a.impact - b.impact);
}

/**
 * Flags act after aggregation: every add, then the highest floor, then the lowest cap (a cap always
 * wins). A weighted score stays within 0..100 throughout.
 */
export function applyFlags(score: number, flags: readonly FiredFlag[], weighted: boolean): number {
  const clamp = (n: number) => (weighted ? Math.min(100, Math.max(0, n)) : n);
  let s = score;
  let floor = Number.NEGATIVE_INFINITY;
  let cap = Number.POSITIVE_INFINITY;
  for (const f of flags) {
    if (f.add !== undefined) s = clamp(s + f.add);
    floor = Math.max(floor, f.floor ?? floor);
    cap = Math.min(cap, f.cap ?? cap);
  }
  return clamp(Math.min(cap, Math.max(floor, s)));
}
