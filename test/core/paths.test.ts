import { describe, expect, it } from "vitest";
import { isUnder, joinPath, pathText, validateRubric } from "../../src/core";

describe("rubric paths", () => {
  it("writes a path as problems name it: metrics[2].score.steps[0].min", () => {
    expect(pathText(["metrics", 2, "score", "steps", 0, "min"])).toBe("metrics[2].score.steps[0].min");
    expect(pathText([])).toBe("");
    expect(pathText(["segments", "rubrics", "Onboarding", "bands"])).toBe(
      "segments.rubrics.Onboarding.bands",
    );
  });

  it("adds one key at a time", () => {
    expect(joinPath("", "name")).toBe("name");
    expect(joinPath("metrics", 2)).toBe("metrics[2]");
    expect(joinPath("metrics[2]", "weight")).toBe("metrics[2].weight");
  });

  it("is the text the validator reports, so an editor can find the field of a problem", () => {
    const { errors } = validateRubric({
      bands: [{ label: "Red", color: "#ff0000" }],
      metrics: [{ id: "a", column: "A", score: { type: "steps", steps: [{ min: "x", score: 1 }] } }],
    });
    expect(errors.map((p) => p.path)).toContain(pathText(["metrics", 0, "score", "steps", 0, "min"]));
  });

  it("knows a path inside another: metrics[2].score is inside metrics[2], not inside metrics[20]", () => {
    expect(isUnder("metrics[2].score", "metrics[2]")).toBe(true);
    expect(isUnder("metrics[2]", "metrics[2]")).toBe(true);
    expect(isUnder("metrics[2]", "metrics")).toBe(true);
    expect(isUnder("metrics[20]", "metrics[2]")).toBe(false);
    expect(isUnder("metricsx", "metrics")).toBe(false);
    expect(isUnder("anything", "")).toBe(true);
  });
});
