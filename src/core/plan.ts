/**
 * Plans: for one row, the smallest set of changes that lifts it into the next band (or a band the
 * user names), with the cell values to write and the score they give.
 *
 * "Smallest" is decided in this order, and nothing else:
 *   1. fewest changes (a capping flag whose cap is below the target is always cleared, and
 *      counted, first: no metric change can pass a cap);
 *   2. then the smallest total move, each metric's move measured on its own scale: a share of the
 *      range (`range`: |to − from| / |best − worst|), a share of the levels (`steps`, `map`,
 *      booleans: levels climbed / (levels − 1)), or a share of the move worth 100 points
 *      (`scale`: 100 / |step|; `perUnit`: cap / |points|, or 100 / |points| without a cap);
 *      clearing a flag that subtracts points counts 1;
 *   3. then the earlier metrics in rubric order.
 * Metrics marked `actionable: false` are never proposed. Continuous moves are rounded to the
 * precision of the cell and the scorer (0.43 and a range of 0.1 to 0.8 → hundredths; days → whole
 * days) in the direction that helps. Every plan is checked by scoring the changed row with the
 * real scorecard, and any change the check shows is not needed is dropped, so every change left
 * is necessary. A metric or flag read from a source is planned on its aggregate, written as a
 * column of the row (history.ts's valuesRubric): its change names the aggregate's value to reach.
 */

import { cellText, type DayContext, dayContext, dayToIso, parseNumber } from "./cells";
import { columnIndex, mapColumns } from "./columns";
import { fromText } from "./fromText";
import { valuesRubric } from "./history";
import { applyFlags, bandFor, type RowResult, roundScore, type ScoreOptions, scorecard } from "./score";
import { applyScorer, type CompiledScorer, compileScorer } from "./scorers";
import { fromsRead } from "./sources";
import type { BaseRubric, CellValue, Flag, Metric, Rubric } from "./types";

/** A cell value a plan writes or reads: the CLI and Sheets read each back to the same value. */
export type PlanCell = number | string | boolean;

export interface PlanChange {
  /** The metric's id (metric changes) or the flag's id (flag clears): exactly one is present. */
  metric?: string;
  flag?: string;
  label: string;
  /** The column, or for a metric or flag read from a source the aggregate (`count of logins, last 30 days`). */
  column: string;
  /** The source whose aggregate `column` is: the plan names a value to reach, not a cell to write. */
  source?: string;
  /** The cell as it is ('' when empty; a date as YYYY-MM-DD). */
  from: PlanCell;
  to: PlanCell;
}

export interface Plan {
  /** The row's band now. */
  band: string;
  /** The band the plan aims for; null when there is none (a row with no data). */
  target: string | null;
  reachable: boolean;
  /** The score once every change is written (the current score when nothing needs to change). */
  scoreAfter: number | null;
  changes: PlanChange[];
  /** One sentence: the plan (`NPS 6 → 8 → Yellow (41.2)`) or why there is none. */
  why: string;
}

