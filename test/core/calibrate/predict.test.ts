import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEED,
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
    // A churn on the last known date is known.
    expect(horizonOutcome(100, 150, 90, 150)).toBe("churned");
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
    // Exactly 20 accounts churned within 28 days of a snapshot: just enough to be called reliable.
    expect(c.warned_accounts).toBe(20);
    expect(c.churned_accounts).toBe(20);
    expect(c.reliable).toBe(true);
    expect(c.warning).toBeUndefined();
    // Without kept values there is nothing to refit.
    expect(c.time_split).toBeUndefined();
    expect(c.fit_note).toBe(
      "No suggested weights: the history holds scores but not the values the rubric read, so the metrics cannot be refitted.",
    );
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

/** A snapshot on day `n` (after START) with its band from the score, as the tests below write them. */
const snap = (account: string, n: number, score: number | null, features?: number[]): HistoryPoint => ({
  account,
  date: day(n),
  score,
  band: score === null ? "No data" : bandOf(score),
  ...(features ? { features } : {}),
});

describe("which snapshots, accounts and dates the predictive check counts", () => {
  // Horizon 10 days, snapshots every 10 days from day 0 to day 50. Worked out by hand:
  // - " Account A " (written with spaces and capitals) churns on day 5: day 0 churned, day 10 after churn;
  // - B churns on day 45: days 0 to 30 retained, day 40 churned, day 50 after churn;
  // - R never churns: days 0 to 40 retained, day 50 censored (its 10 days run past day 50);
  // - N's only snapshot (day 20) is retained but has no score;
  // - D churned on day -20, before its only snapshot (day 0): after churn.
  const history = [
    snap(" Account A ", 0, 20),
    snap(" Account A ", 10, 20),
    ...[80, 75, 70, 60, 50, 30].map((s, k) => snap("B", 10 * k, s)),
    ...[60, 65, 90, 40, 70, 70].map((s, k) => snap("R", 10 * k, s)),
    snap("N", 20, null),
    snap("D", 0, 50),
  ];
  const churnDates = new Map([
    ["account a", day(5)],
    ["b", day(45)],
    ["d", day(-20)],
  ]);
  const options = { bands: BANDS, horizon: 10 };

  it("counts each snapshot by what it says about churn, and the snapshots without a score", () => {
    const c = predictiveCalibration(history, churnDates, options);
    expect(c.snapshots).toEqual({
      total: 16,
      no_score: 1,
      churned: 2,
      retained: 4 + 5 + 1,
      censored: 1,
      "after churn": 1 + 1 + 1,
    });
    expect(c.accounts).toBe(5);
    expect(c.dates).toEqual({ count: 6, first: day(0), last: day(50) });
    expect(c.known_until).toBe(day(50));
    // A, B and D churned; only A and B churned within 10 days of a snapshot.
    expect(c.churned_accounts).toBe(3);
    expect(c.warned_accounts).toBe(2);
    // Churned A0 (20) and B40 (50) against the 9 scored retained snapshots, pair by pair: A0 is
    // below all 9; B40 is below 8 (80, 75, 70, 60, 60, 65, 90, 70), above R30 (40).
    expect(c.auc).toBe(Math.round(((9 + 8) / 18) * 1000) / 1000);
  });

  it("says how few accounts churned when they are too few to trust, and how many are needed", () => {
    const c = predictiveCalibration(history, churnDates, options);
    expect(c.reliable).toBe(false);
    expect(c.warning).toBe(
      "Only 2 accounts churned within 10 days of a snapshot: these numbers are not yet reliable; 20 or more are needed.",
    );
  });

  it("says one account in the singular", () => {
    // Known up to day 44: B's churn on day 45 is not known yet, so only A churned within 10 days.
    const c = predictiveCalibration(history, churnDates, { ...options, knownUntil: day(44) });
    expect(c.warning).toBe(
      "Only 1 account churned within 10 days of a snapshot: these numbers are not yet reliable; 20 or more are needed.",
    );
  });

  it("takes churn as known up to the given date, a churn on that very date included", () => {
    // Known up to day 45: B's churn that day is known, so its day-40 snapshot is churned.
    const on = predictiveCalibration(history, churnDates, { ...options, knownUntil: day(45) });
    expect(on.known_until).toBe(day(45));
    expect(on.churned_accounts).toBe(3);
    expect(on.snapshots.churned).toBe(2);
    // Known up to day 44: B's churn is not known yet; its days 40 and 50 are censored.
    const before = predictiveCalibration(history, churnDates, { ...options, knownUntil: day(44) });
    expect(before.churned_accounts).toBe(2);
    expect(before.warned_accounts).toBe(1);
    expect(before.snapshots.churned).toBe(1);
  });

  it("records the seed it resampled with, the default one when none is given", () => {
    expect(predictiveCalibration(history, churnDates, options).seed).toBe(DEFAULT_SEED);
    expect(predictiveCalibration(history, churnDates, { ...options, seed: 7, samples: 10 }).seed).toBe(7);
  });

  it("measures lead time only over churned accounts with a snapshot that many days before", () => {
    // A churned 5 days after its first snapshot, D before its only one: neither had 30 days of warning.
    // B's latest snapshot 30 days before its churn (day 15 or earlier) is day 10, scored 75: Green.
    const c = predictiveCalibration(history, churnDates, options);
    expect(c.lead_time).toEqual([
      { days: 30, churned: 1, in_lowest: 0, share: 0 },
      { days: 60, churned: 0, in_lowest: 0, share: null },
      { days: 90, churned: 0, in_lowest: 0, share: null },
    ]);
  });

  it("names the date that is not one", () => {
    expect(() =>
      predictiveCalibration([...history, { ...snap("B", 0, 50), date: "2026-02-30" }], churnDates, options),
    ).toThrow('"2026-02-30" is not a date: write it as YYYY-MM-DD.');
  });

  it("refuses an empty history, saying to take a snapshot first", () => {
    expect(() => predictiveCalibration([], churnDates, options)).toThrow(
      "The history has no snapshots: take a snapshot first.",
    );
  });

  it("says so when every churn date is before the first snapshot", () => {
    expect(() => predictiveCalibration(history, new Map([["d", day(-20)]]), options)).toThrow(
      "No snapshot was followed by churn within 10 days: the churn dates are all before the first snapshot or too long after; try a longer horizon.",
    );
  });
});

