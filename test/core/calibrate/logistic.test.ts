import { describe, expect, it } from "vitest";
// The module alone, not the core's index: these small fits should not pay for importing the rest.
import { fitLogistic, type LogisticFit } from "../../../src/core/calibrate/logistic";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const col = (...xs: number[]) => Float64Array.from(xs);

/** A feature as the fit sees it: standardised with the fit's own mean and sd, a missing value 0. */
const z = (fit: LogisticFit, j: number, v: number) =>
  Number.isNaN(v) || fit.sd[j] === 0 ? 0 : (v - (fit.mean[j] as number)) / (fit.sd[j] as number);

/** Each row's fitted probability of churn, from the fit's intercept and coefficients. */
const probabilities = (fit: LogisticFit, columns: Float64Array[]) =>
  Array.from(columns[0] ?? [], (_, i) =>
    sigmoid(
      columns.reduce((e, c, j) => e + (fit.coef[j] as number) * z(fit, j, c[i] as number), fit.intercept),
    ),
  );

/** Forty accounts, two correlated features (one with a gap), churn that falls as both rise, not separable. */
function accounts() {
  const usage: number[] = [];
  const seats: number[] = [];
  const churned: boolean[] = [];
  for (let i = 0; i < 40; i++) {
    const u = (i % 10) + (i % 3) * 0.5;
    usage.push(u);
    seats.push(i === 17 ? Number.NaN : u * 0.5 + (i % 4));
    churned.push((i * 37) % 11 < (u < 5 ? 6 : 2));
  }
  return { columns: [col(...usage), col(...seats)], churned };
}

