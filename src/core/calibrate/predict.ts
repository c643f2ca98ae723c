/**
 * Predictive calibration: does the score at a date warn of churn in the N days after it?
 *
 * Today's check (calibrate) compares today's scores with today's churn flag, which flatters the
 * score: accounts that already left have stopped logging in. Here each snapshot of the history is
 * one question, "did this account churn within `horizon` days after this date?", answered from
 * each account's churn date:
 *
 * - churned: the churn date is after the snapshot and at most `horizon` days after it (a churn on
 *   exactly day `horizon` counts);
 * - retained: no churn up to `horizon` days after it, and that whole horizon is known (it ends on
 *   or before `knownUntil`, by default the latest snapshot's date);
 * - censored: the horizon runs past `knownUntil` with no churn so far. Such a snapshot is left out,
 *   never counted as retained: the account may still churn within its horizon;
 * - after churn: the snapshot is on or after the account's churn date. Left out: it is hindsight.
 *
 * Repeated snapshots of one account are not independent, so the AUC's interval comes from a
 * bootstrap over accounts (each resample draws whole accounts with all their snapshots, churners
 * and never-churners each in their own numbers), not over snapshots, which would make it too narrow.
 *
 * Pure and deterministic: no I/O, no clock, randomness only from a seed.
 */
import { dayToIso, isoDay } from "../cells";
import { plural } from "../words";
import { fitLogistic } from "./logistic";
import { suggestedWeights } from "./rubricWeights";
import { auc, DEFAULT_SEED, quantile, seededRandom } from "./stats";
import { VERDICT_MARGIN } from "./verdict";

/** The horizon when none is given: churn within 90 days of a snapshot. */
export const DEFAULT_HORIZON = 90;
/** Lead times reported: the share of churned accounts already in the lowest band this many days before. */
export const LEAD_DAYS = [30, 60, 90] as const;

/** One snapshot of one account, as recorded in the history or as rescored from the values it kept. */
export interface HistoryPoint {
  account: string;
  /** ISO date. */
  date: string;
  score: number | null;
  band: string;
  /** Each top-level metric's own score (NaN when it had no value); only when the values were rescored. */
  features?: readonly number[];
}

/** What a snapshot says about churn within the horizon after it. */
export type HorizonOutcome = "churned" | "retained" | "censored" | "after churn";

/**
 * The outcome of a snapshot taken on day `date` (days since 1970-01-01) of an account that churned on
 * day `churn` (undefined: no churn known), with churn known up to day `known`. A churn after `known`
 * is not known yet, so it counts as none.
 */
export function horizonOutcome(
  date: number,
  churn: number | undefined,
  horizon: number,
  known: number,
): HorizonOutcome {
  const c = knownChurn(churn, known);
  if (c <= date) return "after churn";
  if (c <= date + horizon) return "churned";
  return date + horizon <= known ? "retained" : "censored";
}

/** The churn day as known up to day `known`: Infinity (never) without a churn date or with a later one. */
function knownChurn(churn: number | undefined, known: number): number {
  const c = churn ?? Number.POSITIVE_INFINITY;
  return c <= known ? c : Number.POSITIVE_INFINITY;
}

export interface PredictiveOptions {
  /** Band labels, lowest first: the first is the lowest band of the lead-time check. */
  bands: readonly string[];
  /** Days after a snapshot in which churn counts; DEFAULT_HORIZON by default. */
  horizon?: number;
  /** The last date (ISO) churn is known up to; the latest snapshot's date by default. */
  knownUntil?: string;
  seed?: number;
  /** Bootstrap resamples (of accounts) for the AUC interval; 1000 by default. */
  samples?: number;
  /** L2 penalty of the weight regression; 1 by default. */
  lambda?: number;
  /** Metric ids and labels, in the order of each point's features (needed for suggested weights). */
  metrics?: readonly { id: string; label: string }[];
  /**
   * Scores the points at these indexes with other weights for the metrics (as the rubric would:
   * flags, missing policies and bands kept), to compare the suggestion with today's weights.
   */
  rescore?: (weights: readonly number[], indexes: readonly number[]) => (number | null)[];
  /** Forces the date the time-ordered split starts the holdout at (ISO); chosen by default. */
  split?: string;
}

