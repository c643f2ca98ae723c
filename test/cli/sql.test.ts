import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cli } from "./cli";

const tmp = mkdtempSync(join(tmpdir(), "healthscore-sql-"));
const RUBRIC = ["--rubric", "examples/five-dimensions.json"];

/** `sql --run` and `score --format csv` on the sample customers give the same rows, in order. */
async function expectSameAsScore(args: string[]): Promise<void> {
  const sql = await cli("sql", ...args, "--run", "examples/customers.csv");
  const core = await cli("score", "examples/customers.csv", ...args, "--format", "csv");
  // What the sources held that did not count, in the same words (nothing for a rubric without sources).
  expect(sql.stderr).toBe(core.stderr);
  const fromSql = parse(sql.stdout, { columns: true }) as Record<string, string>[];
  const fromCore = parse(core.stdout, { columns: true }) as Record<string, string>[];
  expect(fromSql).toHaveLength(200);
  // DuckDB writes 39 as 39.0: compare the numbers.
  const score = (s: string | undefined) => (s ? Number(s) : null);
  expect(fromSql.map((r) => [r.Account, score(r.health_score), r.health_band, r.health_drivers])).toEqual(
    fromCore.map((r) => [r.Account, score(r["Health Score"]), r["Health Band"], r["Health Drivers"]]),
  );
}

