import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  capped,
  formatProblem,
  type Problem,
  parseRubric,
  problemLines,
  problemsSentence,
  RubricError,
  validateRubric,
} from "../../src/core";
import { anyRubric } from "./arbitraries";
import { RYG_BANDS } from "./helpers";

const metric = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  column: id,
  score: { type: "range", worst: 0, best: 10 },
  ...extra,
});

const find = (problems: Problem[], path: string) =>
  problems.filter((p) => p.path === path).map((p) => p.message);

describe("validateRubric: defaults", () => {
  it("fills in every default", () => {
    const v = validateRubric({
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [{ id: "logins", column: "Logins 30d", score: { type: "range", worst: 0, best: 20 } }],
    });
    expect(v.errors).toEqual([]);
    expect(v.rubric).toEqual({
      version: 1,
      name: "Untitled rubric",
      method: "weighted",
      missing: "skip",
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [
        {
          id: "logins",
          label: "Logins 30d",
          column: "Logins 30d",
          weight: 1,
          input: "number",
          score: { type: "range", worst: 0, best: 20, points: 100 },
        },
      ],
      flags: [],
    });
  });

  it("defaults steps and map else to 0, and a flag's label to its column", () => {
    const v = validateRubric({
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [
        { id: "a", column: "A", score: { type: "steps", steps: [{ min: 1, score: 100 }] } },
        { id: "b", column: "B", input: "text", score: { type: "map", values: { Gold: 100 } } },
      ],
      flags: [{ id: "champion_left", column: "Champion left", when: true, cap: 39 }],
    });
    expect(v.rubric?.metrics[0]?.score).toEqual({ type: "steps", steps: [{ min: 1, score: 100 }], else: 0 });
    expect(v.rubric?.metrics[1]?.score).toEqual({ type: "map", values: { Gold: 100 }, else: 0 });
    expect(v.rubric?.flags[0]?.label).toBe("Champion left");
  });

  it("keeps the given label, weight, input, missing and group", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { Adoption: 1 },
      metrics: [
        metric("logins", {
          label: "Logins",
          group: "Adoption",
          weight: 2.5,
          input: "daysSince",
          missing: "zero",
        }),
      ],
    });
    expect(v.rubric?.metrics[0]).toMatchObject({
      label: "Logins",
      group: "Adoption",
      weight: 2.5,
      input: "daysSince",
      missing: "zero",
    });
  });
});

