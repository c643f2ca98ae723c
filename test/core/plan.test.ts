import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  type Plan,
  type PlanChange,
  parseRubric,
  planner,
  type Rubric,
  type SourceTables,
  scoreTable,
} from "../../src/core";
import { OPTIONS, POINT_BANDS, pct, planOf, RYG_BANDS, rubric } from "./helpers";

/** Writes every change's `to` into the row, in order, as the contract says. */
function applied(headers: readonly CellValue[], row: readonly CellValue[], plan: Plan): CellValue[] {
  const out = row.slice();
  for (const c of plan.changes) {
    const at = headers.findIndex((h) => String(h).trim().toLowerCase() === c.column.trim().toLowerCase());
    out[at] = c.to;
  }
  return out;
}

const usage = rubric({
  method: "weighted",
  bands: RYG_BANDS,
  metrics: [
    {
      id: "util",
      label: "Seat utilisation",
      column: "Util",
      weight: 3,
      score: { type: "range", worst: 0.1, best: 0.8 },
    },
    {
      id: "nps",
      label: "NPS",
      column: "NPS",
      weight: 2,
      score: {
        type: "steps",
        steps: [
          { min: 9, score: 100 },
          { min: 7, score: 60 },
        ],
        else: 10,
      },
    },
  ],
  flags: [{ id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 }],
});

