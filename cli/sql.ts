/**
 * `healthscore sql`: the rubric as one SELECT for a warehouse, printed; or, with --run, run on an
 * embedded DuckDB over a CSV or Parquet file, writing the scored rows as CSV or Parquet.
 *
 * DuckDB (@duckdb/node-api, about 70 MB) is an optional dependency loaded only by --run, so every
 * other command starts without it and an install without optional packages still works.
 */
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { activityNotes, ColumnError, fromsRead } from "../src/core";
import {
  compileSourceReport,
  compileSql,
  DIALECT_NAMES,
  type DialectName,
  readSourceReport,
  SqlError,
  type SqlOptions,
} from "../src/core/sql";
import { CliError, requireRubric } from "./io";
import { sourceSpecs } from "./sources";

export interface SqlArgs {
  rubric: string;
  dialect?: string;
  table?: string;
  asOf?: string;
  timeZone?: string;
  run?: string;
  out?: string;
  /** `name=table` (printing) or `name=file` (--run), one per source. */
  sources?: readonly string[];
  /** Where --run's notes go (rows of sources that did not count): stderr, as `score`'s. */
  note?: (line: string) => void;
}

function dialectOf(name: string | undefined, running: boolean): DialectName {
  if (name === undefined) {
    if (running) return "duckdb";
    throw new CliError(`sql needs --dialect ${DIALECT_NAMES.join("|")}.`, 2);
  }
  if (!(DIALECT_NAMES as readonly string[]).includes(name))
    throw new CliError(`--dialect must be ${DIALECT_NAMES.join(", ")}, not "${name}".`, 2);
  if (running && name !== "duckdb")
    throw new CliError(
      `--run scores on an embedded DuckDB: leave out --dialect or write --dialect duckdb.`,
      2,
    );
  return name as DialectName;
}

function compile(
  args: SqlArgs,
  dialect: DialectName,
  table: string,
  known: Pick<SqlOptions, "headers" | "sources" | "sourceHeaders"> = {},
  query: typeof compileSql = compileSql,
): string {
  const rubric = requireRubric(args.rubric);
  try {
    return query(rubric, { dialect, table, asOf: args.asOf, timeZone: args.timeZone, ...known });
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: equivalent, the command line checks the dialect and the as-of date first
    if (e instanceof SqlError) throw new CliError(`${args.rubric}: ${e.message}`);
    if (e instanceof ColumnError) throw new CliError(`${args.run}: ${e.message}`);
    throw e;
  }
}

/** The query as text: what a data team pastes into a scheduled query or a view. */
export function printSql(args: SqlArgs): string {
  const dialect = dialectOf(args.dialect, false);
  if (!args.table)
    throw new CliError("sql needs --table <name>: the table (or view) with one row per account.", 2);
  // A source not given is read from a table named as the source.
  const rubric = requireRubric(args.rubric);
  const sources = sourceSpecs(rubric, args.sources ?? [], { what: "table", every: false });
  return compile(args, dialect, args.table, { sources }).trimEnd();
}

/** The column each table's view adds: a row's place in its file (DuckDB's rowid of the loaded table). */
const ORDER = "hs__order";

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A data file as DuckDB reads it: CSV cells as text (exactly what `healthscore score` reads),
 * Parquet as typed. `path` as the user wrote it, which a refusal names.
 */
function reader(path: string): string {
  const ext = extname(path).toLowerCase();
  const file = literal(resolve(path));
  if (ext === ".parquet") return `read_parquet(${file})`;
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv")
    return `read_csv(${file}, header = true, all_varchar = true)`;
  throw new CliError(`--run reads .csv or .parquet files, not "${path}".`, 2);
}

/**
 * Runs the query on an embedded DuckDB and writes the scored rows: to `out` (CSV, or Parquet when
 * it ends in .parquet) or as CSV to standard output. Returns what to print.
 */
