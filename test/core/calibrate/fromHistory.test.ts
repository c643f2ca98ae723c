import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { type CellValue, calibrateHistory, dayToIso, isoDay, parseRubric } from "../../../src/core";

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