describe("plans", () => {
  it("moves one metric when one is enough, to the smallest value that reaches the next band", () => {
    // Util 0.43 scores 47.1, NPS 6 scores 10: (3 × 47.1 + 2 × 10) / 5 = 32.3, Red. Yellow needs 40:
    // Util alone to 0.52 gives exactly 40 (0.51 gives 39.4); NPS would have to climb a whole step.
    const plan = planOf(usage, { Util: 0.43, NPS: 6, "Champion left": false });
    expect(plan).toMatchObject({ band: "Red", target: "Yellow", reachable: true, scoreAfter: 40 });
    expect(plan.changes).toEqual([
      { metric: "util", label: "Seat utilisation", column: "Util", from: 0.43, to: 0.52 },
    ]);
    expect(plan.why).toBe("Seat utilisation 0.43 \u2192 0.52 \u2192 Yellow (40)");
  });

  it("lands a steps metric exactly on the step boundary", () => {
    const plan = planOf(usage, { Util: 0.8, NPS: 6, "Champion left": false }, "Green");
    // Util is already at its best; NPS 6 → 7 lifts 64 to 84.
    expect(plan.changes).toEqual([{ metric: "nps", label: "NPS", column: "NPS", from: 6, to: 7 }]);
    expect(plan.scoreAfter).toBe(84);
  });

  it("clears a capping flag first and says so", () => {
    const plan = planOf(usage, { Util: 0.5, NPS: 8, "Champion left": true });
    expect(plan.band).toBe("Red");
    expect(plan.changes[0]).toEqual({
      flag: "champion_left",
      label: "Champion left",
      column: "Champion left",
      from: true,
      to: false,
    });
    expect(plan.why).toBe('Clear "Champion left": it caps the score at 39 \u2192 Yellow (58.3)');
  });

  it("clears the flag and moves metrics when both are needed", () => {
    const plan = planOf(usage, { Util: 0.3, NPS: 6, "Champion left": true });
    expect(plan.why).toMatch(
      /^Clear "Champion left" first: it caps the score at 39; then Seat utilisation 0.3 → /,
    );
    expect(plan.changes.map((c) => c.flag ?? c.metric)).toEqual(["champion_left", "util"]);
  });

  it("never proposes a metric marked actionable: false, and says why when nothing else will do", () => {
    const fixed = rubric({
      ...JSON.parse(JSON.stringify(usage)),
      metrics: usage.metrics.map((m) => (m.id === "util" ? { ...m, actionable: false } : m)),
    });
    // Util 0.2 scores 14.3; with NPS at its best, (3 × 14.3 + 2 × 100) / 5 = 48.6.
    const plan = planOf(fixed, { Util: 0.2, NPS: 6, "Champion left": false }, "Green");
    expect(plan).toMatchObject({ reachable: false, changes: [], scoreAfter: 12.6 });
    expect(plan.why).toBe(
      "Out of reach: even with every actionable metric at its best the score would be 48.6, below Green (from 70)",
    );
    const yellow = planOf(fixed, { Util: 0.2, NPS: 6, "Champion left": false });
    expect(yellow.changes).toEqual([{ metric: "nps", label: "NPS", column: "NPS", from: 6, to: 9 }]);
  });

  it("says the row is already there when it is", () => {
    expect(planOf(usage, { Util: 0.8, NPS: 9, "Champion left": false })).toMatchObject({
      band: "Green",
      reachable: true,
      changes: [],
      why: "Already Green, the top band",
    });
    expect(planOf(usage, { Util: 0.8, NPS: 9, "Champion left": false }, "Yellow").why).toBe(
      "Already Green, above Yellow",
    );
  });

  it("has no plan for a row with no data", () => {
    expect(planOf(usage, { Util: "", NPS: "n/a", "Champion left": false })).toMatchObject({
      band: "No data",
      target: null,
      reachable: false,
    });
  });

  it("writes a days-since move as the date it would have to be", () => {
    const recency = rubric({
      bands: RYG_BANDS,
      metrics: [
        {
          id: "touch",
          label: "Last touchpoint",
          column: "Last touchpoint",
          input: "daysSince",
          score: {
            type: "steps",
            steps: [
              { max: 14, score: 100 },
              { max: 30, score: 50 },
            ],
            else: 0,
          },
        },
      ],
    });
    const plan = planOf(recency, { "Last touchpoint": "2026-09-01" });
    // As of 2026-11-26, 50 needs at most 30 days: 2026-10-27.
    expect(plan.changes).toEqual([
      {
        metric: "touch",
        label: "Last touchpoint",
        column: "Last touchpoint",
        from: "2026-09-01",
        to: "2026-10-27",
      },
    ]);
  });

  it("moves a map metric to the category that scores enough, written as the rubric spells it", () => {
    const tiers = rubric({
      bands: RYG_BANDS,
      metrics: [
        {
          id: "tier",
          column: "Tier",
          input: "text",
          score: { type: "map", values: { Gold: 100, Silver: 60 }, else: 0 },
        },
        {
          id: "sponsor",
          column: "Sponsor",
          input: "boolean",
          actionable: false,
          score: { type: "range", worst: 0, best: 1 },
        },
      ],
    });
    const plan = planOf(tiers, { Tier: "bronze", Sponsor: "FALSE" });
    expect(plan.changes).toEqual([
      { metric: "tier", label: "Tier", column: "Tier", from: "bronze", to: "Gold" },
    ]);
    expect(planOf(tiers, { Tier: "bronze", Sponsor: "TRUE" }).changes[0]?.to).toBe("Silver");
  });

  it("writes a percentage cell back as a percentage", () => {
    const plan = planOf(usage, { Util: "43%", NPS: 6, "Champion left": false });
    expect(plan.changes[0]).toMatchObject({ from: "43%", to: "52%" });
    expect(plan.why).toBe("Seat utilisation 43% \u2192 52% \u2192 Yellow (40)");
  });

  it("plans a metric read from a source on its aggregate, named as the rubric names it", () => {
    // Util 0.43 scores 47.1; 3 logins of 0..40 score 7.5: (3 × 47.1 + 2 × 7.5) / 5 = 31.3, Red.
    // Yellow needs 40: utilisation alone to 0.54 costs less of its scale than logins 3 → 12.
    const plan = planActivity({ Util: 0.43, logins: 3 });
    expect(plan).toMatchObject({ band: "Red", target: "Yellow", reachable: true });
    expect(plan.changes).toEqual([
      expect.objectContaining({ metric: "util", column: "Util", from: 0.43, to: 0.54 }),
    ]);
    // With utilisation marked as fixed, only the logins can move: a whole count, from the source.
    const logins = planActivity({ Util: 0.43, logins: 3 }, { utilFixed: true });
    expect(logins.changes).toEqual([
      {
        metric: "logins",
        label: "Logins, last 30 days",
        column: "count of logins, last 30 days",
        source: "logins",
        from: 3,
        to: 12,
      },
    ]);
    expect(logins.why).toBe("Logins, last 30 days 3 → 12 → Yellow (40.3)");
  });

  it("clears a capping flag read from a source by bringing its aggregate under the flag's line", () => {
    const plan = planActivity({ Util: 0.9, logins: 40, p1: 2 });
    expect(plan.changes).toEqual([
      {
        flag: "p1",
        label: "Open P1 tickets",
        column: "count of tickets, where Priority is P1",
        source: "tickets",
        from: 2,
        to: 0,
      },
    ]);
    expect(plan.why).toBe('Clear "Open P1 tickets": it caps the score at 39 → Green (100)');
  });

  it("never proposes an aggregate marked actionable: false", () => {
    const plan = planActivity({ Util: 0.43, logins: 3 }, { utilFixed: true, loginsFixed: true });
    expect(plan).toMatchObject({ reachable: false, changes: [] });
    expect(plan.why).toMatch(/^Out of reach: no metric can be changed/);
  });

  it("says which source it needs when it is not given", () => {
    expect(() => planner(activity(), ["Account", "Util"], OPTIONS)).toThrow(
      'The rubric reads the sources "logins", "tickets", which are not given.',
    );
  });

  it("refuses a target that is not a band, naming the bands", () => {
    expect(() => planner(usage, ["Util", "NPS", "Champion left"], { ...OPTIONS, target: "Blue" })).toThrow(
      'The target band "Blue" is not a band of this rubric: use Red, Yellow or Green.',
    );
  });
});

// ---- properties ----------------------------------------------------------------------------

