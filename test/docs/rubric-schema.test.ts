/**
 * docs/rubric.schema.json against the core's validator: every rubric the validator accepts, the
 * schema accepts; every invalid rubric below, both refuse. The last list is what only the validator
 * can judge (orders, uniqueness, references), held here so that the schema's limits are on record.
 */
import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateRubric } from "../../src/core";
import { anyRubric } from "../core/arbitraries";

const schema = JSON.parse(readFileSync("docs/rubric.schema.json", "utf8"));
const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictTuples: false });
const matchesSchema = ajv.compile(schema);
const schemaErrors = (rubric: unknown) =>
  matchesSchema(rubric) ? [] : (matchesSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const examples = readdirSync("examples")
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(readFileSync(`examples/${f}`, "utf8"))] as const);

const band = (label: string, from?: number) => (from === undefined ? { label } : { label, from });
const metric = (extra: Record<string, unknown> = {}) => ({
  id: "nps",
  column: "NPS",
  score: { type: "range", worst: 0, best: 10 },
  ...extra,
});
const flag = (extra: Record<string, unknown>) => ({ id: "champion_left", column: "Champion left", ...extra });
/** A small valid rubric with one part replaced. */
const rubric = (extra: Record<string, unknown> = {}) => ({
  bands: [band("Red"), band("Green", 50)],
  metrics: [metric()],
  ...extra,
});

/** A rubric whose one metric counts rows of a logins source (with `from` and `column` given). */
const withLogins = (
  sources: Record<string, unknown> = { logins: { sheet: "Logins", key: "Account", date: "Date" } },
  from: Record<string, unknown> = { source: "logins", agg: "count", days: 30 },
  column?: string,
) =>
  rubric({
    key: "Account",
    sources,
    metrics: [{ id: "logins", from, column, score: { type: "range", worst: 0, best: 60 } }],
  });

