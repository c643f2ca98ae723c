/**
 * What the sidebar asks of the server, through google.script.run. This object is the one list
 * of sidebar-callable functions; sidebar/server.ts derives its typed promise client from
 * `SidebarApi`, so renaming a function here breaks the sidebar's build, not production.
 *
 * google.script.run fails on Dates (and functions, DOM nodes), even nested: every value crossing
 * here is plain JSON. Date cells travel as ISO text (`2026-11-01`), which the core reads the same
 * way for daysSince and text metrics. The sidebar's page is sent each time it opens and has a
 * size budget, so what only a rare action needs stays here: the starter rubrics (sent on a first
 * run, or asked for by "Start over") and the SQL compiler (Copy as SQL, see `rubricSql`).
 */
import {
  type CellValue,
  dayToIso,
  findHeaderRow,
  findTextHeaderRow,
  HEADER_SEARCH_ROWS,
  headerKey,
  type Problem,
  RUBRIC_SHEET,
  type Rubric,
  validateRubric,
  zoneDay,
} from "../core";
import { compileSql, type DialectName } from "../core/sql";
import { checkCalibration } from "./calibration";
import { removeColorBands } from "./colorBands";
import { pickedColumn } from "./commands";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
import { keepDraft, readDraft } from "./drafts";
import { applyColorBandsCommand, currentRubric, insertLiveScoreColumn, rescoreAll } from "./rescore";
import { readRubricSheet, writeRubricSheet } from "./rubricSheet";
import { starterRubric } from "./rubricSource";
import { readSourceSheets, type SourceSheets } from "./sourceSheets";
import { activeSpreadsheet, timeZoneOf, today } from "./spreadsheet";
import { STARTERS, type Starter } from "./starters";

/** Rows sent to the sidebar for its live preview; beyond this the preview runs on a sample. */
export const PREVIEW_ROWS = 5_000;
/**
 * What one google.script.run answer may carry of preview rows, in characters of JSON. Google
 * documents no limit, but each call is serialised, sent and parsed whole while the sidebar waits:
 * 5,000 rows of the sample's shape are 690 KB, so this bound only cuts rows wider or wordier than
 * that (long notes in every row), keeping any sidebar opening under about 1 MB.
 */
export const PREVIEW_CHARS = 1_000_000;

export type PlainCell = string | number | boolean;

export interface SidebarData {
  /** The rubric on the Health Rubric sheet, when there is a valid one. */
  rubric: Rubric | null;
  /** Why the rubric sheet could not be read, each with its cell. */
  problems: Problem[];
  asOf: string;
  timeZone: string;
  data: {
    sheet: string;
    headers: string[];
    rows: PlainCell[][];
    /** Rows the sheet holds; more than rows.length means the preview runs on a sample. */
    totalRows: number;
    /** The saved rubric's source sheets, only the rows of the accounts previewed (the aggregates need no others). */
    sources: Record<string, { headers: string[]; rows: PlainCell[][] }>;
  } | null;
  /**
   * With no rubric saved but the sheet already scored (a rescore ran without one, so with the
   * starter rubric): that rubric's name, for the sidebar to say so and offer to save it.
   */
  scoredWith: string | null;
  /** The starter rubrics, when no valid rubric is saved (the sidebar then offers them); else null. */
  starters: readonly Starter[] | null;
  /** Why no data came (e.g. the active sheet is the rubric sheet). */
  dataProblem: string | null;
  /** Every other sheet and its header row, for the sidebar to pick a source's sheet and columns. */
  sheets: { name: string; headers: string[] }[];
  /** The unsaved edits this user left in the sidebar for this spreadsheet (JSON text), or null. */
  draft: string | null;
}

function plain(cell: CellValue, dayOf: (d: Date) => number): PlainCell {
  // Stryker disable next-line StringLiteral: Sheets returns no invalid Date; the type allows one
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : dayToIso(dayOf(cell));
  // Stryker disable next-line StringLiteral: Sheets returns "" for an empty cell, never null; the type allows it
  return cell ?? "";
}

/** The first rows, up to PREVIEW_ROWS of them and PREVIEW_CHARS of JSON. */
function previewRows(rows: readonly CellValue[][], dayOf: (d: Date) => number): PlainCell[][] {
  const out: PlainCell[][] = [];
  let size = 0;
  for (const row of rows.slice(0, PREVIEW_ROWS)) {
    const cells = row.map((c) => plain(c, dayOf));
    size += JSON.stringify(cells).length + 1;
    if (size > PREVIEW_CHARS) break;
    out.push(cells);
  }
  return out;
}

