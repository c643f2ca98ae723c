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
  const grid: CellValue[][] = rubricToGrid(rubric, { ...settings, asOf: undefined });
  const asOfRow = grid.findIndex((row) => row[0] === "As of");
  if (asOfRow >= 0) (grid[asOfRow] as CellValue[])[1] = dateCell(ss, settings.asOf ?? today(ss));

  sheet.clear();
  // A merge left from an earlier layout would swallow cells of this one (clear keeps merges).
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  const width = (grid[0] as CellValue[]).length;
  if (asOfRow >= 0) sheet.getRange(asOfRow + 1, 2).setNumberFormat("yyyy-mm-dd");
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
  if (look.bandFills) {
    const { row: first, column, fills } = look.bandFills;
    sheet.getRange(first, column, fills.length, fills[0]?.length ?? 1).setBackgrounds(fills);
  }
}

/**
 * Sets one value of the rubric sheet's Settings table (As of, Data sheet, Account key), touching
 * only that cell, or adding a row to the table when the setting is not there yet. Returns false
 * when there is no rubric sheet or no Settings table.
 */
export function setSetting(ss: Spreadsheet, label: string, value: CellValue, format?: string): boolean {
  const sheet = ss.getSheetByName(RUBRIC_SHEET);
  if (!sheet) return false;
  const labels = sheet
    .getRange(1, 1, Math.max(1, sheet.getLastRow()), 1)
    .getValues()
    .map((r) => String(r[0]).trim().toLowerCase());
  const title = labels.indexOf("settings");
  if (title < 0) return false;
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
  const cell = sheet.getRange(row, 2);
  const kind = format ?? (typeof value === "string" ? PLAIN_TEXT : undefined);
  if (kind) cell.setNumberFormat(kind);
  cell.setValue(value);
  return true;
}

/**
 * Sets the As of cell to today, as every bulk command does before scoring, so that "days since"
 * counts move on with the calendar and the custom functions passed HealthRubric follow. Returns
 * today (ISO), whether or not there is a rubric sheet to write it to.
 */
export function setAsOfToday(ss: Spreadsheet): string {
  const date = today(ss);
  setSetting(ss, "As of", dateCell(ss, date), "yyyy-mm-dd");
  return date;
}
