/**
 * The SQL export's figures: the generated query over 1,000,000 rows × 12 metrics on an embedded
 * DuckDB (`healthscore sql --run`), side by side with the core (`healthscore score --format csv`),
 * both end to end from the same CSV file through the built CLI; and the query's size for every
 * starter rubric in every dialect.
 *
 * Env: BENCH_SQL_ROWS (default 1,000,000).
 */
import { spawnSync } from "node:child_process";
import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type CellValue, parseRubric } from "../../src/core";
import { compileSql, DIALECT_NAMES } from "../../src/core/sql";
import { AS_OF, makeTable, RUBRIC_JSON } from "./data";
import { makeLogins, SOURCE_ROWS, SOURCES_RUBRIC_JSON } from "./sources";

export const SQL_ROWS = Number(process.env.BENCH_SQL_ROWS) || 1_000_000;
/** The goal for the largest starter rubric's query. */
export const QUERY_BUDGET = 50 * 1024;

const csvCell = (cell: CellValue): string => {
  const text = typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell ?? "");
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes the benchmark table, `rows` long, as CSV, 100,000 rows (one seeded block) at a time. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once("drain", resolve)));
  let headers: readonly string[] | undefined;
  for (let done = 0, block = 0; done < rows; block++) {
    const n = Math.min(100_000, rows - done);
    const table = makeTable(n, 20261126 + block);
    if (!headers) {
      headers = table.headers;
      await write(`${headers.map(csvCell).join(",")}\n`);
    }
    await write(`${table.rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`);
    done += n;
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/** Wall time (ms) of the built CLI, and its exit status. */
function cli(args: string[]): { ms: number; ok: boolean; error: string } {
  const t0 = performance.now();
  const r = spawnSync("node", ["build/cli.js", ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  return { ms: performance.now() - t0, ok: r.status === 0, error: r.stderr.trim() };
}

export interface SqlBench {
  rows: number;
  csvBytes: number;
  core: { ms: number; ok: boolean; error: string };
  duckdb: { ms: number; ok: boolean; error: string };
  /** The largest query per dialect over the starter rubrics, and which starter it is. */
  sizes: { dialect: string; bytes: number; rubric: string }[];
  /** examples/from-activity.json's query per dialect (sources as CTEs). */
  sourcesQuery: { dialect: string; bytes: number }[];
}

export const SQL_SOURCE_ROWS = Number(process.env.BENCH_SQL_SOURCE_ROWS) || SOURCE_ROWS;

export interface SqlSourcesBench {
  rows: number;
  accounts: number;
  core: { ms: number; ok: boolean; error: string };
  duckdb: { ms: number; ok: boolean; error: string };
}

/**
 * Sources through the SQL export: the sources bench's login rows (1,000,000 for 10,000 accounts,
 * 6 `from` metrics) as a CSV, scored end to end by the built CLI, `score --source` (the core) side
 * by side with `sql --run --source` (the query's per-source CTEs on the embedded DuckDB).
 */
export async function benchSqlSources(): Promise<SqlSourcesBench> {
  const dir = mkdtempSync(join(tmpdir(), "healthscore-bench-sql-sources-"));
  try {
    const logins = makeLogins(SQL_SOURCE_ROWS);
    const accounts = join(dir, "accounts.csv");
    const file = join(dir, "logins.csv");
    const rubric = join(dir, "rubric.json");
    writeFileSync(rubric, JSON.stringify(SOURCES_RUBRIC_JSON));
    writeFileSync(accounts, `Account\n${logins.accounts.join("\n")}\n`);
    const out = createWriteStream(file);
    out.write(`${logins.headers.join(",")}\n`);
    for (let i = 0; i < logins.rows.length; i += 100_000)
      out.write(
        `${logins.rows
          .slice(i, i + 100_000)
          .map((r) => r.map(csvCell).join(","))
          .join("\n")}\n`,
      );
    await new Promise<void>((resolve) => out.end(resolve));
    const common = ["--rubric", rubric, "--as-of", AS_OF, "--time-zone", "UTC", "--source", `logins=${file}`];
    const core = cliToFile(["score", accounts, ...common, "--format", "csv"], join(dir, "core.csv"));
    const duckdb = cli(["sql", ...common, "--run", accounts, "--out", join(dir, "duckdb.csv")]);
    return { rows: logins.rows.length, accounts: logins.accounts.length, core, duckdb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSql(): Promise<SqlBench> {
  const dir = mkdtempSync(join(tmpdir(), "healthscore-bench-sql-"));
  try {
    const data = join(dir, "accounts.csv");
    const rubric = join(dir, "rubric.json");
    writeFileSync(rubric, JSON.stringify(RUBRIC_JSON));
    await writeCsv(data, SQL_ROWS);
    const common = ["--rubric", rubric, "--as-of", AS_OF, "--time-zone", "UTC"];
    // score writes to standard output: into a file, as a user's `> scored.csv` would, like --out.
    const core = cliToFile(["score", data, ...common, "--format", "csv"], join(dir, "core.csv"));
    const duckdb = cli(["sql", ...common, "--run", data, "--out", join(dir, "duckdb.csv")]);
    const sizes = DIALECT_NAMES.map((dialect) => {
      let largest = { dialect, bytes: 0, rubric: "" };
      for (const file of readdirSync("examples").filter((f) => f.endsWith(".json"))) {
        const r = parseRubric(JSON.parse(readFileSync(join("examples", file), "utf8")));
        const bytes = Buffer.byteLength(compileSql(r, { dialect, table: "accounts", asOf: AS_OF }));
        if (bytes > largest.bytes) largest = { dialect, bytes, rubric: file };
      }
      return largest;
    });
    const activity = parseRubric(JSON.parse(readFileSync("examples/from-activity.json", "utf8")));
    const sourcesQuery = DIALECT_NAMES.map((dialect) => ({
      dialect,
      bytes: Buffer.byteLength(compileSql(activity, { dialect, table: "accounts", asOf: AS_OF })),
    }));
    return { rows: SQL_ROWS, csvBytes: statSync(data).size, core, duckdb, sizes, sourcesQuery };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The built CLI with its standard output sent to a file, as a user's `> scored.csv` would. */
function cliToFile(args: string[], out: string): { ms: number; ok: boolean; error: string } {
  const t0 = performance.now();
  const r = spawnSync("sh", ["-c", `node build/cli.js "$@" > '${out}'`, "sh", ...args], { encoding: "utf8" });
  return { ms: performance.now() - t0, ok: r.status === 0, error: r.stderr.trim() };
}
