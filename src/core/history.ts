/**
 * Health over time: snapshots of scores, the trend since the previous snapshot, and a short
 * fingerprint of the rubric, so that scores made under different rubrics are never compared
 * blindly. Pure: the add-on reads and writes the Health History sheet.
 */
import { dayToIso, isoDay, parseNumber, textOf, zoneDay } from "./cells";
import { canonical } from "./json";
import type { RowResult } from "./score";
import type { CellValue, Rubric } from "./types";

export const HISTORY_HEADERS = ["Date", "Account", "Score", "Band", "Coverage", "Rubric"] as const;

export interface Snapshot {
  /** ISO date. */
  date: string;
  account: string;
  score: number | null;
  band: string;
  coverage: number;
  /** The rubric's fingerprint. */
  rubric: string;
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
): Snapshot[] {
  const out: Snapshot[] = [];
  results.forEach((r, i) => {
    const account = textOf(accounts[i]);
    if (!r || account === "") return;
    out.push({
      date,
      account,
      score: r.score,
      band: r.band,
      coverage: Math.round(r.coverage * 1000) / 1000,
      rubric: fingerprint,
    });
  });
  return out;
}

/**
 * Reads Health History values into snapshots; rows that cannot be read (the header row, blank
 * rows, no account) are skipped. Dates may be Date cells (read in `timeZone`) or ISO text.
 */
export function readHistory(values: readonly (readonly CellValue[])[], timeZone: string): Snapshot[] {
  const dayOf = zoneDay(timeZone);
  const out: Snapshot[] = [];
  for (const row of values) {
    const [date, account, score, band, coverage, rubric] = row;
    const day =
      date instanceof Date ? (Number.isNaN(date.getTime()) ? undefined : dayOf(date)) : isoDay(textOf(date));
    const name = textOf(account);
    if (day === undefined || name === "") continue;
    const n = typeof score === "number" ? score : parseNumber(textOf(score));
    const c = typeof coverage === "number" ? coverage : parseNumber(textOf(coverage));
    out.push({
      date: dayToIso(day),
      account: name,
      score: n ?? null,
      band: textOf(band),
      coverage: c ?? 0,
      rubric: textOf(rubric),
    });
  }
  return out;
}

/**
 * The latest snapshot of each account taken before `asOf` under the same rubric. Accounts are
 * matched trimmed and case-insensitively.
 */
export function previousSnapshots(
  history: readonly Snapshot[],
  asOf: string,
  fingerprint: string,
): Map<string, Snapshot> {
  const latest = new Map<string, Snapshot>();
  for (const s of history) {
    if (s.date >= asOf || s.rubric !== fingerprint) continue;
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
  return i >= 0 && j >= 0 && i < j;
}

/** Each account's scored snapshots, oldest first, keyed trimmed and lower-case: built once per history. */
export function historyByAccount(history: readonly Snapshot[]): Map<string, Snapshot[]> {
  const byAccount = new Map<string, Snapshot[]>();
  for (const s of history) {
    if (s.score === null) continue;
    const key = s.account.trim().toLowerCase();
    const list = byAccount.get(key);
    if (list) list.push(s);
    else byAccount.set(key, [s]);
  }
  for (const list of byAccount.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byAccount;
}

/**
 * The change of an account's score over the last `weeks` weeks of its history: its latest score
 * minus its latest score at least `weeks` weeks before that, under the same rubric. Undefined
 * without two such snapshots.
 */
export function scoreChange(
  byAccount: Map<string, Snapshot[]>,
  account: string,
  weeks: number,
): number | undefined {
  const mine = byAccount.get(account.trim().toLowerCase()) ?? [];
  const last = mine[mine.length - 1];
  if (!last) return undefined;
  const cutoff = dayToIso((isoDay(last.date) as number) - weeks * 7);
  let before: Snapshot | undefined;
  for (const s of mine) if (s.date <= cutoff && s.rubric === last.rubric) before = s;
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
  return !latest.some((s) => {
    const d = isoDay(s.date);
    return d !== undefined && d >= monday;
  });
}
