/**
 * Check rubric against churn: the core's calibration of the scores against an outcome column,
 * written to the Health Calibration sheet as readable tables with a chart of churn per band.
 */
import {
  CALIBRATION_SHEET,
  type Calibration,
  CalibrationError,
  type CellValue,
  calibrate,
  calibrationVerdict,
  guessOutcomeColumn,
} from "../core";
import { askForColumn } from "./columnDialog";
import { AddonError, dataSheetFor, readDataLayout } from "./dataSheet";
import { writeGrid } from "./grid";
import { currentRubric } from "./rescore";
import { setAsOfToday } from "./rubricSheet";
import { activeSpreadsheet, timeZoneOf } from "./spreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Calibrates the rubric against `outcomeColumn` and writes the report sheet. */
export function checkCalibration(outcomeColumn: string): Calibration {
  const ss = activeSpreadsheet();
  const settings = currentRubric(ss);
  const layout = readDataLayout(dataSheetFor(ss, settings.dataSheet), settings.rubric);
  let result: Calibration;
  try {
    result = calibrate(settings.rubric, layout.headers, layout.rows, {
      outcomeColumn,
      asOf: setAsOfToday(ss),
      timeZone: timeZoneOf(ss),
    });
  } catch (e) {
    if (e instanceof CalibrationError) throw new AddonError(e.message);
    throw e;
  }
  writeReport(ss, result, layout.sheet.getName());
  ss.toast(
    `${calibrationVerdict(result)} AUC ${result.auc.toFixed(2)} (95% interval ${result.auc_ci[0].toFixed(2)}–${result.auc_ci[1].toFixed(2)}) on ${result.n} accounts, ${result.churned} churned. See the ${CALIBRATION_SHEET} sheet.`,
    "Health Score",
    10,
  );
  return result;
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

const round = (n: number | null | undefined, digits = 3) =>
  n === null || n === undefined || !Number.isFinite(n) ? "" : Number(n.toFixed(digits));

/** The row (1-based) of the Accounts / Churned / Churn rate line; its churn rate is in column 6. */
const COUNTS_ROW = 4;

/** The report as rows of cells, and where the churn-per-band table sits (for the chart and formats). */
function reportGrid(c: Calibration, dataSheet: string): { grid: CellValue[][]; bandRows: [number, number] } {
  const rows: CellValue[][] = [];
  const add = (...cells: CellValue[]) => rows.push(cells);
  add(CALIBRATION_SHEET);
  add(calibrationVerdict(c));
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
  // A suggested threshold equal to today's is no change: its cell stays empty (the core keeps
  // today's threshold when the suggestion moves it by less than a point).
  const cuts = c.suggested.thresholds;
  const moved = c.bands.map((b, i) => {
    const cut = i > 0 && cuts ? cuts[i - 1] : undefined;
    return cut !== undefined && cut !== b.from ? cut : "";
  });
  c.bands.forEach((b, i) => {
    add(b.label, b.from ?? "", b.accounts, b.churned, round(b.churn_rate), moved[i] ?? "");
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
  return { grid, bandRows: [bandsStart + 1, bandsEnd] };
}

function writeReport(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, c: Calibration, dataSheet: string): Sheet {
  const active = ss.getActiveSheet();
  const sheet = ss.getSheetByName(CALIBRATION_SHEET) ?? ss.insertSheet(CALIBRATION_SHEET);
  active.activate();
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const { grid, bandRows } = reportGrid(c, dataSheet);
  if (grid.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  writeGrid(sheet, 1, 1, grid);
  sheet.getRange(1, 1, 2, 1).setFontWeight("bold");
  const [first, last] = bandRows;
  // Churn rates are fractions (0.12), shown as percentages (12.0%) like everywhere else.
  sheet.getRangeList([`F${COUNTS_ROW}`, `E${first + 1}:E${last}`]).setNumberFormat("0.0%");
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
