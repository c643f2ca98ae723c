/**
 * healthscore: the command line over the scoring core.
 *
 *   healthscore score <data.csv> --rubric <rubric.json> [--source name=file.csv ...] [--as-of YYYY-MM-DD] [--format table|csv|json]
 *   healthscore validate <rubric.json> [--data <data.csv>] [--source name=file.csv ...]
 *   healthscore calibrate <data.csv> --rubric <rubric.json> --outcome <column> [--source name=file.csv ...] [--as-of YYYY-MM-DD] [--format table|json]
 *   healthscore calibrate --history <history.csv> [--horizon 90] [--rubric <rubric.json>] [--format table|json]
 *   healthscore plan <data.csv> --rubric <rubric.json> [--source name=file.csv ...] [--target <band>] [--as-of YYYY-MM-DD] [--format table|json]
 *   healthscore sql --rubric <rubric.json> --dialect duckdb|postgres|bigquery|snowflake --table <name> [--source name=table ...] [--as-of YYYY-MM-DD]
 *   healthscore sql --rubric <rubric.json> --run <data.csv|data.parquet> [--source name=file ...] [--out <scored.csv|scored.parquet>]
 *   healthscore history rescore <history.csv> --rubric <rubric.json> [--out <file.csv>]
 *   healthscore history backfill <data.csv> --rubric <rubric.json> --source name=file.csv ... [--weeks 26] [--as-of YYYY-MM-DD] [--out <file.csv>]
 */
import { parseArgs } from "node:util";
import { calibrateCommand } from "./calibrate";
import { isEncoding } from "./csv";
import { historyCommand } from "./history";
import { asOfOptions, CliError, type CliStreams, writeOut } from "./io";
import { plan } from "./plan";
import { type Format, score } from "./score";
import { printSql, runSql } from "./sql";
import { validate } from "./validate";

