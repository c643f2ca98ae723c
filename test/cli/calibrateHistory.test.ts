/** `healthscore calibrate --history`, run in-process as cli/main.ts's `main`. */
import { describe, expect, it } from "vitest";
import { cli, file } from "./cli";

const SAMPLE = ["calibrate", "--history", "examples/history.csv", "--time-zone", "UTC"];

describe("healthscore calibrate --history", () => {
  it("reports the predictive check of the sample history: mode, AUC, bands, lead time and the time-ordered fit", async () => {
    const r = await cli(...SAMPLE, "--rubric", "examples/five-dimensions.json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(
      /^Predictive calibration of "Five dimensions", rescored from the values each snapshot kept: churn within 90 days of each snapshot$/m,
    );
    expect(out).toMatch(
      /^Predictive: 27 snapshot dates from 2026-05-28 to 2026-11-26 and churn dates from the history's "Churn date" column/m,
    );
    expect(out).toMatch(
      /^5400 snapshots of 200 accounts: \d+ followed by churn within 90 days, \d+ not; left out: \d+ censored/m,
    );
    expect(out).toMatch(/^AUC 0\.\d{3} \(95% CI 0\.\d{3}–0\.\d{3}, bootstrap over accounts\)/m);
    expect(out).toMatch(/^ {2}Band\s+Snapshots\s+Churned\s+Churn rate$/m);
    expect(out).toMatch(/^ {2}30 days before\s+\d+\s+\d+\s+\d+\.\d%$/m);
    expect(out).toMatch(/^ {2}90 days before\s+\d+\s+\d+\s+\d+\.\d%$/m);
    expect(out).toMatch(
      /^Suggested weights, time-ordered: fitted on \d+ snapshots from 2026-05-28 to \S+ \(churn as known on \S+\), tested on \d+/m,
    );
    expect(out).toMatch(/^ {2}Current weights\s+0\.\d{3}\s+0\.\d{3}$/m);
    expect(out).toMatch(/^ {2}Suggested weights\s+0\.\d{3}\s+0\.\d{3}$/m);
  });

  it("prints JSON: the mode, the horizon's outcomes, lead time and the time-ordered split", async () => {
    const r = await cli(...SAMPLE, "--rubric", "examples/five-dimensions.json", "--format", "json");
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.mode).toBe("predictive");
    expect(c.horizon).toBe(90);
    expect(
      c.snapshots.churned + c.snapshots.retained + c.snapshots.censored + c.snapshots["after churn"],
    ).toBe(5400);
    expect(c.lead_time.map((l: { days: number }) => l.days)).toEqual([30, 60, 90]);
    expect(c.time_split.fit.to < c.time_split.split).toBe(true);
    expect(c.time_split.holdout.from >= c.time_split.split).toBe(true);
  });

  it("checks the scores as recorded without a rubric, and says how to get suggested weights", async () => {
    const r = await cli(...SAMPLE, "--horizon", "60");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Predictive calibration of the scores as recorded \(rubric [0-9a-f]{8}\): churn within 60 days/m,
    );
    expect(r.stdout).toContain("No suggested weights without a rubric");
  });

  it("says why a history too short for the horizon cannot be checked", async () => {
    const history = file(
      "short-history.csv",
      "Date,Account,Score,Band,Churned\n2026-11-19,Acme,30,Red,FALSE\n2026-11-26,Acme,20,Red,TRUE\n2026-11-19,Blue,80,Green,FALSE\n2026-11-26,Blue,80,Green,FALSE\n",
    );
    const r = await cli("calibrate", "--history", history);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `healthscore: ${history}: The history spans 7 days, less than the 90-day horizon, so no snapshot is known to be followed by 90 days without churn: keep snapshotting, or use a shorter --horizon.`,
    );
  });

  it("refuses a horizon that is not a number of days, and a data file beside --history", async () => {
    const bad = await cli(...SAMPLE, "--horizon", "3 months");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--horizon must be a whole number of days above 0, such as 90, not "3 months".',
    );
    const both = await cli("calibrate", "examples/customers.csv", "--history", "examples/history.csv");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("calibrate --history reads churn from the history itself");
  });

  it("says the plain check is hindsight", async () => {
    const r = await cli(
      "calibrate",
      "examples/customers.csv",
      "--rubric",
      "examples/simple-ryg.json",
      "--outcome",
      "Churned",
      "--as-of",
      "2026-11-26",
    );
    expect(r.stdout.split("\n")[1]).toMatch(/^Hindsight: today's scores against today's churn column/);
  });
});
