/**
 * What a cell holds, how text written to it is read, and how it is shown.
 *
 * A stored cell value is a number, a string, a boolean, or '' for empty. Dates are numbers
 * (serials, see time.ts) in a cell whose number format is a date format.
 */
import { isDate } from "./realm";
import {
  instantOfSerial,
  MONTHS,
  serialOfInstant,
  serialOfWallClock,
  WEEKDAYS,
  wallClockOfUtc,
  wallMsOfSerial,
} from "./time";

export type Scalar = number | string | boolean;

/** The result of writing one value: what the cell stores, its formula, and a format Sheets picks. */
export interface Written {
  value: Scalar;
  formula?: string;
  /** A number format Sheets assigns when the cell has none (typing "45%" makes it a percent). */
  autoFormat?: string;
  /**
   * Set when a written string was read as typed input and became something else than that very
   * string: what it became. Code that writes text should never depend on this (emu.typedInput).
   */
  parsed?: TypedAs;
}

export type TypedAs = "text after apostrophe" | "formula" | "number" | "boolean" | "date" | "broken formula";

/** Number format of a cell that never had one ("Automatic"); what getNumberFormat() returns then. */
export const AUTOMATIC_FORMAT = "0.###############";
export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
/** Sheets' limit on the text in one cell. */
export const MAX_CELL_CHARS = 50_000;

