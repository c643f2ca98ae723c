/** validateRubric on a metric's scorer and on flags: every problem, word for word, at its path. */
import { describe, expect, it } from "vitest";
import { formatProblem, type Method, type Validation, validateRubric } from "../../src/core";
import { pct, RYG_BANDS, rubric, scoreRow } from "./helpers";

/** Validates a rubric whose one metric, on column "A", is scored by `score`. */
const withScorer = (score: unknown, opts: { method?: Method; input?: string } = {}): Validation =>
  validateRubric({
    bands: RYG_BANDS,
    method: opts.method,
    metrics: [pct("A", { score, input: opts.input })],
  });

/** Validates a rubric of one plain metric and these flags. */
const withFlags = (flags: unknown, method?: Method): Validation =>
  validateRubric({ bands: RYG_BANDS, method, metrics: [pct("A")], flags });

const errors = (v: Validation) => v.errors.map(formatProblem);
const warnings = (v: Validation) => v.warnings.map(formatProblem);

describe("a metric's scorer", () => {
  it("asks for a scorer, naming the types, when a metric has none", () => {
    expect(errors(withScorer(undefined))).toEqual([
      "metrics[0].score: needs a scorer: an object with a type (steps, range, map, scale, perUnit)",
    ]);
  });

  it("names the scorer types when the type is unknown or not text", () => {
    expect(errors(withScorer({ type: "linear" }))).toEqual([
      'metrics[0].score.type: unknown scorer type "linear": use one of steps, range, map, scale, perUnit',
    ]);
    expect(errors(withScorer({ type: 5 }))).toEqual([
      "metrics[0].score.type: unknown scorer type 5: use one of steps, range, map, scale, perUnit",
    ]);
  });

  it("says a text metric needs a map scorer", () => {
    expect(errors(withScorer({ type: "range", worst: 0, best: 10 }, { input: "text" }))).toEqual([
      'metrics[0].score.type: a range scorer needs a number; with input "text" use a map scorer',
    ]);
  });

  it("warns that a weighted score below 0 is clamped to 0 and one above 100 to 100, not 0 or 100 themselves", () => {
    const v = withScorer({
      type: "steps",
      steps: [
        { min: 10, score: -10 },
        { min: 5, score: 0 },
        { min: 1, score: 100 },
      ],
      else: 120,
    });
    expect(v.rubric).toBeDefined();
    expect(warnings(v)).toEqual([
      "metrics[0].score.steps[0].score: -10 is outside 0..100: under the weighted method it is clamped to 0",
      "metrics[0].score.else: 120 is outside 0..100: under the weighted method it is clamped to 100",
    ]);
  });
});

describe("steps scorer", () => {
  it("needs at least one step", () => {
    const message = "metrics[0].score.steps: needs at least one step like { min: 10, score: 100 }";
    expect(errors(withScorer({ type: "steps", steps: [] }))).toEqual([message]);
    expect(errors(withScorer({ type: "steps" }))).toEqual([message]);
    expect(errors(withScorer({ type: "steps", steps: { min: 1, score: 100 } }))).toEqual([message]);
  });

  it("wants each step to be an object", () => {
    expect(errors(withScorer({ type: "steps", steps: [5, { min: 1, score: 100 }] }))).toEqual([
      "metrics[0].score.steps[0]: must be an object with min and/or max, and score",
    ]);
  });

  it("requires each step's score", () => {
    expect(errors(withScorer({ type: "steps", steps: [{ min: 1 }] }))).toEqual([
      "metrics[0].score.steps[0].score: is required and must be a number",
    ]);
  });

  it("does not also ask for min or max when a bound was given but is not a number", () => {
    expect(errors(withScorer({ type: "steps", steps: [{ min: "ten", score: 50 }] }))).toEqual([
      'metrics[0].score.steps[0].min: must be a number, not "ten"',
    ]);
    expect(errors(withScorer({ type: "steps", steps: [{ max: true, score: 50 }] }))).toEqual([
      "metrics[0].score.steps[0].max: must be a number, not true",
    ]);
  });

  it("names both problems of a step with neither a bound nor a score", () => {
    expect(errors(withScorer({ type: "steps", steps: [{}] }))).toEqual([
      "metrics[0].score.steps[0].score: is required and must be a number",
      "metrics[0].score.steps[0]: needs min or max",
    ]);
    expect(errors(withScorer({ type: "steps", steps: [{ min: null, score: "high" }] }))).toEqual([
      'metrics[0].score.steps[0].score: must be a number, not "high"',
      "metrics[0].score.steps[0]: needs min or max",
    ]);
  });

  it("refuses a step whose min is above its max, and accepts one whose min equals its max", () => {
    expect(errors(withScorer({ type: "steps", steps: [{ min: 10, max: 5, score: 100 }] }))).toEqual([
      "metrics[0].score.steps[0]: min 10 is above max 5",
    ]);
    expect(errors(withScorer({ type: "steps", steps: [{ min: 5, max: 5, score: 100 }] }))).toEqual([]);
  });

  it("keeps each step's bounds as given, no others, and the else", () => {
    const v = withScorer({
      type: "steps",
      steps: [
        { min: 10, score: 100 },
        { max: 2, score: 0 },
        { min: 3, max: 9, score: 50 },
      ],
      else: 20,
    });
    expect(v.rubric?.metrics[0]?.score).toStrictEqual({
      type: "steps",
      steps: [
        { min: 10, score: 100 },
        { max: 2, score: 0 },
        { min: 3, max: 9, score: 50 },
      ],
      else: 20,
    });
  });
});

