/**
 * Scoring: a rubric and a table's headers become a `Scorecard`, which scores rows.
 *
 * Everything that depends only on the rubric and the headers (column indexes, scorer closures,
 * weight shares, band lookup) is worked out once in `scorecard`, so scoring a row is a loop over
 * its metrics. Data flows one way: cell → readCell → scorer → aggregate → flags → band → result.
 */
import {
  type DayContext,
  dayContext,
  parseBoolean,
  parseNumber,
  type Reading,
  readCell,
  textOf,
} from "./cells";
import { columnIndex, mapColumns } from "./columns";
import { makeScorer, type ScoreFn } from "./scorers";
import type { Band, BaseRubric, CellValue, Flag, Metric, MissingPolicy, Rubric } from "./types";
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
}

/** Rounds to one decimal, halves away from zero (the epsilon absorbs binary noise like 40.05). */
export function roundScore(x: number): number {
  const r = Math.round(Math.abs(x) * 10 + 1e-9) / 10;
  return x < 0 ? -r : r;
}

/** The band of a (rounded) score: the last band whose `from` it reaches, else the first. */
export function bandFor(bands: readonly Band[], score: number | null): Band | undefined {
  if (score === null) return undefined;
  for (let i = bands.length - 1; i > 0; i--) {
    const from = bands[i]?.from;
    if (from !== undefined && score >= from) return bands[i];
  }
  return bands[0];
}

interface CompiledMetric {
  metric: Metric;
  col: number;
  read: (cell: CellValue) => Reading;
  score: ScoreFn;
  policy: MissingPolicy;
  weight: number;
  /** Index into the group list, or 0 when the rubric has no groups. */
  group: number;
}

interface CompiledFlag {
  flag: Flag;
  col: number;
  fires: (cell: CellValue) => boolean;
  fired: FiredFlag;
}

interface CompiledRubric {
  rubric: BaseRubric;
  metrics: CompiledMetric[];
  flags: CompiledFlag[];
  /** Group weights; one implicit group of weight 1 when the rubric has none (or under points). */
  groupWeights: number[];
  /** Sum of metric weights per group, over all metrics (for coverage). */
  groupTotals: number[];
  groupWeightTotal: number;
  totalWeight: number;
}

export interface Scorecard {
  rubric: Rubric;
  scoreRow(row: readonly CellValue[]): RowResult;
}

/**
 * Prepares a rubric for a table: resolves columns (throws a ColumnError naming every absent one)
 * and builds the scorers. `rubric` must be valid (see validateRubric).
 */
export function scorecard(rubric: Rubric, headers: readonly CellValue[], options: ScoreOptions): Scorecard {
  const columns = mapColumns(rubric, headers);
  const days = dayContext(options.asOf, options.timeZone);
  const top = compile(rubric, columns, days);
  const segments = rubric.segments;
  if (!segments) return { rubric, scoreRow: (row) => scoreWith(top, row) };

  const segmentCol = columnIndex(columns, segments.column);
  const bySegment = new Map<string, { key: string; compiled: CompiledRubric }>();
  for (const [key, sub] of Object.entries(segments.rubrics)) {
    bySegment.set(key.trim().toLowerCase(), { key, compiled: compile(sub, columns, days) });
  }
  return {
    rubric,
    scoreRow(row) {
      const match = bySegment.get(textOf(row[segmentCol]).toLowerCase());
      if (!match) return scoreWith(top, row);
      const result = scoreWith(match.compiled, row);
      result.segment = match.key;
      return result;
    },
  };
}

/** Scores a whole table in one call: headers plus rows of cells → one result per row, in order. */
export function scoreTable(
  rubric: Rubric,
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  options: ScoreOptions,
): RowResult[] {
  const card = scorecard(rubric, headers, options);
  return rows.map((row) => card.scoreRow(row));
}

