import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellValue, parseRubric, type Rubric, scoreTable } from "../../../src/core";
import { OPTIONS, RYG_BANDS } from "../helpers";

const NUM_RUNS = 150;

// ---- rubric parts -------------------------------------------------------------------------

const small = fc.integer({ min: -50, max: 50 });
const scoreValue = fc.integer({ min: -20, max: 120 });

const rangeScorer = fc
  .tuple(small, small)
  .filter(([worst, best]) => worst !== best)
  .map(([worst, best]) => ({ type: "range", worst, best }));

const step = fc
  .tuple(fc.constantFrom("min", "max", "both"), small, small, scoreValue)
  .map(([kind, a, b, score]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (kind === "min") return { min: lo, score };
    if (kind === "max") return { max: hi, score };
    return { min: lo, max: hi, score };
  });

const stepsScorer = fc
  .record({
    steps: fc.array(step, { minLength: 1, maxLength: 3 }),
    else: fc.option(scoreValue, { nil: undefined }),
  })
  .map(({ steps, else: otherwise }) =>
    otherwise === undefined ? { type: "steps", steps } : { type: "steps", steps, else: otherwise },
  );

const scaleScorer = fc
  .record({ neutral: fc.integer({ min: 0, max: 10 }), step: fc.integer({ min: -30, max: 30 }) })
  .map((s) => ({ type: "scale", ...s }));

const perUnitScorer = fc
  .record({ points: fc.integer({ min: -20, max: 20 }), cap: fc.option(fc.nat(100), { nil: undefined }) })
  .map(({ points, cap }) =>
    cap === undefined ? { type: "perUnit", points } : { type: "perUnit", points, cap },
  );

const mapScorer = fc
  .record({
    keys: fc.subarray(["Gold", "silver", "TRUE", "FALSE", "1", "5", "2026-11-01"], { minLength: 1 }),
    scores: fc.array(scoreValue, { minLength: 7, maxLength: 7 }),
    else: scoreValue,
  })
  .map(({ keys, scores, else: otherwise }) => ({
    type: "map",
    values: Object.fromEntries(keys.map((k, i) => [k, scores[i] ?? 0])),
    else: otherwise,
  }));

type MetricSpec = Record<string, unknown>;

const common = {
  weight: fc.integer({ min: 0, max: 5 }),
  group: fc.constantFrom("A", "B"),
  missing: fc.option(fc.constantFrom("skip", "zero", "neutral"), { nil: undefined }),
};

/** A metric without id or column (the rubric builder numbers them). */
const numericMetric: fc.Arbitrary<MetricSpec> = fc.record(
  {
    ...common,
    input: fc.constantFrom("number", "boolean", "daysSince"),
    score: fc.oneof(rangeScorer, stepsScorer, scaleScorer, perUnitScorer),
  },
  { requiredKeys: ["weight", "group", "input", "score"] },
);

const mapMetric: fc.Arbitrary<MetricSpec> = fc.record(
  { ...common, input: fc.constantFrom("number", "text", "boolean", "daysSince"), score: mapScorer },
  { requiredKeys: ["weight", "group", "input", "score"] },
);

const effect = (bounded: boolean) => {
  const level = bounded ? fc.integer({ min: 0, max: 100 }) : fc.integer({ min: -50, max: 150 });
  return fc
    .record({ add: fc.integer({ min: -150, max: 150 }), floor: level, cap: level }, { requiredKeys: [] })
    .filter((e) => Object.keys(e).length > 0);
};

const condition = fc.oneof(
  fc.record({ when: fc.oneof(fc.boolean(), small, fc.constantFrom("high", "Churn")) }),
  fc.record({ contains: fc.constantFrom("acq", "risk", "1") }),
  fc.record({ min: small }),
  fc.record({ max: small }),
  fc.tuple(small, small).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
);

const flagSpec = (bounded: boolean) =>
  fc.tuple(condition, effect(bounded)).map(([c, e]) => ({ ...c, ...e }) as Record<string, unknown>);

interface RubricSpec {
  method: "weighted" | "points";
  missing: "skip" | "zero" | "neutral";
  groups?: { A: number; B: number };
  metrics: MetricSpec[];
  flags: Record<string, unknown>[];
}

const groupsArb = fc.option(
  fc.record({ A: fc.integer({ min: 0, max: 5 }), B: fc.integer({ min: 0, max: 5 }) }),
  { nil: undefined },
);

