/**
 * Cells as SQL: the core's readers (cells.ts) written as expressions on a cell's text, so a
 * warehouse column holding what a CSV holds (`1,200`, `45%`, `N/A`, `TRUE`, an ISO date) reads
 * exactly as the core reads it. Typed columns (numbers, dates, booleans) are turned into text
 * first, so one reader serves both. Every cast is guarded by a pattern: an unreadable cell is
 * missing, never a failing cast (Postgres 15 has no safe cast, and takes `0x1A`, `inf` and
 * `1e3` as numbers where the core does not).
 *
 * The patterns mirror cells.ts; the parity suite feeds random cells to both to catch drift.
 */
import type { Dialect } from "./dialects";

/**
 * `text` trimmed of the white space JavaScript's trim() removes, with the engine's TRIM given
 * those characters (its default set differs per engine). NULL stays NULL.
 */
export function trimmed(d: Dialect, text: string): string {
  return d.trim(text, d.spaceChars);
}

/** Text a person types for "no value", and error values (#N/A, #REF! ...), like isMissingText. */
export function isMissing(d: Dialect, t: string): string {
  // The pattern only for text starting with #: a regular expression per cell is the slow part.
  return `(${t} IS NULL OR LOWER(${t}) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(${t}, 1, 1) = '#' THEN ${d.matches(t, "#[A-Za-z0-9/]+[!?]?")} ELSE FALSE END)`;
}

// Number(t) in JavaScript, less hex/octal/binary and Infinity, which parseNumber turns away.
const PLAIN = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?";
// The same, short enough and with a small enough exponent that no engine's cast can overflow or
// underflow (Postgres fails the whole query on '1e400'): every value it takes lies in 1e-299..1e299.
const PLAIN_SAFE = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?";
// Of the rest: a zero mantissa or a negative exponent reads as 0 (the core's value is 0 or tiny);
// an exponent of 400 or more overflows to Infinity, which parseNumber turns away; the others
// are beyond ±1e15 either way (the core says "too large" for up to about 1e308).
const ZERO_OR_TINY = "[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+";
const OVERFLOW = "[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})";
/** Beyond the core's ±1e15 limit: what an overflowing number reads as (the core says "too large"). */
export const HUGE = 1e300;

/** Sheets' typed-number pattern (cells.ts NUMERIC), with the core's white space for \s. */
const sheetsNumber = (ws: string) =>
  `[+-]?[(]?[${ws}]*[$€£¥]?[${ws}]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[${ws}]*[)]?[${ws}]*%?`;

/**
 * parseNumber(t) for trimmed, non-NULL text: a DOUBLE, or NULL when the text is not a number.
 * Numbers too big for a cast read as HUGE, which every reader then finds too large.
 */
export function parseNumber(d: Dialect, t: string): string {
  const digits = d.strip(t, "[^0-9.]");
  const negative = `(${d.contains(t, "'-'")} OR ${d.contains(t, "'('")})`;
  const sheets = `CASE WHEN LENGTH(${digits}) > 300 THEN ${d.num(HUGE)} ELSE ${d.toDouble(`'0' || ${digits}`)} END`;
  const signed = `CASE WHEN ${negative} THEN -1 ELSE 1 END * ${sheets}`;
  const scaled = `${signed} / CASE WHEN ${d.contains(t, "'%'")} THEN ${d.num(100)} ELSE ${d.num(1)} END`;
  return `CASE WHEN ${d.matches(t, PLAIN_SAFE)} AND LENGTH(${t}) <= 200 THEN ${d.toDouble(t)}
    WHEN ${d.matches(t, PLAIN)} THEN CASE WHEN ${d.matches(t, ZERO_OR_TINY)} THEN ${d.num(0)} WHEN NOT ${d.matches(t, OVERFLOW)} THEN ${d.num(HUGE)} END
    WHEN ${d.matches(t, sheetsNumber(d.space))} AND ${d.matches(t, ".*[0-9].*")} AND NOT ${twoSigns(d, t)}
      AND (${d.contains(t, "'('")}) = (${d.contains(t, "')'")}) THEN ${scaled} END`;
}

/**
 * At most one sign: in Sheets' pattern a sign can only be its two [+-] and the parenthesis, so two
 * of `-`, `+`, `(` in the text are two signs (parseNumber's count).
 */
export function twoSigns(d: Dialect, t: string): string {
  return d.matches(t, ".*[-+(].*[-+(].*");
}

// cells.ts's SIGNS: the shape of a doubled sign before the digits, said so in the explanation.
const signs = (ws: string) =>
  `[+-]?[${ws}]*[$€£¥]?[${ws}]*[(+-][${ws}]*[$€£¥]?[${ws}]*[(+-]?[${ws}]*[0-9.].*`;

/** Whether text that is not a number reads as a number with two signs (cells.ts's twoSigns). */
export function saysTwoSigns(d: Dialect, t: string): string {
  return `(${d.matches(t, signs(d.space))} AND ${twoSigns(d, t)})`;
}

/** Text Sheets turns into a boolean when typed (TRUE/FALSE, any case), which a number metric reads as 1/0. */
export function typedBoolean(_d: Dialect, t: string): string {
  return `CASE LOWER(${t}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END`;
}

/** readBoolean(t) for text: TRUE/FALSE, yes/no, y/n, 1/0 in any case: 1, 0, or NULL. */
export function readBoolean(_d: Dialect, t: string): string {
  return `CASE WHEN LOWER(${t}) IN ('true', 'yes', 'y', '1') THEN 1 WHEN LOWER(${t}) IN ('false', 'no', 'n', '0') THEN 0 END`;
}

const ISO_DATE =
  "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?";

/** The year, month and day of ISO text (isoDay's pattern), as integers; NULL when not ISO. */
export function isoParts(d: Dialect, t: string): [string, string, string] {
  const part = (from: number, length: number) =>
    `CASE WHEN ${d.matches(t, ISO_DATE)} THEN ${d.toInt(`SUBSTR(${t}, ${from}, ${length})`)} END`;
  return [part(1, 4), part(6, 2), part(9, 2)];
}

/**
 * The day number (days since 1970-01-01) of a year, month and day, NULL unless it is a real date
 * in the proleptic Gregorian calendar, as isoDay counts. Plain arithmetic (Howard Hinnant's
 * days_from_civil), so no engine's date type or range (Postgres has no year 0) decides.
 */
export function dayNumber(d: Dialect, y: string, m: string, day: string): string {
  const n = (x: number) => d.num(x);
  const div = (a: string, b: number) => `FLOOR((${a}) / ${n(b)})`;
  const mod = (a: string, b: number) => `(${a}) - ${div(a, b)} * ${n(b)}`;
  const leap = `((${mod(y, 4)}) = 0 AND (${mod(y, 100)}) <> 0 OR (${mod(y, 400)}) = 0)`;
  const monthDays = `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = div(yy, 400);
  const yoe = `(${yy} - ${era} * ${n(400)})`;
  const mp = `(${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END)`;
  const doy = `${div(`${n(153)} * ${mp} + 2`, 5)} + ${day} - 1`;
  const doe = `${yoe} * 365 + ${div(yoe, 4)} - ${div(yoe, 100)} + ${doy}`;
  return `CASE WHEN ${m} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${monthDays}
    THEN ${era} * ${n(146097)} + ${doe} - 719468 END`;
}

/** quote() in cells.ts: text in double quotes, cut to 39 characters and an ellipsis past 40. */
export function quoted(t: string): string {
  return `'"' || CASE WHEN LENGTH(${t}) > 40 THEN SUBSTR(${t}, 1, 39) || '…' ELSE ${t} END || '"'`;
}