describe("healthscore sql", () => {
  it("prints one read-only SELECT over the named table", async () => {
    const r = await cli(
      "sql",
      ...RUBRIC,
      "--dialect",
      "postgres",
      "--table",
      "crm.accounts",
      "--as-of",
      "2026-11-26",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^WITH hs__1 AS MATERIALIZED \(/);
    expect(r.stdout).toContain("FROM crm.accounts AS hs__t");
    expect(r.stdout).not.toMatch(/\b(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER)\b/);
    expect(r.stdout).toMatch(/AS health_score,\n[\s\S]*AS health_drivers\nFROM hs__\d+\n$/);
  });

  it("counts days to the engine's date in the time zone when no as-of date is given", async () => {
    const r = await cli(
      "sql",
      ...RUBRIC,
      "--dialect",
      "bigquery",
      "--table",
      "p.d.t",
      "--time-zone",
      "Europe/Berlin",
    );
    expect(r.stdout).toContain("CURRENT_DATE('Europe/Berlin')");
  });

  it("says which dialects exist when the dialect is unknown", async () => {
    const r = await cli("sql", ...RUBRIC, "--dialect", "oracle", "--table", "t");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'healthscore: --dialect must be duckdb, postgres, bigquery, snowflake, not "oracle".\n',
    );
  });

  it("scores a CSV on DuckDB with the same scores, bands and drivers as healthscore score", async () => {
    await expectSameAsScore([...RUBRIC, "--as-of", "2026-11-26"]);
  });

  it("writes Parquet with --out and names a column the file lacks in one sentence", async () => {
    const out = join(tmp, "scored.parquet");
    const ok = await cli("sql", ...RUBRIC, "--run", "examples/customers.csv", "--out", out);
    expect(ok.stdout).toBe(`Wrote ${out}.\n`);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe("PAR1");

    const data = join(tmp, "short.csv");
    writeFileSync(data, "Account,NPS\nAcme,9\n");
    const bad = await cli("sql", "--rubric", "examples/simple-ryg.json", "--run", data);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /^healthscore: .*short\.csv: The data has no columns "Seat utilisation" .*\.\n$/,
    );
  });

  it("scores raw activity on DuckDB, each --source file read as a table, as healthscore score does", async () => {
    const files = ["logins", "tickets", "nps"].flatMap((s) => ["--source", `${s}=examples/${s}.csv`]);
    await expectSameAsScore(["--rubric", "examples/from-activity.json", "--as-of", "2026-11-26", ...files]);
  });

  it("says which source rows did not count, as healthscore score does: a key of no account, a date it cannot read", async () => {
    const accounts = join(tmp, "accounts.csv");
    writeFileSync(accounts, "Account,Seat utilisation\nAcme,50%\nBeta,70%\nacme ,60%\n");
    const logins = join(tmp, "logins.csv");
    writeFileSync(
      logins,
      "Account,User,Date\nAcme,u1,2026-11-20\nTrial - Wayne Enterprises,u2,2026-11-21\nBeta,u3,2026-13-01\n,u4,2026-11-22\nbeta,u5,2026-11-23\n",
    );
    const tickets = join(tmp, "tickets.csv");
    writeFileSync(tickets, "Account,Priority,Status,Opened\nBeta,P1,Open,2026-11-01\n");
    const nps = join(tmp, "nps.csv");
    writeFileSync(nps, "Account,Score,Date\nAcme,9,2026-10-01\n");
    const args = [
      "--rubric",
      "examples/from-activity.json",
      "--as-of",
      "2026-11-26",
      "--source",
      `logins=${logins}`,
      "--source",
      `tickets=${tickets}`,
      "--source",
      `nps=${nps}`,
    ];
    const expected = [
      `healthscore: logins: 2 rows of 5 name no account in the data ((blank), "Trial - Wayne Enterprises"); they are not counted.`,
      `healthscore: logins: 1 row has no readable Date (${logins} row 4: "2026-13-01"); write dates as YYYY-MM-DD. They are not counted.`,
      `healthscore: The data has 2 rows sharing an account key ("Acme"): each such row gets the same activity.`,
      "",
    ].join("\n");
    const score = await cli("score", accounts, ...args, "--format", "csv");
    expect(score.stderr).toBe(expected);
    const sql = await cli("sql", ...args, "--run", accounts);
    expect(sql.status).toBe(0);
    expect(sql.stderr).toBe(expected);
    // The report comes after the rows, which are all there.
    expect(parse(sql.stdout, { columns: true })).toHaveLength(3);
    const out = join(tmp, "activity.csv");
    const written = await cli("sql", ...args, "--run", accounts, "--out", out);
    expect([written.stdout, written.stderr]).toEqual([`Wrote ${out}.\n`, expected]);
  });

  it("prints each source's table as --source names it, and says which file --run lacks", async () => {
    const printed = await cli(
      "sql",
      "--rubric",
      "examples/from-activity.json",
      "--dialect",
      "bigquery",
      "--table",
      "crm.accounts",
      "--source",
      "logins=my-project.analytics.logins",
    );
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain("FROM `my-project.analytics.logins` AS hs__t");
    expect(printed.stdout).toContain("FROM tickets AS hs__t");

    const unknown = await cli(
      "sql",
      "--rubric",
      "examples/from-activity.json",
      "--dialect",
      "duckdb",
      "--table",
      "t",
      "--source",
      "visits=v",
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'healthscore: --source visits: the rubric has no source "visits" (the rubric\'s sources are logins, tickets, nps).\n',
    );

    const lacking = await cli(
      "sql",
      "--rubric",
      "examples/from-activity.json",
      "--run",
      "examples/customers.csv",
      "--source",
      "logins=examples/logins.csv",
    );
    expect(lacking.status).toBe(1);
    expect(lacking.stderr).toBe(
      'healthscore: The rubric reads the sources "nps", "tickets": give their files with --source nps=<nps.csv> --source tickets=<tickets.csv>.\n',
    );
  });

  it("needs a dialect and a table to print, and DuckDB to run", async () => {
    const simple = ["sql", "--rubric", "examples/simple-ryg.json"];
    expect(await cli(...simple, "--table", "t")).toEqual({
      status: 2,
      stdout: "",
      stderr: "healthscore: sql needs --dialect duckdb|postgres|bigquery|snowflake.\n",
    });
    expect(await cli(...simple, "--dialect", "postgres")).toEqual({
      status: 2,
      stdout: "",
      stderr: "healthscore: sql needs --table <name>: the table (or view) with one row per account.\n",
    });
    expect(await cli(...simple, "--run", "examples/customers.csv", "--dialect", "postgres")).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "healthscore: --run scores on an embedded DuckDB: leave out --dialect or write --dialect duckdb.\n",
    });
  });

  it("runs on .csv, .txt and .tsv files and Parquet, whatever the case of the extension or a quote in the name", async () => {
    const rows = readFileSync("examples/customers.csv", "utf8").split("\n").slice(0, 4);
    const args = ["sql", "--rubric", "examples/simple-ryg.json", "--as-of", "2026-11-26", "--run"];
    const csv = join(tmp, "o'brien.CSV");
    writeFileSync(csv, `${rows.join("\n")}\n`);
    const scored = await cli(...args, csv);
    expect([scored.status, scored.stderr]).toEqual([0, ""]);
    const accounts = (out: string) =>
      (parse(out, { columns: true }) as Record<string, string>[]).map((r) => [
        r.Account,
        Number(r.health_score),
      ]);
    expect(accounts(scored.stdout).map((a) => a[0])).toEqual([
      "Xenon Robotics",
      "Maple Analytics",
      "Cedar Media",
    ]);
    for (const name of ["tabs.tsv", "tabs.txt"]) {
      const file = join(tmp, name);
      writeFileSync(file, `${rows.map((r) => r.replace(/,/g, "\t")).join("\n")}\n`);
      expect(accounts((await cli(...args, file)).stdout)).toEqual(accounts(scored.stdout));
    }
    const parquet = join(tmp, "scored.PARQUET");
    expect((await cli(...args, csv, "--out", parquet)).stdout).toBe(`Wrote ${parquet}.\n`);
    expect(readFileSync(parquet).subarray(0, 4).toString()).toBe("PAR1");
    const fromParquet = await cli(...args, parquet);
    expect(accounts(fromParquet.stdout)).toEqual(accounts(scored.stdout));
  });

  it("says in one sentence which file it cannot read or write", async () => {
    const args = ["sql", "--rubric", "examples/from-activity.json", "--run"];
    const sources = ["logins", "tickets", "nps"].map((n) => `--source=${n}=examples/${n}.csv`);
    const json = join(tmp, "data.json");
    expect(await cli(...args, json, ...sources)).toEqual({
      status: 2,
      stdout: "",
      stderr: `healthscore: --run reads .csv or .parquet files, not "${json}".\n`,
    });
    const missing = join(tmp, "missing.csv");
    let r = await cli(...args, missing, ...sources);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^healthscore: Cannot read "${missing}": IO Error: [^\\n]*[^.]\\.\\n$`),
    );
    r = await cli(...args, "examples/customers.csv", ...sources.slice(1), `--source=logins=${missing}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^healthscore: Cannot read "${missing}" \\(--source logins\\): IO Error: [^\\n]*[^.]\\.\\n$`,
      ),
    );
    r = await cli(...args, "examples/customers.csv", ...sources.slice(1), `--source=logins=${json}`);
    expect([r.status, r.stderr]).toEqual([
      2,
      `healthscore: --run reads .csv or .parquet files, not "${json}".\n`,
    ]);
    const logins = join(tmp, "logins-without-user.csv");
    writeFileSync(logins, "Account,When\nAcme,2026-11-01\n");
    r = await cli(...args, "examples/customers.csv", ...sources.slice(1), `--source=logins=${logins}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'healthscore: The source "logins" has no column "Date" (read by its date): add it to its table, or change the rubric.\n',
    );
    const nowhere = join(tmp, "no-such-folder", "scored.csv");
    r = await cli(...args, "examples/customers.csv", ...sources, "--out", nowhere);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^healthscore: Scoring "examples\/customers.csv" failed: IO Error: [^\n]*[^.]\.\n$/,
    );
  });

  it("runs a rubric that declares a source it does not read, with nothing to report about it", async () => {
    const ryg = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
    ryg.sources = { logins: { sheet: "Logins", key: "Account", date: "Date" } };
    const rubric = join(tmp, "declares-logins.json");
    writeFileSync(rubric, JSON.stringify(ryg));
    const args = ["--rubric", rubric, "--as-of", "2026-11-26", "--source", "logins=examples/logins.csv"];
    const sql = await cli("sql", ...args, "--run", "examples/customers.csv");
    expect([sql.status, sql.stderr]).toEqual([0, ""]);
    const score = await cli("score", "examples/customers.csv", ...args, "--format", "csv");
    const bands = (out: string) =>
      (parse(out, { columns: true }) as Record<string, string>[]).map(
        (r) => r.health_band ?? r["Health Band"],
      );
    expect(bands(sql.stdout)).toEqual(bands(score.stdout));
  });
});
