/**
 * =HEALTHSCORE, =HEALTHBAND, =HEALTHDRIVERS and =HEALTHPLAN. Each takes a whole range in one call (one call per
 * row would load the script once per row) and answers one value per row. Errors are thrown as one
 * sentence, which Sheets shows in the cell's tooltip; a bad data cell never throws: HEALTHDRIVERS
 * names it.
 */

import {
  AsOfError,
  bandFor,
  type CellValue,
  ColumnError,
  chooseAsOf,
  dayToIso,
  explain,
  isBlankRow,
  NO_DATA,
  PlanError,
  parseNumber,
  planner,
  type RowResult,
  type Rubric,
  roundScore,
  scorecard,
  scoreNonBlank,
  zoneDay,
} from "../core";
import { AddonError } from "./dataSheet";
import { asGrid } from "./grid";
import { chooseRubric } from "./rubricSource";
import { sourcesFromArguments, withSourceSheets } from "./sourceSheets";
import { activeSpreadsheet, timeZoneOf } from "./spreadsheet";

type Cell = string | number;

/** One value per row; a single row gets a single value, as a formula over one row expects. */
function answer(values: Cell[], singleRow: boolean): Cell | Cell[][] {
  // Stryker disable next-line StringLiteral: a single row has exactly one value
  return singleRow ? (values[0] ?? "") : values.map((v) => [v]);
}

interface Range {
  rows: CellValue[][];
  headers: CellValue[];
  rubric: Rubric;
  asOf: string;
  timeZone: string;
}

/** Reads the arguments every HEALTH function shares: data rows, their header row, rubric, as-of. */
function readRange(
  fn: string,
  valuesArg: unknown,
  headersArg: unknown,
  rubricArg: unknown,
  asOfArg: unknown,
): Range {
  if (valuesArg === undefined || headersArg === undefined) {
    throw new Error(`${fn} needs the data rows and their header row, e.g. =${fn}(A2:M200, A1:M1).`);
  }
  const rows = asGrid(valuesArg);
  const headerRows = asGrid(headersArg);
  if (headerRows.length !== 1) {
    throw new Error(`${fn}: headers must be one row (e.g. A1:M1), but it has ${headerRows.length} rows.`);
  }
  const headers = headerRows[0] as CellValue[];
  // Stryker disable next-line OptionalChaining: Sheets passes a range as one row at least
  const width = rows[0]?.length ?? 0;
  if (width !== headers.length) {
    throw new Error(
      `${fn}: the values have ${width} columns but the headers have ${headers.length}: pass ranges of the same columns, e.g. =${fn}(A2:M200, A1:M1).`,
    );
  }
  const ss = activeSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const choice = chooseRubric(rubricArg, ss);
  const asOf = formulaAsOf(fn, asOfArg, choice.asOf, timeZone);
  return { rows: rows as CellValue[][], headers, rubric: choice.rubric, asOf, timeZone };
}

/** Column and target errors as the function's own sentence. */
function named<T>(fn: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: scorecard and planner throw only these three; anything else would be a bug, shown either way
    if (e instanceof ColumnError || e instanceof PlanError || e instanceof AddonError)
      throw new Error(`${fn}: ${e.message}`);
    throw e;
  }
}

/** Scores every row of `values` against `headers`; blank rows give undefined. */
function scoreRange(
  fn: string,
  valuesArg: unknown,
  headersArg: unknown,
  rubricArg: unknown,
  asOfArg: unknown,
  sourceArgs: readonly unknown[],
  /** The blank optional arguments between the rubric and the sources (sourcesFromArguments). */
  gap?: string,
): { results: (RowResult | undefined)[]; singleRow: boolean } {
  const { rows, headers, rubric, asOf, timeZone } = readRange(fn, valuesArg, headersArg, rubricArg, asOfArg);
  const sources = sourcesFromArguments(fn, rubric, sourceArgs, gap);
  const card = named(fn, () =>
    withSourceSheets(sources, () => scorecard(rubric, headers, { asOf, timeZone, sources: sources.tables })),
  );
  return { results: scoreNonBlank(card, rows), singleRow: rows.length === 1 };
}

/**
 * A formula's as-of date: its as_of argument (a date cell or ISO text), else the rubric sheet's As
 * of, else today. Volatile TODAY() cannot be passed (Sheets never finishes loading).
 */
