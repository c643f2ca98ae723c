import { describe, expect, it } from "vitest";
import { cli, file } from "./cli";

const CALIBRATE = [
  "calibrate",
  "examples/customers.csv",
  "--rubric",
  "examples/simple-ryg.json",
  "--outcome",
  "Churned",
  "--as-of",
  "2026-11-26",
];

/** A small table: Usage predicts retention; `churned(i)` says who churned. */
function data(churned: (i: number) => string, outcome = "Churned"): string {
  const lines = [`Account,Usage,${outcome}`];
  for (let i = 0; i < 60; i++) lines.push(`A${i},${(i * 37) % 100},${churned(i)}`);
  return `${lines.join("\n")}\n`;
}
const usageRubric = () =>
  file(
    "usage.json",
    JSON.stringify({
      bands: [
        { label: "Red", color: "#f00" },
        { label: "Green", from: 50, color: "#0f0" },
      ],
      metrics: [{ id: "usage", column: "Usage", score: { type: "range", worst: 0, best: 100 } }],
    }),
  );

/** A rubric file from its bands and metrics (ranges over 0..100 on the named columns). */
const rubricOf = (name: string, bands: [string, number?][], columns: string[]) =>
  file(
    name,
    JSON.stringify({
      bands: bands.map(([label, from]) => ({
        label,
        color: "#ccc",
        ...(from === undefined ? {} : { from }),
      })),
      metrics: columns.map((column) => ({
        id: column.toLowerCase().replace(/[^a-z]/g, "_"),
        column,
        score: { type: "range", worst: 0, best: 100 },
      })),
    }),
  );

