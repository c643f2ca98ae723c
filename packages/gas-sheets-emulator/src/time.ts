/**
 * Time zones, Sheets date serials and Java date patterns, without a date library.
 *
 * Sheets stores a date as a *serial number*: days since 1899-12-30 on the wall clock of the
 * spreadsheet's time zone (fractions are the time of day). The number format decides whether a
 * cell is a date: `getValues()` turns a serial in a date-formatted cell into a `Date` (the instant
 * that wall-clock time means in the spreadsheet's zone), and a Date written to a cell becomes a
 * serial. So changing the spreadsheet's time zone keeps the wall-clock time of date cells and
 * moves their instants, as in Sheets.
 */

/** A zone is an IANA name ("Europe/London") or a fixed offset from UTC in minutes ("GMT+2"). */
export type Zone = { kind: "iana"; name: string } | { kind: "fixed"; minutes: number; name: string };

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const DAY_MS = 86_400_000;
/** Sheets' day zero, as a UTC wall-clock instant. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `name` is an IANA time zone this machine knows. */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a time zone argument the way Java's TimeZone (behind Apps Script's Utilities) does:
 * IANA names, "UTC", "GMT", "GMT+2", "GMT-05:30". Unknown names fall back to GMT, as Java does.
 */
const zones = new Map<string, Zone>();

export function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = resolveZone(name);
    zones.set(name, zone);
  }
  return zone;
}

function resolveZone(name: string): Zone {
  const fixed = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(name.trim());
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return { kind: "fixed", minutes: fixed[1] === "-" ? -minutes : minutes, name };
  }
  if (isTimeZone(name)) return { kind: "iana", name };
  return { kind: "fixed", minutes: 0, name: "GMT" };
}

/** Offsets per zone and hour since the epoch; they change at most a few times a year. */
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
export function offsetAt(ms: number, zone: Zone | string): number {
  const z = typeof zone === "string" ? zoneOf(zone) : zone;
  if (z.kind === "fixed") return z.minutes * 60_000;
  let perHour = offsetCache.get(z.name);
  if (!perHour) {
    perHour = new Map();
    offsetCache.set(z.name, perHour);
  }
  const hour = Math.floor(ms / 3_600_000);
  const cached = perHour.get(hour);
  if (cached !== undefined) return cached;
  const seconds = Math.floor(ms / 1000) * 1000;
  const p = partsOf(formatterFor(z.name).formatToParts(new Date(seconds)));
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - seconds;
  if (perHour.size > 200_000) perHour.clear();
  perHour.set(hour, offset);
  return offset;
}

function partsOf(parts: Intl.DateTimeFormatPart[]) {
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClock(ms: number, zone: Zone | string): WallClock {
  return wallClockOfUtc(ms + offsetAt(ms, zone));
}

/** Reads the fields of a "wall-clock as UTC" instant. */
export function wallClockOfUtc(wallMs: number): WallClock {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which the wall clock in `zone` shows `wallMs` (given as a UTC instant with the
 * same fields). In a DST gap the later offset wins; in an overlap, the first occurrence.
 */
export function instantOfWallClock(wallMs: number, zone: Zone | string): number {
  const first = wallMs - offsetAt(wallMs, zone);
  const second = wallMs - offsetAt(first, zone);
  return second === first ? first : wallMs - offsetAt(second, zone);
}

export function serialOfInstant(ms: number, zone: Zone | string): number {
  return (ms + offsetAt(ms, zone) - SERIAL_EPOCH) / DAY_MS;
}

export function instantOfSerial(serial: number, zone: Zone | string): number {
  return instantOfWallClock(wallMsOfSerial(serial), zone);
}

/** A serial as a "wall-clock as UTC" instant, rounded to the millisecond. */
export function wallMsOfSerial(serial: number): number {
  return Math.round(SERIAL_EPOCH + serial * DAY_MS);
}

export function serialOfWallClock(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  return (Date.UTC(year, month - 1, day, h, m, s) - SERIAL_EPOCH) / DAY_MS;
}

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

/** "+0100" / "+01:00" style offset. */
function offsetText(offsetMs: number, colon: boolean): string {
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ":" : ""}${pad(abs % 60, 2)}`;
}

function zoneAbbreviation(ms: number, zone: Zone): string {
  if (zone.kind === "fixed")
    return zone.minutes === 0 ? "GMT" : `GMT${offsetText(zone.minutes * 60_000, true)}`;
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: zone.name, timeZoneName: "short" })
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone.name;
}

/**
 * Formats an instant with a Java SimpleDateFormat pattern, as Utilities.formatDate does:
 * y M d E u H k K h a m s S D z Z X, 'quoted text' and '' for a quote. Other letters throw,
 * as Java does.
 */
export function formatJavaDate(ms: number, zoneName: string, pattern: string): string {
  const zone = zoneOf(zoneName);
  const offset = offsetAt(ms, zone);
  const w = wallClockOfUtc(ms + offset);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end === -1 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n++;
    i += n;
    out += javaField(ch, n, w, ms, offset, zone);
  }
  return out;
}

function javaField(ch: string, n: number, w: WallClock, ms: number, offset: number, zone: Zone): string {
  const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  switch (ch) {
    case "G":
      return w.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case "M":
    case "L": {
      if (n >= 4) return MONTHS[w.month - 1] ?? "";
      if (n === 3) return (MONTHS[w.month - 1] ?? "").slice(0, 3);
      return pad(w.month, n);
    }
    case "d":
      return pad(w.day, n);
    case "D": {
      const dayOfYear =
        Math.floor((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / DAY_MS) + 1;
      return pad(dayOfYear, n);
    }
    case "E":
      return n >= 4 ? (WEEKDAYS[w.weekday] ?? "") : (WEEKDAYS[w.weekday] ?? "").slice(0, 3);
    case "u":
      return pad(w.weekday === 0 ? 7 : w.weekday, n);
    case "a":
      return w.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(w.hour, n);
    case "k":
      return pad(w.hour === 0 ? 24 : w.hour, n);
    case "K":
      return pad(w.hour % 12, n);
    case "h":
      return pad(h12, n);
    case "m":
      return pad(w.minute, n);
    case "s":
      return pad(w.second, n);
    case "S":
      return pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
    case "z":
      return zoneAbbreviation(ms, zone);
    case "Z":
      return offsetText(offset, false);
    case "X":
      if (offset === 0) return "Z";
      return n === 1 ? offsetText(offset, false).slice(0, 3) : offsetText(offset, n >= 3);
    default:
      throw new Error(`Illegal pattern character '${ch}'`);
  }
}
