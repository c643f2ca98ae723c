import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  auc,
  bootstrapAucCi,
  type CalibrateOptions,
  CalibrationError,
  type CellValue,
  calibrate,
  DEFAULT_SEED,
  fitLogistic,
  outcomePositive,
  pairwiseAuc,
  type Rubric,
  readOutcome,
  seededRandom,
  suggestThresholds,
  toPercent,
} from "../../src/core";
import { OPTIONS, pct, rubric } from "./helpers";

const CALIBRATE: CalibrateOptions = { ...OPTIONS, outcomeColumn: "Churned" };

/** A table from rows keyed by header; every key used by any row is a column. */
function table(rows: Record<string, CellValue>[]) {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { headers, rows: rows.map((r) => headers.map((h) => r[h] ?? "")) };
}

function run(r: Rubric, rows: Record<string, CellValue>[], options: Partial<CalibrateOptions> = {}) {
  const t = table(rows);
  return calibrate(r, t.headers, t.rows, { ...CALIBRATE, samples: 200, ...options });
}

/**
 * Accounts whose churn follows a known logistic model: P(churn) = σ(intercept − Σ beta_j × x_j),
 * each x_j uniform on 0..100 (so higher is healthier when beta_j > 0).
 */
function synthetic(n: number, betas: number[], intercept: number, seed = 7) {
  const random = seededRandom(seed);
  const columns = betas.map((_, j) => `M${j}`);
  const rows: Record<string, CellValue>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, CellValue> = {};
    let logit = intercept;
    columns.forEach((c, j) => {
      const x = Math.round(random() * 1000) / 10;
      row[c] = x;
      logit -= (betas[j] as number) * x;
    });
    row.Churned = random() < 1 / (1 + Math.exp(-logit));
    rows.push(row);
  }
  return { columns, rows };
}

describe("readOutcome", () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["TRUE", true],
    [" false ", false],
    ["Yes", true],
    ["no", false],
    ["1", true],
    ["0", false],
    ["Churned", true],
    ["renewed", false],
    ["RETAINED", false],
    ["active", false],
  ] as [CellValue, boolean][])("reads %j in a Churned column as churned = %s", (cell, churned) => {
    expect(readOutcome(cell, "churned")).toBe(churned);
  });

  it.each(["", "  ", "N/A", "pending", "2026-11-01", 2, null, undefined] as CellValue[])(
    "leaves %j out",
    (cell) => {
      expect(readOutcome(cell)).toBeUndefined();
    },
  );

  it("reads yes/no the other way round in a Renewed column, and words as they say", () => {
    expect(readOutcome(true, "renewed")).toBe(false);
    expect(readOutcome("no", "renewed")).toBe(true);
    expect(readOutcome("churned", "renewed")).toBe(true);
    expect(readOutcome("renewed", "renewed")).toBe(false);
  });

  it("infers what TRUE means from the column's name", () => {
    expect(outcomePositive("Churned")).toBe("churned");
    expect(outcomePositive("Lost?")).toBe("churned");
    expect(outcomePositive("Renewed")).toBe("renewed");
    expect(outcomePositive("Retained in 2026")).toBe("renewed");
  });
});

describe("auc", () => {
  it("is 1 when every retained account scores above every churned one, 0 the other way, 0.5 for ties", () => {
    expect(auc([10, 20, 80, 90], [true, true, false, false])).toBe(1);
    expect(auc([10, 20, 80, 90], [false, false, true, true])).toBe(0);
    expect(auc([50, 50, 50, 50], [false, true, false, true])).toBe(0.5);
  });

  it("matches the pairwise definition on a fixture with ties", () => {
    const scores = [12, 40, 40, 55, 55, 55, 61, 70, 70, 88, 90, 12];
    const churned = [true, true, false, true, false, false, true, false, false, false, true, false];
    // 5 churned × 7 retained = 35 pairs. Retained 12 ties churned 12 (0.5); retained 40 beats 12 and
    // ties 40 (1.5); each retained 55 beats 12, 40 and ties 55 (2.5 × 2); each 70 beats four (4 × 2);
    // 88 beats four (4): 19 of 35.
    expect(pairwiseAuc(scores, churned)).toBeCloseTo(19 / 35, 12);
    expect(auc(scores, churned)).toBeCloseTo(19 / 35, 12);
  });

  it("is NaN without both classes, and leaves out scores that are not numbers", () => {
    expect(auc([1, 2], [true, true])).toBeNaN();
    expect(auc([], [])).toBeNaN();
    expect(auc([1, Number.NaN, 3], [true, true, false])).toBe(1);
  });

  it("equals the O(n²) pairwise AUC for any scores and outcomes (property)", () => {
    const data = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { minLength: 1, maxLength: 60 })
      .map((pairs) => ({ scores: pairs.map((p) => p[0] / 2), churned: pairs.map((p) => p[1]) }));
    fc.assert(
      fc.property(data, ({ scores, churned }) => {
        const fast = auc(scores, churned);
        const slow = pairwiseAuc(scores, churned);
        if (Number.isNaN(slow)) expect(fast).toBeNaN();
        else expect(Math.abs(fast - slow)).toBeLessThan(1e-12);
        // Reversing the score reverses the AUC.
        if (!Number.isNaN(slow))
          expect(
            auc(
              scores.map((s) => -s),
              churned,
            ),
          ).toBeCloseTo(1 - fast, 12);
      }),
      { numRuns: 300 },
    );
  });
});

