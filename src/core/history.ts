/**
 * Health over time: snapshots of scores, the trend since the previous snapshot, and a short
 * fingerprint of the rubric, so that scores made under different rubrics are never compared
 * blindly. Pure: the add-on reads and writes the Health History sheet, the CLI its CSV export.
 *
 * The Health History layout (stable: the CLI, calibration and people read it by these headers):
 *
 *   Date | Account | Score | Band | Coverage | Rubric | Values | Score <fp> | Band <fp> | …
 *
 * One row per account per snapshot date. Score, Band and Coverage are the scores under the rubric
 * whose fingerprint is in Rubric (the rubric in use when the row was written). Values is one JSON
 * object of the cells that rubric read (`{"NPS":8,"Seat utilisation":0.65,"count of logins, last
 * 30 days":12}`): what rescoring under another rubric reads. Each "Rescore history" with a rubric
 * of fingerprint <fp> adds (or, rerun, refills) the pair `Score <fp>`, `Band <fp>`: that rubric's
 * score of every row kept under another rubric. Old rows without Values stay readable (no Values,
 * never rescored). Columns are found by header, so a user's own columns do not disturb them.
 */
import { dayToIso, isMissingCell, isoDay, parseNumber, textOf, zoneDay } from "./cells";
import { headerKey } from "./columns";
import { fromText } from "./fromText";
import { canonical } from "./json";
import { type RowResult, scorecard } from "./score";
import type { BaseRubric, CellValue, Flag, Metric, Rubric } from "./types";

export const HISTORY_HEADERS = ["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values"] as const;

/** A score under another rubric than the row's own, from a `Score <fp>` / `Band <fp>` pair. */
export interface Rescored {
  score: number | null;
  band: string;
}

export interface Snapshot {
  /** ISO date. */
  date: string;
  account: string;
  score: number | null;
  band: string;
  coverage: number;
  /** The rubric's fingerprint. */
  rubric: string;
  /** The cells the rubric read (Values); absent in rows written before values were kept. */
  values?: Record<string, CellValue>;
  /** Scores under other rubrics, by fingerprint (the rescored columns). */
  rescored?: Record<string, Rescored>;
}

