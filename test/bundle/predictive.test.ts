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

// Each test scores 5,400 snapshots in the emulator (and the core again to compare): room on a loaded machine.
describe("Check rubric against churn with a Health History", { timeout: 60_000 }, () => {
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
    const r3 = (n: number | null | undefined, d = 3) =>
      n === null || n === undefined ? "" : Number(n.toFixed(d));
    expect(report[lead]?.slice(0, 4)).toEqual([
      "Lead time",
      "Churned accounts",
      `In ${expected.bands[0]?.label}`,
      "Share",
    ]);
    const bands = report.findIndex((r) => r[0] === "Churn within 90 days by band");
    expect(report[bands]?.slice(0, 4)).toEqual([
      "Churn within 90 days by band",
      "Snapshots",
      "Churned",
      "Churn rate",
    ]);
    expect(report.slice(bands + 1, bands + 1 + expected.bands.length).map((r) => r.slice(0, 4))).toEqual(
      expected.bands.map((b) => [b.label, b.snapshots, b.churned, r3(b.churn_rate)]),
    );
    // The fit and holdout AUCs of the time-ordered split, side by side, then each metric's suggested share.
    const t = expected.time_split;
    const at = report.findIndex((r) => String(r[0]).startsWith("AUC (fit before"));
    expect(report.slice(at, at + 3).map((r) => r.slice(0, 4))).toEqual([
      [`AUC (fit before ${t?.split})`, "Fit", "Holdout", "Suggested share %"],
      ["Current weights", r3(t?.current.fit_auc), r3(t?.current.holdout_auc), ""],
      ["Suggested weights", r3(t?.suggested.fit_auc), r3(t?.suggested.holdout_auc), ""],
    ]);
    expect(report.slice(at + 3, at + 3 + (expected.metrics?.length ?? 0)).map((r) => r.slice(0, 4))).toEqual(
      (expected.metrics ?? []).map((m) => [m.label, "", "", r3(t?.weights[m.id], 1)]),
    );
    expect(expected.metrics?.length).toBeGreaterThan(0);
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