describe("bootstrapAucCi", () => {
  const { rows } = synthetic(400, [0.05], 1);
  const scores = rows.map((r) => r.M0 as number);
  const churned = rows.map((r) => r.Churned as boolean);

  it("brackets the AUC, and is the same for the same seed", () => {
    const [lo, hi] = bootstrapAucCi(scores, churned, { samples: 500, seed: 1 });
    const a = auc(scores, churned);
    expect(lo).toBeLessThan(a);
    expect(hi).toBeGreaterThan(a);
    expect(hi - lo).toBeLessThan(0.2);
    expect(bootstrapAucCi(scores, churned, { samples: 500, seed: 1 })).toEqual([lo, hi]);
    expect(bootstrapAucCi(scores, churned, { samples: 500, seed: 2 })).not.toEqual([lo, hi]);
  });

  it("counts each resample's AUC over rank buckets exactly as the pairwise AUC of the resample", () => {
    // One resample: replay the same draws (churned, then retained, each in score order) by hand.
    const seed = 11;
    const inOrder = (cls: boolean) =>
      scores
        .map((s, i) => ({ s, i }))
        .filter(({ i }) => churned[i] === cls)
        .sort((a, b) => a.s - b.s || a.i - b.i)
        .map(({ s }) => s);
    const c = inOrder(true);
    const r = inOrder(false);
    const random = seededRandom(seed);
    const drawn = [
      ...c.map(() => c[Math.floor(random() * c.length)] as number),
      ...r.map(() => r[Math.floor(random() * r.length)] as number),
    ];
    const labels = [...c.map(() => true), ...r.map(() => false)];
    const [lo, hi] = bootstrapAucCi(scores, churned, { samples: 1, seed });
    expect(lo).toBe(hi);
    expect(lo).toBeCloseTo(pairwiseAuc(drawn, labels), 12);
  });

  it("is [1, 1] for a perfect score and NaN without both classes", () => {
    expect(bootstrapAucCi([1, 2, 3, 4], [true, true, false, false], { samples: 50 })).toEqual([1, 1]);
    expect(bootstrapAucCi([1, 2], [false, false])).toEqual([Number.NaN, Number.NaN]);
  });
});

describe("fitLogistic", () => {
  it("recovers the coefficients of a known logistic model", () => {
    const { columns, rows } = synthetic(20_000, [0.06, 0.03, 0.015], 4);
    const x = columns.map((c) => Float64Array.from(rows, (r) => r[c] as number));
    const fit = fitLogistic(
      x,
      rows.map((r) => r.Churned as boolean),
    );
    const raw = Array.from(fit.rawCoef);
    [-0.06, -0.03, -0.015].forEach((beta, j) => {
      expect(Math.abs((raw[j] as number) - beta) / Math.abs(beta)).toBeLessThan(0.15);
    });
  });

  it("stays finite when a feature separates the outcome perfectly (the penalty holds it)", () => {
    const x = [Float64Array.from({ length: 40 }, (_, i) => i)];
    const y = Array.from({ length: 40 }, (_, i) => i < 20);
    const fit = fitLogistic(x, y);
    expect(Number.isFinite(fit.coef[0])).toBe(true);
    expect(fit.coef[0]).toBeLessThan(0);
  });

  it("fills a missing value with the mean and ignores a constant feature", () => {
    const x = [Float64Array.from([1, 2, Number.NaN, 4, 5, 6]), Float64Array.from([3, 3, 3, 3, 3, 3])];
    const fit = fitLogistic(x, [true, true, true, false, false, false]);
    expect(fit.mean[0]).toBeCloseTo(3.6, 12);
    expect(fit.sd[1]).toBe(0);
    expect(fit.rawCoef[1]).toBe(0);
  });
});