const starter = (name: string) => parseRubric(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")));

/** Utilisation from a column, logins counted from a source, and a capping flag counted from another. */
function activity(fixed: { utilFixed?: boolean; loginsFixed?: boolean } = {}): Rubric {
  return rubric({
    method: "weighted",
    key: "Account",
    sources: {
      logins: { sheet: "Logins", key: "Account", date: "Date" },
      tickets: { sheet: "Tickets", key: "Account" },
    },
    metrics: [
      {
        id: "util",
        label: "Seat utilisation",
        column: "Util",
        weight: 3,
        score: { type: "range", worst: 0.1, best: 0.8 },
        ...(fixed.utilFixed ? { actionable: false } : {}),
      },
      {
        id: "logins",
        label: "Logins, last 30 days",
        from: { source: "logins", agg: "count", days: 30 },
        weight: 2,
        score: { type: "range", worst: 0, best: 40 },
        ...(fixed.loginsFixed ? { actionable: false } : {}),
      },
    ],
    flags: [
      {
        id: "p1",
        label: "Open P1 tickets",
        from: { source: "tickets", agg: "count", where: [{ column: "Priority", equals: "P1" }] },
        min: 1,
        cap: 39,
      },
    ],
  });
}

/** The activity sources of one account "Acme": `logins` logins dated the as-of day, `p1` P1 tickets. */
function activitySources(logins: number, p1: number): SourceTables {
  return {
    logins: {
      headers: ["Account", "Date"],
      rows: Array.from({ length: logins }, () => ["Acme", OPTIONS.asOf]),
    },
    tickets: { headers: ["Account", "Priority"], rows: Array.from({ length: p1 }, () => ["acme", "P1"]) },
  };
}

/** Plans Acme's row; then checks the plan on the real scorecard, the logins added as rows. */
function planActivity(
  { Util, logins, p1 = 0 }: { Util: number; logins: number; p1?: number },
  fixed?: { utilFixed?: boolean; loginsFixed?: boolean },
): Plan {
  const r = activity(fixed);
  const headers = ["Account", "Util"];
  const plan = planner(r, headers, { ...OPTIONS, sources: activitySources(logins, p1) }).planRow([
    "Acme",
    Util,
  ]);
  if (plan.reachable && plan.changes.length > 0) {
    const moved = (c: PlanChange, name: string, now: number) =>
      c.column.startsWith(name) ? Number(c.to) : now;
    const after = plan.changes.reduce(
      (a, c) => ({
        util: c.column === "Util" ? Number(c.to) : a.util,
        logins: moved(c, "count of logins", a.logins),
        p1: moved(c, "count of tickets", a.p1),
      }),
      { util: Util, logins, p1 },
    );
    const scored = scoreTable(r, headers, [["Acme", after.util]], {
      ...OPTIONS,
      sources: activitySources(after.logins, after.p1),
    })[0];
    expect(scored?.score).toBe(plan.scoreAfter);
    expect(bandIndex(r, scored?.band ?? "")).toBeGreaterThanOrEqual(bandIndex(r, plan.target ?? ""));
  }
  return plan;
}

const small = fc.integer({ min: 0, max: 20 });
const scorerArb = fc.oneof(
  fc
    .tuple(small, small)
    .filter(([a, b]) => a !== b)
    .map(([worst, best]) => ({ type: "range", worst, best })),
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom("min", "max"), small, fc.integer({ min: 0, max: 100 })), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.integer({ min: 0, max: 100 }),
    )
    .map(([steps, otherwise]) => ({
      type: "steps",
      steps: steps.map(([k, b, score]) => ({ [k]: b, score })),
      else: otherwise,
    })),
  fc
    .record({ neutral: fc.integer({ min: 0, max: 10 }), step: fc.integer({ min: -20, max: 20 }) })
    .map((s) => ({ type: "scale", ...s })),
  fc
    .record({
      points: fc.integer({ min: -10, max: 10 }),
      cap: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    })
    .map(({ points, cap }) =>
      cap === undefined ? { type: "perUnit", points } : { type: "perUnit", points, cap },
    ),
  fc
    .integer({ min: 0, max: 100 })
    .map((other) => ({ type: "map", values: { "1": 20, "3": 70, "5": 100 }, else: other })),
);

const metricArb = fc.record({
  weight: fc.integer({ min: 0, max: 4 }),
  group: fc.constantFrom("A", "B"),
  input: fc.constantFrom("number", "number", "daysSince", "boolean"),
  missing: fc.constantFrom(undefined, "skip", "zero", "neutral"),
  actionable: fc.constantFrom(undefined, undefined, false),
  score: scorerArb,
});

const flagArb = fc.oneof(
  fc.record({ when: fc.constant(true), cap: fc.integer({ min: 0, max: 80 }) }),
  fc.record({ contains: fc.constant("risk"), cap: fc.integer({ min: 0, max: 80 }) }),
  fc.record({ min: fc.integer({ min: 1, max: 10 }), add: fc.integer({ min: -30, max: 30 }) }),
);

const specArb = fc.record({
  method: fc.constantFrom("weighted", "weighted", "points"),
  missing: fc.constantFrom("skip", "zero", "neutral"),
  grouped: fc.boolean(),
  metrics: fc.array(metricArb, { minLength: 1, maxLength: 5 }),
  flags: fc.array(flagArb, { maxLength: 2 }),
});

type Spec = typeof specArb extends fc.Arbitrary<infer S> ? S : never;

function rubricOf(spec: Spec): Rubric | undefined {
  const weighted = spec.method === "weighted";
  const json: Record<string, unknown> = {
    version: 1,
    method: spec.method,
    bands: weighted ? RYG_BANDS : POINT_BANDS,
    metrics: spec.metrics.map((m, i) => {
      const { group, missing, actionable, input, score, ...rest } = m;
      const out: Record<string, unknown> = { id: `m${i}`, column: `M${i}`, input, score, ...rest };
      if (input === "boolean" && score.type === "map") out.input = "number";
      if (weighted && spec.grouped) out.group = group;
      if (weighted && missing) out.missing = missing;
      if (actionable === false) out.actionable = false;
      return out;
    }),
    flags: spec.flags.map((f, i) => ({ id: `f${i}`, column: `F${i}`, ...f })),
  };
  if (weighted) json.missing = spec.missing;
  if (weighted && spec.grouped) json.groups = { A: 2, B: 1 };
  try {
    return parseRubric(json);
  } catch {
    return undefined;
  }
}

