/** Reading the CLI's inputs: a rubric JSON file and a CSV table, with errors a person can act on. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import {
  isoDay,
  jsonErrorSentence,
  type Problem,
  parseJson,
  plural,
  problemLines,
  type Rubric,
  todayIn,
  validateRubric,
} from "../src/core";

/** An error whose message is for the user as it stands: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new CliError(`Cannot read ${what} "${path}": ${why}.`);
  }
}

/** Parses JSON, pointing at the line and column of a syntax error. */
export function readJson(path: string, what: string): unknown {
  const json = parseJson(readText(path, what));
  if (!json.ok)
    throw new CliError(jsonErrorSentence(`${what[0]?.toUpperCase()}${what.slice(1)} "${path}"`, json.error));
  return json.value;
}

/**
 * --time-zone and --as-of, checked before anything is read: an unknown time zone or a date that
 * is not YYYY-MM-DD is a usage error (exit 2), said in one sentence.
 */
export function dayOptions(
  timeZoneArg: string | undefined,
  asOfArg: string | undefined,
): { timeZone: string; asOf: string } {
  const timeZone = timeZoneArg ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let today: string;
  try {
    today = todayIn(timeZone, new Date());
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  const asOf = asOfArg ?? today;
  if (isoDay(asOf) === undefined)
    throw new CliError(`--as-of must be a date written YYYY-MM-DD, not "${asOf}".`, 2);
  return { timeZone, asOf };
}

export interface LoadedRubric {
  rubric?: Rubric;
  errors: Problem[];
  warnings: Problem[];
}

export function loadRubric(path: string): LoadedRubric {
  return validateRubric(readJson(path, "rubric file"));
}

/** Loads a rubric that must be valid: any error ends the command with every problem listed. */
export function requireRubric(path: string): Rubric {
  const { rubric, errors } = loadRubric(path);
  if (!rubric) throw new CliError(problemsMessage(path, errors));
  return rubric;
}

export function problemsMessage(path: string, problems: readonly Problem[]): string {
  return [
    `The rubric "${path}" has ${plural(problems.length, "problem")}:`,
    ...problemLines(problems).map((line) => `  ${line}`),
  ].join("\n");
}

export interface Table {
  headers: string[];
  rows: string[][];
}

export function readCsv(path: string): Table {
  const text = readText(path, "data file");
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw new CliError(`The data file "${path}" is not valid CSV: ${(e as Error).message}`);
  }
  const [headers, ...rows] = records;
  if (!headers || headers.every((h) => h.trim() === "")) {
    throw new CliError(`The data file "${path}" is empty: it needs a header row, then one row per account.`);
  }
  // Short rows are padded as empty cells, as a spreadsheet would show them.
  for (const row of rows) while (row.length < headers.length) row.push("");
  return { headers, rows };
}
