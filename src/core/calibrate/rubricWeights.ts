/**
 * The rubric as calibration varies it: its top-level metrics alone at weight 1 (to read each
 * metric's own score), with other weights (to score accounts as a suggestion would), and the
 * suggestion's weights from a logistic fit. Shared by the hindsight check and the predictive one.
 */
import type { Rubric } from "../types";
import type { LogisticFit } from "./logistic";

/** The fit's weights: a metric whose higher score goes with churn (a positive coefficient) gets 0. */
export const suggestedWeights = (fit: LogisticFit): number[] =>
  Array.from(fit.rawCoef, (c) => Math.max(0, -c));

/** The top-level metrics at weight 1, alone: no groups, flags or segments. */
export function featureRubric(rubric: Rubric): Rubric {
  return {
    ...rubric,
    groups: undefined,
    flags: [],
    segments: undefined,
    metrics: rubric.metrics.map((m) => ({ ...m, weight: 1, group: undefined })),
  };
}

/**
 * The rubric with other weights for its top-level metrics (relative; under points, scaled to keep
 * today's total weight) and no groups; bands, flags, missing policies and segments as they are.
 */
export function withWeights(rubric: Rubric, weights: readonly number[]): Rubric {
  const total = weights.reduce((a, b) => a + b, 0);
  const current = rubric.metrics.reduce((a, m) => a + m.weight, 0);
  const scale = rubric.method === "points" && total > 0 ? current / total : 1;
  return {
    ...rubric,
    groups: undefined,
    metrics: rubric.metrics.map((m, j) => ({ ...m, weight: (weights[j] ?? 0) * scale, group: undefined })),
  };
}
