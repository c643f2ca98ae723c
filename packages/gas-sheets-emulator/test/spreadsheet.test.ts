import { describe, expect, it } from "vitest";
import { customers, emulator } from "./helpers";

describe("sheets", () => {
  it("refuses a second sheet of the same name, ignoring case, with Sheets' message", () => {
    const ss = emulator().spreadsheet;
    expect(() => ss.insertSheet("customers")).toThrow(
      'A sheet with the name "customers" already exists. Please enter another name.',
    );
  });

  it("inserts sheets at a 0-based index, names them SheetN by default and activates them", () => {
    const ss = emulator().spreadsheet;
    const rubric = ss.insertSheet("Health Rubric", 0);
    expect(rubric.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe("Health Rubric");
    expect(ss.insertSheet().getName()).toBe("Sheet3");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Health Rubric", "Sheet3", "Customers"]);
    expect([rubric.getMaxRows(), rubric.getMaxColumns()]).toEqual([1000, 26]);
  });

  it("finds sheets by name ignoring case, and returns null for a missing one", () => {
    const ss = emulator().spreadsheet;
    expect(ss.getSheetByName("CUSTOMERS")?.getName()).toBe("Customers");
    expect(ss.getSheetByName("History")).toBeNull();
  });

  it("deletes, hides and renames sheets", () => {
    const ss = emulator().spreadsheet;
    const history = ss.insertSheet("History");
    history.hideSheet();
    expect(history.isSheetHidden()).toBe(true);
    expect(() => history.setName("Customers")).toThrow(/already exists/);
    history.setName("Snapshots");
    ss.deleteSheet(history);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Customers"]);
    expect(() => ss.deleteSheet(ss.getSheets()[0] as never)).toThrow();
  });

  it("names ranges, and moves them with inserted rows", () => {
    const emu = emulator();
    const ss = emu.spreadsheet;
    ss.setNamedRange("HealthRubric", customers(emu).getRange("A1:D3"));
    customers(emu).insertRowsBefore(1, 2);
    expect(ss.getRangeByName("healthrubric")?.getA1Notation()).toBe("A3:D5");
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(["HealthRubric"]);
    ss.removeNamedRange("HealthRubric");
    expect(ss.getRangeByName("HealthRubric")).toBeNull();
    expect(() => ss.setNamedRange("A1", customers(emu).getRange("A1"))).toThrow();
  });

  it("records toasts", () => {
    const emu = emulator();
    emu.spreadsheet.toast("Rescored 2 accounts", "Health Score");
    expect(emu.ui.toasts).toEqual([
      { message: "Rescored 2 accounts", title: "Health Score", timeoutSeconds: 5 },
    ]);
  });
});