const USAGE = `Usage:
  healthscore score <data.csv> --rubric <rubric.json> [--source name=file.csv ...] [--as-of YYYY-MM-DD]
                    [--format table|csv|json] [--time-zone Area/City] [--encoding windows-1252]
                    [--color | --no-color]
  healthscore validate <rubric.json> [--data <data.csv>] [--source name=file.csv ...] [--encoding windows-1252]
  healthscore calibrate <data.csv> --rubric <rubric.json> --outcome <column> [--source name=file.csv ...]
                        [--as-of YYYY-MM-DD]
                        [--format table|json] [--time-zone Area/City] [--encoding windows-1252]
  healthscore calibrate --history <history.csv> [--horizon 90] [--rubric <rubric.json>]
                        [--format table|json] [--time-zone Area/City] [--encoding windows-1252]
  healthscore plan <data.csv> --rubric <rubric.json> [--source name=file.csv ...] [--target <band>]
                   [--as-of YYYY-MM-DD] [--format table|json] [--time-zone Area/City] [--encoding windows-1252]
  healthscore sql --rubric <rubric.json> --dialect duckdb|postgres|bigquery|snowflake --table <name>
                  [--source name=table ...] [--as-of YYYY-MM-DD] [--time-zone Area/City]
  healthscore sql --rubric <rubric.json> --run <data.csv|data.parquet> [--source name=file ...]
                  [--out <file.csv|file.parquet>]
  healthscore history rescore <history.csv> --rubric <rubric.json> [--out <file.csv>] [--time-zone Area/City]
  healthscore history backfill <data.csv> --rubric <rubric.json> --source name=file.csv ... [--weeks 26]
                               [--as-of YYYY-MM-DD] [--out <file.csv>] [--time-zone Area/City]

score     scores every row of a CSV file (comma, semicolon or tab separated; one header row,
          title rows above it allowed; one row per account), as it reads it.
          --source     a CSV of raw activity (one row per login, ticket, answer…) for each source
                       the rubric reads, e.g. --source logins=logins.csv; read whole
          --as-of      the date "days since" and source windows count to (default: today)
          --format     table (default, coloured by band), csv (adds Health Score, Health Band,
                       Health Drivers, Coverage columns) or json (one object per row)
          --encoding   the file's text encoding when it is not UTF-8, e.g. windows-1252
validate  lists every problem in a rubric; exits 1 when it has errors.
          --data       a data file: every column the rubric reads must be in its header row
                       (read alone, not the rows); --source name=file checks a source's file too
calibrate checks the rubric against which accounts churned: AUC, churn by band, each metric's
          direction, suggested weights and band thresholds, cross-validated.
          --outcome    the column saying who churned: TRUE/FALSE, yes/no, churned/renewed
                       (a column named like "Renewed" or "Retained" reads TRUE as stayed)
          --history    a Health History export (Date, Account, Score, Band, …, and a Churn date
                       or Churned column): the score at each snapshot against churn in the
                       --horizon days after it (default 90), lead time, and weights fitted on
                       earlier snapshots and tested on later ones (with --rubric, when the
                       history kept the values it reads)
plan      for every account, the fewest changes that lift it into the next band (or --target),
          with the values to write and the score they give; says why when there is no plan.
          A metric read from a --source is planned on its aggregate ("Logins, last 30 days
          12 → 43"): the value to reach through the activity, not a cell to write.
sql       prints the rubric as one read-only SELECT for a warehouse: the table's columns, then
          health_score, health_band, health_color, health_coverage, health_flags, health_drivers.
          Without --as-of, days count to the engine's current date (in --time-zone when given).
          --source     the table holding a source's rows, e.g. --source logins=analytics.logins
                       (default: a table named as the source); with --run, its CSV or Parquet file
          --run        scores a CSV or Parquet file with that query on an embedded DuckDB and
                       writes CSV to standard output, or to --out (Parquet when it ends .parquet)
history   rescore: a CSV export of the Health History sheet with the rubric's scores of every
          row's kept Values added as two columns, Score <fingerprint> and Band <fingerprint>
          (each row as of its own date; the old columns are kept as they are).
          backfill: the history the accounts would have had, scored as of each of the last
          --weeks weeks (default 26) up to --as-of, from the raw rows of --source files;
          written in the Health History layout (Date, Account, Score, Band, Coverage, Rubric,
          Values), oldest week first.`;

const FORMATS: readonly Format[] = ["table", "csv", "json"];

/** Notes for the user beside the output (source rows that did not count), as `score` and `sql --run` write them. */
const noteTo = (stderr: NodeJS.WritableStream) => (line: string) => stderr.write(`healthscore: ${line}\n`);

/**
 * Runs one `healthscore` command: `argv` as after `node cli.js`. Writes its output to `io.stdout`,
 * notes and the one-sentence error to `io.stderr`, and returns the exit code (0 done, 1 failed,
 * 2 usage error); it never exits the process, so tests run it in-process. cli/bin.ts is the program.
 */
export async function main(argv: string[], io: CliStreams): Promise<number> {
  try {
    const text = await run(argv, io);
    if (text !== undefined) await writeOut(io.stdout, `${text}\n`);
    return 0;
  } catch (e) {
    // Every failure a user can cause is a sentence; anything else is a bug, still without a stack trace.
    const known = e instanceof CliError || isArgsError(e);
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`healthscore: ${known ? message : `unexpected error: ${message}`}\n`);
    return e instanceof CliError ? e.exitCode : known ? 2 : 1;
  }
}

