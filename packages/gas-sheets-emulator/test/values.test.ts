import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";
import { customers, emulator } from "./helpers";

describe("values read back as Apps Script hands them over", () => {
  it("returns numbers, booleans, Dates and '' for empty cells, never null", () => {
    const emu = emulator();
    const values = customers(emu).getRange("A1:E3").getValues();
    expect(values[1]).toEqual(["Acme", 1200, new Date("2026-11-01T00:00:00Z"), false, ""]);
    expect(values.flat().some((v) => v === null || v === undefined)).toBe(false);
  });

  it("returns a fresh array and fresh Dates each time", () => {
    const sheet = customers(emulator());
    const [first = []] = sheet.getRange("C2").getValues();
    (first[0] as Date).setFullYear(1999);
    first.push("junk");
    expect(sheet.getRange("C2").getValues()).toEqual([[new Date("2026-11-01T00:00:00Z")]]);
  });

  it("stores the initial sheets as given, without reading strings as typed input", () => {
    const emu = createEmulator({ sheets: { S: [["=1+1", "45%", "TRUE"]] } });
    expect(emu.sheetValues("S")).toEqual([["=1+1", "45%", "TRUE"]]);
    expect(emu.sheetFormulas("S")).toEqual([["", "", ""]]);
  });
});

describe("strings written with setValues are read as if typed", () => {
  const typed = (...texts: unknown[]) => {
    const emu = createEmulator();
    const range = emu.globals.SpreadsheetApp.getActiveSheet().getRange(1, 1, 1, texts.length);
    range.setValues([texts]);
    return {
      emu,
      values: range.getValues()[0] ?? [],
      formulas: range.getFormulas()[0] ?? [],
      display: range.getDisplayValues()[0] ?? [],
    };
  };

  it("keeps the text after a leading apostrophe, unparsed", () => {
    const { values, formulas } = typed("'=SUM(A1)", "'0012", "'TRUE");
    expect(values).toEqual(["=SUM(A1)", "0012", "TRUE"]);
    expect(formulas).toEqual(["", "", ""]);
  });

  it("makes a formula of text starting with '=', keeping its text and evaluating only literals", () => {
    const { values, formulas } = typed("=5", '="done"', "=SUM(B1:B9)");
    expect(formulas).toEqual(["=5", '="done"', "=SUM(B1:B9)"]);
    expect(values).toEqual([5, "done", ""]);
  });

  it("turns '+', '-' or '@' before text into a broken formula, as Sheets shows #ERROR!", () => {
    const { values, formulas } = typed("- churn risk", "+ upsell", "@owner");
    expect(values).toEqual(["#ERROR!", "#ERROR!", "#ERROR!"]);
    expect(formulas).toEqual(["=- churn risk", "=+ upsell", "=@owner"]);
  });

  it("reads numeric text as numbers, with the format Sheets picks", () => {
    const { values, display } = typed("1,200", "45%", "$12", "-3", " 7 ", "(4)", "1.5e3", "€ 9.5", "4.5 %");
    expect(values).toEqual([1200, 0.45, 12, -3, 7, -4, 1500, 9.5, 0.045]);
    expect(display).toEqual(["1,200", "45%", "$12.00", "-3", "7", "-4", "1500", "€9.50", "4.50%"]);
  });

  it("reads TRUE/FALSE in any case as booleans", () => {
    expect(typed("true", "FALSE", "True").values).toEqual([true, false, true]);
  });

  it("reads ISO dates as midnight in the spreadsheet's time zone", () => {
    const { emu, values, display } = typed("2026-07-01", "2026-11-01", "2026-02-30");
    // London is on BST (UTC+1) in July and on GMT in November.
    expect(values[0]).toEqual(new Date("2026-06-30T23:00:00Z"));
    expect(values[1]).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(values[2]).toBe("2026-02-30"); // not a date: stays text
    expect(display.slice(0, 2)).toEqual(["2026-07-01", "2026-11-01"]);
    expect(emu.globals.SpreadsheetApp.getActiveSheet().getRange("A1").getNumberFormat()).toBe("yyyy-mm-dd");
  });

  it("writes null and undefined as empty cells", () => {
    expect(typed(null, undefined, "").values).toEqual(["", "", ""]);
  });

  it("keeps text as typed in a cell formatted as plain text", () => {
    const emu = createEmulator();
    const cell = emu.globals.SpreadsheetApp.getActiveSheet().getRange("A1").setNumberFormat("@");
    cell.setValue("=1+1");
    expect(cell.getValue()).toBe("=1+1");
    expect(cell.getFormula()).toBe("");
  });

  it("writes a Date as a date cell that reads back as the same instant", () => {
    const emu = createEmulator();
    const cell = emu.globals.SpreadsheetApp.getActiveSheet().getRange("B2");
    const at = new Date("2026-03-29T14:30:00Z");
    cell.setValue(at);
    expect(cell.getValue()).toEqual(at);
    expect(cell.getDisplayValue()).toBe("2026-03-29 15:30:00");
  });

  it("refuses text longer than a cell holds", () => {
    const cell = createEmulator().globals.SpreadsheetApp.getActiveSheet().getRange("A1");
    expect(() => cell.setValue("x".repeat(50_001))).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
  });
});

describe("display values", () => {
  it("renders numbers with the cell's number format", () => {
    const sheet = createEmulator().globals.SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange("A1:H1");
    range.setValues([[0.4567, 0.4567, 0.4567, 0.4567, 0.4567, 1234.5, 46327, 7]]);
    range.setNumberFormats([["0", "0.0", "0.00", "0%", "0.0%", "#,##0.00", "yyyy-mm-dd", "@"]]);
    expect(range.getDisplayValues()).toEqual([
      ["0", "0.5", "0.46", "46%", "45.7%", "1,234.50", "2026-11-01", "7"],
    ]);
    expect(range.getValues()[0]?.[6]).toBeInstanceOf(Date);
  });

  it("renders scientific, sectioned, quoted and date-time formats", () => {
    const range = createEmulator().globals.SpreadsheetApp.getActiveSheet().getRange("A1:E1");
    range.setValues([[12345, -5, 12.5, "2026-07-06 14:05", "2026-07-06"]]);
    range.setNumberFormats([["0.00E+00", "0;(0)", '0.0" pts"', "dd/mm/yyyy h:mm AM/PM", "dddd d mmm yy"]]);
    expect(range.getDisplayValues()).toEqual([
      ["1.23E+04", "(5)", "12.5 pts", "06/07/2026 2:05 PM", "Monday 6 Jul 26"],
    ]);
  });

  it("renders unformatted numbers plainly and booleans in capitals", () => {
    const range = createEmulator().globals.SpreadsheetApp.getActiveSheet().getRange("A1:D1");
    range.setValues([[1 / 3, 1200, true, false]]);
    expect(range.getDisplayValues()).toEqual([["0.3333333333", "1200", "TRUE", "FALSE"]]);
    expect(range.getNumberFormat()).toBe("0.###############");
  });

  it("keeps a date's wall-clock time when the spreadsheet's zone changes, as Sheets does", () => {
    const emu = emulator();
    const cell = customers(emu).getRange("C2");
    emu.spreadsheet.setSpreadsheetTimeZone("America/New_York");
    expect(cell.getDisplayValue()).toBe("2026-11-01");
    expect(cell.getValue()).toEqual(new Date("2026-11-01T04:00:00Z"));
  });
});
