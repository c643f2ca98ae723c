/**
 * Check rubric against churn: the core's calibration of the scores against an outcome column,
 * written to the Health Calibration sheet as readable tables with a chart of churn per band.
 * When the Health History sheet has enough snapshots (and churn dates: its own Churn date or
 * Churned column, or the data's churn date column), the predictive check comes first: each
 * snapshot's score against churn in the 90 days after it. The sheet says which mode and why.
 */
import {
  CALIBRATION_SHEET,
  type Calibration,
  type CellValue,
  calibrate,
  calibrateHistory,
  calibrationVerdict,
  guessOutcomeColumn,
  HISTORY_SHEET,
  type HistoryCalibration,
  PredictiveError,
  predictiveSentences,
  type Rubric,
  readChurnDates,
} from "../core";
import { askForColumn } from "./columnDialog";
import { dataSheetFor, readDataLayout } from "./dataSheet";
import { writeGrid } from "./grid";
import { accountColumn, currentRubric } from "./rescore";
import { setAsOfToday } from "./rubricSheet";
import { activeSpreadsheet, timeZoneOf } from "./spreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataLayout = ReturnType<typeof readDataLayout>;

/** What the check did: the predictive check when the history allows it, and why (or why not), in sentences. */
export interface PredictiveSummary {
  mode: "predictive" | "hindsight";
  sentences: string[];
}

/**
 * The predictive check on the Health History sheet, when it can be made; else the sentence that
 * says why the check falls back to hindsight.
 */
function predictiveCheck(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rubric: Rubric,
  layout: DataLayout,
  accountKey: string | undefined,
): { result?: HistoryCalibration; summary: PredictiveSummary } {
  const history = ss.getSheetByName(HISTORY_SHEET);
  const hindsight = (why: string) => ({
    summary: {
      mode: "hindsight" as const,
      sentences: [
        `Hindsight: today's scores against today's churn column, which flatters the score (accounts that left have stopped using the product). ${why}`,
      ],
    },
  });
  if (!history || history.getLastRow() < 2)
    return hindsight(
      `There is no ${HISTORY_SHEET} yet: once weekly snapshots span 90 days, the check tests each snapshot's score against churn in the 90 days after it.`,
    );
  // At least two rows (getLastRow() ≥ 2): the header row and a snapshot.
  const [headers, ...rows] = history.getDataRange().getValues() as [CellValue[], ...CellValue[][]];
  const timeZone = timeZoneOf(ss);
  const churnDates = readChurnDates(layout.headers, layout.rows, accountColumn(layout, accountKey), timeZone);
  try {
    const result = calibrateHistory(headers, rows, {
      timeZone,
      rubric,
      ...(churnDates ? { churnDates } : {}),
    });
    return { result, summary: { mode: "predictive", sentences: predictiveSentences(result) } };
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: calibrateHistory throws only PredictiveError; anything else is a bug, which stops the check either way
    if (e instanceof PredictiveError)
      return hindsight(
        `The ${HISTORY_SHEET} is not enough yet: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`,
      );
    throw e;
  }
}

/**
 * Calibrates the rubric against `outcomeColumn` and writes the report
 * sheet, with the predictive check on the history first when there is enough of it.
 */
export function checkCalibration(outcomeColumn: string): Calibration & { predictive: PredictiveSummary } {
  const ss = activeSpreadsheet();
  const settings = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, settings.dataSheet), settings.rubric);
  // A CalibrationError (no such column, no outcomes) needs no translating: the column dialog and
  // the sidebar, the only callers, show the message of whatever the server throws.
  const result = calibrate(settings.rubric, layout.headers, layout.rows, {
    outcomeColumn,
    asOf: setAsOfToday(ss),
    timeZone: timeZoneOf(ss),
  });
  const predictive = predictiveCheck(ss, settings.rubric, layout, settings.accountKey);
  writeReport(ss, result, layout.sheet.getName(), predictive);
  const p = predictive.result;
  ss.toast(
    p
      ? `Predictive AUC ${p.auc.toFixed(2)} (95% interval ${p.auc_ci[0].toFixed(2)}–${p.auc_ci[1].toFixed(2)}) for churn within ${p.horizon} days of ${p.dates.count} snapshots. See the ${CALIBRATION_SHEET} sheet.`
      : `${calibrationVerdict(result)} AUC ${result.auc.toFixed(2)} (95% interval ${result.auc_ci[0].toFixed(2)}–${result.auc_ci[1].toFixed(2)}) on ${result.n} accounts, ${result.churned} churned, in hindsight. See the ${CALIBRATION_SHEET} sheet.`,
    "Health Score",
    10,
  );
  return { ...result, predictive: predictive.summary };
}