export interface HorizonBand {
  label: string;
  /** Snapshots in the band with a known outcome (not censored, not after churn). */
  snapshots: number;
  churned: number;
  /** Share of them followed by churn within the horizon; null for an empty band. */
  churn_rate: number | null;
}

export interface LeadTime {
  days: number;
  /** Churned accounts with a snapshot at least `days` before their churn date. */
  churned: number;
  /** Of those, the accounts whose latest snapshot at least `days` before churning was in the lowest band. */
  in_lowest: number;
  share: number | null;
}

export interface TimeSplit {
  /** The holdout's first date: snapshots before it fit the weights, those from it on test them. */
  split: string;
  /** Snapshots (with an outcome as known at the split) the weights were fitted on, and their span. */
  fit: { snapshots: number; churned: number; from: string; to: string };
  /** Snapshots (with an outcome as known today) the weights were tested on. */
  holdout: { snapshots: number; churned: number; from: string; to: string };
  /** Suggested weights as shares in %, by metric id (0: the metric did not help). */
  weights: Record<string, number>;
  current: { fit_auc: number | null; holdout_auc: number | null };
  suggested: { fit_auc: number | null; holdout_auc: number | null };
  better: "suggested" | "current" | "same";
  /** The verdict in one sentence. */
  text: string;
}

export interface PredictiveCalibration {
  mode: "predictive";
  horizon: number;
  known_until: string;
  seed: number;
  /** Accounts in the history, snapshot dates, and snapshots by what they say about churn. */
  accounts: number;
  dates: { count: number; first: string; last: string };
  snapshots: { total: number; no_score: number } & Record<HorizonOutcome, number>;
  /** Accounts with a known churn date, and those with a snapshot before it. */
  churned_accounts: number;
  /** Accounts with a churned snapshot (churn within the horizon of one of their snapshots). */
  warned_accounts: number;
  reliable: boolean;
  warning?: string;
  /** AUC of the score at each snapshot for churn within the horizon, over the snapshots with an outcome. */
  auc: number;
  /** 95% percentile interval from a bootstrap over accounts (whole accounts resampled). */
  auc_ci: [number, number];
  interval: "bootstrap over accounts";
  bands: HorizonBand[];
  monotonic: boolean;
  lead_time: LeadTime[];
  /** Suggested weights, time-ordered; absent without metric scores, with `fit_note` saying why. */
  time_split?: TimeSplit;
  fit_note?: string;
}

/** Fewer churned accounts than this in the horizon check and the numbers are flagged as not yet reliable. */
const RELIABLE_ACCOUNTS = 20;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const orNull = (x: number) => (Number.isFinite(x) ? round3(x) : null);
const keyOf = (account: string) => account.trim().toLowerCase();

/** Thrown when the history cannot answer the question: the message says why, in one sentence. */
export class PredictiveError extends Error {
  constructor(message: string) {
    super(message);
    // Stryker disable next-line StringLiteral: cosmetic, the name shows only in a stack trace
    this.name = "PredictiveError";
  }
}

/** The points with their day numbers, and each account's churn day. */
interface Prepared {
  days: Int32Array;
  accountOf: Int32Array;
  accounts: string[];
  churnDay: (number | undefined)[];
}

function prepare(points: readonly HistoryPoint[], churnDates: ReadonlyMap<string, string>): Prepared {
  const index = new Map<string, number>();
  const accounts: string[] = [];
  const days = new Int32Array(points.length);
  const accountOf = new Int32Array(points.length);
  points.forEach((p, i) => {
    const day = isoDay(p.date);
    if (day === undefined) throw new PredictiveError(`"${p.date}" is not a date: write it as YYYY-MM-DD.`);
    days[i] = day;
    const key = keyOf(p.account);
    let a = index.get(key);
    if (a === undefined) {
      a = accounts.length;
      index.set(key, a);
      accounts.push(key);
    }
    accountOf[i] = a;
  });
  const churnDay = accounts.map((key) => {
    const text = churnDates.get(key);
    return text === undefined ? undefined : isoDay(text);
  });
  return { days, accountOf, accounts, churnDay };
}