/**
 * The rows of each source sheet the rubric reads that belong to the previewed accounts (matched by
 * key, trimmed and case-insensitive, as the core matches them), so the preview aggregates exactly
 * what a rescore would for those accounts without sending every row of a big log to the browser.
 * A source sheet that cannot be read is left out: the preview then says the source is missing.
 */
function previewSources(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rubric: Rubric | undefined,
  headers: readonly CellValue[],
  rows: readonly (readonly PlainCell[])[],
  dayOf: (d: Date) => number,
): Record<string, { headers: string[]; rows: PlainCell[][] }> {
  if (!rubric?.key) return {};
  const key = headerKey(rubric.key);
  const keyCol = headers.findIndex((h) => headerKey(h) === key);
  const keys = new Set(rows.map((r) => headerKey(r[keyCol] ?? "")));
  let sheets: SourceSheets;
  try {
    sheets = readSourceSheets(ss, rubric);
  } catch (e) {
    if (e instanceof AddonError) return {};
    throw e;
  }
  const out: Record<string, { headers: string[]; rows: PlainCell[][] }> = {};
  for (const [name, table] of Object.entries(sheets.tables)) {
    const sourceKey = headerKey(rubric.sources?.[name]?.key);
    const col = table.headers.findIndex((h) => headerKey(h) === sourceKey);
    out[name] = {
      headers: table.headers.map((h) => String(plain(h, dayOf))),
      rows: table.rows
        .filter((r) => keys.has(headerKey(r[col] ?? "")))
        .map((r) => r.map((c) => plain(c, dayOf))),
    };
  }
  return out;
}

/**
 * Each sheet but the rubric sheet, with its header row's non-blank headers (one read per sheet, of
 * the top rows only). The header row is found below any title rows: for a sheet the rubric already
 * reads as a source, as Rescore finds it; for any other sheet (or when none of its top rows names a
 * column the rubric reads of it), the first row of two or more text cells; else the first row.
 */
function sheetHeaders(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rubric: Rubric | undefined,
  dayOf: (d: Date) => number,
) {
  const sources = Object.entries(rubric?.sources ?? {});
  return ss
    .getSheets()
    .filter((sheet) => sheet.getName() !== RUBRIC_SHEET)
    .map((sheet) => {
      const name = sheet.getName();
      const width = sheet.getLastColumn();
      // Stryker disable next-line MethodExpression: both header searches look at these top rows only; this bounds the read
      const height = Math.min(sheet.getLastRow(), HEADER_SEARCH_ROWS);
      const top = (
        width > 0 && height > 0 ? sheet.getRange(1, 1, height, width).getValues() : []
      ) as CellValue[][];
      const source = sources.find(([, s]) => s.sheet === name)?.[0];
      const asSource = rubric && source !== undefined ? findHeaderRow(top, rubric, source) : -1;
      const index = asSource >= 0 ? asSource : Math.max(0, findTextHeaderRow(top));
      return {
        name,
        headers: (top[index] ?? []).map((c) => String(plain(c, dayOf))).filter((t) => t.trim()),
      };
    });
}

export function getSidebarData(): SidebarData {
  const ss = activeSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const reading = readRubricSheet(ss);
  let data: SidebarData["data"] = null;
  let dataProblem: string | null = null;
  let scoredWith: string | null = null;
  try {
    const sheet = dataSheetFor(ss, reading?.settings.dataSheet);
    const layout = readDataLayout(sheet, reading?.rubric ?? starterRubric());
    if (!reading && !layout.created.includes("Health Score")) scoredWith = starterRubric().name;
    const dayOf = zoneDay(timeZone);
    const rows = previewRows(layout.rows, dayOf);
    data = {
      sheet: sheet.getName(),
      headers: layout.headers.map((h) => String(plain(h, dayOf))),
      rows,
      totalRows: layout.rows.length,
      sources: previewSources(ss, reading?.rubric ?? undefined, layout.headers, rows, dayOf),
    };
  } catch (e) {
    if (!(e instanceof AddonError)) throw e;
    dataProblem = e.message;
  }
  return {
    rubric: reading?.rubric ?? null,
    problems: reading && !reading.rubric ? reading.errors : [],
    // Every scoring command moves As of to today first, so the preview scores as of today too.
    asOf: today(ss),
    timeZone,
    data,
    scoredWith,
    starters: reading?.rubric ? null : STARTERS,
    dataProblem,
    sheets: sheetHeaders(ss, reading?.rubric ?? undefined, zoneDay(timeZone)),
    draft: readDraft(ss),
  };
}

