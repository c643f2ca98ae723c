/**
 * validate.ts on what reads beyond the data's own columns: segments, sources, and the `from` and
 * `where` that read a source. Every problem is a sentence at its path, asserted word for word.
 */
import { describe, expect, it } from "vitest";
import { formatProblem, type ValidateOptions, validateRubric } from "../../src/core";
import { pct, RYG_BANDS } from "./helpers";

const LOGINS = { sheet: "Logins", key: "Account", date: "Date" };
const RANGE = { type: "range", worst: 0, best: 10 };

/** A rubric keyed by Account with the logins source, whose one metric reads `from`. */
const withFrom = (from: unknown, extra: Record<string, unknown> = {}, options: ValidateOptions = {}) =>
  validateRubric(
    {
      bands: RYG_BANDS,
      key: "Account",
      sources: { logins: LOGINS },
      metrics: [{ id: "m", from, score: RANGE }],
      ...extra,
    },
    options,
  );

/** The same, counting the logins rows that pass `where`. */
const withWhere = (where: unknown, options: ValidateOptions = {}) =>
  withFrom({ source: "logins", agg: "count", where }, {}, options);

/** A rubric with the given segments, its own metric reading the data's Logins column. */
const withSegments = (segments: unknown) =>
  validateRubric({ bands: RYG_BANDS, metrics: [pct("Logins")], segments });

const SEGMENT_RUBRIC = { bands: RYG_BANDS, metrics: [pct("Logins")] };

const errors = (v: ReturnType<typeof validateRubric>) => v.errors.map(formatProblem);
const warnings = (v: ReturnType<typeof validateRubric>) => v.warnings.map(formatProblem);

describe("validateRubric: segments", () => {
  it("asks for segments as an object with a column and rubrics", () => {
    expect(errors(withSegments("Onboarding"))).toEqual([
      'segments: must be an object like { "column": "Segment", "rubrics": { "Onboarding": { ... } } }',
    ]);
  });

  it("needs the segment column and at least one segment rubric", () => {
    expect(errors(withSegments({ rubrics: {} }))).toEqual([
      "segments.column: is required",
      "segments.rubrics: needs at least one segment rubric",
    ]);
    expect(errors(withSegments({ column: "Segment" }))).toEqual([
      "segments.rubrics: needs at least one segment rubric",
    ]);
  });

  it("needs a name for each segment", () => {
    expect(errors(withSegments({ column: "Segment", rubrics: { " ": SEGMENT_RUBRIC } }))).toEqual([
      "segments.rubrics. : a segment needs a name",
    ]);
  });

  it("refuses two segments that differ only in case and spaces, as rows match them alike", () => {
    const v = withSegments({
      column: "Segment",
      rubrics: { Onboarding: SEGMENT_RUBRIC, " onboarding ": SEGMENT_RUBRIC },
    });
    expect(errors(v)).toEqual([
      'segments.rubrics. onboarding : " onboarding " matches another segment (matching ignores case and spaces)',
    ]);
  });

  it("keeps apart segments that only capitals would merge (Straße and STRASSE), as scoring does", () => {
    const v = withSegments({
      column: "Segment",
      rubrics: { Straße: SEGMENT_RUBRIC, STRASSE: SEGMENT_RUBRIC },
    });
    expect(errors(v)).toEqual([]);
    expect(Object.keys(v.rubric?.segments?.rubrics ?? {})).toEqual(["Straße", "STRASSE"]);
  });

  it("asks for a whole rubric per segment", () => {
    expect(
      errors(withSegments({ column: "Segment", rubrics: { Onboarding: "the onboarding rubric" } })),
    ).toEqual(["segments.rubrics.Onboarding: must be a whole rubric (bands, metrics, flags)"]);
  });

  it("keeps segments, sources and the key at the top level, each named once and not as unknown", () => {
    const v = withSegments({
      column: "Segment",
      rubrics: {
        Free: { ...SEGMENT_RUBRIC, segments: {}, sources: { logins: LOGINS }, key: "Account" },
      },
    });
    expect(errors(v)).toEqual([
      "segments.rubrics.Free.segments: a segment's rubric cannot have segments of its own",
      "segments.rubrics.Free.sources: a segment's rubric reads the top-level sources: declare sources there",
      "segments.rubrics.Free.key: a segment's rubric reads the top-level key: declare the key there",
    ]);
    expect(warnings(v)).toEqual([]);
  });
});