function rubricSpec(
  metric: fc.Arbitrary<MetricSpec>,
  opts: { method?: fc.Arbitrary<"weighted" | "points">; boundedFlags?: boolean; maxFlags?: number } = {},
): fc.Arbitrary<RubricSpec> {
  return fc.record({
    method: opts.method ?? fc.constant("weighted"),
    missing: fc.constantFrom("skip", "zero", "neutral"),
    groups: groupsArb,
    metrics: fc.array(metric, { minLength: 1, maxLength: 6 }),
    flags: fc.array(flagSpec(opts.boundedFlags ?? true), { maxLength: opts.maxFlags ?? 3 }),
  });
}

/** The rubric JSON for a spec: metric i reads column M<i>, flag i reads column F<i>. */
function toJson(spec: RubricSpec, metrics: MetricSpec[] = spec.metrics): Record<string, unknown> {
  const json: Record<string, unknown> = {
    method: spec.method,
    bands: RYG_BANDS,
    metrics: metrics.map((m) => {
      const { group, n, ...rest } = m;
      const named = { id: `m${n}`, column: `M${n}`, ...rest };
      return spec.groups && spec.method === "weighted" ? { ...named, group } : named;
    }),
    flags: spec.flags.map((f, i) => ({ id: `f${i}`, column: `F${i}`, ...f })),
  };
  if (spec.method === "weighted") json.missing = spec.missing;
  if (spec.groups && spec.method === "weighted") json.groups = spec.groups;
  return json;
}

/** Numbers the metrics so each has its own id and column. */
const numbered = (spec: RubricSpec): RubricSpec => ({
  ...spec,
  metrics: spec.metrics.map((m, n) => ({ ...m, n })),
});

const headersOf = (spec: RubricSpec) => [
  ...spec.metrics.map((m) => `M${m.n}`),
  ...spec.flags.map((_, i) => `F${i}`),
];

// ---- cells --------------------------------------------------------------------------------

const interestingText = fc.constantFrom(
  "",
  " ",
  "N/A",
  "-",
  "—",
  "#N/A",
  "#REF!",
  "TRUE",
  "false",
  "1,200",
  "$1,200",
  "45%",
  " 7 ",
  "(3)",
  "lots",
  "2026-11-01",
  "2026-02-30",
  "Gold",
  " acquired, high risk ",
);