/** The lines of the report's table under `heading`, up to the blank line after it. */
function tableUnder(report: string, heading: string): string[] {
  const lines = report.split("\n");
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe("healthscore calibrate", () => {
  it("prints a report: AUC with its interval, churn by band, metrics, weights, CV AUC, thresholds", async () => {
    const r = await cli(...CALIBRATE);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(
      /^Calibration of "Simple red \/ yellow \/ green" against "Churned" \(TRUE = churned\)/,
    );
    expect(out).toMatch(/\d+ accounts with an outcome and a score: \d+ churned \(\d+\.\d%\), \d+ retained\./);
    expect(out).toMatch(/^AUC 0\.\d{3} \(95% CI 0\.\d{3}–0\.\d{3}\)/m);
    expect(out).toMatch(/^ {2}Band\s+Accounts\s+Churned\s+Churn rate$/m);
    expect(out).toMatch(/^ {2}Red\s+\d+\s+\d+\s+\d+\.\d%$/m);
    expect(out).toMatch(/^ {2}Metric\s+Accounts\s+AUC\s+The data says\s+The rubric says$/m);
    expect(out).toMatch(/^ {2}Open P1 tickets\s+\d+\s+0\.\d{3}\s+lower is healthier\s+lower is healthier/m);
    expect(out).toMatch(/^ {2}Seat utilisation\s+37\.5%\s+\d+\.\d%$/m);
    expect(out).toMatch(
      /^Cross-validated AUC \(5 folds, mean of fold AUCs\): current 0\.\d{3}, suggested 0\.\d{3}\.$/m,
    );
    expect(out).toMatch(/^ {2}Yellow\s+40\s+\d+\.\d%\s+\d+\.\d\s+\d+\.\d%$/m);
  });

  it("gives the sample data a meaningful AUC, as JSON with the documented keys", async () => {
    const r = await cli(...CALIBRATE, "--format", "json");
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining(["auc", "auc_ci", "bands", "metrics", "suggested", "current", "n", "churned"]),
    );
    expect(c.auc).toBeGreaterThan(0.6);
    expect(c.auc_ci[0]).toBeGreaterThan(0.5);
    expect(c.bands.map((b: { label: string }) => b.label)).toEqual(["Red", "Yellow", "Green", "No data"]);
    expect(Object.keys(c.suggested.weights)).toEqual(["utilisation", "features", "nps", "p1_tickets"]);
    expect(typeof c.suggested.cv_auc).toBe("number");
    expect(typeof c.current.cv_auc).toBe("number");
    expect(c.suggested.thresholds).toHaveLength(2);
    // Deterministic: the same run gives the same numbers.
    expect((await cli(...CALIBRATE, "--format", "json")).stdout).toBe(r.stdout);
  });

  it("says the core's verdict on the suggested weights, in the sentence the sidebar and the sheet use", async () => {
    const c = JSON.parse((await cli(...CALIBRATE, "--format", "json")).stdout);
    expect(c.verdict.better).toMatch(/^(suggested|current|same)$/);
    expect((await cli(...CALIBRATE)).stdout).toContain(`\n  ${c.verdict.text}\n`);
  });

  it("prints the warning when there are too few churned accounts", async () => {
    const csv = file(
      "few.csv",
      data((i) => (i % 10 === 0 ? "yes" : "no")),
    );
    const r = await cli("calibrate", csv, "--rubric", usageRubric(), "--outcome", "churned");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "Warning: Only 6 churned accounts: these numbers are not yet reliable; 20 or more are needed.",
    );
  });

  it("warns about outcome cells it cannot read as yes/no", async () => {
    const csv = file(
      "pending.csv",
      data((i) => (i < 3 ? "pending" : i % 2 === 0 ? "Y" : "N")),
    );
    const r = await cli("calibrate", csv, "--rubric", usageRubric(), "--outcome", "Churned");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Warning: "Churned" has 3 cells that are neither yes/no');
    expect(r.stdout).toMatch(/57 accounts with an outcome and a score: 28 churned/);
  });

  it("prints the sample's report line by line: counts, AUC, bands, metrics, current weights, thresholds", async () => {
    const out = (await cli(...CALIBRATE)).stdout;
    const c = JSON.parse((await cli(...CALIBRATE, "--format", "json")).stdout);
    expect(out.split("\n").slice(0, 7)).toEqual([
      'Calibration of "Simple red / yellow / green" against "Churned" (TRUE = churned), as of 2026-11-26',
      "Hindsight: today's scores against today's churn column, which flatters the score (accounts that left have stopped using the product); with a Health History export, --history checks each snapshot's score against churn in the days after it.",
      "199 accounts with an outcome and a score: 44 churned (22.1%), 155 retained. Left out: 1 with no score.",
      "",
      "AUC 0.687 (95% CI 0.596–0.767), weak: a retained account outscores a churned one 69% of the time (50% is chance).",
      "",
      "Churn by band (it should fall from the lowest band to the highest)",
    ]);
    expect(tableUnder(out, "Churn by band (it should fall from the lowest band to the highest)")).toEqual([
      "  Band     Accounts  Churned  Churn rate",
      "  Red            27        9       33.3%",
      "  Yellow        126       31       24.6%",
      "  Green          46        4        8.7%",
      "  No data         1        0        0.0%",
      "  Churn falls from band to band: the bands order risk.",
    ]);
    expect(tableUnder(out, "Metrics (AUC of each metric's own score against churn; 0.5 is chance)")).toEqual([
      "  Metric             Accounts    AUC  The data says        The rubric says",
      "  Seat utilisation        198  0.655  higher is healthier  higher is healthier",
      "  Key features used       198  0.621  higher is healthier  higher is healthier",
      "  NPS                     196  0.637  higher is healthier  higher is healthier",
      "  Open P1 tickets         198  0.600  lower is healthier   lower is healthier",
    ]);
    // The suggested weights are the fit's (the JSON's), right-aligned under their heading.
    const suggested = (id: string) => `${c.suggested.weights[id].toFixed(1)}%`.padStart(9);
    expect(tableUnder(out, "Weights (share of the score)")).toEqual([
      "  Metric             Current  Suggested",
      `  Seat utilisation     37.5%  ${suggested("utilisation")}`,
      `  Key features used    25.0%  ${suggested("features")}`,
      `  NPS                  25.0%  ${suggested("nps")}`,
      `  Open P1 tickets      12.5%  ${suggested("p1_tickets")}`,
    ]);
    expect(c.suggested.weights.features).toBeGreaterThan(0);
    expect(out).toContain(
      `\n\nCross-validated AUC (5 folds, mean of fold AUCs): current ${c.current.cv_auc.toFixed(3)}, suggested ${c.suggested.cv_auc.toFixed(3)}.\n`,
    );
    const from = (i: number) => c.suggested.thresholds[i].toFixed(1).padStart(9);
    const rate = (i: number) => `${(c.suggested.bands[i].churn_rate * 100).toFixed(1)}%`.padStart(10);
    expect(tableUnder(out, "Band thresholds (from)")).toEqual([
      "  Band    Current  Churn rate  Suggested  Churn rate",
      `  Red                   33.3%             ${rate(0)}`,
      `  Yellow       40       24.6%  ${from(0)}  ${rate(1)}`,
      `  Green        70        8.7%  ${from(1)}  ${rate(2)}`,
    ]);
    expect(out).not.toMatch(/Warning|Note|As rubric weights|disagrees/);
  });

  it("gives a points rubric's suggestion on its own scale too, says where the data disagrees, and adds the note", async () => {
    const args = [...CALIBRATE.slice(0, 3), "examples/points-five-tier.json", ...CALIBRATE.slice(4)];
    const out = (await cli(...args)).stdout;
    const c = JSON.parse((await cli(...args, "--format", "json")).stdout);
    const weights = Object.entries(c.suggested.rubric_weights).map(([id, w]) => `${id} ${w}`);
    expect(weights.join(", ")).toMatch(/^years \d/);
    expect(out).toContain(
      `\n  As rubric weights (today's total kept): ${weights.join(", ")}\n\nCross-validated AUC`,
    );
    expect(out).toContain(
      "\n  Positive reviews          199  0.472  lower is healthier   higher is healthier  disagrees (could be noise)\n",
    );
    expect(out).toMatch(
      /\n\nNote: Points rubric: the suggested weights are shares \(they sum to 100\); loading them keeps today's total weight, so each metric's points keep their scale\.\n$/,
    );
  });

  it("says when the data reverses a metric and the bands, and prints n/a for a metric with no values", async () => {
    const lines = ["Account,Usage,Logins,Churned"];
    for (let i = 0; i < 60; i++)
      lines.push(`A${i},${(i * 37) % 100},,${(i * 37) % 100 >= 50 ? "yes" : "no"}`);
    const csv = file("reversed.csv", `${lines.join("\n")}\n`);
    const rubric = rubricOf("reversed.json", [["Red"], ["Green", 50]], ["Usage", "Logins"]);
    const out = (
      await cli("calibrate", csv, "--rubric", rubric, "--outcome", "Churned", "--as-of", "2026-11-26")
    ).stdout;
    expect(tableUnder(out, "Churn by band (it should fall from the lowest band to the highest)")).toEqual([
      "  Band   Accounts  Churned  Churn rate",
      "  Red          30        0        0.0%",
      "  Green        30       30      100.0%",
      "  ! Green churns more than Red (100% against 0%): churn should fall from the lowest band to the highest, so the bands do not order risk as they should.",
    ]);
    expect(tableUnder(out, "Metrics (AUC of each metric's own score against churn; 0.5 is chance)")).toEqual([
      "  Metric  Accounts    AUC  The data says       The rubric says",
      "  Usage         60  0.000  lower is healthier  higher is healthier  ! disagrees",
      "  Logins         0    n/a  unclear             higher is healthier",
    ]);
  });

  it("says when one band leaves no thresholds to suggest", async () => {
    const csv = file(
      "one-band.csv",
      data((i) => (i % 2 === 0 ? "yes" : "no")),
    );
    const rubric = rubricOf("one-band.json", [["All"]], ["Usage"]);
    const out = (await cli("calibrate", csv, "--rubric", rubric, "--outcome", "Churned")).stdout;
    expect(tableUnder(out, "Band thresholds (from)")).toEqual([
      "  The rubric has one band: no thresholds to suggest.",
    ]);
  });

  it("leaves out blank rows, counts accounts without an outcome or a score, and says when folds and thresholds cannot be had", async () => {
    const lines = ["Account,Usage,Churned", ",,"];
    for (let i = 0; i < 30; i++)
      lines.push(`A${i},${i % 2 ? 50 : 60},${i === 0 ? "yes" : i === 5 || i === 6 ? "" : "no"}`);
    lines.push("Unscored,,no");
    const csv = file("few-values.csv", `${lines.join("\n")}\n`);
    const rubric = rubricOf("three-bands.json", [["Red"], ["Yellow", 40], ["Green", 70]], ["Usage"]);
    const out = (
      await cli("calibrate", csv, "--rubric", rubric, "--outcome", "Churned", "--as-of", "2026-11-26")
    ).stdout;
    expect(out.split("\n").slice(2, 4)).toEqual([
      "28 accounts with an outcome and a score: 1 churned (3.6%), 27 retained. Left out: 2 without an outcome, 1 with no score.",
      "Warning: Only 1 churned accounts: these numbers are not yet reliable; 20 or more are needed.",
    ]);
    // A band without accounts has no churn rate.
    expect(tableUnder(out, "Churn by band (it should fall from the lowest band to the highest)")).toEqual([
      "  Band     Accounts  Churned  Churn rate",
      "  Red             0        0",
      "  Yellow         28        1        3.6%",
      "  Green           0        0",
      "  No data         1        0        0.0%",
      "  Churn falls from band to band: the bands order risk.",
    ]);
    expect(out).toContain("\n\nCross-validated AUC: not enough churned and retained accounts for folds.\n\n");
    expect(tableUnder(out, "Band thresholds (from)")).toEqual([
      "  No suggestion: the scores have too few distinct values for this many bands.",
    ]);
  });

  it("reads the rubric's sources from --source, and names the source file that lacks a column", async () => {
    const args = [...CALIBRATE.slice(0, 3), "examples/from-activity.json", ...CALIBRATE.slice(4)];
    const sources = ["tickets", "nps"].flatMap((n) => ["--source", `${n}=examples/${n}.csv`]);
    const r = await cli(...args, "--source", "logins=examples/logins.csv", ...sources);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /^200 accounts with an outcome and a score: 44 churned \(22\.0%\), 156 retained\.$/m,
    );
    const logins = file("logins-without-user.csv", "Account,When\nAcme,2026-11-01\n");
    const bad = await cli(...args, "--source", `logins=${logins}`, ...sources);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split(": The source")[0]).toBe(`healthscore: ${logins}`);
    expect(bad.stderr).toContain(
      'The source "logins" has no column "User" (read by metric "Users who logged in, last 30 days"): add it to its header row, or change the rubric.',
    );
  });

  it("finds the header below a title row, and reads a file in the --encoding given", async () => {
    const lines = ["Customer export,November 2026", "Account,Activité,Churned"];
    for (let i = 0; i < 60; i++) lines.push(`A${i},${(i * 37) % 100},${i % 2 ? "yes" : "no"}`);
    const csv = file("titled.csv", Buffer.from(`${lines.join("\n")}\n`, "latin1"));
    const rubric = rubricOf("activite.json", [["Red"], ["Green", 50]], ["Activité"]);
    const args = ["calibrate", csv, "--rubric", rubric, "--outcome", "Churned", "--format", "json"];
    const r = await cli(...args, "--encoding", "windows-1252");
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 60, churned: 30 });
  });

  it("reads a Renewed column as TRUE = stayed", async () => {
    const csv = file(
      "renewed.csv",
      data((i) => (i % 3 === 0 ? "FALSE" : "TRUE"), "Renewed"),
    );
    const c = JSON.parse(
      (await cli("calibrate", csv, "--rubric", usageRubric(), "--outcome", "Renewed", "--format", "json"))
        .stdout,
    );
    expect(c.outcome).toEqual({ column: "Renewed", positive: "renewed" });
    expect(c.churned).toBe(20);
    const report = await cli("calibrate", csv, "--rubric", usageRubric(), "--outcome", "Renewed");
    expect(report.stdout).toMatch(
      /^Calibration of "Untitled rubric" against "Renewed" \(TRUE = renewed\), as of /,
    );
  });
});