/**
 * Saves a rubric from the sidebar to the Health Rubric sheet, with As of set to today. The rubric
 * is validated again here: the sheet only ever receives a valid rubric.
 */
export function saveRubric(json: unknown): { name: string; asOf: string; sheet: string } {
  const v = validateRubric(json);
  if (!v.rubric) {
    throw new Error(`The rubric was not saved: ${v.errors.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  }
  const ss = activeSpreadsheet();
  const previous = readRubricSheet(ss);
  const active = ss.getActiveSheet();
  const asOf = today(ss);
  writeRubricSheet(ss, v.rubric, { ...previous?.settings, asOf });
  keepDraft(ss, null); // saved: nothing unsaved is left to bring back
  active.activate(); // writing may create the rubric sheet, which Sheets makes active
  return { name: v.rubric.name, asOf, sheet: RUBRIC_SHEET };
}

/**
 * The sidebar's rubric (its draft, which may be unsaved) as one SQL query for a warehouse. Here and
 * not in the browser because the compiler is about 19 KB minified that the sidebar would carry for
 * one rarely pressed button. The draft is validated again: it comes from the page.
 */
export function rubricSql(json: unknown, dialect: DialectName, table: string): string {
  const v = validateRubric(json);
  if (!v.rubric) throw new Error("Fix the rubric's problems first: each is shown at its field.");
  return compileSql(v.rubric, { dialect, table });
}

/**
 * The rows of each source the sidebar's draft (maybe unsaved) reads, for the previewed accounts: so
 * a source added or changed in the sidebar previews before Save. An invalid draft or an unreadable
 * data sheet sends none (the sidebar names those problems itself).
 */
export function draftSources(json: unknown): NonNullable<SidebarData["data"]>["sources"] {
  const rubric = validateRubric(json).rubric;
  if (!rubric) return {};
  const ss = activeSpreadsheet();
  const dayOf = zoneDay(timeZoneOf(ss));
  try {
    const layout = readDataLayout(dataSheetFor(ss, readRubricSheet(ss)?.settings.dataSheet), rubric);
    return previewSources(ss, rubric, layout.headers, previewRows(layout.rows, dayOf), dayOf);
  } catch (e) {
    if (e instanceof AddonError) return {};
    throw e;
  }
}

/** Every function the sidebar may call. Problems the user can fix reach it as the error's message. */
export const sidebarApi = {
  getSidebarData,
  saveRubric,
  rescoreAll,
  applyColorBands: applyColorBandsCommand,
  removeColorBands(): number {
    const ss = activeSpreadsheet();
    return removeColorBands(dataSheetFor(ss, currentRubric(ss).dataSheet));
  },
  insertLiveScoreColumn,
  /** Keeps the sidebar's unsaved edits (JSON text) for when it reopens; null forgets them. */
  keepDraft(text: string | null): void {
    keepDraft(activeSpreadsheet(), text);
  },
  rubricSql,
  draftSources,
  starterRubrics: (): readonly Starter[] => STARTERS,
  /** Calibrates against an outcome column, writes the Health Calibration sheet, returns the numbers. */
  checkCalibration,
  /** A column dialog's answer (Take snapshot, Schedule weekly snapshot, Check rubric against churn). */
  pickedColumn,
  showHelp,
};
export type SidebarApi = typeof sidebarApi;
export type SidebarCall = keyof SidebarApi;

/** Runs one function of the sidebar's API by name: the one entry point google.script.run calls. */
export function callSidebarApi(name: string, args: unknown[]): unknown {
  if (!Object.prototype.hasOwnProperty.call(sidebarApi, name)) {
    throw new Error(`The sidebar asked for "${name}", which the server does not offer: reload the sidebar.`);
  }
  const fn = sidebarApi[name as SidebarCall] as (...a: unknown[]) => unknown;
  return fn(...(Array.isArray(args) ? args : []));
}

/** The help page's dialog title, above the README section it shows. */
export const HELP_TITLE = "Health Score help";

/**
 * "Learn more": the README's section on the sidebar in a dialog over the sheet. dist/Help.html is
 * rendered from README.md at build time (dev/helpPage.mjs), so the words travel with the add-on
 * and need no public page; the sidebar stays open beside it.
 */
export function showHelp(): void {
  const html = HtmlService.createHtmlOutputFromFile("Help").setWidth(640).setHeight(540);
  SpreadsheetApp.getUi().showModalDialog(html, HELP_TITLE);
}

/** Opens the rubric editor in the sidebar. */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Health Score");
  SpreadsheetApp.getUi().showSidebar(html);
}