/** A cell for a column read as `input` (now and then missing or unreadable), from a random draw. */
function cellFor(input: string, draw: number): CellValue {
  if (draw % 13 === 0) return draw % 2 ? "" : "N/A";
  if (input === "boolean") return draw % 2 === 0 ? "TRUE" : false;
  if (input === "daysSince")
    return `2026-${String(9 + (draw % 3)).padStart(2, "0")}-${String(1 + (draw % 28)).padStart(2, "0")}`;
  if (input === "flag") return [true, false, "some risk", "", 3, 12][draw % 6] as CellValue;
  return draw % 7 === 0 ? `${draw % 100}%` : draw % 21;
}
/** The index of the band a result is in, in its rubric's band list. */
const bandIndex = (r: Rubric, band: string) => r.bands.findIndex((b) => b.label === band);

/** One generated case: a rubric, a row of cells for it, and whether to name the top band as target. */
const caseArb = fc.tuple(specArb, fc.array(fc.nat(10_000), { minLength: 7, maxLength: 7 }), fc.boolean());

/** The rubric, headers, row and plan of a generated case (undefined when the spec is no rubric). */
function planCase([spec, draws, named]: [Spec, number[], boolean]) {
  const r = rubricOf(spec);
  if (!r) return undefined;
  const headers = [...r.metrics.map((m) => m.column), ...r.flags.map((f) => f.column)];
  const inputs = [...r.metrics.map((m) => m.input), ...r.flags.map(() => "flag")];
  const row = inputs.map((input, i) => cellFor(input, draws[i % draws.length] as number));
  const target = named ? r.bands[r.bands.length - 1]?.label : undefined;
  const plan = planner(r, headers, { ...OPTIONS, target }).planRow(row);
  return { r, headers, row, target, plan };
}

/**
 * A generated case with its rubric's number metrics counted from a source's rows instead of read
 * from columns: the rubric, headers, row, counts, the source tables for any counts, and the plan.
 */
function countedCase([spec, draws, named]: [Spec, number[], boolean]) {
  const plain = rubricOf(spec);
  if (!plain) return undefined;
  // Each number metric counts the source's rows of its kind instead of reading its column.
  const counted = new Set(plain.metrics.filter((m) => m.input === "number").map((m) => m.id));
  const r = parseRubric({
    ...plain,
    key: "Account",
    sources: { events: { sheet: "Events", key: "Account" } },
    metrics: plain.metrics.map(({ column, ...m }) =>
      counted.has(m.id)
        ? { ...m, from: { source: "events", agg: "count", where: [{ column: "Kind", equals: m.id }] } }
        : { ...m, column },
    ),
  });
  const columns = r.metrics.filter((m) => !counted.has(m.id));
  const headers = ["Account", ...columns.map((m) => m.column as string), ...r.flags.map((f) => f.column)];
  const inputs = [...columns.map((m) => m.input), ...r.flags.map(() => "flag")];
  const row = ["Acme", ...inputs.map((input, i) => cellFor(input, draws[i % draws.length] as number))];
  const counts = new Map(r.metrics.map((m, i) => [m.id, (draws[i % draws.length] as number) % 21]));
  const events = (n: Map<string, number>): SourceTables => ({
    events: {
      headers: ["Account", "Kind"],
      rows: [...n].flatMap(([kind, k]) => Array.from({ length: k }, () => ["Acme", kind])),
    },
  });
  const target = named ? r.bands[r.bands.length - 1]?.label : undefined;
  const plan = planner(r, headers, { ...OPTIONS, target, sources: events(counts) }).planRow(row);
  return { r, headers, row, counts, events, plan };
}

