/**
 * Calibration: checks a rubric against which accounts actually churned.
 *
 * Given the rubric, a table and a column saying which accounts churned (or renewed), it answers:
 * does the score rank churned accounts below retained ones (AUC, with a bootstrap interval)? Do the
 * bands order risk? Which metrics separate churn, and do they point the way the rubric thinks? What
 * weights and band thresholds would the data suggest, and would they do better on accounts they
 * were not fitted on (cross-validated AUC)?
 *
 * Pure and deterministic: no I/O, no clock, randomness only from a seed.
 */
import { fitLogistic, type LogisticFit } from "./calibrate/logistic";
import { type OutcomePositive, outcomePositive, readOutcome } from "./calibrate/outcome";
import { featureRubric, suggestedWeights, withWeights } from "./calibrate/rubricWeights";
import { auc, aucStandardError, bootstrapAucCi, DEFAULT_SEED, stratifiedFolds } from "./calibrate/stats";
import { offeredThresholds, suggestThresholds, type ThresholdSuggestion } from "./calibrate/thresholds";
import { type WeightsVerdict, weightsVerdict } from "./calibrate/verdict";
import { isMissingCell, readBoolean, textOf } from "./cells";
import { headerKey } from "./columns";
import { type RowResult, roundScore, type ScoreOptions, scoreTable } from "./score";
import type { Band, CellValue, Method, Metric, Rubric } from "./types";
import { NO_DATA } from "./validate";
import { metricShares } from "./weights";
import { plural } from "./words";

export type { LogisticFit, LogisticOptions } from "./calibrate/logistic";
export { fitLogistic } from "./calibrate/logistic";
export { guessOutcomeColumn, type OutcomePositive, outcomePositive, readOutcome } from "./calibrate/outcome";
export type { BootstrapOptions } from "./calibrate/stats";
export { auc, bootstrapAucCi, DEFAULT_SEED, pairwiseAuc, seededRandom } from "./calibrate/stats";
export {
  MIN_THRESHOLD_MOVE,
  offeredThresholds,
  suggestThresholds,
  type ThresholdSuggestion,
} from "./calibrate/thresholds";
export {
  calibrationVerdict,
  describeAuc,
  VERDICT_MARGIN,
  type WeightsVerdict,
  weightsVerdict,
} from "./calibrate/verdict";

/** Fewer churned (or retained) accounts than this and the numbers are flagged as not yet reliable. */
export const RELIABLE_MINIMUM = 20;

export interface CalibrateOptions extends ScoreOptions {
  /** The header of the outcome column (matched trimmed, case-insensitively). */
  outcomeColumn: string;
  /** What TRUE means in it; inferred from the column's name by default (see outcomePositive). */
  positive?: OutcomePositive;
  /** Seed of the bootstrap and the cross-validation folds; DEFAULT_SEED by default. */
  seed?: number;
  /** Bootstrap resamples for the AUC interval; 1000 by default. */
  samples?: number;
  /** Cross-validation folds; 5 by default (fewer when there are fewer churned or retained accounts). */
  folds?: number;
  /** L2 penalty of the weight regression (on standardised metric scores); 1 by default. */
  lambda?: number;
}

export interface BandCalibration {
  label: string;
  /** The band's lower bound (absent on the first band and on No data). */
  from?: number;
  accounts: number;
  churned: number;
  /** Share (0..1) of the band's accounts that churned; null for an empty band. */
  churn_rate: number | null;
}

export type Direction = "higher is healthier" | "lower is healthier" | "unclear";