describe("lead time", () => {
  // Horizon 10; the latest snapshot (day 95) is the last day churn is known.
  // E churns on day 95 (the last known day): Green on day 0, Red on day 65 (exactly 30 days before),
  // Green on day 85. F churns on day 100, after the last known day: not counted. G never churns.
  // H churns on day 95 but was first snapshotted on day 80: no snapshot 30 days before.
  const history = [
    snap("E", 0, 80),
    snap("E", 65, 30),
    snap("E", 85, 80),
    snap("F", 0, 30),
    snap("F", 50, 30),
    snap("G", 0, 30),
    snap("G", 95, 80),
    snap("H", 80, 20),
  ];
  const churnDates = new Map([
    ["e", day(95)],
    ["f", day(100)],
    ["h", day(95)],
  ]);

  it("takes the latest snapshot at least that many days before the churn, the first one included", () => {
    const c = predictiveCalibration(history, churnDates, { bands: BANDS, horizon: 10 });
    // 30 days: E's day-65 snapshot (Red). 60 and 90 days: only E's day-0 snapshot (Green) is early enough.
    expect(c.lead_time).toEqual([
      { days: 30, churned: 1, in_lowest: 1, share: 1 },
      { days: 60, churned: 1, in_lowest: 0, share: 0 },
      { days: 90, churned: 1, in_lowest: 0, share: 0 },
    ]);
  });
});