describe("validateRubric: problems", () => {
  const bad = {
    bands: [
      { label: "Red", color: "#f4c7c3" },
      { label: "Green", from: 70, color: "#b7e1cd" },
      { label: "Yellow", from: 40, color: "#fce8b2" },
      { label: "Amber", from: 40, color: "#fce8b2" },
    ],
    groups: { Adoption: 50, Relationship: 50 },
    metrics: [
      metric("a", { group: "Adoption", score: { type: "linear", from: 0, to: 10 } }),
      metric("b", { group: "Adoption", weight: -1 }),
      metric("c", { group: "Adoption", score: { type: "steps", steps: [{ score: 50 }] } }),
      metric("a", { group: "Relationship" }),
      metric("e", { group: "Finance" }),
    ],
  };
  const v = validateRubric(bad);

  it("returns no rubric when there are errors", () => {
    expect(v.rubric).toBeUndefined();
  });

  it("reports every problem at once, each at its path", () => {
    expect(find(v.errors, "metrics[2].score.steps[0]")).toEqual(["needs min or max"]);
    expect(find(v.errors, "metrics[4].group")).toEqual(['"Finance" is not in groups']);
    expect(find(v.errors, "metrics[3].id")).toEqual(['"a" is used by another metric']);
    expect(find(v.errors, "metrics[1].weight")).toEqual(["must be a number ≥ 0, not -1"]);
    expect(find(v.errors, "metrics[0].score.type")[0]).toMatch(/^unknown scorer type "linear"/);
    expect(find(v.errors, "bands[2].from")[0]).toMatch(/must be above the previous band's from \(70\)/);
    expect(find(v.errors, "bands[3].from")[0]).toMatch(/must be above the previous band's from \(40\)/);
    expect(v.errors).toHaveLength(7);
  });

  it("parseRubric throws one RubricError listing every problem", () => {
    let error: unknown;
    try {
      parseRubric(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RubricError);
    const rubricError = error as RubricError;
    expect(rubricError.problems).toEqual(v.errors);
    expect(rubricError.message).toMatch(/^The rubric has 7 problems: /);
    expect(rubricError.message).toContain("metrics[2].score.steps[0]: needs min or max");
    expect(formatProblem({ path: "", message: "x" })).toBe("x");
  });

  it("rejects something that is not an object", () => {
    expect(validateRubric(null).errors).toHaveLength(1);
    expect(validateRubric([]).errors).toHaveLength(1);
    expect(validateRubric("rubric").rubric).toBeUndefined();
  });

  it("needs bands and metrics", () => {
    const { errors } = validateRubric({});
    expect(errors.map((p) => p.path)).toEqual(["bands", "metrics"]);
  });

  it("rejects a from on the first band and a missing from on a later band", () => {
    const { errors } = validateRubric({
      bands: [
        { label: "Red", from: 0, color: "#f4c7c3" },
        { label: "Green", color: "#b7e1cd" },
      ],
      metrics: [metric("a")],
    });
    expect(errors.map((p) => p.path)).toEqual(["bands[0].from", "bands[1].from"]);
  });

  it("rejects a band labelled No data, duplicate band labels and a bad colour", () => {
    const { errors } = validateRubric({
      bands: [
        { label: "No data", color: "#f4c7c3" },
        { label: "Green", from: 50, color: "green" },
        { label: "green", from: 70, color: "#b7e1cd" },
      ],
      metrics: [metric("a")],
    });
    expect(errors.map((p) => p.path)).toEqual(["bands[0].label", "bands[1].color", "bands[2].label"]);
  });

  it("rejects an unknown method, missing policy and input kind", () => {
    const { errors } = validateRubric({
      method: "average",
      missing: "ignore",
      bands: RYG_BANDS,
      metrics: [metric("a", { input: "date", missing: "drop" })],
    });
    expect(errors.map((p) => p.path)).toEqual([
      "method",
      "missing",
      "metrics[0].input",
      "metrics[0].missing",
    ]);
  });

  it("rejects a bad id, a missing column and a missing scorer", () => {
    const { errors } = validateRubric({
      bands: RYG_BANDS,
      metrics: [
        { id: "logins 30d", column: "Logins", score: { type: "range", worst: 0, best: 1 } },
        { id: "x" },
      ],
    });
    expect(errors.map((p) => p.path)).toEqual(["metrics[0].id", "metrics[1].column", "metrics[1].score"]);
  });

  it("rejects a range whose worst and best are equal, and scorers without their required numbers", () => {
    const { errors } = validateRubric({
      bands: RYG_BANDS,
      metrics: [
        metric("a", { score: { type: "range", worst: 5, best: 5 } }),
        metric("b", { score: { type: "scale", neutral: 3 } }),
        metric("c", { score: { type: "perUnit" } }),
        metric("d", { score: { type: "perUnit", points: 1, cap: -1 } }),
        metric("e", { score: { type: "map", values: {} } }),
      ],
    });
    expect(errors.map((p) => p.path)).toEqual([
      "metrics[0].score",
      "metrics[1].score.step",
      "metrics[2].score.points",
      "metrics[3].score.cap",
      "metrics[4].score.values",
    ]);
  });

  it("rejects a non-map scorer on text input", () => {
    const { errors } = validateRubric({ bands: RYG_BANDS, metrics: [metric("a", { input: "text" })] });
    expect(find(errors, "metrics[0].score.type")).toHaveLength(1);
  });

  it("requires a group on every metric when the rubric has groups", () => {
    const { errors } = validateRubric({ bands: RYG_BANDS, groups: { A: 1 }, metrics: [metric("a")] });
    expect(find(errors, "metrics[0].group")).toEqual(["is required because the rubric has groups"]);
  });

  it("rejects a flag without exactly one condition or without an effect", () => {
    const { errors } = validateRubric({
      bands: RYG_BANDS,
      metrics: [metric("a")],
      flags: [
        { id: "none", column: "X", cap: 39 },
        { id: "two", column: "X", when: true, contains: "x", cap: 39 },
        { id: "no_effect", column: "X", when: true },
        { id: "two", column: "X", min: 5, max: 1, cap: 39 },
      ],
    });
    expect(errors.map((p) => p.path)).toEqual([
      "flags[0]",
      "flags[1]",
      "flags[2]",
      "flags[3].id",
      "flags[3]",
    ]);
  });

  it("rejects segment rubrics with segments of their own, and reports paths inside segments", () => {
    const { errors } = validateRubric({
      bands: RYG_BANDS,
      metrics: [metric("a")],
      segments: {
        column: "Stage",
        rubrics: { Onboarding: { bands: RYG_BANDS, metrics: [metric("a", { weight: -2 })], segments: {} } },
      },
    });
    expect(errors.map((p) => p.path)).toEqual([
      "segments.rubrics.Onboarding.segments",
      "segments.rubrics.Onboarding.metrics[0].weight",
    ]);
  });
});

describe("validateRubric: warnings", () => {
  it("warns when every metric has weight 0", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      metrics: [metric("a", { weight: 0 }), metric("b", { weight: 0 })],
    });
    expect(v.rubric).toBeDefined();
    expect(find(v.warnings, "metrics")).toEqual([
      "every metric has weight 0, so no metric counts and every row scores No data: give the metrics that matter a weight above 0",
    ]);
  });

  it("warns about a steps score above 100 under weighted", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      metrics: [metric("a", { score: { type: "steps", steps: [{ min: 10, score: 150 }] } })],
    });
    expect(v.rubric).toBeDefined();
    expect(find(v.warnings, "metrics[0].score.steps[0].score")).toEqual([
      "150 is outside 0..100: under the weighted method it is clamped to 100",
    ]);
  });

  it("does not warn about large step scores under points", () => {
    const v = validateRubric({
      method: "points",
      bands: RYG_BANDS,
      metrics: [metric("a", { score: { type: "steps", steps: [{ min: 10, score: 150 }] } })],
    });
    expect(v.warnings).toEqual([]);
  });

  it("warns about unknown fields, which are usually typos", () => {
    const v = validateRubric({ bands: RYG_BANDS, metrics: [metric("a", { wieght: 2 })], colour: "red" });
    expect(v.rubric).toBeDefined();
    expect(v.warnings.map((p) => p.path)).toEqual(["metrics[0].wieght", "colour"]);
  });

  it("says which known field an unknown one was probably meant to be", () => {
    const v = validateRubric({ bands: RYG_BANDS, metrics: [metric("a", { wieght: 2 })] });
    expect(v.warnings.map(formatProblem)).toEqual([
      'metrics[0].wieght: unknown field "wieght" is ignored: did you mean "weight"?',
    ]);
  });

  it("warns that a missing policy is ignored under points", () => {
    const v = validateRubric({ method: "points", missing: "zero", bands: RYG_BANDS, metrics: [metric("a")] });
    expect(find(v.warnings, "missing")).toHaveLength(1);
  });

  it("raises no warning about a rubric it validated itself (the defaults it fills in), as the sidebar reads it back", () => {
    for (const file of readdirSync("examples").filter((f) => f.endsWith(".json"))) {
      const rubric = parseRubric(JSON.parse(readFileSync(`examples/${file}`, "utf8")));
      expect(validateRubric(JSON.parse(JSON.stringify(rubric))).warnings, file).toEqual([]);
    }
  });

  it("never warns about a validated rubric more than about the rubric it came from", () => {
    fc.assert(
      fc.property(anyRubric, (json) => {
        const v = validateRubric(json);
        if (!v.rubric) return;
        const again = validateRubric(JSON.parse(JSON.stringify(v.rubric))).warnings.map(formatProblem);
        expect(again.filter((w) => !v.warnings.map(formatProblem).includes(w))).toEqual([]);
      }),
    );
  });

  it("warns about a group without metrics", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { A: 1, B: 1 },
      metrics: [metric("a", { group: "A" })],
    });
    expect(find(v.warnings, "groups.B")).toEqual(["has no metrics and is ignored"]);
  });

  it("warns that a floor above a cap loses", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      metrics: [metric("a")],
      flags: [{ id: "f", column: "F", when: true, floor: 60, cap: 40 }],
    });
    expect(find(v.warnings, "flags[0]")).toEqual(["floor 60 is above cap 40: the cap wins"]);
  });
});