describe("range scorer", () => {
  it("requires worst and best, and names nothing else when both are missing", () => {
    expect(errors(withScorer({ type: "range" }))).toEqual([
      "metrics[0].score.worst: is required and must be a number",
      "metrics[0].score.best: is required and must be a number",
    ]);
  });

  it("refuses a worst equal to the best", () => {
    expect(errors(withScorer({ type: "range", worst: 5, best: 5 }))).toEqual([
      "metrics[0].score: worst and best are both 5: they must differ",
    ]);
  });

  it("warns that points other than 100 mean nothing under the weighted method", () => {
    expect(warnings(withScorer({ type: "range", worst: 0, best: 10, points: 50 }))).toEqual([
      "metrics[0].score.points: is used under the points method only; weighted ranges run 0..100",
    ]);
    expect(warnings(withScorer({ type: "range", worst: 0, best: 10, points: 100 }))).toEqual([]);
    const points = withScorer({ type: "range", worst: 0, best: 10, points: 50 }, { method: "points" });
    expect(warnings(points)).toEqual([]);
    expect(points.rubric?.metrics[0]?.score).toStrictEqual({ type: "range", worst: 0, best: 10, points: 50 });
  });
});

describe("map scorer", () => {
  const map = (values: unknown, extra: Record<string, unknown> = {}) =>
    withScorer({ type: "map", values, ...extra }, { input: "text" });

  it("needs at least one entry", () => {
    expect(errors(map({}))).toEqual([
      'metrics[0].score.values: needs at least one entry like { "Gold": 100 }',
    ]);
  });

  it("wants every value to be a number", () => {
    expect(errors(map({ Gold: 100, Silver: "high" }))).toEqual([
      'metrics[0].score.values.Silver: must be a number, not "high"',
    ]);
  });

  it("refuses two keys that match the same cells, as matching ignores case and spaces", () => {
    expect(errors(map({ Gold: 100, " GOLD ": 50 }))).toEqual([
      'metrics[0].score.values. GOLD : " GOLD " matches another entry (matching ignores case and spaces)',
    ]);
  });

  it("keeps keys that only upper-casing would merge, as a cell is matched lower-cased", () => {
    const v = map({ Straße: 100, STRASSE: 50 });
    expect(errors(v)).toEqual([]);
    const r = rubric({
      metrics: [
        pct("Street", { input: "text", score: { type: "map", values: { Straße: 100, STRASSE: 50 } } }),
      ],
    });
    expect(scoreRow(r, { Street: "strasse" }).score).toBe(50);
    expect(scoreRow(r, { Street: "STRAßE" }).score).toBe(100);
  });

  it("refuses the key __proto__, which no lookup can match", () => {
    expect(errors(map(JSON.parse('{ "__proto__": 100, "Gold": 50 }')))).toEqual([
      'metrics[0].score.values.__proto__: "__proto__" cannot be matched',
    ]);
  });

  it("keeps the else, and warns when a weighted else is outside 0..100", () => {
    expect(map({ Gold: 100 }, { else: 10 }).rubric?.metrics[0]?.score).toStrictEqual({
      type: "map",
      values: { Gold: 100 },
      else: 10,
    });
    expect(warnings(map({ Gold: 100 }, { else: 150 }))).toEqual([
      "metrics[0].score.else: 150 is outside 0..100: under the weighted method it is clamped to 100",
    ]);
  });
});

describe("scale and perUnit scorers", () => {
  it("requires a scale's neutral", () => {
    expect(errors(withScorer({ type: "scale", step: 5 }))).toEqual([
      "metrics[0].score.neutral: is required and must be a number",
    ]);
  });

  it("warns that a perUnit cap of null is no cap, and keeps no cap", () => {
    const v = withScorer({ type: "perUnit", points: 10, cap: null }, { method: "points" });
    expect(warnings(v)).toEqual([
      "metrics[0].score.cap: is null, which is no cap at all: give a number or remove it",
    ]);
    expect(v.rubric?.metrics[0]?.score).toStrictEqual({ type: "perUnit", points: 10 });
    const capped = withScorer({ type: "perUnit", points: 10, cap: 30 }, { method: "points" });
    expect(capped.rubric?.metrics[0]?.score).toStrictEqual({ type: "perUnit", points: 10, cap: 30 });
  });
});

