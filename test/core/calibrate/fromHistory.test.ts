import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  calibrateHistory,
  dayToIso,
  type HistoryCalibration,
  isoDay,
  parseRubric,
  predictiveSentences,
  readChurnDates,
} from "../../../src/core";

const START = isoDay("2026-01-01") as number;
const day = (n: number) => dayToIso(START + n);
const RUBRIC = parseRubric({
  version: 1,
  name: "Usage only",
  bands: [{ label: "Red" }, { label: "Yellow", from: 40 }, { label: "Green", from: 70 }],
  metrics: [
    { id: "usage", column: "Usage", score: { type: "range", worst: 0, best: 100 } },
    { id: "nps", column: "NPS", score: { type: "range", worst: 0, best: 10 } },
  ],
});

/**
 * A Health History export: 30 accounts, weekly for 30 weeks; every third account churns, between
 * weeks 10 and 25 (its Churned column turns TRUE then), its usage falling 8 weeks before; each snapshot kept
 * its Usage and NPS in Values. The recorded scores
 * are the opposite of the usage, as a rubric that got it backwards would have written them.
 */
function history(churnColumn: "Churned" | "Churn date"): CellValue[][] {
  const rows: CellValue[][] = [
    ["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values", churnColumn],
  ];
  for (let w = 0; w < 30; w++)
    for (let a = 0; a < 30; a++) {
      const churnWeek = a % 3 === 0 ? 10 + (a % 16) : undefined;
      const usage = churnWeek !== undefined && w >= churnWeek - 8 ? 10 + (a % 7) : 50 + ((a * 7 + w) % 50);
      const gone = churnWeek !== undefined && w >= churnWeek;
      const flag =
        churnColumn === "Churned" ? (gone ? "TRUE" : "FALSE") : gone ? day(7 * (churnWeek as number)) : "";
      rows.push([
        day(7 * w),
        `Account ${a}`,
        100 - usage,
        "Yellow",
        1,
        "abcd1234",
        JSON.stringify({ Usage: usage, NPS: (a * 3 + w) % 11 }),
        flag,
      ]);
    }
  return rows;
}

describe("the predictive check of a Health History export", () => {
  it("dates churn at the first snapshot whose Churned cell is TRUE, and says so", () => {
    const [headers, ...rows] = history("Churned");
    const c = calibrateHistory(headers as CellValue[], rows, { timeZone: "UTC", horizon: 56 });
    expect(c.churn_from).toBe(
      `the history's "Churned" column turning TRUE (dated at the first snapshot that shows it)`,
    );
    expect(c.churned_accounts).toBe(10);
    expect(c.scores).toBe("recorded");
    expect(c.fingerprints).toEqual(["abcd1234"]);
    // The recorded scores point the wrong way: churners scored high before they left.
    expect(c.auc).toBeLessThan(0.5);
    expect(c.why).toMatch(/^Predictive: 30 snapshot dates from 2026-01-01 to 2026-07-23/);
    expect(c.fit_note).toMatch(/give the rubric to rescore/);
  });

  it("reads a churn date column, and rescores every snapshot under the rubric given", () => {
    const [headers, ...rows] = history("Churn date");
    const c = calibrateHistory(headers as CellValue[], rows, {
      timeZone: "UTC",
      horizon: 56,
      rubric: RUBRIC,
    });
    expect(c.churn_from).toBe(`the history's "Churn date" column`);
    expect(c.scores).toBe("rescored");
    expect(c.rubric).toBe("Usage only");
    expect(c.auc).toBeGreaterThan(0.85);
    expect(c.bands.map((b) => b.label)).toEqual(["Red", "Yellow", "Green"]);
    expect(c.time_split?.weights.usage).toBeGreaterThan(c.time_split?.weights.nps as number);
    expect(c.current_weights).toEqual({ usage: 50, nps: 50 });
  });

  it("keeps the recorded scores, and says why, when the history lacks a column the rubric reads", () => {
    const [headers, ...rows] = history("Churned");
    const other = parseRubric({
      version: 1,
      name: "Logins",
      bands: [{ label: "Red" }, { label: "Green", from: 50 }],
      metrics: [{ id: "logins", column: "Logins 30d", score: { type: "range", worst: 0, best: 50 } }],
    });
    const c = calibrateHistory(headers as CellValue[], rows, { timeZone: "UTC", horizon: 56, rubric: other });
    expect(c.scores).toBe("recorded");
    expect(c.rescore_note).toMatch(
      /^Scores as recorded: the snapshots' kept values never hold "Logins 30d" that "Logins" reads, so the history cannot be rescored under it\.$/,
    );
  });

  it("reads Date cells in the spreadsheet's time zone", () => {
    const [headers, ...rows] = history("Churned");
    const dated = rows.map((r) => [new Date(`${r[0]}T23:30:00Z`), ...r.slice(1)]);
    const c = calibrateHistory(headers as CellValue[], dated, { timeZone: "Europe/Berlin", horizon: 56 });
    expect(c.dates.first).toBe("2026-01-02");
  });

  it("lists the rubric fingerprints the scores were recorded under, sorted, blanks left out", () => {
    const [headers, ...rows] = history("Churned");
    const mixed = rows.map((r, i) => [
      ...r.slice(0, 5),
      ["zz99", "", "aa11"][i % 3] as string,
      ...r.slice(6),
    ]);
    const c = calibrateHistory(headers as CellValue[], mixed, { timeZone: "UTC", horizon: 56 });
    expect(c.fingerprints).toEqual(["aa11", "zz99"]);
  });

  it("names both missing columns, comma-separated", () => {
    expect(() => calibrateHistory(["Date", "Account"], [], { timeZone: "UTC" })).toThrow(
      `The history has no "Score", "Band" column: export the Health History sheet with its header row (Date, Account, Score, Band, …).`,
    );
  });

  it("names the columns a history must have", () => {
    expect(() => calibrateHistory(["When", "Account", "Score"], [], { timeZone: "UTC" })).toThrow(
      "The history has no header row starting Date, Account: export the Health History sheet with its header row (Date, Account, Score, Band, …).",
    );
    expect(() => calibrateHistory(["Date", "Account", "Score"], [], { timeZone: "UTC" })).toThrow(
      `The history has no "Band" column: export the Health History sheet with its header row (Date, Account, Score, Band, …).`,
    );
  });
});