describe("plan properties", () => {
  it("applying a plan reaches the target band with score_after, and dropping any one change does not", () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const c = planCase(generated);
        if (!c) return;
        const { r, headers, row, target, plan } = c;
        const again = planner(r, headers, { ...OPTIONS, target }).planRow(row);
        expect(again).toEqual(plan);
        expect(typeof plan.why).toBe("string");
        expect(plan.why.length).toBeGreaterThan(0);
        if (!plan.reachable || plan.target === null) return;
        const goal = bandIndex(r, plan.target);
        const after = scoreTable(r, headers, [applied(headers, row, plan)], OPTIONS)[0];
        expect(after?.score).toBe(plan.scoreAfter);
        expect(bandIndex(r, after?.band ?? "")).toBeGreaterThanOrEqual(goal);
        for (const metric of plan.changes.filter((change) => change.metric)) {
          expect(r.metrics.find((m) => m.id === metric.metric)?.actionable).not.toBe(false);
        }
        plan.changes.forEach((_, i) => {
          const fewer = { ...plan, changes: plan.changes.filter((__, j) => j !== i) };
          const short = scoreTable(r, headers, [applied(headers, row, fewer)], OPTIONS)[0];
          expect(bandIndex(r, short?.band ?? "")).toBeLessThan(goal);
        });
      }),
      { numRuns: 400 },
    );
  });

  it("holds when number metrics are counts of a source's rows: the plan's counts, added as rows, reach the target", () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const c = countedCase(generated);
        if (!c) return;
        const { r, headers, row, counts, events, plan } = c;
        if (!plan.reachable || plan.target === null) return;
        const goal = bandIndex(r, plan.target);
        const scoreWith = (changes: readonly PlanChange[]) => {
          const after = new Map(counts);
          for (const c of changes) {
            if (c.source === undefined) continue;
            expect(Number.isInteger(c.to) && (c.to as number) >= 0).toBe(true);
            after.set(c.metric as string, c.to as number);
          }
          const cells = applied(headers, row, {
            ...plan,
            changes: changes.filter((c) => c.source === undefined),
          });
          return scoreTable(r, headers, [cells], { ...OPTIONS, sources: events(after) })[0];
        };
        const after = scoreWith(plan.changes);
        expect(after?.score).toBe(plan.scoreAfter);
        expect(bandIndex(r, after?.band ?? "")).toBeGreaterThanOrEqual(goal);
        plan.changes.forEach((_, i) => {
          const short = scoreWith(plan.changes.filter((__, j) => j !== i));
          expect(bandIndex(r, short?.band ?? "")).toBeLessThan(goal);
        });
      }),
      { numRuns: 300 },
    );
  });

  // Apart from the property, like the check below, so that it keeps its cases under Stryker.
  it("is checked on generated count cases of which some plans move a count", () => {
    const moved = fc
      .sample(caseArb, 300)
      .map((generated) => countedCase(generated)?.plan)
      .filter((p) => p?.reachable && p.target !== null && p.changes.some((c) => c.source !== undefined));
    // Typically about 60 of 300.
    expect(moved.length).toBeGreaterThan(10);
  });

  // Apart from the property, so that it keeps its 400 cases when the mutation run
  // (dev/mutate/fastCheck.ts) runs fewer per property.
  it("is checked on generated cases that include real plans, several-change plans and rows out of reach", () => {
    const plans = fc
      .sample(caseArb, 400)
      .map((generated) => planCase(generated)?.plan)
      .filter((plan) => plan !== undefined);
    // Typically about 100, 13 and 160 of 400.
    expect(
      plans.filter((p) => p.reachable && p.target !== null && p.changes.length > 0).length,
    ).toBeGreaterThan(50);
    expect(
      plans.filter((p) => p.reachable && p.target !== null && p.changes.length > 1).length,
    ).toBeGreaterThan(3);
    expect(plans.filter((p) => !p.reachable).length).toBeGreaterThan(20);
  });

  it.each(["simple-ryg", "five-dimensions", "lifecycle", "points-five-tier"])(
    "holds on the %s starter over the sample customers",
    (name) => {
      const r = starter(name);
      const [headers, ...rows] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
      const plans = planner(r, headers as string[], OPTIONS);
      let reached = 0;
      for (const row of rows) {
        const plan = plans.planRow(row);
        if (!plan.reachable || plan.changes.length === 0) continue;
        reached++;
        const after = scoreTable(
          r,
          headers as string[],
          [applied(headers as string[], row, plan)],
          OPTIONS,
        )[0];
        expect(after?.score).toBe(plan.scoreAfter);
        const rubricOfRow = r.segments?.rubrics[String(after?.segment)] ?? r;
        expect(bandIndex(rubricOfRow, after?.band ?? "")).toBeGreaterThanOrEqual(
          bandIndex(rubricOfRow, plan.target ?? ""),
        );
      }
      expect(reached).toBeGreaterThan(10);
    },
  );
});

// ---- sentences, targets and flags ------------------------------------------------------------

/** Adoption (0..100) with a capping flag first and a points-subtracting flag second. */
function flagged(extra: { adoptionFixed?: boolean; riskCap?: boolean } = {}): Rubric {
  return rubric({
    metrics: [pct("Adoption", extra.adoptionFixed ? { actionable: false } : {})],
    flags: [
      { id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 },
      { id: "overdue", label: "Overdue invoice", column: "Overdue", min: 1, add: -10 },
      ...(extra.riskCap
        ? [{ id: "risk", label: "Churn risk", column: "Notes", contains: "risk", cap: 30 }]
        : []),
    ],
  });
}

