import { describe, expect, it } from "vitest";
import { bandFor, roundScore } from "../../../src/core";
import { pct, RYG_BANDS, rubric, scoreRow } from "../helpers";

describe("bands", () => {
  const r = rubric({ metrics: [pct("Health")] });
  const bandOf = (health: number) => scoreRow(r, { Health: health }).band;

  it("puts a score exactly at a band's from in that band", () => {
    expect(bandOf(40)).toBe("Yellow");
    expect(bandOf(70)).toBe("Green");
  });

  it("puts a score just below a from in the band beneath", () => {
    expect(bandOf(39.9)).toBe("Red");
    expect(bandOf(69.9)).toBe("Yellow");
  });

  it("puts scores below every from in the first band", () => {
    expect(bandOf(0)).toBe("Red");
  });

  it("finds the band on the rounded score: 69.96 rounds to 70.0 and is Green", () => {
    const result = scoreRow(r, { Health: 69.96 });
    expect(result.score).toBe(70);
    expect(result.band).toBe("Green");
    expect(bandOf(69.94)).toBe("Yellow");
    expect(bandOf(39.95)).toBe("Yellow");
  });

  it("gives the band's colour and action", () => {
    const red = scoreRow(r, { Health: 10 });
    expect(red.color).toBe("#f4c7c3");
    expect(red.action).toBe("Call within 48 h");
    const green = scoreRow(r, { Health: 90 });
    expect(green.color).toBe("#b7e1cd");
    expect(green.action).toBeUndefined();
  });

  it("bandFor picks the last band whose from the score reaches", () => {
    expect(bandFor(RYG_BANDS, 100)?.label).toBe("Green");
    expect(bandFor(RYG_BANDS, 55)?.label).toBe("Yellow");
    expect(bandFor(RYG_BANDS, -20)?.label).toBe("Red");
    expect(bandFor(RYG_BANDS, null)).toBeUndefined();
  });
});

describe("rounding", () => {
  it("rounds to one decimal", () => {
    expect(roundScore(33.333)).toBe(33.3);
    expect(roundScore(66.666)).toBe(66.7);
    expect(roundScore(50)).toBe(50);
  });

  it("rounds halves away from zero", () => {
    expect(roundScore(40.05)).toBe(40.1);
    expect(roundScore(0.15)).toBe(0.2);
    expect(roundScore(-2.25)).toBe(-2.3);
    expect(roundScore(-0.05)).toBe(-0.1);
  });

  it("rounds a raw weighted 40.05 to 40.1", () => {
    const r = rubric({ metrics: [pct("Health")] });
    expect(scoreRow(r, { Health: 40.05 }).score).toBe(40.1);
  });

  it("rounds a raw points −2.25 to −2.3", () => {
    const r = rubric({
      method: "points",
      metrics: [{ id: "x", column: "X", score: { type: "perUnit", points: -0.75 } }],
    });
    expect(scoreRow(r, { X: 3 }).score).toBe(-2.3);
  });

  it("rounds 0 to 0, not −0, as the SQL export does", () => {
    expect(Object.is(roundScore(0), 0)).toBe(true);
    expect(Object.is(roundScore(-0.04), -0)).toBe(true);
  });

  it("never reports −0", () => {
    const r = rubric({
      method: "points",
      metrics: [{ id: "x", column: "X", score: { type: "perUnit", points: -0.01 } }],
    });
    expect(Object.is(scoreRow(r, { X: 3 }).score, 0)).toBe(true);
  });
});