describe("the rubric JSON Schema", () => {
  it("is a valid draft 2020-12 schema with no keyword unknown to it (Ajv's strictSchema)", () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it.each(examples)("accepts the starter rubric %s, which the validator accepts", (_, json) => {
    expect(validateRubric(json).errors).toEqual([]);
    expect(schemaErrors(json)).toEqual([]);
  });

  it("accepts any rubric the validator accepts, as the validator writes it back", () => {
    fc.assert(
      fc.property(anyRubric, (valid) => {
        expect(schemaErrors(valid)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts sources, and metrics and flags computed from them, as the validator does", () => {
    const withSources = rubric({
      key: "Account",
      sources: { logins: { key: "Account", date: "Date" } }, // sheet: defaults to the name
      metrics: [
        {
          id: "logins_30d",
          from: { source: "logins", agg: "count", days: 30 },
          score: { type: "range", worst: 0, best: 60 },
        },
        {
          id: "last_login",
          input: "daysSince",
          from: {
            source: "logins",
            agg: "latest",
            column: "Date",
            where: [{ column: "Kind", in: ["web", "app"] }],
          },
          score: { type: "range", worst: 60, best: 0 },
        },
      ],
      flags: [
        flag({
          column: undefined,
          from: { source: "logins", agg: "count", days: 7, compare: "previous" },
          max: -50,
          cap: 39,
        }),
      ],
    });
    const json = JSON.parse(JSON.stringify(withSources));
    expect(validateRubric(json).errors).toEqual([]);
    expect(schemaErrors(json)).toEqual([]);
  });

  it("accepts sources that nothing reads yet, without the data's key, as the validator does", () => {
    const unused = rubric({ sources: { logins: { sheet: "Logins", key: "Account" } } });
    expect(validateRubric(unused).errors).toEqual([]);
    expect(schemaErrors(unused)).toEqual([]);
  });

  // Each is refused by the validator (an error, not a warning) and by the schema.
  const invalid: [string, unknown][] = [
    ["a rubric that is not an object", []],
    ["no bands", rubric({ bands: [] })],
    ["no metrics", rubric({ metrics: [] })],
    ["version 2", rubric({ version: 2 })],
    ["an unknown method", rubric({ method: "average" })],
    ["an unknown missing policy", rubric({ missing: "ignore" })],
    ["a first band with from", rubric({ bands: [band("Red", 0), band("Green", 50)] })],
    ["a later band without from", rubric({ bands: [band("Red"), band("Green")] })],
    ["a band without a label", rubric({ bands: [{ from: 0 }] })],
    ["a band labelled No data", rubric({ bands: [band("no data")] })],
    ["a colour that is not #rgb or #rrggbb", rubric({ bands: [{ label: "Red", color: "red" }] })],
    ["a metric id with a space", rubric({ metrics: [metric({ id: "net promoter" })] })],
    ["a metric without a column", rubric({ metrics: [metric({ column: undefined })] })],
    ["a metric without a scorer", rubric({ metrics: [metric({ score: undefined })] })],
    ["a weight given as text", rubric({ metrics: [metric({ weight: "3" })] })],
    ["a negative weight", rubric({ metrics: [metric({ weight: -1 })] })],
    ["an unknown input", rubric({ metrics: [metric({ input: "date" })] })],
    ["an unknown scorer type", rubric({ metrics: [metric({ score: { type: "curve" } })] })],
    ["a text metric scored by a range", rubric({ metrics: [metric({ input: "text" })] })],
    ["a range without best", rubric({ metrics: [metric({ score: { type: "range", worst: 0 } })] })],
    [
      "a step without min or max",
      rubric({ metrics: [metric({ score: { type: "steps", steps: [{ score: 100 }] } })] }),
    ],
    ["steps without any step", rubric({ metrics: [metric({ score: { type: "steps", steps: [] } })] })],
    ["a map without values", rubric({ metrics: [metric({ score: { type: "map", values: {} } })] })],
    [
      "a map value given as text",
      rubric({ metrics: [metric({ score: { type: "map", values: { Gold: "100" } } })] }),
    ],
    ["a scale without its step", rubric({ metrics: [metric({ score: { type: "scale", neutral: 3 } })] })],
    [
      "a perUnit with a negative cap",
      rubric({ metrics: [metric({ score: { type: "perUnit", points: 5, cap: -1 } })] }),
    ],
    ["a metric without a group when there are groups", rubric({ groups: { Adoption: 1 } })],
    [
      "a negative group weight",
      rubric({ groups: { Adoption: -1 }, metrics: [metric({ group: "Adoption" })] }),
    ],
    [
      "a group weight above 1,000,000",
      rubric({ groups: { Adoption: 1e7 }, metrics: [metric({ group: "Adoption" })] }),
    ],
    ["a metric weight above 1,000,000", rubric({ metrics: [metric({ weight: 1_000_001 })] })],
    [
      "a group named constructor",
      rubric({ groups: { constructor: 1 }, metrics: [metric({ group: "constructor" })] }),
    ],
    [
      "a segment named __proto__ (a key JSON.parse keeps as its own)",
      rubric({
        segments: { column: "Segment", rubrics: JSON.parse(`{"__proto__": ${JSON.stringify(rubric())}}`) },
      }),
    ],
    ["a flag without a condition", rubric({ flags: [flag({ cap: 39 })] })],
    ["a flag with two conditions", rubric({ flags: [flag({ when: true, min: 1, cap: 39 })] })],
    ["a flag without an effect", rubric({ flags: [flag({ when: true })] })],
    ["a flag without a column", rubric({ flags: [{ id: "x", when: true, cap: 39 }] })],
    ["flags that are not a list", rubric({ flags: { champion_left: { when: true } } })],
    ["segments without rubrics", rubric({ segments: { column: "Segment", rubrics: {} } })],
    ["segments without a column", rubric({ segments: { rubrics: { Onboarding: rubric() } } })],
    [
      "a segment rubric with segments of its own",
      rubric({
        segments: {
          column: "Segment",
          rubrics: { Onboarding: rubric({ segments: { column: "x", rubrics: {} } }) },
        },
      }),
    ],
    [
      "a metric reading a source without the data's key",
      rubric({
        sources: { logins: { sheet: "Logins", key: "Account" } },
        metrics: [metric({ column: undefined, from: { source: "logins", agg: "count" } })],
      }),
    ],
    ["a source without its key", withLogins({ logins: { sheet: "Logins", date: "Date" } })],
    ["a source name with a space", withLogins({ "web logins": { key: "Account", date: "Date" } })],
    ["an unknown aggregate", withLogins(undefined, { source: "logins", agg: "median", column: "Date" })],
    ["a sum without its column", withLogins(undefined, { source: "logins", agg: "sum" })],
    ["compare without days", withLogins(undefined, { source: "logins", agg: "count", compare: "previous" })],
    [
      "a metric with both column and from",
      withLogins(undefined, { source: "logins", agg: "count" }, "Logins"),
    ],
  ];

  it.each(invalid)("refuses %s, as the validator does", (_, json) => {
    const input = JSON.parse(JSON.stringify(json));
    expect(validateRubric(input).errors).not.toEqual([]);
    expect(schemaErrors(input)).not.toEqual([]);
  });

  it("flags unknown fields, which the validator warns are ignored", () => {
    const typo = rubric({ metrics: [metric({ wieght: 2 })] });
    expect(validateRubric(typo).warnings.map((w) => w.path)).toEqual(["metrics[0].wieght"]);
    expect(schemaErrors(typo)).toEqual(["/metrics/0 must NOT have additional properties"]);
  });

  // What a schema cannot say: these pass it, and only the validator refuses them.
  const onlyTheValidator: [string, unknown][] = [
    ["bands out of order", rubric({ bands: [band("Red"), band("Yellow", 70), band("Green", 40)] })],
    ["two bands with one label", rubric({ bands: [band("Red"), band("red", 50)] })],
    ["two metrics with one id", rubric({ metrics: [metric(), metric()] })],
    [
      "a group that is not in groups",
      rubric({ groups: { Adoption: 1 }, metrics: [metric({ group: "Finance" })] }),
    ],
    [
      "a range whose worst is its best",
      rubric({ metrics: [metric({ score: { type: "range", worst: 5, best: 5 } })] }),
    ],
    [
      "a step whose min is above its max",
      rubric({ metrics: [metric({ score: { type: "steps", steps: [{ min: 9, max: 1, score: 1 }] } })] }),
    ],
    [
      "map keys that differ only in case",
      rubric({ metrics: [metric({ score: { type: "map", values: { Gold: 1, gold: 2 } } })] }),
    ],
  ];

  it.each(onlyTheValidator)("leaves %s to the validator", (_, json) => {
    expect(validateRubric(json).errors).not.toEqual([]);
    expect(schemaErrors(json)).toEqual([]);
  });
});
