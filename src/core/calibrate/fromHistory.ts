/**
 * The predictive check of a Health History table (the sheet, or its CSV export): its snapshots,
 * each account's churn date, and, when a rubric is given and the history kept the values that
 * rubric reads, every snapshot rescored under it (as of its own date) so that the rubric itself is
 * tested and its weights can be refitted. Pure: adapters read the table and print the result.
 */
import { dayToIso, isoDay, textOf, zoneDay } from "../cells";
import { columnsRead, headerKey } from "../columns";
import { historyLayout, readHistoryRows, type Snapshot, scoreValues, valuesRubric } from "../history";
import type { CellValue, Rubric } from "../types";
import { NO_DATA } from "../validate";
import { metricShares } from "../weights";
import { outcomePositive, readOutcome } from "./outcome";
import {
  type HistoryPoint,
  type PredictiveCalibration,
  PredictiveError,
  type PredictiveOptions,
  predictiveCalibration,
} from "./predict";
import { featureRubric, withWeights } from "./rubricWeights";

export interface HistoryCalibrationOptions
  extends Pick<PredictiveOptions, "horizon" | "seed" | "samples" | "lambda" | "knownUntil" | "split"> {
  /** The time zone Date cells are read in. */
  timeZone: string;
  /** The rubric to test: snapshots are rescored under it when the history kept the values it reads. */
  rubric?: Rubric;
  /** Churn dates from elsewhere (e.g. the data sheet), by account as written, ISO; with where they came from. */
  churnDates?: { dates: ReadonlyMap<string, string>; from: string };
}

export interface HistoryCalibration extends PredictiveCalibration {
  /** Whose scores were checked: as recorded in the history, or rescored under the given rubric. */
  scores: "recorded" | "rescored";
  rubric?: string;
  /** Rubric fingerprints among the recorded scores. */
  fingerprints: string[];
  /** Where the churn dates came from, in words. */
  churn_from: string;
  /** Which mode this is and why, in one sentence. */
  why: string;
  /** Why the scores were not rescored under the given rubric, when they were not. */
  rescore_note?: string;
  /** Current weights (shares in %) of the rubric, when rescored: to read beside the suggestion. */
  current_weights?: Record<string, number>;
  metrics?: { id: string; label: string }[];
}

/** A header meaning the date an account churned: "Churn date", "Churned on", "Date churned", "Cancelled on". */
const CHURN_DATE = /^(churn(ed)?( date| on)|date churned|cancell?ed on|cancellation date)$/i;

/** Runs the predictive check on a history table: header row, then one row per account per snapshot. */
export function calibrateHistory(
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  options: HistoryCalibrationOptions,
): HistoryCalibration {
  const grid = [headers, ...rows];
  const layout = historyLayout(grid);
  // Stryker disable next-line EqualityOperator: the header row starts Date, Account, so Score and Band are never column 0
  const lacking = (["Score", "Band"] as const).filter((h) => layout[h.toLowerCase() as "score"] < 0);
  if (layout.headerRow !== 0)
    throw new PredictiveError(
      "The history has no header row starting Date, Account: export the Health History sheet with its header row (Date, Account, Score, Band, …).",
    );
  if (lacking.length > 0)
    throw new PredictiveError(
      `The history has no ${lacking.map((h) => `"${h}"`).join(", ")} column: export the Health History sheet with its header row (Date, Account, Score, Band, …).`,
    );
  // The snapshots: rows with a date and an account, and the grid rows they come from.
  const read = readHistoryRows(grid, options.timeZone, layout);
  const snapshots: Snapshot[] = [];
  const kept: (readonly CellValue[])[] = [];
  read.forEach((s, i) => {
    if (!s) return;
    snapshots.push(s);
    kept.push(grid[i] as readonly CellValue[]);
  });
  const points = snapshots.map(
    (s): HistoryPoint => ({ account: s.account, date: s.date, score: s.score, band: s.band }),
  );
  const fingerprints = [...new Set(snapshots.map((s) => s.rubric).filter((f) => f !== ""))].sort();
  const dayOf = zoneDay(options.timeZone);
  const churn = churnDates(
    headers.map(textOf),
    kept,
    points,
    (cell) => isoDateOf(cell, dayOf),
    options.churnDates,
  );
  const rubric = options.rubric;
  const rescored = rubric ? rescore(rubric, snapshots, options.timeZone) : undefined;
  const used = rescored && typeof rescored !== "string" ? rescored : undefined;
  const bands = rubric ? [...rubric.bands.map((b) => b.label)] : bandsByScore(points);
  const metrics = rubric?.metrics.map((m) => ({ id: m.id, label: m.label }));
  const result = predictiveCalibration(used?.points ?? points, churn.dates, {
    ...options,
    bands,
    ...(used ? { metrics, rescore: used.rescore } : {}),
  });
  const dates = result.dates;
  const why = `Predictive: ${dates.count} snapshot dates from ${dates.first} to ${dates.last} and churn dates from ${churn.from}, so each snapshot's score is checked against churn in the ${result.horizon} days after it, not against churn that had already happened.`;
  return {
    ...result,
    scores: used ? "rescored" : "recorded",
    ...(rubric ? { rubric: rubric.name } : {}),
    fingerprints,
    churn_from: churn.from,
    why,
    ...(typeof rescored === "string" ? { rescore_note: rescored } : {}),
    ...(used
      ? {}
      : {
          fit_note: rubric
            ? "No suggested weights: they are refitted on snapshots rescored under the rubric."
            : "No suggested weights without a rubric: give the rubric to rescore each snapshot from the values it kept and refit its weights.",
        }),
    ...(used && rubric
      ? {
          current_weights: Object.fromEntries(
            rubric.metrics.map((m, j) => [m.id, Math.round((metricShares(rubric)[j] ?? 0) * 1000) / 10]),
          ),
          metrics,
        }
      : {}),
  };
}

