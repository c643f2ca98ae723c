/** Reading the CLI's inputs: a rubric JSON file and a CSV table, with errors a person can act on. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import {
  AsOfError,
  chooseAsOf,
  formatProblem,
  type Problem,
  plural,
  type Rubric,
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
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    let where = "";
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      where = ` at line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
    }
    throw new CliError(
      `${what[0]?.toUpperCase()}${what.slice(1)} "${path}" is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, "")}.`,
    );
  }
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
    ...problems.map((p) => `  ${formatProblem(p)}`),
  ].join("\n");
}

/** A command's time zone (--time-zone, else the machine's) and as-of date (--as-of, else today there). */
export function dateOptions(options: { "as-of"?: string; "time-zone"?: string }): {
  asOf: string;
  timeZone: string;
} {
  const timeZone = options["time-zone"] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    return { timeZone, asOf: chooseAsOf({ given: options["as-of"], timeZone, now: new Date() }) };
  } catch (e) {
    if (e instanceof AsOfError) throw new CliError(`--as-of ${e.message}.`, 2);
    throw e;
  }
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