export interface MetricCalibration {
  id: string;
  label: string;
  /** Accounts (with an outcome and a score) where the metric had a value. */
  accounts: number;
  /**
   * AUC of the metric's own score (as the rubric scores it) against churn, over the accounts where
   * it has a value: above 0.5, retained accounts score higher on it. Null without both classes.
   */
  auc: number | null;
  /**
   * AUC of the metric's raw value (days, count, 1/0 for booleans) against churn: above 0.5, higher
   * values go with retention. Null for text values, which have no order.
   */
  value_auc: number | null;
  /** Which way the raw value actually separates churn (from value_auc); unclear for text. */
  direction: Direction;
  /** Which way the rubric scores the value: from the scorer, or from its scores over the observed values. */
  rubric_direction: Direction;
  /**
   * The data and the rubric point opposite ways. When either direction is unclear: the metric's
   * score is higher among churned accounts (auc < 0.5).
   */
  disagrees: boolean;
  /** The AUC that decides `direction` is told apart from 0.5 by more than noise (95%, Hanley–McNeil). */
  significant: boolean;
}

export interface Calibration {
  rubric: string;
  method: Method;
  outcome: { column: string; positive: OutcomePositive };
  seed: number;
  /** Data rows read, and those left out: no outcome, or (with an outcome) no score (No data). */
  rows: number;
  excluded: { no_outcome: number; no_score: number };
  /**
   * Rows whose outcome cell holds something that is neither missing nor yes/no ("pending", "maybe"):
   * counted among no_outcome, and named here in one sentence with what to write instead.
   */
  outcome_warning?: string;
  /** Accounts with an outcome and a score: everything below is computed over these. */
  n: number;
  churned: number;
  retained: number;
  churn_rate: number;
  /** At least RELIABLE_MINIMUM churned and retained accounts. */
  reliable: boolean;
  warning?: string;
  auc: number;
  /** 95% percentile bootstrap interval of the AUC (stratified, `samples` resamples). */
  auc_ci: [number, number];
  /** Per band, low to high (the top-level rubric's, then any segment-only bands, then No data). */
  bands: BandCalibration[];
  /** Churn never rises from a lower band to a higher one (over the top-level bands with accounts). */
  monotonic: boolean;
  monotonic_warning?: string;
  metrics: MetricCalibration[];
  current: {
    /** Each metric's share of the score today, in % (group shares included). */
    weights: Record<string, number>;
    /** The `from` of each top-level band after the first. */
    thresholds: number[];
    /** Cross-validated AUC of the rubric's own score on the held-out folds. */
    cv_auc: number | null;
  };
  suggested: {
    /** Relative weights in % (sum 100) from the logistic regression; 0 for metrics that do not help. */
    weights: Record<string, number>;
    /** Points rubrics only: the weights on the rubric's own scale, keeping today's total weight. */
    rubric_weights?: Record<string, number>;
    /**
     * Band `from` values after the first; null when the scores are too few or too tied for them.
     * A value within MIN_THRESHOLD_MOVE of today's is today's (offeredThresholds): not a change.
     */
    thresholds: number[] | null;
    /** The accounts and churn per band under the suggested thresholds. */
    bands?: BandCalibration[];
    /** Cross-validated AUC of the suggested weights, refitted on each training fold. */
    cv_auc: number | null;
  };
  cv: { folds: number; aggregate: "mean of fold AUCs" };
  /** Whether the suggested weights do better than the current ones on held-out accounts. */
  verdict: WeightsVerdict;
  /** How to read the suggestions for this rubric (segments, groups, points, flags). */
  note?: string;
}

/** A calibration that cannot be done with this data: the message is a sentence for the user. */
export class CalibrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CalibrationError";
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const orNull = (x: number) => (Number.isFinite(x) ? round3(x) : null);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Calibrates a rubric against outcomes. `rubric` must be valid; throws a ColumnError when the data
 * lacks a column the rubric reads, and a CalibrationError when the outcome column is absent or does
 * not hold both churned and retained accounts with a score.
 */
