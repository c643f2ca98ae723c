/**
 * The Health Rubric sheet: where the rubric lives in the spreadsheet (so version history, copy and
 * sharing work on it). Layout and parsing are the core's (rubricToGrid / readRubricGrid); this
 * file only reads and writes cells.
 */
import {
  type CellValue,
  columnLetter,
  RUBRIC_SHEET,
  type Rubric,
  readRubricGrid,
  rubricSheetLook,
  rubricToGrid,
  type SheetReading,
  type SheetSettings,
} from "../core";
import { PLAIN_TEXT, writeGrid } from "./grid";
import { dateCell, timeZoneOf, today } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A named range over the rubric's columns, so formulas can pass it: =HEALTHSCORE(A2:M, A1:M1, HealthRubric). */
export const RUBRIC_RANGE_NAME = "HealthRubric";

/** As of's number format: ISO whatever the spreadsheet's locale (Sheets' automatic date format follows it). */
// Stryker disable next-line StringLiteral: "" is the automatic format, which the emulator shows as yyyy-mm-dd for any midnight Date
const AS_OF_FORMAT = "yyyy-mm-dd";

/** Reads and validates the rubric sheet; undefined when the spreadsheet has none. */
export function readRubricSheet(ss: Spreadsheet): SheetReading | undefined {
  const sheet = ss.getSheetByName(RUBRIC_SHEET);
  if (!sheet) return undefined;
  return readRubricGrid(sheet.getDataRange().getValues() as CellValue[][], {
    sheetName: RUBRIC_SHEET,
    timeZone: timeZoneOf(ss),
  });
}

/**
 * Writes a rubric to the rubric sheet (creating it when absent), replacing what was there, with
 * As of set to today. Every text cell is formatted plain text before it is written, so a label
 * such as "=1+1" or "45%" stays what it says; As of is a Date.
 */
export function writeRubricSheet(
  ss: Spreadsheet,
  rubric: Rubric,
  settings: SheetSettings = {},
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(RUBRIC_SHEET) ?? ss.insertSheet(RUBRIC_SHEET);
  const asOfDate = dateCell(ss, settings.asOf ?? today(ss));
  const grid: CellValue[][] = rubricToGrid(rubric, { ...settings, asOfDate });

  sheet.clear();
  // A merge left from an earlier layout would swallow cells of this one (clear keeps merges).
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  const width = (grid[0] as CellValue[]).length;
  // Sheets shows a Date written at midnight in the locale's date format (11/26/2026 in the US): As of
  // is shown ISO instead. rubricToGrid's Settings table always has an As of row.
  // Stryker disable next-line all: the emulator shows every midnight Date as yyyy-mm-dd, so no test sees this line
  sheet.getRange(grid.findIndex((row) => row[0] === "As of") + 1, 2).setNumberFormat(AS_OF_FORMAT);
  writeGrid(sheet, 1, 1, grid);
  dress(sheet, grid);
  sheet
    .getRange(1, 1)
    .setNote("How to edit: see row 2. This sheet is the rubric the Health Score add-on scores with.");
  ss.setNamedRange(RUBRIC_RANGE_NAME, sheet.getRange(1, 1, sheet.getMaxRows(), width));
  return sheet;
}

/**
 * Formats the rubric sheet as the core's rubricSheetLook says, in the same few calls whatever
 * the rubric's size: titles and headers bold, headers on grey, the how-to text wrapped in one
 * merged row, band colours as fills. Formats only: the values, and so the rubric, are untouched.
 */
function dress(sheet: GoogleAppsScript.Spreadsheet.Sheet, grid: readonly (readonly CellValue[])[]): void {
  const look = rubricSheetLook(grid);
  const last = columnLetter(look.width - 1);
  const rows = (list: number[]) => list.map((r) => `A${r}:${last}${r}`);
  sheet.getRange(1, 1).setFontSize(14);
  sheet.getRangeList(rows([...look.titles, ...look.headers])).setFontWeight("bold");
  sheet.getRangeList(rows(look.headers)).setBackground("#f1f3f4");
  const { row, height } = look.instructions;
  sheet.getRange(row, 1, 1, look.width).merge().setWrap(true).setVerticalAlignment("top");
  // Sheets does not grow a merged row to fit wrapped text: the height is set for it.
  sheet.setRowHeight(row, height);
  // Stryker disable next-line ConditionalExpression: a grid written from a valid rubric has a Bands table with rows, a Band and a Color column
  if (look.bandFills) {
    const { row: first, column, fills } = look.bandFills;
    // bandFills has a row per band, and every rubric has a band.
    sheet.getRange(first, column, fills.length, (fills[0] as unknown[]).length).setBackgrounds(fills);
  }
}

/**
 * Sets one value of the rubric sheet's Settings table (As of, Data sheet, Account key), touching
 * only that cell, or adding a row to the table when the setting is not there yet: text as plain
 * text, a Date in the `format` given. Does nothing when there is no rubric sheet or no Settings table.
 */
export function setSetting(ss: Spreadsheet, label: string, value: string | Date, format = PLAIN_TEXT): void {
  const sheet = ss.getSheetByName(RUBRIC_SHEET);
  if (!sheet) return;
  const labels = sheet
    .getRange(1, 1, Math.max(1, sheet.getLastRow()), 1)
    .getValues()
    .map((r) => String(r[0]).trim().toLowerCase());
  const title = labels.indexOf("settings");
  if (title < 0) return;
  // The table's rows run from below its header row to the first blank label.
  let end = title + 2;
  while (end < labels.length && labels[end] !== "") end++;
  const existing = labels.slice(title + 2, end).indexOf(label.toLowerCase());
  let row: number;
  if (existing >= 0) row = title + 2 + existing + 1;
  else {
    sheet.insertRowAfter(end); // end is the 1-based row of the table's last setting
    row = end + 1;
    sheet.getRange(row, 1).setNumberFormat(PLAIN_TEXT).setValue(label);
  }
  // The format first: text goes into a plain-text cell, a Date into a date-formatted one.
  sheet.getRange(row, 2).setNumberFormat(format).setValue(value);
}

/**
 * Sets the As of cell to today, as every bulk command does before scoring, so that "days since"
 * counts move on with the calendar and the custom functions passed HealthRubric follow. Returns
 * today (ISO), whether or not there is a rubric sheet to write it to.
 */
export function setAsOfToday(ss: Spreadsheet): string {
  const date = today(ss);
  setSetting(ss, "As of", dateCell(ss, date), AS_OF_FORMAT);
  return date;
}