describe("healthscore calibrate errors", () => {
  const expectError = async (args: string[], status: number, message: string | RegExp) => {
    const r = await cli(...args);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it("needs --outcome, and a format it can print", async () => {
    await expectError(CALIBRATE.slice(0, 4), 2, "healthscore: calibrate needs --outcome <column>");
    await expectError([...CALIBRATE, "--format", "csv"], 2, /--format must be table or json for calibrate/);
  });

  it("takes exactly one data file and a rubric, --history without a data file or an outcome, and no --horizon without --history", async () => {
    const usage = /^Usage:\n {2}healthscore score <data\.csv> --rubric/;
    let r = await cli(
      "calibrate",
      "examples/customers.csv",
      "examples/customers.csv",
      "--rubric",
      "r.json",
      "--outcome",
      "Churned",
    );
    expect([r.status, r.stderr.split("\n\n")[0]]).toEqual([2, "healthscore: calibrate takes one data file."]);
    expect(r.stderr.split("\n\n")[1]).toMatch(usage);
    r = await cli("calibrate", "examples/customers.csv", "--outcome", "Churned");
    expect([r.status, r.stderr.split("\n\n")[0]]).toEqual([
      2,
      "healthscore: calibrate needs --rubric <rubric.json>.",
    ]);
    expect(r.stderr.split("\n\n")[1]).toMatch(usage);
    const history =
      "calibrate --history reads churn from the history itself (a Churn date or Churned column): give no data file and no --outcome.";
    r = await cli("calibrate", "--history", "examples/history.csv", "--outcome", "Churned");
    expect([r.status, r.stderr]).toEqual([2, `healthscore: ${history}\n`]);
    r = await cli("calibrate", "examples/customers.csv", "--history", "examples/history.csv");
    expect([r.status, r.stderr]).toEqual([2, `healthscore: ${history}\n`]);
    r = await cli(...CALIBRATE, "--horizon", "30");
    expect([r.status, r.stderr]).toEqual([
      2,
      "healthscore: --horizon goes with --history <history.csv>: the days after each snapshot in which churn counts.\n",
    ]);
  });

  it("names a missing outcome column", async () => {
    await expectError(
      [...CALIBRATE.slice(0, 5), "Lost"],
      1,
      'healthscore: examples/customers.csv: The data has no column "Lost": name the column that says which accounts churned.',
    );
  });

  it("says when the outcome column is empty, or holds only one class", async () => {
    const rubric = usageRubric();
    const empty = file(
      "empty.csv",
      data(() => ""),
    );
    await expectError(
      ["calibrate", empty, "--rubric", rubric, "--outcome", "Churned"],
      1,
      /has no outcomes: write TRUE/,
    );
    const none = file(
      "none.csv",
      data(() => "FALSE"),
    );
    await expectError(
      ["calibrate", none, "--rubric", rubric, "--outcome", "Churned"],
      1,
      /None of the 60 scored accounts with an outcome churned: calibration needs both churned and retained accounts\.$/,
    );
    const all = file(
      "all.csv",
      data(() => "churned"),
    );
    await expectError(
      ["calibrate", all, "--rubric", rubric, "--outcome", "Churned"],
      1,
      /All 60 scored accounts with an outcome churned/,
    );
  });
});