/** Each point's outcome with churn known up to day `known`. */
function outcomes(p: Prepared, horizon: number, known: number): HorizonOutcome[] {
  return Array.from(p.days, (d, i) =>
    horizonOutcome(d, p.churnDay[p.accountOf[i] as number], horizon, known),
  );
}

/**
 * The predictive check of a history. `churnDates` maps each churned account (trimmed, lower case) to
 * its ISO churn date. Throws a PredictiveError when no snapshot has a known outcome of each kind.
 */
export function predictiveCalibration(
  points: readonly HistoryPoint[],
  churnDates: ReadonlyMap<string, string>,
  options: PredictiveOptions,
): PredictiveCalibration {
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const seed = options.seed ?? DEFAULT_SEED;
  if (points.length === 0) throw new PredictiveError("The history has no snapshots: take a snapshot first.");
  const p = prepare(points, churnDates);
  const first = p.days.reduce((a, b) => Math.min(a, b));
  const last = p.days.reduce((a, b) => Math.max(a, b));
  const known = options.knownUntil !== undefined ? (isoDay(options.knownUntil) ?? last) : last;
  const outcome = outcomes(p, horizon, known);
  // The snapshots with an outcome and a score: their indexes, and the snapshots themselves.
  const counted: number[] = [];
  const countedPoints: HistoryPoint[] = [];
  const counts = { churned: 0, retained: 0, censored: 0, "after churn": 0 };
  let noScore = 0;
  points.forEach((q, i) => {
    const o = outcome[i] as HorizonOutcome;
    counts[o]++;
    if (o !== "churned" && o !== "retained") return;
    if (q.score === null) noScore++;
    else {
      counted.push(i);
      countedPoints.push(q);
    }
  });
  const positive = counted.map((i) => outcome[i] === "churned");
  const scores = countedPoints.map((q) => q.score as number);
  const nChurned = positive.filter(Boolean).length;
  if (nChurned === 0 || nChurned === counted.length)
    throw new PredictiveError(
      noOutcomeReason(counted.length, nChurned, horizon, last - first, churnDates.size),
    );

  const warned = new Set(counted.filter((i) => outcome[i] === "churned").map((i) => p.accountOf[i]));
  const churnedAccounts = p.churnDay.filter((c) => Number.isFinite(knownChurn(c, known))).length;
  const reliable = warned.size >= RELIABLE_ACCOUNTS;
  const [lo, hi] = accountBootstrap(
    counted.map((i) => p.accountOf[i] as number),
    scores,
    positive,
    options.samples ?? 1000,
    seed,
  );
  const bands = horizonBands(options.bands, countedPoints, positive);
  const filled = bands.filter((b, k) => k < options.bands.length && b.churn_rate !== null);
  // Stryker disable next-line MethodExpression: equivalent, every point has features or none (fromHistory rescores all or none)
  const split = points.some((q) => q.features !== undefined)
    ? timeSplit(points, p, horizon, known, options)
    : undefined;
  return {
    mode: "predictive",
    horizon,
    known_until: dayToIso(known),
    seed,
    accounts: p.accounts.length,
    dates: { count: new Set(p.days).size, first: dayToIso(first), last: dayToIso(last) },
    snapshots: { total: points.length, no_score: noScore, ...counts },
    churned_accounts: churnedAccounts,
    warned_accounts: warned.size,
    reliable,
    ...(reliable
      ? {}
      : {
          warning: `Only ${plural(warned.size, "account")} churned within ${horizon} days of a snapshot: these numbers are not yet reliable; ${RELIABLE_ACCOUNTS} or more are needed.`,
        }),
    auc: round3(auc(scores, positive)),
    auc_ci: [round3(lo), round3(hi)],
    interval: "bootstrap over accounts",
    bands,
    monotonic: filled.every(
      (b, k) => k === 0 || (b.churn_rate as number) <= (filled[k - 1]?.churn_rate as number),
    ),
    lead_time: leadTimes(points, p, known, options.bands[0]),
    ...(split === undefined
      ? {
          fit_note:
            "No suggested weights: the history holds scores but not the values the rubric read, so the metrics cannot be refitted.",
        }
      : typeof split === "string"
        ? { fit_note: split }
        : { time_split: split }),
  };
}

