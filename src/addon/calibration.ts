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
  CalibrationError,
  type CellValue,
  calibrate,
  calibrateHistory,
  guessOutcomeColumn,
  HISTORY_SHEET,
  type HistoryCalibration,
  headerKey,
  PredictiveError,
  predictiveSentences,
  type Rubric,
  readChurnDates,
} from "../core";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
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
  const [headers = [], ...rows] = history.getDataRange().getValues() as CellValue[][];
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
    if (e instanceof PredictiveError)
      return hindsight(
        `The ${HISTORY_SHEET} is not enough yet: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`,
      );
    throw e;
  }
}

/**
 * Calibrates the rubric against `outcomeColumn` (asked for when not given) and writes the report
 * sheet, with the predictive check on the history first when there is enough of it.
 */
export function checkCalibration(outcomeColumn?: string): Calibration & { predictive: PredictiveSummary } {
  const ss = activeSpreadsheet();
  const settings = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, settings.dataSheet), settings.rubric);
  const column = outcomeColumn ?? askOutcomeColumn(layout.headers);
  let result: Calibration;
  try {
    result = calibrate(settings.rubric, layout.headers, layout.rows, {
      outcomeColumn: column,
      asOf: setAsOfToday(ss),
      timeZone: timeZoneOf(ss),
    });
  } catch (e) {
    if (e instanceof CalibrationError) throw new AddonError(e.message);
    throw e;
  }
  const predictive = predictiveCheck(ss, settings.rubric, layout, settings.accountKey);
  writeReport(ss, result, layout.sheet.getName(), predictive);
  const p = predictive.result;
  ss.toast(
    p
      ? `Predictive AUC ${p.auc.toFixed(2)} (95% interval ${p.auc_ci[0].toFixed(2)}–${p.auc_ci[1].toFixed(2)}) for churn within ${p.horizon} days of ${p.dates.count} snapshots. See the ${CALIBRATION_SHEET} sheet.`
      : `AUC ${result.auc.toFixed(2)} (95% interval ${result.auc_ci[0].toFixed(2)}–${result.auc_ci[1].toFixed(2)}) on ${result.n} accounts, ${result.churned} churned, in hindsight. See the ${CALIBRATION_SHEET} sheet.`,
    "Health Score",
    10,
  );
  return { ...result, predictive: predictive.summary };
}

/** Asks which column holds the outcome, offering the one whose name says churn or renewal. */
function askOutcomeColumn(headers: readonly CellValue[]): string {
  const guess = guessOutcomeColumn(headers);
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    "Health Score: which column says who churned?",
    `A column of TRUE/FALSE (or yes/no): "Churned" (TRUE = left) or "Renewed" (TRUE = stayed).${guess ? ` Leave empty for "${guess}".` : ""}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK)
    throw new AddonError("No calibration made: no outcome column was picked.");
  const typed = answer.getResponseText().trim() || guess || "";
  if (!headers.some((h) => headerKey(h) === typed.toLowerCase())) {
    throw new AddonError(
      `There is no column "${typed}" in the header row: check again and pick the column that says who churned.`,
    );
  }
  return typed;
}

const round = (n: number | null | undefined, digits = 3) =>
  n === null || n === undefined || !Number.isFinite(n) ? "" : Number(n.toFixed(digits));

/** The report as rows of cells, and where the churn-per-band table sits (for the chart and formats). */
function reportGrid(
  c: Calibration,
  dataSheet: string,
  predictive: ReturnType<typeof predictiveCheck>,
): { grid: CellValue[][]; bandRows: [number, number] } {
  const rows: CellValue[][] = [];
  const add = (...cells: CellValue[]) => rows.push(cells);
  add(CALIBRATION_SHEET);
  rows.push(...predictiveRows(predictive));
  add("Rubric", c.rubric, "Data", dataSheet, "Outcome", `${c.outcome.column} (TRUE = ${c.outcome.positive})`);
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
  c.bands.forEach((b, i) => {
    const suggested = i > 0 && c.suggested.thresholds ? c.suggested.thresholds[i - 1] : undefined;
    add(b.label, b.from ?? "", b.accounts, b.churned, round(b.churn_rate), suggested ?? "");
  });
  const bandsEnd = rows.length;
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
  return { grid, bandRows: [bandsStart + 1, bandsEnd] };
}

/** The predictive check's rows (or the sentence saying why there is none), then the hindsight heading. */
function predictiveRows({ result: p, summary }: ReturnType<typeof predictiveCheck>): CellValue[][] {
  const rows: CellValue[][] = summary.sentences.map((s) => [s]);
  if (p) {
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
  const { grid, bandRows } = reportGrid(c, dataSheet, predictive);
  if (grid.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  writeGrid(sheet, 1, 1, grid);
  sheet.getRange(1, 1).setFontWeight("bold");
  const [first, last] = bandRows;
  sheet.getRange(first, 5, last - first + 1, 1).setNumberFormat("0.0%");
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