/** A date cell (read in the spreadsheet's time zone) or ISO text, as an ISO date; undefined otherwise. */
function isoDateOf(cell: CellValue, dayOf: (d: Date) => number): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : dayToIso(dayOf(cell));
  const t = textOf(cell);
  return isoDay(t) === undefined ? undefined : t;
}

/**
 * Each account's churn date: from a churn date column of the history (the earliest date an
 * account's rows give), else from a Churned column (the first snapshot where it reads TRUE: the
 * churn is dated at the snapshot that first shows it, at most one snapshot interval late), else
 * from the dates given.
 */
function churnDates(
  names: readonly string[],
  rows: readonly (readonly CellValue[])[],
  points: readonly HistoryPoint[],
  isoOf: (cell: CellValue) => string | undefined,
  given: HistoryCalibrationOptions["churnDates"],
): { dates: Map<string, string>; from: string } {
  const dates = new Map<string, string>();
  const earliest = (account: string, d: string) => {
    const key = account.trim().toLowerCase();
    const seen = dates.get(key);
    // Stryker disable next-line EqualityOperator: d <= seen only sets the same date again
    if (seen === undefined || d < seen) dates.set(key, d);
  };
  // The names are trimmed cell text (textOf); both patterns ignore case.
  const dateAt = names.findIndex((n) => CHURN_DATE.test(n));
  // Stryker disable next-line EqualityOperator: column 0 is the history's Date, never a churn date
  if (dateAt >= 0) {
    rows.forEach((row, i) => {
      const d = isoOf(row[dateAt] as CellValue);
      if (d !== undefined) earliest((points[i] as HistoryPoint).account, d);
    });
    return { dates, from: `the history's "${names[dateAt]}" column` };
  }
  // None of the history's own columns (Date, Account, Score, …) mentions churn.
  const flagAt = names.findIndex((n) => /churn/i.test(n));
  // Stryker disable next-line EqualityOperator: column 0 is the history's Date, one of its own columns
  if (flagAt >= 0) {
    const positive = outcomePositive(names[flagAt] as string);
    rows.forEach((row, i) => {
      if (readOutcome(row[flagAt] as CellValue, positive) === true) {
        const p = points[i] as HistoryPoint;
        earliest(p.account, p.date);
      }
    });
    return {
      dates,
      from: `the history's "${names[flagAt]}" column turning TRUE (dated at the first snapshot that shows it)`,
    };
  }
  if (given) {
    for (const [account, d] of given.dates) earliest(account, d);
    return { dates, from: given.from };
  }
  // Stryker disable next-line StringLiteral: never shown: with no churn dates predictiveCalibration throws first
  return { dates, from: "nowhere" };
}

/** Band labels ordered by their mean recorded score, lowest first (No data left out): without a rubric. */
function bandsByScore(points: readonly HistoryPoint[]): string[] {
  const sums = new Map<string, [number, number]>();
  for (const p of points) {
    if (p.score === null || p.band === "" || p.band === NO_DATA) continue;
    const s = sums.get(p.band) ?? [0, 0];
    sums.set(p.band, [s[0] + p.score, s[1] + 1]);
  }
  return [...sums].sort((a, b) => a[1][0] / a[1][1] - b[1][0] / b[1][1]).map(([label]) => label);
}

