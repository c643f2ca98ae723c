import { describe, expect, it } from "vitest";
import { customers, emulator } from "./helpers";

describe("charts and protection", () => {
  it("records charts built with newChart, and removes them", () => {
    const emu = emulator();
    const { Charts } = emu.globals;
    const sheet = customers(emu);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange("A1:B3"))
      .setPosition(5, 6, 0, 0)
      .setOption("title", "ARR by account")
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getOptions().get("title")).toBe("ARR by account");
    expect(inserted?.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:B3"]);
    expect(inserted?.getContainerInfo().getAnchorRow()).toBe(5);
    expect(inserted?.modify().getChartType()).toBe(Charts.ChartType.LINE);
    sheet.removeChart(inserted as never);
    expect(sheet.getCharts()).toEqual([]);
  });

  it("records protections", () => {
    const emu = emulator();
    const sheet = customers(emu);
    sheet.protect().setDescription("Rubric").setWarningOnly(true);
    const [protection] = sheet.getProtections(emu.globals.SpreadsheetApp.ProtectionType.SHEET);
    expect([protection?.getDescription(), protection?.isWarningOnly()]).toEqual(["Rubric", true]);
  });
});
