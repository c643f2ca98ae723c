/**
 * calibrate: what the report says beyond the AUC: cross-validated AUCs, notes and warnings, band
 * order, which way the rubric scores each metric, and weights as percentages.
 */
import { describe, expect, it } from "vitest";
import {
  auc,
  type CalibrateOptions,
  type CellValue,
  calibrate,
  DEFAULT_SEED,
  type Rubric,
  toPercent,
} from "../../src/core";
import { stratifiedFolds } from "../../src/core/calibrate/stats";
import { OPTIONS, pct, rubric } from "./helpers";

function run(r: Rubric, rows: Record<string, CellValue>[], options: Partial<CalibrateOptions> = {}) {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => headers.map((h) => row[h] ?? ""));
  return calibrate(r, headers, cells, { ...OPTIONS, outcomeColumn: "Churned", samples: 50, ...options });
}

const repeat = <T extends Record<string, CellValue>>(n: number, row: T): T[] =>
  Array.from({ length: n }, () => ({ ...row }));

/** One metric X (its value is its score): 40 accounts, the ten lowest churn, and a few others. */
const ONE = rubric({ metrics: [pct("X")] });
const LOW_CHURN = Array.from({ length: 40 }, (_, i) => ({
  X: i * 2.5,
  Churned: i < 10 || i % 7 === 3 || i === 20,
}));

/** Two metrics that each churn once at 0 and once at 100: either one alone points the wrong way. */
const CROSSED = [
  { X: 0, Y: 100, Churned: true },
  { X: 100, Y: 0, Churned: true },
  ...repeat(6, { X: 50, Y: 50, Churned: false }),
];

/** X = 20: all churn; X = 40: half; X = 90: none. */
const STAIRS = [
  ...repeat(10, { X: 20, Churned: true }),
  ...repeat(5, { X: 40, Churned: true }),
  ...repeat(5, { X: 40, Churned: false }),
  ...repeat(10, { X: 90, Churned: false }),
];
const RISING = STAIRS.map((row) => ({ ...row, Churned: !row.Churned }));

describe("calibrate: cross-validation", () => {
  it("gives the rubric's own score the mean of its AUC on each held-out fold (folds drawn with seed + 1)", () => {
    const c = run(ONE, LOW_CHURN);
    const scores = LOW_CHURN.map((row) => row.X);
    const churned = LOW_CHURN.map((row) => row.Churned);
    const fold = stratifiedFolds(churned, 5, DEFAULT_SEED + 1);
    let sum = 0;
    for (let f = 0; f < 5; f++) {
      const held = scores.map((_, i) => i).filter((i) => fold[i] === f);
      sum += auc(
        held.map((i) => scores[i] as number),
        held.map((i) => churned[i] as boolean),
      );
    }
    expect(c.cv.folds).toBe(5);
    expect(c.current.cv_auc).toBe(Math.round((sum / 5) * 1000) / 1000);
    // With one metric the suggestion is that metric alone: the same score, so the same AUC.
    expect(c.suggested.weights).toEqual({ X: 100 });
    expect(c.suggested.cv_auc).toBe(c.current.cv_auc);
  });

  it("refits the suggestion on the training folds only, so it is judged on accounts it has not seen", () => {
    // Two folds, one churned account each. Trained on the other churned account, the fit keeps the
    // metric that is low there; on the held-out one that metric is 100 against the retained's 50:
    // AUC 0 in both folds. The rubric's own score is 50 for everyone: 0.5.
    const c = run(rubric({ metrics: [pct("X"), pct("Y")] }), CROSSED);
    expect(c.cv.folds).toBe(2);
    expect(c.current.cv_auc).toBe(0.5);
    expect(c.suggested.cv_auc).toBe(0);
  });

  it("does not cross-validate with a single churned account", () => {
    const rows = [{ X: 10, Churned: true }, ...repeat(5, { X: 80, Churned: false })];
    const c = run(ONE, rows);
    expect(c.cv.folds).toBe(1);
    expect(c.current.cv_auc).toBeNull();
    expect(c.suggested.cv_auc).toBeNull();
  });
});

describe("calibrate: notes", () => {
  it("has no note for a weighted rubric whose score separates churn", () => {
    expect(run(ONE, LOW_CHURN).note).toBeUndefined();
    // One metric gets no weight, the other all of it: still nothing to say.
    const c = run(
      rubric({ metrics: [pct("X"), pct("Y")] }),
      STAIRS.map((row) => ({ ...row, Y: 100 - row.X })),
    );
    expect(c.suggested.weights).toEqual({ X: 100, Y: 0 });
    expect(c.note).toBeUndefined();
  });

  it("says when no metric goes with retention, and when no thresholds order churn", () => {
    expect(run(rubric({ metrics: [pct("X"), pct("Y")] }), CROSSED).note).toBe(
      "No metric's score goes with retention in this data, so there are no weights to suggest.",
    );
    expect(run(ONE, RISING).note).toBe(
      "No metric's score goes with retention in this data, so there are no weights to suggest. No set of thresholds makes churn fall from band to band: the suggested thresholds only separate churn best.",
    );
  });

  it("speaks of groups under the weighted method only", () => {
    const points = rubric({
      method: "points",
      groups: { Usage: 1 },
      bands: [
        { label: "Low", color: "#f00" },
        { label: "High", from: 50, color: "#0f0" },
      ],
      metrics: [{ id: "X", column: "X", group: "Usage", score: { type: "perUnit", points: 1 } }],
    });
    expect(run(points, LOW_CHURN).note).toBe(
      "Points rubric: the suggested weights are shares (they sum to 100); loading them keeps today's total weight, so each metric's points keep their scale.",
    );
  });
});

