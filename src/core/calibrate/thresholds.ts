/**
 * Suggested band thresholds: the cut points, among the score's quantiles, that best separate
 * churn.
 *
 * "Best" is the smallest log-loss of predicting each account's churn by its band's churn rate
 * (Σ over bands of size × binary entropy of the band's rate). We pick log-loss over "largest
 * spread of churn rates" because spread is won by tiny extreme bands (five accounts that all
 * churned), while log-loss weighs each band by its size, so it rewards bands that are both
 * different and well filled. Cuts come from every 5th percentile of the scores, every band keeps
 * at least 4% of the accounts, and the churn rate must fall from the lowest band to the highest
 * (that is what bands are for); when no set of cuts manages that, the best set without that
 * condition is returned and `monotonic` is false.
 */
import { roundScore } from "../score";
import { quantile } from "./stats";

export interface ThresholdSuggestion {
  /** The `from` of each band after the first, increasing, one decimal. */
  cuts: number[];
  /** Whether churn falls from band to band with these cuts. */
  monotonic: boolean;
}

/**
 * `scores` sorted ascending, `churned` aligned with them; `k` bands, so k − 1 cuts. Undefined when
 * the scores have too few distinct quantiles for k bands (or k < 2).
 */
export function suggestThresholds(
  scores: readonly number[],
  churned: readonly boolean[],
  k: number,
): ThresholdSuggestion | undefined {
  const n = scores.length;
  const need = k - 1;
  if (need < 1 || n === 0) return undefined;
  const churnBefore = new Int32Array(n + 1);
  // Stryker disable next-line EqualityOperator: a write one past the end of an Int32Array is dropped
  for (let i = 0; i < n; i++) churnBefore[i + 1] = (churnBefore[i] as number) + (churned[i] ? 1 : 0);

  // Candidate cuts: one decimal, like scores, so a cut at c puts exactly the scores below c under it.
  // A cut that leaves a band empty is kept, and so is one that repeats the cut before (the same
  // accounts below): the search skips an empty band, and meets a repeat only after the cut it
  // repeats, which wins the tie. With 19 candidates, even 10 bands are C(19, 9) = 92,378 sets.
  const cuts = Array.from({ length: 19 }, (_, i) => roundScore(quantile(scores, (i + 1) / 20)));
  const below = cuts.map((cut) => lowerBound(scores, cut));
  const m = cuts.length;
  // At least one account (n > 0 here).
  const minSize = Math.ceil(0.04 * n);

  const bandLoss = (from: number, to: number) => {
    const size = to - from;
    const c = (churnBefore[to] as number) - (churnBefore[from] as number);
    return size * entropy(c / size);
  };
  const bandRate = (from: number, to: number) =>
    ((churnBefore[to] as number) - (churnBefore[from] as number)) / (to - from);

  let best: { loss: number; picks: number[] } | undefined;
  let bestMonotonic: { loss: number; picks: number[] } | undefined;
  const picks: number[] = [];
  // Depth-first over increasing cut indexes; `start` is where the current band begins (a row index).
  const search = (next: number, start: number, loss: number, lastRate: number, monotonic: boolean) => {
    if (picks.length === need) {
      if (n - start < minSize) return;
      const total = loss + bandLoss(start, n);
      const ordered = monotonic && bandRate(start, n) <= lastRate;
      if (!best || total < best.loss) best = { loss: total, picks: [...picks] };
      if (ordered && (!bestMonotonic || total < bestMonotonic.loss))
        bestMonotonic = { loss: total, picks: [...picks] };
      return;
    }
    for (let c = next; c <= m - (need - picks.length); c++) {
      const end = below[c] as number;
      if (end - start < minSize) continue;
      const rate = bandRate(start, end);
      picks.push(c);
      search(c + 1, end, loss + bandLoss(start, end), rate, monotonic && rate <= lastRate);
      picks.pop();
    }
  };
  search(0, 0, 0, Number.POSITIVE_INFINITY, true);
  const chosen = bestMonotonic ?? best;
  if (!chosen) return undefined;
  return { cuts: chosen.picks.map((c) => cuts[c] as number), monotonic: bestMonotonic !== undefined };
}

/** Binary entropy in nats (0 at 0 and 1). */
function entropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

/** Number of sorted values below x. */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A suggested threshold closer than this to today's is not a change worth offering (score points). */
export const MIN_THRESHOLD_MOVE = 1;

/**
 * The suggested cuts with each one that moves its band by less than MIN_THRESHOLD_MOVE points put
 * back to today's threshold, so a suggestion never offers 40 → 40.3 as a change (the churn split
 * by such a move is noise). A cut is only put back when the cuts stay increasing.
 */
export function offeredThresholds(cuts: readonly number[], current: readonly number[]): number[] {
  const out = [...cuts];
  out.forEach((cut, i) => {
    const now = current[i];
    // Stryker disable next-line ConditionalExpression: an undefined `now` fails every comparison below too; this tells the type checker
    if (now === undefined) return;
    if (Math.abs(cut - now) >= MIN_THRESHOLD_MOVE) return;
    const before = i > 0 ? (out[i - 1] as number) : Number.NEGATIVE_INFINITY;
    const after = i + 1 < out.length ? (out[i + 1] as number) : Number.POSITIVE_INFINITY;
    if (now > before && now < after) out[i] = now;
  });
  return out;
}
