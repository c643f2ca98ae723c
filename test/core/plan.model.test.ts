/**
 * Plans: the model behind the search (how much each metric moves the score, which metrics and flags
 * can move at all, the best score reachable) and the precision a suggested value is written at.
 * Each test checks a whole plan, or the sentence of a plan out of reach, as a user reads it.
 */
import { describe, expect, it } from "vitest";
import { planner, type Rubric, type SourceTables } from "../../src/core";
import { OPTIONS, POINT_BANDS, pct, planOf, RYG_BANDS, rubric } from "./helpers";

/** A weighted rubric of `metrics`; `extra` adds fields such as `missing`, `groups` or `flags`. */
const weighted = (metrics: Record<string, unknown>[], extra: Record<string, unknown> = {}): Rubric =>
  rubric({ method: "weighted", metrics, ...extra });

/** A metric the team cannot change: it scores its cell (0..100) and is never proposed. */
const fixed = (column: string, extra: Record<string, unknown> = {}) =>
  pct(column, { actionable: false, ...extra });

const range = (worst: number, best: number) => ({ type: "range", worst, best });

const NO_LEVER =
  "Out of reach: no metric can be changed (each is marked not actionable or cannot score higher)";

describe("plans round a suggested value to the cell's precision, in the direction that helps", () => {
  it("rounds every moved metric up when two must move and higher is better", () => {
    // A 0.5 scores 5, B 2.5 scores 25: (5 + 2 × 25) / 3 = 18.3. Green needs 69.95: B alone at its best
    // gives 68.3, so both move. B, worth more, goes to its best; A then needs 9.85, i.e. 0.985 → 1.
    const r = weighted([
      { id: "a", column: "A", score: range(0, 10) },
      { id: "b", column: "B", weight: 2, score: range(0, 10) },
    ]);
    const plan = planOf(r, { A: 0.5, B: 2.5 }, "Green");
    expect(plan.changes).toEqual([
      { metric: "a", label: "A", column: "A", from: 0.5, to: 1 },
      { metric: "b", label: "B", column: "B", from: 2.5, to: 10 },
    ]);
    expect(plan.why).toBe("A 0.5 \u2192 1 and B 2.5 \u2192 10 \u2192 Green (70)");
  });

  it("rounds every moved metric down when two must move and lower is better", () => {
    const r = weighted([
      { id: "a", column: "A", score: range(10, 0) },
      { id: "b", column: "B", weight: 2, score: range(10, 0) },
    ]);
    // The mirror image: A needs at most 9.015 → 9, B goes to 0.
    const plan = planOf(r, { A: 9.5, B: 7.5 }, "Green");
    expect(plan.changes).toEqual([
      { metric: "a", label: "A", column: "A", from: 9.5, to: 9 },
      { metric: "b", label: "B", column: "B", from: 7.5, to: 0 },
    ]);
    expect(plan.scoreAfter).toBe(70);
  });

  // A band from 6.3 is reached from 6.25 (scores round halves up): a value exactly on the cell's
  // precision (hundredths, from 2.25) is enough, not one hundredth more.
  const fine = (score: Record<string, unknown>) =>
    rubric({
      method: "weighted",
      bands: [RYG_BANDS[0], { ...RYG_BANDS[1], from: 6.3 }, RYG_BANDS[2]],
      metrics: [{ id: "a", column: "A", score }],
    });

  it("suggests the value that reaches the band exactly, not one step of precision more", () => {
    expect(planOf(fine(range(0, 100)), { A: 2.25 })).toMatchObject({
      changes: [{ metric: "a", from: 2.25, to: 6.25 }],
      scoreAfter: 6.3,
    });
  });

  it("suggests the value that reaches the band exactly when lower is better", () => {
    expect(planOf(fine(range(100, 0)), { A: 97.75 })).toMatchObject({
      changes: [{ metric: "a", from: 97.75, to: 93.75 }],
      scoreAfter: 6.3,
    });
  });

  it("lands a steps metric on a step's bound written in tenths", () => {
    // NPS 6.5 scores 10; Yellow needs the step from 7.5 (60): (30 + 60) / 2 = 45.
    const steps = {
      type: "steps",
      steps: [
        { min: 9, score: 100 },
        { min: 7.5, score: 60 },
      ],
      else: 10,
    };
    const r = weighted([fixed("A"), { id: "nps", label: "NPS", column: "NPS", score: steps }]);
    expect(planOf(r, { A: 30, NPS: 6.5 }).changes).toEqual([
      { metric: "nps", label: "NPS", column: "NPS", from: 6.5, to: 7.5 },
    ]);
  });

  it("moves in whole units when the cell and the scorer are whole numbers", () => {
    // CSAT 2 of 1..5 scores 25; Yellow needs 2.598, so 3: not 2.6, though the scale is short.
    const r = weighted([{ id: "csat", label: "CSAT", column: "CSAT", score: range(1, 5) }]);
    expect(planOf(r, { CSAT: 2 }).changes).toEqual([
      { metric: "csat", label: "CSAT", column: "CSAT", from: 2, to: 3 },
    ]);
  });

  it("moves in hundredths on a short scale when the cell has decimals", () => {
    // Util 0.5 (tenths) on 0.1..0.8: a tenth is a seventh of the scale, too coarse: hundredths.
    // (3 × 59.9 + 2 × 10) / 5 = 39.95 needs 0.5194 → 0.52.
    const r = weighted([
      { id: "util", label: "Util", column: "Util", weight: 3, score: range(0.1, 0.8) },
      fixed("CSAT", { weight: 2 }),
    ]);
    expect(planOf(r, { Util: 0.5, CSAT: 10 }).changes).toEqual([
      { metric: "util", label: "Util", column: "Util", from: 0.5, to: 0.52 },
    ]);
  });

  it("moves in tenths on a long scale when the cell has tenths", () => {
    // A 2.5 of 0..10 scores 25, B 50: 37.5. Yellow needs A 2.99, written in the cell's tenths: 3.
    const r = weighted([{ id: "a", column: "A", score: range(0, 10) }, fixed("B")]);
    expect(planOf(r, { A: 2.5, B: 50 }).changes).toEqual([
      { metric: "a", label: "A", column: "A", from: 2.5, to: 3 },
    ]);
  });

  it("moves in the hundredths the cell is written in even when the scorer's numbers are whole", () => {
    // (A + 40) / 2 needs A 39.9: the cell's 30.25 allows it; whole numbers would say 40.
    const r = weighted([pct("A"), fixed("B")]);
    expect(planOf(r, { A: 30.25, B: 40 }).changes).toEqual([
      { metric: "A", label: "A", column: "A", from: 30.25, to: 39.9 },
    ]);
  });

  it("counts a number written in exponent form as six decimals", () => {
    // (7 × A + 50) / 8 needs A 38.5142857…: to six decimals, since the cell 1e-7 is that fine.
    const r = weighted([pct("A", { weight: 7 }), fixed("B")]);
    expect(planOf(r, { A: 1e-7, B: 50 }).changes).toEqual([
      { metric: "A", label: "A", column: "A", from: 1e-7, to: 38.514286 },
    ]);
  });
});

