/**
 * healthscore: the command line over the scoring core.
 *
 *   healthscore score <data.csv> --rubric <rubric.json> [--as-of YYYY-MM-DD] [--format table|csv|json]
 *   healthscore validate <rubric.json>
 *   healthscore calibrate <data.csv> --rubric <rubric.json> --outcome <column> [--as-of YYYY-MM-DD] [--format table|json]
 */
import { parseArgs } from "node:util";
import { calibrateCommand } from "./calibrate";
import { CliError, dayOptions } from "./io";
import { type Format, score } from "./score";
import { validate } from "./validate";

const USAGE = `Usage:
  healthscore score <data.csv> --rubric <rubric.json> [--as-of YYYY-MM-DD] [--format table|csv|json]
                    [--time-zone Area/City] [--color | --no-color]
  healthscore validate <rubric.json>
  healthscore calibrate <data.csv> --rubric <rubric.json> --outcome <column> [--as-of YYYY-MM-DD]
                        [--format table|json] [--time-zone Area/City]

score     scores every row of a CSV file (one header row, one row per account).
          --as-of      the date "days since" counts to (default: today)
          --format     table (default, coloured by band), csv (adds Health Score, Health Band,
                       Health Drivers, Coverage columns) or json (one object per row)
validate  lists every problem in a rubric; exits 1 when it has errors.
calibrate checks the rubric against which accounts churned: AUC, churn by band, each metric's
          direction, suggested weights and band thresholds, cross-validated.
          --outcome    the column saying who churned: TRUE/FALSE, yes/no, churned/renewed
                       (a column named like "Renewed" or "Retained" reads TRUE as stayed)`;

const FORMATS: readonly Format[] = ["table", "csv", "json"];

function run(argv: string[]): string {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rubric: { type: "string", short: "r" },
      outcome: { type: "string", short: "o" },
      "as-of": { type: "string" },
      format: { type: "string", short: "f", default: "table" },
      "time-zone": { type: "string" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) return USAGE;

  if (command === "validate") {
    if (files.length !== 1) throw new CliError(`validate takes one rubric file.\n\n${USAGE}`, 2);
    return validate(files[0] as string);
  }
  if (command === "calibrate") return calibrateCommand({ files, ...values }, USAGE);
  if (command !== "score") throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2);

  if (files.length !== 1) throw new CliError(`score takes one data file.\n\n${USAGE}`, 2);
  if (!values.rubric) throw new CliError(`score needs --rubric <rubric.json>.\n\n${USAGE}`, 2);
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new CliError(`--format must be table, csv or json, not "${values.format}".`, 2);
  const { timeZone, asOf } = dayOptions(values["time-zone"], values["as-of"]);
  const color =
    values["no-color"] || process.env.NO_COLOR
      ? false
      : (values.color ?? (process.stdout.isTTY || !!process.env.FORCE_COLOR));
  return score({
    data: files[0] as string,
    rubric: values.rubric,
    asOf,
    timeZone,
    format,
    color,
    width: process.stdout.isTTY ? process.stdout.columns : undefined,
  });
}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (e) {
  // Every failure a user can cause is a sentence; anything else is a bug, still without a stack trace.
  const known =
    e instanceof CliError ||
    ((e as Error)?.name === "TypeError" && (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"));
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`healthscore: ${known ? message : `unexpected error: ${message}`}\n`);
  process.exitCode = e instanceof CliError ? e.exitCode : known ? 2 : 1;
}