function compile(rubric: BaseRubric, columns: Map<string, number>, days: DayContext): CompiledRubric {
  const grouped = rubric.method === "weighted" && rubric.groups !== undefined;
  const groupNames = grouped ? Object.keys(rubric.groups ?? {}) : [""];
  const groupWeights = grouped ? groupNames.map((g) => rubric.groups?.[g] ?? 0) : [1];
  const metrics = rubric.metrics.map((metric): CompiledMetric => {
    const group = grouped ? groupNames.indexOf(metric.group ?? "") : 0;
    return {
      metric,
      col: columnIndex(columns, metric.column),
      read: reader(metric, days),
      score: makeScorer(metric.score, rubric.method),
      policy: metric.missing ?? rubric.missing,
      weight: metric.weight,
      group,
    };
  });
  const groupTotals = groupWeights.map(() => 0);
  for (const m of metrics) groupTotals[m.group] = (groupTotals[m.group] ?? 0) + m.weight;
  // Groups without metrics (or whose metrics all weigh 0) take no part, in coverage as in scoring.
  const groupWeightTotal = groupWeights.reduce((sum, w, g) => ((groupTotals[g] ?? 0) > 0 ? sum + w : sum), 0);
  return {
    rubric,
    metrics,
    flags: rubric.flags.map((flag) => compileFlag(flag, columnIndex(columns, flag.column))),
    groupWeights,
    groupTotals,
    groupWeightTotal,
    totalWeight: metrics.reduce((sum, m) => sum + m.weight, 0),
  };
}

/** How a metric reads its cell. A map scorer matches the cell as text, so it never finds a cell invalid for being text. */
function reader(metric: Metric, days: DayContext): (cell: CellValue) => Reading {
  const { input } = metric;
  if (metric.score.type !== "map") return (cell) => readCell(cell, input, days);
  if (input === "boolean") {
    return (cell) => {
      const r = readCell(cell, input, days);
      return r.kind === "value" ? { kind: "value", value: r.value ? "true" : "false" } : r;
    };
  }
  if (input === "number") {
    // Numbers match as Sheets shows them ("5" for 5.0); any other cell matches as its text.
    return (cell) => {
      if (typeof cell === "number") return readCell(cell, input, days);
      const r = readCell(cell, "text", days);
      const n = r.kind === "value" ? parseNumber(r.value as string) : undefined;
      return n === undefined ? r : { kind: "value", value: n };
    };
  }
  return (cell) => readCell(cell, input, days);
}

function compileFlag(flag: Flag, col: number): CompiledFlag {
  const fired: FiredFlag = { id: flag.id, label: flag.label };
  if (flag.add !== undefined) fired.add = flag.add;
  if (flag.floor !== undefined) fired.floor = flag.floor;
  if (flag.cap !== undefined) fired.cap = flag.cap;
  return { flag, col, fires: condition(flag), fired };
}

const asNumber = (cell: CellValue): number | undefined => {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") return parseNumber(cell);
  return undefined;
};

function condition(flag: Flag): (cell: CellValue) => boolean {
  const { when, contains, min, max } = flag;
  if (typeof when === "boolean") {
    return (cell) => {
      const b = typeof cell === "boolean" ? cell : typeof cell === "string" ? parseBoolean(cell) : undefined;
      if (b !== undefined) return b === when;
      return typeof cell === "number" && (cell === 1 || cell === 0) && cell === (when ? 1 : 0);
    };
  }
  if (typeof when === "number") return (cell) => asNumber(cell) === when;
  if (typeof when === "string") {
    const target = when.trim().toLowerCase();
    return (cell) => textOf(cell).toLowerCase() === target;
  }
  if (contains !== undefined) {
    const needle = contains.trim().toLowerCase();
    return (cell) => textOf(cell).toLowerCase().includes(needle);
  }
  if (min === undefined && max === undefined) return () => false;
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  return (cell) => {
    const n = asNumber(cell);
    return n !== undefined && n >= lo && n <= hi;
  };
}

const POLICY_SCORE: Record<MissingPolicy, number> = { skip: Number.NaN, zero: 0, neutral: 50 };