describe("the sample history (examples/history.csv)", () => {
  const [headers, ...rows] = parse(readFileSync("examples/history.csv", "utf8")) as string[][];
  const rubric = parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));

  it("rescored under five-dimensions gives exactly the scores it recorded", () => {
    const c = calibrateHistory(headers as string[], rows, { timeZone: "UTC", rubric, samples: 50 });
    const recorded = calibrateHistory(headers as string[], rows, { timeZone: "UTC", samples: 50 });
    expect(c.scores).toBe("rescored");
    expect(c.auc).toBe(recorded.auc);
    expect(c.snapshots).toEqual(recorded.snapshots);
  });

  it("holds 27 weekly snapshots of the 200 sample accounts, 44 of which churn within them", () => {
    const c = calibrateHistory(headers as string[], rows, { timeZone: "UTC", samples: 50 });
    expect(c.accounts).toBe(200);
    expect(c.dates).toEqual({ count: 27, first: "2026-05-28", last: "2026-11-26" });
    expect(c.churned_accounts).toBe(44);
  });
});

describe("churn dates read from the data sheet", () => {
  it("reads the churn date column by account, trimmed and case-folded, skipping blank dates and accounts", () => {
    const c = readChurnDates(
      ["Account", "Plan", " Churned on "],
      [
        [" ACME Corp ", "Pro", "2026-03-01"],
        ["Globex", "Pro", ""],
        ["", "Pro", "2026-04-01"],
        ["Initech", "Pro", new Date("2026-05-01T23:30:00Z")],
        ["Umbrella", "Pro", "soon"],
      ],
      0,
      "Europe/Berlin",
    );
    expect(c?.from).toBe(`the data's "Churned on" column`);
    expect([...(c?.dates ?? [])]).toEqual([
      ["acme corp", "2026-03-01"],
      ["initech", "2026-05-02"],
    ]);
  });

  it("finds the column wherever it is, even first", () => {
    const c = readChurnDates(["Cancellation date", "Account"], [["2026-02-03", "Acme"]], 1, "UTC");
    expect(c).toEqual({
      dates: new Map([["acme", "2026-02-03"]]),
      from: `the data's "Cancellation date" column`,
    });
  });

  it("gives nothing when the data has no churn date column", () => {
    expect(readChurnDates(["Account", "Churned"], [["Acme", "TRUE"]], 0, "UTC")).toBeUndefined();
  });
});