function cellArb(invalidDates: boolean): fc.Arbitrary<CellValue> {
  const cells: fc.Arbitrary<CellValue>[] = [
    fc.integer({ min: -1000, max: 1000 }),
    fc.double(),
    fc.string(),
    interestingText,
    fc.boolean(),
    fc.date({ noInvalidDate: !invalidDates }),
    fc.date({
      min: new Date("2020-01-01T00:00:00Z"),
      max: new Date("2030-01-01T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc.constant(null),
    fc.constant(undefined),
  ];
  // fc.date yields an invalid Date only now and then: add one often enough to matter.
  if (invalidDates) cells.push(fc.constant(new Date(Number.NaN)));
  return fc.oneof(...cells);
}

const anyCell = cellArb(true);
/** Every kind of cell except an invalid Date (see the report: map and text metrics throw on one). */
const cellWithoutInvalidDate = cellArb(false);

const rowsFor = (width: number, cell: fc.Arbitrary<CellValue>) =>
  fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 });

const score = (r: Rubric, headers: string[], rows: CellValue[][]) => scoreTable(r, headers, rows, OPTIONS);

// ---- properties ---------------------------------------------------------------------------

describe("properties", () => {
  it("weighted scores are always null or within 0..100", () => {
    fc.assert(
      fc.property(
        rubricSpec(fc.oneof(numericMetric, mapMetric))
          .map(numbered)
          .chain((spec) =>
            fc.tuple(fc.constant(spec), rowsFor(headersOf(spec).length, cellWithoutInvalidDate)),
          ),
        ([spec, rows]) => {
          const results = score(parseRubric(toJson(spec)), headersOf(spec), rows);
          for (const result of results) {
            if (result.score !== null) {
              expect(result.score).toBeGreaterThanOrEqual(0);
              expect(result.score).toBeLessThanOrEqual(100);
            } else {
              expect(result.band).toBe("No data");
            }
            expect(result.coverage).toBeGreaterThanOrEqual(0);
            expect(result.coverage).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("raising a higher-is-better metric never lowers the score", () => {
    const target = fc
      .record({
        worst: small,
        span: fc.integer({ min: 1, max: 60 }),
        weight: fc.integer({ min: 1, max: 5 }),
        group: fc.constantFrom("A", "B"),
      })
      .map(({ worst, span, weight, group }) => ({
        weight,
        group,
        input: "number",
        score: { type: "range", worst, best: worst + span },
      }));
    fc.assert(
      fc.property(
        fc
          .tuple(target, rubricSpec(fc.oneof(numericMetric, mapMetric), { maxFlags: 0 }))
          .map(([t, spec]) => numbered({ ...spec, metrics: [t, ...spec.metrics] }))
          .chain((spec) =>
            fc.tuple(
              fc.constant(spec),
              fc.array(cellWithoutInvalidDate, {
                minLength: spec.metrics.length - 1,
                maxLength: spec.metrics.length - 1,
              }),
              fc.double({ min: -100, max: 100, noNaN: true }),
              fc.double({ min: 0, max: 100, noNaN: true }),
            ),
          ),
        ([spec, others, value, raise]) => {
          const r = parseRubric(toJson(spec));
          const [low, high] = score(r, headersOf(spec), [
            [value, ...others],
            [value + raise, ...others],
          ]);
          if (low?.score === null || low?.score === undefined) {
            expect(high?.score ?? null).toBeNull();
          } else {
            expect(high?.score).toBeGreaterThanOrEqual(low.score);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("metric order does not change the score, band or coverage", () => {
    fc.assert(
      fc.property(
        rubricSpec(fc.oneof(numericMetric, mapMetric))
          .map(numbered)
          .chain((spec) =>
            fc.tuple(
              fc.constant(spec),
              fc.shuffledSubarray(spec.metrics, {
                minLength: spec.metrics.length,
                maxLength: spec.metrics.length,
              }),
              rowsFor(headersOf(spec).length, cellWithoutInvalidDate),
            ),
          ),
        ([spec, shuffled, rows]) => {
          const headers = headersOf(spec);
          const before = score(parseRubric(toJson(spec)), headers, rows);
          const after = score(parseRubric(toJson(spec, shuffled)), headers, rows);
          before.forEach((b, i) => {
            const a = after[i];
            expect(a?.score).toBe(b.score);
            expect(a?.band).toBe(b.band);
            expect(a?.coverage).toBeCloseTo(b.coverage, 9);
          });
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("scores arbitrary cell values, invalid Dates included, to a finite score and a band of the rubric", () => {
    const method = fc.constantFrom("weighted" as const, "points" as const);
    fc.assert(
      fc.property(
        rubricSpec(numericMetric, { method, boundedFlags: false })
          .map(numbered)
          .chain((spec) => fc.tuple(fc.constant(spec), rowsFor(headersOf(spec).length + 1, anyCell))),
        ([spec, rows]) => {
          // A segment whose rubric is the same spec, so segment cells are arbitrary too.
          const json = {
            ...toJson(spec),
            segments: { column: "Segment", rubrics: { Onboarding: toJson(spec) } },
          };
          const rubric = parseRubric(json);
          const results = score(rubric, [...headersOf(spec), "Segment"], rows);
          expect(results).toHaveLength(rows.length);
          const labels = [...rubric.bands.map((b) => b.label), "No data"];
          for (const result of results) {
            // A score is a finite number with one of the rubric's bands, or none and No data.
            if (result.score === null) expect(result.band).toBe("No data");
            else expect(Number.isFinite(result.score)).toBe(true);
            expect(labels).toContain(result.band);
            expect(result.coverage).toBeGreaterThanOrEqual(0);
            expect(result.coverage).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("reads a number written as text (as a CSV holds it) as the number itself, drivers included", () => {
    const number = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n || 0), // no -0: its text is "0"
      fc.constantFrom(1e-7, 1e15, 1e16, -1e16),
    );
    const numberMetric = numericMetric.map((m) => ({ ...m, input: "number" }));
    fc.assert(
      fc.property(
        rubricSpec(numberMetric, { method: fc.constantFrom("weighted" as const, "points" as const) })
          .map(numbered)
          .chain((spec) => fc.tuple(fc.constant(spec), rowsFor(headersOf(spec).length, number))),
        ([spec, rows]) => {
          const rubric = parseRubric(toJson(spec));
          const asText = score(
            rubric,
            headersOf(spec),
            rows.map((row) => row.map(String)),
          );
          score(rubric, headersOf(spec), rows).forEach((r, i) => {
            const t = asText[i];
            expect(t).toEqual(r);
            expect(t?.drivers).toEqual(r.drivers);
          });
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("scores each row of arbitrary map-metric cells as it would alone", () => {
    fc.assert(
      fc.property(
        rubricSpec(mapMetric, { method: fc.constantFrom("weighted" as const, "points" as const) })
          .map(numbered)
          .chain((spec) =>
            fc.tuple(fc.constant(spec), rowsFor(headersOf(spec).length, cellWithoutInvalidDate)),
          ),
        ([spec, rows]) => {
          const rubric = parseRubric(toJson(spec));
          const results = score(rubric, headersOf(spec), rows);
          expect(results).toHaveLength(rows.length);
          // Rows are independent: each scores alone exactly as it does in the table.
          rows.forEach((row, i) => {
            expect(score(rubric, headersOf(spec), [row])[0]).toEqual(results[i]);
          });
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