describe("calibrate: bands", () => {
  it("lists the bands low to high, empty ones included, whatever order the accounts come in", () => {
    // Green 1 of 4 churned, Red 1 of 4: churn stays level, which is in order; Yellow is empty.
    const rows = [
      ...repeat(3, { X: 90, Churned: false }),
      { X: 90, Churned: true },
      ...repeat(3, { X: 10, Churned: false }),
      { X: 10, Churned: true },
    ];
    const c = run(ONE, rows);
    expect(c.bands).toEqual([
      { label: "Red", accounts: 4, churned: 1, churn_rate: 0.25 },
      { label: "Yellow", from: 40, accounts: 0, churned: 0, churn_rate: null },
      { label: "Green", from: 70, accounts: 4, churned: 1, churn_rate: 0.25 },
    ]);
    expect(c.monotonic).toBe(true);
    expect(c.monotonic_warning).toBeUndefined();
    // No data is not a band to order: all of it churning does not make the bands out of order.
    const withNoData = run(ONE, [...rows, ...repeat(2, { X: "", Churned: true })]);
    expect(withNoData.bands.at(-1)).toEqual({ label: "No data", accounts: 2, churned: 2, churn_rate: 1 });
    expect(withNoData.monotonic).toBe(true);
  });

  it("names every pair of bands where churn rises", () => {
    const c = run(ONE, RISING);
    expect(c.monotonic).toBe(false);
    expect(c.monotonic_warning).toBe(
      "Yellow churns more than Red (50% against 0%); Green churns more than Yellow (100% against 50%): churn should fall from the lowest band to the highest, so the bands do not order risk as they should.",
    );
  });

  it("gives a band the offered thresholds leave empty no churn rate", () => {
    // The best cuts are 39.5 and 40.1; 39.5 is within a point of today's 40, so 40 is offered,
    // and no account scores from 40 to 40.1.
    const rows = [
      ...repeat(10, { X: 10, Churned: true }),
      ...repeat(5, { X: 39.5, Churned: true }),
      ...repeat(5, { X: 39.5, Churned: false }),
      ...repeat(10, { X: 40.1, Churned: false }),
    ];
    const c = run(ONE, rows);
    expect(c.suggested.thresholds).toEqual([40, 40.1]);
    expect(c.suggested.bands).toStrictEqual([
      { label: "Red", accounts: 20, churned: 15, churn_rate: 0.75 },
      { label: "Yellow", from: 40, accounts: 0, churned: 0, churn_rate: null },
      { label: "Green", from: 40.1, accounts: 10, churned: 0, churn_rate: 0 },
    ]);
  });

  it("counts the accounts and churn of each band under the suggested thresholds, a score on a cut in the band above", () => {
    const c = run(ONE, STAIRS);
    // The cuts fall on the scores 40 and 90 themselves: the 40s are Yellow, the 90s Green.
    expect(c.suggested.thresholds).toEqual([40, 90]);
    expect(c.suggested.bands).toStrictEqual([
      { label: "Red", accounts: 10, churned: 10, churn_rate: 1 },
      { label: "Yellow", from: 40, accounts: 10, churned: 5, churn_rate: 0.5 },
      { label: "Green", from: 90, accounts: 10, churned: 0, churn_rate: 0 },
    ]);
  });
});

describe("calibrate: outcome cells it cannot read", () => {
  it("speaks of one cell in the singular, and shortens a long one to 19 characters and an ellipsis", () => {
    const rows = [...LOW_CHURN, { X: 50, Churned: "waiting for the renewal call" }];
    expect(run(ONE, rows).outcome_warning).toBe(
      '"Churned" has 1 cell that is neither yes/no (TRUE/FALSE, yes/no, y/n, 1/0) nor churned/renewed ("waiting for the ren…"), so that row is left out: write one of those, or leave the cell blank while the renewal is not due.',
    );
  });

  it("shows three different cells at most, a 20-character one whole", () => {
    const odd = ["twenty characters ok", "pending", "maybe", "later"];
    const rows = [...LOW_CHURN, ...odd.map((Churned) => ({ X: 50, Churned }))];
    expect(run(ONE, rows).outcome_warning).toBe(
      '"Churned" has 4 cells that are neither yes/no (TRUE/FALSE, yes/no, y/n, 1/0) nor churned/renewed ("twenty characters ok", "pending", "maybe"), so those rows are left out: write one of those, or leave the cell blank while the renewal is not due.',
    );
  });
});