export function calibrate(
  rubric: Rubric,
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  options: CalibrateOptions,
): Calibration {
  const seed = options.seed ?? DEFAULT_SEED;
  const column = options.outcomeColumn;
  const positive = options.positive ?? outcomePositive(column);
  const decided = outcomesOf(headers, rows, column, positive);
  const scoreOptions = { asOf: options.asOf, timeZone: options.timeZone, sources: options.sources };
  const scored = scoreAccounts(rubric, headers, decided, scoreOptions);
  const { scores, churned } = scored;
  const [n, nChurned] = [scores.length, churned.filter(Boolean).length];
  const nRetained = n - nChurned;
  requireBothOutcomes(column, n, nChurned, scored.noScore);

  const bands = bandsOf(rubric, scored.bandCounts);
  const order = ordering(rubric.bands, bands);
  const metrics = rubric.metrics.map((m, j) =>
    metricCalibration(m, scored.metricScores[j] as number[], scored.metricValues[j] as number[], churned),
  );
  // Suggested weights: logistic regression of churn on the metric scores, on every account.
  const lambda = options.lambda ?? 1;
  const columns = scored.metricScores.map((s) => Float64Array.from(s));
  const fit = fitLogistic(columns, churned, { lambda });
  const raw = suggestedWeights(fit);
  const folds = Math.min(options.folds ?? 5, nChurned, nRetained);
  const cv = crossValidate(rubric, headers, scored, { columns, fit, lambda, folds, seed }, scoreOptions);
  // Suggested thresholds for the top-level bands, over every account's score as scored.
  const sorted = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const thresholds = suggestThresholds(
    sorted.map((i) => scores[i] as number),
    sorted.map((i) => churned[i] as boolean),
    rubric.bands.length,
  );
  const [lo, hi] = bootstrapAucCi(scores, churned, { samples: options.samples ?? 1000, seed });
  const reliable = Math.min(nChurned, nRetained) >= RELIABLE_MINIMUM;
  const short = nChurned < RELIABLE_MINIMUM ? ["churned", nChurned] : ["retained", nRetained];
  const notes = notesFor(rubric, raw, thresholds);
  const currentCuts = rubric.bands.slice(1).map((b) => b.from as number);
  const cuts = thresholds ? offeredThresholds(thresholds.cuts, currentCuts) : null;

  return {
    rubric: rubric.name,
    method: rubric.method,
    outcome: { column, positive },
    seed,
    rows: rows.length,
    excluded: { no_outcome: rows.length - decided.rows.length, no_score: scored.noScore },
    ...(decided.unreadable.length > 0 ? { outcome_warning: outcomeWarning(column, decided.unreadable) } : {}),
    n,
    churned: nChurned,
    retained: nRetained,
    churn_rate: round3(nChurned / n),
    reliable,
    ...(reliable
      ? {}
      : {
          warning: `Only ${short[1]} ${short[0]} accounts: these numbers are not yet reliable; ${RELIABLE_MINIMUM} or more are needed.`,
        }),
    auc: round3(auc(scores, churned)),
    auc_ci: [round3(lo), round3(hi)],
    bands,
    monotonic: order.monotonic,
    ...(order.warning ? { monotonic_warning: order.warning } : {}),
    metrics,
    current: {
      weights: byId(rubric.metrics, toPercent(metricShares(rubric))),
      thresholds: currentCuts,
      cv_auc: cv.current,
    },
    suggested: {
      weights: byId(rubric.metrics, toPercent(raw)),
      ...(rubric.method === "points" ? { rubric_weights: rescale(rubric.metrics, raw) } : {}),
      thresholds: cuts,
      ...(cuts ? { bands: bandsAt(rubric.bands, cuts, scores, churned) } : {}),
      cv_auc: cv.suggested,
    },
    cv: { folds, aggregate: "mean of fold AUCs" },
    verdict: weightsVerdict({
      current: { cv_auc: cv.current },
      suggested: { cv_auc: cv.suggested },
      cv: { folds },
    }),
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

/** The rows whose outcome is decided, with it; and the text of outcome cells that could not be read. */
interface Decided {
  rows: (readonly CellValue[])[];
  outcomes: boolean[];
  unreadable: string[];
}

function outcomesOf(
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  column: string,
  positive: OutcomePositive,
): Decided {
  const at = headers.findIndex((h) => headerKey(h) === column.trim().toLowerCase());
  if (at < 0)
    throw new CalibrationError(
      `The data has no column "${column}": name the column that says which accounts churned.`,
    );
  const decided: Decided = { rows: [], outcomes: [], unreadable: [] };
  for (const row of rows) {
    const outcome = readOutcome(row[at], positive);
    if (outcome === undefined) {
      if (!isMissingCell(row[at])) decided.unreadable.push(textOf(row[at]));
      continue;
    }
    decided.rows.push(row);
    decided.outcomes.push(outcome);
  }
  return decided;
}

/** The decided accounts as scored: those with a score, each top-level metric's own score and value. */
interface ScoredAccounts {
  scores: number[];
  churned: boolean[];
  rows: (readonly CellValue[])[];
  /** Per top-level metric, per scored account: its own score, NaN when it had no value. */
  metricScores: number[][];
  /** The same for its raw value (days, count, 1/0), NaN for text. */
  metricValues: number[][];
  /** Accounts and churned accounts per band label, No data included. */
  bandCounts: Map<string, { accounts: number; churned: number }>;
  noScore: number;
}

/**
 * Scores the decided accounts, and each top-level metric's own 0..100 score (weighted) or its own
 * points (points) for every account. Without segments, and when no metric or group weighs 0, the
 * drivers as scored carry them (points divided by the weight); otherwise the top-level metrics are
 * scored again at weight 1, without groups, flags or segments.
 */
function scoreAccounts(
  rubric: Rubric,
  headers: readonly CellValue[],
  decided: Decided,
  scoreOptions: ScoreOptions,
): ScoredAccounts {
  const { metrics } = rubric;
  const metricIndex = new Map(metrics.map((m, j) => [m.id, j]));
  const results = scoreTable(rubric, headers, decided.rows, scoreOptions);
  // Turning the shortcut off changes nothing but the time (the separate pass gives the same scores);
  // turning it on for a metric or group that weighs 0 is caught by the tests that weigh one 0.
  // Stryker disable ConditionalExpression,LogicalOperator,EqualityOperator,ArrowFunction,StringLiteral,MethodExpression: see above
  const reuse =
    !rubric.segments &&
    metrics.every((m) => m.weight > 0) &&
    (rubric.method === "points" || Object.values(rubric.groups ?? {}).every((g) => g > 0));
  // Stryker restore all
  const featureResults = reuse
    ? results
    : scoreTable(featureRubric(rubric), headers, decided.rows, scoreOptions);
  const perPoint = metrics.map((m) => (reuse && rubric.method === "points" ? 1 / m.weight : 1));
  const out: ScoredAccounts = {
    scores: [],
    churned: [],
    rows: [],
    metricScores: metrics.map(() => []),
    metricValues: metrics.map(() => []),
    bandCounts: new Map(bandLabels(rubric).map((label) => [label, { accounts: 0, churned: 0 }])),
    noScore: 0,
  };
  results.forEach((result, k) => {
    const outcome = decided.outcomes[k] as boolean;
    // Every band a row can take (No data included) is a key: bandLabels lists them all.
    const counts = out.bandCounts.get(result.band) as { accounts: number; churned: number };
    counts.accounts++;
    if (outcome) counts.churned++;
    if (result.score === null) {
      out.noScore++;
      return;
    }
    out.scores.push(result.score);
    out.churned.push(outcome);
    out.rows.push(decided.rows[k] as readonly CellValue[]);
    const scores = metrics.map(() => Number.NaN);
    // Stryker disable next-line ArrowFunction: a value is only read where its score is, and a NaN score skips the account first
    const values = metrics.map(() => Number.NaN);
    // The drivers are the top-level metrics' only: segments and groups always take the separate pass.
    for (const d of (featureResults[k] as RowResult).drivers) {
      const j = metricIndex.get(d.id) as number;
      if (d.value === null) continue;
      scores[j] = d.score * (perPoint[j] as number);
      values[j] = numericValue(d.value);
    }
    for (let j = 0; j < metrics.length; j++) {
      (out.metricScores[j] as number[]).push(scores[j] as number);
      (out.metricValues[j] as number[]).push(values[j] as number);
    }
  });
  return out;
}

/** Throws the sentence that says why there is nothing to calibrate, when there is not. */
function requireBothOutcomes(column: string, n: number, nChurned: number, noScore: number): void {
  if (n + noScore === 0)
    throw new CalibrationError(
      `The column "${column}" has no outcomes: write TRUE or FALSE in it (or churned / renewed) for the accounts whose renewal has been decided.`,
    );
  if (n === 0)
    throw new CalibrationError(
      `None of the ${noScore} accounts with an outcome has a score (all are No data): nothing to calibrate.`,
    );
  if (nChurned === 0)
    throw new CalibrationError(
      `None of the ${n} scored accounts with an outcome churned: calibration needs both churned and retained accounts.`,
    );
  if (nChurned === n)
    throw new CalibrationError(
      `All ${n} scored accounts with an outcome churned: calibration needs both churned and retained accounts.`,
    );
}

/** Churn per band, low to high; No data only when some account has it. */
function bandsOf(rubric: Rubric, counts: ScoredAccounts["bandCounts"]): BandCalibration[] {
  return [...counts]
    .filter(([label, c]) => label !== NO_DATA || c.accounts > 0)
    .map(([label, c]): BandCalibration => {
      const from = rubric.bands.find((b) => b.label === label)?.from;
      return {
        label,
        ...(from !== undefined ? { from } : {}),
        accounts: c.accounts,
        churned: c.churned,
        churn_rate: c.accounts > 0 ? round3(c.churned / c.accounts) : null,
      };
    });
}

/** One metric: its own AUC, which way its value separates churn, and which way the rubric scores it. */
function metricCalibration(
  m: Metric,
  scores: readonly number[],
  values: readonly number[],
  churned: readonly boolean[],
): MetricCalibration {
  let accounts = 0;
  let churnedWith = 0;
  for (let i = 0; i < churned.length; i++) {
    if (Number.isNaN(scores[i])) continue;
    accounts++;
    if (churned[i]) churnedWith++;
  }
  const scoreAuc = auc(scores, churned);
  // NaN when no value is a number (text): auc leaves out what is not a number.
  const valueAuc = auc(values, churned);
  // A value AUC of exactly 0.5 shows no direction either way.
  const direction: Direction =
    Number.isNaN(valueAuc) || valueAuc === 0.5
      ? "unclear"
      : valueAuc > 0.5
        ? "higher is healthier"
        : "lower is healthier";
  const rubricDirection = scorerDirection(m, values, scores);
  const disagrees =
    direction !== "unclear" && rubricDirection !== "unclear" ? direction !== rubricDirection : scoreAuc < 0.5;
  const deciding = Number.isNaN(valueAuc) ? scoreAuc : valueAuc;
  const se = aucStandardError(deciding, churnedWith, accounts - churnedWith);
  return {
    id: m.id,
    label: m.label,
    accounts,
    auc: orNull(scoreAuc),
    value_auc: orNull(valueAuc),
    direction,
    rubric_direction: rubricDirection,
    disagrees,
    // Stryker disable next-line EqualityOperator: |AUC − 0.5| equal to 1.96 × se to the last bit would take a coincidence
    significant: Number.isFinite(deciding) && Math.abs(deciding - 0.5) > 1.96 * se,
  };
}

/**
 * Cross-validated AUC of the rubric's own score and of the suggestion refitted on each training
 * fold, over the same stratified folds; null for both with fewer than two folds.
 */
function crossValidate(
  rubric: Rubric,
  headers: readonly CellValue[],
  scored: ScoredAccounts,
  model: { columns: Float64Array[]; fit: LogisticFit; lambda: number; folds: number; seed: number },
  scoreOptions: ScoreOptions,
): { current: number | null; suggested: number | null } {
  const { columns, fit, lambda, folds, seed } = model;
  const { scores, churned } = scored;
  if (folds < 2) return { current: null, suggested: null };
  const foldOf = stratifiedFolds(churned, folds, seed + 1);
  let currentSum = 0;
  let suggestedSum = 0;
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < scores.length; i++) (foldOf[i] === f ? test : train).push(i);
    const w = suggestedWeights(fitLogistic(columns, churned, { lambda, rows: train, start: fit }));
    // The held-out accounts scored exactly as the add-on would score them with these weights.
    const predicted = scoreTable(
      withWeights(rubric, w),
      headers,
      test.map((i) => scored.rows[i] as readonly CellValue[]),
      scoreOptions,
    ).map((r) => r.score ?? Number.NaN);
    const held = test.map((i) => churned[i] as boolean);
    // No usable weight (or no score) in a fold: the suggestion ranks no better than chance there.
    const foldAuc = auc(predicted, held);
    suggestedSum += Number.isNaN(foldAuc) ? 0.5 : foldAuc;
    currentSum += auc(
      test.map((i) => scores[i] as number),
      held,
    );
  }
  return { current: round3(currentSum / folds), suggested: round3(suggestedSum / folds) };
}