describe("where the fit starts", () => {
  it("starts at the log-odds of the base rate, coefficients 0", () => {
    // 3 of 4 churned: log(0.75 / 0.25) = log 3.
    const fit = fitLogistic([col(1, 2, 3, 4)], [true, true, true, false], { maxIterations: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(3), 12);
    expect(Array.from(fit.coef)).toEqual([0]);
    expect(fit.iterations).toBe(0);
  });

  it("clamps the base rate to 1e-6 from 0 and 1, so that everyone churning still gives a finite fit", () => {
    const all = [true, true, true, true];
    const start = fitLogistic([col(1, 2, 3, 4)], all, { maxIterations: 0 });
    expect(start.intercept).toBeCloseTo(Math.log((1 - 1e-6) / 1e-6), 9);
    const fit = fitLogistic([col(1, 2, 3, 4)], all);
    expect(Number.isFinite(fit.intercept)).toBe(true);
    expect(fit.intercept).toBeGreaterThan(10);
    expect(Number.isFinite(fit.rawCoef[0])).toBe(true);
  });

  it("starts where it is told, and ignores a start with the wrong number of coefficients", () => {
    const y = [true, true, true, false];
    const given = fitLogistic([col(1, 2, 3, 4)], y, {
      maxIterations: 0,
      start: { intercept: 0.5, coef: [0.25] },
    });
    expect(given.intercept).toBe(0.5);
    expect(Array.from(given.coef)).toEqual([0.25]);
    const wrong = fitLogistic([col(1, 2, 3, 4)], y, {
      maxIterations: 0,
      start: { intercept: 0.5, coef: [0.25, 1] },
    });
    expect(wrong.intercept).toBeCloseTo(Math.log(3), 12);
  });
});

describe("how the features are standardised", () => {
  it("takes the mean of the values present and the spread of the mean-filled column over n - 1", () => {
    // Mean of 1, 2, 4, 5, 6 = 3.6; squared deviations 6.76 + 2.56 + 0.16 + 1.96 + 5.76 = 17.2 over 6 - 1.
    const fit = fitLogistic([col(1, 2, Number.NaN, 4, 5, 6)], [true, true, true, false, false, false]);
    expect(fit.mean[0]).toBeCloseTo(3.6, 12);
    expect(fit.sd[0]).toBeCloseTo(Math.sqrt(17.2 / 5), 12);
    expect(fit.rawCoef[0]).toBeCloseTo((fit.coef[0] as number) / Math.sqrt(17.2 / 5), 12);
  });

  it("leaves a feature with no value unused: mean 0, sd 0, coefficient 0", () => {
    const none = col(Number.NaN, Number.NaN, Number.NaN, Number.NaN);
    const fit = fitLogistic([none, col(1, 2, 3, 4)], [true, false, true, false]);
    expect(fit.mean[0]).toBe(0);
    expect(fit.sd[0]).toBe(0);
    expect(fit.rawCoef[0]).toBe(0);
    expect(Number.isFinite(fit.rawCoef[1])).toBe(true);
  });

  it("treats a constant feature as unused even when its mean carries rounding (0.1 three times)", () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, so the mean is a hair off 0.1 and the spread ~1e-17, not 0.
    const fit = fitLogistic([col(0.1, 0.1, 0.1), col(1, 2, 3)], [true, false, true]);
    expect(fit.sd[0]).toBe(0);
    expect(fit.rawCoef[0]).toBe(0);
    expect(Number.isFinite(fit.rawCoef[1])).toBe(true);
  });

  it("gives a single account no spread and still a finite fit", () => {
    const fit = fitLogistic([col(5)], [true]);
    expect(fit.sd[0]).toBe(0);
    expect(Number.isFinite(fit.intercept)).toBe(true);
  });

  it("fits the other features exactly as if a constant one were not there", () => {
    const y = [true, true, false, true, false, false];
    const usage = col(1, 2, 3, 4, 5, 6);
    const alone = fitLogistic([usage], y);
    const withConstant = fitLogistic([col(7, 7, 7, 7, 7, 7), usage], y);
    expect(withConstant.intercept).toBeCloseTo(alone.intercept, 12);
    expect(withConstant.coef[1]).toBeCloseTo(alone.coef[0] as number, 12);
  });

  it("centres each feature: churn mirrored about the middle value gives an intercept of 0", () => {
    // Swapping x for 10 - x and churn for not-churn maps the data onto itself, so σ(b₀) at the mean x is 1/2.
    const fit = fitLogistic([col(2, 3, 4, 6, 7, 8)], [true, true, false, true, false, false]);
    expect(fit.intercept).toBeCloseTo(0, 9);
    expect(fit.coef[0]).toBeLessThan(0);
  });
});

