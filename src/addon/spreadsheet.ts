/** The active spreadsheet and its time zone: the only clock and zone the add-on consults. */
import { chooseAsOf } from "../core";

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function timeZoneOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  // Stryker disable next-line StringLiteral: a spreadsheet always has a time zone; UTC only guards a blank one
  return ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone() || "UTC";
}

/**
 * Today, as ISO text, in the spreadsheet's time zone: the as-of date of every command that scores
 * (they then set the rubric sheet's As of to it, which the formulas follow).
 */
export function today(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return chooseAsOf({ timeZone: timeZoneOf(ss), now: new Date() });
}

/**
 * An ISO date as the Date to write into a cell: midnight of that day in the spreadsheet's zone,
 * which Sheets shows as that day. Utilities.parseDate reads the text in a given zone
 * (developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String)).
 * Writing the text itself would leave the cell to Sheets' locale-dependent reading of typed dates.
 */
export function dateCell(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, iso: string): Date {
  return Utilities.parseDate(iso, timeZoneOf(ss), "yyyy-MM-dd");
}