/** Why no snapshot can be told churned from retained, in one sentence. */
function noOutcomeReason(
  n: number,
  nChurned: number,
  horizon: number,
  span: number,
  churned: number,
): string {
  if (churned === 0)
    return "No account in the history has a churn date: add a churn date column, or keep a Churned column that turns TRUE when an account leaves.";
  // n === 0 needs no test of its own: then nChurned === n as well.
  if (nChurned === n)
    return `The history spans ${span} days, less than the ${horizon}-day horizon, so no snapshot is known to be followed by ${horizon} days without churn: keep snapshotting (the CLI also takes a shorter --horizon).`;
  return `No snapshot was followed by churn within ${horizon} days: the churn dates are all before the first snapshot or too long after; try a longer horizon.`;
}

/** Percentile interval of the AUC, resampling whole accounts (stratified: churners, others). */
function accountBootstrap(
  accountOf: readonly number[],
  scores: readonly number[],
  positive: readonly boolean[],
  samples: number,
  seed: number,
): [number, number] {
  // Scores ranked once into buckets of equal value; each account's snapshots as (bucket, churned).
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const bucket = new Int32Array(scores.length);
  let size = 0;
  order.forEach((i, k) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an empty bucket 0 below the rest counts nothing
    if (k > 0 && scores[i] !== scores[order[k - 1] as number]) size++;
    bucket[i] = size;
  });
  size++;
  const members = new Map<number, number[]>();
  accountOf.forEach((a, i) => {
    const list = members.get(a);
    if (list) list.push(i);
    else members.set(a, [i]);
  });
  const groups = [...members.values()];
  const strata = [
    groups.filter((g) => g.some((i) => positive[i])),
    groups.filter((g) => !g.some((i) => positive[i])),
  ];
  const random = seededRandom(seed);
  const churnedCount = new Float64Array(size);
  const retainedCount = new Float64Array(size);
  const aucs: number[] = [];
  for (let s = 0; s < samples; s++) {
    churnedCount.fill(0);
    retainedCount.fill(0);
    for (const stratum of strata)
      for (let k = 0; k < stratum.length; k++)
        for (const i of stratum[Math.floor(random() * stratum.length)] as number[]) {
          const counts = positive[i] ? churnedCount : retainedCount;
          counts[bucket[i] as number] = (counts[bucket[i] as number] as number) + 1;
        }
    let below = 0;
    let wins = 0;
    let nc = 0;
    let nr = 0;
    for (let j = 0; j < size; j++) {
      const c = churnedCount[j] as number;
      const r = retainedCount[j] as number;
      wins += r * (2 * below + c);
      below += c;
      nc += c;
      nr += r;
    }
    // Every resample draws churners (each account of the first stratum has a churned snapshot), but
    // when every account churned it may draw no retained snapshot: that resample has no AUC.
    if (nr > 0) aucs.push(wins / (2 * nc * nr));
  }
  aucs.sort((a, b) => a - b);
  return [quantile(aucs, 0.025), quantile(aucs, 0.975)];
}

/** Churn within the horizon per band, over the snapshots with an outcome: the rubric's bands, then others seen. */
function horizonBands(
  labels: readonly string[],
  counted: readonly HistoryPoint[],
  positive: readonly boolean[],
): HorizonBand[] {
  const byLabel = new Map<string, HorizonBand>(
    labels.map((label) => [label, { label, snapshots: 0, churned: 0, churn_rate: null }]),
  );
  counted.forEach(({ band: label }, k) => {
    let band = byLabel.get(label);
    if (!band) {
      band = { label, snapshots: 0, churned: 0, churn_rate: null };
      byLabel.set(label, band);
    }
    band.snapshots++;
    if (positive[k]) band.churned++;
  });
  const out = [...byLabel.values()];
  for (const b of out) b.churn_rate = b.snapshots > 0 ? round3(b.churned / b.snapshots) : null;
  return out;
}

