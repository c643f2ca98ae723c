/** `healthscore calibrate --history`, run in-process as cli/main.ts's `main`. */
import { readFileSync } from "node:fs";
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

  it("prints the sample's recorded scores line by line: counts, AUC, bands and lead time", async () => {
    const r = await cli(...SAMPLE);
    expect(r.stdout).toBe(
      [
        "Predictive calibration of the scores as recorded (rubric 1cdbbf1f): churn within 90 days of each snapshot",
        "Predictive: 27 snapshot dates from 2026-05-28 to 2026-11-26 and churn dates from the history's \"Churn date\" column, so each snapshot's score is checked against churn in the 90 days after it, not against churn that had already happened.",
        "5400 snapshots of 200 accounts: 464 followed by churn within 90 days, 2362 not; left out: 2028 censored (their 90 days run past 2026-11-26 with no churn yet), 546 on or after the account's churn.",
        "44 accounts churned; 44 of them have a snapshot in the 90 days before.",
        "",
        "AUC 0.620 (95% CI 0.538–0.702, bootstrap over accounts), weak: a snapshot not followed by churn outscores one followed by churn 62% of the time (50% is chance).",
        "",
        "Churn within 90 days by band at the snapshot (it should fall from the lowest band to the highest)",
        "  Band    Snapshots  Churned  Churn rate",
        "  Red           420      129       30.7%",
        "  Yellow        919      130       14.1%",
        "  Green        1487      205       13.8%",
        "  Churn falls from band to band: the bands order risk.",
        "",
        "Lead time: churned accounts already in Red before they churned",
        "  At least        Churned accounts  In Red  Share",
        "  30 days before                39      11  28.2%",
        "  60 days before                33       9  27.3%",
        "  90 days before                27       7  25.9%",
        "  (each account's latest snapshot at least that long before its churn date; accounts without one are left out)",
        "",
        "No suggested weights without a rubric: give the rubric to rescore each snapshot from the values it kept and refit its weights.",
        "",
      ].join("\n"),
    );
  });

  it("prints the time-ordered fit's weights and AUCs under the rubric, as its JSON has them", async () => {
    const args = [...SAMPLE, "--rubric", "examples/five-dimensions.json"];
    const out = (await cli(...args)).stdout;
    const t = JSON.parse((await cli(...args, "--format", "json")).stdout).time_split;
    const lines = out.split("\n");
    const at = lines.findIndex((l) => l.startsWith("Suggested weights, time-ordered: "));
    expect(lines[at - 1]).toBe("");
    expect(lines[at]).toBe(
      `Suggested weights, time-ordered: fitted on 300 snapshots from 2026-05-28 to 2026-08-20 (churn as known on 2026-08-27), tested on 330 from 2026-08-27 to 2026-11-19`,
    );
    const w = (id: string) => `${t.weights[id].toFixed(1)}%`.padStart(9);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      "  Metric                      Current  Suggested",
      `  Seat utilisation              14.0%  ${w("utilisation")}`,
      `  Key features used             14.0%  ${w("features")}`,
    ]);
    expect(t.weights.features).toBeGreaterThan(0);
    const auc = (x: number, width: number) => x.toFixed(3).padStart(width);
    expect(lines.slice(at + 10, at + 15)).toEqual([
      "  Company news                  10.0%  " + w("company_news"),
      "  AUC                Fit (earlier)  Holdout (later)",
      `  Current weights    ${auc(t.current.fit_auc, 13)}  ${auc(t.current.holdout_auc, 15)}`,
      `  Suggested weights  ${auc(t.suggested.fit_auc, 13)}  ${auc(t.suggested.holdout_auc, 15)}`,
      `  ${t.text}`,
    ]);
    expect(lines.slice(at + 15)).toEqual([""]);
  });

  it("warns of mixed rubrics and few churned accounts, counts snapshots with no score, and says when churn rises with the band", async () => {
    // 20 accounts weekly from January; every third one churns, scored Green all along.
    const rows = ["Health History export", "Date,Account,Score,Band,Rubric,Churn date", ",,,,,"];
    for (let w = 0; w < 30; w++) {
      const date = new Date(Date.UTC(2026, 0, 1 + 7 * w)).toISOString().slice(0, 10);
      for (let a = 0; a < 20; a++) {
        const churn =
          a % 3 === 0 ? new Date(Date.UTC(2026, 0, 1 + 7 * (15 + (a % 5)))).toISOString().slice(0, 10) : "";
        if (churn && date > churn) continue;
        const [score, band] = a === 1 && w === 2 ? ["", ""] : a % 3 === 0 ? ["80", "Green"] : ["30", "Red"];
        rows.push(`${date},Acc${a},${score},${band},${w < 15 ? "aaaaaaaa" : "bbbbbbbb"},${churn}`);
      }
    }
    const history = file("mixed-history.csv", `${rows.join("\n")}\n`);
    const out = (await cli("calibrate", "--history", history, "--time-zone", "UTC")).stdout.split("\n");
    expect(out[0]).toBe(
      "Predictive calibration of the scores as recorded (rubric aaaaaaaa, bbbbbbbb): churn within 90 days of each snapshot",
    );
    expect(out.slice(2, 7)).toEqual([
      "Warning: the scores come from 2 rubrics; give --rubric to rescore every snapshot under one.",
      "515 snapshots of 20 accounts: 84 followed by churn within 90 days, 255 not; left out: 169 censored (their 90 days run past 2026-07-23 with no churn yet), 7 on or after the account's churn, 1 with no score.",
      "7 accounts churned; 7 of them have a snapshot in the 90 days before.",
      "Warning: Only 7 accounts churned within 90 days of a snapshot: these numbers are not yet reliable; 20 or more are needed.",
      "",
    ]);
    expect(out.slice(10, 15)).toEqual([
      "  Band   Snapshots  Churned  Churn rate",
      "  Red          220        0        0.0%",
      "  Green        118       84       71.2%",
      "  ! Churn does not fall from band to band.",
      "",
    ]);
    // Under a rubric whose columns the snapshots never kept: the scores as recorded, and why.
    const rescored = await cli(
      "calibrate",
      "--history",
      history,
      "--time-zone",
      "UTC",
      "--rubric",
      "examples/simple-ryg.json",
    );
    const lines = rescored.stdout.split("\n");
    expect(lines[2]).toBe(
      'Scores as recorded: the snapshots\' kept values never hold "Seat utilisation", "Key features used", "NPS" and 2 more that "Simple red / yellow / green" reads, so the history cannot be rescored under it.',
    );
    expect(lines.slice(-3)).toEqual([
      "",
      "No suggested weights: they are refitted on snapshots rescored under the rubric.",
      "",
    ]);
    // Without a Rubric column, the fingerprint is unknown.
    const unknown = file(
      "unknown-history.csv",
      rows.map((r) => r.replace(/,[^,]*(,[^,]*)$/, "$1")).join("\n"),
    );
    expect((await cli("calibrate", "--history", unknown, "--time-zone", "UTC")).stdout.split("\n")[0]).toBe(
      "Predictive calibration of the scores as recorded (rubric unknown): churn within 90 days of each snapshot",
    );
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
      `healthscore: ${history}: The history spans 7 days, less than the 90-day horizon, so no snapshot is known to be followed by 90 days without churn: keep snapshotting (the CLI also takes a shorter --horizon).`,
    );
  });

  it("refuses a horizon that is not a number of days, and a data file beside --history", async () => {
    const bad = await cli(...SAMPLE, "--horizon", "3 months");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--horizon must be a whole number of days above 0, such as 90, not "3 months".',
    );
    const day = await cli(...SAMPLE, "--horizon", "1");
    expect([day.status, day.stderr]).toEqual([0, ""]);
    expect(day.stdout.split("\n")[2]).toMatch(
      /^5400 snapshots of 200 accounts: 1 followed by churn within 1 days, /,
    );
    const both = await cli("calibrate", "examples/customers.csv", "--history", "examples/history.csv");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("calibrate --history reads churn from the history itself");
  });

  it("finds the header below a title row, and reads the history in the --encoding given", async () => {
    const text = `Health History,exported 2026-11-26\n${readFileSync("examples/history.csv", "utf8")}`;
    const history = file("history-utf16.csv", Buffer.from(text, "utf16le"));
    const r = await cli("calibrate", "--history", history, "--time-zone", "UTC", "--encoding", "utf-16le");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe((await cli(...SAMPLE)).stdout);
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
