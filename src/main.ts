/**
 * The entry points Apps Script sees. dev/build.mjs turns each exported function here into a
 * top-level `function` declaration in dist/Code.js, with its JSDoc, so Sheets finds the menu
 * handlers and shows help for the custom functions. Nothing else lives here.
 */
import * as commands from "./addon/commands";
import { healthBand, healthDrivers, healthPlan, healthScore } from "./addon/customFunctions";
import { healthTrend } from "./addon/history";
import * as sidebar from "./addon/sidebarApi";

/** Builds the Extensions → Health Score menu when the spreadsheet opens, and takes the weekly snapshot when due. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  commands.opened(e);
}

/** Builds the menu right after the add-on is installed. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Customer health score of each row, from a rubric: weighted metrics, risk flags and bands.
 *
 * @param {A2:M200} values The data rows, one account per row.
 * @param {A1:M1} headers The header row of the same columns.
 * @param {HealthRubric} rubric Optional. The Health Rubric sheet's range (HealthRubric) or a cell holding rubric JSON. Omitted: the Health Rubric sheet.
 * @param {"2026-11-26"} as_of Optional. The date "days since" metrics count to. Omitted: the rubric sheet's As of date, else today.
 * @param {Logins!A:C} sources Optional, repeatable. When the rubric reads sources: each source's whole range (header row included), in the order of the Sources table, so the score recalculates when they change.
 * @return The score of each row (0 to 100 for weighted rubrics), or "No data".
 * @customfunction
 */
export function HEALTHSCORE(
  values: unknown,
  headers: unknown,
  rubric?: unknown,
  as_of?: unknown,
  ...sources: unknown[]
) {
  return healthScore(values, headers, rubric, as_of, ...sources);
}

/**
 * Band label (such as Red, Yellow, Green) of each health score.
 *
 * @param {N2:N200} scores Health scores, e.g. from HEALTHSCORE.
 * @param {HealthRubric} rubric Optional. The Health Rubric sheet's range (HealthRubric) or a cell holding rubric JSON.
 * @return The band label of each score.
 * @customfunction
 */
export function HEALTHBAND(scores: unknown, rubric?: unknown) {
  return healthBand(scores, rubric);
}

/**
 * The top reasons each health score is not higher, e.g. "Logins 30d 3 (−18); flag: Champion left (cap 39)".
 *
 * @param {A2:M200} values The data rows, one account per row.
 * @param {A1:M1} headers The header row of the same columns.
 * @param {HealthRubric} rubric Optional. The Health Rubric sheet's range (HealthRubric) or a cell holding rubric JSON.
 * @param {"2026-11-26"} as_of Optional. The date "days since" metrics count to.
 * @param {3} top_n Optional. How many metrics to name (default 3); flags and unreadable cells are always named.
 * @param {Logins!A:C} sources Optional, repeatable. When the rubric reads sources: each source's whole range (header row included), in the order of the Sources table.
 * @return One line of reasons per row.
 * @customfunction
 */
export function HEALTHDRIVERS(
  values: unknown,
  headers: unknown,
  rubric?: unknown,
  as_of?: unknown,
  top_n?: unknown,
  ...sources: unknown[]
) {
  return healthDrivers(values, headers, rubric, as_of, top_n, ...sources);
}

/**
 * What would lift each account into the next band: the fewest metric changes, from what to what,
 * and the score they give, e.g. "NPS 6 → 8 and Seat utilisation 0.43 → 0.55 → Yellow (41.2)".
 *
 * @param {A2:M200} values The data rows, one account per row.
 * @param {A1:M1} headers The header row of the same columns.
 * @param {HealthRubric} rubric Optional. The Health Rubric sheet's range (HealthRubric) or a cell holding rubric JSON.
 * @param {"2026-11-26"} as_of Optional. The date "days since" metrics count to.
 * @param {"Green"} target Optional. The band to reach (default: the band just above each row's).
 * @param {Logins!A:C} sources Optional, repeatable. When the rubric reads sources: each source's whole range (header row included), in the order of the Sources table.
 * @return One sentence per row: the plan, or why there is none.
 * @customfunction
 */
export function HEALTHPLAN(
  values: unknown,
  headers: unknown,
  rubric?: unknown,
  as_of?: unknown,
  target?: unknown,
  ...sources: unknown[]
) {
  return healthPlan(values, headers, rubric, as_of, target, ...sources);
}

/** Menu: opens the rubric editor with its live preview. */
export function showSidebar(): void {
  sidebar.showSidebar();
}

/** Sidebar: runs one function of its API by name (google.script.run.sidebarCall(name, args)). */
export function sidebarCall(name: string, args: unknown[]) {
  return sidebar.callSidebarApi(name, args);
}

/** Menu: scores every row of the data sheet into its Health Score, Band, Drivers and Coverage columns. */
export function rescoreAll() {
  return commands.rescore();
}

/** Menu: colours the Health Score and Health Band columns by band (the user's own rules stay). */
export function applyColorBands() {
  return commands.applyColors();
}

/** Menu: removes the add-on's colour bands, keeping the user's own rules. */
export function removeColorBands() {
  return commands.removeColors();
}

/** Menu: writes one live =HEALTHSCORE formula that recalculates on every edit. */
export function insertLiveScoreColumn() {
  return commands.insertLiveColumn();
}

/**
 * Menu: appends one row per account to the Health History sheet. A time-driven trigger made by
 * an earlier version passes an event with a triggerUid: then nothing is asked or shown, and it
 * fails with a sentence saying what to do (such a trigger cannot reach the spreadsheet).
 */
export function takeSnapshot(e?: { triggerUid?: string }) {
  return commands.snapshot(!(e && typeof e === "object" && "triggerUid" in e));
}

/** Menu: takes a snapshot every week, on the first open of the week (never two a week). */
export function scheduleWeeklySnapshot() {
  return commands.scheduleSnapshots();
}

/** Menu: stops the weekly snapshot. */
export function stopScheduledSnapshot() {
  return commands.stopSnapshots();
}

/** Menu: scores every snapshot's kept values under the current rubric, beside the old scores. */
export function rescoreHistory() {
  return commands.rescoreHistory();
}

/** Menu: scores each account as of each past week from the source sheets, before the first snapshot. */
export function backfillHistory() {
  return commands.backfill();
}

/** Menu: checks the scores against who actually churned, on the Health Calibration sheet. */
export function checkCalibration() {
  return commands.calibration();
}

/**
 * How much each account's health score changed over the last weeks, from the Health History sheet.
 *
 * @param {A2:A200} accounts The accounts, as named in the history (the Account key column).
 * @param {'Health History'!A:Z} history The Health History sheet's range, header row included (rescored columns are found by it).
 * @param {4} weeks Optional. How many weeks back to compare (default 4).
 * @return The change in score (e.g. -12.5), or blank when the history is too short.
 * @customfunction
 */
export function HEALTHTREND(accounts: unknown, history: unknown, weeks?: unknown) {
  return healthTrend(accounts, history, weeks);
}

/** Menu: creates the Health Rubric sheet from the starter rubric, or checks the one there. */
export function setupRubricSheet(): void {
  commands.setupRubricSheet();
}

/** Menu: lists every problem in the Health Rubric sheet, each with its cell. */
export function checkRubric(): void {
  commands.checkRubric();
}

/** Menu: sets the rubric sheet's As of date to today. */
export function setAsOfDateToday(): void {
  commands.setAsOfDateToday();
}

/** Menu: how to use HEALTHSCORE, HEALTHBAND, HEALTHDRIVERS and HEALTHPLAN. */
export function showFormulaHelp(): void {
  commands.showFormulaHelp();
}
