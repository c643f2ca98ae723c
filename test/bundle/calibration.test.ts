/** Check rubric against churn, through the built bundle on the emulator. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibrate, calibrationVerdict, parseRubric } from "../../src/core";
import { customers, open, pickColumn, preselectedColumn } from "./helpers";

const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

describe("Check rubric against churn", () => {
  it("writes the Health Calibration sheet with the core's numbers and a chart of churn per band", () => {
    const data = customers();
    const session = open({ Customers: data });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    // A dialog lists the sheet's columns with the one that says churn selected.
    expect(emu.ui.dialogs.at(-1)?.title).toBe("Which column says who churned?");
    expect(preselectedColumn(session)).toBe("Churned");
    expect(emu.ui.prompts).toEqual([]);
    pickColumn(session, "Churned");

    const expected = calibrate(starter, data[0] as string[], data.slice(1) as never, {
      outcomeColumn: "Churned",
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    const report = emu.sheetValues("Health Calibration");
    const row = (label: string) => report.find((r) => r[0] === label) as unknown[];
    // The verdict, in the sidebar's words, right under the title.
    expect(report[1]?.[0]).toBe(calibrationVerdict(expected));
    expect(report[1]?.[0]).toMatch(/^(Strong|Useful|Weak|No clear) separation: /);
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
      /^[\w ]+ separation: [\w ]+\. AUC 0\.\d\d \(95% interval 0\.\d\d–0\.\d\d\) on 199 accounts, \d+ churned/,
    );
    // The user stays on their data.
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Customers");

    // Again: the report is replaced, not stacked, and there is still one chart.
    addon.call("checkCalibration");
    pickColumn(session, "Churned");
    expect(emu.sheetValues("Health Calibration")).toEqual(report);
    expect(emu.spreadsheet.getSheetByName("Health Calibration")?.getCharts()).toHaveLength(1);
  });

  it("shows churn rates as percentages and leaves a threshold the data would move by under a point as it is", () => {
    const session = open({ Customers: customers() });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    const c = pickColumn(session, "Churned") as ReturnType<typeof calibrate>;
    const display = emu.sheetDisplayValues("Health Calibration");
    const counts = display.find((r) => r[0] === "Accounts") as string[];
    expect(counts[5]).toBe(`${(c.churn_rate * 100).toFixed(1)}%`);
    const header = display.findIndex((r) => r[0] === "Band");
    expect(display[header]?.slice(0, 6)).toEqual([
      "Band",
      "From",
      "Accounts",
      "Churned",
      "Churn rate",
      "Suggested from",
    ]);
    c.bands.forEach((b, i) => {
      const line = display[header + 1 + i] as string[];
      expect(line[4]).toBe(b.churn_rate === null ? "" : `${(b.churn_rate * 100).toFixed(1)}%`);
      const cut = i > 0 ? c.suggested.thresholds?.[i - 1] : undefined;
      // A suggested threshold is offered only when it moves the band by a point or more.
      if (cut !== undefined && b.from !== undefined && Math.abs(cut - b.from) >= 1)
        expect(line[5]).toBe(String(cut));
      else expect(line[5]).toBe("");
    });
  });

  it("says in the dialog when the picked column holds no outcomes, and writes no report", () => {
    const session = open({ Customers: customers() });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    expect(() => pickColumn(session, "Segment")).toThrow(/Segment/);
    expect(emu.spreadsheet.getSheetByName("Health Calibration")).toBeNull();
    // Nothing was alerted: the message is the dialog's to show (google.script.run's failure).
    expect(emu.ui.alerts).toEqual([]);
  });
});