function formulaAsOf(fn: string, arg: unknown, sheet: string | undefined, timeZone: string): string {
  // Stryker disable next-line OptionalChaining: asGrid always gives one row at least
  const cell = asGrid(arg)[0]?.[0];
  const given =
    // Stryker disable next-line ConditionalExpression: Sheets passes an empty cell as "", never null
    cell === undefined || cell === null || cell === ""
      ? undefined
      : cell instanceof Date && !Number.isNaN(cell.getTime())
        ? dayToIso(zoneDay(timeZone)(cell))
        : String(cell);
  try {
    return chooseAsOf({ given, sheet, timeZone, now: new Date() });
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: chooseAsOf throws only AsOfError
    if (!(e instanceof AsOfError)) throw e;
    throw new Error(
      `${fn}: as_of must be a date or a cell holding one (YYYY-MM-DD), not ${JSON.stringify(cell)}.`,
    );
  }
}

export function healthScore(
  values: unknown,
  headers: unknown,
  rubric?: unknown,
  asOf?: unknown,
  ...sources: unknown[]
): Cell | Cell[][] {
  const { results, singleRow } = scoreRange("HEALTHSCORE", values, headers, rubric, asOf, sources);
  return answer(
    results.map((r) => (r === undefined ? "" : r.score === null ? NO_DATA : r.score)),
    singleRow,
  );
}

export function healthDrivers(
  values: unknown,
  headers: unknown,
  rubric?: unknown,
  asOf?: unknown,
  topN?: unknown,
  ...sources: unknown[]
): Cell | Cell[][] {
  const n = topN === undefined || topN === "" ? 3 : Number(topN);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`HEALTHDRIVERS: top_n must be a whole number ≥ 0, not ${JSON.stringify(topN)}.`);
  const { results, singleRow } = scoreRange("HEALTHDRIVERS", values, headers, rubric, asOf, sources, ", , ");
  return answer(
    results.map((r) => (r === undefined ? "" : explain(r, n))),
    singleRow,
  );
}

export function healthPlan(
  values: unknown,
  headers: unknown,
  rubric?: unknown,
  asOf?: unknown,
  target?: unknown,
  ...sources: unknown[]
): Cell | Cell[][] {
  const range = readRange("HEALTHPLAN", values, headers, rubric, asOf);
  // No target (omitted, or an empty cell): the next band up.
  // Stryker disable next-line OptionalChaining: asGrid always gives one row at least
  const wanted = String(asGrid(target)[0]?.[0] ?? "") || undefined;
  const given = sourcesFromArguments("HEALTHPLAN", range.rubric, sources, ", , ");
  const plans = named("HEALTHPLAN", () =>
    withSourceSheets(given, () =>
      planner(range.rubric, range.headers, {
        asOf: range.asOf,
        timeZone: range.timeZone,
        target: wanted,
        sources: given.tables,
      }),
    ),
  );
  return answer(
    range.rows.map((row) => (isBlankRow(row) ? "" : plans.planRow(row).why)),
    range.rows.length === 1,
  );
}

/**
 * One band per score, in the shape of the range given: a column, a row (=HEALTHBAND(B2:M2) over a
 * year of monthly scores) or a block; one value for one cell. Blank cells stay blank.
 */
export function healthBand(scores: unknown, rubric?: unknown): Cell | Cell[][] {
  if (scores === undefined) throw new Error("HEALTHBAND needs scores, e.g. =HEALTHBAND(N2:N200).");
  const chosen: Rubric = chooseRubric(rubric, activeSpreadsheet()).rubric;
  const band = (cell: CellValue): Cell => {
    // Stryker disable next-line ConditionalExpression: Sheets passes an empty cell as "", never null or undefined
    if (cell === "" || cell === null || cell === undefined) return "";
    const score = typeof cell === "number" ? cell : typeof cell === "string" ? parseNumber(cell) : undefined;
    // Stryker disable next-line OptionalChaining: a rubric's lowest band starts at no score, so every score has a band
    return score === undefined ? NO_DATA : (bandFor(chosen.bands, roundScore(score))?.label ?? NO_DATA);
  };
  const grid = asGrid(scores);
  const bands = grid.map((row) => row.map(band));
  // Stryker disable next-line OptionalChaining: bands has one row here
  return bands.length === 1 && bands[0]?.length === 1 ? (bands[0][0] as Cell) : bands;
}
