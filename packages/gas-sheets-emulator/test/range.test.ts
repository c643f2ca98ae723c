import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";
import { customers, emulator } from "./helpers";

describe("setValues checks the data against the range, with Apps Script's messages", () => {
  const range = () => createEmulator().globals.SpreadsheetApp.getActiveSheet().getRange("A1:B2");

  it("rejects a wrong number of rows", () => {
    expect(() => range().setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
  });

  it("rejects a wrong number of columns", () => {
    expect(() => range().setValues([[1, 2], [3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
  });

  it("rejects a flat array", () => {
    expect(() => range().setValues([1, 2] as unknown as unknown[][])).toThrow(
      /don't match the method signature/,
    );
  });

  it("throws errors named Exception, as Apps Script does", () => {
    try {
      range().setValues([]);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe("Exception");
    }
  });
});

describe("formats, notes, validation", () => {
  it("records formats and reads them back with Sheets' defaults", () => {
    const range = createEmulator().globals.SpreadsheetApp.getActiveSheet().getRange("A1:B1");
    expect(range.getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    range
      .setBackground("#FF0000")
      .setFontWeight("bold")
      .setFontColor("white")
      .setHorizontalAlignment("center");
    range.setWrap(true);
    expect(range.getBackground()).toBe("#ff0000");
    expect(range.getFontWeights()).toEqual([["bold", "bold"]]);
    expect(range.getFontColor()).toBe("#ffffff");
    expect(range.getHorizontalAlignment()).toBe("center");
    expect(range.getWrap()).toBe(true);
    range.clearFormat();
    expect(range.getFontWeight()).toBe("normal");
  });

  it("copies contents and formats to another range, or only what is asked for", () => {
    const sheet = customers(emulator());
    sheet.getRange("A1:B1").setFontWeight("bold");
    sheet.getRange("A1:B2").copyTo(sheet.getRange("F1"));
    expect(sheet.getRange("F1:G2").getValues()).toEqual([
      ["Account", "ARR"],
      ["Acme", 1200],
    ]);
    expect(sheet.getRange("F1").getFontWeight()).toBe("bold");
    sheet.getRange("A1:A2").copyTo(sheet.getRange("H1"), { formatOnly: true });
    expect([sheet.getRange("H1").getValue(), sheet.getRange("H1").getFontWeight()]).toEqual(["", "bold"]);
  });

  it("keeps notes", () => {
    const range = createEmulator().globals.SpreadsheetApp.getActiveSheet().getRange("A1:B1");
    range.setNotes([["Score 0-100", null]]);
    expect(range.getNotes()).toEqual([["Score 0-100", ""]]);
    expect(range.getNote()).toBe("Score 0-100");
  });

  it("inserts checkboxes as FALSE values with checkbox validation", () => {
    const emu = createEmulator();
    const range = emu.globals.SpreadsheetApp.getActiveSheet().getRange("D2:D3");
    range.insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(String(range.getDataValidation()?.getCriteriaType())).toBe("CHECKBOX");
    expect(range.isChecked()).toBe(false);
    range.check();
    expect(range.getValues()).toEqual([[true], [true]]);
  });

  it("records list validation built with newDataValidation", () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(["Red", "Yellow", "Green"])
      .setAllowInvalid(false)
      .build();
    const range = SpreadsheetApp.getActiveSheet().getRange("B2:B4");
    range.setDataValidation(rule);
    const read = range.getDataValidations()[2]?.[0];
    expect(read?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(read?.getCriteriaValues()).toEqual([["Red", "Yellow", "Green"], true]);
    expect(read?.getAllowInvalid()).toBe(false);
  });
});