/**
 * Lead time: of the accounts that churned (up to `known`), the share whose latest snapshot at
 * least `days` days before the churn date was in the lowest band, over those with such a snapshot.
 */
function leadTimes(points: readonly HistoryPoint[], p: Prepared, known: number, lowest: string | undefined) {
  // Per account, its snapshots by day (latest first), to find the latest one on or before a day.
  const byAccount = new Map<number, number[]>();
  p.accountOf.forEach((a, i) => {
    const list = byAccount.get(a);
    if (list) list.push(i);
    else byAccount.set(a, [i]);
  });
  for (const list of byAccount.values()) list.sort((x, y) => (p.days[y] as number) - (p.days[x] as number));
  return LEAD_DAYS.map((days): LeadTime => {
    let churned = 0;
    let inLowest = 0;
    p.churnDay.forEach((churn, a) => {
      const c = knownChurn(churn, known);
      if (!Number.isFinite(c)) return;
      const before = (byAccount.get(a) ?? []).find((i) => (p.days[i] as number) <= c - days);
      if (before === undefined) return;
      churned++;
      // Stryker disable next-line OptionalChaining: equivalent, `before` is an index of points
      if (points[before]?.band === lowest) inLowest++;
    });
    return { days, churned, in_lowest: inLowest, share: churned > 0 ? round3(inLowest / churned) : null };
  });
}

/** The snapshots at these indexes with an outcome, as known up to day `known`. */
function labelled(
  p: Prepared,
  indexes: readonly number[],
  horizon: number,
  known: number,
  points: readonly HistoryPoint[],
) {
  const rows: number[] = [];
  const y: boolean[] = [];
  for (const i of indexes) {
    // Stryker disable next-line OptionalChaining: equivalent, `i` is an index of points
    if (points[i]?.score === null) continue;
    const o = horizonOutcome(p.days[i] as number, p.churnDay[p.accountOf[i] as number], horizon, known);
    if (o !== "churned" && o !== "retained") continue;
    rows.push(i);
    y.push(o === "churned");
  }
  return { rows, y };
}

const bothKinds = (y: readonly boolean[]) => y.includes(true) && y.includes(false);

/**
 * Time-ordered validation of suggested weights. The weights are fitted on the snapshots dated
 * before the split, with churn as it was known ON the split date (a churn after it is unknown, and a
 * horizon that runs past it is censored), so nothing from the split date on reaches the fit. They
 * are then tested on the snapshots dated on or after the split, against today's weights. The split
 * is the snapshot date that gives the two sides the most even numbers of snapshots with an outcome
 * (the earliest such date on a tie). Returns a sentence instead when no date leaves both sides
 * with churned and retained snapshots.
 */