describe("validateRubric: sources", () => {
  const sources = {
    logins: { sheet: "Logins", key: "Account", date: "Date" },
    crm: { key: "Account" },
  };
  const withFrom = (from: unknown, extra: Record<string, unknown> = {}) =>
    validateRubric({
      bands: RYG_BANDS,
      key: "Account",
      sources,
      metrics: [{ id: "m", from, score: { type: "range", worst: 0, best: 10 } }],
      ...extra,
    });
  const messages = (v: { errors: Problem[] }) => v.errors.map(formatProblem);

  it("fills in a source's sheet and a from-metric's label", () => {
    const v = withFrom({ source: "logins", agg: "count", days: 30 }, { sources: { logins: sources.logins } });
    expect(v.errors).toEqual([]);
    expect(v.rubric?.sources?.logins).toEqual({ sheet: "Logins", key: "Account", date: "Date" });
    expect(v.rubric?.metrics[0]).toMatchObject({
      label: "count of logins, last 30 days",
      from: { days: 30 },
    });
    expect(v.rubric?.metrics[0]?.column).toBeUndefined();
    expect(
      validateRubric({ bands: RYG_BANDS, key: "A", sources: { crm: { key: "A" } }, metrics: [metric("x")] })
        .rubric?.sources?.crm?.sheet,
    ).toBe("crm");
  });

  it("names every problem of a from by its path", () => {
    expect(messages(withFrom({ source: "web", agg: "count" }))).toEqual([
      'metrics[0].from.source: "web" is not a source: use one of "logins", "crm"',
    ]);
    expect(messages(withFrom({ source: "crm", agg: "count", days: 30 }))).toEqual([
      "metrics[0].from.days: needs the source's date: give sources.crm.date",
    ]);
    expect(messages(withFrom({ source: "crm", agg: "latest", column: "Plan" }))).toEqual([
      "metrics[0].from.agg: latest needs the source's date: give sources.crm.date",
    ]);
    expect(messages(withFrom({ source: "logins", agg: "sum" }))).toEqual([
      "metrics[0].from.column: is required for sum: the source column it reads",
    ]);
    expect(messages(withFrom({ source: "logins", agg: "count", compare: "previous" }))).toEqual([
      "metrics[0].from.compare: needs days: the window to compare with the one before it",
    ]);
    expect(messages(withFrom({ source: "logins", agg: "count", days: 2.5 }))).toEqual([
      "metrics[0].from.days: must be a whole number of days, not 2.5",
    ]);
    expect(messages(withFrom({ source: "logins", agg: "total" }))).toEqual([
      'metrics[0].from.agg: must be one of "count", "distinct", "sum", "avg", "min", "max", "latest", not "total"',
    ]);
    expect(
      messages(withFrom({ source: "logins", agg: "count", where: [{ column: "S" }, { equals: "x" }] })),
    ).toEqual([
      "metrics[0].from.where[0]: needs exactly one test: equals, in, contains, or min/max",
      "metrics[0].from.where[1].column: is required",
    ]);
  });

  it("wants exactly one of column and from", () => {
    const both = validateRubric({
      bands: RYG_BANDS,
      key: "Account",
      sources,
      metrics: [
        {
          id: "m",
          column: "X",
          from: { source: "logins", agg: "count" },
          score: { type: "perUnit", points: 1 },
        },
      ],
    });
    expect(messages(both)).toContain(
      "metrics[0]: has both column and from: a value is read from a data column or computed from a source, not both",
    );
    const neither = validateRubric({
      bands: RYG_BANDS,
      metrics: [{ id: "m", score: { type: "perUnit", points: 1 } }],
    });
    expect(messages(neither)).toEqual(["metrics[0].column: is required"]);
  });

  it("wants the data's key when anything reads a source, and sources at the top level only", () => {
    expect(messages(withFrom({ source: "logins", agg: "count" }, { key: undefined }))[0]).toMatch(
      /^key: is required/,
    );
    const v = withFrom(
      { source: "logins", agg: "count" },
      {
        segments: {
          column: "Plan",
          rubrics: {
            Free: {
              bands: RYG_BANDS,
              sources,
              metrics: [
                { id: "f", from: { source: "logins", agg: "count" }, score: { type: "perUnit", points: 1 } },
              ],
            },
          },
        },
      },
    );
    expect(messages(v)).toEqual([
      "segments.rubrics.Free.sources: a segment's rubric reads the top-level sources: declare sources there",
    ]);
  });

  it("reads a from written in words, and says what is wrong with words it cannot read", () => {
    expect(withFrom("count of logins, last 30 days").rubric?.metrics[0]?.from).toEqual({
      source: "logins",
      agg: "count",
      days: 30,
    });
    expect(messages(withFrom("count of logins, last month"))).toEqual([
      "metrics[0].from: write the window as “last 30 days”, not “last month”",
    ]);
  });

  it("warns about a source nothing reads", () => {
    const v = withFrom({ source: "logins", agg: "count" });
    expect(v.warnings.map(formatProblem)).toEqual(["sources.crm: is not read by any metric or flag"]);
  });
});

