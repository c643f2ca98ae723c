/** Check rubric against churn, through the built bundle on the emulator. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibrate, parseRubric } from "../../src/core";
import { customers, open } from "./helpers";

const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

describe("Check rubric against churn", () => {
  it("writes the Health Calibration sheet with the core's numbers and a chart of churn per band", () => {
    const data = customers();
    const { emu, addon } = open({ Customers: data });
    emu.queuePromptResponse(""); // accept the offered column, Churned
    addon.clickMenuItem("Check rubric against churn");
    expect(emu.ui.prompts.at(-1)?.prompt).toContain('Leave empty for "Churned"');

    const expected = calibrate(starter, data[0] as string[], data.slice(1) as never, {
      outcomeColumn: "Churned",
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    const report = emu.sheetValues("Health Calibration");
    const row = (label: string) => report.find((r) => r[0] === label) as unknown[];
    expect(row("Accounts").slice(0, 4)).toEqual(["Accounts", expected.n, "Churned", expected.churned]);
    expect(row("AUC")[1]).toBeCloseTo(expected.auc, 3);
    // The verdict on the suggested weights, in the words the CLI and the sidebar use, under the CV AUCs.
    const cv = report.findIndex((r) => r[0] === "Cross-validated AUC");
    expect(report[cv + 1]?.[0]).toBe(expected.verdict.text);
    expect(expected.verdict.text).toMatch(/^On held-out accounts \(5-fold cross-validation\) /);
    for (const band of expected.bands) {
      expect(row(band.label).slice(2, 5)).toEqual([
        band.accounts,
        band.churned,
        Number((band.churn_rate ?? 0).toFixed(3)),
      ]);
    }
    const sheet = emu.spreadsheet.getSheetByName("Health Calibration");
    const charts = sheet?.getCharts() ?? [];
    expect(charts).toHaveLength(1);
    const header = report.findIndex((r) => r[0] === "Band") + 1;
    const last = header + expected.bands.length;
    expect(charts[0]?.getRanges().map((r) => r.getA1Notation())).toEqual([
      `A${header}:A${last}`,
      `E${header}:E${last}`,
    ]);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /^AUC 0\.\d\d \(95% interval 0\.\d\d–0\.\d\d\) on 199 accounts, \d+ churned/,
    );
    // The user stays on their data.
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Customers");

    // Again: the report is replaced, not stacked, and there is still one chart.
    emu.queuePromptResponse("Churned");
    addon.call("checkCalibration");
    expect(emu.sheetValues("Health Calibration")).toEqual(report);
    expect(emu.spreadsheet.getSheetByName("Health Calibration")?.getCharts()).toHaveLength(1);
  });

  it("says plainly when the outcome column is not there", () => {
    const { emu, addon } = open({ Customers: customers() });
    emu.queuePromptResponse("Renewed");
    addon.call("checkCalibration");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      'There is no column "Renewed" in the header row: check again and pick the column that says who churned.',
    );
    expect(emu.spreadsheet.getSheetByName("Health Calibration")).toBeNull();
  });
});
