/** Edge cases found in review: each once made the core misbehave. */
import { describe, expect, it } from "vitest";
import { explain, scorecard, scoreNonBlank, scoreTable, validateRubric } from "../../../src/core";
import { OPTIONS, pct, RYG_BANDS, rubric, scoreRow } from "../helpers";

const errorsOf = (json: Record<string, unknown>) => validateRubric({ bands: RYG_BANDS, ...json }).errors;

describe("bad cells never throw", () => {
  it("reads an invalid Date as an invalid cell, for every input and for map scorers", () => {
    const r = rubric({
      metrics: [
        pct("A"),
        { id: "b", column: "B", score: { type: "map", values: { x: 100 } } },
        { id: "c", column: "C", input: "daysSince", score: { type: "range", worst: 30, best: 0 } },
      ],
    });
    const result = scoreRow(r, { A: 50, B: new Date(Number.NaN), C: new Date(Number.NaN) });
    expect(result.score).toBe(50);
    expect(result.invalid.map((i) => i.reason)).toEqual(["is not a valid date", "is not a valid date"]);
  });

  it("says which date sits in a number column", () => {
    const r = rubric({ metrics: [pct("A")] });
    const result = scoreRow(r, { A: new Date("2026-11-01T00:00:00Z") });
    expect(explain(result)).toContain('A: "2026-11-01" is a date, not a number');
  });

  it("refuses numbers too large to be real instead of overflowing the score", () => {
    const r = rubric({
      method: "points",
      metrics: [{ id: "a", column: "A", score: { type: "perUnit", points: 10 } }],
    });
    const result = scoreRow(r, { A: "1e400" });
    expect(result.score).toBeNull();
    expect(result.band).toBe("No data");
  });
});

describe("points that overflow", () => {
  const overflow = "the points add up beyond what a score can hold: check the rubric's points and weights";
  const r = rubric({
    method: "points",
    metrics: [{ id: "a", column: "A", score: { type: "perUnit", points: 1e300 } }],
    flags: [
      { id: "cap", column: "Cap", when: true, cap: 39 },
      { id: "bonus", column: "Bonus", when: true, add: 1e308 },
    ],
  });

  it("score null with a note, even when a cap flag fires", () => {
    const result = scoreRow(r, { A: 1e15, Cap: true, Bonus: false });
    expect(result.score).toBeNull();
    expect(result.band).toBe("No data");
    expect(result.note).toBe(overflow);
  });

  it("score null with a note when a flag's add overflows them", () => {
    const result = scoreRow(r, { A: 1.5e8, Cap: false, Bonus: true });
    expect(result.score).toBeNull();
    expect(result.note).toBe(overflow);
    expect(scoreRow(r, { A: 1, Cap: false, Bonus: false }).score).toBe(1e300);
  });
});

describe("how a metric reads its cell", () => {
  it("finds a number cell invalid for a boolean metric, as text or as a number", () => {
    const r = rubric({
      metrics: [{ id: "a", column: "A", input: "boolean", score: { type: "range", worst: 0, best: 1 } }],
    });
    for (const cell of [5, "5"]) {
      const result = scoreRow(r, { A: cell });
      expect(result.score).toBeNull();
      expect(result.invalid.map((i) => i.reason)).toEqual([
        '"5" is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)',
      ]);
    }
    expect(scoreRow(r, { A: "yes" }).score).toBe(100);
  });

  it("maps the days since a date, not the date's text, for a daysSince map", () => {
    const r = rubric({
      metrics: [
        { id: "a", column: "A", input: "daysSince", score: { type: "map", values: { "25": 100 }, else: 10 } },
      ],
    });
    expect(scoreRow(r, { A: "2026-11-01" }).score).toBe(100);
    expect(scoreRow(r, { A: "2026-11-02" }).score).toBe(10);
  });

  it("matches a number cell to the key that reads as the same number for a text map", () => {
    const r = rubric({
      metrics: [{ id: "a", column: "A", input: "text", score: { type: "map", values: { "10%": 100 } } }],
    });
    expect(scoreRow(r, { A: 0.1 }).score).toBe(100);
    expect(scoreRow(r, { A: "10%" }).score).toBe(100);
  });
});