describe("validateRubric: boundaries", () => {
  it("refuses a weight above 1,000,000 or not finite, on a metric or a group", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { A: 2_000_000, B: Number.POSITIVE_INFINITY },
      metrics: [
        metric("a", { group: "A", weight: 1e9 }),
        metric("b", { group: "B", weight: Number.NaN }),
        metric("c", { group: "A", weight: 1_000_000 }),
      ],
    });
    expect(v.rubric).toBeUndefined();
    expect(v.errors.map(formatProblem)).toEqual([
      "groups.A: weight must be at most 1,000,000, not 2,000,000",
      "groups.B: weight must be a number ≥ 0, not Infinity",
      "metrics[0].weight: must be at most 1,000,000, not 1,000,000,000",
      "metrics[1].weight: must be a number, not NaN",
    ]);
  });

  it.each(["constructor", "__proto__", "hasOwnProperty", "toString"])(
    "refuses %j as a group or segment name",
    (name) => {
      const groups = JSON.parse(`{${JSON.stringify(name)}: 1}`);
      const rubrics = JSON.parse(
        `{${JSON.stringify(name)}: ${JSON.stringify({ bands: RYG_BANDS, metrics: [metric("a")] })}}`,
      );
      const v = validateRubric({
        bands: RYG_BANDS,
        groups,
        metrics: [metric("a", { group: name })],
        segments: { column: "Segment", rubrics },
      });
      const message = `"${name}" cannot be a group name: JavaScript reserves it; choose another name`;
      expect(find(v.errors, `groups.${name}`)).toEqual([message]);
      expect(find(v.errors, `segments.rubrics.${name}`)).toEqual([message.replace("group", "segment")]);
    },
  );

  it("accepts names that merely resemble reserved ones", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { Constructor: 1, proto: 1 },
      metrics: [metric("a", { group: "Constructor" }), metric("b", { group: "proto" })],
    });
    expect(v.errors).toEqual([]);
  });

  it("warns about a band from that no weighted score can reach", () => {
    const v = validateRubric({
      bands: [{ label: "Low" }, { label: "Mid", from: -10 }, { label: "Top", from: 120 }],
      metrics: [metric("a")],
    });
    expect(v.rubric).toBeDefined();
    expect(find(v.warnings, "bands[1].from")).toEqual([
      '-10 is below 0: every weighted score reaches it, so the bands below "Mid" are never used',
    ]);
    expect(find(v.warnings, "bands[2].from")).toEqual([
      '120 is above 100, which no weighted score reaches, so "Top" is never used',
    ]);
    const points = validateRubric({
      method: "points",
      bands: [{ label: "Low" }, { label: "Mid", from: -10 }, { label: "Top", from: 120 }],
      metrics: [metric("a")],
    });
    expect(points.warnings).toEqual([]);
  });

  it("warns that cap: null is no cap, and refuses a flag whose only effect is null", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      metrics: [metric("a")],
      flags: [
        { id: "f", column: "F", when: true, add: 5, cap: null },
        { id: "g", column: "G", when: true, cap: null },
      ],
    });
    expect(find(v.warnings, "flags[0].cap")).toEqual([
      "is null, which is no cap at all: give a number or remove it",
    ]);
    expect(find(v.errors, "flags[1]")).toEqual(["needs an effect: cap, floor or add"]);
  });

  it("warns about map keys only a missing cell could hold", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      metrics: [
        metric("a", {
          input: "text",
          score: { type: "map", values: { Gold: 100, "N/A": 50, "-": 10, "—": 5, "#N/A": 1 } },
        }),
      ],
    });
    expect(v.rubric).toBeDefined();
    expect(v.warnings.map((w) => w.path)).toEqual([
      "metrics[0].score.values.N/A",
      "metrics[0].score.values.-",
      "metrics[0].score.values.—",
      "metrics[0].score.values.#N/A",
    ]);
    expect(v.warnings[0]?.message).toBe(
      '"N/A" never matches: a cell holding it is missing, and counts by the missing policy instead',
    );
  });

  it("says what a group weighing 0 does", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { A: 1, B: 0, C: 1 },
      metrics: [
        metric("a", { group: "A" }),
        metric("b", { group: "B" }),
        metric("c", { group: "C", weight: 0 }),
      ],
    });
    expect(find(v.warnings, "groups.B")).toEqual([
      "has weight 0, so its metrics never count toward the score (they still show when missing)",
    ]);
    expect(find(v.warnings, "groups.C")).toEqual([
      "every metric in it has weight 0, so the group never counts toward the score",
    ]);
  });
});

