/** The active spreadsheet and its time zone: the only clock and zone the add-on consults. */
import { todayIn } from "../core";

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function timeZoneOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone() || "UTC";
}

/** Today, as ISO text, in the spreadsheet's time zone. */
export function today(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return todayIn(timeZoneOf(ss), new Date());
}
