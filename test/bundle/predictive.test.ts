/** Check rubric against churn with a Health History: the predictive check, through the built bundle. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  calibrateHistory,
  parseRubric,
  predictiveSentences,
  rubricToGrid,
} from "../../src/core";
import { customers, open, pickColumn } from "./helpers";

const HISTORY = customers("examples/history.csv");
const fiveDimensions = parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));
const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

describe("Check rubric against churn with a Health History", () => {
  it("tests each snapshot's score against churn in the 90 days after it, and says so first", () => {
    const { emu, addon } = open(
      { Customers: customers(), "Health History": HISTORY, "Health Rubric": rubricToGrid(fiveDimensions) },
      "Customers",
    );
    addon.clickMenuItem("Check rubric against churn");
    pickColumn({ emu, addon }, "Churned");

    const [headers, ...rows] = HISTORY as CellValue[][];
    const expected = calibrateHistory(headers as CellValue[], rows, {
      timeZone: "Europe/London",
      rubric: fiveDimensions,
    });
    expect(expected.scores).toBe("rescored");
    const report = emu.sheetValues("Health Calibration");
    const sentences = predictiveSentences(expected);
    expect(report.slice(1, 1 + sentences.length).map((r) => r[0])).toEqual(sentences);
    expect(sentences[0]).toMatch(
      /^Predictive: 27 snapshot dates from 2026-05-28 to 2026-11-26 and churn dates from the history's "Churn date" column/,
    );
    const lead = report.findIndex((r) => r[0] === "Lead time");
    expect(report.slice(lead + 1, lead + 4).map((r) => r.slice(0, 4))).toEqual(
      expected.lead_time.map((l) => [`${l.days} days before`, l.churned, l.in_lowest, l.share]),
    );
    // The fit and holdout AUCs of the time-ordered split, side by side.
    const split = report.find((r) => String(r[0]).startsWith("AUC (fit before")) as unknown[];
    expect(split.slice(0, 3)).toEqual([`AUC (fit before ${expected.time_split?.split})`, "Fit", "Holdout"]);
    // The hindsight check follows, as before, with its own chart.
    expect(report.some((r) => r[0] === "Hindsight check: today's scores against today's churn column")).toBe(
      true,
    );
    expect(emu.spreadsheet.getSheetByName("Health Calibration")?.getCharts()).toHaveLength(1);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /^Predictive AUC 0\.\d\d \(95% interval 0\.\d\d–0\.\d\d\) for churn within 90 days of 27 snapshots/,
    );
  });

  it("checks the recorded scores when the rubric in use reads what the snapshots did not keep, and says so", () => {
    const { emu, addon } = open({ Customers: customers(), "Health History": HISTORY }, "Customers");
    addon.clickMenuItem("Check rubric against churn");
    pickColumn({ emu, addon }, "Churned");
    const [headers, ...rows] = HISTORY as CellValue[][];
    const expected = calibrateHistory(headers as CellValue[], rows, {
      timeZone: "Europe/London",
      rubric: starter,
    });
    // The starter rubric reads NPS and logins, which five-dimensions' snapshots did not keep.
    expect(expected.scores).toBe("recorded");
    const report = emu.sheetValues("Health Calibration").map((r) => r[0]);
    expect(report).toContain(expected.rescore_note);
    expect(expected.rescore_note).toMatch(/^Scores as recorded: the snapshots' kept values never hold "NPS"/);
    expect(report).toContain(
      `AUC ${expected.auc.toFixed(3)} (95% interval ${expected.auc_ci[0].toFixed(3)}–${expected.auc_ci[1].toFixed(3)}, resampling whole accounts) for churn within 90 days, over ${expected.snapshots.churned + expected.snapshots.retained} snapshots of 200 accounts; ${expected.snapshots.censored} snapshots whose 90 days run past 2026-11-26 are left out, not counted as staying.`,
    );
  });

  it("falls back to hindsight, saying why, when the history is shorter than the horizon", () => {
    const short = HISTORY.filter((r, i) => i === 0 || (r[0] as Date).toISOString() >= "2026-11-12");
    const { emu, addon } = open({ Customers: customers(), "Health History": short }, "Customers");
    addon.clickMenuItem("Check rubric against churn");
    pickColumn({ emu, addon }, "Churned");
    // The hindsight verdict stays under the title; the next line says why it is not predictive.
    const first = emu.sheetValues("Health Calibration")[2]?.[0];
    expect(first).toMatch(
      /^Hindsight: today's scores against today's churn column, which flatters the score/,
    );
    expect(first).toContain(
      "The Health History is not enough yet: the history spans 14 days, less than the 90-day horizon",
    );
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/in hindsight\. See the Health Calibration sheet\.$/);
  });

  it("says that there is no history yet", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Check rubric against churn");
    pickColumn({ emu, addon }, "Churned");
    expect(emu.sheetValues("Health Calibration")[2]?.[0]).toContain(
      "There is no Health History yet: once weekly snapshots span 90 days",
    );
  });
});
