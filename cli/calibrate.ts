/** `healthscore calibrate`: checks a rubric against which accounts churned, as a report or JSON. */
import {
  type BandCalibration,
  type Calibration,
  CalibrationError,
  ColumnError,
  calibrate,
  describeAuc,
  isBlankRow,
  type MetricCalibration,
  SourceColumnError,
} from "../src/core";
import { runHistoryCalibration } from "./calibrateHistory";
import { openCsv } from "./csv";
import { asOfOptions, CliError, requireRubric } from "./io";
import { readSources, sourceColumnError } from "./sources";
import { grid } from "./table";

export type CalibrateFormat = "table" | "json";

/** The command line as parsed: positional files and the options, not yet checked. */
export interface CalibrateOptions {
  files: readonly string[];
  rubric?: string;
  outcome?: string;
  format?: string;
  "as-of"?: string;
  "time-zone"?: string;
  encoding?: string;
  source?: string[];
  history?: string;
  horizon?: string;
}

export interface CalibrateArgs {
  data: string;
  rubric: string;
  /** The outcome column's header. */
  outcome: string;
  asOf: string;
  timeZone: string;
  format: CalibrateFormat;
  encoding?: string;
  /** `name=file` for each source the rubric reads. */
  sources: readonly string[];
}

/** Checks the command line, then calibrates. */
export function calibrateCommand(options: CalibrateOptions, usage: string): Promise<string> {
  const { files, rubric, outcome } = options;
  // Stryker disable next-line StringLiteral: equivalent, main's parseArgs defaults --format to table
  const format = options.format ?? "table";
  if (format !== "table" && format !== "json")
    throw new CliError(`--format must be table or json for calibrate, not "${format}".`, 2);
  if (options.history !== undefined) {
    if (files.length > 0 || outcome !== undefined)
      throw new CliError(
        "calibrate --history reads churn from the history itself (a Churn date or Churned column): give no data file and no --outcome.",
        2,
      );
    const { timeZone } = asOfOptions(options);
    const { history, horizon, encoding } = options;
    return runHistoryCalibration({ history, rubric, horizon, timeZone, format, encoding });
  }
  if (options.horizon !== undefined)
    throw new CliError(
      "--horizon goes with --history <history.csv>: the days after each snapshot in which churn counts.",
      2,
    );
  if (files.length !== 1) throw new CliError(`calibrate takes one data file.\n\n${usage}`, 2);
  if (!rubric) throw new CliError(`calibrate needs --rubric <rubric.json>.\n\n${usage}`, 2);
  if (!outcome) throw new CliError("calibrate needs --outcome <column>: the column saying who churned.", 2);
  const { asOf, timeZone } = asOfOptions(options);
  return runCalibration({
    data: files[0] as string,
    rubric,
    outcome,
    asOf,
    timeZone,
    format,
    encoding: options.encoding,
    sources: options.source ?? [],
  });
}

export async function runCalibration(args: CalibrateArgs): Promise<string> {
  const rubric = requireRubric(args.rubric);
  const sources = await readSources(rubric, args.sources, args.encoding);
  const table = await openCsv(args.data, { rubric, encoding: args.encoding });
  const { headers } = table;
  // Calibration needs every row at once; blank rows are not accounts.
  const rows: string[][] = [];
  for await (const batch of table.batches) for (const row of batch) if (!isBlankRow(row)) rows.push(row);
  let result: Calibration;
  try {
    result = calibrate(rubric, headers, rows, {
      outcomeColumn: args.outcome,
      asOf: args.asOf,
      timeZone: args.timeZone,
      sources: sources.tables,
    });
  } catch (e) {
    if (e instanceof SourceColumnError) throw sourceColumnError(e, sources);
    // Stryker disable next-line ConditionalExpression: equivalent, calibrate() throws no other error
    if (e instanceof ColumnError || e instanceof CalibrationError)
      throw new CliError(`${args.data}: ${e.message}`);
    throw e;
  }
  return args.format === "json" ? JSON.stringify(result, null, 2) : report(result, args.asOf);
}

// ---- the report -------------------------------------------------------------------------------

const percent = (x: number | null) => (x === null ? "" : `${(x * 100).toFixed(1)}%`);
const fixed3 = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));

