import { describe, expect, it } from "vitest";
import { parseRubric } from "../../../src/core";
import { withWeights } from "../../../src/core/calibrate/rubricWeights";
import { pct, RYG_BANDS } from "../helpers";

const POINTS_BANDS = [
  { label: "Low", color: "#f4c7c3" },
  { label: "High", from: 40, color: "#b7e1cd" },
];

const weightsOf = (r: ReturnType<typeof parseRubric>) => r.metrics.map((m) => m.weight);

describe("a rubric with other weights", () => {
  it("takes the weights as they are under weighted scoring, and drops the groups", () => {
    const r = parseRubric({
      bands: RYG_BANDS,
      groups: { Usage: 1 },
      metrics: [pct("A", { weight: 1, group: "Usage" }), pct("B", { weight: 3, group: "Usage" })],
    });
    const w = withWeights(r, [2, 0.5]);
    expect(weightsOf(w)).toEqual([2, 0.5]);
    expect(w.groups).toBeUndefined();
    expect(w.metrics.map((m) => m.group)).toEqual([undefined, undefined]);
  });

  it("scales them to keep today's total under points, so the bands' points still mean the same", () => {
    const r = parseRubric({
      method: "points",
      bands: POINTS_BANDS,
      metrics: [pct("A", { weight: 10 }), pct("B", { weight: 30 })],
    });
    expect(weightsOf(withWeights(r, [1, 1]))).toEqual([20, 20]);
    expect(weightsOf(withWeights(r, [3, 1]))).toEqual([30, 10]);
    expect(weightsOf(withWeights(r, [0, 0]))).toEqual([0, 0]);
  });
});