describe("long lists of problems are capped", () => {
  it('shows the first 20, then "…and 9,990 more"', () => {
    const problems = Array.from({ length: 10_010 }, (_, i) => ({
      path: `metrics[${i}]`,
      message: "is wrong",
    }));
    const lines = problemLines(problems);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe("metrics[0]: is wrong");
    expect(lines.at(-1)).toBe("…and 9,990 more");
    expect(problemsSentence("The rubric", problems)).toMatch(
      /^The rubric has 10,010 problems: metrics\[0\]: is wrong; .*; …and 9,990 more\.$/,
    );
    expect(capped(["a", "b"], 2)).toEqual(["a", "b"]);
  });

  it("answers a rubric nested 100,000 levels deep with one problem", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const v = validateRubric({ bands: RYG_BANDS, metrics: [metric("a", { label: deep })] });
    expect(v.errors).toHaveLength(1);
    expect(v.errors[0]?.message).toBe(
      "is nested more than 32 levels deep, which no rubric is: check that this is the rubric you meant",
    );
  });
});

describe("reserved names as source names", () => {
  it("refuses a source named toString, which a lookup would otherwise find on every object", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      key: "Account",
      sources: { toString: { sheet: "Logins", key: "Account" } },
      metrics: [
        { id: "a", from: { source: "toString", agg: "count" }, score: { type: "range", worst: 0, best: 10 } },
      ],
    });
    expect(find(v.errors, "sources.toString")).toEqual([
      '"toString" cannot be a source name: JavaScript reserves it; choose another name',
    ]);
  });
});

describe("validateRubric with the data's headers", () => {
  const headers = ["Account", "Seat utilisation", "Champion left", "Segment"];
  const json = {
    key: "Acount",
    bands: RYG_BANDS,
    metrics: [metric("a", { column: "Seat utilization" })],
    flags: [{ id: "f", column: "Champion gone", when: true, cap: 39 }],
    segments: { column: "segment", rubrics: { Onboarding: { bands: RYG_BANDS, metrics: [metric("x")] } } },
  };

  it("makes every column the headers lack an error that names the closest header", () => {
    const v = validateRubric(json, { headers });
    expect(v.rubric).toBeUndefined();
    expect(v.errors.map(formatProblem)).toEqual([
      'key: "Acount" is not a column of the data: did you mean "Account"?',
      'metrics[0].column: "Seat utilization" is not a column of the data: did you mean "Seat utilisation"?',
      'flags[0].column: "Champion gone" is not a column of the data: pick one of its columns, or add this one to the header row',
      'segments.rubrics.Onboarding.metrics[0].column: "x" is not a column of the data: pick one of its columns, or add this one to the header row',
    ]);
  });

  it("makes a column the headers name twice an error, as scoring refuses it", () => {
    const fine = {
      ...json,
      key: "Account",
      metrics: [metric("a", { column: "Seat utilisation" })],
      flags: [{ id: "f", column: "Champion left", when: true, cap: 39 }],
      segments: undefined,
    };
    const v = validateRubric(fine, { headers: [...headers, "account", " Seat utilisation "] });
    expect(v.errors.map(formatProblem)).toEqual([
      'key: "Account" is in columns A and E of the data: rename all but one of them',
      'metrics[0].column: "Seat utilisation" is in columns B and F of the data: rename all but one of them',
    ]);
  });

  it("checks no column without headers, as for a rubric file on its own", () => {
    expect(validateRubric(json).errors).toEqual([]);
  });
});

