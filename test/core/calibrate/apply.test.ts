import { describe, expect, it } from "vitest";
import {
  applySuggestedThresholds,
  applySuggestedWeights,
  parseRubric,
  thresholdsFit,
} from "../../../src/core";

const metric = (id: string, weight: number, group?: string) => ({
  id,
  label: id.toUpperCase(),
  column: id,
  weight,
  ...(group ? { group } : {}),
  score: { type: "range", worst: 0, best: 100 },
});
const BANDS = [
  { label: "Red", color: "#ff0000" },
  { label: "Yellow", from: 40, color: "#ffff00" },
  { label: "Green", from: 70, color: "#00ff00" },
];

describe("loading a calibration's suggested weights into a rubric", () => {
  it("sets each metric's weight to its suggested share, by id, and counts the changes", () => {
    const rubric = { bands: BANDS, metrics: [metric("a", 1), metric("b", 1)] };
    const done = applySuggestedWeights(rubric, { suggested: { weights: { a: 70, b: 30 } } });
    expect(rubric.metrics.map((m) => m.weight)).toEqual([70, 30]);
    expect(done).toEqual({ metrics: 2, groups: 0, kept: [] });
    expect("groups" in rubric).toBe(false);
  });

  it("skips what is not a metric in a draft's list (a row being typed)", () => {
    const rubric = { metrics: [null, "x", metric("a", 1)] };
    expect(applySuggestedWeights(rubric, { suggested: { weights: { a: 100 } } }).metrics).toBe(1);
    expect(rubric.metrics[2]).toMatchObject({ weight: 100 });
  });

  it("keeps the weight of a metric the suggestion does not cover, and names it", () => {
    const rubric = { metrics: [metric("a", 2), metric("new", 5)] };
    const done = applySuggestedWeights(rubric, { suggested: { weights: { a: 100 } } });
    expect(rubric.metrics.map((m) => m.weight)).toEqual([100, 5]);
    expect(done.kept).toEqual(["NEW"]);
  });

  it('names a draft\'s metric with no label, column or id yet as "a metric", and keeps its weight', () => {
    const rubric = { metrics: [metric("a", 2), { weight: 5 }, { id: "typed", weight: 1 }] };
    const done = applySuggestedWeights(rubric, { suggested: { weights: { a: 100 } } });
    expect(rubric.metrics.map((m) => m.weight)).toEqual([100, 5, 1]);
    expect(done.kept).toEqual(["a metric", "typed"]);
  });

  it("with groups, sets each group to the sum of its metrics' shares, so each metric gets exactly its share", () => {
    const rubric = {
      bands: BANDS,
      groups: { Adoption: 50, Service: 50 },
      metrics: [metric("a", 1, "Adoption"), metric("b", 1, "Adoption"), metric("c", 1, "Service")],
    };
    const done = applySuggestedWeights(rubric, { suggested: { weights: { a: 43.1, b: 26.9, c: 30 } } });
    expect(rubric.groups).toEqual({ Adoption: 70, Service: 30 });
    expect(done.groups).toBe(2);
    expect(parseRubric(rubric).metrics.map((m) => m.weight)).toEqual([43.1, 26.9, 30]);
  });

  it("counts only the groups whose weight changed, and adds no group the rubric does not have", () => {
    const rubric = {
      bands: BANDS,
      groups: { Adoption: 70, Service: 50 },
      metrics: [metric("a", 1, "Adoption"), metric("b", 1, "Service"), metric("c", 1, "Ghost")],
    };
    const done = applySuggestedWeights(rubric, { suggested: { weights: { a: 70, b: 20, c: 10 } } });
    expect(rubric.groups).toEqual({ Adoption: 70, Service: 20 });
    expect(done.groups).toBe(1);
  });

  it("uses the weights on the rubric's own scale under the points method", () => {
    const rubric = { method: "points", metrics: [metric("a", 1), metric("b", 3)] };
    applySuggestedWeights(rubric, {
      suggested: { weights: { a: 25, b: 75 }, rubric_weights: { a: 1, b: 3 } },
    });
    expect(rubric.metrics.map((m) => m.weight)).toEqual([1, 3]);
    expect("groups" in rubric).toBe(false);
  });

  it("says nothing changed when the rubric already has the suggestion", () => {
    const rubric = { metrics: [metric("a", 60), metric("b", 40)] };
    expect(applySuggestedWeights(rubric, { suggested: { weights: { a: 60, b: 40 } } })).toEqual({
      metrics: 0,
      groups: 0,
      kept: [],
    });
  });
});

describe("loading suggested band thresholds", () => {
  it("moves the From of every band after the first, and counts the bands moved", () => {
    const rubric = { bands: structuredClone(BANDS) };
    expect(applySuggestedThresholds(rubric, [40, 65.5])).toBe(1);
    expect(rubric.bands.map((b) => b.from)).toEqual([undefined, 40, 65.5]);
    expect(applySuggestedThresholds(rubric, [45, 75])).toBe(2);
  });

  it("leaves a band's From as it is when there is no threshold for it", () => {
    const rubric = { bands: structuredClone(BANDS) };
    expect(applySuggestedThresholds(rubric, [45])).toBe(1);
    expect(rubric.bands.map((b) => b.from)).toEqual([undefined, 45, 70]);
  });

  it("fits only a rubric with one band more than there are thresholds", () => {
    expect(thresholdsFit({ bands: BANDS }, [40, 70])).toBe(true);
    expect(thresholdsFit({ bands: BANDS }, [50])).toBe(false);
    expect(thresholdsFit({}, [])).toBe(false);
  });
});
