/** Reading the CLI's inputs: a rubric JSON file and a CSV table, with errors a person can act on. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import {
  activityNotes,
  formatProblem,
  fromsRead,
  type Problem,
  type Rubric,
  type Scorecard,
  type SourceTables,
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
  const n = problems.length;
  return [
    `The rubric "${path}" has ${n} ${n === 1 ? "problem" : "problems"}:`,
    ...problems.map((p) => `  ${formatProblem(p)}`),
  ].join("\n");
}

export interface Table {
  headers: string[];
  rows: string[][];
}

export function readCsv(path: string, what = "data file"): Table {
  const text = readText(path, what);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw new CliError(`The ${what} "${path}" is not valid CSV: ${(e as Error).message}`);
  }
  const [headers, ...rows] = records;
  if (!headers || headers.every((h) => h.trim() === "")) {
    throw new CliError(
      `The ${what} "${path}" is empty: it needs a header row, then ${what === "data file" ? "one row per account" : "its rows"}.`,
    );
  }
  // Short rows are padded as empty cells, as a spreadsheet would show them.
  for (const row of rows) while (row.length < headers.length) row.push("");
  return { headers, rows };
}

/**
 * Reads the files given as `--source name=file` for the sources the rubric reads: each whole, as
 * the per-account index needs every row. A source the rubric reads but that is not given, or a
 * name the rubric does not declare, is one sentence and a non-zero exit.
 */
export function readSources(
  rubric: Rubric,
  specs: readonly string[],
): { tables: SourceTables; files: Record<string, string> } {
  const declared = Object.keys(rubric.sources ?? {});
  const files: Record<string, string> = {};
  for (const spec of specs) {
    const at = spec.indexOf("=");
    const name = spec.slice(0, at).trim();
    if (at < 1 || at === spec.length - 1)
      throw new CliError(
        `--source must be written name=file, like --source logins=logins.csv, not "${spec}".`,
        2,
      );
    if (!declared.includes(name)) {
      const known =
        declared.length === 0
          ? "the rubric declares no sources"
          : `the rubric's sources are ${declared.join(", ")}`;
      throw new CliError(`--source ${name}: the rubric has no source "${name}" (${known}).`, 2);
    }
    files[name] = spec.slice(at + 1);
  }
  const read = [...new Set(fromsRead(rubric).map((f) => f.from.source))];
  const absent = read.filter((name) => files[name] === undefined);
  if (absent.length > 0) {
    const list = absent.map((name) => `"${name}"`).join(", ");
    const flags = absent.map((name) => `--source ${name}=<${name}.csv>`).join(" ");
    throw new CliError(
      `The rubric reads the ${absent.length === 1 ? "source" : "sources"} ${list}: give ${absent.length === 1 ? "its file" : "their files"} with ${flags}.`,
    );
  }
  const tables: Record<string, Table> = {};
  for (const name of read) tables[name] = readCsv(files[name] as string, `source "${name}"`);
  return { tables, files };
}

/** What the sources held that did not count, as lines for stderr (none when everything counted). */
export function sourceNotes(card: Scorecard, files: Record<string, string>): string[] {
  const report = card.sourceReport();
  if (!report) return [];
  return activityNotes(report, card.rubric, (source, index) => `${files[source]} row ${index + 2}`);
}
