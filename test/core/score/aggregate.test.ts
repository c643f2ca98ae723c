import { describe, expect, it } from "vitest";
import { explain, NO_DATA, NO_DATA_COLOR } from "../../../src/core";
import { pct, rubric, scoreRow } from "../helpers";

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

describe("weighted mean", () => {
  it("is the weighted mean of the metric scores", () => {
    const r = rubric({ metrics: [pct("Usage", { weight: 1 }), pct("NPS", { weight: 3 })] });
    expect(scoreRow(r, { Usage: 100, NPS: 20 }).score).toBe(40);
  });

  it("ignores a metric of weight 0", () => {
    const r = rubric({ metrics: [pct("Usage"), pct("NPS", { weight: 0 })] });
    expect(scoreRow(r, { Usage: 80, NPS: 0 }).score).toBe(80);
  });
});

describe("missing cells under weighted", () => {
  const metrics = (extra: Record<string, unknown> = {}) => [
    pct("Usage", { weight: 1 }),
    pct("NPS", { weight: 3, ...extra }),
  ];
  const row = { Usage: 100, NPS: "" };

  it("skips a missing metric and re-normalises the other weights by default", () => {
    expect(scoreRow(rubric({ metrics: metrics() }), row).score).toBe(100);
    expect(scoreRow(rubric({ missing: "skip", metrics: metrics() }), row).score).toBe(100);
  });

  it('scores a missing metric 0 under missing "zero"', () => {
    expect(scoreRow(rubric({ missing: "zero", metrics: metrics() }), row).score).toBe(25);
  });

  it('scores a missing metric 50 under missing "neutral"', () => {
    expect(scoreRow(rubric({ missing: "neutral", metrics: metrics() }), row).score).toBe(62.5);
  });

  it("lets a metric's own missing policy override the rubric's", () => {
    expect(scoreRow(rubric({ metrics: metrics({ missing: "zero" }) }), row).score).toBe(25);
    expect(scoreRow(rubric({ missing: "zero", metrics: metrics({ missing: "skip" }) }), row).score).toBe(100);
    expect(scoreRow(rubric({ missing: "zero", metrics: metrics({ missing: "neutral" }) }), row).score).toBe(
      62.5,
    );
  });

  it("treats an invalid cell like a missing one under the policy", () => {
    const result = scoreRow(rubric({ missing: "zero", metrics: metrics() }), { Usage: 100, NPS: "great" });
    expect(result.score).toBe(25);
    expect(result.missing).toEqual(["NPS"]);
    expect(result.invalid.map((c) => c.id)).toEqual(["NPS"]);
  });

  it("lists the ids of missing metrics", () => {
    expect(scoreRow(rubric({ metrics: metrics() }), row).missing).toEqual(["NPS"]);
  });
});

describe("missing cells under points", () => {
  const r = rubric({
    method: "points",
    metrics: [
      { id: "years", column: "Years", score: { type: "perUnit", points: 10 } },
      { id: "csat", column: "CSAT", missing: "neutral", score: { type: "scale", neutral: 3, step: 5 } },
      { id: "open", column: "Open tickets", missing: "zero", score: { type: "perUnit", points: -5 } },
    ],
  });

  it("adds 0 points for a missing cell, whatever the metric's missing policy", () => {
    const result = scoreRow(r, { Years: 2, CSAT: "N/A", "Open tickets": "" });
    expect(result.score).toBe(20);
    expect(result.missing).toEqual(["csat", "open"]);
  });
});