/**
 * The menu's Check rubric against churn: asks which column says who churned, in a dialog listing
 * the data's columns with the one whose name says churn or renewal selected; the answer comes
 * back to checkCalibration.
 */
export function askCalibrationColumn(): void {
  const ss = activeSpreadsheet();
  const settings = currentRubric(ss);
  const { headers } = readDataLayout(dataSheetFor(ss, settings.dataSheet), settings.rubric);
  askForColumn({
    purpose: "calibration",
    title: "Which column says who churned?",
    help: 'A column of TRUE/FALSE (or yes/no): "Churned" (TRUE = left) or "Renewed" (TRUE = stayed). The scores are checked against it on the Health Calibration sheet.',
    headers,
    selected: guessOutcomeColumn(headers),
  });
}

/** A number rounded for its cell; an empty cell for none (null, undefined, NaN). */
const round = (n: number | null | undefined, digits = 3) =>
  Number.isFinite(n) ? Number((n as number).toFixed(digits)) : "";

/**
 * The report as rows of cells: the predictive check first when there is one, then the hindsight
 * check; where the churn-per-band table and the Accounts line (churn rate in column 6) sit.
 */
function reportGrid(
  c: Calibration,
  dataSheet: string,
  predictive: ReturnType<typeof predictiveCheck>,
): { grid: CellValue[][]; bandRows: [number, number]; countsRow: number } {
  const rows: CellValue[][] = [];
  const add = (...cells: CellValue[]) => rows.push(cells);
  add(CALIBRATION_SHEET);
  if (predictive.result) rows.push(...predictiveRows(predictive.result));
  add(calibrationVerdict(c));
  if (!predictive.result) rows.push(...predictive.summary.sentences.map((t) => [t]));
  add("Rubric", c.rubric, "Data", dataSheet, "Outcome", `${c.outcome.column} (TRUE = ${c.outcome.positive})`);
  const countsRow = rows.length + 1;
  add("Accounts", c.n, "Churned", c.churned, "Churn rate", round(c.churn_rate));
  if (c.warning) add(c.warning);
  if (c.outcome_warning) add(c.outcome_warning);
  add();
  add("How well the score ranks churn", "", "", "", "", "");
  add("AUC", round(c.auc), "95% interval", `${round(c.auc_ci[0])}–${round(c.auc_ci[1])}`, "", "");
  add(
    "Cross-validated AUC",
    "current",
    round(c.current.cv_auc),
    "suggested weights",
    round(c.suggested.cv_auc),
    "",
  );
  add(c.verdict.text);
  add("AUC: how often a retained account outscores a churned one (0.5 is chance, 1 is perfect).");
  add();
  add("Churn by band", "", "", "", "", "");
  const bandsStart = rows.length;
  add("Band", "From", "Accounts", "Churned", "Churn rate", "Suggested from");
  // A suggested threshold equal to today's is no change: its cell stays empty (the core keeps
  // today's threshold when the suggestion moves it by less than a point).
  // The lowest band, segment-only bands and No data have no threshold (their `from` is undefined).
  const cuts = c.suggested.thresholds;
  const moved = c.bands.map((b, i) => {
    const cut = cuts?.[i - 1] ?? b.from;
    return cut === b.from ? "" : cut;
  });
  c.bands.forEach((b, i) => {
    add(b.label, b.from ?? "", b.accounts, b.churned, round(b.churn_rate), moved[i]);
  });
  const bandsEnd = rows.length;
  if (cuts && moved.every((m) => m === ""))
    add("The suggested thresholds are within a point of today's: keep them.");
  if (c.monotonic_warning) add(c.monotonic_warning);
  add();
  add("Metrics", "", "", "", "", "");
  add("Metric", "Accounts", "AUC", "The data says", "The rubric says", "Disagrees");
  for (const m of c.metrics) {
    add(
      m.label,
      m.accounts,
      round(m.auc),
      m.direction,
      m.rubric_direction,
      m.disagrees ? (m.significant ? "yes" : "yes (could be noise)") : "",
    );
  }
  add();
  add("Weights (share of the score, %)", "", "", "", "", "");
  add("Metric", "Current", "Suggested", "", "", "");
  for (const m of c.metrics)
    add(m.label, round(c.current.weights[m.id], 1), round(c.suggested.weights[m.id], 1), "", "", "");
  if (c.note) add(c.note);
  const width = 6;
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  return { grid, bandRows: [bandsStart + 1, bandsEnd], countsRow };
}

