/**
 * The statistics calibration rests on: a seeded random number generator, ROC AUC (by ranks, and
 * by counting over rank buckets for the bootstrap), percentile intervals, and stratified folds.
 * Pure and deterministic: randomness comes only from a seed.
 */

/** The seed used when the caller gives none: any fixed number would do. */
export const DEFAULT_SEED = 20_261_126;

/**
 * mulberry32: a small, fast 32-bit generator of numbers in [0, 1). Good enough for resampling and
 * shuffling (not for cryptography); the same seed always gives the same sequence.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * ROC AUC of a health score against churn, where a LOWER score should mean MORE churn:
 * the probability that a retained account scores above a churned one, ties counting half.
 * 1 = the score separates them perfectly, 0.5 = chance, below 0.5 = the score points the wrong way.
 *
 * Computed as the Mann–Whitney U statistic from average ranks, in O(n log n). Entries whose score
 * is not a finite number are left out. NaN when either class is empty.
 */
export function auc(scores: readonly number[], churned: readonly boolean[]): number {
  // Each class's scores sorted on their own (a native numeric sort), then merged: every run of
  // equal scores across both takes the average of the ranks it spans.
  const churnedScores: number[] = [];
  const retainedScores: number[] = [];
  scores.forEach((s, i) => {
    if (Number.isFinite(s)) (churned[i] ? churnedScores : retainedScores).push(s);
  });
  const nc = churnedScores.length;
  const nr = retainedScores.length;
  // The churned end with +Infinity, a score no retained account reaches, so the merge needs no
  // bounds check on them; it stops after the last retained account, since the churned above it
  // change no retained rank.
  const c = Float64Array.from([...churnedScores, Number.POSITIVE_INFINITY]).sort();
  const r = Float64Array.from(retainedScores).sort();
  let i = 0;
  let ranked = 0;
  let rankSum = 0; // sum of the (average, 1-based) ranks of the retained accounts
  for (let j = 0; j < nr; ) {
    const v = Math.min(c[i] as number, r[j] as number);
    let ties = 0;
    while (c[i] === v) {
      i++;
      ties++;
    }
    let retainedTies = 0;
    while (r[j] === v) {
      j++;
      retainedTies++;
    }
    ties += retainedTies;
    rankSum += retainedTies * (ranked + (ties + 1) / 2);
    ranked += ties;
  }
  // 0 / 0, NaN, when a class is empty.
  return (rankSum - (nr * (nr + 1)) / 2) / (nr * nc);
}

/** The O(n²) definition of `auc`, pair by pair: for tests, and as the reference. */
export function pairwiseAuc(scores: readonly number[], churned: readonly boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((r, i) => {
    if (churned[i] || !Number.isFinite(r)) return;
    scores.forEach((c, j) => {
      if (!churned[j] || !Number.isFinite(c)) return;
      pairs++;
      wins += r > c ? 1 : r === c ? 0.5 : 0;
    });
  });
  // 0 / 0, NaN, when a class is empty.
  return wins / pairs;
}

/**
 * Scores sorted once into buckets of equal value, so that the AUC of any resample (given as
 * per-bucket counts of churned and retained accounts) is one O(buckets) pass.
 */
interface Buckets {
  /** Bucket (0 = lowest distinct score) of each churned account, and of each retained one. */
  churned: Int32Array;
  retained: Int32Array;
  size: number;
}

function buckets(scores: readonly number[], churned: readonly boolean[]): Buckets {
  const idx: number[] = [];
  scores.forEach((s, i) => {
    if (Number.isFinite(s)) idx.push(i);
  });
  idx.sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const c: number[] = [];
  const r: number[] = [];
  let size = 0;
  let last = Number.NaN; // equal to no score: the first opens bucket 0
  for (const i of idx) {
    const s = scores[i] as number;
    if (s !== last) {
      size++;
      last = s;
    }
    (churned[i] ? c : r).push(size - 1);
  }
  return { churned: Int32Array.from(c), retained: Int32Array.from(r), size };
}