describe("suggestThresholds", () => {
  it("finds the cut points where churn changes", () => {
    // Scores 0..99.9; churn 60% below 30, 20% from 30 to 70, 2% from 70.
    const random = seededRandom(3);
    const scores = Array.from({ length: 1000 }, (_, i) => i / 10);
    const churned = scores.map((s) => random() < (s < 30 ? 0.6 : s < 70 ? 0.2 : 0.02));
    const suggestion = suggestThresholds(scores, churned, 3);
    expect(suggestion?.monotonic).toBe(true);
    const [low, high] = suggestion?.cuts ?? [];
    expect(Math.abs((low as number) - 30)).toBeLessThanOrEqual(5);
    expect(Math.abs((high as number) - 70)).toBeLessThanOrEqual(5);
  });

  it("returns increasing cuts with one decimal, or nothing when the scores are too tied", () => {
    const random = seededRandom(5);
    const scores = Array.from({ length: 300 }, () => Math.round(random() * 1000) / 10).sort((a, b) => a - b);
    const churned = scores.map(() => random() < 0.3);
    const cuts = suggestThresholds(scores, churned, 5)?.cuts ?? [];
    expect(cuts).toHaveLength(4);
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]).toBeGreaterThan(cuts[i - 1] as number);
    for (const c of cuts) expect(Math.round(c * 10) / 10).toBe(c);
    expect(suggestThresholds([5, 5, 5, 5], [true, false, true, false], 3)).toBeUndefined();
  });
});

describe("toPercent", () => {
  it("sums to exactly 100 with one decimal", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (xs) => {
          const p = toPercent(xs);
          const total = xs.reduce((a, b) => a + b, 0);
          if (total === 0) expect(p.every((x) => x === 0)).toBe(true);
          else expect(Math.round(p.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
        },
      ),
    );
  });
});

