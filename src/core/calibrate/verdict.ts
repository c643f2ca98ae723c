/**
 * The verdict on the suggested weights: do they rank churn better than the current ones on
 * accounts they were not fitted on? Decided here once, with one margin, and said in one sentence,
 * so the command line, the sidebar and the Health Calibration sheet never disagree.
 */

/** Cross-validated AUCs closer than this are a tie: the difference is within the folds' noise. */
export const VERDICT_MARGIN = 0.005;

export interface WeightsVerdict {
  /** Which weights do better on held-out accounts; "unknown" when there were too few accounts for folds. */
  better: "suggested" | "current" | "same" | "unknown";
  /** Cross-validated AUC of the current weights and of the suggested ones. */
  current: number | null;
  suggested: number | null;
  folds: number;
  /** The verdict as one sentence. */
  text: string;
}

/** The verdict for a calibration's cross-validated AUCs (`current.cv_auc`, `suggested.cv_auc`, `cv.folds`). */
export function weightsVerdict(c: {
  current: { cv_auc: number | null };
  suggested: { cv_auc: number | null };
  cv: { folds: number };
}): WeightsVerdict {
  const current = c.current.cv_auc;
  const suggested = c.suggested.cv_auc;
  const folds = c.cv.folds;
  if (current === null || suggested === null) {
    const text = "Too few churned or retained accounts to compare the weights on held-out accounts.";
    return { better: "unknown", current, suggested, folds, text };
  }
  const on = `On held-out accounts (${folds}-fold cross-validation)`;
  const gain = suggested - current;
  const [a, b] = [current.toFixed(3), suggested.toFixed(3)];
  if (gain > VERDICT_MARGIN) {
    const text = `${on} the suggested weights do better (${b} against ${a}): worth trying.`;
    return { better: "suggested", current, suggested, folds, text };
  }
  if (gain < -VERDICT_MARGIN) {
    const text = `${on} the current weights do better (${a} against ${b}): keep them.`;
    return { better: "current", current, suggested, folds, text };
  }
  const text = `${on} the suggested weights do no better (${b} against ${a}): no reason to change the weights.`;
  return { better: "same", current, suggested, folds, text };
}