describe("what the fit converges to", () => {
  it("is the penalised optimum: the score equations hold at the fitted coefficients", () => {
    // d/db₀: Σ (pᵢ − yᵢ) = 0; d/dbⱼ: Σ (pᵢ − yᵢ) zᵢⱼ + λ bⱼ = 0 (the intercept is not penalised).
    const { columns, churned } = accounts();
    const lambda = 2;
    const fit = fitLogistic(columns, churned, { lambda });
    const p = probabilities(fit, columns);
    const residual = p.map((pi, i) => pi - Number(churned[i]));
    expect(residual.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 8);
    columns.forEach((c, j) => {
      const score = residual.reduce((a, r, i) => a + r * z(fit, j, c[i] as number), 0);
      expect(score + lambda * (fit.coef[j] as number)).toBeCloseTo(0, 8);
    });
    expect(fit.coef[0]).toBeLessThan(0);
  });

  it("without a penalty, gives each group its own churn rate as its fitted probability", () => {
    // The saturated model of two groups: its maximum likelihood is each group's observed rate,
    // here 1 of 4 and 2 of 3. A constant feature rides along, unused.
    const group = col(0, 0, 0, 0, 1, 1, 1);
    const churned = [true, false, false, false, true, true, false];
    const columns = [col(3, 3, 3, 3, 3, 3, 3), group];
    const fit = fitLogistic(columns, churned, { lambda: 0 });
    const p = probabilities(fit, columns);
    expect(p[0]).toBeCloseTo(1 / 4, 7);
    expect(p[4]).toBeCloseTo(2 / 3, 7);
    expect(fit.rawCoef[1]).toBeCloseTo(logit(2 / 3) - logit(1 / 4), 6);
  });

  it("takes one full Newton step from the base rate, worked out by hand", () => {
    // At the base rate r every pᵢ = r, so the gradient is Σ (r − yᵢ) zᵢ = −Σ yᵢ zᵢ (z sums to 0) and
    // the Hessian of the coefficients is r(1 − r) Zᵀ Z + λ I, uncoupled from the intercept's.
    // The step solves that 2 × 2 system: coef = (r(1 − r) Zᵀ Z + λ I)⁻¹ Σ yᵢ zᵢ.
    const usage = [1, 2, 3, 4, 5, 6];
    const seats = [2, 1, 4, 3, 6, 7];
    const y = [true, true, false, true, false, false];
    const lambda = 1.5;
    const fit = fitLogistic([col(...usage), col(...seats)], y, { lambda, maxIterations: 1 });
    const standard = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const s = Math.sqrt(xs.reduce((a, v) => a + (v - m) ** 2, 0) / (xs.length - 1));
      return xs.map((v) => (v - m) / s);
    };
    const [z1, z2] = [standard(usage), standard(seats)];
    const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
    const r = 3 / 6;
    const w = r * (1 - r);
    const [a, b, c] = [w * dot(z1, z1) + lambda, w * dot(z1, z2), w * dot(z2, z2) + lambda];
    const ys = y.map(Number);
    const [g1, g2] = [dot(ys, z1), dot(ys, z2)];
    const det = a * c - b * b;
    expect(fit.coef[0]).toBeCloseTo((c * g1 - b * g2) / det, 9);
    expect(fit.coef[1]).toBeCloseTo((a * g2 - b * g1) / det, 9);
    expect(fit.intercept).toBeCloseTo(logit(r), 9);
    expect(fit.iterations).toBe(1);
  });

  it("reaches the same fit from a start beyond the optimum (the folds start from the fit on all rows)", () => {
    const { columns, churned } = accounts();
    const fit = fitLogistic(columns, churned);
    for (const start of [
      { intercept: 3, coef: [-6, 4] },
      { intercept: -2, coef: [2, -3] },
    ]) {
      const from = fitLogistic(columns, churned, { start });
      expect(from.intercept).toBeCloseTo(fit.intercept, 6);
      expect(from.coef[0]).toBeCloseTo(fit.coef[0] as number, 6);
      expect(from.coef[1]).toBeCloseTo(fit.coef[1] as number, 6);
    }
  });

  it("finds its way back from a start 1000 log-odds out, where every probability rounds to 0 or 1", () => {
    // One churned and one stayed: the optimum is even odds, an intercept of 0.
    for (const intercept of [1000, -1000]) {
      const fit = fitLogistic([], [true, false], { start: { intercept, coef: [] } });
      expect(fit.intercept).toBeCloseTo(0, 6);
      // A single step already lowers the loss, which there is about |b₀|: halved, not overshooting.
      const one = fitLogistic([], [true, false], { start: { intercept, coef: [] }, maxIterations: 1 });
      expect(Math.abs(one.intercept)).toBeLessThan(1000);
    }
  });

  it("counts its Newton iterations: one when the start is already the optimum, at most the cap", () => {
    // Even odds start at an intercept of exactly 0, the optimum: the first step is 0 and it stops.
    expect(fitLogistic([], [true, false]).iterations).toBe(1);
    const { columns, churned } = accounts();
    expect(fitLogistic(columns, churned, { maxIterations: 1 }).iterations).toBe(1);
    const full = fitLogistic(columns, churned);
    expect(full.iterations).toBeGreaterThan(1);
    expect(full.iterations).toBeLessThan(20);
  });
});
