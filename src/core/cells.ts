/**
 * Reading cells the way Google Sheets reads them. A cell arrives as Apps Script hands it over
 * (number, boolean, Date, '' for empty, an error shown as text) or as CSV text, and leaves as a
 * value for a scorer, as missing, or as invalid with a sentence saying why. Nothing here throws.
 *
 * The as-of date and the spreadsheet's time zone are inputs: the core never asks the machine.
 */
import type { CellValue, InputKind } from "./types";

export type Reading =
  | { kind: "value"; value: number | string }
  | { kind: "missing" }
  | { kind: "invalid"; reason: string };

export const MISSING: Reading = Object.freeze({ kind: "missing" });

/** Text a person types for "no value". Error values (#N/A, #REF! ...) are recognised by shape. */
const MISSING_TEXT = new Set(["", "n/a", "na", "-", "—", "–"]);
const ERROR_VALUE = /^#[A-Z0-9/]+[!?]?$/i;

export function isMissingText(text: string): boolean {
  const t = text.trim();
  return MISSING_TEXT.has(t.toLowerCase()) || ERROR_VALUE.test(t);
}

/** A missing cell (RUBRIC.md, Cells): empty, "N/A", "-", an error value. */
export function isMissingCell(cell: CellValue): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && isMissingText(cell));
}

/** What daysSince needs to count days: the as-of day and the zone in which a Date cell is read. */
export interface DayContext {
  /** The as-of date, as a day number (days since 1970-01-01). */
  asOfDay: number;
  /** Day number of a Date cell in the spreadsheet's time zone. */
  dayOf(date: Date): number;
}

// Sheets reads "1,200", "$1,200", "€ 12.5", "45%", " 7 ", "-3", "(3)" as numbers when typed.
const NUMERIC = /^([+-])?\(?\s*[$€£¥]?\s*([+-])?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?\s*\)?\s*(%)?$/;

/**
 * Reads text as a number the way Sheets does when it is typed into a cell; undefined if it is not
 * one. A number carries at most one sign: `--5`, `+-5` and `-(5)` are not numbers (a doubled sign
 * is a typo or a formula fragment, and reading it as −5 would be a silently wrong score).
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const plain = Number(t);
  // Number() reads "Infinity" as not finite, and accepts 0x/0o/0b only at the start (so no anchor).
  if (Number.isFinite(plain) && !/0[xob]/i.test(t)) return plain;
  const m = NUMERIC.exec(t);
  if (!m || (m[3] === "" && m[4] === undefined)) return undefined;
  const parenthesised = t.includes("(");
  if (parenthesised !== t.includes(")")) return undefined;
  if ((m[1] ? 1 : 0) + (m[2] ? 1 : 0) + (parenthesised ? 1 : 0) > 1) return undefined;
  // The digits and the decimal point are the number: signs, (), currency, commas, spaces and % are not.
  let n = Number(t.replace(/[^\d.]/g, ""));
  if (m[5]) n /= 100;
  const negative = m[1] === "-" || m[2] === "-" || parenthesised;
  return negative ? -n : n;
}

/** Text with two signs (`--5`, `+-5`, `-(5)`): said so, rather than "not a number". */
const SIGNS = /^[+-]?\s*[$€£¥]?\s*[(+-]\s*[$€£¥]?\s*[(+-]?\s*[\d.]/;
const twoSigns = (t: string): boolean => SIGNS.test(t) && t.replace(/[^-+(]/g, "").length > 1;

const TRUE_TEXT = new Set(["true", "yes", "y", "1"]);
const FALSE_TEXT = new Set(["false", "no", "n", "0"]);

/**
 * Reads a cell where a boolean is wanted (an `input: "boolean"` metric, a flag's `when: true`/
 * `false`, a churn outcome): a checkbox, the number 1 or 0, or text TRUE/FALSE, yes/no, y/n, 1/0
 * in any case, trimmed, as CRM exports write them. Undefined for anything else, which the caller
 * reports as invalid (or, when it is a missing cell, as missing). The one boolean reader.
 */
export function readBoolean(cell: CellValue): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== "string") return undefined;
  const t = cell.trim().toLowerCase();
  return TRUE_TEXT.has(t) ? true : FALSE_TEXT.has(t) ? false : undefined;
}

/** Why a cell that is neither missing nor a boolean cannot be read as one, for the row's explanation. */
export const NOT_BOOLEAN = "is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)";

/** Text Sheets itself turns into a boolean when typed: TRUE/FALSE, any case. A number metric reads it as 1/0. */
function typedBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Day number (days since 1970-01-01) of an ISO date `YYYY-MM-DD`; undefined if not a real date. */
export function isoDay(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const day = utcDay(y, mo, d);
  const check = new Date(day * 86_400_000);
  // An impossible day or month always moves two of the three, so dropping one check changes nothing.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, as just said
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return day;
}

/** Day number of a calendar date. (Date.UTC would read years 0–99 as 1900–1999.) */
function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / 86_400_000;
}

/** The ISO text of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A `DayContext` for an as-of date (ISO text) and an IANA time zone, in which Date cells are read
 * as Sheets displays them.
 */
export function dayContext(asOf: string, timeZone: string): DayContext {
  const asOfDay = isoDay(asOf);
  if (asOfDay === undefined)
    throw new Error(`The as-of date "${asOf}" is not a date: write it as YYYY-MM-DD.`);
  return { asOfDay, dayOf: zoneDay(timeZone) };
}

/**
 * The calendar day of an instant in a time zone, as a day number. Cached per instant: a column of
 * dates usually repeats the same midnights, and Intl formatting is the slow part.
 */
