import { describe, expect, it } from "vitest";
import type { CellValue, InputKind, Method } from "../../src/core";
import { rubric, scoreRow } from "./helpers";

/**
 * The number a scorer gives one cell: the metric's 0..100 score under weighted, its points under
 * points (weight 1). Read from the row's only driver.
 */
function scoreOf(
  score: Record<string, unknown>,
  cell: CellValue,
  opts: { method?: Method; input?: InputKind } = {},
): number | undefined {
  const r = rubric({
    method: opts.method ?? "weighted",
    metrics: [{ id: "m", column: "Value", input: opts.input ?? "number", score }],
  });
  const result = scoreRow(r, { Value: cell });
  return result.drivers[0]?.score;
}

const points = { method: "points" } as const;

describe("steps scorer", () => {
  const steps = {
    type: "steps",
    steps: [
      { min: 20, score: 100 },
      { min: 10, max: 19, score: 70 },
      { max: 2, score: 10 },
    ],
  };

  it("uses a min-only step when the value reaches its min", () => {
    expect(scoreOf(steps, 20)).toBe(100);
    expect(scoreOf(steps, 500)).toBe(100);
  });

  it("uses a min-and-max step when the value is inside it, both ends included", () => {
    expect(scoreOf(steps, 10)).toBe(70);
    expect(scoreOf(steps, 19)).toBe(70);
  });

  it("uses a max-only step when the value is at most its max", () => {
    expect(scoreOf(steps, 2)).toBe(10);
    expect(scoreOf(steps, -7)).toBe(10);
  });

  it("falls back to 0 when no step holds and there is no else", () => {
    expect(scoreOf(steps, 5)).toBe(0);
    expect(scoreOf(steps, 19.5)).toBe(0);
  });

  it("falls back to else when no step holds", () => {
    expect(scoreOf({ ...steps, else: 35 }, 5)).toBe(35);
  });

  it("takes the first step that holds", () => {
    const overlapping = {
      type: "steps",
      steps: [
        { min: 5, score: 60 },
        { min: 10, score: 100 },
      ],
    };
    expect(scoreOf(overlapping, 12)).toBe(60);
  });

  it("clamps step scores to 0..100 under weighted", () => {
    const wild = {
      type: "steps",
      steps: [
        { max: 0, score: -20 },
        { min: 1, score: 150 },
      ],
    };
    expect(scoreOf(wild, 0)).toBe(0);
    expect(scoreOf(wild, 5)).toBe(100);
  });

  it("gives signed points under points", () => {
    const risk = {
      type: "steps",
      steps: [
        { max: 0, score: -20 },
        { min: 1, score: 150 },
      ],
    };
    expect(scoreOf(risk, 0, points)).toBe(-20);
    expect(scoreOf(risk, 5, points)).toBe(150);
    expect(scoreOf({ ...risk, else: -3 }, 0.5, points)).toBe(-3);
  });
});

describe("range scorer", () => {
  const logins = { type: "range", worst: 0, best: 20 };

  it("maps worst to 0 and best to 100 linearly", () => {
    expect(scoreOf(logins, 0)).toBe(0);
    expect(scoreOf(logins, 5)).toBe(25);
    expect(scoreOf(logins, 20)).toBe(100);
  });

  it("clamps values beyond worst and best", () => {
    expect(scoreOf(logins, -5)).toBe(0);
    expect(scoreOf(logins, 30)).toBe(100);
  });

  it("scores best as 100 under weighted even when the range says `points`", () => {
    expect(scoreOf({ type: "range", worst: 0, best: 10, points: 40 }, 5)).toBe(50);
  });

  it("treats worst > best as lower is better", () => {
    const daysSinceLogin = { type: "range", worst: 30, best: 0 };
    expect(scoreOf(daysSinceLogin, 0)).toBe(100);
    expect(scoreOf(daysSinceLogin, 6)).toBe(80);
    expect(scoreOf(daysSinceLogin, 30)).toBe(0);
    expect(scoreOf(daysSinceLogin, 45)).toBe(0);
    expect(scoreOf(daysSinceLogin, -3)).toBe(100);
  });

  it("gives 100 points at best under points by default", () => {
    expect(scoreOf(logins, 5, points)).toBe(25);
    expect(scoreOf(logins, 20, points)).toBe(100);
  });

  it("gives `points` at best under points, clamped at both ends", () => {
    const tenPoints = { type: "range", worst: 0, best: 10, points: 40 };
    expect(scoreOf(tenPoints, 5, points)).toBe(20);
    expect(scoreOf(tenPoints, 20, points)).toBe(40);
    expect(scoreOf(tenPoints, -4, points)).toBe(0);
  });

  it("supports lower is better under points", () => {
    expect(scoreOf({ type: "range", worst: 10, best: 0, points: 30 }, 2, points)).toBe(24);
  });

  it("accepts negative points for a penalty range", () => {
    expect(scoreOf({ type: "range", worst: 0, best: 10, points: -50 }, 4, points)).toBe(-20);
  });
});