describe("validateRubric: sources", () => {
  const withSources = (sources: unknown) =>
    validateRubric({ bands: RYG_BANDS, key: "Account", sources, metrics: [pct("Logins")] });

  it("asks for sources as an object of name → source", () => {
    expect(errors(withSources(["logins"]))).toEqual([
      'sources: must be an object of name → source, like { "logins": { "sheet": "Logins", "key": "Account", "date": "Date" } }',
    ]);
  });

  it("refuses a source name with more than letters, digits and _", () => {
    expect(errors(withSources({ "web logins": LOGINS }))).toEqual([
      'sources.web logins: the source name "web logins" may hold only letters, digits and _',
    ]);
  });

  it("refuses __proto__ as a source name as JavaScript's, as it does for groups and segments", () => {
    expect(errors(withSources(JSON.parse(`{"__proto__": ${JSON.stringify(LOGINS)}}`)))).toEqual([
      'sources.__proto__: "__proto__" cannot be a source name: JavaScript reserves it; choose another name',
    ]);
  });

  it("asks for each source as an object with a key", () => {
    expect(errors(withSources({ logins: "Logins", crm: { sheet: "CRM" } }))).toEqual([
      "sources.logins: must be an object with sheet, key and (optionally) date",
      "sources.crm.key: is required",
    ]);
  });

  it("gives a source no date it was not given", () => {
    expect(withSources({ crm: { key: " Account " } }).rubric?.sources).toStrictEqual({
      crm: { sheet: "crm", key: "Account" },
    });
  });
});

describe("validateRubric: a metric's from", () => {
  it("reads from when column is null or empty, as a blank field leaves it", () => {
    const from = { source: "logins", agg: "count" };
    const v = validateRubric({
      bands: RYG_BANDS,
      key: "Account",
      sources: { logins: LOGINS },
      metrics: [
        { id: "a", column: null, from, score: RANGE },
        { id: "b", column: "", from, score: RANGE },
      ],
    });
    expect(errors(v)).toEqual([]);
    expect(v.rubric?.metrics.map((m) => [m.column, m.from])).toEqual([
      [undefined, from],
      [undefined, from],
    ]);
  });

  it("asks for from as an object", () => {
    expect(errors(withFrom(30))).toEqual([
      'metrics[0].from: must be an object like { "source": "logins", "agg": "count", "days": 30 }',
    ]);
  });

  it("asks for the source and the aggregate, and wants no key for a from that names no source", () => {
    expect(errors(withFrom({}, { key: undefined }))).toEqual([
      "metrics[0].from.source: is required",
      "metrics[0].from.agg: is required: one of count, distinct, sum, avg, min, max, latest",
    ]);
  });

  it("takes a blank aggregate for none", () => {
    for (const agg of [null, ""]) {
      expect(errors(withFrom({ source: "logins", agg }))).toEqual([
        "metrics[0].from.agg: is required: one of count, distinct, sum, avg, min, max, latest",
      ]);
    }
  });

  it("reads no source named undefined for a from that names none", () => {
    const v = withFrom({ agg: "count", days: 30 }, { sources: { undefined: { key: "Account" } } });
    expect(errors(v)).toEqual(["metrics[0].from.source: is required"]);
  });

  it("says to declare sources when the rubric has none", () => {
    expect(errors(withFrom({ source: "logins", agg: "count" }, { sources: undefined }))).toEqual([
      'metrics[0].from.source: "logins" is not a source: declare it under sources',
    ]);
  });

  it("finds no source among what every object inherits", () => {
    expect(errors(withFrom({ source: "toString", agg: "count" }))).toEqual([
      'metrics[0].from.source: "toString" is not a source: use one of "logins"',
    ]);
  });

  it("wants a window of at least a day, and names a wrong one once, not again under compare", () => {
    expect(errors(withFrom({ source: "logins", agg: "count", days: 0 }))).toEqual([
      "metrics[0].from.days: must be a number ≥ 1, not 0",
    ]);
    expect(errors(withFrom({ source: "logins", agg: "count", days: 0, compare: "previous" }))).toEqual([
      "metrics[0].from.days: must be a number ≥ 1, not 0",
    ]);
  });

  it("wants a window to compare with when days is blank", () => {
    for (const days of [null, ""]) {
      expect(errors(withFrom({ source: "logins", agg: "count", days, compare: "previous" }))).toEqual([
        "metrics[0].from.compare: needs days: the window to compare with the one before it",
      ]);
    }
  });

  it("keeps only the fields a from uses: no empty where, no column a count ignores", () => {
    expect(withFrom({ source: "logins", agg: "count", where: [] }).rubric?.metrics[0]?.from).toStrictEqual({
      source: "logins",
      agg: "count",
    });
    const counted = withFrom({ source: "logins", agg: "count", column: "Minutes" });
    expect(counted.rubric?.metrics[0]?.from).toStrictEqual({ source: "logins", agg: "count" });
    expect(warnings(counted)).toEqual(["metrics[0].from.column: is ignored: count counts rows"]);
    const full = {
      source: "logins",
      agg: "sum",
      column: "Minutes",
      days: 30,
      where: [{ column: "Device", equals: "Mobile" }],
      compare: "previous",
    };
    expect(withFrom(full).rubric?.metrics[0]?.from).toStrictEqual(full);
  });
});

