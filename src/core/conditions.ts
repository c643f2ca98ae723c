/**
 * Conditions on one cell, as flags and a source's `where` test them: `when` (a boolean, a number,
 * or text compared trimmed and case-insensitively), `contains` (a substring, case-insensitive),
 * or numeric `min`/`max`.
 */
import {
  cellText,
  type DayContext,
  isMissingCell,
  NOT_BOOLEAN,
  parseNumber,
  quoteCell,
  readBoolean,
} from "./cells";
import type { CellValue } from "./types";

/** One condition's fields: exactly one of `when`, `contains`, or `min`/`max` is meant to be set. */
export interface Test {
  when?: boolean | number | string;
  contains?: string;
  min?: number;
  max?: number;
}

const asNumber = (cell: CellValue): number | undefined => {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") return parseNumber(cell);
  return undefined;
};

/**
 * A condition as a test of a cell: true or false, or (for `when` true/false on a cell that is
 * there but not yes/no) the reason it cannot say, as a sentence's end.
 */
export function condition(flag: Test, days: DayContext): (cell: CellValue) => boolean | string {
  const { when, contains, min, max } = flag;
  if (typeof when === "boolean") {
    // A cell that is there but not yes/no is said so: a flag that silently never fires is a wrong score.
    return (cell) => {
      const b = readBoolean(cell);
      if (b !== undefined) return b === when;
      return isMissingCell(cell) ? false : `${quoteCell(cellText(cell, days))} ${NOT_BOOLEAN}`;
    };
  }
  if (typeof when === "number") return (cell) => asNumber(cell) === when;
  if (typeof when === "string") {
    // Stryker disable next-line MethodExpression: equivalent, validate trims `when`; kept for unvalidated callers
    const target = when.trim().toLowerCase();
    return (cell) => cellText(cell, days).toLowerCase() === target;
  }
  if (contains !== undefined) {
    // Stryker disable next-line MethodExpression: equivalent, validate trims `contains`; kept for unvalidated callers
    const needle = contains.trim().toLowerCase();
    return (cell) => cellText(cell, days).toLowerCase().includes(needle);
  }
  // Stryker disable next-line all: unreachable from a validated rubric, which needs one condition per flag and where
  if (min === undefined && max === undefined) return () => false;
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  return (cell) => {
    const n = asNumber(cell);
    // Stryker disable next-line ConditionalExpression: for the types: undefined >= lo is false too
    if (n === undefined) return false;
    return n >= lo && n <= hi;
  };
}