const NUMBER_TEXT =
  /^([+-])?\s*([$£€])?\s*([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?\s*(%)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Locales whose dates are typed month first (the rest are day first, as in most of the world). */
const MONTH_FIRST = /^(en_US|en_PH|en_CA|es_US|fil)/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a string as if a person typed it into the cell. The rules, in order:
 *  1. "'text"             -> the text after the apostrophe, never parsed further.
 *  2. "=..."              -> a formula (see evaluateLiteralFormula for its value).
 *  3. numeric text        -> a number: "1,200", "45%", "$12", "€ 9", "-3", "+5", "1.5e3", " 7 ",
 *                            "(3)".
 *                            Percent, currency and grouped numbers also get a number format.
 *  4. "+x", "-x", "@x"    -> (x not a number) Sheets reads a formula; it cannot be parsed, so
 *                            the cell shows #ERROR!. Stored as formula "=" + text.
 *  5. TRUE / FALSE        -> a boolean, any case.
 *  6. "2026-11-01"        -> a date (optionally "2026-11-01 14:30[:00]"), on the wall clock of
 *                            the spreadsheet's time zone; the cell gets a date format. ISO
 *                            order is read so in every locale (not yet checked in real Sheets).
 *     "11/26/2026"        -> a date in the locale's order: month first in en_US (and other
 *                            `_US`/`_PH`/`_CA`... locales of MONTH_FIRST), day first elsewhere;
 *                            text that is no date in that order stays text.
 *  7. anything else       -> the string itself ('' stays empty).
 * A cell formatted as plain text ("@") skips all of this and keeps the string (see toStored).
 */
export function parseTyped(text: string, locale = "en_US"): Written {
  if (text === "") return { value: "" };
  if (text.startsWith("'")) return { value: text.slice(1), parsed: "text after apostrophe" };
  if (text.startsWith("=") && text.length > 1) {
    return { value: evaluateLiteralFormula(text), formula: text, parsed: "formula" };
  }
  const number = parseNumberText(text.trim());
  if (number) return { ...number, parsed: "number" };
  if (/^[+\-@]./s.test(text)) return { value: "#ERROR!", formula: `=${text}`, parsed: "broken formula" };
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE") return { value: true, parsed: "boolean" };
  if (upper === "FALSE") return { value: false, parsed: "boolean" };
  const slash = SLASH_DATE.exec(text.trim());
  if (slash) {
    const [a, b, year] = slash.slice(1).map(Number) as [number, number, number];
    const [month, day] = MONTH_FIRST.test(locale) ? [a, b] : [b, a];
    if (validDate(year, month, day))
      return { value: serialOfWallClock(year, month, day), autoFormat: DATE_FORMAT, parsed: "date" };
  }
  const iso = ISO_DATE.exec(text.trim());
  if (iso) {
    const [year, month, day, hour, minute, second] = iso
      .slice(1)
      .map((p) => (p === undefined ? 0 : Number(p)));
    if (
      validDate(year ?? 0, month ?? 0, day ?? 0) &&
      (hour ?? 0) < 24 &&
      (minute ?? 0) < 60 &&
      (second ?? 0) < 60
    ) {
      const hasTime = iso[4] !== undefined;
      return {
        value: serialOfWallClock(year ?? 0, month ?? 0, day ?? 0, hour, minute, second),
        autoFormat: hasTime ? DATE_TIME_FORMAT : DATE_FORMAT,
        parsed: "date",
      };
    }
  }
  return { value: text };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseNumberText(t: string): Written | undefined {
  // "(12)" is how accountants write -12; Sheets reads it so.
  const parenthesised = /^\(\s*([^()+-]+?)\s*\)$/.exec(t);
  if (parenthesised) {
    const inner = parseNumberText(parenthesised[1] ?? "");
    return inner && typeof inner.value === "number" ? { ...inner, value: 0 - inner.value || 0 } : undefined;
  }
  const m = NUMBER_TEXT.exec(t);
  if (!m) return undefined;
  const [, sign1, currency, sign2, intPart, fraction, exponent, percent] = m;
  if (intPart === undefined && (fraction === undefined || fraction === ".")) return undefined;
  if (sign1 && sign2) return undefined;
  const digits = `${(intPart ?? "0").replace(/,/g, "")}${fraction ?? ""}${exponent !== undefined ? `e${exponent}` : ""}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  if (percent) value /= 100;
  if ((sign1 === "-" || sign2 === "-") && value !== 0) value = -value;
  const decimals = fraction !== undefined && fraction.length > 1;
  let autoFormat: string | undefined;
  if (percent) autoFormat = decimals ? "0.00%" : "0%";
  else if (currency) autoFormat = `"${currency}"#,##0.00`;
  else if (intPart?.includes(",")) autoFormat = decimals ? "#,##0.00" : "#,##0";
  return autoFormat ? { value, autoFormat } : { value };
}

/**
 * The emulator does not calculate formulas. A formula that is a single literal ("=5", "=-2.5",
 * '="text"', "=TRUE") gets that value; any other formula is kept (getFormulas returns it) and its
 * value reads as '' — as a formula whose result is still unknown.
 */
export function evaluateLiteralFormula(formula: string): Scalar {
  const body = formula.slice(1).trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return Number(body);
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text) return (text[1] ?? "").replace(/""/g, '"');
  if (/^TRUE$/i.test(body)) return true;
  if (/^FALSE$/i.test(body)) return false;
  return "";
}

/**
 * Converts a value written by setValue/setValues/appendRow into what the cell stores.
 * `numberFormat` is the cell's current format (undefined when Automatic).
 */
export function toStored(
  value: unknown,
  numberFormat: string | undefined,
  timeZone: string,
  locale?: string,
): Written {
  if (value === null || value === undefined) return { value: "" };
  // Sheets has no negative zero; NaN and Infinity are written as their text (not verified).
  if (typeof value === "number")
    return Number.isFinite(value) ? { value: value || 0 } : { value: String(value) };
  if (typeof value === "boolean") return { value };
  if (isDate(value)) {
    const ms = value.getTime();
    // An invalid Date is written as its text; this is a guess, Sheets' behaviour is undocumented.
    if (Number.isNaN(ms)) return { value: String(value) };
    const serial = serialOfInstant(ms, timeZone);
    return { value: serial, autoFormat: Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT };
  }
  const text = typeof value === "string" ? value : String(value);
  // Plain-text cells keep what is typed, as Sheets does ("0012" stays "0012", "=1" stays text).
  if (numberFormat === "@") return { value: text };
  return parseTyped(text, locale);
}

const dateFormats = new Map<string, boolean>();

/** True when a number format shows dates or times (then the cell's number is a serial). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = looksLikeDateFormat(format);
    dateFormats.set(format, known);
  }
  return known;
}

function looksLikeDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dyhs]/i.test(bare) || /am\/pm|a\/p/i.test(bare) || (/m/i.test(bare) && !/[0#?]/.test(bare));
}

/** The value getValues() returns for a stored value: serials in date cells become Dates. */
export function readValue(
  stored: Scalar,
  numberFormat: string | undefined,
  timeZone: string,
  DateCtor: DateConstructor,
): Scalar | Date {
  if (typeof stored === "number" && isDateFormat(numberFormat)) {
    return new DateCtor(instantOfSerial(stored, timeZone));
  }
  return stored;
}

/** What getDisplayValues() shows for a stored value. */
export function displayValue(stored: Scalar, numberFormat: string | undefined): string {
  if (typeof stored === "boolean") return stored ? "TRUE" : "FALSE";
  if (typeof stored === "string") return stored;
  return formatNumber(stored, numberFormat);
}

/**
 * Renders a number with a Sheets number format. Supported: Automatic, "@", "0", "0.0", "0.00",
 * "#,##0.00", "0%", "0.0%", "0.00E+00", quoted or $£€ prefixes and suffixes, a second ";"
 * section for negatives, and date/time formats (see formatSerial).
 */
export function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === AUTOMATIC_FORMAT || format === "@" || /^general$/i.test(format)) {
    return automaticNumber(n);
  }
  if (isDateFormat(format)) return formatSerial(n, format);
  const sections = splitSections(format);
  let section = sections[0] ?? format;
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  return formatWithSection(value, section);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Splits a section into literal text around the numeric placeholder run. */
function formatWithSection(value: number, section: string): string {
  let prefix = "";
  let suffix = "";
  let core = "";
  let percent = false;
  let i = 0;
  const literal = (text: string) => {
    if (core === "") prefix += text;
    else suffix += text;
  };
  while (i < section.length) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === "\\") {
      literal(section.charAt(i + 1));
      i += 2;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end === -1 ? section.length : end + 1; // [Red], [>100] etc. are ignored
    } else if (ch === "_" || ch === "*") {
      i += 2; // spacing and fill characters have no text form
    } else if (
      "0#?.,".includes(ch) ||
      (/[eE]/.test(ch) && core !== "" && /[+-]/.test(section.charAt(i + 1)))
    ) {
      if (suffix !== "") {
        literal(ch);
      } else {
        core += ch;
        if (/[eE]/.test(ch)) {
          core += section.charAt(i + 1);
          i++;
        }
      }
      i++;
    } else {
      if (ch === "%") percent = true;
      literal(ch);
      i++;
    }
  }
  if (core === "") return `${prefix}${suffix}`;
  let v = percent ? value * 100 : value;
  const negative = v < 0;
  v = Math.abs(v);
  const body = formatCore(v, core);
  return `${negative ? "-" : ""}${prefix}${body}${suffix}`;
}