describe("a row where every metric is missing", () => {
  it("scores null with band No data under weighted, never a silent 0", () => {
    const r = rubric({ missing: "zero", metrics: [pct("Usage"), pct("NPS")] });
    const result = scoreRow(r, { Usage: "", NPS: "n/a" });
    expect(result.score).toBeNull();
    expect(result.band).toBe(NO_DATA);
    expect(result.band).toBe("No data");
    expect(result.color).toBe(NO_DATA_COLOR);
    expect(result.coverage).toBe(0);
    expect(result.drivers).toEqual([]);
    expect(result.action).toBeUndefined();
    expect(explain(result)).toBe("No data: no metric has a value");
  });

  it("scores null with band No data and no drivers under points", () => {
    const r = rubric({
      method: "points",
      metrics: [{ id: "years", column: "Years", score: { type: "perUnit", points: 10 } }],
    });
    const result = scoreRow(r, { Years: "-" });
    expect(result.score).toBeNull();
    expect(result.band).toBe("No data");
    expect(result.drivers).toEqual([]);
    expect("note" in result).toBe(false);
  });

  it("still reports invalid cells", () => {
    const r = rubric({ metrics: [pct("Usage")] });
    const result = scoreRow(r, { Usage: "lots" });
    expect(result.score).toBeNull();
    expect(explain(result)).toBe('No data: no metric has a value; Usage: "lots" is not a number');
  });
});

describe("groups", () => {
  const r = rubric({
    groups: { Adoption: 40, Financial: 20, Relationship: 40 },
    metrics: [
      pct("Logins", { group: "Adoption", weight: 1 }),
      pct("Seats used", { group: "Adoption", weight: 3 }),
      pct("Payment", { group: "Financial" }),
      pct("NPS", { group: "Relationship" }),
    ],
  });

  it("averages group scores weighted by the group weights", () => {
    // Adoption (100×1 + 0×3)/4 = 25, Financial 50, Relationship 100 → (40×25 + 20×50 + 40×100)/100 = 60.
    expect(scoreRow(r, { Logins: 100, "Seats used": 0, Payment: 50, NPS: 100 }).score).toBe(60);
  });

  it("leaves out a group with no present metric and re-normalises the group weights", () => {
    // (40×25 + 20×50)/60 = 33.33…
    expect(scoreRow(r, { Logins: 100, "Seats used": 0, Payment: 50, NPS: "" }).score).toBe(33.3);
  });

  it("scores a group from its present metrics only", () => {
    // Adoption from Logins alone = 100 → (40×100 + 20×50 + 40×100)/100 = 90.
    expect(scoreRow(r, { Logins: 100, "Seats used": "", Payment: 50, NPS: 100 }).score).toBe(90);
  });

  it("gives a group weight to the group however many metrics it has", () => {
    const two = rubric({
      groups: { A: 1, B: 1 },
      metrics: [
        pct("A1", { group: "A" }),
        pct("A2", { group: "A" }),
        pct("A3", { group: "A" }),
        pct("B1", { group: "B" }),
      ],
    });
    expect(scoreRow(two, { A1: 0, A2: 0, A3: 0, B1: 100 }).score).toBe(50);
  });

  it("are ignored under points", () => {
    const pts = rubric({
      method: "points",
      groups: { A: 90, B: 10 },
      metrics: [
        { id: "a", column: "A", group: "A", score: { type: "perUnit", points: 1 } },
        { id: "b", column: "B", group: "B", score: { type: "perUnit", points: 1 } },
      ],
    });
    expect(scoreRow(pts, { A: 3, B: 4 }).score).toBe(7);
  });
});