/** How to read the suggestions for this rubric and this data. */
function notesFor(
  rubric: Rubric,
  raw: readonly number[],
  thresholds: ThresholdSuggestion | undefined,
): string[] {
  const notes: string[] = [];
  if (raw.every((w) => w === 0))
    notes.push("No metric's score goes with retention in this data, so there are no weights to suggest.");
  if (thresholds && !thresholds.monotonic)
    notes.push(
      "No set of thresholds makes churn fall from band to band: the suggested thresholds only separate churn best.",
    );
  if (rubric.segments)
    notes.push(
      "Segmented rubric: the AUC, bands and thresholds use each account's score as scored (by its segment's rubric); the per-metric analysis and suggested weights use the top-level rubric's metrics, scored for every account.",
    );
  if (rubric.method === "weighted" && rubric.groups)
    notes.push(
      "The rubric has groups: current and suggested weights are each metric's share of the whole score; to adopt the suggestion, drop the groups or set each group's weight to the sum of its metrics'.",
    );
  if (rubric.method === "points")
    notes.push(
      "Points rubric: the suggested weights are shares (they sum to 100); loading them keeps today's total weight, so each metric's points keep their scale.",
    );
  return notes;
}

/** Band labels low to high: the top level's, then segment-only ones, then No data. */
function bandLabels(rubric: Rubric): string[] {
  const all = [rubric, ...Object.values(rubric.segments?.rubrics ?? {})].flatMap((r) =>
    r.bands.map((b) => b.label),
  );
  return [...new Set([...all, NO_DATA])];
}