/** Eight hex digits (FNV-1a) of the rubric's scoring content; the name does not count. */
export function rubricFingerprint(rubric: Rubric): string {
  const text = canonical({ ...rubric, name: undefined });
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** One snapshot row per scored account (rows without an account key are left out). */
export function snapshotRows(
  date: string,
  accounts: readonly CellValue[],
  results: readonly (RowResult | undefined)[],
  fingerprint: string,
  values?: readonly (Record<string, CellValue> | undefined)[],
): Snapshot[] {
  const out: Snapshot[] = [];
  results.forEach((r, i) => {
    const account = textOf(accounts[i]);
    if (!r || account === "") return;
    const s: Snapshot = {
      date,
      account,
      score: r.score,
      band: r.band,
      coverage: Math.round(r.coverage * 1000) / 1000,
      rubric: fingerprint,
    };
    const kept = values?.[i];
    if (kept) s.values = kept;
    out.push(s);
  });
  return out;
}

/** Sheets holds at most 50,000 characters in a cell. */
export const CELL_CHARACTERS = 50_000;
/** A text value longer than this is kept cut (long notes would crowd the Values cell out). */
export const VALUE_CHARACTERS = 200;

/**
 * The Values cell: the cells a rubric read, as one JSON object. Dates become their ISO day (in
 * the spreadsheet's time zone), so a rescore counts days since to the snapshot's date as the
 * snapshot did; missing cells are left out (a rubric reading them finds them missing either way);
 * text longer than 200 characters is cut. Throws when the object would not fit in a cell.
 */
export function valuesText(values: Record<string, CellValue>, timeZone: string): string {
  const dayOf = zoneDay(timeZone);
  const out: Record<string, string | number | boolean> = {};
  for (const [name, cell] of Object.entries(values)) {
    if (isMissingCell(cell)) continue;
    if (cell instanceof Date) {
      if (!Number.isNaN(cell.getTime())) out[name] = dayToIso(dayOf(cell));
    } else if (typeof cell === "number") {
      if (Number.isFinite(cell)) out[name] = cell;
    } else if (typeof cell === "string") {
      out[name] = cell.slice(0, VALUE_CHARACTERS);
    } else {
      out[name] = cell as boolean; // missing cells were left out above
    }
  }
  const text = JSON.stringify(out);
  if (text.length > CELL_CHARACTERS) {
    throw new Error(
      `The cells the rubric reads take ${text.length} characters for one account, more than the ${CELL_CHARACTERS} a cell holds: have the rubric read fewer columns.`,
    );
  }
  return text;
}

/** A Values cell read back; undefined when blank or not a JSON object. */
export function parseValues(cell: CellValue): Record<string, CellValue> | undefined {
  if (typeof cell !== "string") return undefined;
  const text = cell.trim();
  // JSON text that starts with "{" is an object or does not parse.
  if (!text.startsWith("{")) return undefined;
  try {
    return JSON.parse(text) as Record<string, CellValue>;
    // Stryker disable next-line BlockStatement: falling out of the catch returns undefined too
  } catch {
    return undefined;
  }
}

/** The two headers a rescore under the rubric of fingerprint `fp` writes. */
export const rescoredHeaders = (fp: string): [string, string] => [`Score ${fp}`, `Band ${fp}`];

const RESCORED = /^(score|band) ([0-9a-f]{8})$/;

/** Where the history's columns are (0-based), found by the header row. */
export interface HistoryLayout {
  /** Index of the header row in the grid, or −1 when the grid has none (then the default positions). */
  headerRow: number;
  date: number;
  account: number;
  score: number;
  band: number;
  coverage: number;
  rubric: number;
  /** −1 in a history written before values were kept. */
  values: number;
  /** Fingerprint → its Score and Band columns (−1 when absent). */
  rescored: Map<string, { score: number; band: number }>;
  /** How many columns the header row uses (through its last non-blank cell). */
  width: number;
}

/**
 * Finds the header row (`Date`, `Account` in its first two cells, among the top five rows) and
 * each column by its header, trimmed and case-insensitively. Without a header row (a range that
 * starts below it), the columns are in HISTORY_HEADERS' order.
 */
export function historyLayout(grid: readonly (readonly CellValue[])[]): HistoryLayout {
  const headerRow = grid
    .slice(0, 5)
    .findIndex((r) => headerKey(r[0]) === "date" && headerKey(r[1]) === "account");
  if (headerRow < 0) {
    return {
      headerRow,
      date: 0,
      account: 1,
      score: 2,
      band: 3,
      coverage: 4,
      rubric: 5,
      values: 6,
      rescored: new Map(),
      width: HISTORY_HEADERS.length,
    };
  }
  const header = grid[headerRow] as readonly CellValue[];
  const at = (name: string) => header.findIndex((h) => headerKey(h) === name.toLowerCase());
  const rescored = new Map<string, { score: number; band: number }>();
  let width = 0;
  header.forEach((h, i) => {
    const key = headerKey(h);
    // Stryker disable next-line ArithmeticOperator: the new pair starts past the last named column either way (its header cell is never empty)
    if (key !== "") width = i + 1;
    const m = RESCORED.exec(key);
    if (!m) return;
    // Stryker disable next-line ObjectLiteral: an absent index reads as blank and is never taken for a pair either way
    const pair = rescored.get(m[2] as string) ?? { score: -1, band: -1 };
    pair[m[1] as "score" | "band"] = i;
    rescored.set(m[2] as string, pair);
  });
  return {
    headerRow,
    date: at("Date"),
    account: at("Account"),
    score: at("Score"),
    band: at("Band"),
    coverage: at("Coverage"),
    rubric: at("Rubric"),
    values: at("Values"),
    rescored,
    width,
  };
}

/** A number cell, or text that reads as a number (a number's text reads back as the same number). */
const numberOf = (cell: CellValue): number | undefined => parseNumber(textOf(cell));

/**
 * Reads Health History values into snapshots, one per grid row in `rows` order (undefined for rows
 * that cannot be read: the header row, blank rows, no account or no date). Dates may be Date
 * cells (read in `timeZone`) or ISO text.
 */
export function readHistoryRows(
  values: readonly (readonly CellValue[])[],
  timeZone: string,
  layout: HistoryLayout = historyLayout(values),
): (Snapshot | undefined)[] {
  const dayOf = zoneDay(timeZone);
  const { date: d, account: a, score: sc, band: b, coverage: c, rubric: r, values: v } = layout;
  return values.map((row, i) => {
    // Stryker disable next-line EqualityOperator: the header row's "Date" is no date, so it is skipped either way
    if (i <= layout.headerRow) return undefined;
    const date = row[d];
    const day =
      date instanceof Date ? (Number.isNaN(date.getTime()) ? undefined : dayOf(date)) : isoDay(textOf(date));
    const name = textOf(row[a]);
    if (day === undefined || name === "") return undefined;
    const s: Snapshot = {
      date: dayToIso(day),
      account: name,
      score: numberOf(row[sc]) ?? null,
      band: textOf(row[b]),
      coverage: numberOf(row[c]) ?? 0,
      rubric: textOf(row[r]),
    };
    // A column the layout lacks is −1, and row[−1] reads as blank.
    const kept = parseValues(row[v]);
    if (kept) s.values = kept;
    for (const [fp, at] of layout.rescored) {
      const score = numberOf(row[at.score]);
      const band = textOf(row[at.band]);
      if (score === undefined && band === "") continue;
      s.rescored = { ...s.rescored, [fp]: { score: score ?? null, band } };
    }
    return s;
  });
}

/** The readable rows of Health History values, as snapshots (see readHistoryRows). */
export function readHistory(values: readonly (readonly CellValue[])[], timeZone: string): Snapshot[] {
  return readHistoryRows(values, timeZone).filter((s): s is Snapshot => s !== undefined);
}

/**
 * A snapshot's score under the rubric of fingerprint `fp`: its own when it was taken under it, a
 * rescored one when history was rescored with it, else undefined.
 */
export function scoreUnder(s: Snapshot, fp: string): Snapshot | undefined {
  if (s.rubric === fp) return s;
  const r = s.rescored?.[fp];
  return r ? { ...s, score: r.score, band: r.band, rubric: fp } : undefined;
}

/**
 * The latest snapshot of each account taken before `asOf` with a score under the rubric
 * `fingerprint` (its own, or rescored under it). Accounts are matched trimmed and case-insensitively.
 */
export function previousSnapshots(
  history: readonly Snapshot[],
  asOf: string,
  fingerprint: string,
): Map<string, Snapshot> {
  const latest = new Map<string, Snapshot>();
  for (const snapshot of history) {
    const s = snapshot.date < asOf ? scoreUnder(snapshot, fingerprint) : undefined;
    if (!s) continue;
    const key = s.account.toLowerCase();
    const seen = latest.get(key);
    if (!seen || s.date >= seen.date) latest.set(key, s);
  }
  return latest;
}

/** `▲ 4.2`, `▼ 3`, `■ 0`: the change since the previous snapshot, or "" when there is none to compare. */
export function trendText(score: number | null, previous: Snapshot | undefined): string {
  if (score === null || !previous || previous.score === null) return "";
  const delta = Math.round((score - previous.score) * 10) / 10;
  if (delta > 0) return `▲ ${delta}`;
  if (delta < 0) return `▼ ${-delta}`;
  return "■ 0";
}

/** Whether a band is lower than another in the rubric's order (low → high). */
export function droppedBand(rubric: Rubric, now: string, before: string): boolean {
  const order = [rubric, ...Object.values(rubric.segments?.rubrics ?? {})].flatMap((r) =>
    r.bands.map((b) => b.label),
  );
  const i = order.indexOf(now);
  const j = order.indexOf(before);
  return i >= 0 && i < j;
}

/** Oldest first; a sort keeps the rows of one day in their order (the later row is the later snapshot). */
function oldestFirst(a: Snapshot, b: Snapshot): number {
  if (a.date < b.date) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only asks whether a comparison is below 0, so 1 and 0 sort alike
  return a.date > b.date ? 1 : 0;
}

/** Each account's snapshots, oldest first, keyed trimmed and lower-case: built once per history. */
export function historyByAccount(history: readonly Snapshot[]): Map<string, Snapshot[]> {
  const byAccount = new Map<string, Snapshot[]>();
  for (const s of history) {
    const key = s.account.trim().toLowerCase();
    const list = byAccount.get(key);
    if (list) list.push(s);
    else byAccount.set(key, [s]);
  }
  for (const list of byAccount.values()) list.sort(oldestFirst);
  return byAccount;
}

/**
 * The change of an account's score over the last `weeks` weeks of its history: its latest score
 * minus its latest score at least `weeks` weeks before that. A trend follows the rubric of the
 * account's latest snapshot: an earlier snapshot counts when it was taken under that rubric or
 * rescored under it, so a trend continues across a rubric change once history is rescored.
 * Undefined without two such snapshots.
 */
export function scoreChange(
  byAccount: Map<string, Snapshot[]>,
  account: string,
  weeks: number,
): number | undefined {
  const mine = byAccount.get(account.trim().toLowerCase()) ?? [];
  let last: Snapshot | undefined;
  for (const s of mine) if (s.score !== null) last = s;
  if (!last) return undefined;
  const cutoff = dayToIso((isoDay(last.date) as number) - weeks * 7);
  let before: Snapshot | undefined;
  for (const s of mine) {
    const under = s.date <= cutoff ? scoreUnder(s, last.rubric) : undefined;
    if (under && under.score !== null) before = under;
  }
  if (!before) return undefined;
  return Math.round(((last.score as number) - (before.score as number)) * 10) / 10;
}

/**
 * Whether the weekly snapshot is due on `today` (ISO): when the latest snapshot in the history
 * (its last rows, read by readHistory) is from an earlier week. Weeks run Monday to Sunday (ISO
 * 8601), so one snapshot a week is taken however many times the spreadsheet is opened.
 */
export function weeklySnapshotDue(latest: readonly Snapshot[], today: string): boolean {
  const day = isoDay(today);
  if (day === undefined) throw new Error(`"${today}" is not a date: write it as YYYY-MM-DD.`);
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days earlier, so (day + 3) % 7 days since Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  // A snapshot whose date cannot be read is not one of this week.
  return !latest.some((s) => (isoDay(s.date) ?? Number.NEGATIVE_INFINITY) >= monday);
}

/**
 * The rubric as it reads a Values cell: a metric or flag `from` a source reads the kept aggregate,
 * named by its text, as a column; the sources and the key are no longer needed.
 */
export function valuesRubric(rubric: Rubric): Rubric {
  const item = <T extends Metric | Flag>(m: T): T => {
    if (!m.from) return m;
    const { from, ...rest } = m;
    return { ...rest, column: fromText(from) } as T;
  };
  const base = (r: BaseRubric): BaseRubric => ({
    ...r,
    metrics: r.metrics.map(item),
    flags: r.flags.map(item),
  });
  const { sources: _sources, key: _key, segments, ...top } = rubric;
  const out: Rubric = base(top as BaseRubric) as Rubric;
  if (segments) {
    const rubrics: Record<string, BaseRubric> = {};
    for (const [name, sub] of Object.entries(segments.rubrics)) rubrics[name] = base(sub);
    out.segments = { ...segments, rubrics };
  }
  return out;
}

/**
 * Scores snapshots' kept values under `rubric`, each as of its own date (so days since count to
 * the snapshot's day, and a rescore of today's snapshot with its own rubric gives its own score).
 * One scorecard per distinct date. Undefined for a snapshot without values.
 */
export function scoreValues(
  rubric: Rubric,
  snapshots: readonly (Snapshot | undefined)[],
  timeZone: string,
): (RowResult | undefined)[] {
  const readable = valuesRubric(rubric);
  // Each column the rubric reads, once (parseRubric trims names; any case is the same column), and
  // its key: the cell of the Values object under that name in any case.
  const headers: string[] = [];
  const keys: string[] = [];
  const note = (column: string | undefined) => {
    if (column === undefined) return;
    const key = column.toLowerCase();
    if (keys.includes(key)) return;
    keys.push(key);
    headers.push(column);
  };
  for (const r of [readable, ...Object.values(readable.segments?.rubrics ?? {})]) {
    for (const m of r.metrics) note(m.column);
    for (const f of r.flags) note(f.column);
  }
  note(readable.segments?.column);

  const byDate = new Map<string, number[]>();
  snapshots.forEach((s, i) => {
    if (!s?.values) return;
    const list = byDate.get(s.date);
    if (list) list.push(i);
    else byDate.set(s.date, [i]);
  });
  const out = new Array<RowResult | undefined>(snapshots.length).fill(undefined);
  for (const [date, indexes] of byDate) {
    const card = scorecard(readable, headers, { asOf: date, timeZone });
    const rows = indexes.map((i) => {
      const lower = new Map<string, CellValue>();
      for (const [name, cell] of Object.entries((snapshots[i] as Snapshot).values as object))
        lower.set(name.trim().toLowerCase(), cell as CellValue);
      return keys.map((k) => lower.get(k) ?? null);
    });
    card.scoreRows(rows).forEach((r, k) => {
      out[indexes[k] as number] = r;
    });
  }
  return out;
}

/** What "Rescore history with this rubric" writes: two columns beside the history's own. */
export interface HistoryRescore {
  fingerprint: string;
  /** 0-based column of `Score <fp>` (`Band <fp>` is the next): the existing pair, or the first free column. */
  column: number;
  /** One pair per grid row: the headers on the header row, a score and band where rescored, else "". */
  cells: CellValue[][];
  /** Rows given a score under the rubric. */
  rescored: number;
  /** Rows taken under this very rubric (their own columns hold its score). */
  own: number;
  /** Rows without kept values (taken before values were kept): never rescored. */
  withoutValues: number;
}

/**
 * Rescores every row of a Health History grid (its header row included) under `rubric`, from
 * each row's kept values, as of each row's date. Never changes a row's own columns: the scores
 * go in the `Score <fp>` and `Band <fp>` pair of the rubric's fingerprint, which a rerun refills
 * with the same scores. Throws when the grid has no header row.
 */
export function rescoreHistory(
  grid: readonly (readonly CellValue[])[],
  rubric: Rubric,
  timeZone: string,
): HistoryRescore {
  const layout = historyLayout(grid);
  // Stryker disable next-line EqualityOperator: column 0 is Date, so Rubric is never there
  if (layout.headerRow < 0 || layout.rubric < 0) {
    throw new Error(
      `The history has no header row naming ${HISTORY_HEADERS.slice(0, 6).join(", ")}: rescore a Health History sheet or its CSV export, header row included.`,
    );
  }
  const fingerprint = rubricFingerprint(rubric);
  const snapshots = readHistoryRows(grid, timeZone, layout);
  // Stryker disable next-line ConditionalExpression: rows under this rubric are scored for nothing (their cells stay blank), which only costs time
  const pending = snapshots.map((s) => (s && s.rubric !== fingerprint ? s : undefined));
  const results = scoreValues(rubric, pending, timeZone);
  let rescored = 0;
  let own = 0;
  let withoutValues = 0;
  const cells = grid.map((_, i): CellValue[] => {
    if (i === layout.headerRow) return rescoredHeaders(fingerprint);
    const s = snapshots[i];
    if (!s) return ["", ""];
    if (s.rubric === fingerprint) {
      own++;
      return ["", ""];
    }
    const r = results[i];
    if (!r) {
      withoutValues++;
      return ["", ""];
    }
    rescored++;
    return [r.score ?? "", r.band];
  });
  const existing = layout.rescored.get(fingerprint);
  let column = layout.width;
  // A lone Band column (Score −1) is never column 0, which is Date.
  if (existing && existing.band === existing.score + 1) column = existing.score;
  else {
    // A new pair goes in the first two columns after the header's that hold nothing at all.
    const empty = (c: number) =>
      grid.every((row) => row[c] === "" || row[c] === null || row[c] === undefined);
    while (!empty(column) || !empty(column + 1)) column++;
  }
  return { fingerprint, column, cells, rescored, own, withoutValues };
}

/** Google Sheets holds at most 10 million cells per spreadsheet, empty ones included. */
export const SHEETS_CELL_LIMIT = 10_000_000;
/** Past this share of the limit, writing more history is said before it happens. */
export const CELL_WARNING_SHARE = 0.8;

/**
 * What adding `adding` cells to a spreadsheet of `now` cells means against Sheets' 10 M limit:
 * a refusal past the limit (Sheets would refuse the write), a warning past 80% of it, else nothing.
 * `what` names the write (`This snapshot`).
 */
export function cellBudget(now: number, adding: number, what: string): { refuse?: string; warn?: string } {
  const after = now + adding;
  const million = (n: number) => `${(n / 1_000_000).toFixed(1)} M`;
  const advice = `delete old history rows you no longer need (or move them to another spreadsheet), or delete empty rows and columns of other sheets`;
  if (after > SHEETS_CELL_LIMIT) {
    return {
      refuse: `${what} needs ${adding.toLocaleString("en-US")} more cells, which would take the spreadsheet to ${million(after)} cells, past the 10 M Google Sheets holds: ${advice}, then try again.`,
    };
  }
  if (after > SHEETS_CELL_LIMIT * CELL_WARNING_SHARE) {
    return {
      warn: `${what} takes the spreadsheet to ${million(after)} of the 10 M cells Google Sheets holds (past 80%): ${advice} before it is full.`,
    };
  }
  return {};
}
