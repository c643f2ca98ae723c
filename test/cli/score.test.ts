import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// These run the built CLI (npm test builds first), as a user would.
const CLI = "build/cli.js";
const run = (...args: string[]) =>
  spawnSync("node", [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
const tmp = mkdtempSync(join(tmpdir(), "healthscore-cli-"));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

const CALIBRATE_ARGS = [
  "calibrate",
  "examples/customers.csv",
  "--rubric",
  "examples/simple-ryg.json",
  "--outcome",
  "Churned",
];
const SCORE = [
  "score",
  "examples/customers.csv",
  "--rubric",
  "examples/simple-ryg.json",
  "--as-of",
  "2026-11-26",
];

describe("healthscore score", () => {
  it("prints one line per account and a band summary as a table", () => {
    const r = run(...SCORE);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Account\s+Score\s+Band\s+Cover\s+Drivers$/);
    expect(lines).toHaveLength(1 + 200 + 2);
    expect(lines.at(-1)).toMatch(/^200 accounts: Red \d+ · Yellow \d+ · Green \d+ · No data 1$/);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("colours the band by the rubric's colour when asked", () => {
    const r = spawnSync("node", [CLI, ...SCORE, "--color"], { encoding: "utf8" });
    expect(r.stdout).toContain("\x1b[48;2;244;199;195m\x1b[30mRed"); // #f4c7c3
  });

  it("prints a JSON array with one object per data row, in order", () => {
    const rows = JSON.parse(run(...SCORE, "--format", "json").stdout);
    expect(rows).toHaveLength(200);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(["score", "band", "color", "coverage", "drivers", "flags", "missing"]),
      );
    }
    const noData = rows.at(-1);
    expect(noData).toMatchObject({ score: null, band: "No data", coverage: 0 });
  });

  it("appends the output columns to the CSV and replaces them when scoring its own output", () => {
    const csv = run(...SCORE, "--format", "csv").stdout;
    const header = csv.split("\n")[0];
    expect(header).toMatch(/,Churned,Health Score,Health Band,Health Drivers,Coverage$/);
    const again = run(
      "score",
      file("scored.csv", csv),
      "--rubric",
      "examples/simple-ryg.json",
      "--as-of",
      "2026-11-26",
      "--format",
      "csv",
    );
    expect(again.stdout).toBe(csv);
  });

  it("prints a table of 150,000 accounts", () => {
    const lines = ["Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d"];
    for (let i = 0; i < 150_000; i++)
      lines.push(`Account ${i},${(i % 90) / 100},${i % 9},${i % 11},${i % 4},${i % 30}`);
    const r = run("score", file("big.csv", lines.join("\n")), "--rubric", "examples/simple-ryg.json");
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /^150000 accounts: Red \d+ · Yellow \d+ · Green \d+$/,
    );
  });

  it("scores the worked example of docs/rubric.md as 40, Stable", () => {
    const data = file(
      "worked.csv",
      "Account,Years as customer,CSAT,Resolved tickets,Unresolved tickets,Positive reviews\nAcme,2,4,3,2,1\n",
    );
    const [row] = JSON.parse(
      run("score", data, "--rubric", "examples/points-five-tier.json", "--format", "json").stdout,
    );
    expect(row).toMatchObject({ score: 40, band: "Stable" });
  });
});

describe("healthscore errors", () => {
  it("names every column the data lacks, without a stack trace", () => {
    const r = run("score", file("thin.csv", "Account,NPS\nAcme,9\n"), "--rubric", "examples/simple-ryg.json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no columns "Seat utilisation" (read by metric "Seat utilisation")');
    expect(r.stderr).toContain('"Logins 30d" (read by flag "No login in 30 days")');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("says which file is missing", () => {
    const r = run("score", "nope.csv", "--rubric", "examples/simple-ryg.json");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('healthscore: Cannot read data file "nope.csv": no such file.');
  });

  it("points at the line of a JSON syntax error", () => {
    const r = run("validate", file("bad.json", '{\n  "bands": [\n    { "label": "Red", }\n  ]\n}\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not valid JSON at line 3, column \d+/);
  });

  it("gives the line and column of a trailing comma inside an array", () => {
    const r = run(
      "validate",
      file("trailing.json", '{\n  "bands": [\n    { "label": "Red" },\n  ],\n  "metrics": []\n}\n'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `healthscore: Rubric file "${join(tmp, "trailing.json")}" is not valid JSON at line 4, column 3: a comma before "]": remove the last comma.`,
    );
  });

  it("answers a rubric nested 100,000 levels deep with one sentence, not a stack overflow", () => {
    const deep = `{"bands": [{"label": "Red"}], "metrics": [{"id": "a", "column": "A", "label": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "score": {"type": "map", "values": {"x": 1}}}]}`;
    const r = run("validate", file("deep.json", deep));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^ {2}metrics\[0\]\.label(\[0\]){30}: is nested more than 32 levels deep, which no rubric is: check that this is the rubric you meant$/m,
    );
    expect(r.stderr).not.toMatch(/unexpected error|call stack/);
  });

  it("caps a long list of problems", () => {
    const metrics = Array.from({ length: 10_010 }, (_, i) => ({
      id: `m${i}`,
      column: "A",
      score: { type: "magic" },
    }));
    const r = run("validate", file("many.json", JSON.stringify({ bands: [{ label: "Red" }], metrics })));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/has 10,010 problems:$/);
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe("  …and 9,990 more");
  });

  it("calls an unknown time zone a usage error, in one sentence", () => {
    for (const command of [SCORE.slice(0, 4), [...CALIBRATE_ARGS]]) {
      const r = run(...command, "--time-zone", "Mars/Olympus");
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe(
        'healthscore: The time zone "Mars/Olympus" is not known: use a name like "Europe/Berlin" or "America/New_York".',
      );
    }
  });

  it("lists every rubric problem and exits non-zero", () => {
    const rubric = {
      bands: [
        { label: "Red", color: "#f00" },
        { label: "Green", from: 70, color: "#0f0" },
        { label: "Yellow", from: 40, color: "#ff0" },
      ],
      metrics: [
        { id: "a", column: "A", weight: -1, score: { type: "range", worst: 0, best: 10 } },
        { id: "a", column: "B", score: { type: "steps", steps: [{ score: 50 }] } },
        { id: "c", column: "C", score: { type: "magic" } },
      ],
    };
    const r = run("validate", file("problems.json", JSON.stringify(rubric)));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/has 5 problems:$/);
    expect(r.stderr).toContain("bands[2].from: must be above the previous band's from (70)");
    expect(r.stderr).toContain("metrics[0].weight: must be a number ≥ 0, not -1");
    expect(r.stderr).toContain('metrics[1].id: "a" is used by another metric');
    expect(r.stderr).toContain("metrics[1].score.steps[0]: needs min or max");
    expect(r.stderr).toContain('metrics[2].score.type: unknown scorer type "magic"');
  });

  it("validates every starter rubric", () => {
    for (const name of ["simple-ryg", "points-five-tier", "five-dimensions", "lifecycle"]) {
      const out = execFileSync("node", [CLI, "validate", `examples/${name}.json`], { encoding: "utf8" });
      expect(out).toMatch(/valid rubric/);
      expect(out).not.toContain("warning");
    }
  });

  it("rejects an as-of date that is not a date", () => {
    const r = run(...SCORE.slice(0, 4), "--as-of", "26/11/2026");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--as-of must be a date written YYYY-MM-DD");
  });
});