describe("where the history's churn dates come from", () => {
  /** The history with neither churn column: the scores, usage and values only. */
  const bare = () => history("Churned").map((r) => r.slice(0, 7));

  it("takes the dates given (the data sheet's), matched to accounts trimmed and case-folded, earliest first", () => {
    const [headers, ...rows] = bare();
    const dates = new Map<string, string>();
    for (let a = 0; a < 30; a += 3) {
      dates.set(` ACCOUNT ${a} `, day(7 * (10 + (a % 16))));
      dates.set(`account ${a}`, day(7 * (12 + (a % 16))));
    }
    const c = calibrateHistory(headers as CellValue[], rows, {
      timeZone: "UTC",
      horizon: 56,
      churnDates: { dates, from: `the data's "Churn date" column` },
    });
    const flagged = calibrateHistory(...split(history("Churned")), { timeZone: "UTC", horizon: 56 });
    expect(c.churn_from).toBe(`the data's "Churn date" column`);
    expect(c.churned_accounts).toBe(10);
    expect(c.snapshots).toEqual(flagged.snapshots);
    expect(c.why).toContain(`churn dates from the data's "Churn date" column, so`);
  });

  it("says how to give churn dates when the history has no churn column and none are given", () => {
    const [headers, ...rows] = bare();
    expect(() => calibrateHistory(headers as CellValue[], rows, { timeZone: "UTC", horizon: 56 })).toThrow(
      "No account in the history has a churn date: add a churn date column, or keep a Churned column that turns TRUE when an account leaves.",
    );
  });

  it("a history's churn date column wins over the dates given", () => {
    const [headers, ...rows] = history("Churn date");
    const c = calibrateHistory(headers as CellValue[], rows, {
      timeZone: "UTC",
      horizon: 56,
      churnDates: { dates: new Map([["Account 1", "2026-02-01"]]), from: "elsewhere" },
    });
    expect(c.churn_from).toBe(`the history's "Churn date" column`);
    expect(c.churned_accounts).toBe(10);
  });
});

describe("the history's bands without a rubric", () => {
  it("orders the recorded bands by their mean score, lowest first, leaving out No data and blank bands", () => {
    const [headers, ...rows] = history("Churned");
    const banded = rows.map((r) => {
      const score = r[2] as number;
      const band = score >= 70 ? "Green" : score >= 40 ? "Yellow" : "Red";
      return [r[0], r[1], score, band, ...r.slice(4)];
    });
    const tail = (banded[0] as CellValue[]).slice(4);
    // Rows that would put a bogus band first if counted.
    banded.push([day(0), "Account 99", 0, "No data", ...tail]);
    banded.push([day(0), "Account 98", 0, "", ...tail]);
    banded.push([day(0), "Account 97", "", "Zero", ...tail]);
    const c = calibrateHistory(headers as CellValue[], banded, { timeZone: "UTC", horizon: 56 });
    // No data and blank bands come last, after the bands ordered by score.
    expect(c.bands.map((b) => b.label)).toEqual(["Red", "Yellow", "Green", "No data", ""]);
  });
});

describe("a rubric the history cannot be rescored under", () => {
  it("names the first three columns it lacks and counts the rest", () => {
    const [headers, ...rows] = history("Churned");
    const wide = parseRubric({
      version: 1,
      name: "Wide",
      bands: [{ label: "Red" }, { label: "Green", from: 50 }],
      metrics: ["A", "B", "C", "D", "E"].map((x) => ({
        id: x.toLowerCase(),
        column: x,
        score: { type: "range", worst: 0, best: 1 },
      })),
    });
    const c = calibrateHistory(headers as CellValue[], rows, { timeZone: "UTC", horizon: 56, rubric: wide });
    expect(c.rescore_note).toBe(
      `Scores as recorded: the snapshots' kept values never hold "A", "B", "C" and 2 more that "Wide" reads, so the history cannot be rescored under it.`,
    );
    expect(c.fit_note).toBe(
      "No suggested weights: they are refitted on snapshots rescored under the rubric.",
    );
    expect(c.current_weights).toBeUndefined();
    // The rubric's bands, in its order, then the recorded ones it lacks.
    expect(c.bands.map((b) => b.label)).toEqual(["Red", "Green", "Yellow"]);
  });

  it("names exactly three lacking columns without a count", () => {
    const [headers, ...rows] = history("Churned");
    const three = parseRubric({
      version: 1,
      name: "Three",
      bands: [{ label: "Red" }, { label: "Green", from: 50 }],
      metrics: ["A", "B", "C"].map((x) => ({
        id: x.toLowerCase(),
        column: x,
        score: { type: "range", worst: 0, best: 1 },
      })),
    });
    const c = calibrateHistory(headers as CellValue[], rows, { timeZone: "UTC", horizon: 56, rubric: three });
    expect(c.rescore_note).toBe(
      `Scores as recorded: the snapshots' kept values never hold "A", "B", "C" that "Three" reads, so the history cannot be rescored under it.`,
    );
  });
});