export async function runSql(
  args: SqlArgs & { run: string; stdout: NodeJS.WritableStream },
): Promise<string> {
  dialectOf(args.dialect, true);
  const rubric = requireRubric(args.rubric);
  const files = sourceSpecs(rubric, args.sources ?? []);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent in what is written, a file without sources loaded as a table comes out in the same order
  const ordered = Object.keys(files).length > 0;
  let duckdb: typeof import("@duckdb/node-api");
  try {
    duckdb = await import("@duckdb/node-api");
  } catch {
    throw new CliError(
      // Stryker disable next-line StringLiteral: not reached where tests run, which install the optional dependency
      "--run needs DuckDB, an optional dependency that is not installed: run npm install @duckdb/node-api.",
    );
  }
  const instance = await duckdb.DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false" });
  try {
    const connection = await instance.connect();
    const data = reader(args.run);
    try {
      // Joined to its sources, the rows would come out in the hash join's order: the file is
      // loaded as a table, whose rowid is the file's order, and the result sorted by it.
      await connection.run(
        ordered
          ? `CREATE TABLE data_file AS SELECT * FROM ${data}`
          : `CREATE VIEW data AS SELECT * FROM ${data}`,
      );
    } catch (e) {
      throw new CliError(`Cannot read "${args.run}": ${firstLine(e)}.`);
    }
    const columns = async (view: string) =>
      (await connection.runAndReadAll(`DESCRIBE ${view}`))
        .getRowObjectsJson()
        .map((c) => String(c.column_name));
    // Each source file is loaded once as a table, read by the query (grouped by account) and by
    // the report of its rows that did not count, which names rows by their place (the rowid).
    const sources: Record<string, string> = {};
    const sourceHeaders: Record<string, string[]> = {};
    for (const [i, [name, file]] of Object.entries(files).entries()) {
      const view = `source_${i}`;
      const source = reader(file);
      try {
        await connection.run(`CREATE TABLE ${view}_file AS SELECT * FROM ${source}`);
      } catch (e) {
        throw new CliError(`Cannot read "${file}" (--source ${name}): ${firstLine(e)}.`);
      }
      sources[name] = view;
      sourceHeaders[name] = await columns(`${view}_file`);
      await connection.run(`CREATE VIEW ${view} AS SELECT *, rowid AS ${ORDER} FROM ${view}_file`);
    }
    let sql: string;
    let report: string | undefined;
    try {
      const headers = await columns(ordered ? "data_file" : "data");
      if (ordered) await connection.run(`CREATE VIEW data AS SELECT *, rowid AS ${ORDER} FROM data_file`);
      const known = { headers, sources, sourceHeaders };
      sql = compile(args, "duckdb", "data", known);
      if (ordered) {
        sql = `SELECT * EXCLUDE (${ORDER}) FROM (${sql}) ORDER BY ${ORDER}`;
        if (fromsRead(rubric).length > 0)
          report = compile(args, "duckdb", "data", known, (r, o) =>
            compileSourceReport(r, { ...o, order: ORDER }),
          );
      }
    } catch (e) {
      // A source's missing column names the source; the data file's is said as before.
      if (e instanceof CliError && e.message.startsWith(`${args.run}: The source "`))
        throw new CliError(e.message.slice(args.run.length + 2));
      throw e;
    }
    // Standard output may be a pipe or a socket DuckDB cannot open: write a temporary file and
    // stream it out.
    const tmp = args.out ? undefined : mkdtempSync(join(tmpdir(), "healthscore-"));
    const out = tmp ? join(tmp, "scored.csv") : resolve(args.out as string);
    const format =
      args.out && extname(args.out).toLowerCase() === ".parquet" ? "parquet" : "csv, header true";
    try {
      await connection.run(`COPY (${sql}) TO ${literal(out)} (FORMAT ${format})`);
    } catch (e) {
      throw new CliError(`Scoring "${args.run}" failed: ${firstLine(e)}.`);
    }
    if (tmp) {
      try {
        await pipeline(createReadStream(out), args.stdout, { end: false });
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    // After the rows, as `score` says it: what the sources held that did not count.
    if (report !== undefined) {
      const rows = (await connection.runAndReadAll(report)).getRowObjectsJson();
      // DuckDB reads the header from a file's first row: its rows start on the second.
      const notes = activityNotes(
        readSourceReport(rubric, rows),
        rubric,
        (name, index) => `${files[name]} row ${index + 2}`,
      );
      for (const line of notes) args.note?.(line);
    }
    return tmp ? "" : `Wrote ${args.out}.`;
  } finally {
    instance.closeSync();
  }
}

const firstLine = (e: unknown) =>
  // Stryker disable next-line StringLiteral,Regex,OptionalChaining: cosmetic, DuckDB's messages seen so far end without a period
  (e instanceof Error ? e.message : String(e)).split("\n")[0]?.replace(/\.$/, "") ?? "";
