/**
 * The names the product writes into a spreadsheet or a file: its own sheets and its output
 * columns. The add-on creates and finds them by these names, the CLI appends the same columns,
 * and the sidebar leaves them out of its column pickers.
 */

export const RUBRIC_SHEET = "Health Rubric";
export const HISTORY_SHEET = "Health History";
export const CALIBRATION_SHEET = "Health Calibration";
/** Sheets the add-on writes itself: never a data sheet. */
export const OWN_SHEETS: readonly string[] = [RUBRIC_SHEET, HISTORY_SHEET, CALIBRATION_SHEET];

/** The columns every scoring writes, in the order they are created (a rescore; `score --format csv`). */
export const SCORE_COLUMNS = ["Health Score", "Health Band", "Health Drivers", "Coverage"] as const;
/** Written by a rescore once there is history. */
export const TREND_COLUMN = "Health Trend";
/** Written by a rescore only when the header row already has it: planning every row costs time. */
export const PLAN_COLUMN = "Health Plan";
export const OUTPUT_COLUMNS = [...SCORE_COLUMNS, TREND_COLUMN, PLAN_COLUMN] as const;
export type OutputColumn = (typeof OUTPUT_COLUMNS)[number];
/** The column of the one =HEALTHSCORE formula that "Insert live score column" adds. */
export const LIVE_COLUMN = "Live Health Score";

const OWN_COLUMNS = new Set<string>([...OUTPUT_COLUMNS, LIVE_COLUMN].map((c) => c.toLowerCase()));

/** Whether a header names a column the product writes (trimmed, case-insensitive, as headers match). */
export function isOutputColumn(header: string): boolean {
  return OWN_COLUMNS.has(header.trim().toLowerCase());
}
