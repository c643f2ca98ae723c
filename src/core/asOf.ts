/**
 * The as-of date: the day "days since" metrics count to. One rule for every face.
 *
 * - A date given for this scoring wins: a formula's `as_of` argument, the CLI's `--as-of`.
 * - Else the rubric sheet's As of cell, for the custom functions: Sheets refuses TODAY() as their
 *   argument, so the add-on's commands keep that cell at today and the formulas follow it.
 * - Else today in the time zone (the spreadsheet's, or the machine's for the CLI).
 *
 * The commands that score (Rescore, snapshots, the churn check), the sidebar's preview and Save pass
 * no sheet date: they score as of today, then set the As of cell to today.
 */
import { dayToIso, isoDay, todayIn } from "./cells";

export interface AsOfChoice {
  /** A date given for this scoring, as text: must be YYYY-MM-DD. */
  given?: string;
  /** The rubric sheet's As of (ISO), when the scoring follows the sheet. */
  sheet?: string;
  timeZone: string;
  /** The clock's now: adapters pass it, the core never reads it. */
  now: Date;
}

/** A given as-of date that is not a date; the message completes "--as-of …" or "as_of …". */
export class AsOfError extends Error {
  constructor(given: string) {
    super(`must be a date written YYYY-MM-DD, not "${given}"`);
    // Stryker disable next-line StringLiteral: cosmetic, adapters tell it by instanceof and show only the message
    this.name = "AsOfError";
  }
}

/** The as-of date (ISO) for a scoring; throws an AsOfError when `given` is not a date. */
export function chooseAsOf(choice: AsOfChoice): string {
  if (choice.given !== undefined) {
    const day = isoDay(choice.given);
    if (day === undefined) throw new AsOfError(choice.given);
    return dayToIso(day);
  }
  return choice.sheet ?? todayIn(choice.timeZone, choice.now);
}