describe("validateRubric with the sources' headers", () => {
  const json = {
    key: "Account",
    sources: {
      logins: { key: "Acount", date: "Login date" },
      tickets: { key: "Account", date: "Opened" },
    },
    bands: RYG_BANDS,
    metrics: [
      metric("l", { column: undefined, from: { source: "logins", agg: "count", days: 30 } }),
      metric("s", {
        column: undefined,
        from: {
          source: "logins",
          agg: "sum",
          column: "Minutes",
          where: [{ column: "Devise", equals: "Mobile" }],
        },
      }),
      metric("t", { column: undefined, from: { source: "tickets", agg: "count" } }),
    ],
  };
  const sourceHeaders = { logins: ["Account", "Login day", "Device"] };

  it("makes every column a given source lacks an error naming that source and its closest header", () => {
    const v = validateRubric(json, { headers: ["Account"], sourceHeaders });
    expect(v.rubric).toBeUndefined();
    expect(v.errors.map(formatProblem)).toEqual([
      'sources.logins.key: "Acount" is not a column of source "logins": did you mean "Account"?',
      'sources.logins.date: "Login date" is not a column of source "logins": did you mean "Login day"?',
      'metrics[1].from.column: "Minutes" is not a column of source "logins": pick one of its columns, or add this one to the header row',
      'metrics[1].from.where[0].column: "Devise" is not a column of source "logins": did you mean "Device"?',
    ]);
  });

  it("checks no source whose headers are not given, and no column a count ignores", () => {
    const counted = {
      ...json,
      metrics: [{ ...json.metrics[0], from: { source: "tickets", agg: "count", column: "Nope" } }],
    };
    const v = validateRubric(counted, { sourceHeaders: { tickets: ["Account", "Opened"] } });
    expect(v.errors).toEqual([]);
    expect(v.warnings.map(formatProblem)).toContain("metrics[0].from.column: is ignored: count counts rows");
  });
});

describe("validateRubric: each problem in the words a person reads", () => {
  const errorsOf = (json: Record<string, unknown>) => validateRubric(json).errors.map(formatProblem);
  const warningsOf = (json: Record<string, unknown>) => validateRubric(json).warnings.map(formatProblem);

  it("says what a rubric must be when it is not an object", () => {
    expect(validateRubric(null).errors).toEqual([
      { path: "", message: "a rubric must be a JSON object with bands and metrics" },
    ]);
  });

  it("fills in no field the rubric leaves out: no key, sources, segments, groups, action, group or missing", () => {
    const v = validateRubric({
      bands: [{ label: "Red" }],
      metrics: [{ id: "a", column: "A", score: { type: "perUnit", points: 1 } }],
    });
    expect(v.rubric).toStrictEqual({
      version: 1,
      name: "Untitled rubric",
      method: "weighted",
      missing: "skip",
      bands: [{ label: "Red", color: "#b7e1cd" }],
      metrics: [
        {
          id: "a",
          label: "A",
          column: "A",
          weight: 1,
          input: "number",
          score: { type: "perUnit", points: 1 },
        },
      ],
      flags: [],
    });
  });

  it("keeps a band's action", () => {
    expect(validateRubric({ bands: RYG_BANDS, metrics: [metric("a")] }).rubric?.bands[0]).toStrictEqual({
      label: "Red",
      color: "#f4c7c3",
      action: "Call within 48 h",
    });
  });

  it("gives bands without a colour Sheets' red to green, spread over their number", () => {
    const colors = (n: number) =>
      validateRubric({
        bands: Array.from({ length: n }, (_, i) =>
          i === 0 ? { label: "B0" } : { label: `B${i}`, from: i * 10 },
        ),
        metrics: [metric("a")],
      }).rubric?.bands.map((b) => b.color);
    expect(colors(1)).toEqual(["#b7e1cd"]);
    expect(colors(2)).toEqual(["#e6b8af", "#b7e1cd"]);
    expect(colors(3)).toEqual(["#f4c7c3", "#fce8b2", "#b7e1cd"]);
    expect(colors(5)).toEqual(["#e6b8af", "#f4c7c3", "#fce8b2", "#d9ead3", "#b7e1cd"]);
  });

  it("shows a wrong value as written: text in quotes, an object or list as JSON", () => {
    expect(
      errorsOf({
        bands: RYG_BANDS,
        metrics: [
          metric("a", { weight: 'say "ten"' }),
          metric("b", { weight: {} }),
          metric("c", { weight: [1, 2] }),
        ],
      }),
    ).toEqual([
      'metrics[0].weight: must be a number, not "say "ten""',
      "metrics[1].weight: must be a number, not {}",
      "metrics[2].weight: must be a number, not [1,2]",
    ]);
  });

  it("refuses a version other than 1", () => {
    expect(errorsOf({ version: 2, bands: RYG_BANDS, metrics: [metric("a")] })).toEqual([
      "version: must be 1 (this is rubric format v1), not 2",
    ]);
  });

  it("takes null and blank text as absent, and text with spaces only as blank", () => {
    const v = validateRubric({
      name: null,
      method: "",
      missing: null,
      bands: RYG_BANDS,
      metrics: [metric("a", { weight: "", label: "  ", input: null })],
    });
    expect(v.errors).toEqual([]);
    expect(v.rubric).toMatchObject({ name: "Untitled rubric", method: "weighted", missing: "skip" });
    expect(v.rubric?.metrics[0]).toMatchObject({ label: "a", weight: 1, input: "number" });
    expect(
      errorsOf({
        bands: RYG_BANDS,
        metrics: [
          metric("a", { id: "  " }),
          metric("b", { id: null }),
          metric("c", { score: { type: "range", worst: "", best: 10 } }),
        ],
      }),
    ).toEqual([
      "metrics[0].id: is required",
      "metrics[1].id: is required",
      "metrics[2].score.worst: is required and must be a number",
    ]);
  });

  it("wants text where text belongs", () => {
    expect(errorsOf({ name: 5, bands: RYG_BANDS, metrics: [metric("a", { column: true })] })).toEqual([
      "name: must be text, not 5",
      "metrics[0].column: must be text, not true",
    ]);
  });

  it("says which field an unknown one might be, and nothing more when none is close", () => {
    expect(warningsOf({ bands: RYG_BANDS, metrics: [metric("a")], colour: "red" })).toEqual([
      'colour: unknown field "colour" is ignored',
    ]);
  });

  it("refuses a reserved group name written with spaces around it, naming it trimmed", () => {
    expect(
      errorsOf({
        bands: RYG_BANDS,
        groups: { " toString ": 1, A: 1 },
        metrics: [metric("a", { group: "A" })],
      }),
    ).toEqual([
      'groups. toString : "toString" cannot be a group name: JavaScript reserves it; choose another name',
    ]);
  });

  it("names a group without a name, and groups that are not an object", () => {
    expect(
      errorsOf({ bands: RYG_BANDS, groups: { " ": 1, A: 1 }, metrics: [metric("a", { group: "A" })] }),
    ).toEqual(["groups. : a group needs a name"]);
    expect(errorsOf({ bands: RYG_BANDS, groups: ["A"], metrics: [metric("a", { group: "A" })] })).toEqual([
      'groups: must be an object of group name → weight, like { "Adoption": 40 }',
    ]);
  });

  it("refuses a metric that is not an object, and does not then call every metric weightless", () => {
    const v = validateRubric({ bands: RYG_BANDS, metrics: ["logins"] });
    expect(v.errors.map(formatProblem)).toEqual([
      "metrics[0]: must be an object with id, column (or from) and score",
    ]);
    expect(v.warnings).toEqual([]);
    expect(errorsOf({ bands: RYG_BANDS, metrics: [] })).toEqual(["metrics: needs at least one metric"]);
  });

  it("says what is wrong with a metric's id and actionable", () => {
    expect(
      errorsOf({
        bands: RYG_BANDS,
        metrics: [
          { column: "A", score: { type: "range", worst: 0, best: 1 } },
          metric("logins 30d"),
          metric("b", { actionable: "no" }),
        ],
      }),
    ).toEqual([
      "metrics[0].id: is required",
      'metrics[1].id: "logins 30d" may hold only letters, digits and _',
      'metrics[2].actionable: must be true or false, not "no"',
    ]);
  });
});