describe("calibrate: which way the rubric scores a metric", () => {
  it("reads range, scale and perUnit off their fields, even when every account has the same value", () => {
    const r = rubric({
      metrics: [
        pct("X"),
        { id: "days", column: "Days", score: { type: "range", worst: 90, best: 0 } },
        { id: "flat", column: "Flat", score: { type: "range", worst: 0, best: 100 } },
        { id: "up", column: "Flat", score: { type: "scale", neutral: 50, step: 5 } },
        { id: "level", column: "Flat", score: { type: "scale", neutral: 50, step: 0 } },
        { id: "down", column: "Flat", score: { type: "scale", neutral: 50, step: -5 } },
        { id: "unit", column: "Flat", score: { type: "perUnit", points: 2 } },
      ],
    });
    const rows = LOW_CHURN.map((row, i) => ({ ...row, Days: i % 9, Flat: 3 }));
    const direction = Object.fromEntries(run(r, rows).metrics.map((m) => [m.id, m.rubric_direction]));
    expect(direction).toEqual({
      X: "higher is healthier",
      days: "lower is healthier",
      flat: "higher is healthier",
      up: "higher is healthier",
      level: "unclear",
      down: "lower is healthier",
      unit: "higher is healthier",
    });
  });

  it("reads steps off the scores of the values seen, level stretches and all", () => {
    // Values 0..6: 100, 100, 50, 50, 50, 0, 0 (tickets) and the reverse (logins).
    const steps = (low: number, high: number) => ({
      type: "steps",
      steps: [
        { min: 5, score: high },
        { min: 2, score: 50 },
      ],
      else: low,
    });
    const r = rubric({
      metrics: [
        pct("X"),
        { id: "tickets", column: "Count", score: steps(100, 0) },
        { id: "logins", column: "Count", score: steps(0, 100) },
      ],
    });
    const rows = LOW_CHURN.map((row, i) => ({ ...row, Count: i % 7 }));
    const [, tickets, logins] = run(r, rows).metrics;
    expect(tickets?.rubric_direction).toBe("lower is healthier");
    expect(logins?.rubric_direction).toBe("higher is healthier");
  });

  it("orders yes and no but not other answers of a map", () => {
    const answer = {
      id: "answer",
      column: "Answer",
      input: "text",
      score: { type: "map", values: { yes: 100, unsure: 50, no: 0 } },
    };
    // "unsure" has no place between no and yes: the scores of no (0) and yes (100) rise.
    const rows = LOW_CHURN.map((row, i) => ({
      ...row,
      Answer: i === 0 ? "unsure" : row.Churned ? "no" : "yes",
    }));
    const [, m] = run(rubric({ metrics: [pct("X"), answer] }), rows).metrics;
    expect(m?.rubric_direction).toBe("higher is healthier");
  });

  it("reads a checkbox as 1 and 0 for the value's own AUC", () => {
    const champion = {
      id: "champion",
      column: "Champion",
      input: "text",
      score: { type: "map", values: { true: 100, false: 0 } },
    };
    // Every account with a champion renewed, every one without churned: value AUC 1.
    const rows = LOW_CHURN.map((row) => ({ ...row, Champion: !row.Churned }));
    const [, m] = run(rubric({ metrics: [pct("X"), champion] }), rows).metrics;
    expect(m).toMatchObject({
      value_auc: 1,
      direction: "higher is healthier",
      rubric_direction: "higher is healthier",
    });
  });
});

describe("calibrate: weights as percentages", () => {
  it("rounds to tenths that sum to 100, the largest remainders rounded up, ties to the first", () => {
    // 5 : 1 : 1 is 71.43 : 14.29 : 14.29 tenths-of-a-percent floors 714 + 142 + 142 = 998; the two
    // missing tenths go to the largest remainders (.857, .857), not the largest share.
    expect(toPercent([5, 1, 1])).toEqual([71.4, 14.3, 14.3]);
    // Thirds: 333.3 each, one tenth missing, all remainders equal: the first one gets it.
    expect(toPercent([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(toPercent([0, 0])).toEqual([0, 0]);
  });

  it("keeps today's total points, rounded half up to two decimals", () => {
    // One metric carries the whole suggestion: its share is 1, times today's total 1.005. In binary
    // 1.005 × 100 is 100.4999…, which plain rounding would take down to 1.00.
    const points = rubric({
      method: "points",
      bands: [
        { label: "Low", color: "#f00" },
        { label: "High", from: 50, color: "#0f0" },
      ],
      metrics: [{ id: "X", column: "X", weight: 1.005, score: { type: "perUnit", points: 1 } }],
    });
    expect(run(points, LOW_CHURN).suggested.rubric_weights).toEqual({ X: 1.01 });
  });

  it("suggests 0 points for every metric of a points rubric when none goes with retention", () => {
    const points = rubric({
      method: "points",
      bands: [
        { label: "Low", color: "#f00" },
        { label: "High", from: 100, color: "#0f0" },
      ],
      metrics: [
        { id: "X", column: "X", score: { type: "perUnit", points: 1 } },
        { id: "Y", column: "Y", score: { type: "perUnit", points: 1 } },
      ],
    });
    expect(run(points, CROSSED).suggested.rubric_weights).toEqual({ X: 0, Y: 0 });
  });
});