describe("flags", () => {
  it("wants a list of flags, each an object", () => {
    expect(errors(withFlags({ id: "churn", column: "X", when: true, cap: 39 }))).toEqual([
      "flags: must be a list of flags",
    ]);
    expect(errors(withFlags(["champion_left"]))).toEqual([
      "flags[0]: must be an object with id, column, a condition and an effect",
    ]);
  });

  it("requires an id of letters, digits and _, used by one flag only", () => {
    expect(errors(withFlags([{ column: "X", when: true, cap: 39 }]))).toEqual(["flags[0].id: is required"]);
    expect(errors(withFlags([{ id: "champion left", column: "X", when: true, cap: 39 }]))).toEqual([
      'flags[0].id: "champion left" may hold only letters, digits and _',
    ]);
    expect(
      errors(
        withFlags([
          { id: "f", column: "X", when: true, cap: 39 },
          { id: "f", column: "Y", when: true, cap: 39 },
        ]),
      ),
    ).toEqual(['flags[1].id: "f" is used by another flag']);
  });

  it("takes when: null as no condition at all", () => {
    const v = withFlags([{ id: "acquired", column: "Risk tags", when: null, contains: "acquired", cap: 39 }]);
    expect(errors(v)).toEqual([]);
    expect(v.rubric?.flags).toStrictEqual([
      { id: "acquired", label: "Risk tags", column: "Risk tags", contains: "acquired", cap: 39 },
    ]);
  });

  it("wants when to be true, false, a number or text, and then asks for no other condition", () => {
    expect(errors(withFlags([{ id: "f", column: "X", when: {}, cap: 39 }]))).toEqual([
      "flags[0].when: must be true, false, a number or text, not {}",
    ]);
    expect(errors(withFlags([{ id: "f", column: "X", when: ["yes"], cap: 39 }]))).toEqual([
      'flags[0].when: must be true, false, a number or text, not ["yes"]',
    ]);
  });

  it("refuses a min above the max, and accepts a min equal to the max", () => {
    expect(errors(withFlags([{ id: "f", column: "X", min: 5, max: 1, cap: 39 }]))).toEqual([
      "flags[0]: min 5 is above max 1",
    ]);
    expect(errors(withFlags([{ id: "f", column: "X", min: 5, max: 5, cap: 39 }]))).toEqual([]);
  });

  it("does not also ask for an effect when the one given is not a number", () => {
    expect(errors(withFlags([{ id: "f", column: "X", when: true, cap: "39" }]))).toEqual([
      'flags[0].cap: must be a number, not "39"',
    ]);
  });

  it("keeps the conditions and effects given, and no others", () => {
    const v = withFlags([
      { id: "overdue", column: "Days overdue", min: 30, add: -10 },
      { id: "small", column: "Seats", max: 5, floor: 10 },
      { id: "champion", column: "Champion", when: "yes", cap: 39 },
    ]);
    expect(v.rubric?.flags).toStrictEqual([
      { id: "overdue", label: "Days overdue", column: "Days overdue", min: 30, add: -10 },
      { id: "small", label: "Seats", column: "Seats", max: 5, floor: 10 },
      { id: "champion", label: "Champion", column: "Champion", when: "yes", cap: 39 },
    ]);
  });

  it("warns about a weighted floor or cap outside 0..100, but not at 0 or 100, nor under points", () => {
    expect(
      warnings(
        withFlags([
          { id: "f", column: "X", when: true, floor: -5 },
          { id: "g", column: "X", when: true, cap: 150 },
        ]),
      ),
    ).toEqual([
      "flags[0].floor: -5 is outside 0..100, where weighted scores stay",
      "flags[1].cap: 150 is outside 0..100, where weighted scores stay",
    ]);
    expect(warnings(withFlags([{ id: "f", column: "X", when: true, floor: 0, cap: 100 }]))).toEqual([]);
    expect(
      warnings(withFlags([{ id: "f", column: "X", when: true, floor: -5, cap: 150 }], "points")),
    ).toEqual([]);
  });

  it("warns only about a floor above the cap, not below or equal to it, nor without both", () => {
    expect(warnings(withFlags([{ id: "f", column: "X", when: true, floor: 60, cap: 40 }]))).toEqual([
      "flags[0]: floor 60 is above cap 40: the cap wins",
    ]);
    expect(warnings(withFlags([{ id: "f", column: "X", when: true, floor: 10, cap: 40 }]))).toEqual([]);
    expect(warnings(withFlags([{ id: "f", column: "X", when: true, floor: 40, cap: 40 }]))).toEqual([]);
    expect(warnings(withFlags([{ id: "f", column: "X", when: true, cap: 40 }]))).toEqual([]);
    expect(warnings(withFlags([{ id: "f", column: "X", when: true, floor: 60 }]))).toEqual([]);
  });
});
