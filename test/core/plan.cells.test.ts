/**
 * Plans, cell by cell: how a metric's scorer becomes the values a plan can write (lines for
 * range, scale and perUnit; levels for steps, map and booleans), what a move costs, and the cells a
 * plan writes: dates, percentages, booleans, map keys, and the cell that clears each kind of flag.
 */
import { describe, expect, it } from "vitest";
import { type CellValue, type Plan, planner, type Rubric } from "../../src/core";
import { OPTIONS, POINT_BANDS, pct, rubric } from "./helpers";

/** Plans one row given as { header: cell }. */
function planOf(r: Rubric, cells: Record<string, CellValue>, target?: string): Plan {
  return planner(r, Object.keys(cells), { ...OPTIONS, target }).planRow(Object.values(cells));
}

/** The (metric or flag) id and the cell written, of each change of a plan. */
const writes = (plan: Plan) => plan.changes.map((c) => [c.metric ?? c.flag, c.to]);

/** A metric the team cannot change, read as its own score (0..100) or points (`perUnit` 1). */
const fixed = (column: string, method: "weighted" | "points" = "weighted") =>
  method === "weighted"
    ? pct(column, { actionable: false })
    : { id: column, column, actionable: false, score: { type: "perUnit", points: 1 } };

describe("plans on a line: range, scale and perUnit", () => {
  it("writes a range move at the scorer's precision even when the cell holds a whole number", () => {
    // Util 0 scores 0 on 0.1..0.8: (0 + 60) / 2 = 30, Red. Yellow needs Util to score 20: 0.24.
    const r = rubric({
      metrics: [
        {
          id: "util",
          label: "Seat utilisation",
          column: "Util",
          score: { type: "range", worst: 0.1, best: 0.8 },
        },
        fixed("Other"),
      ],
    });
    const plan = planOf(r, { Util: 0, Other: 60 });
    expect(plan.changes).toEqual([
      { metric: "util", label: "Seat utilisation", column: "Util", from: 0, to: 0.24 },
    ]);
    expect(plan.scoreAfter).toBe(40);
  });

  it("fills a missing range metric from its worst end, with the value that is just enough", () => {
    // Skipped, Logins is left out: the row scores 20 on Other alone. With Logins 6 (60): 40.
    const r = rubric({
      metrics: [
        { id: "logins", column: "Logins", score: { type: "range", worst: 0, best: 10 } },
        fixed("Other"),
      ],
    });
    const plan = planOf(r, { Logins: null, Other: 20 });
    expect(plan.changes).toEqual([{ metric: "logins", label: "Logins", column: "Logins", from: "", to: 6 }]);
    expect(plan.why).toBe("Logins missing \u2192 6 \u2192 Yellow (40)");
  });

  it("measures a range move as a share of its own range, so the heavier metric's smaller share wins", () => {
    // (A + 2 × B + Other) / 4 = (0 + 60 + 60) / 4 = 30. Yellow needs 40 more points of A (14 of
    // its 10..20, 0.4 of its range) or 20 of B (50, 0.2 of its 0..100): B is the smaller move.
    const r = rubric({
      metrics: [
        { id: "a", column: "A", score: { type: "range", worst: 10, best: 20 } },
        { id: "b", column: "B", weight: 2, score: { type: "range", worst: 0, best: 100 } },
        fixed("Other"),
      ],
    });
    expect(writes(planOf(r, { A: 10, B: 30, Other: 60 }))).toEqual([["b", 50]]);
  });

  it("fills a missing perUnit metric from zero units, with the count that is just enough", () => {
    const r = rubric({
      metrics: [{ id: "reviews", column: "Reviews", score: { type: "perUnit", points: 10 } }, fixed("Other")],
    });
    expect(writes(planOf(r, { Reviews: "", Other: 20 }))).toEqual([["reviews", 6]]);
  });

  it("knows a capped perUnit metric scores no more than its cap", () => {
    // Seats 1 scores 10 of at most 30: (10 + 50) / 2 = 30. Yellow: 3 seats, (30 + 50) / 2 = 40.
    const r = rubric({
      metrics: [
        { id: "seats", column: "Seats", score: { type: "perUnit", points: 10, cap: 30 } },
        fixed("Other"),
      ],
    });
    expect(writes(planOf(r, { Seats: 1, Other: 50 }))).toEqual([["seats", 3]]);
    expect(planOf(r, { Seats: 1, Other: 50 }, "Green").why).toBe(
      "Out of reach: even with every actionable metric at its best the score would be 40, below Green (from 70)",
    );
  });

  it("moves a scale metric from its neutral value by its step", () => {
    // Points: NPS (8 − 7) × 5 = 5, Base 10: 15, Mid. High (40) needs 25 more: NPS 13.
    const r = rubric({
      method: "points",
      bands: POINT_BANDS,
      metrics: [
        { id: "nps", label: "NPS", column: "NPS", score: { type: "scale", neutral: 7, step: 5 } },
        fixed("Base", "points"),
      ],
    });
    const plan = planOf(r, { NPS: 8, Base: 10 });
    expect(plan.changes).toEqual([{ metric: "nps", label: "NPS", column: "NPS", from: 8, to: 13 }]);
    expect(plan.why).toBe("NPS 8 \u2192 13 \u2192 High (40)");
  });

  it("writes a scale move as finely as its neutral value is written", () => {
    // CSAT 3 on neutral 2.5, step 10: 5 points, Base 28: 33. High needs 7 more: CSAT 3.7.
    const r = rubric({
      method: "points",
      bands: POINT_BANDS,
      metrics: [
        { id: "csat", column: "CSAT", score: { type: "scale", neutral: 2.5, step: 10 } },
        fixed("Base", "points"),
      ],
    });
    expect(writes(planOf(r, { CSAT: 3, Base: 28 }))).toEqual([["csat", 3.7]]);
  });

  describe("measures a scale move in 100/|step| and a perUnit move in cap/|points| or 100/|points|", () => {
    // Each plan needs 20 more points; the metric of weight 2 needs half the move of the other.
    const points = (metrics: Record<string, unknown>[]) =>
      rubric({ method: "points", bands: POINT_BANDS, metrics: [...metrics, fixed("Base", "points")] });
    const scale = (weight: number) => ({
      id: "csat",
      column: "CSAT",
      weight,
      score: { type: "scale", neutral: 3, step: 5 },
    });

    it("a perUnit of weight 2 beats a scale of weight 1", () => {
      // Reviews 0 → 1 (+20) is 0.1 of its 100/10; CSAT 3 → 7 (+20) is 0.2 of its 100/5.
      const r = points([
        scale(1),
        { id: "reviews", column: "Reviews", weight: 2, score: { type: "perUnit", points: 10 } },
      ]);
      expect(writes(planOf(r, { CSAT: 3, Reviews: 0, Base: 20 }))).toEqual([["reviews", 1]]);
    });

    it("a scale of weight 2 beats a perUnit of weight 1", () => {
      // CSAT 3 → 5 (+20) is 0.1 of its 100/5; Reviews 0 → 2 (+20) is 0.2 of its 100/10.
      const r = points([
        { id: "reviews", column: "Reviews", score: { type: "perUnit", points: 10 } },
        scale(2),
      ]);
      expect(writes(planOf(r, { Reviews: 0, CSAT: 3, Base: 20 }))).toEqual([["csat", 5]]);
    });

    it("a capped perUnit is measured on its cap", () => {
      // Seats 0 → 1 (+20) is 1/3 of its 30/10; CSAT 3 → 7 (+20) is 0.2 of its 100/5.
      const r = points([
        { id: "seats", column: "Seats", weight: 2, score: { type: "perUnit", points: 10, cap: 30 } },
        scale(1),
      ]);
      expect(writes(planOf(r, { Seats: 0, CSAT: 3, Base: 20 }))).toEqual([["csat", 7]]);
    });
  });

  describe("says no metric can be changed when the only one left can never score", () => {
    // Base 10 is Mid; the other metric, missing, would add 0 points whatever it held.
    const plan = (score: Record<string, unknown>) =>
      planOf(
        rubric({
          method: "points",
          bands: POINT_BANDS,
          metrics: [{ id: "never", column: "Never", score }, fixed("Base", "points")],
        }),
        { Never: "", Base: 10 },
      );
    const why =
      "Out of reach: no metric can be changed (each is marked not actionable or cannot score higher), and High starts at 40";

    it("a range worth 0 points", () => {
      expect(plan({ type: "range", worst: 0, best: 10, points: 0 }).why).toBe(why);
    });
    it("a perUnit capped at 0", () => {
      expect(plan({ type: "perUnit", points: 5, cap: 0 }).why).toBe(why);
    });
  });
});

