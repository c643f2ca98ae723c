import { describe, expect, it } from "vitest";
import { customers, emulator } from "./helpers";

describe("call counting", () => {
  it("counts each call the script makes, once, under Class.method", () => {
    const emu = emulator();
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Customers");
    emu.calls.reset();
    sheet?.getDataRange().getValues();
    expect(emu.calls.get("Range.getValues")).toBe(1);
    expect(emu.calls.all()).toEqual({ "Range.getValues": 1, "Sheet.getDataRange": 1 });
    expect(emu.calls.total()).toBe(2);
  });

  it("does not count the emulator's own calls or test helpers", () => {
    const emu = emulator();
    emu.calls.reset();
    customers(emu).getRange("A2").getValue();
    emu.sheetValues("Customers");
    emu.backgroundAt("Customers", "A1");
    expect(emu.calls.all()).toEqual({
      "Range.getValue": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getSheetByName": 1,
      "SpreadsheetApp.getActiveSpreadsheet": 1,
    });
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });
});