function timeSplit(
  points: readonly HistoryPoint[],
  p: Prepared,
  horizon: number,
  known: number,
  options: PredictiveOptions,
): TimeSplit | string {
  const metrics = options.metrics ?? [];
  const dates = [...new Set(p.days)].sort((a, b) => a - b);
  const all = points.map((_, i) => i);
  const sides = (split: number) => ({
    fit: labelled(
      p,
      // Only for the reader: with churn known up to the split, no snapshot from the split on has an outcome.
      // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: equivalent, as just said
      all.filter((i) => (p.days[i] as number) < split),
      horizon,
      split,
      points,
    ),
    holdout: labelled(
      p,
      all.filter((i) => (p.days[i] as number) >= split),
      horizon,
      known,
      points,
    ),
  });
  let best: { split: number; sides: ReturnType<typeof sides> } | undefined;
  const forced = options.split !== undefined ? isoDay(options.split) : undefined;
  // The first date is tried too: it leaves nothing to fit on, so it is skipped below.
  for (const split of forced !== undefined ? [forced] : dates) {
    const s = sides(split);
    if (!bothKinds(s.fit.y) || !bothKinds(s.holdout.y)) continue;
    const size = Math.min(s.fit.rows.length, s.holdout.rows.length);
    if (!best || size > Math.min(best.sides.fit.rows.length, best.sides.holdout.rows.length))
      best = { split, sides: s };
  }
  if (!best)
    return `No suggested weights: no date splits the history into earlier snapshots to fit on and later ones to test on, each with churned and retained snapshots within ${horizon} days (the history needs to span about twice the horizon).`;
  const { fit, holdout } = best.sides;
  // Stryker disable next-line OptionalChaining: equivalent, every point has features here (fromHistory rescores all or none)
  const columns = metrics.map((_, j) => Float64Array.from(points, (q) => q.features?.[j] ?? Number.NaN));
  const w = suggestedWeights(
    fitLogistic(columns, fit.y.map(Number), { lambda: options.lambda ?? 1, rows: fit.rows }),
  );
  const rescored = (rows: readonly number[]) => {
    const s = options.rescore
      ? options.rescore(w, rows)
      : // Stryker disable next-line OptionalChaining: equivalent, `i` is an index of points, all with features
        rows.map((i) => weightedMean(points[i]?.features, w));
    return s.map((x) => x ?? Number.NaN);
  };
  const recorded = (rows: readonly number[]) => rows.map((i) => points[i]?.score as number);
  const current = {
    fit_auc: orNull(auc(recorded(fit.rows), fit.y)),
    holdout_auc: orNull(auc(recorded(holdout.rows), holdout.y)),
  };
  const anyWeight = w.some((x) => x > 0);
  const suggested = {
    fit_auc: anyWeight ? orNull(auc(rescored(fit.rows), fit.y)) : null,
    holdout_auc: anyWeight ? orNull(auc(rescored(holdout.rows), holdout.y)) : null,
  };
  const span = (rows: readonly number[]) => {
    const d = rows.map((i) => p.days[i] as number);
    return { from: dayToIso(Math.min(...d)), to: dayToIso(Math.max(...d)) };
  };
  const total = w.reduce((a, b) => a + b, 0);
  const weights = Object.fromEntries(
    metrics.map((m, j) => [m.id, total > 0 ? Math.round(((w[j] as number) / total) * 1000) / 10 : 0]),
  );
  const verdict = splitVerdict(dayToIso(best.split), current.holdout_auc, suggested.holdout_auc);
  return {
    split: dayToIso(best.split),
    fit: { snapshots: fit.rows.length, churned: fit.y.filter(Boolean).length, ...span(fit.rows) },
    holdout: {
      snapshots: holdout.rows.length,
      churned: holdout.y.filter(Boolean).length,
      ...span(holdout.rows),
    },
    weights,
    current,
    suggested,
    ...verdict,
  };
}

/** The mean of the features weighted by `w` over the present ones (NaN when none is present). */
function weightedMean(features: readonly number[] | undefined, w: readonly number[]): number {
  let sum = 0;
  let weight = 0;
  // Stryker disable next-line OptionalChaining: equivalent, every point has features here (fromHistory rescores all or none)
  features?.forEach((f, j) => {
    if (Number.isNaN(f)) return;
    sum += f * (w[j] as number);
    weight += w[j] as number;
  });
  return sum / weight; // 0 / 0 is NaN
}

function splitVerdict(split: string, current: number | null, suggested: number | null) {
  const on = `On the snapshots from ${split} on, which the weights were not fitted on,`;
  if (current === null || suggested === null)
    return {
      better: "current" as const,
      text: `${on} no metric's score went with retention in the earlier snapshots, so there are no weights to suggest.`,
    };
  const [a, b] = [current.toFixed(3), suggested.toFixed(3)];
  if (suggested - current > VERDICT_MARGIN)
    return {
      better: "suggested" as const,
      text: `${on} the suggested weights do better (${b} against ${a}): worth trying.`,
    };
  if (current - suggested > VERDICT_MARGIN)
    return {
      better: "current" as const,
      text: `${on} the current weights do better (${a} against ${b}): keep them.`,
    };
  return {
    better: "same" as const,
    text: `${on} the suggested weights do no better (${b} against ${a}): no reason to change the weights.`,
  };
}