/** Whether churn falls (or stays) from each top-level band with accounts to the next one up. */
function ordering(
  rubricBands: readonly Band[],
  bands: readonly BandCalibration[],
): { monotonic: boolean; warning?: string } {
  // `bands` lists the top-level bands first, low to high (bandLabels).
  const filled = bands.filter((b) => b.churn_rate !== null && rubricBands.some((r) => r.label === b.label));
  const problems: string[] = [];
  for (let i = 1; i < filled.length; i++) {
    const lower = filled[i - 1] as BandCalibration;
    const upper = filled[i] as BandCalibration;
    if ((upper.churn_rate as number) > (lower.churn_rate as number))
      problems.push(
        `${upper.label} churns more than ${lower.label} (${pct(upper.churn_rate as number)} against ${pct(lower.churn_rate as number)})`,
      );
  }
  if (problems.length === 0) return { monotonic: true };
  return {
    monotonic: false,
    warning: `${problems.join("; ")}: churn should fall from the lowest band to the highest, so the bands do not order risk as they should.`,
  };
}

/** A driver's value as a number for ordering: booleans (read as "true"/"false" by map scorers) as 1/0. */
function numericValue(value: number | string): number {
  if (typeof value === "number") return value;
  const b = readBoolean(value);
  return b === undefined ? Number.NaN : b ? 1 : 0;
}