describe("map scorer", () => {
  const tier = { type: "map", values: { Gold: 100, Silver: 60 } };

  it("matches the cell as text, trimmed and case-insensitively", () => {
    expect(scoreOf(tier, "Gold", { input: "text" })).toBe(100);
    expect(scoreOf(tier, "  gold ", { input: "text" })).toBe(100);
    expect(scoreOf(tier, "SILVER", { input: "text" })).toBe(60);
  });

  it("matches keys written with spaces and any case", () => {
    expect(scoreOf({ type: "map", values: { " Gold Plus ": 90 } }, "gold plus", { input: "text" })).toBe(90);
  });

  it("falls back to 0 for an unlisted value when there is no else", () => {
    expect(scoreOf(tier, "Bronze", { input: "text" })).toBe(0);
  });

  it("falls back to else for an unlisted value", () => {
    expect(scoreOf({ ...tier, else: 25 }, "Bronze", { input: "text" })).toBe(25);
  });

  it("matches an exact value only, not a part of it", () => {
    expect(scoreOf(tier, "Gold (legacy)", { input: "text" })).toBe(0);
  });

  it('matches checkboxes as "TRUE"/"FALSE"', () => {
    const checkbox = { type: "map", values: { TRUE: 100, FALSE: 20 } };
    expect(scoreOf(checkbox, true, { input: "boolean" })).toBe(100);
    expect(scoreOf(checkbox, false, { input: "boolean" })).toBe(20);
    expect(scoreOf(checkbox, "true", { input: "boolean" })).toBe(100);
    expect(scoreOf(checkbox, true)).toBe(100);
    expect(scoreOf(checkbox, "FALSE", { input: "text" })).toBe(20);
  });

  it('matches survey scales as "1".."5", whether the cell holds a number or text', () => {
    const survey = { type: "map", values: { "1": 0, "2": 25, "3": 50, "4": 75, "5": 100 } };
    expect(scoreOf(survey, 4)).toBe(75);
    expect(scoreOf(survey, "5")).toBe(100);
    expect(scoreOf(survey, " 3 ")).toBe(50);
    expect(scoreOf(survey, 2, { input: "text" })).toBe(25);
    expect(scoreOf(survey, 7)).toBe(0);
  });

  it('matches a cell "10%" to the key "10%", as written, not as 0.1 falling to else', () => {
    const discount = { type: "map", values: { "0%": 100, "10%": 60, "$1,200": 30 }, else: 5 };
    expect(scoreOf(discount, "10%")).toBe(60);
    expect(scoreOf(discount, " 10% ", { input: "text" })).toBe(60);
    expect(scoreOf(discount, "$1,200")).toBe(30);
    expect(scoreOf(discount, "1200")).toBe(5);
  });

  it("matches a number cell whose text is unknown to the key that reads as that number", () => {
    // A custom function receives 0.1 for a cell showing 10%.
    const discount = { type: "map", values: { "10%": 60, "5": 90 } };
    expect(scoreOf(discount, 0.1)).toBe(60);
    expect(scoreOf(discount, 5)).toBe(90);
    expect(scoreOf(discount, 0.2)).toBe(0);
  });

  it("matches such a number to the first key that reads as it, when two do", () => {
    const discount = { type: "map", values: { "10%": 60, "10.0%": 20 } };
    expect(scoreOf(discount, 0.1)).toBe(60);
  });

  it("clamps to 0..100 under weighted and gives signed points under points", () => {
    const stage = { type: "map", values: { Churning: -30, Expanding: 150 } };
    expect(scoreOf(stage, "Churning", { input: "text" })).toBe(0);
    expect(scoreOf(stage, "Expanding", { input: "text" })).toBe(100);
    expect(scoreOf(stage, "Churning", { input: "text", method: "points" })).toBe(-30);
    expect(scoreOf(stage, "Expanding", { input: "text", method: "points" })).toBe(150);
  });
});