describe("churn by band, and whether it falls as the band rises", () => {
  // One snapshot per account on day 0; churners churn on day 5, and churn is known up to day 10.
  function byBand(rows: [band: string, snapshots: number, churned: number][]) {
    const points: HistoryPoint[] = [];
    const churnDates = new Map<string, string>();
    for (const [band, n, churned] of rows)
      for (let k = 0; k < n; k++) {
        const account = `${band} ${k}`;
        points.push({ account, date: day(0), score: 50, band });
        if (k < churned) churnDates.set(account.toLowerCase(), day(5));
      }
    return predictiveCalibration(points, churnDates, { bands: BANDS, horizon: 10, knownUntil: day(10) });
  }

  it("is not monotonic when a higher band churns more than a lower one", () => {
    const c = byBand([
      ["Red", 5, 1],
      ["Yellow", 2, 1],
      ["Green", 3, 0],
    ]);
    expect(c.bands.map((b) => b.churn_rate)).toEqual([0.2, 0.5, 0]);
    expect(c.monotonic).toBe(false);
  });

  it("skips an empty band, allows equal rates, and judges only the rubric's bands", () => {
    // "Amber" is not one of the rubric's bands (say, from an older rubric): listed after them, not judged.
    const c = byBand([
      ["Red", 2, 1],
      ["Green", 2, 1],
      ["Amber", 1, 1],
    ]);
    expect(c.bands).toEqual([
      { label: "Red", snapshots: 2, churned: 1, churn_rate: 0.5 },
      { label: "Yellow", snapshots: 0, churned: 0, churn_rate: null },
      { label: "Green", snapshots: 2, churned: 1, churn_rate: 0.5 },
      { label: "Amber", snapshots: 1, churned: 1, churn_rate: 1 },
    ]);
    expect(c.monotonic).toBe(true);
  });
});

describe("the AUC's interval over resampled accounts", () => {
  it("spans every AUC a resample of the accounts can give", () => {
    // One churner scoring 50, retained accounts scoring 40 and 60: AUC 0.5. Resampling the two
    // retained accounts gives 40+40 (AUC 0), 40+60 (0.5) or 60+60 (1), the extremes a quarter of
    // the time each, so 1000 resamples reach both ends.
    const c = predictiveCalibration(
      [snap("C", 0, 50), snap("A", 0, 40), snap("B", 0, 60)],
      new Map([["c", day(10)]]),
      { bands: BANDS, horizon: 10, knownUntil: day(20) },
    );
    expect(c.auc).toBe(0.5);
    expect(c.auc_ci).toEqual([0, 1]);
  });

  it("leaves out a resample with no retained snapshot when every account churned", () => {
    // C1 only has a churned snapshot; C2 a retained one (70) and a churned one (30). A resample of C1
    // twice has no retained snapshot and no AUC; every other one has AUC 1.
    const c = predictiveCalibration(
      [snap("C1", 30, 30), snap("C2", 0, 70), snap("C2", 30, 30)],
      new Map([
        ["c1", day(40)],
        ["c2", day(50)],
      ]),
      { bands: BANDS, horizon: 28, knownUntil: day(60) },
    );
    expect(c.auc).toBe(1);
    expect(c.auc_ci).toEqual([1, 1]);
  });
});

