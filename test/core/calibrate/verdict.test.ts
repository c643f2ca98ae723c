import { describe, expect, it } from "vitest";
import { calibrationVerdict, describeAuc, VERDICT_MARGIN, weightsVerdict } from "../../../src/core";

const verdict = (current: number | null, suggested: number | null) =>
  weightsVerdict({ current: { cv_auc: current }, suggested: { cv_auc: suggested }, cv: { folds: 5 } });

describe("the verdict on the suggested weights", () => {
  it("recommends the suggested weights only when they beat the current ones by more than the margin", () => {
    expect(verdict(0.7, 0.75)).toMatchObject({ better: "suggested" });
    expect(verdict(0.7, 0.75).text).toBe(
      "On held-out accounts (5-fold cross-validation) the suggested weights do better (0.750 against 0.700): worth trying.",
    );
  });

  it("says keep the current weights when they do better", () => {
    expect(verdict(0.8, 0.7)).toMatchObject({ better: "current" });
    expect(verdict(0.8, 0.7).text).toContain(
      "the current weights do better (0.800 against 0.700): keep them.",
    );
  });

  it("calls a difference within the margin a tie, whichever way it goes", () => {
    expect(VERDICT_MARGIN).toBe(0.005);
    expect(verdict(0.7, 0.704).better).toBe("same");
    expect(verdict(0.704, 0.7).better).toBe("same");
    expect(verdict(0.7, 0.704).text).toContain("no reason to change the weights");
    // A difference of exactly the margin is still a tie (0.005 - 0 is exactly 0.005).
    expect(verdict(0, 0.005).better).toBe("same");
    expect(verdict(0.005, 0).better).toBe("same");
  });

  it("says so when there were too few accounts for cross-validation", () => {
    expect(verdict(null, null)).toMatchObject({ better: "unknown" });
    expect(verdict(0.7, null)).toMatchObject({ better: "unknown" });
    expect(verdict(null, 0.7)).toMatchObject({ better: "unknown" });
    expect(verdict(null, null).text).toBe(
      "Too few churned or retained accounts to compare the weights on held-out accounts.",
    );
  });
});

describe("the calibration's verdict sentence", () => {
  const sentence = (auc: number, ci: [number, number], current: number | null, suggested: number | null) =>
    calibrationVerdict({ auc, auc_ci: ci, verdict: verdict(current, suggested) });

  it("says the separation is weak and to keep the current weights when they do as well", () => {
    expect(sentence(0.64, [0.58, 0.7], 0.64, 0.641)).toBe("Weak separation: keep the current weights.");
  });

  it("names a strong or useful separation and says to try the suggested weights when they do better", () => {
    expect(sentence(0.83, [0.78, 0.88], 0.8, 0.84)).toBe("Strong separation: try the suggested weights.");
    expect(sentence(0.72, [0.65, 0.79], 0.72, 0.7)).toBe("Useful separation: keep the current weights.");
  });

  it("puts an AUC of exactly 0.6, 0.7 or 0.8 in the band above, and an interval reaching 0.5 at chance", () => {
    expect(sentence(0.6, [0.55, 0.65], 0.6, 0.6)).toBe("Weak separation: keep the current weights.");
    expect(sentence(0.7, [0.65, 0.75], 0.6, 0.6)).toBe("Useful separation: keep the current weights.");
    expect(sentence(0.8, [0.75, 0.85], 0.6, 0.6)).toBe("Strong separation: keep the current weights.");
    expect(sentence(0.7, [0.5, 0.8], 0.6, 0.6)).toBe("No clear separation: keep the current weights.");
  });

  it("calls it no clear separation when the AUC's interval reaches chance", () => {
    expect(sentence(0.66, [0.49, 0.8], 0.6, 0.6)).toBe("No clear separation: keep the current weights.");
    expect(sentence(0.55, [0.51, 0.6], null, null)).toBe(
      "No clear separation: too few accounts to judge the weights.",
    );
  });
});

describe("a word for an AUC", () => {
  it("names how well it ranks churn, each threshold in the band above it", () => {
    expect([0.8, 0.79, 0.7, 0.69, 0.6, 0.59, 0.51, 0.5].map(describeAuc)).toEqual([
      "strong",
      "useful",
      "useful",
      "weak",
      "weak",
      "barely better than chance",
      "barely better than chance",
      "no better than chance",
    ]);
  });
});
