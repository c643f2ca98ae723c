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