describe("plans: sentences and targets", () => {
  it("says why a row with no data has no plan", () => {
    expect(planOf(usage, { Util: "", NPS: "n/a", "Champion left": false }).why).toBe(
      "No data: no metric has a value, so there is nothing to plan from",
    );
  });

  it("says the row is already in a named band it has reached, or above a lower one", () => {
    // Util 0.52 scores 60, NPS 6 scores 10: (180 + 20) / 5 = 40, Yellow.
    const row = { Util: 0.52, NPS: 6, "Champion left": false };
    expect(planOf(usage, row, "yellow")).toEqual({
      band: "Yellow",
      target: "Yellow",
      reachable: true,
      scoreAfter: 40,
      changes: [],
      why: "Already Yellow",
    });
    expect(planOf(usage, row, "Red")).toMatchObject({
      target: "Red",
      reachable: true,
      changes: [],
      why: "Already Yellow, above Red",
    });
  });

  it("names the target trimmed when it is no band, and throws a PlanError", () => {
    const attempt = () => planner(usage, ["Util", "NPS", "Champion left"], { ...OPTIONS, target: "  Blue " });
    expect(attempt).toThrow('The target band "Blue" is not a band of this rubric: use Red, Yellow or Green.');
    expect(attempt).toThrow(expect.objectContaining({ name: "PlanError" }));
    const one = rubric({ bands: [{ label: "Tracked", color: "#b7e1cd" }], metrics: [pct("Adoption")] });
    expect(() => planner(one, ["Adoption"], { ...OPTIONS, target: "Green" })).toThrow(
      'The target band "Green" is not a band of this rubric: use Tracked.',
    );
  });

  it("accepts a target only a segment's rubric has, and says so for the rows of another rubric", () => {
    const tiers = rubric({
      metrics: [pct("Adoption")],
      segments: {
        column: "Stage",
        rubrics: {
          Enterprise: {
            bands: [...RYG_BANDS, { label: "Platinum", from: 90, color: "#ffffff" }],
            metrics: [pct("Adoption")],
          },
          Trial: {
            bands: [
              { label: "Cold", color: "#f4c7c3" },
              { label: "Warm", from: 50, color: "#b7e1cd" },
            ],
            metrics: [pct("Adoption")],
          },
        },
      },
    });
    const plans = (target: string) => planner(tiers, ["Stage", "Adoption"], { ...OPTIONS, target });
    expect(plans("Platinum").planRow(["Enterprise", 50]).changes).toEqual([
      { metric: "Adoption", label: "Adoption", column: "Adoption", from: 50, to: 90 },
    ]);
    expect(plans("Platinum").planRow(["SMB", 50])).toEqual({
      band: "Yellow",
      target: "Platinum",
      reachable: false,
      scoreAfter: 50,
      changes: [],
      why: 'This row\'s rubric (the top-level rubric) has no band "Platinum"',
    });
    expect(plans("Green").planRow(["trial", 20]).why).toBe(
      'This row\'s rubric (segment "Trial") has no band "Green"',
    );
  });

  it("clears a points-subtracting flag when nothing else can move, saying how many points it takes", () => {
    const plan = planOf(flagged({ adoptionFixed: true }), {
      Adoption: 45,
      "Champion left": false,
      Overdue: 2,
    });
    expect(plan.changes).toEqual([
      { flag: "overdue", label: "Overdue invoice", column: "Overdue", from: 2, to: 0 },
    ]);
    expect(plan.why).toBe('Clear "Overdue invoice" (\u221210) \u2192 Yellow (45)');
  });

  it("moves a metric rather than clear a points-subtracting flag when the move is smaller", () => {
    // 45 − 10 = 35, Red. Adoption 45 → 50 moves 5% of its range; clearing the flag counts 1.
    const plan = planOf(flagged(), { Adoption: 45, "Champion left": false, Overdue: 2 });
    expect(plan.changes).toEqual([
      { metric: "Adoption", label: "Adoption", column: "Adoption", from: 45, to: 50 },
    ]);
    expect(plan.why).toBe("Adoption 45 \u2192 50 \u2192 Yellow (40)");
  });

  it("counts a points-subtracting flag the plan leaves in place", () => {
    // 35 − 10 = 25: clearing the flag gives 35, not enough; Adoption must reach 50 with the −10.
    const plan = planOf(flagged(), { Adoption: 35, "Champion left": false, Overdue: 2 });
    expect(plan.changes).toEqual([
      { metric: "Adoption", label: "Adoption", column: "Adoption", from: 35, to: 50 },
    ]);
    expect(plan.scoreAfter).toBe(40);
  });

  it("names every capping flag it clears, with their caps, before the moves", () => {
    const plan = planOf(flagged({ riskCap: true }), {
      Adoption: 30,
      "Champion left": true,
      Overdue: 0,
      Notes: "churn risk",
    });
    expect(plan.changes.map((c) => [c.flag ?? c.metric, c.to])).toEqual([
      ["champion_left", false],
      ["risk", "churn"],
      ["Adoption", 40],
    ]);
    expect(plan.why).toBe(
      'Clear "Champion left" and "Churn risk" first: they cap the score at 39 and 30; then Adoption 30 \u2192 40 \u2192 Yellow (40)',
    );
  });

  it("lists three moves with commas and a final and, each value as the cell reads", () => {
    const three = rubric({
      missing: "zero",
      metrics: [
        pct("Adoption"),
        {
          id: "sponsor",
          label: "Exec sponsor",
          column: "Sponsor",
          input: "boolean",
          score: { type: "range", worst: 0, best: 1 },
        },
        { id: "nps", label: "NPS", column: "NPS", score: { type: "range", worst: 0, best: 10 } },
      ],
    });
    // Nothing but all three together reaches Green: (100 + 100 + 10) / 3 = 70.
    const plan = planOf(three, { Adoption: "", Sponsor: false, NPS: "0.0" }, "Green");
    expect(plan.why).toBe(
      "Adoption missing \u2192 100, Exec sponsor FALSE \u2192 TRUE and NPS 0 \u2192 1 \u2192 Green (70)",
    );
  });

  it("shows a value with many decimals rounded to four", () => {
    const plan = planOf(usage, { Util: 0.4333333, NPS: 6, "Champion left": false });
    expect(plan.changes[0]?.to).toBe(0.519417);
    expect(plan.why).toBe("Seat utilisation 0.4333 \u2192 0.5194 \u2192 Yellow (40)");
  });
});

// ---- aggregates ------------------------------------------------------------------------------

/**
 * Plans Acme's row towards Green on one metric read from the `events` source (rows of Account,
 * Date, User, Hours), scored by a range whose ends are not whole.
 */