describe("scale scorer", () => {
  it("gives (value − neutral) × step points under points", () => {
    const csat = { type: "scale", neutral: 3, step: 5 };
    expect(scoreOf(csat, 4, points)).toBe(5);
    expect(scoreOf(csat, 3, points)).toBe(0);
    expect(scoreOf(csat, 1, points)).toBe(-10);
  });

  it("gives 50 + (value − neutral) × step under weighted", () => {
    const csat = { type: "scale", neutral: 3, step: 20 };
    expect(scoreOf(csat, 3)).toBe(50);
    expect(scoreOf(csat, 4)).toBe(70);
    expect(scoreOf(csat, 1)).toBe(10);
  });

  it("clamps to 0..100 under weighted", () => {
    const steep = { type: "scale", neutral: 0, step: 30 };
    expect(scoreOf(steep, 3)).toBe(100);
    expect(scoreOf(steep, -3)).toBe(0);
  });

  it("does not clamp under points", () => {
    expect(scoreOf({ type: "scale", neutral: 0, step: 30 }, 5, points)).toBe(150);
  });
});

describe("perUnit scorer", () => {
  it("gives value × points without a cap", () => {
    expect(scoreOf({ type: "perUnit", points: 10 }, 3, points)).toBe(30);
    expect(scoreOf({ type: "perUnit", points: -5 }, 4, points)).toBe(-20);
    expect(scoreOf({ type: "perUnit", points: 10 }, 1000, points)).toBe(10000);
  });

  it("limits the absolute size to cap, for gains and for losses", () => {
    expect(scoreOf({ type: "perUnit", points: 10, cap: 25 }, 3, points)).toBe(25);
    expect(scoreOf({ type: "perUnit", points: 10, cap: 25 }, 2, points)).toBe(20);
    expect(scoreOf({ type: "perUnit", points: -5, cap: 25 }, 7, points)).toBe(-25);
    expect(scoreOf({ type: "perUnit", points: 10, cap: 25 }, -4, points)).toBe(-25);
  });

  it("clamps to 0..100 under weighted", () => {
    expect(scoreOf({ type: "perUnit", points: 10 }, 3)).toBe(30);
    expect(scoreOf({ type: "perUnit", points: 10 }, 15)).toBe(100);
    expect(scoreOf({ type: "perUnit", points: 10 }, -2)).toBe(0);
  });
});

describe("scorers on other input kinds", () => {
  it("scores a daysSince value as whole days", () => {
    const recency = { type: "range", worst: 50, best: 0 };
    expect(scoreOf(recency, "2026-11-16", { input: "daysSince" })).toBe(80);
  });

  it("scores a boolean value as 1 or 0", () => {
    const onboarded = { type: "steps", steps: [{ min: 1, score: 100 }], else: 20 };
    expect(scoreOf(onboarded, true, { input: "boolean" })).toBe(100);
    expect(scoreOf(onboarded, false, { input: "boolean" })).toBe(20);
  });

  it("weights a metric's points under points", () => {
    const r = rubric({
      method: "points",
      metrics: [{ id: "seats", column: "Seats", weight: 3, score: { type: "perUnit", points: 2 } }],
    });
    expect(scoreRow(r, { Seats: 5 }).score).toBe(30);
  });
});