/**
 * Every snapshot scored under `rubric` from the values it kept (Values), as of its own date, with
 * each top-level metric's own score; or a sentence saying why the history cannot be rescored under
 * it. A snapshot without kept values (taken before values were kept) has no score.
 */
function rescore(
  rubric: Rubric,
  snapshots: readonly Snapshot[],
  timeZone: string,
):
  | {
      points: HistoryPoint[];
      rescore: (weights: readonly number[], indexes: readonly number[]) => (number | null)[];
    }
  | string {
  // A kept value is left out when its cell was blank, so a column counts as kept when any snapshot has it.
  const kept = new Set(
    snapshots.flatMap((s) => Object.keys(s.values ?? {}).map((k) => k.trim().toLowerCase())),
  );
  const lacking = [...new Set(columnsRead(valuesRubric(rubric)).map((c) => c.column))].filter(
    (c) => !kept.has(c.trim().toLowerCase()),
  );
  if (lacking.length > 0) {
    const some = lacking.slice(0, 3).map((c) => `"${c}"`);
    return `Scores as recorded: the snapshots' kept values never hold ${some.join(", ")}${lacking.length > 3 ? ` and ${lacking.length - 3} more` : ""} that "${rubric.name}" reads, so the history cannot be rescored under it.`;
  }
  const scored = scoreValues(rubric, snapshots, timeZone);
  const features = scoreValues(featureRubric(rubric), snapshots, timeZone);
  const index = new Map(rubric.metrics.map((m, j) => [m.id, j]));
  const points = snapshots.map((s, i): HistoryPoint => {
    const f = rubric.metrics.map(() => Number.NaN);
    for (const d of features[i]?.drivers ?? []) {
      const j = index.get(d.id);
      if (j !== undefined && d.value !== null) f[j] = d.score;
    }
    const r = scored[i];
    return { account: s.account, date: s.date, score: r?.score ?? null, band: r?.band ?? "", features: f };
  });
  return {
    points,
    rescore: (weights, indexes) => {
      const wanted = new Set(indexes);
      const results = scoreValues(
        withWeights(rubric, weights),
        snapshots.map((s, i) => (wanted.has(i) ? s : undefined)),
        timeZone,
      );
      return indexes.map((i) => results[i]?.score ?? null);
    },
  };
}

/**
 * Churn dates from a data table (the data sheet): its churn date column ("Churn date", "Churned
 * on"…) by account, from the account column `accountAt`; undefined when it has no such column.
 */
export function readChurnDates(
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  accountAt: number,
  timeZone: string,
): { dates: Map<string, string>; from: string } | undefined {
  const at = headers.findIndex((h) => CHURN_DATE.test(headerKey(h)));
  if (at < 0) return undefined;
  const dayOf = zoneDay(timeZone);
  const dates = new Map<string, string>();
  for (const row of rows) {
    const d = isoDateOf(row[at] as CellValue, dayOf);
    const account = textOf(row[accountAt]).toLowerCase();
    if (d !== undefined && account !== "") dates.set(account, d);
  }
  return { dates, from: `the data's "${textOf(headers[at])}" column` };
}

/** The predictive check in a few sentences, for the sidebar and the Health Calibration sheet. */
export function predictiveSentences(c: HistoryCalibration): string[] {
  const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);
  const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));
  const lowest = c.bands[0]?.label ?? "the lowest band";
  const out = [
    c.why,
    `AUC ${f(c.auc)} (95% interval ${f(c.auc_ci[0])}–${f(c.auc_ci[1])}, resampling whole accounts) for churn within ${c.horizon} days, over ${c.snapshots.churned + c.snapshots.retained} snapshots of ${c.accounts} accounts; ${c.snapshots.censored} snapshots whose ${c.horizon} days run past ${c.known_until} are left out, not counted as staying.`,
    `Lead time: of the accounts that churned, ${c.lead_time.map((l) => `${pct(l.share)} were in ${lowest} ${l.days} days before`).join(", ")}.`,
  ];
  if (c.warning) out.push(c.warning);
  if (c.rescore_note) out.push(c.rescore_note);
  const t = c.time_split;
  if (t)
    out.push(
      `Weights refitted on the snapshots before ${t.split}: AUC ${f(t.suggested.fit_auc)} on them and ${f(t.suggested.holdout_auc)} on the later ones, against ${f(t.current.fit_auc)} and ${f(t.current.holdout_auc)} for the current weights.`,
      t.text,
    );
  else if (c.fit_note) out.push(c.fit_note);
  return out;
}
