/**
 * fast-check generators of rubrics, for property tests that must hold for any valid rubric (the
 * rubric sheet's round trip, the JSON Schema of docs/rubric.md).
 */
import fc from "fast-check";
import { type Rubric, reservedName, validateRubric } from "../../src/core";

const text = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.,;:"'()%&/-]{0,14}$/)
  .map((s) => s.trim())
  .filter((s) => s !== "");
const num = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
const pos = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }).map((n) => Math.abs(n)),
);
const color = fc.constantFrom("#f4c7c3", "#FCE8B2", "#b7e1cd", "#abc");

const scorer = fc.oneof(
  fc.record({
    type: fc.constant("steps"),
    steps: fc.array(
      fc.oneof(
        fc.record({ min: num, score: num }),
        fc.record({ max: num, score: num }),
        fc.tuple(num, num, num).map(([a, b, score]) => ({ min: Math.min(a, b), max: Math.max(a, b), score })),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    else: num,
  }),
  fc
    .tuple(num, num, num)
    .filter(([w, b]) => w !== b)
    .map(([worst, best, points]) => ({ type: "range", worst, best, points })),
  fc.record({
    type: fc.constant("map"),
    values: fc
      .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), num), {
        minLength: 1,
        maxLength: 4,
        selector: ([k]) => k.trim().toLowerCase(),
      })
      .map((entries) => Object.fromEntries(entries.filter(([k]) => k !== "__proto__")))
      .filter((v) => Object.keys(v).length > 0),
    else: num,
  }),
  fc.record({ type: fc.constant("scale"), neutral: num, step: num }),
  fc.record({ type: fc.constant("perUnit"), points: num, cap: fc.option(pos, { nil: undefined }) }),
);

const groupNames = fc.uniqueArray(
  text.filter((s) => !reservedName(s)),
  { minLength: 1, maxLength: 3, selector: (s) => s },
);
const baseRubric = fc
  .record({
    name: text,
    method: fc.constantFrom("weighted", "points"),
    missing: fc.constantFrom("skip", "zero", "neutral"),
    bands: fc
      .uniqueArray(text, { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() })
      .filter((ls) => !ls.some((l) => l.toLowerCase() === "no data")),
    froms: fc.uniqueArray(num, { minLength: 3, maxLength: 3 }),
    colors: fc.array(color, { minLength: 4, maxLength: 4 }),
    groups: fc.option(groupNames, { nil: undefined }),
    metrics: fc.array(
      fc.record({
        label: text,
        column: text,
        weight: pos,
        input: fc.constantFrom("number", "boolean", "daysSince"),
        missing: fc.option(fc.constantFrom("skip", "zero", "neutral"), { nil: undefined }),
        score: scorer,
        groupIndex: fc.nat(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    flags: fc.array(
      fc.record({
        label: text,
        column: text,
        condition: fc.oneof(
          fc.record({ when: fc.oneof(fc.boolean(), num, text) }),
          fc.record({ contains: text }),
          fc.record({ min: num }),
        ),
        cap: fc.option(num, { nil: undefined }),
        add: fc.option(num, { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const froms = [...r.froms].sort((a, b) => a - b);
    const json: Record<string, unknown> = {
      version: 1,
      name: r.name,
      method: r.method,
      missing: r.missing,
      bands: r.bands.map((label, i) => ({
        label,
        color: r.colors[i],
        ...(i > 0 ? { from: froms[i - 1] } : {}),
      })),
      metrics: r.metrics.map((m, i) => ({
        id: `m${i}`,
        label: m.label,
        column: m.column,
        weight: m.weight,
        input: m.input,
        ...(m.missing ? { missing: m.missing } : {}),
        ...(r.groups ? { group: r.groups[m.groupIndex % r.groups.length] } : {}),
        score: m.score,
      })),
      flags: r.flags.map((f, i) => ({
        id: `f${i}`,
        label: f.label,
        column: f.column,
        ...f.condition,
        ...(f.cap === undefined && f.add === undefined ? { floor: 10 } : {}),
        ...(f.cap === undefined ? {} : { cap: f.cap }),
        ...(f.add === undefined ? {} : { add: f.add }),
      })),
    };
    if (r.groups) json.groups = Object.fromEntries(r.groups.map((g, i) => [g, i + 1]));
    return json;
  });

/** A `from` on the logins source of withSources (which has a date, so every field applies). */
const value = fc.oneof(text, fc.integer({ min: -99, max: 999 }), fc.boolean());
const anyFrom = fc
  .record(
    {
      agg: fc.constantFrom("count", "distinct", "sum", "avg", "min", "max", "latest"),
      column: text,
      days: fc.integer({ min: 1, max: 365 }),
      where: fc.array(
        fc.oneof(
          fc.record({ column: text, equals: value }),
          fc.record({ column: text, in: fc.array(value, { minLength: 1, maxLength: 3 }) }),
          fc.record({ column: text, contains: text }),
          fc.record({ column: text, min: fc.integer({ min: -9, max: 9 }) }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
      compare: fc.constant("previous"),
    },
    { requiredKeys: ["agg"] },
  )
  .map((f) => {
    const from: Record<string, unknown> = { source: "logins", ...f };
    if (f.agg === "count") delete from.column;
    else from.column ??= "Value";
    if (f.days === undefined) delete from.compare;
    return from;
  });

/** Some rubrics read sources: the first metric and the last flag of the top level computed `from` them. */
function withSources(json: Record<string, unknown>, from: Record<string, unknown> | undefined) {
  if (!from) return json;
  const [first, ...metrics] = json.metrics as Record<string, unknown>[];
  const flags = json.flags as Record<string, unknown>[];
  const { column: _c, ...metric } = first as Record<string, unknown>;
  const last = flags[flags.length - 1];
  const flag = last
    ? (({ column: _f, ...f }) => ({ ...f, from: { source: "logins", agg: "count" } }))(last)
    : undefined;
  return {
    ...json,
    key: "Account",
    sources: { logins: { sheet: "Logins", key: "Account", date: "Date" } },
    metrics: [{ ...metric, from }, ...metrics],
    flags: flag ? [...flags.slice(0, -1), flag] : flags,
  };
}

export const anyRubric = fc
  .tuple(
    baseRubric.chain((json) =>
      fc
        .option(anyFrom, { nil: undefined })
        .map((from) => withSources(json as Record<string, unknown>, from)),
    ),
    fc.option(
      fc.dictionary(
        text.filter((s) => !reservedName(s)),
        baseRubric,
        { minKeys: 1, maxKeys: 2 },
      ),
      { nil: undefined },
    ),
  )
  .map(([top, segments]) => {
    if (!segments) return top;
    const keys = Object.keys(segments).filter(
      (k, i, all) => all.findIndex((o) => o.toLowerCase() === k.toLowerCase()) === i,
    );
    if (keys.length === 0) return top;
    return {
      ...top,
      segments: { column: "Segment", rubrics: Object.fromEntries(keys.map((k) => [k, segments[k]])) },
    };
  })
  .map((json) => validateRubric(json).rubric)
  .filter((r): r is Rubric => r !== undefined);