describe("plans on levels: booleans, maps and steps", () => {
  /** One metric to plan, beside a fixed one (a weighted score of 0..100). */
  const withFixed = (metric: Record<string, unknown>) => rubric({ metrics: [metric, fixed("Other")] });

  it("writes TRUE for a boolean metric whose TRUE scores higher", () => {
    const r = withFixed({
      id: "sponsor",
      column: "Sponsor",
      input: "boolean",
      score: { type: "range", worst: 0, best: 1 },
    });
    const plan = planOf(r, { Sponsor: "FALSE", Other: 30 });
    expect(plan.changes).toEqual([
      { metric: "sponsor", label: "Sponsor", column: "Sponsor", from: "FALSE", to: true },
    ]);
    expect(plan.why).toBe("Sponsor FALSE \u2192 TRUE \u2192 Yellow (65)");
  });

  it("writes FALSE for a boolean metric whose FALSE scores higher", () => {
    const r = withFixed({
      id: "escalated",
      column: "Escalated",
      input: "boolean",
      score: { type: "range", worst: 1, best: 0 },
    });
    expect(writes(planOf(r, { Escalated: "yes", Other: 30 }))).toEqual([["escalated", false]]);
  });

  it("reads a boolean map's keys true and false, and writes the boolean", () => {
    // Sponsor FALSE scores 20, TRUE 100, anything else 50: Green needs (100 + 40) / 2 = 70.
    const sponsor = withFixed({
      id: "sponsor",
      column: "Sponsor",
      input: "boolean",
      score: { type: "map", values: { true: 100, false: 20 }, else: 50 },
    });
    expect(writes(planOf(sponsor, { Sponsor: false, Other: 40 }, "Green"))).toEqual([["sponsor", true]]);
    // Escalated TRUE scores 0, FALSE 100.
    const escalated = withFixed({
      id: "escalated",
      column: "Escalated",
      input: "boolean",
      score: { type: "map", values: { true: 0, false: 100 }, else: 50 },
    });
    expect(writes(planOf(escalated, { Escalated: "TRUE", Other: 40 }, "Green"))).toEqual([
      ["escalated", false],
    ]);
  });

  it("writes a number map's key as a number, and a text map's as the text", () => {
    const survey = { type: "map", values: { "1": 0, "3": 70, "5": 100 }, else: 0 };
    const csat = withFixed({ id: "csat", column: "CSAT", score: survey });
    expect(writes(planOf(csat, { CSAT: 1, Other: 30 }))).toEqual([["csat", 3]]);
    const tier = withFixed({ id: "tier", column: "Tier", input: "text", score: survey });
    expect(writes(planOf(tier, { Tier: "1", Other: 30 }))).toEqual([["tier", "3"]]);
  });

  it("moves a number map metric to the key nearest its value among keys that score the same", () => {
    // Seats 8 is no key (0); keys 4 and 9 both score 100: 9 is nearer.
    const r = withFixed({
      id: "seats",
      column: "Seats",
      score: { type: "map", values: { "0": 0, "4": 100, "9": 100 }, else: 0 },
    });
    expect(writes(planOf(r, { Seats: 8, Other: 30 }))).toEqual([["seats", 9]]);
  });

  it("goes one unit past a step's max to reach the score above it", () => {
    // Logins up to 10 score 0, up to 20 score 50, above 20 score 100.
    const r = withFixed({
      id: "logins",
      column: "Logins",
      score: {
        type: "steps",
        steps: [
          { max: 10, score: 0 },
          { max: 20, score: 50 },
        ],
        else: 100,
      },
    });
    expect(writes(planOf(r, { Logins: 5, Other: 40 }, "Green"))).toEqual([["logins", 21]]);
  });

  it("goes one unit below a step's min to leave it", () => {
    // Open tickets from 10 score 0, fewer score 100.
    const r = withFixed({
      id: "open",
      column: "Open tickets",
      score: { type: "steps", steps: [{ min: 10, score: 0 }], else: 100 },
    });
    expect(writes(planOf(r, { "Open tickets": 12, Other: 40 }))).toEqual([["open", 9]]);
  });

  it("reaches a days-since step at 0 days with the as-of date, and never writes a future date", () => {
    const touch = (steps: Record<string, number>[]) =>
      withFixed({
        id: "touch",
        column: "Last touch",
        input: "daysSince",
        score: { type: "steps", steps, else: 0 },
      });
    const today = planOf(touch([{ max: 0, score: 100 }]), { "Last touch": "2026-11-21", Other: 40 });
    expect(writes(today)).toEqual([["touch", "2026-11-26"]]);
    // Only a future date (below 0 days) would score here, and a future date counts as 0 days.
    expect(planOf(touch([{ max: -1, score: 100 }]), { "Last touch": "2026-11-21", Other: 40 }).why).toBe(
      "Out of reach: no metric can be changed (each is marked not actionable or cannot score higher), and Yellow starts at 40",
    );
  });

  it("fills a missing cell with the first value the steps name for a score, not one nearer 0", () => {
    // Missing counts as 0 here. Up to 14 days scores 100: 14 days (2026-11-12), not 13.
    const r = rubric({
      metrics: [
        {
          id: "touch",
          column: "Last touch",
          input: "daysSince",
          missing: "zero",
          score: {
            type: "steps",
            steps: [
              { max: 14, score: 100 },
              { max: 30, score: 50 },
            ],
            else: 0,
          },
        },
        fixed("Other"),
      ],
    });
    expect(writes(planOf(r, { "Last touch": "", Other: 40 }, "Green"))).toEqual([["touch", "2026-11-12"]]);
  });
});