describe("validateRubric: bands, word for word", () => {
  const errorsOf = (bands: unknown, method = "weighted") =>
    validateRubric({ method, bands, metrics: [metric("a")] }).errors.map(formatProblem);

  it("needs at least one band, each an object with a label", () => {
    expect(errorsOf([])).toEqual(["bands: needs at least one band, listed from low to high"]);
    expect(errorsOf(["Red"])).toEqual(["bands[0]: must be an object with label, from and color"]);
    expect(errorsOf([{ color: "#f4c7c3" }])).toEqual(["bands[0].label: is required"]);
  });

  it("says why a label, a from or a colour is refused", () => {
    expect(
      errorsOf([
        { label: "No data", from: 0 },
        { label: "Green", from: 50, color: "green" },
        { label: "green", from: 70 },
        { label: "Gold" },
      ]),
    ).toEqual([
      'bands[0].label: "No data" is reserved for rows with no data',
      "bands[0].from: must be blank on the first band: it takes every score below the next band",
      'bands[1].color: must be a colour like "#b7e1cd", not "green"',
      'bands[2].label: "green" is used by another band',
      "bands[3].from: is required on every band after the first",
    ]);
  });

  it("refuses a later band whose from is null or blank, which would never be used", () => {
    expect(
      errorsOf([{ label: "Red" }, { label: "Yellow", from: null }, { label: "Green", from: "" }]),
    ).toEqual([
      "bands[1].from: is required on every band after the first",
      "bands[2].from: is required on every band after the first",
    ]);
  });

  it("names a from that is not a number once, and still orders the bands around it", () => {
    expect(
      errorsOf([
        { label: "Red" },
        { label: "Amber", from: 50 },
        { label: "Yellow", from: "forty" },
        { label: "Green", from: 40 },
      ]),
    ).toEqual([
      'bands[2].from: must be a number, not "forty"',
      "bands[3].from: must be above the previous band's from (50): list bands from low to high",
    ]);
  });

  it("names the band a from out of 0..100 leaves unused, even one without a label", () => {
    const v = validateRubric({
      bands: [{ label: "Low" }, { from: -5 }, { from: 120 }],
      metrics: [metric("a")],
    });
    expect(v.warnings.map(formatProblem)).toEqual([
      'bands[1].from: -5 is below 0: every weighted score reaches it, so the bands below "" are never used',
      'bands[2].from: 120 is above 100, which no weighted score reaches, so "" is never used',
    ]);
  });
});

