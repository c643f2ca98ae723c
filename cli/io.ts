/** Reading the CLI's inputs: a rubric JSON file and a CSV table, with errors a person can act on. */

import { once } from "node:events";
import { readFileSync } from "node:fs";
import {
  AsOfError,
  chooseAsOf,
  jsonErrorSentence,
  type Problem,
  parseJson,
  plural,
  problemLines,
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
    // Stryker disable next-line StringLiteral: cosmetic, the name shows only in a stack trace, which users never see
    this.name = "CliError";
  }
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw cannotRead(path, what, e as NodeJS.ErrnoException);
  }
}

export function cannotRead(path: string, what: string, e: NodeJS.ErrnoException): CliError {
  const why =
    e.code === "ENOENT"
      ? "no such file"
      : e.code === "EISDIR"
        ? "it is a folder"
        : e.code === "EACCES" || e.code === "EPERM"
          ? "you may not read it (check its permissions)"
          : e.message;
  return new CliError(`Cannot read ${what} "${path}": ${why}.`);
}

/** Parses JSON, pointing at the line and column of a syntax error. */
export function readJson(path: string, what: string): unknown {
  const json = parseJson(readText(path, what));
  if (!json.ok)
    // Stryker disable next-line OptionalChaining: equivalent, `what` is never empty
    throw new CliError(jsonErrorSentence(`${what[0]?.toUpperCase()}${what.slice(1)} "${path}"`, json.error));
  return json.value;
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

/**
 * Where a command reads its settings and writes: the process's own streams and environment when
 * run as `healthscore` (cli/bin.ts), captured ones when a test runs a command in-process.
 */
export interface CliStreams {
  /** The output; `isTTY` and `columns` when it is a terminal (colour, the table's width). */
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Notes, errors and the progress line (only on a terminal: `isTTY`). */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** NO_COLOR and FORCE_COLOR are read from it. */
  env: Readonly<Record<string, string | undefined>>;
}

/** Writes to `out`, waiting when the reader is slower than we are (so output never piles up in memory). */
export async function writeOut(out: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, writing "" never fills a stream
  if (text.length > 0 && !out.write(text)) await once(out, "drain");
}

/**
 * The day and zone a command scores in, from --as-of and --time-zone: both usage errors (exit 2)
 * when malformed, since they are the user's typing, not a fault.
 */
export function asOfOptions(options: { "as-of"?: string; "time-zone"?: string }): {
  asOf: string;
  timeZone: string;
} {
  const timeZone = options["time-zone"] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new CliError(
      `--time-zone must be a time zone name such as Europe/London or America/New_York, not "${timeZone}".`,
      2,
    );
  }
  try {
    return { timeZone, asOf: chooseAsOf({ given: options["as-of"], timeZone, now: new Date() }) };
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: equivalent, chooseAsOf throws nothing but AsOfError
    if (e instanceof AsOfError) throw new CliError(`--as-of ${e.message}.`, 2);
    throw e;
  }
}