/** The predictive check's sentences and tables, then the hindsight check's heading. */
function predictiveRows(p: HistoryCalibration): CellValue[][] {
  const rows: CellValue[][] = predictiveSentences(p).map((s) => [s]);
  {
    // Stryker disable next-line OptionalChaining,StringLiteral: a check with a result has a snapshot with an outcome, so a band
    const lowest = p.bands[0]?.label ?? "";
    rows.push(
      [],
      [`Churn within ${p.horizon} days by band`, "Snapshots", "Churned", "Churn rate"],
      ...p.bands.map((b) => [b.label, b.snapshots, b.churned, round(b.churn_rate)]),
      [],
      ["Lead time", "Churned accounts", `In ${lowest}`, "Share"],
      ...p.lead_time.map((l) => [`${l.days} days before`, l.churned, l.in_lowest, round(l.share)]),
    );
    const t = p.time_split;
    if (t)
      rows.push(
        [],
        [`AUC (fit before ${t.split})`, "Fit", "Holdout", "Suggested share %"],
        ["Current weights", round(t.current.fit_auc), round(t.current.holdout_auc)],
        ["Suggested weights", round(t.suggested.fit_auc), round(t.suggested.holdout_auc)],
        // Stryker disable next-line ArrayDeclaration: a time split needs rescored snapshots, and those come with the rubric's metrics
        ...(p.metrics ?? []).map((m) => [m.label, "", "", round(t.weights[m.id], 1)]),
      );
  }
  rows.push([], ["Hindsight check: today's scores against today's churn column"]);
  return rows;
}

function writeReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  c: Calibration,
  dataSheet: string,
  predictive: ReturnType<typeof predictiveCheck>,
): Sheet {
  const active = ss.getActiveSheet();
  const sheet = ss.getSheetByName(CALIBRATION_SHEET) ?? ss.insertSheet(CALIBRATION_SHEET);
  active.activate();
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const { grid, bandRows, countsRow } = reportGrid(c, dataSheet, predictive);
  if (grid.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  writeGrid(sheet, 1, 1, grid);
  sheet.getRange(1, 1, 2, 1).setFontWeight("bold");
  const [first, last] = bandRows;
  // Churn rates are fractions (0.12), shown as percentages (12.0%) like everywhere else.
  // Stryker disable next-line ArithmeticOperator: first - 1 adds the title and header rows, whose E cells (blank, text) show the same in any number format
  sheet.getRangeList([`F${countsRow}`, `E${first + 1}:E${last}`]).setNumberFormat("0.0%");
  // The chart: churn rate per band, from the Band and Churn rate columns of the table above.
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(first, 1, last - first + 1, 1))
    .addRange(sheet.getRange(first, 5, last - first + 1, 1))
    .setNumHeaders(1)
    .setPosition(2, 8, 0, 0)
    .setOption("title", "Churn rate by band")
    .setOption("legend", { position: "none" })
    .build();
  sheet.insertChart(chart);
  return sheet;
}
