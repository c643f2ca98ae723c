import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";
import { customers, emulator } from "./helpers";

describe("A1 notation and the grid", () => {
  it("reads cells, rectangles, whole columns, whole rows and open-ended ranges", () => {
    const sheet = customers(emulator());
    expect(sheet.getRange("b2:d3").getA1Notation()).toBe("B2:D3");
    expect(sheet.getRange("$C$2").getA1Notation()).toBe("C2");
    expect(sheet.getRange("D3:B2").getA1Notation()).toBe("B2:D3");
    const columns = sheet.getRange("A:C");
    expect([columns.getRow(), columns.getNumRows(), columns.getNumColumns()]).toEqual([1, 1000, 3]);
    const rows = sheet.getRange("2:3");
    expect([rows.getColumn(), rows.getNumRows(), rows.getNumColumns()]).toEqual([1, 2, 26]);
    expect(sheet.getRange("B2:C").getA1Notation()).toBe("B2:C1000");
  });

  it("resolves sheet-qualified references, quoted or not, on the named sheet", () => {
    const emu = createEmulator({ sheets: { Customers: [["x"]], "Health Rubric": [["Metric", "Weight"]] } });
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = ss.getRange("'Health Rubric'!A1:B1");
    expect(range.getSheet().getName()).toBe("Health Rubric");
    expect(range.getValues()).toEqual([["Metric", "Weight"]]);
    expect(ss.getRange("Health Rubric!B1").getValue()).toBe("Weight");
    expect(ss.getRange("A1").getValue()).toBe("x");
    expect(() => ss.getRange("Nope!A1")).toThrow("Range not found");
  });

  it("takes getRange(row, column, numRows, numColumns) and checks it like Apps Script", () => {
    const sheet = customers(emulator());
    expect(sheet.getRange(2, 1, 2, 4).getA1Notation()).toBe("A2:D3");
    expect(sheet.getRange(3, 2).getValue()).toBe(5400);
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1000, 1, 2)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange("A1001")).toThrow("Range not found");
  });

  it("grows the grid when rows or columns are inserted", () => {
    const sheet = customers(emulator());
    sheet.insertColumnsAfter(26, 2);
    sheet.insertRowsAfter(1000, 5);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1005, 28]);
    expect(sheet.getRange("AB1005").getValue()).toBe("");
  });

  it("moves contents when rows and columns are inserted or deleted", () => {
    const sheet = customers(emulator());
    sheet.insertRowBefore(2);
    expect(sheet.getRange("A3").getValue()).toBe("Acme");
    sheet.insertColumnBefore(1);
    expect(sheet.getRange("B3").getValue()).toBe("Acme");
    sheet.deleteColumn(1);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange("A2").getValue()).toBe("Acme");
    expect(() => sheet.deleteRows(1, 1000)).toThrow(
      "Sorry, it is not possible to delete all non-frozen rows.",
    );
  });

  it("offsets and picks cells relative to a range", () => {
    const sheet = customers(emulator());
    const range = sheet.getRange("B2:C3");
    expect(range.offset(1, 1).getA1Notation()).toBe("C3:D4");
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(range.getCell(2, 1).getValue()).toBe(5400);
    expect(() => range.getCell(3, 1)).toThrow("Cell reference out of range");
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([3, 3]);
  });
});