function planAggregate(from: Record<string, unknown>, events: CellValue[][], worst = 0, best = 12.5): Plan {
  const r = rubric({
    key: "Account",
    sources: { events: { sheet: "Events", key: "Account", date: "Date" } },
    metrics: [
      {
        id: "activity",
        label: "Activity",
        from: { source: "events", ...from },
        score: { type: "range", worst, best },
      },
    ],
  });
  const sources = { events: { headers: ["Account", "Date", "User", "Hours"], rows: events } };
  return planner(r, ["Account"], { ...OPTIONS, target: "Green", sources }).planRow(["Acme"]);
}

const recent = "2026-11-20";
const earlier = "2026-10-10";

describe("plans: aggregates", () => {
  it("moves a count of rows in whole numbers, even on a range whose ends are not whole", () => {
    // 3 of 0..12.5 scores 24; Green needs 8.75, so 9 rows.
    const events = ["a", "b", "c"].map((user) => ["Acme", recent, user, 1]);
    expect(planAggregate({ agg: "count", days: 30 }, events).changes).toEqual([
      {
        metric: "activity",
        label: "Activity",
        column: "count of events, last 30 days",
        source: "events",
        from: 3,
        to: 9,
      },
    ]);
    expect(planAggregate({ agg: "distinct", column: "User", days: 30 }, events).changes[0]).toMatchObject({
      from: 3,
      to: 9,
    });
  });

  it("moves an average, and a count's percent change, at the precision of the scorer", () => {
    const hours = [3, 2, 4].map((h) => ["Acme", recent, "a", h]);
    expect(planAggregate({ agg: "avg", column: "Hours", days: 30 }, hours).changes[0]).toMatchObject({
      from: 3,
      to: 8.8,
    });
    // 3 rows now against 4 before: −25%, scoring 22.2 on −50..62.5; Green (70, after rounding) needs 28.7.
    const events = [
      ...["a", "b", "c"].map((user) => ["Acme", recent, user, 1]),
      ...["a", "b", "c", "d"].map((user) => ["Acme", earlier, user, 1]),
    ];
    expect(
      planAggregate({ agg: "count", days: 30, compare: "previous" }, events, -50, 62.5).changes[0],
    ).toMatchObject({ from: -25, to: 28.7 });
  });

  it("names a source only on the changes to an aggregate", () => {
    const plan = planActivity({ Util: 0.43, logins: 3 });
    expect(plan.changes).toStrictEqual([
      { metric: "util", label: "Seat utilisation", column: "Util", from: 0.43, to: 0.54 },
    ]);
  });
});

// ---- which change, and how far --------------------------------------------------------------

describe("plans: which change and how far", () => {
  it("prefers the smaller move on each metric's own scale, whatever the units", () => {
    const two = rubric({
      metrics: [
        {
          id: "util",
          label: "Seat utilisation",
          column: "Util",
          score: { type: "range", worst: 0.1, best: 0.8 },
        },
        {
          id: "logins",
          label: "Logins",
          column: "Logins",
          weight: 3,
          score: { type: "range", worst: 0, best: 10 },
        },
      ],
    });
    // Both score 30. Utilisation alone must climb 40 points (0.28, 40% of its range); logins,
    // weighing 3, only 13.4 (from 3 to 5 in whole logins, 20% of theirs).
    const plan = planOf(two, { Util: 0.31, Logins: 3 });
    expect(plan.changes).toEqual([{ metric: "logins", label: "Logins", column: "Logins", from: 3, to: 5 }]);
    expect(plan.why).toBe("Logins 3 \u2192 5 \u2192 Yellow (45)");
  });

  it("fills the metric that weighs most first when no one change is enough", () => {
    const two = rubric({
      metrics: [
        {
          id: "util",
          label: "Seat utilisation",
          column: "Util",
          score: { type: "range", worst: 0.1, best: 0.8 },
        },
        pct("CSAT", { weight: 2 }),
      ],
    });
    // (0 + 2 × 10) / 3 = 6.7. CSAT at its best gives 66.7: utilisation adds the last 10 points.
    const plan = planOf(two, { Util: 0.1, CSAT: 10 }, "Green");
    expect(plan.changes.map((c) => [c.metric, c.to])).toEqual([
      ["util", 0.17],
      ["CSAT", 100],
    ]);
    expect(plan.scoreAfter).toBe(70);
  });

  it("picks the cheapest levels of two discrete metrics that must both move", () => {
    const levels = rubric({
      metrics: [
        {
          id: "nps",
          label: "NPS",
          column: "NPS",
          score: {
            type: "steps",
            steps: [
              { min: 9, score: 100 },
              { min: 7, score: 40 },
            ],
            else: 10,
          },
        },
        {
          id: "training",
          label: "Training sessions",
          column: "Training",
          score: {
            type: "steps",
            steps: Array.from({ length: 9 }, (_, i) => ({ min: 9 - i, score: 100 - 10 * i })),
            else: 10,
          },
        },
      ],
    });
    // Green needs 140 between them: NPS 40 and training 100 climb 1/2 + 9/9 of their levels,
    // NPS 100 and training 40 climb 2/2 + 3/9.
    const plan = planOf(levels, { NPS: 5, Training: 0 }, "Green");
    expect(plan.why).toBe("NPS 5 \u2192 9 and Training sessions 0 \u2192 3 \u2192 Green (70)");
  });

  it("leaves a missing metric out when moving another is enough", () => {
    const two = rubric({
      metrics: [usage.metrics[0], pct("CSAT", { weight: 2 })],
    });
    // CSAT missing is skipped: utilisation alone counts, 47.1. CSAT written at 100 would give 68.3.
    const plan = planOf(two, { Util: 0.43, CSAT: "" });
    expect(plan.changes).toEqual([
      { metric: "util", label: "Seat utilisation", column: "Util", from: 0.43, to: 0.59 },
    ]);
  });

  it("brings a lower-is-better days-since metric no further than today", () => {
    const recency = () =>
      rubric({
        metrics: [
          {
            id: "touch",
            label: "Last touchpoint",
            column: "Last touchpoint",
            input: "daysSince",
            score: { type: "scale", neutral: 10, step: -2 },
          },
          pct("Tenure", { actionable: false }),
        ],
      });
    // 30 days ago scores 50 − 2 × 20 = 10; even today scores only 70: (70 + 0) / 2 = 35.
    expect(planOf(recency(), { "Last touchpoint": "2026-10-27", Tenure: 0 }).why).toBe(
      "Out of reach: even with every actionable metric at its best the score would be 35, below Yellow (from 40)",
    );
    // A missing touchpoint is skipped; once written it counts from its neutral 10 days (50).
    const touch = (tenure: number) => planOf(recency(), { "Last touchpoint": "", Tenure: tenure }).changes;
    expect(touch(20)).toEqual([
      { metric: "touch", label: "Last touchpoint", column: "Last touchpoint", from: "", to: "2026-11-21" },
    ]);
    expect(touch(35)).toEqual([
      { metric: "touch", label: "Last touchpoint", column: "Last touchpoint", from: "", to: "2026-11-16" },
    ]);
  });

  it("plans on points, where the weight multiplies each metric's points", () => {
    const points = rubric({
      method: "points",
      bands: POINT_BANDS,
      metrics: [
        {
          id: "seats",
          label: "Seats used",
          column: "Seats",
          weight: 3,
          score: { type: "range", worst: 0, best: 50, points: 10 },
        },
        {
          id: "tickets",
          label: "Open tickets",
          column: "Tickets",
          score: { type: "perUnit", points: -5, cap: 20 },
        },
      ],
    });
    // 3 × 2 − 15 = −9, Low. Seats 25 (6 more points, 30% of the range) beats tickets 3 → 1 (10 of a 20 cap).
    const plan = planOf(points, { Seats: 10, Tickets: 3 });
    expect(plan.changes).toEqual([
      { metric: "seats", label: "Seats used", column: "Seats", from: 10, to: 25 },
    ]);
    expect(plan.why).toBe("Seats used 10 \u2192 25 \u2192 Mid (0)");
  });
});

