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

  it("prints one aligned line per account below a title row, long names cut at 40, and counts the plans", async () => {
    const data = join(tmp, "accounts.csv");
    writeFileSync(
      data,
      [
        "Customer export,November 2026",
        "Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d",
        "Acme,0.5,5,8,1,12",
        ",,,,,",
        "A company name far longer than forty characters in all,0.2,1,3,4,5",
        "Globex,0.9,8,10,0,30",
        "Initech,,,,,",
        "Umbrella,0.9,8,10,0,0",
      ].join("\n"),
    );
    const r = await cli("plan", data, "--rubric", "examples/simple-ryg.json", ...AS_OF);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "Account                                   Band → target   Plan",
        "Acme                                      Yellow → Green  Seat utilisation 0.5 → 0.66 → Green (70)",
        "A company name far longer than forty cha  Red → Yellow    Seat utilisation 0.2 → 0.76 → Yellow (40.4)",
        "Globex                                    Green → Green   Already Green, the top band",
        "Initech                                   No data → -     No data: no metric has a value, so there is nothing to plan from",
        'Umbrella                                  Red → Yellow    Clear "No login in 30 days": it caps the score at 39 → Green (100)',
        "",
        "5 accounts: 3 with a plan, 1 out of reach\n",
      ].join("\n"),
    );
  });

  it("names a metric's change by its id and a flag's by its id in JSON", async () => {
    const data = join(tmp, "flagged.csv");
    writeFileSync(
      data,
      "Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d\nAcme,0.5,5,8,1,12\nUmbrella,0.9,8,10,0,0\n",
    );
    const r = await cli("plan", data, "--rubric", "examples/simple-ryg.json", "--format", "json", ...AS_OF);
    const plans = JSON.parse(r.stdout) as PlanJson[];
    expect(plans.map((p) => p.changes)).toEqual([
      [{ metric: "utilisation", column: "Seat utilisation", from: "0.5", to: 0.66 }],
      [{ flag: "no_login_30d", column: "Logins 30d", from: "0", to: 1 }],
    ]);
  });

  it("reads a file in the --encoding given", async () => {
    const data = join(tmp, "latin1.csv");
    writeFileSync(
      data,
      Buffer.from(
        "Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d\nZoë Café,0.5,5,8,1,12\n",
        "latin1",
      ),
    );
    const r = await cli(
      "plan",
      data,
      "--rubric",
      "examples/simple-ryg.json",
      "--encoding",
      "windows-1252",
      ...AS_OF,
    );
    expect(r.stdout.split("\n")[1]).toMatch(/^Zoë Café {2}/);
  });

  it("names the data file and the missing column, and the line of a broken quote past the first rows", async () => {
    const missing = join(tmp, "no-p1.csv");
    writeFileSync(missing, "Account,Seat utilisation,Key features used,NPS,Logins 30d\nAcme,0.5,5,8,12\n");
    let r = await cli("plan", missing, "--rubric", "examples/simple-ryg.json", ...AS_OF);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `healthscore: ${missing}: The data has no column "Open P1 tickets" (read by metric "Open P1 tickets"): add it to the header row, or change the rubric.\n`,
    );
    const broken = join(tmp, "broken.csv");
    const good = "Acme,0.5,5,8,1,12\n".repeat(1200);
    writeFileSync(
      broken,
      `Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d\n${good}"Bad,0.5,5,8,1,12\n`,
    );
    r = await cli("plan", broken, "--rubric", "examples/simple-ryg.json", ...AS_OF);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `healthscore: The data file "${broken}" is not valid CSV near line 1202: a value opens a quote (") that never closes: close it, or remove it.\n`,
    );
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

    it("names the source file that lacks a column the rubric reads", async () => {
      const logins = join(tmp, "logins-without-user.csv");
      writeFileSync(logins, "Account,When\nAcme,2026-11-01\n");
      const others = ["tickets", "nps"].flatMap((n) => ["--source", `${n}=examples/${n}.csv`]);
      const r = await cli(
        "plan",
        "examples/customers.csv",
        "--rubric",
        RUBRIC,
        "--source",
        `logins=${logins}`,
        ...others,
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^healthscore: ${logins}: The source "logins" has no column "User" \\(read by metric "Users who logged in, last 30 days"\\)`,
        ),
      );
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