export interface BootstrapOptions {
  /** Number of resamples; 1000 by default. */
  samples?: number;
  seed?: number;
  /** Coverage of the interval; 0.95 by default. */
  level?: number;
}

/**
 * Percentile bootstrap interval for `auc`. Resamples are stratified (churned and retained accounts
 * are each drawn with replacement, in their own numbers, as pROC does by default), so no resample
 * lacks a class. The scores are ranked once; each resample is then O(n) counting over rank buckets,
 * so 1000 resamples of 10,000 accounts take tens of milliseconds. [NaN, NaN] when a class is empty.
 */
export function bootstrapAucCi(
  scores: readonly number[],
  churned: readonly boolean[],
  options: BootstrapOptions = {},
): [number, number] {
  const samples = options.samples ?? 1000;
  const level = options.level ?? 0.95;
  const b = buckets(scores, churned);
  const nc = b.churned.length;
  const nr = b.retained.length;
  // With a class empty, every resample's AUC is 0 / 0, and with no resample (samples < 1) there is
  // no AUC to take a quantile of: the interval is [NaN, NaN] either way.
  // mulberry32 (as seededRandom), inlined: this loop draws n indexes per resample.
  let state = (options.seed ?? DEFAULT_SEED) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const toChurned = nc / 4_294_967_296;
  const toRetained = nr / 4_294_967_296;
  const churnedCount = new Int32Array(b.size);
  // Per bucket: twice the number of drawn churned accounts a retained account there beats
  // (2 × those below + those tied), so that a resample's AUC is a sum over its retained draws.
  const beats = new Float64Array(b.size);
  const aucs = Float64Array.from({ length: samples }, () => {
    churnedCount.fill(0);
    // Not `(x as number)++`: Stryker's instrumenter turns that into invalid code.
    for (let k = 0; k < nc; k++) {
      const bucket = b.churned[Math.floor(next() * toChurned)] as number;
      churnedCount[bucket] = (churnedCount[bucket] as number) + 1;
    }
    let below = 0;
    churnedCount.forEach((c, j) => {
      beats[j] = 2 * below + c;
      below += c;
    });
    let wins = 0;
    for (let k = 0; k < nr; k++)
      wins += beats[b.retained[Math.floor(next() * toRetained)] as number] as number;
    return wins / (2 * nc * nr);
  });
  aucs.sort();
  const tail = (1 - level) / 2;
  return [quantile(aucs, tail), quantile(aucs, 1 - tail)];
}

/** The q-quantile (0..1) of sorted numbers, interpolating linearly between order statistics. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  // Stryker disable next-line ConditionalExpression: reading an empty array gives undefined, and NaN from it anyway; the line says so
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(n - 1, lo + 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Hanley & McNeil's standard error of an AUC: cheap, good enough to say whether an AUC is told
 * apart from 0.5 by more than noise.
 */
export function aucStandardError(a: number, nChurned: number, nRetained: number): number {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const v =
    (a * (1 - a) + (nChurned - 1) * (q1 - a * a) + (nRetained - 1) * (q2 - a * a)) / (nChurned * nRetained);
  return Math.sqrt(Math.max(0, v));
}

/**
 * Stratified folds: the churned and the retained accounts are each shuffled (seeded) and dealt
 * round-robin into `k` folds, so every fold has its share of each. Returns each entry's fold.
 */
export function stratifiedFolds(churned: readonly boolean[], k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(churned.length);
  let dealt = 0; // the retained continue where the churned stopped, so fold sizes differ by one at most
  for (const cls of [true, false]) {
    const members = [...churned.keys()].filter((i) => churned[i] === cls);
    shuffle(members, random);
    for (const i of members) fold[i] = dealt++ % k;
  }
  return fold;
}

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}