export function report(c: Calibration, asOf: string): string {
  const out: string[] = [];
  const truth = c.outcome.positive === "churned" ? "TRUE = churned" : "TRUE = renewed";
  out.push(`Calibration of "${c.rubric}" against "${c.outcome.column}" (${truth}), as of ${asOf}`);
  out.push(
    "Hindsight: today's scores against today's churn column, which flatters the score (accounts that left have stopped using the product); with a Health History export, --history checks each snapshot's score against churn in the days after it.",
  );
  const left: string[] = [];
  if (c.excluded.no_outcome > 0) left.push(`${c.excluded.no_outcome} without an outcome`);
  if (c.excluded.no_score > 0) left.push(`${c.excluded.no_score} with no score`);
  out.push(
    `${c.n} accounts with an outcome and a score: ${c.churned} churned (${percent(c.churn_rate)}), ${c.retained} retained.${left.length > 0 ? ` Left out: ${left.join(", ")}.` : ""}`,
  );
  if (c.warning) out.push(`Warning: ${c.warning}`);
  if (c.outcome_warning) out.push(`Warning: ${c.outcome_warning}`);
  out.push("");
  out.push(
    `AUC ${fixed3(c.auc)} (95% CI ${fixed3(c.auc_ci[0])}–${fixed3(c.auc_ci[1])}), ${describeAuc(c.auc)}: a retained account outscores a churned one ${Math.round(c.auc * 100)}% of the time (50% is chance).`,
  );

  out.push("", "Churn by band (it should fall from the lowest band to the highest)");
  out.push(...bandTable(c.bands));
  // When churn does not fall, the core's warning names the bands that break the order.
  out.push(
    c.monotonic ? "  Churn falls from band to band: the bands order risk." : `  ! ${c.monotonic_warning}`,
  );

  out.push("", "Metrics (AUC of each metric's own score against churn; 0.5 is chance)");
  out.push(
    ...grid(
      [
        ["Metric", "Accounts", "AUC", "The data says", "The rubric says", ""],
        ...c.metrics.map((m) => [
          m.label,
          String(m.accounts),
          fixed3(m.auc),
          m.direction,
          m.rubric_direction,
          disagreement(m),
        ]),
      ],
      "lrrlll",
    ),
  );

  out.push("", "Weights (share of the score)");
  out.push(
    ...grid(
      [
        ["Metric", "Current", "Suggested"],
        ...c.metrics.map((m) => [
          m.label,
          `${(c.current.weights[m.id] ?? 0).toFixed(1)}%`,
          `${(c.suggested.weights[m.id] ?? 0).toFixed(1)}%`,
        ]),
      ],
      "lrr",
    ),
  );
  if (c.suggested.rubric_weights) {
    const weights = c.metrics.map((m) => `${m.id} ${c.suggested.rubric_weights?.[m.id] ?? 0}`);
    out.push(`  As rubric weights (today's total kept): ${weights.join(", ")}`);
  }
  out.push("", cvLine(c));

  out.push("", "Band thresholds (from)");
  const suggested = c.suggested.bands;
  // Suggested bands come with suggested thresholds, and only then.
  if (suggested) {
    const current = new Map(c.bands.map((b) => [b.label, b]));
    out.push(
      ...grid(
        [
          ["Band", "Current", "Churn rate", "Suggested", "Churn rate"],
          ...suggested.map((b, i) => {
            const now = current.get(b.label);
            return [
              b.label,
              // The first band has no `from`.
              String(c.current.thresholds[i - 1] ?? ""),
              // Stryker disable next-line OptionalChaining: equivalent, the suggested bands are the rubric's top-level ones, each in c.bands
              percent(now?.churn_rate ?? null),
              b.from === undefined ? "" : b.from.toFixed(1),
              percent(b.churn_rate),
            ];
          }),
        ],
        "lrrrr",
      ),
    );
  } else {
    out.push(
      c.current.thresholds.length === 0
        ? "  The rubric has one band: no thresholds to suggest."
        : "  No suggestion: the scores have too few distinct values for this many bands.",
    );
  }
  if (c.note) out.push("", `Note: ${c.note}`);
  return out.join("\n");
}

function bandTable(bands: readonly BandCalibration[]): string[] {
  return grid(
    [
      ["Band", "Accounts", "Churned", "Churn rate"],
      ...bands.map((b) => [b.label, String(b.accounts), String(b.churned), percent(b.churn_rate)]),
    ],
    "lrrr",
  );
}

function disagreement(m: MetricCalibration): string {
  if (!m.disagrees) return "";
  return m.significant ? "! disagrees" : "disagrees (could be noise)";
}

function cvLine(c: Calibration): string {
  const { current, suggested } = c;
  // The verdict is unknown exactly when there were too few accounts for folds (no cross-validated AUC).
  if (c.verdict.better === "unknown")
    return "Cross-validated AUC: not enough churned and retained accounts for folds.";
  const head = `Cross-validated AUC (${c.cv.folds} folds, ${c.cv.aggregate}): current ${fixed3(current.cv_auc)}, suggested ${fixed3(suggested.cv_auc)}.`;
  return `${head}\n  ${c.verdict.text}`;
}
