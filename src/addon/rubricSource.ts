/**
 * Where a custom function's rubric comes from: the range of the rubric sheet passed as an argument
 * (so editing the rubric recalculates), one cell holding rubric JSON, or, when omitted, the
 * spreadsheet's Health Rubric sheet, else the first starter rubric.
 */
import starter from "../../examples/simple-ryg.json";
import {
  type CellValue,
  jsonErrorSentence,
  parseJson,
  parseRubric,
  problemsSentence,
  RUBRIC_SHEET,
  type Rubric,
  readRubricGrid,
  validateRubric,
} from "../core";
import { asGrid } from "./grid";
import { readRubricSheet } from "./rubricSheet";
import { timeZoneOf } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RubricChoice {
  rubric: Rubric;
  /** The rubric sheet's As of date, when the rubric came from it. */
  asOf?: string;
}

let starterRubric_: Rubric | undefined;

/** The first starter rubric, validated on first use (not when the script loads: every custom-function call loads it). */
export function starterRubric(): Rubric {
  starterRubric_ ??= parseRubric(starter);
  return starterRubric_;
}

export function chooseRubric(arg: unknown, ss: Spreadsheet): RubricChoice {
  if (
    arg === undefined ||
    // Stryker disable next-line ConditionalExpression: the emulator cannot skip an argument (=HEALTHBAND(N2, )), which Sheets may pass as null
    arg === null ||
    arg === ""
  ) {
    const reading = readRubricSheet(ss);
    if (!reading) return { rubric: starterRubric() };
    if (!reading.rubric) throw new Error(problemsSentence(`The ${RUBRIC_SHEET} sheet`, reading.errors));
    return withAsOf(reading.rubric, reading.settings.asOf);
  }
  const grid = asGrid(arg);
  const cells = grid.flat();
  if (cells.length === 1) return { rubric: rubricFromJson(cells[0]) };
  const reading = readRubricGrid(grid, { sheetName: RUBRIC_SHEET, timeZone: timeZoneOf(ss) });
  if (!reading.rubric) throw new Error(problemsSentence("The rubric range", reading.errors));
  return withAsOf(reading.rubric, reading.settings.asOf);
}

function withAsOf(rubric: Rubric, asOf: string | undefined): RubricChoice {
  return asOf ? { rubric, asOf } : { rubric };
}

function rubricFromJson(cell: CellValue): Rubric {
  // A number, a date or a boolean is never JSON: its text does not start with "{".
  const text = String(cell).trim();
  if (!text.startsWith("{")) {
    throw new Error(
      `The rubric argument must be the ${RUBRIC_SHEET} range (e.g. HealthRubric) or a cell holding rubric JSON, not ${JSON.stringify(cell)}.`,
    );
  }
  const json = parseJson(text);
  if (!json.ok) throw new Error(jsonErrorSentence("The rubric cell", json.error));
  const v = validateRubric(json.value);
  if (!v.rubric) throw new Error(problemsSentence("The rubric JSON", v.errors));
  return v.rubric;
}