describe("coverage", () => {
  const metrics = [pct("Usage", { weight: 1 }), pct("NPS", { weight: 3 })];

  it("is the share of total weight with a usable value", () => {
    const r = rubric({ metrics });
    expect(scoreRow(r, { Usage: 90, NPS: "" }).coverage).toBe(0.25);
    expect(scoreRow(r, { Usage: "", NPS: 10 }).coverage).toBe(0.75);
    expect(scoreRow(r, { Usage: 90, NPS: 10 }).coverage).toBe(1);
    expect(scoreRow(r, { Usage: "", NPS: "" }).coverage).toBe(0);
  });

  it("does not count zero- or neutral-filled missing metrics as covered", () => {
    for (const missing of ["zero", "neutral"]) {
      const result = scoreRow(rubric({ missing, metrics }), { Usage: 90, NPS: "" });
      expect(result.coverage).toBe(0.25);
    }
  });

  it("does not count invalid cells as covered", () => {
    expect(scoreRow(rubric({ metrics }), { Usage: 90, NPS: "lots" }).coverage).toBe(0.25);
  });

  it("is the share of weight under points", () => {
    const r = rubric({
      method: "points",
      metrics: [
        { id: "a", column: "A", weight: 1, score: { type: "perUnit", points: 1 } },
        { id: "b", column: "B", weight: 3, score: { type: "perUnit", points: 1 } },
      ],
    });
    expect(scoreRow(r, { A: 2, B: "" }).coverage).toBe(0.25);
  });

  it("gives no share to a group without metrics", () => {
    const r = rubric({ groups: { A: 1, Empty: 1 }, metrics: [pct("A1", { group: "A" })] });
    const result = scoreRow(r, { A1: 60 });
    expect(result.score).toBe(60);
    expect(result.coverage).toBe(1);
  });

  it("is full when only a metric of weight 0 is missing", () => {
    const r = rubric({ metrics: [pct("Usage"), pct("NPS", { weight: 0 })] });
    expect(scoreRow(r, { Usage: 80, NPS: "" }).coverage).toBe(1);
  });

  it("counts metrics instead of weight when every metric weighs 0, and says the score is 0 whatever the cells", () => {
    const r = rubric({
      method: "points",
      metrics: [
        { id: "a", column: "A", weight: 0, score: { type: "perUnit", points: 1 } },
        { id: "b", column: "B", weight: 0, score: { type: "perUnit", points: 1 } },
      ],
    });
    const result = scoreRow(r, { A: 7, B: "" });
    expect(result.score).toBe(0);
    expect(result.coverage).toBe(0.5);
    expect(result.note).toBe("every metric weighs 0, so the score is 0 whatever the cells");
  });

  it("gives no note under points when only some metrics weigh 0", () => {
    const r = rubric({
      method: "points",
      metrics: [
        { id: "a", column: "A", weight: 1, score: { type: "perUnit", points: 1 } },
        { id: "b", column: "B", weight: 0, score: { type: "perUnit", points: 1 } },
      ],
    });
    const result = scoreRow(r, { A: 7, B: "" });
    expect(result.score).toBe(7);
    expect(result.coverage).toBe(1);
    expect("note" in result).toBe(false);
  });

  it("weighs metrics by their group's weight under groups", () => {
    const r = rubric({
      groups: { A: 1, B: 3 },
      metrics: [pct("A1", { group: "A" }), pct("A2", { group: "A" }), pct("B1", { group: "B" })],
    });
    // A1 carries half of group A's quarter of the weight.
    expect(scoreRow(r, { A1: 50, A2: "", B1: "" }).coverage).toBeCloseTo(0.125, 10);
    expect(scoreRow(r, { A1: "", A2: "", B1: 50 }).coverage).toBeCloseTo(0.75, 10);
  });
});