describe("calibrate", () => {
  const three = rubric({
    metrics: [pct("M0", { weight: 1 }), pct("M1", { weight: 1 }), pct("M2", { weight: 1 })],
  });

  it("recovers the weight ratios of a known logistic model as suggested weights", () => {
    const { rows } = synthetic(20_000, [0.06, 0.03, 0.015], 4);
    const c = run(three, rows, { samples: 100 });
    // True relative weights: 0.06 : 0.03 : 0.015 = 57.1% : 28.6% : 14.3%.
    const truth = { M0: 400 / 7, M1: 200 / 7, M2: 100 / 7 };
    for (const [id, w] of Object.entries(truth)) {
      expect(Math.abs((c.suggested.weights[id] as number) - w) / w).toBeLessThan(0.15);
    }
    expect(Object.values(c.suggested.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(c.current.weights).toEqual({ M0: 33.4, M1: 33.3, M2: 33.3 });
    // The true weights rank better than equal ones on held-out folds.
    expect(c.suggested.cv_auc as number).toBeGreaterThan(c.current.cv_auc as number);
  });

  it("reports the AUC with its interval, counts, bands and reliability", () => {
    const { rows } = synthetic(600, [0.04, 0.02, 0], 1.5);
    const c = run(three, rows);
    expect(c.n).toBe(600);
    expect(c.churned + c.retained).toBe(600);
    expect(c.reliable).toBe(true);
    expect(c.warning).toBeUndefined();
    expect(c.auc).toBeGreaterThan(0.6);
    expect(c.auc_ci[0]).toBeLessThan(c.auc);
    expect(c.auc_ci[1]).toBeGreaterThan(c.auc);
    expect(c.bands.map((b) => b.label)).toEqual(["Red", "Yellow", "Green"]);
    expect(c.bands.reduce((a, b) => a + b.accounts, 0)).toBe(600);
    expect(c.suggested.thresholds).toHaveLength(2);
    expect(c.current.thresholds).toEqual([40, 70]);
    expect(c.cv).toEqual({ folds: 5, aggregate: "mean of fold AUCs" });
    // M2 has no effect: its suggested weight is small, and it is not a significant separator.
    const m2 = c.metrics.find((m) => m.id === "M2");
    expect(c.suggested.weights.M2 as number).toBeLessThan(15);
    expect(m2?.significant).toBe(false);
  });

  it("is deterministic: the same seed gives the same calibration", () => {
    const { rows } = synthetic(300, [0.04, 0.02, 0.01], 1.5);
    expect(run(three, rows, { seed: 9 })).toEqual(run(three, rows, { seed: 9 }));
  });

  it("warns when there are fewer than 20 churned accounts", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ M0: i, M1: i, M2: i, Churned: i < 12 }));
    const c = run(three, rows);
    expect(c.churned).toBe(12);
    expect(c.reliable).toBe(false);
    expect(c.warning).toBe(
      "Only 12 churned accounts: these numbers are not yet reliable; 20 or more are needed.",
    );
  });

  it("flags bands whose churn does not fall from the lowest band to the highest", () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ M0: 20, M1: 20, M2: 20, Churned: i < 4 })), // Red 20%
      ...Array.from({ length: 20 }, (_, i) => ({ M0: 50, M1: 50, M2: 50, Churned: i < 10 })), // Yellow 50%
      ...Array.from({ length: 20 }, (_, i) => ({ M0: 90, M1: 90, M2: 90, Churned: i < 1 })), // Green 5%
    ];
    const c = run(three, rows);
    expect(c.bands.map((b) => b.churn_rate)).toEqual([0.2, 0.5, 0.05]);
    expect(c.monotonic).toBe(false);
    expect(c.monotonic_warning).toBe(
      "Yellow churns more than Red (50% against 20%): churn should fall from the lowest band to the highest, so the bands do not order risk as they should.",
    );
  });

  it("counts No data accounts in their own band, outside n", () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => ({ M0: i * 3, M1: i * 3, M2: i * 3, Churned: i % 3 === 0 })),
      { M0: "", M1: "", M2: "", Churned: true },
      { M0: 10, M1: 10, M2: 10, Churned: "" },
    ];
    const c = run(three, rows);
    expect(c.n).toBe(30);
    expect(c.excluded).toEqual({ no_outcome: 1, no_score: 1 });
    expect(c.bands.at(-1)).toEqual({ label: "No data", accounts: 1, churned: 1, churn_rate: 1 });
  });

  it("names outcome cells that are neither yes/no nor churned/renewed, instead of silently leaving them out", () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => ({
        M0: i * 3,
        M1: i * 3,
        M2: i * 3,
        Churned: i % 3 === 0 ? "Yes" : "no",
      })),
      { M0: 10, M1: 10, M2: 10, Churned: "pending" },
      { M0: 10, M1: 10, M2: 10, Churned: "maybe" },
      { M0: 10, M1: 10, M2: 10, Churned: "pending" },
      { M0: 10, M1: 10, M2: 10, Churned: "N/A" },
    ];
    const c = run(three, rows);
    expect(c.n).toBe(30);
    expect(c.churned).toBe(10);
    expect(c.excluded.no_outcome).toBe(4);
    expect(c.outcome_warning).toBe(
      '"Churned" has 3 cells that are neither yes/no (TRUE/FALSE, yes/no, y/n, 1/0) nor churned/renewed ("pending", "maybe"), so those rows are left out: write one of those, or leave the cell blank while the renewal is not due.',
    );
    expect(run(three, rows.slice(0, 30)).outcome_warning).toBeUndefined();
  });

  it("says which way each metric separates churn and where the rubric disagrees", () => {
    const random = seededRandom(21);
    const rows = Array.from({ length: 400 }, () => {
      const usage = Math.round(random() * 100);
      const tickets = Math.floor(random() * 6);
      const churn = random() < 1 / (1 + Math.exp(-(1 - 0.04 * usage + 0.5 * (tickets - 2.5))));
      return { Usage: usage, Tickets: tickets, Plan: random() < 0.5 ? "Pro" : "Basic", Churned: churn };
    });
    const r = rubric({
      metrics: [
        pct("Usage"),
        // Wrong way round: rewards open tickets.
        {
          id: "tickets",
          column: "Tickets",
          score: {
            type: "steps",
            steps: [
              { min: 3, score: 100 },
              { min: 1, score: 50 },
            ],
            else: 0,
          },
        },
        {
          id: "plan",
          column: "Plan",
          input: "text",
          score: { type: "map", values: { pro: 100, basic: 50 } },
        },
      ],
    });
    const c = run(r, rows);
    const [usage, tickets, plan] = c.metrics;
    expect(usage).toMatchObject({
      direction: "higher is healthier",
      rubric_direction: "higher is healthier",
      disagrees: false,
      significant: true,
    });
    expect(usage?.auc).toBeGreaterThan(0.7);
    expect(tickets).toMatchObject({
      direction: "lower is healthier",
      rubric_direction: "higher is healthier",
      disagrees: true,
      significant: true,
    });
    expect(tickets?.auc).toBeLessThan(0.5);
    expect(plan).toMatchObject({ direction: "unclear", rubric_direction: "unclear", value_auc: null });
    // A metric that predicts churn gets no weight.
    expect(c.suggested.weights.tickets).toBe(0);
    expect(c.suggested.weights.Usage).toBeGreaterThan(50);
  });

  it("works for points rubrics, with the points as the metric's feature", () => {
    const { rows } = synthetic(2000, [0.06, 0.02], 3);
    const r = rubric({
      method: "points",
      bands: [
        { label: "Low", color: "#f00" },
        { label: "High", from: 100, color: "#0f0" },
      ],
      metrics: [
        { id: "a", column: "M0", weight: 2, score: { type: "perUnit", points: 1 } },
        { id: "b", column: "M1", score: { type: "perUnit", points: 3 } },
      ],
    });
    const c = run(r, rows);
    // Per point: a's coefficient is 0.06, b's 0.02 / 3.
    expect(c.suggested.weights.a as number).toBeGreaterThan(80);
    expect(c.current.weights).toEqual({ a: 66.7, b: 33.3 });
    expect(c.suggested.rubric_weights).toBeDefined();
    expect(Object.values(c.suggested.rubric_weights ?? {}).reduce((x, y) => x + y, 0)).toBeCloseTo(3, 1);
    expect(c.note).toContain("Points rubric");
    expect(c.suggested.thresholds).toHaveLength(1);
  });

  it("calibrates segmented rubrics on the scores as scored, metrics from the top level, and says so", () => {
    const { rows } = synthetic(500, [0.05, 0.01, 0.01], 2);
    const segmented = rubric({
      metrics: [pct("M0"), pct("M1"), pct("M2")],
      segments: { column: "Segment", rubrics: { New: { bands: three.bands, metrics: [pct("M1")] } } },
    });
    const withSegments = rows.map((row, i) => ({ ...row, Segment: i % 2 ? "New" : "Adopted" }));
    const c = run(segmented, withSegments);
    expect(c.note).toContain("Segmented rubric");
    expect(c.metrics.map((m) => m.id)).toEqual(["M0", "M1", "M2"]);
    expect(c.metrics[0]?.accounts).toBe(500);
  });

  it("reads each metric's own score the same from the scored drivers as from a separate pass", () => {
    // A segment that matches no row makes calibrate score the top-level metrics in a pass of their own.
    const { rows } = synthetic(400, [0.05, 0.02, 0.01], 2);
    const weighted = rubric({
      metrics: [pct("M0", { weight: 3 }), pct("M1"), pct("M2", { missing: "zero" })],
    });
    const points = rubric({
      method: "points",
      metrics: [
        { id: "a", column: "M0", weight: 0.3, score: { type: "perUnit", points: 1 } },
        {
          id: "b",
          column: "M1",
          weight: 7,
          score: { type: "steps", steps: [{ min: 50, score: 5 }], else: -5 },
        },
      ],
    });
    const blanks = rows.map((row, i) => ({ ...row, M2: i % 4 === 0 ? "" : row.M2, Segment: "x" }));
    for (const r of [weighted, points]) {
      const split = { ...r, segments: { column: "Segment", rubrics: { nobody: { ...r } } } };
      const a = run(r, blanks);
      const b = run(split, blanks);
      expect(b.metrics).toEqual(a.metrics);
      expect(b.suggested.weights).toEqual(a.suggested.weights);
    }
  });

  it("gives each metric its share of the score under groups", () => {
    const grouped = rubric({
      groups: { Usage: 60, Support: 40 },
      metrics: [
        pct("M0", { group: "Usage", weight: 1 }),
        pct("M1", { group: "Usage", weight: 3 }),
        pct("M2", { group: "Support" }),
      ],
    });
    const { rows } = synthetic(200, [0.04, 0.02, 0.01], 1.5);
    const c = run(grouped, rows);
    expect(c.current.weights).toEqual({ M0: 15, M1: 45, M2: 40 });
    expect(c.note).toContain("The rubric has groups");
  });

  it("reads a Renewed column the other way round", () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ M0: i, M1: i, M2: i, Renewed: i >= 20 }));
    const c = run(three, rows, { outcomeColumn: "Renewed" });
    expect(c.outcome).toEqual({ column: "Renewed", positive: "renewed" });
    expect(c.churned).toBe(20);
    expect(c.auc).toBe(1);
  });

  it("explains what it cannot do in one sentence", () => {
    const good = Array.from({ length: 10 }, (_, i) => ({ M0: i, M1: i, M2: i, Churned: i < 3 }));
    const fails = (rows: Record<string, CellValue>[], options: Partial<CalibrateOptions> = {}) => {
      try {
        run(three, rows, options);
      } catch (e) {
        expect(e).toBeInstanceOf(CalibrationError);
        return (e as Error).message;
      }
      throw new Error("expected a CalibrationError");
    };
    expect(fails(good, { outcomeColumn: "Lost" })).toBe(
      'The data has no column "Lost": name the column that says which accounts churned.',
    );
    expect(fails(good.map((r) => ({ ...r, Churned: "" })))).toMatch(/^The column "Churned" has no outcomes/);
    expect(fails(good.map((r) => ({ ...r, Churned: false })))).toBe(
      "None of the 10 scored accounts with an outcome churned: calibration needs both churned and retained accounts.",
    );
    expect(fails(good.map((r) => ({ ...r, Churned: "yes" })))).toBe(
      "All 10 scored accounts with an outcome churned: calibration needs both churned and retained accounts.",
    );
  });
});

