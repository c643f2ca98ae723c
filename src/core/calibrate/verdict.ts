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

/** A word for an AUC, for reports: how well a score ranks churned accounts below retained ones. */
export function describeAuc(a: number): string {
  if (a >= 0.8) return "strong";
  if (a >= 0.7) return "useful";
  if (a >= 0.6) return "weak";
  if (a > 0.5) return "barely better than chance";
  return "no better than chance";
}

/**
 * The calibration's verdict in a few words, first how well the score separates churn, then what
 * to do with the weights: "Weak separation: keep the current weights." Every face (the sidebar,
 * the Health Calibration sheet) shows this same sentence. An AUC whose interval reaches 0.5 is no
 * separation yet, whatever its point value.
 */
export function calibrationVerdict(c: {
  auc: number;
  auc_ci: readonly [number, number];
  verdict: WeightsVerdict;
}): string {
  const strength =
    c.auc_ci[0] <= 0.5 || c.auc < 0.6
      ? "No clear separation"
      : `${c.auc >= 0.8 ? "Strong" : c.auc >= 0.7 ? "Useful" : "Weak"} separation`;
  const action = {
    suggested: "try the suggested weights",
    current: "keep the current weights",
    same: "keep the current weights",
    unknown: "too few accounts to judge the weights",
  }[c.verdict.better];
  return `${strength}: ${action}.`;
}