function scoreWith(c: CompiledRubric, row: readonly CellValue[]): RowResult {
  const weighted = c.rubric.method === "weighted";
  const n = c.metrics.length;
  // Per metric: its score (NaN when it takes no part) and the value read.
  const scores = new Array<number>(n);
  const values = new Array<number | string | null>(n);
  const missing: string[] = [];
  const invalid: InvalidCell[] = [];
  const groupSum = c.groupWeights.map(() => 0);
  const groupWeight = c.groupWeights.map(() => 0);
  const groupPresent = c.groupWeights.map(() => false);
  let presentWeight = 0;
  let present = 0;

  for (let i = 0; i < n; i++) {
    const m = c.metrics[i] as CompiledMetric;
    const reading = m.read(row[m.col]);
    let s: number;
    if (reading.kind === "value") {
      s = m.score(reading.value);
      values[i] = reading.value;
      present++;
      presentWeight += weighted ? m.weight * groupShare(c, m.group) : m.weight;
      groupPresent[m.group] = true;
    } else {
      values[i] = null;
      missing.push(m.metric.id);
      if (reading.kind === "invalid") {
        invalid.push({
          id: m.metric.id,
          label: m.metric.label,
          column: m.metric.column,
          reason: reading.reason,
        });
      }
      s = weighted ? POLICY_SCORE[m.policy] : 0;
    }
    scores[i] = s;
    if (weighted && !Number.isNaN(s)) {
      groupSum[m.group] = (groupSum[m.group] ?? 0) + m.weight * s;
      groupWeight[m.group] = (groupWeight[m.group] ?? 0) + m.weight;
    }
  }

  const coverage = weighted
    ? presentWeight
    : c.totalWeight > 0
      ? presentWeight / c.totalWeight
      : present / Math.max(n, 1);

  // Aggregate, and each metric's share of the overall score (for drivers).
  let raw: number | null = null;
  const shares = new Array<number>(n).fill(0);
  if (present > 0) {
    if (weighted) {
      let total = 0;
      let weightTotal = 0;
      const counts: boolean[] = [];
      for (let g = 0; g < c.groupWeights.length; g++) {
        counts[g] = groupPresent[g] === true && (groupWeight[g] ?? 0) > 0 && (c.groupWeights[g] ?? 0) > 0;
        if (counts[g]) {
          total += (c.groupWeights[g] as number) * ((groupSum[g] as number) / (groupWeight[g] as number));
          weightTotal += c.groupWeights[g] as number;
        }
      }
      if (weightTotal > 0) {
        raw = total / weightTotal;
        for (let i = 0; i < n; i++) {
          const m = c.metrics[i] as CompiledMetric;
          if (counts[m.group] && !Number.isNaN(scores[i] as number)) {
            shares[i] =
              ((c.groupWeights[m.group] as number) / weightTotal) *
              (m.weight / (groupWeight[m.group] as number));
          }
        }
      }
    } else {
      raw = 0;
      for (let i = 0; i < n; i++) {
        const points = (c.metrics[i] as CompiledMetric).weight * (scores[i] as number);
        scores[i] = points;
        raw += points;
      }
    }
  }

  const flags: FiredFlag[] = [];
  for (const f of c.flags) if (f.fires(row[f.col])) flags.push(f.fired);
  let score = raw === null ? null : roundScore(applyFlags(raw, flags, weighted));
  if (score === 0) score = 0; // no -0 in results

  const drivers: Driver[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s) || raw === null) continue;
    const m = (c.metrics[i] as CompiledMetric).metric;
    drivers.push({
      id: m.id,
      label: m.label,
      value: values[i] ?? null,
      score: s,
      impact: weighted ? -(shares[i] as number) * (100 - s) : s,
    });
  }
  drivers.sort((a, b) => a.impact - b.impact);

  const band = bandFor(c.rubric.bands, score);
  const result: RowResult = {
    score,
    band: band ? band.label : NO_DATA,
    color: band ? band.color : NO_DATA_COLOR,
    coverage: Math.min(1, coverage),
    flags,
    missing,
    invalid,
    drivers,
  };
  if (band?.action) result.action = band.action;
  return result;
}

/** A metric group's share of the whole rubric's weight, for coverage (1 without groups). */
function groupShare(c: CompiledRubric, group: number): number {
  const groupTotal = c.groupTotals[group] ?? 0;
  if (groupTotal === 0 || c.groupWeightTotal === 0) return 0;
  return (c.groupWeights[group] ?? 0) / c.groupWeightTotal / groupTotal;
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
    if (f.floor !== undefined && f.floor > floor) floor = f.floor;
    if (f.cap !== undefined && f.cap < cap) cap = f.cap;
  }
  if (s < floor) s = floor;
  if (s > cap) s = cap;
  return clamp(s);
}