/** parseArgs's errors (an unknown option, a missing value): the user's typing, said as they stand. */
function isArgsError(e: unknown): boolean {
  // Stryker disable next-line OptionalChaining: equivalent, nothing the commands call throws null or undefined
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

/** Runs the command line; returns text to print, or prints it itself as it goes (score, sql --run). */
async function run(argv: string[], io: CliStreams): Promise<string | undefined> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rubric: { type: "string", short: "r" },
      data: { type: "string" },
      source: { type: "string", short: "s", multiple: true },
      outcome: { type: "string", short: "o" },
      history: { type: "string" },
      horizon: { type: "string" },
      target: { type: "string", short: "t" },
      "as-of": { type: "string" },
      format: { type: "string", short: "f", default: "table" },
      "time-zone": { type: "string" },
      encoding: { type: "string" },
      dialect: { type: "string" },
      table: { type: "string" },
      run: { type: "string" },
      out: { type: "string" },
      weeks: { type: "string" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) return USAGE;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, isEncoding(undefined) is true (UTF-8, TextDecoder's default)
  if (values.encoding !== undefined && !isEncoding(values.encoding)) {
    throw new CliError(
      `--encoding must be a text encoding such as windows-1252 or utf-16le, not "${values.encoding}".`,
      2,
    );
  }

  if (command === "validate") {
    if (files.length !== 1) throw new CliError(`validate takes one rubric file.\n\n${USAGE}`, 2);
    const { data, source, encoding } = values;
    return validate({ rubric: files[0] as string, data, sources: source, encoding });
  }
  if (command === "calibrate") return calibrateCommand({ files, ...values }, USAGE);
  if (command === "history")
    return historyCommand({ files, ...values, ...asOfOptions(values), stderr: io.stderr }, USAGE);
  if (command === "sql") return sqlCommand(files, { ...values, source: undefined }, values.source ?? [], io);
  if (command !== "score" && command !== "plan")
    throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2);

  if (files.length !== 1) throw new CliError(`${command} takes one data file.\n\n${USAGE}`, 2);
  if (!values.rubric) throw new CliError(`${command} needs --rubric <rubric.json>.\n\n${USAGE}`, 2);
  const { asOf, timeZone } = asOfOptions(values);
  if (command === "plan") {
    if (values.format !== "table" && values.format !== "json")
      throw new CliError(`--format must be table or json, not "${values.format}".`, 2);
    const { rubric, target, format, encoding, source } = values;
    return plan({
      data: files[0] as string,
      rubric,
      target,
      asOf,
      timeZone,
      format,
      encoding,
      sources: source,
    });
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new CliError(`--format must be table, csv or json, not "${values.format}".`, 2);
  const { stdout, stderr, env } = io;
  const color =
    values["no-color"] || env.NO_COLOR ? false : (values.color ?? (stdout.isTTY || !!env.FORCE_COLOR));
  await score({
    data: files[0] as string,
    rubric: values.rubric,
    asOf,
    timeZone,
    format,
    color,
    width: stdout.isTTY ? stdout.columns : undefined,
    encoding: values.encoding,
    sources: values.source ?? [],
    stdout,
    stderr,
    note: noteTo(stderr),
    // On a terminal's stderr only, and not when the output itself is going to that terminal.
    progress: !!stderr.isTTY && !stdout.isTTY,
  });
  return undefined;
}

async function sqlCommand(
  files: string[],
  values: Record<string, string | boolean | undefined>,
  sources: string[],
  io: CliStreams,
) {
  if (files.length > 0)
    throw new CliError(`sql takes no file: give the data with --run <data.csv>.\n\n${USAGE}`, 2);
  // Stryker disable next-line ConditionalExpression: equivalent, only string options are asked for
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const rubric = text("rubric");
  if (!rubric) throw new CliError(`sql needs --rubric <rubric.json>.\n\n${USAGE}`, 2);
  // Checks --as-of and --time-zone; without --as-of the printed query asks the engine for today.
  const checked = asOfOptions(values);
  const args = {
    rubric,
    dialect: text("dialect"),
    table: text("table"),
    timeZone: text("time-zone"),
    sources,
  };
  const data = text("run");
  if (data === undefined) {
    if (text("out")) throw new CliError("--out goes with --run <data.csv>.", 2);
    return printSql({ ...args, asOf: text("as-of") });
  }
  // Scoring a file here counts days to today on this machine, as `score` does.
  const written = await runSql({
    ...args,
    asOf: checked.asOf,
    run: data,
    out: text("out"),
    stdout: io.stdout,
    note: noteTo(io.stderr),
  });
  return written || undefined;
}