/** The sentence for outcome cells that cannot be read: how many, a few of them, and what to write. */
function outcomeWarning(column: string, cells: readonly string[]): string {
  const examples = [...new Set(cells)]
    .slice(0, 3)
    .map((t) => `"${t.length > 20 ? `${t.slice(0, 19)}…` : t}"`);
  const n = cells.length;
  return `"${column}" has ${plural(n, "cell")} that ${n === 1 ? "is" : "are"} neither yes/no (TRUE/FALSE, yes/no, y/n, 1/0) nor churned/renewed (${examples.join(", ")}), so ${n === 1 ? "that row is" : "those rows are"} left out: write one of those, or leave the cell blank while the renewal is not due.`;
}

/**
 * Which way the rubric scores a metric's value. range, scale and perUnit say so in their fields;
 * steps and map are read off the scores of the values observed, in increasing order: never falling
 * (and rising somewhere) is "higher", never rising is "lower", both or neither is "unclear".
 */
function scorerDirection(metric: Metric, values: readonly number[], scores: readonly number[]): Direction {
  const sign = (x: number): Direction =>
    x > 0 ? "higher is healthier" : x < 0 ? "lower is healthier" : "unclear";
  const s = metric.score;
  switch (s.type) {
    case "range":
      return sign(s.best - s.worst);
    case "scale":
      return sign(s.step);
    case "perUnit":
      return sign(s.points);
    default: {
      const byValue = new Map<number, number>();
      // A value that is a number always has its score (both come from the same driver).
      values.forEach((v, i) => {
        if (!Number.isNaN(v)) byValue.set(v, scores[i] as number);
      });
      const ordered = [...byValue].sort((a, b) => a[0] - b[0]).map(([, score]) => score);
      const changes = ordered.slice(1).map((score, i) => score - (ordered[i] as number));
      const up = changes.some((change) => change > 0);
      const down = changes.some((change) => change < 0);
      return up === down ? "unclear" : up ? "higher is healthier" : "lower is healthier";
    }
  }
}

