/**
 * The outcome column of a churn check: which column it probably is, what TRUE means in it, and how
 * each of its cells reads (churned, retained, or not decided yet).
 */
import { parseBoolean, textOf } from "../cells";
import type { CellValue } from "../types";

/** What TRUE means in the outcome column: the account churned, or it renewed (stayed). */
export type OutcomePositive = "churned" | "renewed";

const CHURNED_WORDS = new Set(["churned", "churn", "lost", "cancelled", "canceled"]);
const STAYED_WORDS = new Set(["renewed", "retained", "active", "stayed"]);
const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

/**
 * What TRUE means in an outcome column, from its name: a name containing "renew" or "retain"
 * ("Renewed", "Retained?") means TRUE = the account stayed; any other name ("Churned") means
 * TRUE = it churned.
 */
export function outcomePositive(column: string): OutcomePositive {
  return /renew|retain/i.test(column) ? "renewed" : "churned";
}

/**
 * Reads an outcome cell as churned (true), retained (false) or unknown (undefined: the account is
 * left out, e.g. its renewal is not due yet).
 *
 * - Yes/no cells: a checkbox (boolean), 1/0, or text TRUE/FALSE, yes/no, y/n, 1/0 (trimmed, any
 *   case). They mean churned = yes when `positive` is "churned", and churned = no when it is
 *   "renewed" (a "Renewed" column).
 * - Words that say what happened, whatever the column: "churned", "churn", "lost", "cancelled"
 *   mean churned; "renewed", "retained", "active", "stayed" mean retained.
 * - Anything else (blank, "N/A", "pending", a date) is unknown.
 */
export function readOutcome(cell: CellValue, positive: OutcomePositive = "churned"): boolean | undefined {
  let yes: boolean | undefined;
  if (typeof cell === "boolean") yes = cell;
  else if (typeof cell === "number") yes = cell === 1 ? true : cell === 0 ? false : undefined;
  else if (typeof cell === "string") {
    const t = cell.trim().toLowerCase();
    if (CHURNED_WORDS.has(t)) return true;
    if (STAYED_WORDS.has(t)) return false;
    yes = TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : parseBoolean(t);
  }
  if (yes === undefined) return undefined;
  return positive === "churned" ? yes : !yes;
}

/** A name that says churn, renewal or retention marks the likely outcome column. */
const OUTCOME_NAME = /churn|renew|retain/i;

/** The header the outcome column most likely has (the first whose name says churn or renewal), if any. */
export function guessOutcomeColumn(headers: readonly CellValue[]): string | undefined {
  return headers.map(textOf).find((h) => OUTCOME_NAME.test(h));
}