export function zoneDay(timeZone: string): (date: Date) => number {
  const format = zoneFormatter(timeZone);
  const cache = new Map<number, number>();
  return (date) => {
    const ms = date.getTime();
    let day = cache.get(ms);
    // Stryker disable next-line ConditionalExpression: equivalent, a cache miss recomputes the same day
    if (day === undefined) {
      const [year, month, dayOfMonth] = format(date);
      day = utcDay(year, month, dayOfMonth);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the limit only bounds memory
      if (cache.size > 10_000) cache.clear();
      cache.set(ms, day);
    }
    return day;
  };
}

/**
 * Year, month and day of an instant in a time zone, by Intl (the only zone data a pure core has).
 * Apps Script's V8 has Intl with time zones, which dev/fidelity checks in a real spreadsheet;
 * where formatToParts is missing (older ICU builds), the en-US "M/D/YYYY" text is read instead.
 */
function zoneFormatter(timeZone: string): (date: Date) => [number, number, number] {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
  } catch {
    throw new Error(
      `The time zone "${timeZone}" is not known: use a name like "Europe/Berlin" or "America/New_York".`,
    );
  }
  // Both branches read the same day wherever formatToParts exists (Node, Apps Script V8); the test for
  // the fallback removes formatToParts, so choosing either branch cannot change a result.
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: equivalent, as just said
  if (typeof format.formatToParts === "function") {
    return (date) => {
      const parts = format.formatToParts(date);
      // Stryker disable next-line OptionalChaining: equivalent, a year-month-day format always has all three parts
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return [get("year"), get("month"), get("day")];
    };
  }
  return (date) => {
    // Only digits and slashes: some engines write direction marks around the parts.
    // Stryker disable next-line StringLiteral: equivalent in Node, whose "M/D/YYYY" has nothing to strip
    const text = format.format(date).replace(/[^\d/]/g, "");
    const [month, day, year] = text.split("/").map(Number);
    return [year ?? Number.NaN, month ?? Number.NaN, day ?? Number.NaN];
  };
}

/** The date of an instant as ISO text in a time zone; adapters pass the clock's `now`, the core never reads it. */
export function todayIn(timeZone: string, now: Date): string {
  return dayToIso(zoneDay(timeZone)(now));
}

/** Numbers beyond ±1e15 are typos or overflow (no account has them); they would swamp any sum. */
const number = (n: number, text: string): Reading =>
  Number.isFinite(n) && Math.abs(n) <= 1e15
    ? { kind: "value", value: n }
    : { kind: "invalid", reason: `${quoteCell(text)} is too large to score` };

/** A cell's text in quotes for an explanation, cut at 40 characters. */
export const quoteCell = (text: string): string => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;

/**
 * Reads a cell for a metric's input kind. Numbers come back as numbers (booleans as 1/0, days as
 * a count), text as trimmed text.
 */
export function readCell(cell: CellValue, input: InputKind, days: DayContext): Reading {
  if (cell === null || cell === undefined) return MISSING;
  if (typeof cell === "string" && isMissingText(cell)) return MISSING;
  if (cell instanceof Date && Number.isNaN(cell.getTime()))
    return { kind: "invalid", reason: "is not a valid date" };
  switch (input) {
    case "number":
      if (typeof cell === "number") return number(cell, String(cell));
      if (typeof cell === "boolean") return { kind: "value", value: cell ? 1 : 0 };
      if (cell instanceof Date) {
        return {
          kind: "invalid",
          reason: `${quoteCell(dayToIso(days.dayOf(cell)))} is a date, not a number`,
        };
      }
      {
        const n = parseNumber(cell);
        if (n !== undefined) return number(n, cell.trim());
        const b = typedBoolean(cell);
        if (b !== undefined) return { kind: "value", value: b ? 1 : 0 };
        const t = cell.trim();
        return {
          kind: "invalid",
          reason: twoSigns(t)
            ? `${quoteCell(t)} is not a number: a number carries at most one sign`
            : `${quoteCell(t)} is not a number`,
        };
      }
    case "boolean": {
      const b = readBoolean(cell);
      if (b !== undefined) return { kind: "value", value: b ? 1 : 0 };
      return { kind: "invalid", reason: `${quoteCell(cellText(cell, days))} ${NOT_BOOLEAN}` };
    }
    case "daysSince": {
      let day: number | undefined;
      if (cell instanceof Date) day = days.dayOf(cell);
      else if (typeof cell === "string") day = isoDay(cell);
      if (day === undefined)
        return { kind: "invalid", reason: `${quoteCell(textOf(cell))} is not a date (use YYYY-MM-DD)` };
      return { kind: "value", value: Math.max(0, days.asOfDay - day) };
    }
    case "text":
      return { kind: "value", value: cell instanceof Date ? dayToIso(days.dayOf(cell)) : textOf(cell) };
  }
}

/** A cell as text as the spreadsheet shows it: a Date as its ISO day in the spreadsheet's zone. */
export function cellText(cell: CellValue, days: DayContext): string {
  return cell instanceof Date && !Number.isNaN(cell.getTime()) ? dayToIso(days.dayOf(cell)) : textOf(cell);
}

/** A cell as text, the way a map scorer and a text flag compare it. */
export function textOf(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** A row with no cell filled (an open range's tail, Excel's `,,,`): not an account, never scored. */
export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every((c) => c === "" || c === null || c === undefined);
}

/**
 * Text that a spreadsheet would run as a formula when the file is opened or the text typed: it
 * starts with =, +, -, @, a tab or a carriage return (CSV injection). Rescore keeps such text text
 * with the cell's plain-text format; a CSV file has no formats, so the CLI uses `formulaSafe`.
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** The text with a leading apostrophe when it starts like a formula, as OWASP advises for CSV files. */
export function formulaSafe(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
