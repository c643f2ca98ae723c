/**
 * `healthscore calibrate --history history.csv`: the predictive check on a Health History export:
 * the score at each snapshot against churn in the `--horizon` days after it, as a report or JSON.
 */
import {
  ColumnError,
  calibrateHistory,
  DEFAULT_HORIZON,
  describeAuc,
  type HistoryCalibration,
  PredictiveError,
  parseRubric,
  type Rubric,
} from "../src/core";
import { openCsv } from "./csv";
import { CliError, requireRubric } from "./io";
import { grid } from "./table";

export interface HistoryArgs {
  history: string;
  rubric?: string;
  horizon?: string;
  timeZone: string;
  format: "table" | "json";
  encoding?: string;
}

/**
 * A rubric that reads the history's own columns, only for finding its header row and separator
 * (the CSV reader looks for the row that names the columns a rubric reads).
 */
const HISTORY_COLUMNS = parseRubric({
  version: 1,
  name: "Health History columns",
  bands: [{ label: "-" }],
  metrics: ["Date", "Account", "Score", "Band"].map((column) => ({
    id: column.toLowerCase(),
    column,
    input: "text",
    score: { type: "map", values: { "-": 0 } },
  })),
});

/** Reads the history export and runs the predictive check on it. */
export async function runHistoryCalibration(args: HistoryArgs): Promise<string> {
  const horizon = args.horizon === undefined ? DEFAULT_HORIZON : Number(args.horizon);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new CliError(
      `--horizon must be a whole number of days above 0, such as 90, not "${args.horizon}".`,
      2,
    );
  const rubric: Rubric | undefined = args.rubric ? requireRubric(args.rubric) : undefined;
  const table = await openCsv(args.history, { rubric: HISTORY_COLUMNS, encoding: args.encoding });
  // Every row, blank ones too: the core reads a snapshot from each row with a date and an account.
  const rows: string[][] = [];
  for await (const batch of table.batches) for (const row of batch) rows.push(row);
  let result: HistoryCalibration;
  try {
    result = calibrateHistory(table.headers, rows, { horizon, timeZone: args.timeZone, rubric });
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: equivalent, calibrateHistory throws no other error
    if (e instanceof PredictiveError || e instanceof ColumnError)
      throw new CliError(`${args.history}: ${e.message}`);
    throw e;
  }
  return args.format === "json" ? JSON.stringify(result, null, 2) : historyReport(result);
}

const percent = (x: number | null) => (x === null ? "" : `${(x * 100).toFixed(1)}%`);
const fixed3 = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));

/** The predictive report, as the terminal shows it. */
export function historyReport(c: HistoryCalibration): string {
  const h = c.horizon;
  const whose =
    c.scores === "rescored"
      ? `"${c.rubric}", rescored from the values each snapshot kept`
      : `the scores as recorded (rubric ${c.fingerprints.join(", ") || "unknown"})`;
  const out: string[] = [`Predictive calibration of ${whose}: churn within ${h} days of each snapshot`];
  out.push(c.why);
  if (c.rescore_note) out.push(c.rescore_note);
  if (c.scores === "recorded" && c.fingerprints.length > 1)
    out.push(
      `Warning: the scores come from ${c.fingerprints.length} rubrics; give --rubric to rescore every snapshot under one.`,
    );
  const s = c.snapshots;
  out.push(
    `${s.total} snapshots of ${c.accounts} accounts: ${s.churned} followed by churn within ${h} days, ${s.retained} not; left out: ${s.censored} censored (their ${h} days run past ${c.known_until} with no churn yet), ${s["after churn"]} on or after the account's churn${s.no_score > 0 ? `, ${s.no_score} with no score` : ""}.`,
  );
  out.push(
    `${c.churned_accounts} accounts churned; ${c.warned_accounts} of them have a snapshot in the ${h} days before.`,
  );
  if (c.warning) out.push(`Warning: ${c.warning}`);
  out.push(
    "",
    `AUC ${fixed3(c.auc)} (95% CI ${fixed3(c.auc_ci[0])}–${fixed3(c.auc_ci[1])}, ${c.interval}), ${describeAuc(c.auc)}: a snapshot not followed by churn outscores one followed by churn ${Math.round(c.auc * 100)}% of the time (50% is chance).`,
  );
  out.push(
    "",
    `Churn within ${h} days by band at the snapshot (it should fall from the lowest band to the highest)`,
  );
  out.push(
    ...grid(
      [
        ["Band", "Snapshots", "Churned", "Churn rate"],
        ...c.bands.map((b) => [b.label, String(b.snapshots), String(b.churned), percent(b.churn_rate)]),
      ],
      "lrrr",
    ),
  );
  out.push(
    c.monotonic
      ? "  Churn falls from band to band: the bands order risk."
      : "  ! Churn does not fall from band to band.",
  );
  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent, a report has scored snapshots, so a band
  const lowest = c.bands[0]?.label ?? "the lowest band";
  out.push("", `Lead time: churned accounts already in ${lowest} before they churned`);
  out.push(
    ...grid(
      [
        ["At least", "Churned accounts", `In ${lowest}`, "Share"],
        ...c.lead_time.map((l) => [
          `${l.days} days before`,
          String(l.churned),
          String(l.in_lowest),
          percent(l.share),
        ]),
      ],
      "lrrr",
    ),
  );
  out.push(
    "  (each account's latest snapshot at least that long before its churn date; accounts without one are left out)",
  );
  const t = c.time_split;
  if (!t) {
    out.push("", c.fit_note ?? "");
    return out.join("\n");
  }
  out.push(
    "",
    `Suggested weights, time-ordered: fitted on ${t.fit.snapshots} snapshots from ${t.fit.from} to ${t.fit.to} (churn as known on ${t.split}), tested on ${t.holdout.snapshots} from ${t.holdout.from} to ${t.holdout.to}`,
  );
  out.push(
    ...grid(
      [
        ["Metric", "Current", "Suggested"],
        ...(c.metrics ?? []).map((m) => [
          m.label,
          `${(c.current_weights?.[m.id] ?? 0).toFixed(1)}%`,
          `${(t.weights[m.id] ?? 0).toFixed(1)}%`,
        ]),
      ],
      "lrr",
    ),
  );
  out.push(
    ...grid(
      [
        ["AUC", "Fit (earlier)", "Holdout (later)"],
        ["Current weights", fixed3(t.current.fit_auc), fixed3(t.current.holdout_auc)],
        ["Suggested weights", fixed3(t.suggested.fit_auc), fixed3(t.suggested.holdout_auc)],
      ],
      "lrr",
    ),
  );
  out.push(`  ${t.text}`);
  return out.join("\n");
}