describe("plans write a percentage cell back as a percentage, as finely as it was written", () => {
  // Util 0.43 of 0.1..0.8 scores 47.1; CSAT 10: (3 × 47.1 + 2 × 10) / 5 = 32.3, Red. Yellow needs
  // Util 0.519417: 0.52 in hundredths, 0.5195 in the hundredths of a percent.
  const seats = weighted([
    { id: "util", label: "Util", column: "Util", weight: 3, score: range(0.1, 0.8) },
    fixed("CSAT", { weight: 2 }),
  ]);
  const toOf = (util: string) => planOf(seats, { Util: util, CSAT: 10 }).changes.map((c) => c.to);

  it("reads a percentage with spaces around it", () => {
    expect(toOf(" 43% ")).toEqual(["52%"]);
  });

  it("keeps the decimals a percentage was written with", () => {
    expect(toOf("43.00%")).toEqual(["51.95%"]);
    expect(toOf("43.00 %")).toEqual(["51.95%"]);
  });

  it("fills a cell that is not a number (two percent signs) with a plain number", () => {
    // 45%% is unreadable: Util counts as missing, CSAT alone scores 10, and Util is filled in.
    expect(planOf(seats, { Util: "45%%", CSAT: 10 }).changes).toEqual([
      { metric: "util", label: "Util", column: "Util", from: "45%%", to: 0.52 },
    ]);
  });
});

