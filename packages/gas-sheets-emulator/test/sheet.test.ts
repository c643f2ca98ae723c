import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";
import { customers, emulator } from "./helpers";

describe("the used area", () => {
  it("ends at the last row and column with content", () => {
    const sheet = customers(emulator());
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:D3");
    sheet.getRange("F10").setValue("note");
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:F10");
  });

  it("is 0 x 0 on an empty sheet, where getDataRange is A1", () => {
    const sheet = createEmulator().globals.SpreadsheetApp.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
  });

  it("ignores formats but counts formulas", () => {
    const sheet = createEmulator().globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange("C5").setBackground("#ff0000");
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange("B4").setFormula("=SUM(A:A)");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 2]);
  });

  it("appends a row after the last row with content, growing the sheet if needed", () => {
    const emu = createEmulator({ sheets: { Log: Array.from({ length: 1000 }, (_, i) => [i + 1]) } });
    const sheet = emu.globals.SpreadsheetApp.getActiveSheet();
    sheet.appendRow(["2026-11-26", "=1", "- x"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange("A1001:C1001").getFormulas()).toEqual([["", "=1", "=- x"]]);
    expect(sheet.getRange("A1001").getValue()).toBeInstanceOf(Date);
  });
});