describe("plans: checked on the real scorecard", () => {
  it("clears a capping flag on a metric's own column by moving the metric, without a separate change", () => {
    const detractor = rubric({
      metrics: [usage.metrics[1]],
      flags: [
        { id: "detractor", label: "Detractor", column: "NPS", max: 6, cap: 39 },
        { id: "overdue", label: "Overdue invoice", column: "Overdue", min: 1, add: -10 },
      ],
    });
    // NPS 5 scores 10, less 10 for the invoice, capped at 39: 0. NPS 7 scores 60 and ends the cap.
    const plan = planOf(detractor, { NPS: 5, Overdue: 1 });
    expect(plan.changes).toEqual([{ metric: "nps", label: "NPS", column: "NPS", from: 5, to: 7 }]);
    expect(plan.why).toBe("NPS 5 \u2192 7 \u2192 Yellow (50)");
  });

  it("drops a change the check shows is not needed: clearing a cap on a metric's column also moves it", () => {
    const detractor = rubric({
      metrics: usage.metrics,
      flags: [{ id: "detractor", label: "Detractor", column: "NPS", max: 6, cap: 39 }],
    });
    // Utilisation to 0.52 would be the smallest move, but the cap must go too: NPS 5 → 7 clears
    // it, and lifts NPS from 10 to 60, which is enough alone: (3 × 47.1 + 2 × 60) / 5 = 52.3.
    const plan = planOf(detractor, { Util: 0.43, NPS: 5 });
    expect(plan.changes).toEqual([{ flag: "detractor", label: "Detractor", column: "NPS", from: 5, to: 7 }]);
    expect(plan.why).toBe('Clear "Detractor": it caps the score at 39 \u2192 Yellow (52.3)');
  });

  it("says no combination will do when the change the model asks for sets off a flag", () => {
    const seats = rubric({
      metrics: [pct("Seats"), pct("Tenure", { actionable: false })],
      flags: [{ id: "over", label: "Over licence", column: "Seats", min: 96, add: -40 }],
    });
    // Green needs Seats 100, where the flag takes 40 off: (100 + 40) / 2 − 40 = 30.
    expect(planOf(seats, { Seats: 50, Tenure: 40 })).toMatchObject({
      reachable: false,
      changes: [],
      why: "Out of reach: no combination of changes lifts this row to Green",
    });
  });
});

describe("plans: the search limit", () => {
  it("gives up after 20,000 combinations and says what to do", () => {
    // Fifteen metrics at 40: Green needs 30 more points each on average, so eight of them must move,
    // and there are 16,384 combinations of seven or fewer before the first eight.
    const many = rubric({ metrics: Array.from({ length: 15 }, (_, i) => pct(`M${i}`)) });
    const cells = Object.fromEntries(many.metrics.map((m) => [m.column as string, 40]));
    expect(planOf(many, cells).why).toBe(
      'No plan found within 20,000 combinations of changes: mark the metrics the team cannot change "actionable": false',
    );
  });
});
