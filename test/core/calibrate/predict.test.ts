import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayToIso,
  type HistoryPoint,
  horizonOutcome,
  isoDay,
  PredictiveError,
  predictiveCalibration,
} from "../../../src/core";

const BANDS = ["Red", "Yellow", "Green"];
const bandOf = (score: number) => (score >= 70 ? "Green" : score >= 40 ? "Yellow" : "Red");
const START = isoDay("2026-01-01") as number;
const day = (n: number) => dayToIso(START + n);

/** Weekly snapshots of `accounts` for `weeks` weeks, each scored by `scoreOf(account, week)`. */
function weekly(
  accounts: number,
  weeks: number,
  scoreOf: (a: number, w: number) => number,
  features?: (a: number, w: number) => number[],
): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (let w = 0; w < weeks; w++)
    for (let a = 0; a < accounts; a++) {
      const score = scoreOf(a, w);
      out.push({
        account: `Account ${a}`,
        date: day(7 * w),
        score,
        band: bandOf(score),
        ...(features ? { features: features(a, w) } : {}),
      });
    }
  return out;
}

describe("what a snapshot says about churn within the horizon", () => {
  it("counts a churn on exactly the horizon's last day, and not one a day later", () => {
    expect(horizonOutcome(100, 190, 90, 400)).toBe("churned");
    expect(horizonOutcome(100, 191, 90, 400)).toBe("retained");
  });

  it("leaves out a snapshot taken on or after the churn date: that is hindsight", () => {
    expect(horizonOutcome(100, 100, 90, 400)).toBe("after churn");
    expect(horizonOutcome(120, 100, 90, 400)).toBe("after churn");
  });

  it("censors a snapshot whose horizon runs past the last known date with no churn yet", () => {
    expect(horizonOutcome(100, undefined, 90, 189)).toBe("censored");
    expect(horizonOutcome(100, undefined, 90, 190)).toBe("retained");
    // A churn after the last known date is not known yet: the snapshot stays censored.
    expect(horizonOutcome(100, 185, 90, 180)).toBe("censored");
    // A churn already seen within the horizon counts even when the horizon runs past the known date.
    expect(horizonOutcome(100, 150, 90, 160)).toBe("churned");
  });

  it("never counts a censored snapshot as retained, whatever the history (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 500 }),
        (d, churn, horizon, known) => {
          const o = horizonOutcome(d, churn, horizon, known);
          const seen = churn !== undefined && churn <= known ? churn : undefined;
          if (o === "retained") {
            expect(d + horizon).toBeLessThanOrEqual(known);
            expect(seen === undefined || seen > d + horizon).toBe(true);
          }
          if (o === "churned") expect(seen !== undefined && seen > d && seen <= d + horizon).toBe(true);
          if (d + horizon > known && (seen === undefined || seen > d + horizon))
            expect(o).not.toBe("retained");
        },
      ),
    );
  });
});

describe("predictive calibration of a history", () => {
  // 40 accounts over 30 weeks; the even ones churn in week 25, their scores falling from week 15.
  const churnDates = new Map(
    Array.from({ length: 20 }, (_, k) => [`account ${2 * k}`, day(7 * 25)] as [string, string]),
  );
  const history = weekly(40, 30, (a, w) => (a % 2 === 0 && w >= 15 ? 30 : 60 + (a % 7)));

  it("checks each snapshot against churn in the horizon after it, leaving out censored and post-churn ones", () => {
    const c = predictiveCalibration(history, churnDates, { bands: BANDS, horizon: 28 });
    expect(c.mode).toBe("predictive");
    expect(c.known_until).toBe(day(7 * 29));
    // Churners' snapshots from week 21 to 24 are within 28 days of the churn in week 25.
    expect(c.snapshots.churned).toBe(20 * 4);
    // Weeks 25 to 29 of the churners are after their churn.
    expect(c.snapshots["after churn"]).toBe(20 * 5);
    // Stayers' weeks 26 to 29 (and churners' none) have a horizon past week 29.
    expect(c.snapshots.censored).toBe(20 * 4);
    expect(c.snapshots.retained).toBe(20 * 26 + 20 * 21);
    // Every churned snapshot scores 30; so do the churners' 120 Red snapshots more than 28 days out.
    expect(c.auc).toBeCloseTo((820 + 0.5 * 120) / 940, 3);
    expect(c.auc_ci[0]).toBeLessThanOrEqual(c.auc);
    expect(c.auc_ci[1]).toBeGreaterThanOrEqual(c.auc);
    expect(c.interval).toBe("bootstrap over accounts");
  });

  it("says how much churn followed each band, over the horizon", () => {
    const c = predictiveCalibration(history, churnDates, { bands: BANDS, horizon: 28 });
    const red = c.bands.find((b) => b.label === "Red");
    expect(red).toMatchObject({ snapshots: 20 * 10, churned: 20 * 4, churn_rate: 0.4 });
    expect(c.bands.find((b) => b.label === "Yellow")?.churned).toBe(0);
    expect(c.monotonic).toBe(true);
  });

  it("measures lead time: the share of churned accounts already in the lowest band 30, 60 and 90 days before", () => {
    // Red from week 15, churn in week 25: 70 days of warning.
    const c = predictiveCalibration(history, churnDates, { bands: BANDS, horizon: 28 });
    expect(c.lead_time).toEqual([
      { days: 30, churned: 20, in_lowest: 20, share: 1 },
      { days: 60, churned: 20, in_lowest: 20, share: 1 },
      { days: 90, churned: 20, in_lowest: 0, share: 0 },
    ]);
  });

  it("does not narrow the interval when each account is snapshotted more often", () => {
    const mixed = weekly(40, 30, (a, w) =>
      a % 2 === 0 && w >= 15 ? 30 + (a % 11) * 5 : 40 + ((a * 7) % 50),
    );
    const twice = mixed.flatMap((p) => [p, { ...p }]);
    const once = predictiveCalibration(mixed, churnDates, { bands: BANDS, horizon: 28 });
    const doubled = predictiveCalibration(twice, churnDates, { bands: BANDS, horizon: 28 });
    expect(doubled.auc).toBe(once.auc);
    expect(doubled.auc_ci).toEqual(once.auc_ci);
  });

  it("refuses, in one sentence, a history shorter than the horizon", () => {
    const short = weekly(10, 3, () => 50);
    expect(() =>
      predictiveCalibration(short, new Map([["account 1", day(10)]]), { bands: BANDS, horizon: 90 }),
    ).toThrow(/spans 14 days, less than the 90-day horizon/);
  });

  it("refuses a history without churn dates, saying where to put them", () => {
    expect(() => predictiveCalibration(history, new Map(), { bands: BANDS })).toThrow(PredictiveError);
    expect(() => predictiveCalibration(history, new Map(), { bands: BANDS })).toThrow(/churn date column/);
  });
});