describe("calibrate: what the report shows", () => {
  const twoBands = (metrics: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    rubric({
      bands: [
        { label: "Low", color: "#f4c7c3" },
        { label: "High", from: 50, color: "#b7e1cd" },
      ],
      metrics,
      ...extra,
    });
  // Usage 99 down to 0 (so the rows are not in score order); the 20 accounts below 20 churned.
  const steep = Array.from({ length: 100 }, (_, i) => ({ Churned: 99 - i < 20, Usage: 99 - i }));

  it("counts churn, bands and the suggested cut whatever the order of the rows", () => {
    const c = run(twoBands([pct("Usage")]), steep);
    expect([c.n, c.churned, c.retained, c.churn_rate]).toEqual([100, 20, 80, 0.2]);
    // Exactly 20 churned accounts is enough.
    expect(c.reliable).toBe(true);
    expect(c.warning).toBeUndefined();
    // Low (0–49) holds all 20 churned of its 50 accounts, High none of its 50.
    expect(c.bands).toStrictEqual([
      { label: "Low", accounts: 50, churned: 20, churn_rate: 0.4 },
      { label: "High", from: 50, accounts: 50, churned: 0, churn_rate: 0 },
    ]);
    // Churn stops exactly at the 20th percentile of the scores (19.8, between 19 and 20): a cut
    // there leaves no doubt on either side, so it is the suggestion, all 20 churned below it.
    expect(c.suggested.thresholds).toEqual([19.8]);
    expect(c.suggested.bands).toStrictEqual([
      { label: "Low", accounts: 20, churned: 20, churn_rate: 1 },
      { label: "High", from: 19.8, accounts: 80, churned: 0, churn_rate: 0 },
    ]);
    // A weighted rubric has no points to rescale, and nothing here needs a note.
    expect(c.suggested.rubric_weights).toBeUndefined();
    expect(c.note).toBeUndefined();
    expect(c.verdict.folds).toBe(5);
    expect(c.verdict.text).toMatch(/^On held-out accounts \(5-fold cross-validation\)/);
  });

  it("finds the outcome column by its trimmed name in any case, in the first column too", () => {
    const c = run(twoBands([pct("Usage")]), steep, { outcomeColumn: " churned " });
    expect(c.churned).toBe(20);
  });

  it("joins its notes into one paragraph", () => {
    // Churn rises with usage: no weight goes with retention, and no cut makes churn fall.
    const rising = steep.map((r) => ({ ...r, Churned: !r.Churned }));
    expect(run(twoBands([pct("Usage")]), rising).note).toBe(
      "No metric's score goes with retention in this data, so there are no weights to suggest. No set of thresholds makes churn fall from band to band: the suggested thresholds only separate churn best.",
    );
  });

  it("says which outcome is short when there are too few retained accounts", () => {
    const rows = Array.from({ length: 35 }, (_, i) => ({ Usage: i, Churned: i < 20 }));
    const c = run(twoBands([pct("Usage")]), rows);
    expect(c.reliable).toBe(false);
    expect(c.warning).toBe(
      "Only 15 retained accounts: these numbers are not yet reliable; 20 or more are needed.",
    );
  });

  it("uses the seed, the resamples and the penalty it is given", () => {
    const { rows } = synthetic(200, [0.04, 0.02, 0.01], 1.5);
    const scores = rows.map((r) => r.M0 as number);
    const churned = rows.map((r) => r.Churned as boolean);
    const one = twoBands([pct("M0")]);
    const given = run(one, rows, { seed: 9, samples: 150 });
    expect(given.seed).toBe(9);
    expect(given.auc_ci).toEqual(
      bootstrapAucCi(scores, churned, { samples: 150, seed: 9 }).map((x) => Math.round(x * 1000) / 1000),
    );
    const byDefault = run(one, rows);
    expect(byDefault.seed).toBe(DEFAULT_SEED);
    const three = rubric({ metrics: [pct("M0"), pct("M1"), pct("M2")] });
    expect(run(three, rows, { lambda: 30 }).suggested.weights).not.toEqual(
      run(three, rows).suggested.weights,
    );
  });

  it("lists a band without accounts, with no churn rate, and each band's threshold", () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({ Usage: 10, Churned: i < 6 })),
      ...Array.from({ length: 10 }, (_, i) => ({ Usage: 90, Churned: i < 1 })),
      { Usage: "", Churned: false },
    ];
    const c = run(rubric({ metrics: [pct("Usage")] }), rows);
    expect(c.bands).toStrictEqual([
      { label: "Red", accounts: 10, churned: 6, churn_rate: 0.6 },
      { label: "Yellow", from: 40, accounts: 0, churned: 0, churn_rate: null },
      { label: "Green", from: 70, accounts: 10, churned: 1, churn_rate: 0.1 },
      { label: "No data", accounts: 1, churned: 0, churn_rate: 0 },
    ]);
  });

  it("counts No data accounts apart from the accounts with no outcome", () => {
    // As many No data accounts as scored ones: neither number is mistaken for "no outcomes".
    const rows = [
      ...[10, 20, 80, 90].map((u, i) => ({ Usage: u, Churned: i < 2 })),
      ...[0, 1, 2, 3].map((i) => ({ Usage: "", Churned: i < 2 })),
    ];
    const c = run(rubric({ metrics: [pct("Usage")] }), rows);
    expect([c.n, c.excluded.no_score, c.auc]).toEqual([4, 4, 1]);
  });

  it("says so when no account with an outcome has a score", () => {
    const rows = [0, 1, 2].map((i) => ({ Usage: "", Churned: i === 0 }));
    expect(() => run(rubric({ metrics: [pct("Usage")] }), rows)).toThrow(
      new CalibrationError(
        "None of the 3 accounts with an outcome has a score (all are No data): nothing to calibrate.",
      ),
    );
  });

  it("names its errors CalibrationError", () => {
    // A log or a stack trace shows the name before the message.
    expect(new CalibrationError("x").name).toBe("CalibrationError");
  });

  // Values 0..9; 0, 1, 2 and 5 churned. Of the 4 × 6 pairs the retained account scores higher in
  // all but two (3 and 4 against 5): AUC 22/24 = 0.917.
  const tenRows = Array.from({ length: 10 }, (_, v) => ({ A: v, Z: v, Churned: [0, 1, 2, 5].includes(v) }));

  it("analyses a metric that weighs nothing on its own score (points)", () => {
    const points = rubric({
      method: "points",
      bands: [
        { label: "Low", color: "#f00" },
        { label: "High", from: 5, color: "#0f0" },
      ],
      metrics: [
        { id: "a", column: "A", score: { type: "perUnit", points: 1 } },
        { id: "z", column: "Z", weight: 0, score: { type: "perUnit", points: 1 } },
      ],
    });
    const z = run(points, tenRows).metrics[1];
    expect([z?.accounts, z?.auc]).toEqual([10, 0.917]);
  });

  it("analyses a metric in a group that weighs nothing on its own score", () => {
    const grouped = rubric({
      groups: { Core: 1, Off: 0 },
      metrics: [pct("A", { group: "Core" }), pct("Z", { group: "Off" })],
    });
    const z = run(grouped, tenRows).metrics[1];
    expect([z?.accounts, z?.auc]).toEqual([10, 0.917]);
  });

  it("counts a metric's accounts only where it has a value, whatever its missing policy", () => {
    // A is blank on the 3rd and 7th rows, B (missing counts as 0) on the 8th and 10th.
    const rows = tenRows.map((r, i) => ({
      A: i === 2 || i === 6 ? "" : r.A,
      B: i === 7 || i === 9 ? "" : r.A,
      Churned: r.Churned,
    }));
    const c = run(rubric({ metrics: [pct("A"), pct("B", { missing: "zero" })] }), rows);
    expect(c.metrics.map((m) => m.accounts)).toEqual([8, 8]);
    // B without 7 and 9: retained 3, 4, 6, 8 against churned 0, 1, 2, 5: 14 of 16 pairs.
    expect(c.metrics[1]?.auc).toBe(0.875);
  });

  it("says where the data and the rubric disagree, and where they cannot tell", () => {
    // V is 1..5; the accounts at 2 and 3 churned. Higher V goes with retention: of the 6 pairs the
    // retained 4 and 5 beat both churned, 1 neither: value AUC 4/6.
    const rows = [1, 2, 3, 4, 5].map((v) => ({
      V: v,
      Plan: v === 2 || v === 3 ? "Pro" : "Basic",
      Tier: "Gold",
      Only: v === 2 || v === 3 ? v : "",
      // Each retained account (2, 2, 2) beats churned 1 and loses to churned 3: value AUC exactly 0.5.
      W: [2, 1, 3, 2, 2][v - 1],
      Churned: v === 2 || v === 3,
    }));
    const steps = (steps: unknown[], otherwise: number) => ({ type: "steps", steps, else: otherwise });
    const r = rubric({
      metrics: [
        // Rewards V below 2: the rubric thinks lower is healthier, the data says higher.
        { id: "down", column: "V", score: steps([{ min: 2, score: 0 }], 100) },
        // 50, 0, 0, 100, 100 up V: no one direction, and it ranks every retained account higher.
        {
          id: "bumpy",
          column: "V",
          score: steps(
            [
              { min: 4, score: 100 },
              { min: 2, score: 0 },
            ],
            50,
          ),
        },
        // Text: no direction either way; Pro (the churned accounts) scores higher.
        {
          id: "plan",
          column: "Plan",
          input: "text",
          score: { type: "map", values: { pro: 100, basic: 50 } },
        },
        // Every account scores the same: AUC 0.5, no disagreement.
        { id: "tier", column: "Tier", input: "text", score: { type: "map", values: { gold: 100 } } },
        // Only churned accounts have a value: nothing to compare.
        pct("Only"),
        // The rubric says lower is healthier; the data, at AUC 0.5, says neither: no disagreement.
        { id: "flat", column: "W", score: { type: "range", worst: 3, best: 1 } },
      ],
    });
    const seen = run(r, rows).metrics.map((m) => [m.id, m.direction, m.rubric_direction, m.auc, m.disagrees]);
    expect(seen).toEqual([
      ["down", "higher is healthier", "lower is healthier", 0.667, true],
      ["bumpy", "higher is healthier", "unclear", 1, false],
      ["plan", "unclear", "unclear", 0, true],
      ["tier", "unclear", "unclear", 0.5, false],
      ["Only", "unclear", "higher is healthier", null, false],
      ["flat", "unclear", "lower is healthier", 0.5, false],
    ]);
  });

  it("does not call an AUC of 0.72 on 10 churned and 10 retained accounts significant", () => {
    // Churned 0..9; retained seven at 9.5 (beat all 10), one at 1.5 (beats 2), two at -1: 72 of 100.
    // Hanley–McNeil: Q1 = 0.72/1.28, Q2 = 2 × 0.72²/1.72, variance
    // (0.72 × 0.28 + 9 (Q1 − 0.72²) + 9 (Q2 − 0.72²)) / 100 = 0.01358: 1.96 × 0.1165 = 0.228 > 0.22.
    const values = [...Array.from({ length: 10 }, (_, i) => i), ...Array(7).fill(9.5), 1.5, -1, -1];
    const rows = values.map((S, i) => ({ S, Churned: i < 10 }));
    const [s] = run(rubric({ metrics: [pct("S")] }), rows).metrics;
    expect([s?.value_auc, s?.significant]).toEqual([0.72, false]);
  });
});
