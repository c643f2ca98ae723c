/**
 * The outcome column of a churn check: which column it probably is, what TRUE means in it, and how
 * each of its cells reads (churned, retained, or not decided yet).
 */
import { readBoolean, textOf } from "../cells";
import type { CellValue } from "../types";

/** What TRUE means in the outcome column: the account churned, or it renewed (stayed). */
export type OutcomePositive = "churned" | "renewed";

const CHURNED_WORDS = new Set(["churned", "churn", "lost", "cancelled", "canceled"]);
const STAYED_WORDS = new Set(["renewed", "retained", "active", "stayed"]);

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
 * - Yes/no cells, read by the core's one boolean reader (readBoolean): a checkbox, 1/0, or text
 *   TRUE/FALSE, yes/no, y/n, 1/0 (trimmed, any case). They mean churned = yes when `positive` is
 *   "churned", and churned = no when it is "renewed" (a "Renewed" column).
 * - Words that say what happened, whatever the column: "churned", "churn", "lost", "cancelled"
 *   mean churned; "renewed", "retained", "active", "stayed" mean retained.
 * - Anything else is unknown: a missing cell (blank, "N/A": the renewal is not due yet), or an
 *   unreadable one ("pending", a date), which `calibrate` counts and names (outcome_warning).
 */
export function readOutcome(cell: CellValue, positive: OutcomePositive = "churned"): boolean | undefined {
  if (typeof cell === "string") {
    const t = cell.trim().toLowerCase();
    if (CHURNED_WORDS.has(t)) return true;
    if (STAYED_WORDS.has(t)) return false;
  }
  const yes = readBoolean(cell);
  if (yes === undefined) return undefined;
  return positive === "churned" ? yes : !yes;
}

/** A name that says churn, renewal or retention marks the likely outcome column. */
const OUTCOME_NAME = /churn|renew|retain/i;

/** The header the outcome column most likely has (the first whose name says churn or renewal), if any. */
export function guessOutcomeColumn(headers: readonly CellValue[]): string | undefined {
  return headers.map(textOf).find((h) => OUTCOME_NAME.test(h));
}