describe("the predictive check in sentences", () => {
  const base: HistoryCalibration = {
    mode: "predictive",
    horizon: 90,
    known_until: "2026-11-26",
    seed: 1,
    accounts: 200,
    dates: { count: 27, first: "2026-05-28", last: "2026-11-26" },
    snapshots: {
      total: 5400,
      no_score: 0,
      churned: 300,
      retained: 4000,
      censored: 1000,
      "after churn": 100,
    } as HistoryCalibration["snapshots"],
    churned_accounts: 44,
    warned_accounts: 40,
    reliable: true,
    auc: 0.81234,
    auc_ci: [0.7, 0.9],
    interval: "bootstrap over accounts",
    bands: [{ label: "Red", snapshots: 10, churned: 5, churn_rate: 0.5 }],
    monotonic: true,
    lead_time: [
      { days: 30, churned: 40, in_lowest: 30, share: 0.754 },
      { days: 90, churned: 0, in_lowest: 0, share: null },
    ],
    scores: "recorded",
    fingerprints: [],
    churn_from: "nowhere",
    why: "Predictive: why.",
    fit_note: "No suggested weights without a rubric.",
  };

  it("says the AUC, its interval, the counts and the lead time, then the fit note", () => {
    expect(predictiveSentences(base)).toEqual([
      "Predictive: why.",
      "AUC 0.812 (95% interval 0.700–0.900, resampling whole accounts) for churn within 90 days, over 4300 snapshots of 200 accounts; 1000 snapshots whose 90 days run past 2026-11-26 are left out, not counted as staying.",
      "Lead time: of the accounts that churned, 75% were in Red 30 days before, n/a were in Red 90 days before.",
      "No suggested weights without a rubric.",
    ]);
  });

  it("adds the warning and the rescore note, says n/a for a missing AUC, and names the lowest band generically when none", () => {
    const lines = predictiveSentences({
      ...base,
      auc: null as unknown as number,
      bands: [],
      warning: "Only 5 churned accounts.",
      rescore_note: "Scores as recorded: because.",
    });
    expect(lines[1]).toMatch(/^AUC n\/a \(95% interval 0\.700/);
    expect(lines[2]).toBe(
      "Lead time: of the accounts that churned, 75% were in the lowest band 30 days before, n/a were in the lowest band 90 days before.",
    );
    expect(lines.slice(3)).toEqual([
      "Only 5 churned accounts.",
      "Scores as recorded: because.",
      "No suggested weights without a rubric.",
    ]);
  });

  it("reports the refitted weights against the current ones instead of the fit note", () => {
    const lines = predictiveSentences({
      ...base,
      time_split: {
        split: "2026-09-01",
        suggested: { fit_auc: 0.8, holdout_auc: 0.75 },
        current: { fit_auc: 0.7, holdout_auc: null },
        text: "The suggested weights do better.",
      } as HistoryCalibration["time_split"],
    });
    expect(lines.slice(3)).toEqual([
      "Weights refitted on the snapshots before 2026-09-01: AUC 0.800 on them and 0.750 on the later ones, against 0.700 and n/a for the current weights.",
      "The suggested weights do better.",
    ]);
  });
});

function split(rows: CellValue[][]): [CellValue[], CellValue[][]] {
  const [h, ...r] = rows;
  return [h as CellValue[], r];
}
