import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLine } from "../../cli/csv";
import { cli } from "./cli";

const tmp = mkdtempSync(join(tmpdir(), "healthscore-plan-"));
const AS_OF = ["--as-of", "2026-11-26", "--time-zone", "UTC"];

interface PlanJson {
  band: string;
  target: string | null;
  reachable: boolean;
  score_after: number | null;
  changes: { metric?: string; flag?: string; column: string; source?: string; from: unknown; to: unknown }[];
  why: string;
}

const cellText = (v: unknown) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

describe("healthscore plan", () => {
  it.each(["simple-ryg", "five-dimensions", "lifecycle", "points-five-tier"])(
    "gives %s plans that, written into the CSV and scored by the CLI, reach their target with score_after",
    async (name) => {
      const rubric = `examples/${name}.json`;
      const r = await cli("plan", "examples/customers.csv", "--rubric", rubric, "--format", "json", ...AS_OF);
      expect(r.stderr).toBe("");
      const plans = JSON.parse(r.stdout) as PlanJson[];
      const [headers, ...rows] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
      expect(plans).toHaveLength(rows.length);
      const changed = rows.map((row, i) => {
        const out = row.slice();
        for (const c of plans[i]?.changes ?? [])
          out[(headers as string[]).indexOf(c.column)] = cellText(c.to);
        return out;
      });
      const file = join(tmp, `${name}.csv`);
      writeFileSync(file, `${[headers as string[], ...changed].map((r) => csvLine(r, ",")).join("\n")}\n`);
      const after = JSON.parse(
        (await cli("score", file, "--rubric", rubric, "--format", "json", ...AS_OF)).stdout,
      ) as {
        score: number | null;
        band: string;
      }[];
      const bands = (JSON.parse(readFileSync(rubric, "utf8")) as { bands: { label: string }[] }).bands.map(
        (b) => b.label,
      );
      let planned = 0;
      plans.forEach((p, i) => {
        if (!p.reachable || p.changes.length === 0) return;
        planned++;
        expect(after[i]?.score).toBe(p.score_after);
        if (bands.includes(p.target as string))
          expect(bands.indexOf(after[i]?.band as string)).toBeGreaterThanOrEqual(
            bands.indexOf(p.target as string),
          );
      });
      expect(planned).toBeGreaterThan(20);
    },
  );

  it("plans to a named band and prints a table with one line per account", async () => {
    const r = await cli(
      "plan",
      "examples/customers.csv",
      "--rubric",
      "examples/simple-ryg.json",
      "--target",
      "Green",
      ...AS_OF,
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Account\s+Band → target\s+Plan$/);
    expect(lines).toHaveLength(1 + 200 + 2);
    expect(lines[2]).toMatch(/^Maple Analytics\s+Red → Green\s+\S/);
    expect(lines.at(-1)).toMatch(/^200 accounts: \d+ with a plan, \d+ out of reach$/);
  });

  it("strips terminal control characters from the names, labels and plans it prints", async () => {
    const ryg = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
    ryg.metrics[0].label = "Seats\x1b[2J used";
    ryg.bands[0].label = "Red\x1b[31m";
    const rubric = join(tmp, "escapes.json");
    writeFileSync(rubric, JSON.stringify(ryg));
    const data = join(tmp, "escapes.csv");
    writeFileSync(
      data,
      "Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d\n" +
        '"Evil\x1b]0;pwned\x07\x1b[2J Co",0.1,1,2,3,1\n',
    );
    const r = await cli("plan", data, "--rubric", rubric, ...AS_OF);
    expect(r.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(r.stdout).toMatch(/^Evil\]0;pwned\[2J Co\s+Red\[31m → Yellow\s+.*Seats\[2J used/m);
  });

  it("refuses a target that is not a band, in one sentence", async () => {
    const r = await cli(
      "plan",
      "examples/customers.csv",
      "--rubric",
      "examples/simple-ryg.json",
      "--target",
      "Blue",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'healthscore: --target: The target band "Blue" is not a band of this rubric: use Red, Yellow or Green.\n',
    );
  });

  describe("with sources", () => {
    const RUBRIC = "examples/from-activity.json";
    const SOURCES = ["logins", "tickets", "nps"].flatMap((n) => ["--source", `${n}=examples/${n}.csv`]);

    it("plans a metric read from a source on its aggregate, in the rubric's words", async () => {
      const r = await cli("plan", "examples/customers.csv", "--rubric", RUBRIC, ...SOURCES, ...AS_OF);
      expect(r.stderr).toBe("");
      const cedar = r.stdout.split("\n").find((l) => l.startsWith("Cedar Media"));
      expect(cedar).toMatch(
        /Yellow → Green\s+Seat utilisation 49% → 80% and Logins, last 30 days 59 → 68 → Green \(70\.1\)$/,
      );
    });

    it("names each aggregate's source in JSON, and its column plans score as promised", async () => {
      const r = await cli(
        "plan",
        "examples/customers.csv",
        "--rubric",
        RUBRIC,
        ...SOURCES,
        "--format",
        "json",
        ...AS_OF,
      );
      const plans = JSON.parse(r.stdout) as PlanJson[];
      const aggregates = new Set(
        plans.flatMap((p) => p.changes.filter((c) => c.source).map((c) => `${c.source}: ${c.column}`)),
      );
      expect([...aggregates].sort()).toEqual([
        "logins: count of logins, last 30 days",
        "nps: latest Score in nps",
        "tickets: count of tickets, where Status is Open or Pending",
      ]);
      // The plans that change only columns: written into the CSV and scored with the same sources.
      const [headers, ...rows] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
      const columnsOnly = plans.flatMap((p, i) =>
        p.reachable && p.changes.length > 0 && p.changes.every((c) => !c.source) ? [i] : [],
      );
      expect(columnsOnly.length).toBeGreaterThan(10);
      const changed = rows.map((row, i) => {
        const out = row.slice();
        for (const c of plans[i]?.changes ?? [])
          if (!c.source) out[(headers as string[]).indexOf(c.column)] = cellText(c.to);
        return out;
      });
      const file = join(tmp, "from-activity.csv");
      writeFileSync(
        file,
        `${[headers as string[], ...changed].map((row) => csvLine(row, ",")).join("\n")}\n`,
      );
      const after = JSON.parse(
        (await cli("score", file, "--rubric", RUBRIC, ...SOURCES, "--format", "json", ...AS_OF)).stdout,
      ) as { score: number | null }[];
      for (const i of columnsOnly) expect(after[i]?.score).toBe(plans[i]?.score_after);
    });

    it("says which source files it needs when they are not given", async () => {
      const r = await cli("plan", "examples/customers.csv", "--rubric", RUBRIC, ...AS_OF);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        'healthscore: The rubric reads the sources "logins", "nps", "tickets": give their files with --source logins=<logins.csv> --source nps=<nps.csv> --source tickets=<tickets.csv>.\n',
      );
    });
  });
});