describe("measures a move between levels as levels climbed / (levels − 1)", () => {
  const tier = (weight = 1) => ({
    id: "tier",
    column: "Tier",
    input: "text",
    weight,
    score: { type: "map", values: { Gold: 100, Silver: 60 }, else: 0 },
  });
  const util = { id: "util", column: "Util", score: { type: "range", worst: 0, best: 100 } };

  it("climbing one of three levels costs 0.5: less than 0.6 of a range", () => {
    // Tier bronze (0) and Util 20: 10. Yellow needs 60 more points: Silver (0.5) or Util 80 (0.6).
    const r = rubric({ metrics: [tier(), util] });
    expect(writes(planOf(r, { Tier: "bronze", Util: 20 }))).toEqual([["tier", "Silver"]]);
  });

  it("counts the levels from the one the metric is on", () => {
    // Bronze, Silver, Gold: (2 × Silver 60 + Util 30) / 3 = 50. Green: Gold, one level up of two
    // (0.5), or Util 90 (0.6).
    const values = { Gold: 100, Silver: 60, Bronze: 20 };
    const r = rubric({ metrics: [{ ...tier(2), score: { type: "map", values, else: 0 } }, util] });
    expect(writes(planOf(r, { Tier: "Silver", Util: 30 }, "Green"))).toEqual([["tier", "Gold"]]);
  });

  it("climbing the only other level costs 1: more than 0.7 of a range, present or missing", () => {
    // Meetings 0 (or missing, counted 0) and Util 10: 5. Yellow: Meetings 1 (1) or Util 80 (0.7).
    const r = rubric({
      metrics: [
        {
          id: "meetings",
          column: "Meetings",
          missing: "zero",
          score: { type: "steps", steps: [{ min: 1, score: 100 }], else: 0 },
        },
        util,
      ],
    });
    expect(writes(planOf(r, { Meetings: 0, Util: 10 }))).toEqual([["util", 80]]);
    expect(writes(planOf(r, { Meetings: "", Util: 10 }))).toEqual([["util", 80]]);
  });

  it("on a tie, tries each metric's levels lowest first, so the earlier metric takes the smaller step", () => {
    // Green needs 140 of two tiers: Silver and Gold either way round (0.5 + 1); Gold twice costs 2.
    const r = rubric({ metrics: [tier(), { ...tier(), id: "tier2", column: "Tier 2" }] });
    expect(writes(planOf(r, { Tier: "bronze", "Tier 2": "bronze" }, "Green"))).toEqual([
      ["tier", "Silver"],
      ["tier2", "Gold"],
    ]);
  });
});