describe("scoring a sheet's range", () => {
  const r = rubric({ metrics: [pct("A")] });
  const card = scorecard(r, ["A", "B"], OPTIONS);

  it("scores the filled rows in place and leaves blank rows undefined, the tail too", () => {
    const results = scoreNonBlank(card, [
      [50, ""],
      ["", null],
      [80, "x"],
      ["", ""],
    ]);
    expect(results).toHaveLength(4);
    expect(results.map((x) => x?.score)).toEqual([50, undefined, 80, undefined]);
    expect(scoreNonBlank(card, [[30, ""]]).map((x) => x?.band)).toEqual(["Red"]);
  });

  it("has no source report when the rubric reads no source", () => {
    expect(card.sourceReport()).toBeUndefined();
  });
});

describe("validation judges what it read", () => {
  it("rejects a flag whose only condition is blank", () => {
    const flag = { id: "f", column: "A", cap: 39 };
    for (const blank of [{ contains: "" }, { contains: "   " }, { min: null }]) {
      expect(
        errorsOf({ metrics: [pct("A")], flags: [{ ...flag, ...blank }] }).map((e) => e.message),
      ).toContain("needs exactly one condition: when, contains, or min/max");
    }
  });

  it("rejects a blank when", () => {
    const errors = errorsOf({ metrics: [pct("A")], flags: [{ id: "f", column: "A", when: " ", cap: 39 }] });
    expect(errors).toContainEqual({
      path: "flags[0].when",
      message: 'must be true, false, a number or text, not " "',
    });
  });

  it("rejects a step whose only bound is null", () => {
    const errors = errorsOf({
      metrics: [{ id: "a", column: "A", score: { type: "steps", steps: [{ min: null, score: 5 }] } }],
    });
    expect(errors).toContainEqual({ path: "metrics[0].score.steps[0]", message: "needs min or max" });
  });

  it("does not take inherited names such as toString for groups", () => {
    const errors = errorsOf({ groups: { A: 1 }, metrics: [pct("A", { group: "toString" })] });
    expect(errors).toContainEqual({
      path: "metrics[0].group",
      message: '"toString" cannot be a group name: JavaScript reserves it; choose another name',
    });
  });

  it("reports a segment's group warnings at the segment's path", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      metrics: [pct("A")],
      segments: {
        column: "S",
        rubrics: {
          On: { bands: RYG_BANDS, groups: { G: 1, Empty: 1 }, metrics: [pct("A", { group: "G" })] },
        },
      },
    });
    expect(v.warnings).toContainEqual({
      path: "segments.rubrics.On.groups.Empty",
      message: "has no metrics and is ignored",
    });
  });

  it("gives bands without a colour Sheets' red, yellow and green", () => {
    const v = validateRubric({
      bands: [{ label: "Low" }, { label: "Mid", from: 40 }, { label: "High", from: 70 }],
      metrics: [pct("A")],
    });
    expect(v.rubric?.bands.map((b) => b.color)).toEqual(["#f4c7c3", "#fce8b2", "#b7e1cd"]);
  });
});

describe("weighted scores stay within 0..100", () => {
  it("clamps a floor above 100 and a cap below 0, and warns about both", () => {
    const json = { metrics: [pct("A")], flags: [{ id: "hi", column: "A", min: 0, floor: 150 }] };
    expect(scoreRow(rubric(json), { A: 50 }).score).toBe(100);
    expect(validateRubric({ bands: RYG_BANDS, ...json }).warnings).toContainEqual({
      path: "flags[0].floor",
      message: "150 is outside 0..100, where weighted scores stay",
    });
    const capped = rubric({ metrics: [pct("A")], flags: [{ id: "lo", column: "A", min: 0, cap: -5 }] });
    expect(scoreRow(capped, { A: 50 }).score).toBe(0);
  });
});

describe("explanations", () => {
  it("rounds impacts half away from zero, as scores are", () => {
    const r = rubric({ metrics: [pct("A"), pct("B"), pct("C"), pct("D")] });
    // Each metric holds a quarter of the weight: A at 10 costs 22.5 points.
    expect(explain(scoreRow(r, { A: 10, B: 100, C: 100, D: 100 }))).toBe("A 10 (−23)");
  });
});

describe("dates in flags and segments", () => {
  it("read a Date cell as the day the spreadsheet shows, in its time zone", () => {
    const r = rubric({
      metrics: [pct("A")],
      flags: [{ id: "renewal_day", column: "Renewal", when: "2026-11-02", cap: 50 }],
    });
    const [result] = scoreTable(r, ["A", "Renewal"], [[90, new Date("2026-11-01T23:30:00Z")]], {
      asOf: "2026-11-26",
      timeZone: "Europe/Berlin",
    });
    expect(result?.flags.map((f) => f.id)).toEqual(["renewal_day"]);
    expect(result?.score).toBe(50);
  });
});