describe("validateRubric: top level, word for word", () => {
  const fromMetric = {
    id: "m",
    from: { source: "logins", agg: "count" },
    score: { type: "perUnit", points: 1 },
  };
  const sources = { logins: { key: "Account" } };

  it("reads a rubric without a key against the data's headers", () => {
    const v = validateRubric(
      { bands: RYG_BANDS, metrics: [metric("a", { column: "A" })] },
      { headers: ["A", "B"] },
    );
    expect(v.errors).toEqual([]);
    expect(v.rubric?.metrics[0]?.column).toBe("A");
  });

  it("does not ask for the key again when the key given is wrong", () => {
    expect(
      validateRubric({ bands: RYG_BANDS, key: 5, sources, metrics: [fromMetric] }).errors.map(formatProblem),
    ).toEqual(["key: must be text, not 5"]);
  });

  it("asks for the key when sources are read, whatever else is wrong", () => {
    expect(validateRubric({ bands: [], sources, metrics: [fromMetric] }).errors.map(formatProblem)).toEqual([
      "bands: needs at least one band, listed from low to high",
      'key: is required because metrics read sources: name the data\'s column naming each account, like "Account"',
    ]);
  });

  it("returns no rubric when only the key is wrong", () => {
    const v = validateRubric({ bands: RYG_BANDS, key: 5, metrics: [metric("a")] });
    expect(v.errors.map(formatProblem)).toEqual(["key: must be text, not 5"]);
    expect(v.rubric).toBeUndefined();
  });

  it("checks no source column when a from names no source, even with a source called undefined", () => {
    const v = validateRubric(
      {
        bands: RYG_BANDS,
        key: "Account",
        sources: { undefined: { key: "Account" } },
        metrics: [
          { id: "m", from: { agg: "sum", column: "Minutes" }, score: { type: "perUnit", points: 1 } },
        ],
      },
      { sourceHeaders: { undefined: ["Account"] } },
    );
    expect(v.errors.map(formatProblem)).toEqual(["metrics[0].from.source: is required"]);
  });

  it("refuses only what is nested more than 32 levels deep, at its path", () => {
    const deeper = (levels: number) =>
      validateRubric({ bands: RYG_BANDS, metrics: [metric("a")], notes: nestedList(levels) });
    expect(deeper(32).errors).toEqual([]);
    expect(deeper(33).errors).toEqual([
      {
        path: `notes${"[0]".repeat(32)}`,
        message:
          "is nested more than 32 levels deep, which no rubric is: check that this is the rubric you meant",
      },
    ]);
  });

  it("parseRubric's error says every problem in one sentence, without the final full stop", () => {
    let error: unknown;
    try {
      parseRubric({ bands: RYG_BANDS, metrics: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RubricError);
    expect((error as RubricError).name).toBe("RubricError");
    expect((error as RubricError).message).toBe(
      "The rubric has 1 problem: metrics: needs at least one metric",
    );
  });
});

/** A list nested `levels` deep: [[…[1]…]]. */
function nestedList(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

describe("validateRubric: methods, groups and weights", () => {
  it("warns about a missing policy under points only, saying why", () => {
    expect(
      validateRubric({
        method: "points",
        missing: "zero",
        bands: RYG_BANDS,
        metrics: [metric("a")],
      }).warnings.map(formatProblem),
    ).toEqual(["missing: is ignored under the points method: a missing cell always adds 0 points"]);
    expect(validateRubric({ missing: "zero", bands: RYG_BANDS, metrics: [metric("a")] }).warnings).toEqual(
      [],
    );
  });

  it("under points, says groups are ignored, and neither wants nor judges a metric's group", () => {
    const v = validateRubric({
      method: "points",
      bands: RYG_BANDS,
      groups: { A: 1, B: 0 },
      metrics: [metric("a")],
    });
    expect(v.errors).toEqual([]);
    expect(v.warnings.map(formatProblem)).toEqual([
      "groups: groups apply to the weighted method only; under points they are ignored",
    ]);
  });

  it("under points, says a rubric whose metrics all weigh 0 scores 0", () => {
    expect(
      validateRubric({
        method: "points",
        bands: RYG_BANDS,
        metrics: [metric("a", { weight: 0 })],
      }).warnings.map(formatProblem),
    ).toEqual([
      "metrics: every metric has weight 0, so every row scores 0 whatever its cells: give the metrics that matter a weight above 0",
    ]);
  });

  it("says once that every group weighs 0, not group by group", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { A: 0, B: 0 },
      metrics: [metric("a", { group: "A" }), metric("b", { group: "B" })],
    });
    expect(v.warnings.map(formatProblem)).toEqual([
      "groups: every group has weight 0, so no metric counts and every row scores No data: give the groups that matter a weight above 0",
    ]);
  });

  it("counts a group whose weight is refused (below 0 or above 1,000,000) as weighing 0", () => {
    for (const bad of [-1, 2_000_000]) {
      const v = validateRubric({
        bands: RYG_BANDS,
        groups: { A: bad, B: 0 },
        metrics: [metric("a", { group: "A" }), metric("b", { group: "B" })],
      });
      expect(v.errors).toHaveLength(1);
      expect(v.warnings.map(formatProblem)).toEqual([
        "groups: every group has weight 0, so no metric counts and every row scores No data: give the groups that matter a weight above 0",
      ]);
    }
  });

  it("does not call a group weightless when only some of its metrics weigh 0", () => {
    const v = validateRubric({
      bands: RYG_BANDS,
      groups: { A: 1 },
      metrics: [metric("a", { group: "A", weight: 0 }), metric("b", { group: "A" })],
    });
    expect(v.warnings).toEqual([]);
  });
});