describe("suggested weights against today's, on a split in time", () => {
  // Horizon 10, snapshots every 10 days from day 0 to 50, features [usage, noise].
  // A churns on day 5, B on day 45, R never; N has no score. For each candidate split (churn known
  // up to it for the fit side, up to day 50 for the holdout), the snapshots with an outcome:
  //   day 10: fit A0 B0 R0 (3)          holdout B10-B40 R10-R40 (8)  → the smaller side: 3
  //   day 20: fit A0 B0 B10 R0 R10 (5)  holdout B20-B40 R20-R40 (6)  → 5, the most even
  //   day 30: fit 7                     holdout B30 B40 R30 R40 (4)   → 4
  //   day 40: fit 9                     holdout B40 R40 (2)           → 2
  // so the split is day 20. Both features are lowest at the churned snapshots (A0, B40).
  const history = [
    snap("A", 0, 20, [10, 10]),
    snap("A", 10, 20, [10, 10]),
    snap("B", 0, 80, [80, 70]),
    snap("B", 10, 75, [75, 80]),
    snap("B", 20, 70, [70, 60]),
    snap("B", 30, 60, [70, 70]),
    snap("B", 40, 50, [20, 20]),
    snap("B", 50, 30, [10, 10]),
    snap("R", 0, 60, [60, 90]),
    snap("R", 10, 65, [90, 60]),
    snap("R", 20, 90, [85, 75]),
    snap("R", 30, 40, [Number.NaN, 30]),
    snap("R", 40, 70, [Number.NaN, 10]),
    snap("R", 50, 70, [80, 80]),
    snap("N", 20, null, [50, 50]),
  ];
  const churnDates = new Map([
    ["a", day(5)],
    ["b", day(45)],
  ]);
  const metrics = [
    { id: "usage", label: "Usage" },
    { id: "noise", label: "Noise" },
  ];
  const options = { bands: BANDS, horizon: 10, metrics };
  const on = "On the snapshots from 2026-01-21 on, which the weights were not fitted on,";

  it("splits where the two sides are most even, and says what each side holds", () => {
    const t = predictiveCalibration(history, churnDates, options).time_split;
    expect(t?.split).toBe(day(20));
    expect(t?.fit).toEqual({ snapshots: 5, churned: 1, from: day(0), to: day(10) });
    expect(t?.holdout).toEqual({ snapshots: 6, churned: 1, from: day(20), to: day(40) });
  });

  it("scores the holdout by the suggested weights, skipping a metric without a value", () => {
    const t = predictiveCalibration(history, churnDates, options).time_split;
    // Today's scores: B40 (50) is below B20 70, B30 60, R20 90, R40 70, not R30 40: 4 of 5.
    expect(t?.current).toEqual({ fit_auc: 1, holdout_auc: 0.8 });
    // Both weights positive: B40 averages 20, above R40 (usage missing: noise alone, 10) and below
    // R30 (30) and the rest: 4 of 5, the same as today's.
    expect(t?.weights.usage).toBeGreaterThan(0);
    expect(t?.weights.noise).toBeGreaterThan(0);
    expect((t?.weights.usage as number) + (t?.weights.noise as number)).toBeCloseTo(100, 5);
    expect(t?.suggested).toEqual({ fit_auc: 1, holdout_auc: 0.8 });
    expect(t?.better).toBe("same");
    expect(t?.text).toBe(
      `${on} the suggested weights do no better (0.800 against 0.800): no reason to change the weights.`,
    );
  });

  /** The suggested scores from `rescore`: B40 (index 6) at `churned`, every other snapshot at 50. */
  const rescoreWith = (churned: number) => (_: readonly number[], rows: readonly number[]) =>
    rows.map((i) => (i === 6 ? churned : 50));

  it("recommends the suggested weights when they do better on the holdout", () => {
    const t = predictiveCalibration(history, churnDates, { ...options, rescore: rescoreWith(0) }).time_split;
    expect(t?.suggested.holdout_auc).toBe(1);
    expect(t?.better).toBe("suggested");
    expect(t?.text).toBe(`${on} the suggested weights do better (1.000 against 0.800): worth trying.`);
  });

  it("keeps today's weights when they do better on the holdout", () => {
    const t = predictiveCalibration(history, churnDates, {
      ...options,
      rescore: rescoreWith(100),
    }).time_split;
    expect(t?.suggested.holdout_auc).toBe(0);
    expect(t?.better).toBe("current");
    expect(t?.text).toBe(`${on} the current weights do better (0.800 against 0.000): keep them.`);
  });

  it("suggests no weights when every metric's score went with churn in the earlier snapshots", () => {
    // A0, the only churned snapshot fitted on, now has the highest usage and noise.
    const upside = history.map((q, i) => (i === 0 ? { ...q, features: [99, 99] } : q));
    const t = predictiveCalibration(upside, churnDates, { ...options, rescore: rescoreWith(0) }).time_split;
    expect(t?.weights).toEqual({ usage: 0, noise: 0 });
    expect(t?.suggested).toEqual({ fit_auc: null, holdout_auc: null });
    expect(t?.better).toBe("current");
    expect(t?.text).toBe(
      `${on} no metric's score went with retention in the earlier snapshots, so there are no weights to suggest.`,
    );
  });
});