describe("plans weigh each metric as the score does", () => {
  it("leaves a skipped metric out of the mean, so a move counts in full", () => {
    // B is missing and skipped: the score is A's 30, and A → 40 is Yellow.
    for (const actionable of [false, true]) {
      const r = weighted([pct("A"), pct("B", { actionable })], { missing: "skip" });
      expect(planOf(r, { A: 30, B: "" })).toMatchObject({
        changes: [{ metric: "A", from: 30, to: 40 }],
        scoreAfter: 40,
      });
    }
  });

  it("counts a metric missing as zero in the mean", () => {
    // (A + 0) / 2: Yellow needs A 80.
    const r = weighted([pct("A"), fixed("B")], { missing: "zero" });
    expect(planOf(r, { A: 40, B: "" })).toMatchObject({ changes: [{ metric: "A", to: 80 }], scoreAfter: 40 });
  });

  it("counts a metric missing as neutral (50) in the mean", () => {
    // (30 + 50) / 2 = 40, Yellow; Green needs A 90.
    const r = weighted([pct("A"), fixed("B")], { missing: "neutral" });
    expect(planOf(r, { A: 30, B: "" }, "Green")).toMatchObject({
      changes: [{ metric: "A", to: 90 }],
      scoreAfter: 70,
    });
  });

  it("fills a missing metric at its neutral value when that is enough: no move on its scale", () => {
    // CSAT missing counts 0: (60 + 0) / 2 = 30. Written at its neutral 3 it scores 50: (60 + 50) / 2 = 55.
    const r = weighted(
      [
        fixed("A"),
        { id: "csat", label: "CSAT", column: "CSAT", score: { type: "scale", neutral: 3, step: 25 } },
      ],
      { missing: "zero" },
    );
    expect(planOf(r, { A: 60, CSAT: "" })).toMatchObject({
      changes: [{ metric: "csat", from: "", to: 3 }],
      scoreAfter: 55,
    });
  });

  it("fills a skipped metric of levels with the cheapest level that reaches the band", () => {
    // NPS missing: the score is A's 30. At 60 (7 or 8): (30 + 60) / 2 = 45. (This was out of reach:
    // the best score counted a skipped metric's best level as nothing.)
    const r = weighted([
      fixed("A"),
      {
        id: "nps",
        label: "NPS",
        column: "NPS",
        score: {
          type: "steps",
          steps: [
            { min: 9, score: 100 },
            { min: 7, score: 60 },
          ],
          else: 10,
        },
      },
    ]);
    const plan = planOf(r, { A: 30, NPS: "" });
    expect(plan).toMatchObject({ reachable: true, changes: [{ metric: "nps", from: "" }], scoreAfter: 45 });
    // Any value of the level scoring 60 will do (today the plan writes 8, not the step's own 7).
    expect([7, 8]).toContain(plan.changes[0]?.to);
  });

  it("multiplies points by the metric's weight under the points method", () => {
    // 2 × 10 × 1.2 + 5 × 2 = 34; High needs 40: A 1.5 (tenths, as the cell).
    const r = rubric({
      method: "points",
      bands: POINT_BANDS,
      metrics: [
        { id: "a", column: "A", weight: 2, score: { type: "perUnit", points: 10 } },
        { id: "b", column: "B", actionable: false, score: { type: "perUnit", points: 5 } },
      ],
    });
    expect(planOf(r, { A: 1.2, B: 2 })).toMatchObject({
      band: "Mid",
      changes: [{ metric: "a", from: 1.2, to: 1.5 }],
      scoreAfter: 40,
    });
  });
});