describe("the cells a plan names", () => {
  const logins = rubric({
    metrics: [
      { id: "logins", column: "Logins", score: { type: "range", worst: 0, best: 10 } },
      fixed("Other"),
    ],
  });

  it("shows a cell past the end of a short row as empty", () => {
    const plan = planner(logins, ["Other", "Logins"], OPTIONS).planRow([20]);
    expect(plan.changes).toEqual([{ metric: "logins", label: "Logins", column: "Logins", from: "", to: 6 }]);
  });

  it("shows a date cell as YYYY-MM-DD", () => {
    const r = rubric({
      metrics: [
        {
          id: "touch",
          column: "Last touch",
          input: "daysSince",
          score: { type: "steps", steps: [{ max: 30, score: 100 }], else: 0 },
        },
        fixed("Other"),
      ],
    });
    const plan = planOf(r, { "Last touch": new Date(Date.UTC(2026, 8, 1)), Other: 40 });
    expect(plan.changes).toEqual([
      { metric: "touch", label: "Last touch", column: "Last touch", from: "2026-09-01", to: "2026-10-27" },
    ]);
  });

  it("lists metric changes in rubric order, whatever kind of move each is", () => {
    // Util 50 and Meetings 0: 25. Green needs both: Meetings 1 (60) and Util 80.
    const r = rubric({
      metrics: [
        { id: "util", column: "Util", score: { type: "range", worst: 0, best: 100 } },
        {
          id: "meetings",
          column: "Meetings",
          score: { type: "steps", steps: [{ min: 1, score: 60 }], else: 0 },
        },
      ],
    });
    expect(writes(planOf(r, { Util: 50, Meetings: 0 }, "Green"))).toEqual([
      ["util", 80],
      ["meetings", 1],
    ]);
  });
});

