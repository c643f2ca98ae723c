import { describe, expect, it } from "vitest";
import { calibrate, groupShares, metricShares } from "../../src/core";
import { rubric } from "./helpers";

const metric = (id: string, weight?: unknown, group?: string) => ({
  id,
  column: id,
  ...(weight === undefined ? {} : { weight }),
  ...(group ? { group } : {}),
  score: { type: "range", worst: 0, best: 100 },
});

describe("weight shares", () => {
  it("gives each metric its weight over the total; an absent weight counts 1", () => {
    expect(metricShares({ metrics: [metric("a", 3), metric("b")] })).toEqual([0.75, 0.25]);
  });

  it("counts a weight being typed (not a number, or below 0) as 0 without breaking the others", () => {
    expect(metricShares({ metrics: [metric("a", "4x"), metric("b", 2), metric("c", -1)] })).toEqual([
      0, 1, 0,
    ]);
    expect(metricShares({ metrics: [metric("a", 0)] })).toEqual([0]);
    expect(metricShares({ metrics: [metric("a", Number.POSITIVE_INFINITY), metric("b", 1)] })).toEqual([
      0, 1,
    ]);
  });

  it("has no shares for a draft whose metrics are not a list yet", () => {
    expect(metricShares({ metrics: "a, b" })).toEqual([]);
    expect(groupShares({ groups: { G: 1 }, metrics: {} })).toEqual(new Map([["G", 0]]));
  });

  it("with groups, multiplies a metric's share of its group by the group's share", () => {
    const r = {
      groups: { Adoption: 3, Service: 1 },
      metrics: [metric("a", 1, "Adoption"), metric("b", 1, "Adoption"), metric("c", 5, "Service")],
    };
    expect(metricShares(r)).toEqual([0.375, 0.375, 0.25]);
    expect(groupShares(r)).toEqual(
      new Map([
        ["Adoption", 0.75],
        ["Service", 0.25],
      ]),
    );
  });

  it("gives a group with no metrics no share, so the others still add up to the whole", () => {
    const r = { groups: { Adoption: 1, Empty: 3 }, metrics: [metric("a", 1, "Adoption")] };
    expect(metricShares(r)).toEqual([1]);
    expect(groupShares(r).get("Empty")).toBe(0);
  });

  it("gives no share to a metric outside the groups, or in a group or among groups weighing 0", () => {
    const r = {
      groups: { Adoption: 1, Service: 1 },
      metrics: [
        metric("a", 1, "Adoption"),
        metric("b", 1),
        metric("c", 1, "Support"),
        metric("d", 0, "Service"),
      ],
    };
    expect(metricShares(r)).toEqual([1, 0, 0, 0]);
    const zero = { groups: { Adoption: 0 }, metrics: [metric("a", 1, "Adoption")] };
    expect(metricShares(zero)).toEqual([0]);
    expect(groupShares(zero)).toEqual(new Map([["Adoption", 0]]));
  });

  it("ignores groups under the points method, where they do not apply", () => {
    const r = {
      method: "points",
      groups: { G: 1, H: 9 },
      metrics: [metric("a", 1, "G"), metric("b", 1, "H")],
    };
    expect(metricShares(r)).toEqual([0.5, 0.5]);
  });

  it("is what calibration reports as today's weights", () => {
    const r = rubric({
      groups: { Adoption: 3, Service: 1 },
      metrics: [metric("a", 1, "Adoption"), metric("b", 1, "Adoption"), metric("c", 5, "Service")],
    });
    const rows = Array.from({ length: 40 }, (_, i) => [i % 100, (i * 7) % 100, (i * 13) % 100, i % 3 === 0]);
    const c = calibrate(r, ["a", "b", "c", "Churned"], rows, {
      outcomeColumn: "Churned",
      asOf: "2026-11-26",
      timeZone: "UTC",
      samples: 10,
    });
    expect(c.current.weights).toEqual({ a: 37.5, b: 37.5, c: 25 });
  });
});