describe("plans weigh groups as the score does", () => {
  const grouped = (metrics: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    weighted(metrics, { groups: { Adoption: 1, Service: 1 }, ...extra });

  it("shares the score between groups by their weights, then within a group", () => {
    // (30 + (50 + 50) / 2) / 2 = 40; Green needs Adoption at 89.9 → 90. Without groups it would be
    // out of reach: (100 + 50 + 50) / 3 = 66.7.
    const r = grouped([
      pct("A", { group: "Adoption" }),
      fixed("S1", { group: "Service" }),
      fixed("S2", { group: "Service" }),
    ]);
    expect(planOf(r, { A: 30, S1: 50, S2: 50 }, "Green")).toMatchObject({
      changes: [{ metric: "A", from: 30, to: 90 }],
      scoreAfter: 70,
    });
  });

  it("leaves out a group none of whose metrics has a value, even one counting missing as zero", () => {
    // Service has no value: the score is Adoption's 30, and A → 40 is Yellow (not A → 80).
    const r = grouped([pct("A", { group: "Adoption" }), fixed("S", { group: "Service" })], {
      missing: "zero",
    });
    expect(planOf(r, { A: 30, S: "" })).toMatchObject({
      changes: [{ metric: "A", from: 30, to: 40 }],
      scoreAfter: 40,
    });
  });

  it("counts the zeros of a group's missing metrics once a plan gives the group a value", () => {
    // Only Service's S1 can move: written, it brings in Service at (S1 + 0) / 2, so S1 → 100 for 40.
    const r = grouped(
      [fixed("A", { group: "Adoption" }), pct("S1", { group: "Service" }), fixed("S2", { group: "Service" })],
      { missing: "zero" },
    );
    expect(planOf(r, { A: 30, S1: "", S2: "" })).toMatchObject({
      changes: [{ metric: "S1", from: "", to: 100 }],
      scoreAfter: 40,
    });
  });

  it("leaves out a group whose metrics with a value all weigh 0", () => {
    const r = grouped([pct("A", { group: "Adoption" }), fixed("Z", { group: "Service", weight: 0 })]);
    expect(planOf(r, { A: 30, Z: 80 })).toMatchObject({
      changes: [{ metric: "A", from: 30, to: 40 }],
      scoreAfter: 40,
    });
  });
});

describe("plans move only what can raise the score", () => {
  it("says no metric can be changed when the only actionable metric weighs 0", () => {
    const r = weighted([fixed("A"), pct("Z", { weight: 0 })]);
    expect(planOf(r, { A: 20, Z: 10 }).why).toBe(`${NO_LEVER}, and Yellow starts at 40`);
  });

  it("says no metric can be changed when the actionable ones are at their best", () => {
    const steps = { type: "steps", steps: [{ min: 9, score: 100 }], else: 10 };
    const r = weighted([fixed("A"), pct("B"), { id: "nps", column: "NPS", score: steps }]);
    // (20 + 100 + 100) / 3 = 73.3: Green. From the range's and the steps' best, nothing moves up.
    expect(planOf(r, { A: 0, B: 100, NPS: 9 }, "Green")).toMatchObject({ band: "Yellow", reachable: false });
    expect(planOf(r, { A: 0, B: 100, NPS: 9 }, "Green").why).toBe(`${NO_LEVER}, and Green starts at 70`);
    const single = weighted([fixed("A"), { id: "nps", column: "NPS", score: steps }]);
    expect(planOf(single, { A: 20, NPS: 9 }, "Green").why).toBe(`${NO_LEVER}, and Green starts at 70`);
  });

  it("never fills a missing metric with a level that scores no more than the neutral it counts as", () => {
    const tiers = { type: "map", values: { Bronze: 20, Silver: 40 }, else: 0 };
    const r = weighted([fixed("A"), { id: "tier", column: "Tier", input: "text", score: tiers }], {
      missing: "neutral",
    });
    // (20 + 50) / 2 = 35: Bronze or Silver would only lower it.
    expect(planOf(r, { A: 20, Tier: "" }).why).toBe(`${NO_LEVER}, and Yellow starts at 40`);
  });

  it("writes a boolean metric scored on a range as TRUE, not as a number", () => {
    const r = weighted([
      fixed("A"),
      { id: "sponsor", label: "Sponsor", column: "Sponsor", input: "boolean", score: range(0, 1) },
    ]);
    expect(planOf(r, { A: 30, Sponsor: false }).changes).toEqual([
      { metric: "sponsor", label: "Sponsor", column: "Sponsor", from: false, to: true },
    ]);
  });
});

describe("plans clear the flags that hold a row back", () => {
  const overdue = { id: "overdue", label: "Invoice overdue", column: "Overdue", min: 30 };

  it("clears a flag that subtracts points when no metric can make up for it", () => {
    const r = weighted([fixed("A")], { flags: [{ ...overdue, add: -20 }] });
    const plan = planOf(r, { A: 50, Overdue: 45 });
    expect(plan.changes).toEqual([
      { flag: "overdue", label: "Invoice overdue", column: "Overdue", from: 45, to: 0 },
    ]);
    expect(plan.why).toBe('Clear "Invoice overdue" (\u221220) \u2192 Yellow (50)');
  });

  it("names a flag cleared for its points by its points, though it also caps above the target", () => {
    const r = weighted([fixed("A")], { flags: [{ ...overdue, add: -20, cap: 90 }] });
    expect(planOf(r, { A: 50, Overdue: 45 }).why).toBe(
      'Clear "Invoice overdue" (\u221220) \u2192 Yellow (50)',
    );
  });

  it("moves a metric rather than clear a flag that subtracts points, when one change is enough", () => {
    // 30 − 5 = 25. Clearing the flag gives only 30; A → 45 gives 40 with the flag still on.
    const r = weighted([pct("A")], { flags: [{ ...overdue, add: -5 }] });
    expect(planOf(r, { A: 30, Overdue: 45 })).toMatchObject({
      changes: [{ metric: "A", from: 30, to: 45 }],
      scoreAfter: 40,
    });
  });

  it("clears two capping flags when both fire", () => {
    const r = weighted([pct("A")], {
      flags: [
        { id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 },
        { ...overdue, cap: 39 },
      ],
    });
    const plan = planOf(r, { A: 50, "Champion left": true, Overdue: 45 });
    expect(plan.changes.map((c) => [c.flag, c.to])).toEqual([
      ["champion_left", false],
      ["overdue", 0],
    ]);
    expect(plan.why).toBe(
      'Clear "Champion left" and "Invoice overdue": they cap the score at 39 and 39 \u2192 Yellow (50)',
    );
  });

  it("keeps a floor in the best score a row could reach: only flags that take points away are cleared", () => {
    // At best (3 × 0 + 100) / 4 = 25, floored at 50: short of Green.
    const r = weighted([fixed("A", { weight: 3 }), pct("B")], {
      flags: [{ id: "strategic", label: "Strategic", column: "Strategic", when: true, floor: 50 }],
    });
    expect(planOf(r, { A: 0, B: 0, Strategic: true }, "Green").why).toBe(
      "Out of reach: even with every actionable metric at its best the score would be 50, below Green (from 70)",
    );
  });

  it("counts a flag that adds points in the best score a row could reach", () => {
    // (20 + 100) / 2 + 5 = 65 at best: short of Green.
    const r = weighted([fixed("A"), pct("B")], {
      flags: [{ id: "case_study", label: "Case study", column: "Case study", when: true, add: 5 }],
    });
    expect(planOf(r, { A: 20, B: 0, "Case study": true }, "Green").why).toBe(
      "Out of reach: even with every actionable metric at its best the score would be 65, below Green (from 70)",
    );
  });
});

describe("plans keep whole-number metrics whole", () => {
  it("writes a days-since move as a whole number of days even when the scorer's numbers have halves", () => {
    // 30 days of worst 30.5, best 0.5 scores 1.7; with CSAT 50: 25.8. Yellow needs at most 21.53
    // days: 21, i.e. 2026-11-05 (not a fraction of a day).
    const r = weighted([
      { id: "touch", label: "Last touch", column: "Last touch", input: "daysSince", score: range(30.5, 0.5) },
      fixed("CSAT"),
    ]);
    expect(planOf(r, { "Last touch": "2026-10-27", CSAT: 50 }).changes).toEqual([
      { metric: "touch", label: "Last touch", column: "Last touch", from: "2026-10-27", to: "2026-11-05" },
    ]);
  });

  it("writes a count of a source's rows as a whole number even when the scorer's numbers have halves", () => {
    // 3 logins of 0..12.5 score 24; with CSAT 50: 37. Yellow needs 3.74 logins: 4.
    const r = rubric({
      method: "weighted",
      key: "Account",
      sources: { logins: { sheet: "Logins", key: "Account" } },
      metrics: [
        { id: "logins", label: "Logins", from: { source: "logins", agg: "count" }, score: range(0, 12.5) },
        fixed("CSAT"),
      ],
    });
    const sources: SourceTables = {
      logins: { headers: ["Account"], rows: [["Acme"], ["Acme"], ["Acme"]] },
    };
    const plan = planner(r, ["Account", "CSAT"], { ...OPTIONS, sources }).planRow(["Acme", 50]);
    expect(plan.changes).toEqual([
      { metric: "logins", label: "Logins", column: "count of logins", source: "logins", from: 3, to: 4 },
    ]);
  });
});