function formatCore(v: number, core: string): string {
  const expAt = core.search(/[eE]/);
  const mantissaPattern = expAt === -1 ? core : core.slice(0, expAt);
  const [intPattern = "", fracPattern = ""] = mantissaPattern.split(".");
  const grouping = intPattern.includes(",");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  let exponentText = "";
  if (expAt !== -1) {
    const expDigits = (core.slice(expAt + 2).match(/0/g) ?? []).length || 1;
    let exponent = v === 0 ? 0 : Math.floor(Math.log10(v));
    let mantissa = v === 0 ? 0 : v / 10 ** exponent;
    if (roundTo(mantissa, maxFrac) >= 10) {
      exponent++;
      mantissa /= 10;
    }
    v = mantissa;
    const sign = exponent < 0 ? "-" : "+";
    exponentText = `E${sign}${String(Math.abs(exponent)).padStart(expDigits, "0")}`;
  }
  const rounded = roundTo(v, maxFrac);
  let [intText = "0", fracText = ""] = rounded.toFixed(maxFrac).split(".");
  while (fracText.length > minFrac && fracText.endsWith("0")) fracText = fracText.slice(0, -1);
  if (intText === "0" && minInt === 0) intText = "";
  intText = intText.padStart(minInt, "0");
  if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${intText}${fracText !== "" ? `.${fracText}` : ""}${exponentText}`;
}

/** Rounds half away from zero on the decimal representation (1.005 -> 1.01), as Sheets shows it. */
function roundTo(v: number, decimals: number): number {
  if (String(v).includes("e")) return Math.round(v * 10 ** decimals) / 10 ** decimals;
  const back = Number(`${Math.round(Number(`${v}e${decimals}`))}e-${decimals}`);
  return Number.isFinite(back) ? back : v;
}

/**
 * An approximation of Sheets' Automatic number rendering: integers as they are (up to 15
 * digits), other numbers to 10 significant digits, very large or small ones in scientific form
 * ("1.5E+20").
 */
export function automaticNumber(n: number): string {
  if (Object.is(n, -0)) return "0";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(Number(n.toPrecision(10)));
  const exp = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  if (exp) return `${exp[1]}E${exp[2]}${(exp[3] ?? "").padStart(2, "0")}`;
  return text;
}

/**
 * Renders a serial with a Sheets date/time format: yyyy yy, m mm mmm mmmm (month, or minutes
 * next to h or s), d dd ddd dddd, h hh, s ss, AM/PM, ".000" for milliseconds, "quoted" text.
 * Tokens are case-insensitive, as in Sheets.
 */
export function formatSerial(serial: number, format: string): string {
  const w = wallClockOfUtc(wallMsOfSerial(serial));
  type Token = { kind: "lit"; text: string } | { kind: "field"; letter: string; n: number };
  const tokens: Token[] = [];
  let ampm = false;
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end === -1 ? format.length : end;
      tokens.push({ kind: "lit", text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === "\\") {
      tokens.push({ kind: "lit", text: format.charAt(i + 1) });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i))) {
      tokens.push({ kind: "field", letter: "ampm", n: 5 });
      ampm = true;
      i += 5;
    } else if (/^a\/p/i.test(format.slice(i))) {
      tokens.push({ kind: "field", letter: "ampm", n: 1 });
      ampm = true;
      i += 3;
    } else if ("ymdhs".includes(lower)) {
      let n = 1;
      while (format.charAt(i + n).toLowerCase() === lower) n++;
      tokens.push({ kind: "field", letter: lower, n });
      i += n;
    } else if (
      ch === "." &&
      /^\.0+/.test(format.slice(i)) &&
      tokens.some((t) => t.kind === "field" && t.letter === "s")
    ) {
      const n = (/^\.0+/.exec(format.slice(i))?.[0].length ?? 1) - 1;
      tokens.push({ kind: "field", letter: "frac", n });
      i += n + 1;
    } else {
      tokens.push({ kind: "lit", text: ch });
      i++;
    }
  }
  // "m" means minutes right after an hour field or right before a seconds field.
  const fields = tokens.filter((t): t is Extract<Token, { kind: "field" }> => t.kind === "field");
  fields.forEach((t, k) => {
    if (t.letter !== "m" || t.n > 2) return;
    const before = fields[k - 1];
    const after = fields[k + 1];
    if (before?.letter === "h" || after?.letter === "s") t.letter = "minute";
  });
  const hour = ampm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return tokens
    .map((t) => {
      if (t.kind === "lit") return t.text;
      switch (t.letter) {
        case "y":
          return t.n <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
        case "m":
          if (t.n >= 5) return (MONTHS[w.month - 1] ?? "").charAt(0);
          if (t.n === 4) return MONTHS[w.month - 1] ?? "";
          if (t.n === 3) return (MONTHS[w.month - 1] ?? "").slice(0, 3);
          return pad(w.month, t.n);
        case "minute":
          return pad(w.minute, t.n);
        case "d":
          if (t.n >= 4) return WEEKDAYS[w.weekday] ?? "";
          if (t.n === 3) return (WEEKDAYS[w.weekday] ?? "").slice(0, 3);
          return pad(w.day, t.n);
        case "h":
          return pad(hour, Math.min(t.n, 2));
        case "s":
          return pad(w.second, Math.min(t.n, 2));
        case "frac":
          return `.${pad(w.millisecond, 3).slice(0, t.n)}`;
        case "ampm":
          return t.n === 1 ? (w.hour < 12 ? "a" : "p") : w.hour < 12 ? "AM" : "PM";
        default:
          return "";
      }
    })
    .join("");
}
