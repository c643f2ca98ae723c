import { describe, expect, it } from "vitest";
import { explain, flagEffect, formatValue, signed } from "../../src/core";
import { ALL_ZERO_POINTS_NOTE, ZERO_WEIGHT_NOTE } from "../../src/core/score";
import { pct, rubric, scoreRow } from "./helpers";

const MINUS = "\u2212";

describe("signed", () => {
  it("writes whole numbers with a real minus sign or a plus", () => {
    expect(signed(-18)).toBe(`${MINUS}18`);
    expect(signed(-17.6)).toBe(`${MINUS}18`);
    expect(signed(4)).toBe("+4");
    expect(signed(0)).toBe("0");
    expect(signed(-0.2)).toBe("0");
  });
});

describe("formatValue", () => {
  it("shows numbers to at most two decimals, text quoted, missing as missing", () => {
    expect(formatValue(3)).toBe("3");
    expect(formatValue(0.4567)).toBe("0.46");
    expect(formatValue("Gold")).toBe('"Gold"');
    expect(formatValue(null)).toBe("missing");
  });
});

describe("flagEffect", () => {
  it("lists add, floor and cap", () => {
    expect(flagEffect({ id: "c", label: "c", cap: 39 })).toBe("cap 39");
    expect(flagEffect({ id: "a", label: "a", add: 10 })).toBe("+10");
    expect(flagEffect({ id: "a", label: "a", add: -5, floor: 20, cap: 60 })).toBe(
      `${MINUS}5, floor 20, cap 60`,
    );
  });
});

describe("explain", () => {
  const r = rubric({
    metrics: [
      {
        id: "logins",
        column: "Logins 30d",
        weight: 3,
        score: {
          type: "steps",
          steps: [
            { min: 20, score: 100 },
            { min: 1, score: 40 },
          ],
        },
      },
      { id: "nps", column: "NPS", weight: 7, score: { type: "range", worst: 0, best: 10 } },
    ],
    flags: [
      { id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 },
      { id: "case_study", label: "Case study", column: "Case study", when: true, add: 10 },
    ],
  });
  const row = { "Logins 30d": 3, NPS: 10, "Champion left": false, "Case study": false };

  it("names the metric pulling the score down with its value and cost", () => {
    const result = scoreRow(r, row);
    // Logins scores 40 with a 0.3 share: 0.3 × 60 = 18 points lost.
    expect(result.score).toBe(82);
    expect(explain(result)).toBe(`Logins 30d 3 (${MINUS}18)`);
  });

  it("lists fired flags with their effect", () => {
    const result = scoreRow(r, { ...row, "Champion left": true, "Case study": true });
    expect(explain(result)).toBe(
      `Logins 30d 3 (${MINUS}18); flag: Champion left (cap 39); flag: Case study (+10)`,
    );
  });

  it("says why a cell could not be read", () => {
    const result = scoreRow(r, { ...row, "Logins 30d": "lots" });
    expect(explain(result)).toBe('Logins 30d: "lots" is not a number');
  });

  it("leaves out metrics that cost nothing", () => {
    expect(explain(scoreRow(r, { ...row, "Logins 30d": 25 }))).toBe("");
  });

  it("lists at most topN drivers, most costly first", () => {
    const many = rubric({ metrics: [pct("A"), pct("B"), pct("C"), pct("D")] });
    const result = scoreRow(many, { A: 92, B: 12, C: 52, D: 32 });
    expect(explain(result)).toBe(`B 12 (${MINUS}22); D 32 (${MINUS}17); C 52 (${MINUS}12)`);
    expect(explain(result, 1)).toBe(`B 12 (${MINUS}22)`);
  });

  it("says why a row has no score, and what the weights did to a row that has one", () => {
    expect(explain(scoreRow(r, { ...row, "Logins 30d": "", NPS: "" }))).toBe(
      "No data: no metric has a value",
    );
    const zero = rubric({ metrics: [{ ...pct("A"), weight: 0 }] });
    expect(explain(scoreRow(zero, { A: 50 }))).toBe(`No data: ${ZERO_WEIGHT_NOTE}`);
    const allZero = rubric({
      method: "points",
      metrics: [{ id: "a", column: "A", weight: 0, score: { type: "perUnit", points: 1 } }],
    });
    expect(explain(scoreRow(allZero, { A: 5 }))).toBe(ALL_ZERO_POINTS_NOTE);
  });

  it("shows points and text values under points", () => {
    const pts = rubric({
      method: "points",
      metrics: [
        { id: "open", column: "Open tickets", score: { type: "perUnit", points: -5 } },
        {
          id: "tier",
          column: "Tier",
          input: "text",
          score: { type: "map", values: { Gold: 10, Basic: -4 } },
        },
      ],
    });
    expect(explain(scoreRow(pts, { "Open tickets": 2, Tier: " Basic " }))).toBe(
      `Open tickets 2 (${MINUS}10); Tier "Basic" (${MINUS}4)`,
    );
  });
});
