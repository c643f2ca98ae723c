import { describe, expect, it } from "vitest";
import { rubric, scoreRows } from "../helpers";

/** docs/rubric.md's worked example, from the seed "The Customer Health Score SaaS Metric". */
describe("the docs/rubric.md worked example", () => {
  const saas = rubric({
    name: "Customer Health Score (SaaS Metric)",
    method: "points",
    bands: [
      { label: "Critical", color: "#f4c7c3" },
      { label: "Struggling", from: 0, color: "#fce8b2" },
      { label: "Stable", from: 26, color: "#fff2cc" },
      { label: "Thriving", from: 51, color: "#d9ead3" },
      { label: "Superstar", from: 76, color: "#b7e1cd" },
    ],
    metrics: [
      { id: "years", label: "Years as a customer", column: "Years", score: { type: "perUnit", points: 10 } },
      { id: "csat", label: "CSAT", column: "CSAT", score: { type: "scale", neutral: 3, step: 5 } },
      { id: "resolved", column: "Resolved tickets", score: { type: "perUnit", points: 5 } },
      { id: "unresolved", column: "Unresolved tickets", score: { type: "perUnit", points: -5 } },
      { id: "reviews", column: "Positive reviews", score: { type: "perUnit", points: 10 } },
    ],
  });
  const row = (years: number, csat: number, resolved: number, unresolved: number, reviews: number) => ({
    Years: years,
    CSAT: csat,
    "Resolved tickets": resolved,
    "Unresolved tickets": unresolved,
    "Positive reviews": reviews,
  });

  it("scores 2 years, CSAT 4, 3 resolved, 2 unresolved, 1 review as 40: Stable", () => {
    const [result] = scoreRows(saas, [row(2, 4, 3, 2, 1)]);
    expect(result?.score).toBe(40);
    expect(result?.band).toBe("Stable");
    expect(result?.coverage).toBe(1);
    expect(result?.drivers.map((d) => [d.id, d.impact])).toEqual([
      ["unresolved", -10],
      ["csat", 5],
      ["reviews", 10],
      ["resolved", 15],
      ["years", 20],
    ]);
  });

  it("bands the other scores by the seed's thresholds", () => {
    const results = scoreRows(saas, [
      row(0, 1, 0, 4, 0), // −10 − 20 = −30
      row(0, 3, 0, 0, 0), // 0
      row(2, 3, 1, 0, 0), // 25
      row(2, 3, 1, 0, 0.1), // 26
      row(5, 5, 1, 1, 0), // 50 + 10 + 5 − 5 = 60
      row(5, 5, 4, 0, 1), // 50 + 10 + 20 + 10 = 90
    ]);
    expect(results.map((r) => [r.score, r.band])).toEqual([
      [-30, "Critical"],
      [0, "Struggling"],
      [25, "Struggling"],
      [26, "Stable"],
      [60, "Thriving"],
      [90, "Superstar"],
    ]);
  });
});