describe("weights fitted on earlier snapshots, tested on later ones", () => {
  // Feature 0 tracks the decline, feature 1 is noise; churners churn in weeks 12 to 35.
  const ACCOUNTS = 60;
  const churnWeek = (a: number) => (a % 3 === 0 ? 12 + (a % 24) : undefined);
  const churnDates = new Map(
    Array.from({ length: ACCOUNTS }, (_, a) => a)
      .filter((a) => churnWeek(a) !== undefined)
      .map((a) => [`account ${a}`, day(7 * (churnWeek(a) as number))] as [string, string]),
  );
  const signal = (a: number, w: number) => {
    const c = churnWeek(a);
    return c !== undefined && w >= c - 6 ? 20 + (a % 5) : 60 + ((a * 13 + w) % 30);
  };
  const noise = (a: number, w: number) => (a * 31 + w * 17) % 100;
  const history = weekly(
    ACCOUNTS,
    40,
    (a, w) => (signal(a, w) + noise(a, w)) / 2,
    (a, w) => [signal(a, w), noise(a, w)],
  );
  const metrics = [
    { id: "usage", label: "Usage" },
    { id: "noise", label: "Noise" },
  ];

  it("prints the AUC on the fit and on the holdout, and weighs the metric that warns", () => {
    const c = predictiveCalibration(history, churnDates, { bands: BANDS, horizon: 42, metrics });
    const t = c.time_split;
    expect(t).toBeDefined();
    if (!t) return;
    expect(t.fit.to < t.split).toBe(true);
    expect(t.holdout.from >= t.split).toBe(true);
    expect(t.weights.usage).toBeGreaterThan(t.weights.noise as number);
    expect(typeof t.current.fit_auc).toBe("number");
    expect(typeof t.suggested.holdout_auc).toBe("number");
    expect(t.text).toMatch(
      /^On the snapshots from \d{4}-\d\d-\d\d on, which the weights were not fitted on,/,
    );
  });

  it("never uses a snapshot or a churn from the split date on to fit the weights (property)", () => {
    const base = predictiveCalibration(history, churnDates, { bands: BANDS, horizon: 42, metrics });
    const split = base.time_split?.split as string;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), {
          minLength: history.length,
          maxLength: history.length,
        }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: ACCOUNTS, maxLength: ACCOUNTS }),
        (later, moves) => {
          // Every snapshot from the split on gets other values, and every churn after the split moves.
          const changed = history.map((p, i) => {
            if (p.date < split) return p;
            const [u, n] = later[i] as [number, number];
            return { ...p, score: (u + n) / 2, band: bandOf((u + n) / 2), features: [u, n] };
          });
          const dates = new Map(churnDates);
          let k = 0;
          for (const [account, d] of churnDates)
            if (d > split) dates.set(account, dayToIso((isoDay(split) as number) + 1 + (moves[k++] ?? 0)));
          const c = predictiveCalibration(changed, dates, { bands: BANDS, horizon: 42, metrics, split });
          expect(c.time_split?.weights).toEqual(base.time_split?.weights);
          expect(c.time_split?.fit).toEqual(base.time_split?.fit);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("says why there are no suggested weights when the history is too short to split in time", () => {
    const short = history.filter((p) => p.date < day(7 * 14));
    const c = predictiveCalibration(short, churnDates, { bands: BANDS, horizon: 42, metrics });
    expect(c.time_split).toBeUndefined();
    expect(c.fit_note).toMatch(/no date splits the history into earlier snapshots to fit on and later ones/);
  });
});