/**
 * Non-negative numbers as percentages with one decimal that sum to exactly 100 (largest remainder);
 * all zeros when they sum to 0.
 */
export function toPercent(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return values.map(() => 0);
  const tenths = values.map((v) => (v / total) * 1000);
  const floors = tenths.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  // Array sort is stable: equal remainders keep the metrics' order.
  const byRemainder = tenths.map((t, i) => ({ i, r: t - Math.floor(t) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return floors.map((t) => t / 10);
}

function byId(metrics: readonly Metric[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(metrics.map((m, j) => [m.id, values[j] ?? 0]));
}

/** Points: the suggested weights scaled to today's total weight, two decimals. */
function rescale(metrics: readonly Metric[], raw: readonly number[]): Record<string, number> {
  const total = raw.reduce((a, b) => a + b, 0);
  const current = metrics.reduce((a, m) => a + m.weight, 0);
  return byId(
    metrics,
    raw.map((w) => (total > 0 ? Math.round(((w / total) * current + Number.EPSILON) * 100) / 100 : 0)),
  );
}

/** Accounts and churn per top-level band under other thresholds. */
function bandsAt(
  rubricBands: readonly Band[],
  cuts: readonly number[],
  scores: readonly number[],
  churned: readonly boolean[],
): BandCalibration[] {
  const out: BandCalibration[] = rubricBands.map((b, i) => ({
    label: b.label,
    ...(i > 0 ? { from: cuts[i - 1] as number } : {}),
    accounts: 0,
    churned: 0,
    churn_rate: null,
  }));
  scores.forEach((score, i) => {
    const s = roundScore(score);
    // The cuts increase: an account is in the band after the last cut at or below its score.
    const b = out[cuts.filter((cut) => s >= cut).length] as BandCalibration;
    b.accounts++;
    if (churned[i]) b.churned++;
  });
  for (const b of out) b.churn_rate = b.accounts > 0 ? round3(b.churned / b.accounts) : null;
  return out;
}
