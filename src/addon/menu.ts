/**
 * The add-on menu (Extensions → Health Score). Built in onOpen, which may run without
 * authorisation (AuthMode.NONE): it only adds items, touching no document data or properties.
 * Commands join this list when their feature lands, never before.
 */
export const MENU_ITEMS: readonly (readonly [caption: string, functionName: string] | "separator")[] = [
  ["Edit rubric", "showSidebar"],
  ["Rescore all rows", "rescoreAll"],
  ["Apply colour bands", "applyColorBands"],
  ["Remove colour bands", "removeColorBands"],
  ["Insert live score column", "insertLiveScoreColumn"],
  "separator",
  ["Take snapshot", "takeSnapshot"],
  ["Schedule weekly snapshot", "scheduleWeeklySnapshot"],
  ["Stop scheduled snapshot", "stopScheduledSnapshot"],
  ["Rescore history with this rubric", "rescoreHistory"],
  ["Backfill history from sources", "backfillHistory"],
  ["Check rubric against churn", "checkCalibration"],
  "separator",
  ["Set up rubric sheet", "setupRubricSheet"],
  ["Check rubric", "checkRubric"],
  ["Set as-of date to today", "setAsOfDateToday"],
  "separator",
  ["How to use the formulas", "showFormulaHelp"],
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === "separator") menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}