describe("drivers under weighted", () => {
  const r = rubric({
    metrics: [pct("Usage", { weight: 1 }), pct("NPS", { weight: 2 }), pct("Support", { weight: 1 })],
    flags: [{ id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 }],
  });
  const row = { Usage: 100, NPS: 40, Support: 70, "Champion left": false };

  it("gives each metric an impact of −(weight share × (100 − its score))", () => {
    const result = scoreRow(r, row);
    expect(result.score).toBe(62.5);
    const impact = Object.fromEntries(result.drivers.map((d) => [d.id, d.impact]));
    expect(impact.NPS).toBeCloseTo(-30, 10);
    expect(impact.Support).toBeCloseTo(-7.5, 10);
    expect(impact.Usage).toBeCloseTo(0, 10);
  });

  it("sorts drivers most negative first, carrying label, value and score", () => {
    const result = scoreRow(r, row);
    expect(result.drivers.map((d) => d.id)).toEqual(["NPS", "Support", "Usage"]);
    expect(result.drivers[0]).toMatchObject({ id: "NPS", label: "NPS", value: 40, score: 40 });
  });

  it("has impacts that sum to −(100 − the unflagged score), even when a flag caps the score", () => {
    const result = scoreRow(r, { ...row, "Champion left": true });
    expect(result.score).toBe(39);
    expect(sum(result.drivers.map((d) => d.impact))).toBeCloseTo(-(100 - 62.5), 10);
  });

  it("leaves skipped metrics out and re-spreads their share", () => {
    const result = scoreRow(r, { ...row, Support: "" });
    expect(result.drivers.map((d) => d.id)).toEqual(["NPS", "Usage"]);
    expect(sum(result.drivers.map((d) => d.impact))).toBeCloseTo(-(100 - (result.score ?? 0)), 10);
  });

  it("includes zero-filled missing metrics with a null value", () => {
    const zero = rubric({ missing: "zero", metrics: [pct("Usage"), pct("NPS")] });
    const result = scoreRow(zero, { Usage: 100, NPS: "" });
    expect(result.score).toBe(50);
    expect(result.drivers[0]).toMatchObject({ id: "NPS", value: null, score: 0 });
    expect(result.drivers[0]?.impact).toBeCloseTo(-50, 10);
  });

  it("sums to −(100 − score) across groups", () => {
    const grouped = rubric({
      groups: { A: 3, B: 1 },
      metrics: [pct("A1", { group: "A" }), pct("A2", { group: "A", weight: 2 }), pct("B1", { group: "B" })],
    });
    const result = scoreRow(grouped, { A1: 20, A2: 80, B1: 10 });
    // A = (20 + 160)/3 = 60; overall (3×60 + 10)/4 = 47.5.
    expect(result.score).toBe(47.5);
    expect(sum(result.drivers.map((d) => d.impact))).toBeCloseTo(-52.5, 10);
    const b1 = result.drivers.find((d) => d.id === "B1");
    expect(b1?.impact).toBeCloseTo(-(1 / 4) * 90, 10);
  });
});

describe("drivers under groups", () => {
  it("leave out a group whose missing metrics were only filled in, as the score does", () => {
    const r = rubric({
      missing: "zero",
      groups: { A: 1, B: 1 },
      metrics: [pct("A1", { group: "A" }), pct("B1", { group: "B" })],
    });
    const result = scoreRow(r, { A1: 80, B1: "" });
    expect(result.score).toBe(80);
    expect(result.drivers).toEqual([{ id: "A1", label: "A1", value: 80, score: 80, impact: -20 }]);
  });

  it("leave out a group of weight 0", () => {
    const r = rubric({
      groups: { A: 1, Z: 0 },
      metrics: [pct("A1", { group: "A" }), pct("Z1", { group: "Z" })],
    });
    const result = scoreRow(r, { A1: 60, Z1: 10 });
    expect(result.score).toBe(60);
    expect(result.drivers).toEqual([{ id: "A1", label: "A1", value: 60, score: 60, impact: -40 }]);
  });

  it("leave out a group whose metrics weigh 0", () => {
    const r = rubric({
      groups: { A: 1, B: 1 },
      metrics: [pct("A1", { group: "A" }), pct("B1", { group: "B", weight: 0 })],
    });
    const result = scoreRow(r, { A1: 60, B1: 10 });
    expect(result.score).toBe(60);
    expect(result.coverage).toBe(1);
    expect(result.drivers).toEqual([{ id: "A1", label: "A1", value: 60, score: 60, impact: -40 }]);
  });
});

describe("drivers under points", () => {
  const r = rubric({
    method: "points",
    metrics: [
      { id: "seats", column: "Seats", weight: 2, score: { type: "perUnit", points: 10 } },
      { id: "open", column: "Open tickets", score: { type: "perUnit", points: -5 } },
      { id: "csat", column: "CSAT", score: { type: "scale", neutral: 3, step: 5 } },
    ],
  });

  it("gives each metric its weighted points as impact, most negative first", () => {
    const result = scoreRow(r, { Seats: 3, "Open tickets": 4, CSAT: 2 });
    expect(result.score).toBe(35);
    expect(result.drivers.map((d) => [d.id, d.impact])).toEqual([
      ["open", -20],
      ["csat", -5],
      ["seats", 60],
    ]);
    expect(sum(result.drivers.map((d) => d.impact))).toBe(35);
  });
});