export interface PlanOptions extends ScoreOptions {
  /** A band label; absent means the band just above the row's. */
  target?: string;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

export interface Planner {
  planRow(row: readonly CellValue[]): Plan;
}

/** Subsets tried per row before giving up: bounds the time a row with many metrics can take. */
const SEARCH_LIMIT = 20_000;

/** A metric's value as a straight line: score = clamp(a + b × value, lo, hi), value in [vMin, vMax]. */
interface Line {
  a: number;
  b: number;
  lo: number;
  hi: number;
  vMin: number;
  vMax: number;
  /** The move worth the metric's whole scale (see "smallest" above). */
  span: number;
  /** Where a missing value counts from: the worst end of a range, the neutral value, zero units. */
  origin: number;
  /** The cell's precision, e.g. 0.01. */
  unit: number;
  decimals: number;
}

interface Level {
  score: number;
  to: PlanCell;
  cost: number;
}

interface MetricLever {
  index: number;
  state: MetricState;
  metric: Metric;
  col: number;
  present: boolean;
  /** Current score, or what the missing policy fills in (NaN: left out). */
  score: number;
  value: number | string | null;
  levels?: Level[];
  line?: Line;
  /** Line levers: the score the move starts from, and the value cost is measured from. */
  start: number;
  costFrom: number;
}

interface FlagLever {
  flag: Flag;
  col: number;
  /** A cap below the target: must be cleared whatever else changes. */
  mandatory: boolean;
}

type Lever = { metric: MetricLever } | { flag: FlagLever };

interface Prepared {
  rubric: BaseRubric;
  weighted: boolean;
  scorers: CompiledScorer[];
  metricCols: number[];
  flagCols: number[];
  /** Per metric: it reads a count of a source's rows, a whole number never below zero. */
  counts: boolean[];
}

/**
 * Prepares plans for a table. Throws what scoring throws (a ColumnError for absent columns, a
 * MissingSourceError or SourceColumnError for `options.sources`) and a PlanError when `target`
 * names no band of the rubric (nor of any segment's).
 */
export function planner(rubric: Rubric, headers: readonly CellValue[], options: PlanOptions): Planner {
  const froms = fromsRead(rubric);
  // Stryker disable next-line ConditionalExpression: a shortcut: with nothing read from a source, the general path below plans the same (no aggregates, valuesRubric changes nothing scored)
  if (froms.length === 0) return cellPlanner(rubric, headers, options, new Map());
  // An aggregate of a source's rows is planned as the cell it would be if it were written as a
  // column (as history rescores kept values): the plan names the aggregate's new value, which the
  // team reaches through the activity itself (more logins, fewer open tickets). `actionable: false`
  // keeps an aggregate out of plans exactly as it keeps a column out.
  const card = scorecard(rubric, headers, options);
  const names = froms.map(({ from }) => fromText(from));
  const aggregates = new Map(
    froms.map(({ from }) => [
      fromText(from).toLowerCase(),
      { source: from.source, count: !from.compare && (from.agg === "count" || from.agg === "distinct") },
    ]),
  );
  const cells = cellPlanner(valuesRubric(rubric), [...headers, ...names], options, aggregates);
  return {
    planRow: (row) => {
      const aggregates = card.valuesRead([row])[0] as Record<string, CellValue>;
      return cells.planRow([...row, ...names.map((n) => aggregates[n] ?? null)]);
    },
  };
}

/** A column that holds a source's aggregate: its source, and whether it counts rows (whole, ≥ 0). */
type Aggregates = ReadonlyMap<string, { source: string; count: boolean }>;

/** Plans for a rubric that reads only cells, some of which may be aggregates (by lowercase column). */
function cellPlanner(
  rubric: Rubric,
  headers: readonly CellValue[],
  options: PlanOptions,
  aggregates: Aggregates,
): Planner {
  const card = scorecard(rubric, headers, options);
  const columns = mapColumns(rubric, headers);
  const days = dayContext(options.asOf, options.timeZone);
  const all = [rubric, ...Object.values(rubric.segments?.rubrics ?? {})];
  const target = options.target?.trim();
  if (target !== undefined && !all.some((r) => r.bands.some((b) => sameLabel(b.label, target)))) {
    const labels = rubric.bands.map((b) => b.label);
    throw new PlanError(
      `The target band "${target}" is not a band of this rubric: use ${labels.slice(0, -1).join(", ")}${labels.length > 1 ? " or " : ""}${labels[labels.length - 1]}.`,
    );
  }
  const prepared = new Map<BaseRubric, Prepared>();
  const prepare = (r: BaseRubric): Prepared => {
    let p = prepared.get(r);
    // Stryker disable next-line ConditionalExpression: a cache: preparing the same rubric again gives the same plan
    if (!p) {
      p = {
        rubric: r,
        weighted: r.method === "weighted",
        scorers: r.metrics.map((m) => compileScorer(m.score, r.method)),
        metricCols: r.metrics.map((m) => columnIndex(columns, m.column as string)),
        flagCols: r.flags.map((f) => columnIndex(columns, f.column as string)),
        counts: r.metrics.map((m) => aggregates.get((m.column as string).toLowerCase())?.count === true),
      };
      prepared.set(r, p);
    }
    return p;
  };
  return {
    planRow: (row) => {
      const now = card.scoreRow(row);
      const plan = planFor(prepare(card.rubricFor(row).rubric), row, now, target, {
        days,
        rescore: (r) => card.scoreRow(r),
      });
      for (const c of plan.changes) {
        const source = aggregates.get(c.column.toLowerCase())?.source;
        if (source !== undefined) c.source = source;
      }
      return plan;
    },
  };
}

/** Band labels are kept trimmed (parseRubric), and so is the target. */
const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

interface Context {
  days: DayContext;
  rescore: (row: readonly CellValue[]) => RowResult;
}

function planFor(
  p: Prepared,
  row: readonly CellValue[],
  now: RowResult,
  wanted: string | undefined,
  ctx: Context,
): Plan {
  const { bands } = p.rubric;
  const bandIndex = (label: string) => bands.findIndex((b) => sameLabel(b.label, label));
  const noPlan = (target: string | null, why: string): Plan => ({
    band: now.band,
    target,
    reachable: false,
    scoreAfter: now.score,
    changes: [],
    why,
  });
  if (now.score === null)
    return noPlan(null, "No data: no metric has a value, so there is nothing to plan from");
  const current = bandIndex(now.band);
  let goal: number;
  if (wanted === undefined) {
    if (current === bands.length - 1)
      return { ...noPlan(now.band, `Already ${now.band}, the top band`), reachable: true };
    goal = current + 1;
  } else {
    goal = bandIndex(wanted);
    if (goal < 0) {
      const whose = now.segment === undefined ? "the top-level rubric" : `segment "${now.segment}"`;
      return noPlan(wanted, `This row's rubric (${whose}) has no band "${wanted}"`);
    }
  }
  const targetBand = bands[goal] as (typeof bands)[number];
  const targetLabel = targetBand.label;
  if (current >= goal) {
    const why = current === goal ? `Already ${now.band}` : `Already ${now.band}, above ${targetLabel}`;
    return { ...noPlan(targetLabel, why), reachable: true };
  }
  // A null score has no band: indexOf gives −1, below any goal (goal ≥ 1 here).
  const reachedBy = (score: number | null) =>
    bands.indexOf(bandFor(bands, score) as (typeof bands)[number]) >= goal;

  const states = statesOf(p, now, row);
  const levers = leversOf(p, states, now, reachedBy, ctx.days);
  const metricLevers = levers.filter((l): l is { metric: MetricLever } => "metric" in l);
  const mandatory = levers.filter((l): l is { flag: FlagLever } => "flag" in l && l.flag.mandatory);
  const optional = levers.filter((l) => !("flag" in l && l.flag.mandatory));

  const threshold = (cleared: Set<string>): number => {
    const flags = now.flags.filter((f) => !cleared.has(f.id));
    const reached = (r: number) => reachedBy(roundScore(applyFlags(r, flags, p.weighted)));
    let lo = p.weighted ? 0 : -1e9;
    let hi = p.weighted ? 100 : 1e9;
    // Stryker disable next-line ConditionalExpression: a shortcut: bisecting a need no score meets ends at the top, which no candidate then meets either
    if (!reached(hi)) return Number.POSITIVE_INFINITY;
    // Stryker disable next-line ConditionalExpression: a shortcut: bisecting a need every score meets ends within 1e-9 of the bottom, which every row meets
    if (reached(lo)) return Number.NEGATIVE_INFINITY;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,UpdateOperator: the stopping rule only bounds the work: any that stops within 1e-9 of the boundary gives the same plans (scores are rounded to 0.1)
    for (let i = 0; i < 200 && hi - lo > 1e-9; i++) {
      const mid = (lo + hi) / 2;
      if (reached(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  const model = linearModel(
    p,
    states,
    metricLevers.map((l) => l.metric),
  );
  const mandatoryIds = new Set(mandatory.map((l) => l.flag.flag.id));

  /** The cheapest way to reach the target moving exactly the levers in `chosen`, by the linear model. */
  const cheapest = (chosen: Lever[]): Candidate | undefined => {
    const cleared = new Set(mandatoryIds);
    const moved = new Set<MetricLever>();
    for (const l of chosen) {
      if ("flag" in l) cleared.add(l.flag.flag.id);
      else moved.add(l.metric);
    }
    const need = threshold(cleared);
    // Stryker disable next-line ConditionalExpression: a shortcut: no fill of lines meets an infinite need
    if (need === Number.POSITIVE_INFINITY) return undefined;
    const shares = model.shares(moved);
    let base = 0;
    for (const l of model.levers) {
      if (moved.has(l)) continue;
      const c = shares.get(l) ?? 0;
      if (c !== 0) base += c * l.score;
    }
    base += model.fixed(moved);
    const discrete = [...moved].filter((l) => l.levels);
    const lines = [...moved].filter((l) => l.line);
    const flagCost = chosen.filter((l) => "flag" in l).length;
    let best: Candidate | undefined;
    // Stryker disable next-line ArrayDeclaration: every entry is written before it is read
    const choice: Level[] = [];
    const visit = (k: number) => {
      if (k < discrete.length) {
        for (const level of (discrete[k] as MetricLever).levels as Level[]) {
          choice[k] = level;
          visit(k + 1);
        }
        return;
      }
      let have = base;
      let cost = flagCost;
      const writes = new Map<MetricLever, PlanCell>();
      discrete.forEach((l, i) => {
        const level = choice[i] as Level;
        have += (shares.get(l) ?? 0) * level.score;
        cost += level.cost;
        writes.set(l, level.to);
      });
      const moves = fillLines(lines, shares, need - have);
      if (!moves) return;
      for (const [l, value] of moves) {
        const line = l.line as Line;
        cost += Math.abs(value - l.costFrom) / line.span;
        writes.set(l, cellFor(l.state, value, ctx.days));
      }
      // Stryker disable next-line EqualityOperator: costs 1e-12 apart are float noise either way
      if (!best || cost < best.cost - 1e-12) best = { cost, writes, cleared, lines: moves };
    };
    visit(0);
    return best;
  };

  const fires = (cells: readonly CellValue[], id: string) =>
    ctx.rescore(cells).flags.some((f) => f.id === id);
  const build = (c: Candidate) => applyCandidate(p, row, c, fires, ctx.days);
  const verify = (changes: PlanChange[]) => ctx.rescore(writeChanges(row, changes, p, metricLevers));

  // Everything at its best: if even that falls short, say by how much.
  const best = bestScore(p, now, model, metricLevers, mandatoryIds, optional);
  if (!reachedBy(best)) {
    return noPlan(
      targetLabel,
      metricLevers.length === 0
        ? `Out of reach: no metric can be changed (each is marked not actionable or cannot score higher), and ${targetLabel} starts at ${targetBand.from}`
        : `Out of reach: even with every actionable metric at its best the score would be ${best}, below ${targetLabel} (from ${targetBand.from})`,
    );
  }

  let tried = 0;
  for (let k = 0; k <= optional.length; k++) {
    const candidates: Candidate[] = [];
    for (const subset of subsets(optional, k)) {
      // Stryker disable next-line EqualityOperator: only a row whose plan needs exactly 20,000 subsets (19,999 levers) could tell
      if (++tried > SEARCH_LIMIT) {
        return noPlan(
          targetLabel,
          `No plan found within ${SEARCH_LIMIT.toLocaleString("en-US")} combinations of changes: mark the metrics the team cannot change "actionable": false`,
        );
      }
      const c = cheapest(subset);
      if (c) candidates.push(c);
    }
    candidates.sort((a, b) => a.cost - b.cost);
    for (const c of candidates) {
      const found = confirm(c, build, verify, reachedBy, ctx.days);
      if (found) return planned(now.band, targetLabel, found.changes, found.result, p);
    }
  }
  return noPlan(targetLabel, `Out of reach: no combination of changes lifts this row to ${targetLabel}`);
}

interface Candidate {
  cost: number;
  writes: Map<MetricLever, PlanCell>;
  cleared: Set<string>;
  lines: Map<MetricLever, number>;
}

/**
 * Checks a candidate on the real scorecard. Rounding a continuous move may land a hair short:
 * then the move grows by the cell's precision, a few times at most. Changes that the check shows
 * are not needed are dropped, one at a time.
 */
function confirm(
  c: Candidate,
  build: (c: Candidate) => PlanChange[],
  verify: (changes: PlanChange[]) => RowResult,
  reachedBy: (score: number | null) => boolean,
  days: DayContext,
): { changes: PlanChange[]; result: RowResult } | undefined {
  let current = build(c);
  let result = verify(current);
  for (let bump = 0; !reachedBy(result.score) && bump < 3 && c.lines.size > 0; bump++) {
    const [l, v] = [...c.lines].pop() as [MetricLever, number];
    const line = l.line as Line;
    const next = clampValue(line, v + Math.sign(line.b) * line.unit);
    c.lines.set(l, next);
    c.writes.set(l, cellFor(l.state, next, days));
    current = build(c);
    result = verify(current);
  }
  if (!reachedBy(result.score)) return undefined;
  // Stryker disable next-line ArithmeticOperator: starting past the end only adds steps that drop nothing
  for (let i = current.length - 1; i >= 0; i--) {
    const without = current.filter((_, j) => j !== i);
    const r = verify(without);
    if (reachedBy(r.score)) {
      current = without;
      result = r;
    }
  }
  return { changes: current, result };
}

function planned(band: string, target: string, changes: PlanChange[], result: RowResult, p: Prepared): Plan {
  return {
    band,
    target,
    reachable: true,
    scoreAfter: result.score,
    changes,
    why: planSentence(changes, result, p),
  };
}

const MINUS = "\u2212";

/** `Clear "Champion left" first: it caps the score at 39; then NPS 6 → 8 and Seat utilisation 0.43 → 0.55 → Yellow (41.2)` */
export function planSentence(changes: readonly PlanChange[], result: RowResult, p: Prepared): string {
  const caps: { label: string; cap: number }[] = [];
  const moves: string[] = [];
  for (const c of changes) {
    // A metric change has no `flag`, and no flag's id is undefined.
    const flag = p.rubric.flags.find((f) => f.id === c.flag);
    // A flag is cleared for its cap when the cap would hold the score down, else only for the
    // points it subtracts (leversOf).
    if (flag?.cap !== undefined && flag.cap < (result.score ?? Number.POSITIVE_INFINITY))
      caps.push({ label: c.label, cap: flag.cap });
    else if (flag !== undefined) moves.push(`clear "${c.label}" (${MINUS}${Math.abs(flag.add ?? 0)})`);
    else {
      // A number written as text ("45%") is shown as the number it reads as.
      const from =
        typeof c.to === "number" && typeof c.from === "string" ? (parseNumber(c.from) ?? c.from) : c.from;
      moves.push(`${c.label} ${shown(from)} \u2192 ${shown(c.to)}`);
    }
  }
  const outcome = `\u2192 ${result.band} (${result.score})`;
  if (caps.length === 0) return `${capitalise(and(moves))} ${outcome}`;
  const first = moves.length > 0 ? " first" : "";
  const clear =
    caps.length === 1
      ? // Stryker disable next-line OptionalChaining: caps has exactly one member here
        `Clear "${caps[0]?.label}"${first}: it caps the score at ${caps[0]?.cap}`
      : `Clear ${and(caps.map((c) => `"${c.label}"`))}${first}: they cap the score at ${and(caps.map((c) => String(c.cap)))}`;
  return moves.length === 0 ? `${clear} ${outcome}` : `${clear}; then ${and(moves)} ${outcome}`;
}

const and = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] as string);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function shown(cell: PlanCell): string {
  if (cell === "") return "missing";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(Math.round(cell * 10_000) / 10_000);
  return cell;
}

/** Every subset of `items` with `k` members, in lexicographic order of position. */
function* subsets<T>(items: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - k; i++) {
    for (const rest of subsets(items, k - 1, i + 1)) yield [items[i] as T, ...rest];
  }
}

/**
 * Fractional knapsack over continuous moves: most score per unit of move first, each up to its
 * best. Every lever given must move (else fewer levers would do: that plan was tried before).
 * Returns each lever's new value, or undefined when `need` cannot be met.
 */
function fillLines(
  lines: MetricLever[],
  shares: Map<MetricLever, number>,
  need: number,
): Map<MetricLever, number> | undefined {
  let left = need;
  for (const l of lines) left -= (shares.get(l) ?? 0) * l.start;
  const order = lines
    .map((l) => ({
      l,
      share: shares.get(l) ?? 0,
      rate: Math.abs((l.line as Line).b) * (l.line as Line).span,
    }))
    .sort((x, y) => y.share * y.rate - x.share * x.rate);
  const gains = new Map<MetricLever, number>();
  for (const { l, share } of order) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a lever with no share gains nothing: the same plan without it, one change fewer, was tried first
    if (share <= 0) return undefined;
    const room = lineMax(l.line as Line) - l.start;
    // Stryker disable next-line EqualityOperator: at left 0 both give a gain of 0
    const gain = left > 0 ? Math.min(room, left / share) : 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a present lever that gains nothing writes its own value: the plan without it, one change fewer, was tried first
    if (gain <= 0 && l.present) return undefined;
    gains.set(l, gain);
    left -= gain * share;
  }
  // Stryker disable next-line EqualityOperator: a shortfall of exactly 1e-9 is float noise either way
  if (left > 1e-9) return undefined;
  const values = new Map<MetricLever, number>();
  for (const l of lines) {
    const line = l.line as Line;
    values.set(l, valueFor(line, l.start + (gains.get(l) ?? 0)));
  }
  return values;
}

const clampScore = (line: Line, s: number) => Math.min(line.hi, Math.max(line.lo, s));
const scoreAt = (line: Line, v: number) => clampScore(line, line.a + line.b * v);
const clampValue = (line: Line, v: number) => Math.min(line.vMax, Math.max(line.vMin, v));

function lineMax(line: Line): number {
  // Stryker disable next-line EqualityOperator: a line's b is never 0 (lineOf makes none)
  const end = line.b > 0 ? line.vMax : line.vMin;
  return Number.isFinite(end) ? scoreAt(line, end) : line.hi;
}

/** The value giving at least `score`, rounded to the cell's precision in the direction that helps. */
function valueFor(line: Line, score: number): number {
  const exact = (score - line.a) / line.b;
  const steps = exact / line.unit;
  // Stryker disable next-line EqualityOperator: b > 0 and b >= 0 agree, a line never has b = 0 (lineOf)
  const rounded = (line.b > 0 ? Math.ceil(steps - 1e-9) : Math.floor(steps + 1e-9)) * line.unit;
  return Number(clampValue(line, rounded).toFixed(line.decimals));
}

/**
 * The aggregate as a linear function of the metric scores, for a given set of metrics that will
 * have values: weighted means re-spread their weights over the metrics present, so the shares
 * depend on which missing metrics a plan fills in.
 */
function linearModel(p: Prepared, states: MetricState[], levers: MetricLever[]) {
  const { rubric, weighted } = p;
  const byIndex = new Map(levers.map((l) => [l.index, l]));
  const groups = rubric.groups ?? {};
  const grouped = weighted && rubric.groups !== undefined;
  // Stryker disable next-line StringLiteral: without groups the one group's name is never read
  const groupNames = grouped ? Object.keys(groups) : [""];
  // With groups every metric names one of them (validate.ts).
  const groupOf = (m: Metric) => (grouped ? groupNames.indexOf(m.group as string) : 0);
  const groupWeight = (g: number) => (grouped ? (groups[groupNames[g] as string] ?? 0) : 1);
  const shareOf = (moved: Set<MetricLever>): Map<number, number> => {
    const state = (i: number) => states[i] as MetricState;
    const present = (i: number) => state(i).present || moved.has(byIndex.get(i) as MetricLever);
    const counts = (i: number) => present(i) || !Number.isNaN(state(i).score);
    const weights = groupNames.map(() => 0);
    const seen = new Set<number>();
    rubric.metrics.forEach((m, i) => {
      if (!counts(i)) return;
      weights[groupOf(m)] = (weights[groupOf(m)] as number) + m.weight;
      if (present(i)) seen.add(groupOf(m));
    });
    // A live group of weight 0 only gives its metrics shares of 0. The total is never 0: the row
    // has a score, so a group of weight > 0 is live, and moving levers only brings groups in.
    const live = groupNames.map((_, g) => seen.has(g) && (weights[g] as number) > 0);
    const total = groupNames.reduce((s, _, g) => (live[g] ? s + groupWeight(g) : s), 0);
    const out = new Map<number, number>();
    rubric.metrics.forEach((m, i) => {
      const g = groupOf(m);
      if (!weighted) out.set(i, m.weight);
      else if (counts(i) && live[g])
        out.set(i, (groupWeight(g) / total) * (m.weight / (weights[g] as number)));
    });
    return out;
  };
  return {
    levers,
    shares(moved: Set<MetricLever>): Map<MetricLever, number> {
      const s = shareOf(moved);
      return new Map(levers.map((l) => [l, s.get(l.index) ?? 0]));
    },
    /** What the metrics that are not levers add, with these levers moved. */
    fixed(moved: Set<MetricLever>): number {
      const s = shareOf(moved);
      let sum = 0;
      states.forEach((st, i) => {
        if (byIndex.has(i)) return;
        if (!Number.isNaN(st.score)) sum += (s.get(i) ?? 0) * st.score;
      });
      return sum;
    },
  };
}

function bestScore(
  p: Prepared,
  now: RowResult,
  model: ReturnType<typeof linearModel>,
  levers: { metric: MetricLever }[],
  mandatory: Set<string>,
  optional: Lever[],
): number {
  const moved = new Set(levers.map((l) => l.metric));
  const shares = model.shares(moved);
  let raw = model.fixed(moved);
  for (const l of moved) {
    // A lever's levels all score above it (metricLever), or are every level when it is left out
    // as missing (its score NaN, which must not count as its best).
    const top = l.levels ? Math.max(...l.levels.map((x) => x.score)) : lineMax(l.line as Line);
    raw += (shares.get(l) ?? 0) * top;
  }
  const cleared = new Set(mandatory);
  for (const l of optional) if ("flag" in l) cleared.add(l.flag.flag.id);
  return roundScore(
    applyFlags(
      raw,
      now.flags.filter((f) => !cleared.has(f.id)),
      p.weighted,
    ),
  );
}

interface MetricState {
  metric: Metric;
  present: boolean;
  /** weighted: its 0..100 score; points: its points before weight. NaN when it takes no part. */
  score: number;
  value: number | string | null;
  /** Decimals of a number written as a percentage ("45%": 0); a plan writes it back the same way. */
  percent?: number;
  /** Whole and never below zero: days since, and counts of a source's rows. */
  whole: boolean;
}

/** Every metric's state in the row, read from its result (the scorecard read the cells once). */
function statesOf(p: Prepared, now: RowResult, row: readonly CellValue[]): MetricState[] {
  const drivers = new Map(now.drivers.map((d) => [d.id, d]));
  const missing = new Set(now.missing);
  const fill = { skip: Number.NaN, zero: 0, neutral: 50 } as const;
  return p.rubric.metrics.map((metric, i) => {
    const d = drivers.get(metric.id);
    const cell = row[p.metricCols[i] as number];
    const percent =
      // Stryker disable next-line ConditionalExpression: only a number metric writes a number back (cellFor, precision); text, boolean and daysSince metrics never read `percent`
      metric.input === "number" && typeof cell === "string"
        ? /^[^%]*?(?:\.(\d+))?\s*%$/.exec(cell.trim())
        : null;
    const present = !missing.has(metric.id);
    const policy = p.weighted ? fill[metric.missing ?? p.rubric.missing] : 0;
    let score = policy;
    if (present)
      // Stryker disable next-line ConditionalExpression: a metric weighing 0 is never a lever and adds nothing, so its score is never read
      score = d ? (p.weighted ? d.score : metric.weight === 0 ? 0 : d.score / metric.weight) : Number.NaN;
    const whole = metric.input === "daysSince" || p.counts[i] === true;
    const st: MetricState = { metric, present, score, value: d && present ? d.value : null, whole };
    if (percent) st.percent = percent[1]?.length ?? 0;
    return st;
  });
}

/** The row's levers: actionable metrics that can raise the score, and flags worth clearing. */
function leversOf(
  p: Prepared,
  states: MetricState[],
  now: RowResult,
  reachedBy: (score: number | null) => boolean,
  days: DayContext,
): Lever[] {
  const levers: Lever[] = [];
  states.forEach((st, index) => {
    const { metric } = st;
    if (metric.actionable === false || metric.weight === 0) return;
    const lever = metricLever(p, index, st, days);
    if (lever) levers.push({ metric: lever });
  });
  p.rubric.flags.forEach((flag, i) => {
    // Stryker disable next-line ConditionalExpression: a flag that does not fire changes no score when cleared: as a lever it costs a change for nothing, and applyCandidate writes nothing for it
    if (!now.flags.some((f) => f.id === flag.id)) return;
    const mandatory = flag.cap !== undefined && !reachedBy(roundScore(flag.cap));
    if (mandatory || (flag.add ?? 0) < 0)
      levers.push({ flag: { flag, col: p.flagCols[i] as number, mandatory } });
  });
  return levers;
}

function metricLever(p: Prepared, index: number, st: MetricState, days: DayContext): MetricLever | undefined {
  const { metric } = st;
  const scorer = p.scorers[index] as CompiledScorer;
  const base: MetricLever = {
    index,
    state: st,
    metric,
    col: p.metricCols[index] as number,
    present: st.present,
    score: st.score,
    value: st.value,
    start: 0,
    costFrom: 0,
  };
  const line = lineOf(p, st);
  if (line && metric.input !== "boolean") {
    base.line = line;
    base.start = st.present
      ? st.score
      : Number.isNaN(st.score)
        ? scoreAt(line, line.origin)
        : Math.max(st.score, scoreAt(line, line.origin));
    base.costFrom = st.present ? (st.value as number) : line.origin;
    // A metric whose group takes no part (present, score NaN) has no room: it is no lever.
    // Stryker disable next-line EqualityOperator: > and >= differ only when the room is exactly 1e-9
    return lineMax(line) > base.start + 1e-9 || !st.present ? base : undefined;
  }
  const levels = levelsOf(metric, scorer, st, days);
  const better = levels.filter((l) =>
    // Stryker disable next-line EqualityOperator: > and >= differ only when a level is exactly 1e-9 better
    st.present || !Number.isNaN(st.score) ? l.score > st.score + 1e-9 : true,
  );
  if (better.length === 0) return undefined;
  base.levels = better;
  return base;
}

/** decimal places of a number as written (capped at 6). */
function decimals(n: number): number {
  const s = String(n);
  if (s.includes("e")) return 6;
  const dot = s.indexOf(".");
  return dot === -1 ? 0 : Math.min(6, s.length - dot - 1);
}

/**
 * The precision a new value is written at: whole days; else as fine as the cell and the scorer's
 * numbers are written (a percentage's two more), and, when those are not all whole, fine enough
 * that a move is never more than a twentieth of the scale (0.1 to 0.8 → hundredths).
 */
function precision(st: MetricState, params: number[], span?: number): { unit: number; decimals: number } {
  if (st.whole) return { unit: 1, decimals: 0 };
  // Stryker disable next-line ConditionalExpression: a metric moved by a line or steps has a number or no value, and decimals(null) is 0
  let d = Math.max(0, ...[typeof st.value === "number" ? st.value : 0, ...params].map(decimals));
  if (st.percent !== undefined) d = Math.max(d, st.percent + 2);
  if (d > 0 && span !== undefined) d = Math.min(6, Math.max(d, Math.ceil(Math.log10(20 / Math.abs(span)))));
  return { unit: 10 ** -d, decimals: d };
}

function lineOf(p: Prepared, st: MetricState): Line | undefined {
  const { metric } = st;
  const s = metric.score;
  const w = p.weighted;
  const lo = w ? 0 : Number.NEGATIVE_INFINITY;
  const hi = w ? 100 : Number.POSITIVE_INFINITY;
  const make = (
    a: number,
    b: number,
    sLo: number,
    sHi: number,
    vMin: number,
    span: number,
    origin: number,
    params: number[],
  ): Line | undefined =>
    b === 0 || !Number.isFinite(span) || span === 0
      ? undefined
      : {
          a,
          b,
          // Stryker disable next-line MethodExpression: equivalent: the line is read only at its origin (inside [sLo, sHi]) and, for days and counts, at 0, which scores below sLo only on a range whose ends are both below 0
          lo: Math.max(lo, sLo),
          hi: Math.min(hi, sHi),
          vMin,
          vMax: Number.POSITIVE_INFINITY,
          span: Math.abs(span),
          origin,
          ...precision(st, params, span),
        };
  const vMin = st.whole ? 0 : Number.NEGATIVE_INFINITY;
  switch (s.type) {
    case "range": {
      const top = w ? 100 : s.points;
      const b = top / (s.best - s.worst);
      return make(-s.worst * b, b, Math.min(0, top), Math.max(0, top), vMin, s.best - s.worst, s.worst, [
        s.worst,
        s.best,
      ]);
    }
    case "scale": {
      const base = w ? 50 : 0;
      return make(base - s.neutral * s.step, s.step, lo, hi, vMin, 100 / s.step, s.neutral, [s.neutral]);
    }
    case "perUnit": {
      // A per-unit count is never below zero (tickets, reviews, years).
      const cap = s.cap ?? Number.POSITIVE_INFINITY;
      // Stryker disable next-line ArrayDeclaration: equivalent: precision counts the decimals of numbers; a text entry counts none, as no entry does
      return make(0, s.points, -cap, cap, 0, (s.cap ?? 100) / s.points, 0, []);
    }
    // Stryker disable next-line ConditionalExpression: equivalent: falling out of the switch returns undefined too
    default:
      return undefined;
  }
}

/** The values a discrete scorer can be moved to: one per score it gives, nearest the current value. */
function levelsOf(metric: Metric, scorer: CompiledScorer, st: MetricState, days: DayContext): Level[] {
  const options: { to: PlanCell; score: number; distance: number }[] = [];
  const s = metric.score;
  const current = typeof st.value === "number" ? st.value : Number.NaN;
  const add = (to: PlanCell, read: number | string, distance: number) =>
    options.push({ to, score: applyScorer(scorer, read), distance: Number.isNaN(distance) ? 0 : distance });
  if (metric.input === "boolean") {
    for (const v of [0, 1]) {
      // Stryker disable next-line ArithmeticOperator: equivalent: the distance only picks between values of equal score; FALSE and TRUE scoring the same beat no present cell, and a missing or map-read cell's distance is NaN (0) either way
      add(v === 1, s.type === "map" ? (v === 1 ? "true" : "false") : v, Math.abs(v - current));
    }
  } else if (s.type === "map") {
    for (const key of Object.keys(s.values)) {
      const n = metric.input === "number" ? parseNumber(key) : undefined;
      if (n !== undefined) add(n, n, Math.abs(n - current));
      else add(key, key, 0);
    }
  } else if (s.type === "steps") {
    const bounds = s.steps
      .flatMap((step) => [step.min, step.max])
      .filter((b): b is number => b !== undefined);
    const { unit, decimals: d } = precision(st, bounds);
    const values = new Set<number>();
    for (const b of bounds) for (const v of [b, b - unit, b + unit]) values.add(Number(v.toFixed(d)));
    for (const v of values) {
      if (st.whole && v < 0) continue;
      add(cellFor(st, v, days), v, Math.abs(v - current));
    }
  }
  // Each score once: the value nearest the current one (the first written, when equally near).
  const byScore = new Map<number, { to: PlanCell; score: number; distance: number }>();
  for (const o of options) {
    const seen = byScore.get(o.score);
    if (!seen || o.distance < seen.distance) byScore.set(o.score, o);
  }
  const scores = [...new Set([...byScore.keys(), ...(st.present ? [st.score] : [])])].sort((a, b) => a - b);
  const from = st.present ? scores.indexOf(st.score) : 0;
  const steps = Math.max(1, scores.length - 1);
  return [...byScore.values()]
    .sort((a, b) => a.score - b.score)
    .map((o) => ({ to: o.to, score: o.score, cost: Math.max(0, scores.indexOf(o.score) - from) / steps }));
}

/**
 * A metric's new value as a cell: a number (as a percentage when the cell was written as one), or
 * for daysSince the date that many days before the as-of date.
 */
function cellFor(st: MetricState, value: number, days: DayContext): PlanCell {
  if (st.metric.input === "daysSince") return dayToIso(days.asOfDay - value);
  if (st.percent !== undefined) {
    const d = Math.max(0, decimals(value) - 2);
    return `${(value * 100).toFixed(d)}%`;
  }
  return value;
}

/** A cell as a plan shows it: '' when empty, dates as YYYY-MM-DD. */
function planCell(cell: CellValue, days: DayContext): PlanCell {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cellText(cell, days);
  return cell;
}

/** The changes of a candidate: flags cleared first, then metrics in rubric order. */
function applyCandidate(
  p: Prepared,
  row: readonly CellValue[],
  c: Candidate,
  fires: (cells: readonly CellValue[], flagId: string) => boolean,
  days: DayContext,
): PlanChange[] {
  const cells = row.slice();
  // Stryker disable next-line ArrayDeclaration: equivalent: a stray entry changes no cell, so confirm drops it as unneeded
  const metricChanges: PlanChange[] = [];
  for (const [l, to] of [...c.writes].sort((a, b) => a[0].index - b[0].index)) {
    metricChanges.push({
      metric: l.metric.id,
      label: l.metric.label,
      column: l.metric.column as string,
      from: planCell(row[l.col], days),
      to,
    });
    cells[l.col] = to;
  }
  // Stryker disable next-line ArrayDeclaration: equivalent: a stray entry changes no cell, so confirm drops it as unneeded
  const flagChanges: PlanChange[] = [];
  p.rubric.flags.forEach((flag, i) => {
    if (!c.cleared.has(flag.id)) return;
    const col = p.flagCols[i] as number;
    if (!fires(cells, flag.id)) return;
    const to = clearedCell(flag, cells[col], days);
    flagChanges.push({
      flag: flag.id,
      label: flag.label,
      column: flag.column as string,
      from: planCell(cells[col], days),
      to,
    });
    cells[col] = to;
  });
  // Stryker disable next-line OptionalChaining: equivalent: every flag change is of a flag of the rubric
  const caps = flagChanges.filter((f) => p.rubric.flags.find((x) => x.id === f.flag)?.cap !== undefined);
  // Stryker disable next-line MethodExpression: equivalent: a cap's clear listed twice is dropped by confirm as unneeded
  return [...caps, ...metricChanges, ...flagChanges.filter((f) => !caps.includes(f))];
}

/** Writes every change's `to` into a copy of the row, in order. */
function writeChanges(
  row: readonly CellValue[],
  changes: readonly PlanChange[],
  p: Prepared,
  levers: { metric: MetricLever }[],
): CellValue[] {
  const cells = row.slice();
  // Every change is of a metric lever or of a flag of the rubric, so each has its column.
  for (const c of changes) {
    const col =
      c.metric !== undefined
        ? (levers.find((l) => l.metric.metric.id === c.metric) as { metric: MetricLever }).metric.col
        : (p.flagCols[p.rubric.flags.findIndex((f) => f.id === c.flag)] as number);
    cells[col] = c.to;
  }
  return cells;
}

/** A cell on which the flag no longer fires, as close to the current one as the condition allows. */
function clearedCell(flag: Flag, cell: CellValue, days: DayContext): PlanCell {
  if (typeof flag.when === "boolean") return !flag.when;
  if (typeof flag.when === "number") return flag.when === 0 ? 1 : 0;
  if (typeof flag.when === "string") return "";
  if (flag.contains !== undefined) {
    // Stryker disable next-line MethodExpression: equivalent, validate trims `contains`; kept for unvalidated callers
    const trimmed = flag.contains.trim();
    const needle = trimmed.toLowerCase();
    let text = cellText(cell, days);
    for (let at = text.toLowerCase().indexOf(needle); at >= 0; at = text.toLowerCase().indexOf(needle)) {
      text = text.slice(0, at) + text.slice(at + needle.length);
    }
    // Tidy the separators a removed tag leaves behind: "acquired, budget cut" → "budget cut",
    // "budget cut | acquired | churn" → "budget cut | churn".
    return text
      .replace(/(\s*[,;|])\s*(?:[,;|]\s*)+/g, "$1 ")
      .replace(/^[\s,;|]+|[\s,;|]+$/g, "")
      .replace(/\s{2,}/g, " ");
  }
  const { min, max } = flag;
  if ((min === undefined || min > 0) && (max === undefined || max < 0)) return 0;
  const d = Math.max(decimals(min ?? 0), decimals(max ?? 0));
  const unit = 10 ** -d;
  return min !== undefined ? Number((min - unit).toFixed(d)) : Number(((max as number) + unit).toFixed(d));
}