describe("clearing flags", () => {
  it("lists a capping flag's clear first and a subtracting flag's last, and says so", () => {
    // Util 50 − 40 for late payment, capped at 39 while the champion is gone: 10. Green needs both
    // flags cleared and Util 70 (with late payment still on, Util could give at most 60).
    const r = rubric({
      metrics: [{ id: "util", label: "Util", column: "Util", score: { type: "range", worst: 0, best: 100 } }],
      flags: [
        { id: "late", label: "Late payment", column: "Late", when: true, add: -40 },
        { id: "champion", label: "Champion left", column: "Champion left", when: true, cap: 39 },
      ],
    });
    const plan = planOf(r, { Util: 50, Late: true, "Champion left": true }, "Green");
    expect(writes(plan)).toEqual([
      ["champion", false],
      ["util", 70],
      ["late", false],
    ]);
    expect(plan.why).toBe(
      'Clear "Champion left" first: it caps the score at 39; then Util 50 \u2192 70 and clear "Late payment" (\u221240) \u2192 Green (70)',
    );
  });

  it("clears the flag that fires, not another in the rubric", () => {
    const r = rubric({
      metrics: [pct("Util")],
      flags: [
        { id: "late", label: "Late payment", column: "Late", when: true, cap: 39 },
        { id: "champion", label: "Champion left", column: "Champion left", when: true, cap: 39 },
      ],
    });
    const plan = planOf(r, { Util: 80, Late: false, "Champion left": true });
    expect(plan.changes).toEqual([
      { flag: "champion", label: "Champion left", column: "Champion left", from: true, to: false },
    ]);
    expect(plan.scoreAfter).toBe(80);
  });

  it("names no clear for a flag that the metric's own move stops", () => {
    // Logins 2 score 0 and fire "Low usage" (up to 5, −70). Yellow: the flag must go and the logins
    // come up; at 10 (60) the flag is off, so the plan writes 10 only (clearing it would write 6).
    const r = rubric({
      metrics: [
        {
          id: "logins",
          label: "Logins",
          column: "Logins",
          score: {
            type: "steps",
            steps: [
              { min: 20, score: 100 },
              { min: 10, score: 60 },
            ],
            else: 0,
          },
        },
      ],
      flags: [{ id: "low", label: "Low usage", column: "Logins", max: 5, add: -70 }],
    });
    const plan = planOf(r, { Logins: 2 });
    expect(writes(plan)).toEqual([["logins", 10]]);
    expect(plan.why).toBe("Logins 2 \u2192 10 \u2192 Yellow (60)");
  });

  /** The cell a plan writes to clear `flag` (a cap of 39 on a row that scores 80 without it). */
  const cleared = (flag: Record<string, unknown>, cell: CellValue): CellValue => {
    const r = rubric({
      metrics: [pct("Util")],
      flags: [{ id: "f", label: "F", column: "F", cap: 39, ...flag }],
    });
    const plan = planOf(r, { Util: 80, F: cell });
    expect(plan.changes.map((c) => c.flag)).toEqual(["f"]);
    return plan.changes[0]?.to;
  };

  it.each([
    ["when: 1", { when: 1 }, 1, 0],
    ["when: 0", { when: 0 }, 0, 1],
    ["when: text, emptied", { when: "At risk" }, "at risk", ""],
    ["min 30: 0", { min: 30 }, 45, 0],
    ["min 0: just under", { min: 0 }, 3, -1],
    ["max 6: just over", { max: 6 }, 4, 7],
    ["max 0: just over", { max: 0 }, 0, 1],
    ["max −5: 0", { max: -5 }, -8, 0],
    ["max 0.2: at the flag's precision", { max: 0.2 }, 0.1, 0.3],
    ["min 0.05 and max 0.2: just under min", { min: 0.05, max: 0.2 }, 0.1, 0.04],
  ])("writes the cell that clears a flag with %s", (_, flag, cell, to) => {
    expect(cleared(flag, cell)).toBe(to);
  });

  it.each([
    ["a tag first", "Acquired, budget cut", "budget cut"],
    ["a tag last", "budget cut; acquired", "budget cut"],
    ["a tag between", "budget cut, acquired, churn", "budget cut, churn"],
    ["a tag between, unspaced", "budget cut,acquired,churn", "budget cut, churn"],
    ["a tag between, spaced before only", "budget cut, acquired,churn", "budget cut, churn"],
    ["a tag between bars", "budget cut | acquired | churn", "budget cut | churn"],
    ["a tag twice", "budget cut | ACQUIRED | acquired | churn", "budget cut | churn"],
    ["a tag twice, unspaced", "budget cut,acquired,acquired,churn", "budget cut, churn"],
    ["a tag inside words", "budget cut acquired churn", "budget cut churn"],
    ["the only tag", "acquired", ""],
  ])(
    "removes every occurrence of a contains flag's text from %s, and the separators it leaves",
    (_, cell, to) => {
      expect(cleared({ contains: "acquired" }, cell)).toBe(to);
    },
  );
});