describe("validateRubric: a from's where", () => {
  it("asks for a list of conditions, each an object", () => {
    expect(errors(withWhere({ column: "Status", equals: "Open" }))).toEqual([
      'metrics[0].from.where: must be a list of conditions, like [{ "column": "Status", "equals": "Open" }]',
    ]);
    expect(errors(withWhere(["Open"]))).toEqual([
      "metrics[0].from.where[0]: must be an object with column and equals, in, contains, or min/max",
    ]);
  });

  it("reads each kind of test, trimmed, with no field it was not given", () => {
    const v = withWhere([
      { column: "Status", equals: " Open " },
      { column: "Trial", equals: true },
      { column: "Seats", equals: 3 },
      { column: "Priority", in: [" P1 ", 2, false] },
      { column: "Note", contains: "urgent" },
      { column: "Minutes", min: 5 },
      { column: "Minutes", max: 60 },
      { column: "Seats", min: 5, max: 5 },
    ]);
    expect(errors(v)).toEqual([]);
    expect(warnings(v)).toEqual([]);
    expect(v.rubric?.metrics[0]?.from?.where).toStrictEqual([
      { column: "Status", equals: "Open" },
      { column: "Trial", equals: true },
      { column: "Seats", equals: 3 },
      { column: "Priority", in: ["P1", 2, false] },
      { column: "Note", contains: "urgent" },
      { column: "Minutes", min: 5 },
      { column: "Minutes", max: 60 },
      { column: "Seats", min: 5, max: 5 },
    ]);
  });

  it("names each value a condition cannot compare, and only that", () => {
    const v = withWhere([
      { column: "S", equals: null },
      { column: "S", equals: "  " },
      { column: "S", equals: { is: "Open" } },
      { column: "S", in: "Open" },
      { column: "S", in: [] },
      { column: "S", in: ["Open", null] },
    ]);
    expect(errors(v)).toEqual([
      "metrics[0].from.where[0].equals: must be text, a number or true/false, not null",
      'metrics[0].from.where[1].equals: must be text, a number or true/false, not "  "',
      'metrics[0].from.where[2].equals: must be text, a number or true/false, not {"is":"Open"}',
      'metrics[0].from.where[3].in: must be a list of values, like ["Open", "Pending"], not "Open"',
      'metrics[0].from.where[4].in: must be a list of values, like ["Open", "Pending"], not []',
      'metrics[0].from.where[5].in: must be a list of values, like ["Open", "Pending"], not ["Open",null]',
    ]);
  });

  it("refuses a min above its max", () => {
    expect(errors(withWhere([{ column: "Minutes", min: 10, max: 5 }]))).toEqual([
      "metrics[0].from.where[0]: min 10 is above max 5",
    ]);
  });

  it("says only that a column is required, not that the source lacks it", () => {
    const v = withWhere([{ equals: "Open" }], { sourceHeaders: { logins: ["Account", "Date", "Status"] } });
    expect(errors(v)).toEqual(["metrics[0].from.where[0].column: is required"]);
  });
});
