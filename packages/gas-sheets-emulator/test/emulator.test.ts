import { describe, expect, it } from "vitest";
import { createEmulator, type Emulator, loadBundle } from "../src/index";

const CUSTOMERS = [
  ["Account", "ARR", "Last login", "Champion left"],
  ["Acme", 1200, new Date("2026-11-01T00:00:00Z"), false],
  ["Globex", 5400, new Date("2026-10-15T00:00:00Z"), true],
];

function emulator(extra: Parameters<typeof createEmulator>[0] = {}): Emulator {
  return createEmulator({ sheets: { Customers: CUSTOMERS.map((r) => [...r]) }, ...extra });
}

function customers(emu: Emulator) {
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Customers");
  if (!sheet) throw new Error("no Customers sheet");
  return sheet;
}

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

describe("conditional formatting", () => {
  function banded(emu: Emulator) {
    const { SpreadsheetApp } = emu.globals;
    const sheet = customers(emu);
    const scores = sheet.getRange("E2:E100");
    const red = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(40)
      .setBackground("#F4CCCC")
      .setRanges([scores])
      .build();
    const green = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(70)
      .setBackground("#d9ead3")
      .setRanges([scores])
      .build();
    const yellow = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberBetween(40, 69.999)
      .setBackground("#fff2cc")
      .setRanges([scores])
      .build();
    sheet.setConditionalFormatRules([red, green, yellow]);
    return sheet;
  }

  it("reads rules back with their condition and format", () => {
    const emu = emulator();
    const [red] = banded(emu).getConditionalFormatRules();
    const condition = red?.getBooleanCondition();
    expect(String(condition?.getCriteriaType())).toBe("NUMBER_LESS_THAN");
    expect(condition?.getCriteriaType()).toBe(emu.globals.SpreadsheetApp.BooleanCriteria.NUMBER_LESS_THAN);
    expect(condition?.getCriteriaValues()).toEqual([40]);
    expect(condition?.getBackground()).toBe("#f4cccc");
    expect(red?.getRanges().map((r) => r.getA1Notation())).toEqual(["E2:E100"]);
  });

  it("replaces all rules on set, so keeping the user's rules means reading them first", () => {
    const emu = emulator();
    const sheet = customers(emu);
    const userRule = emu.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground("#cccccc")
      .setRanges([sheet.getRange("A:A")])
      .build();
    sheet.setConditionalFormatRules([userRule]);
    banded(emu);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3);
    sheet.setConditionalFormatRules([userRule, ...sheet.getConditionalFormatRules()]);
    expect(
      sheet.getConditionalFormatRules().map((r) => String(r.getBooleanCondition()?.getCriteriaType())),
    ).toEqual(["CELL_EMPTY", "NUMBER_LESS_THAN", "NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_BETWEEN"]);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it("colours a cell from the first rule that matches, else its own background", () => {
    const emu = emulator();
    const sheet = banded(emu);
    sheet.getRange("E2:E5").setValues([[35], [55], [82], ["n/a"]]);
    sheet.getRange("E5").setBackground("blue");
    expect(emu.backgroundAt("Customers", "E2")).toBe("#f4cccc");
    expect(emu.backgroundAt("Customers", "E3")).toBe("#fff2cc");
    expect(emu.backgroundAt("Customers", "E4")).toBe("#d9ead3");
    expect(emu.backgroundAt("Customers", "E5")).toBe("#0000ff");
    expect(emu.backgroundAt("Customers", "E6")).toBeNull();
  });

  it("evaluates text rules ignoring case, and simple custom formulas relative to the range", () => {
    const emu = emulator();
    const { SpreadsheetApp } = emu.globals;
    const sheet = customers(emu);
    sheet.getRange("F2:F3").setValues([["Red"], ["Green"]]);
    const textRule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo("red")
      .setBackground("#ea9999")
      .setRanges([sheet.getRange("F2:F3")])
      .build();
    const rowRule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied("=AND($D2=TRUE, $B2>1000)")
      .setBackground("#cfe2f3")
      .setRanges([sheet.getRange("A2:B3")])
      .build();
    sheet.setConditionalFormatRules([textRule, rowRule]);
    expect(emu.backgroundAt("Customers", "F2")).toBe("#ea9999");
    expect(emu.backgroundAt("Customers", "F3")).toBeNull();
    expect(emu.backgroundAt("Customers", "A3")).toBe("#cfe2f3"); // Globex: champion left, ARR 5400
    expect(emu.backgroundAt("Customers", "A2")).toBeNull();
  });

  it("moves rule ranges when columns are inserted before them", () => {
    const emu = emulator();
    const sheet = banded(emu);
    sheet.insertColumnsBefore(1, 2);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe("G2:G100");
  });

  it("copies a rule into a builder that keeps its settings", () => {
    const emu = emulator();
    const [red] = banded(emu).getConditionalFormatRules();
    const darker = red?.copy().setBackground("#cc0000").build();
    expect(darker?.getBooleanCondition()?.getCriteriaValues()).toEqual([40]);
    expect(darker?.getBooleanCondition()?.getBackground()).toBe("#cc0000");
    expect(red?.getBooleanCondition()?.getBackground()).toBe("#f4cccc");
  });
});

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

describe("merged cells", () => {
  it("keeps only the top-left value, and reads the others as ''", () => {
    const sheet = customers(emulator());
    const header = sheet.getRange("A1:B1");
    header.merge();
    expect(header.getValues()).toEqual([["Account", ""]]);
    sheet.getRange("B1").setValue("lost");
    expect(sheet.getRange("B1").getValue()).toBe("");
    expect(sheet.getRange("B1").isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange("A1:D1")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A1:B1"]);
  });

  it("refuses to unmerge part of a merge, and unmerges a whole one", () => {
    const sheet = customers(emulator());
    sheet.getRange("A1:C1").merge();
    expect(() => sheet.getRange("B1:D1").breakApart()).toThrow(
      "You must select all cells in a merged range to merge or unmerge them.",
    );
    sheet.getRange("A1:D1").breakApart();
    expect(sheet.getRange("A1").isPartOfMerge()).toBe(false);
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

describe("PropertiesService", () => {
  it("stores strings per store", () => {
    const emu = createEmulator();
    const { PropertiesService } = emu.globals;
    PropertiesService.getDocumentProperties()
      .setProperty("asOf", "2026-11-26")
      .setProperty("runs", 3 as never);
    expect(PropertiesService.getDocumentProperties().getProperty("runs")).toBe("3");
    expect(PropertiesService.getUserProperties().getProperty("asOf")).toBeNull();
    expect(PropertiesService.getDocumentProperties().getKeys().sort()).toEqual(["asOf", "runs"]);
    expect(emu.properties("document")).toEqual({ asOf: "2026-11-26", runs: "3" });
    PropertiesService.getDocumentProperties().deleteAllProperties();
    expect(PropertiesService.getDocumentProperties().getProperties()).toEqual({});
  });

  it("refuses a value over 9 KB, as Apps Script does", () => {
    const props = createEmulator().globals.PropertiesService.getScriptProperties();
    expect(() => props.setProperty("rubric", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    expect(props.getProperty("rubric")).toBeNull();
    props.setProperty("rubric", "x".repeat(9 * 1024));
  });

  it("refuses to grow a store past 500 KB", () => {
    const props = createEmulator().globals.PropertiesService.getUserProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, "x".repeat(9000));
    expect(() => props.setProperty("one-more", "x".repeat(9000))).toThrow(
      /exceeded the property storage quota/,
    );
  });
});

describe("LockService", () => {
  it("acquires and releases a free lock, logging the timeouts asked for", () => {
    const emu = createEmulator();
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(emu.scriptHoldsLock("document")).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(emu.lockLog).toEqual([
      { kind: "document", method: "tryLock", timeoutMs: 5000, acquired: true },
      { kind: "document", method: "releaseLock" },
    ]);
  });

  it("fails when another execution holds the lock: tryLock is false, waitLock throws", () => {
    const emu = createEmulator();
    emu.holdLock("document");
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(30_000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(emu.globals.LockService.getScriptLock().tryLock(1)).toBe(true);
    emu.releaseHeldLock("document");
    expect(lock.tryLock(1)).toBe(true);
  });
});

describe("Ui", () => {
  it("records the add-on menu with captions, function names and separators, in order", () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem("Open rubric editor", "showSidebar")
      .addSeparator()
      .addItem("Rescore", "rescoreAll")
      .addSubMenu(ui.createMenu("Snapshots").addItem("Weekly on", "enableWeekly"))
      .addToUi();
    expect(emu.ui.menus).toEqual([
      {
        caption: null,
        addon: true,
        items: [
          { caption: "Open rubric editor", functionName: "showSidebar" },
          { separator: true },
          { caption: "Rescore", functionName: "rescoreAll" },
          { caption: "Snapshots", submenu: [{ caption: "Weekly on", functionName: "enableWeekly" }] },
        ],
      },
    ]);
    ui.createAddonMenu().addItem("Rescore", "rescoreAll").addToUi();
    expect(emu.ui.menus).toHaveLength(1);
  });

  it("answers alerts and prompts from the queue, else with the affirmative button", () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    emu.queueAlertResponse("NO");
    expect(ui.alert("Replace rubric?", "This overwrites it.", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert("Sure?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    emu.queueAlertResponse("OK");
    expect(() => ui.alert("Sure?", ui.ButtonSet.YES_NO)).toThrow(/not a button of ButtonSet.YES_NO/);
    emu.queuePromptResponse("2026-11-26");
    const response = ui.prompt("As of", "Date to score against", ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe("2026-11-26");
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
    expect(emu.ui.alerts.map((a) => a.response)).toEqual(["OK", "NO", "YES"]);
    expect(emu.ui.prompts[0]).toMatchObject({
      title: "As of",
      responseText: "2026-11-26",
      buttons: "OK_CANCEL",
    });
  });

  it("records sidebars and dialogs built from project HTML files", () => {
    const emu = createEmulator({ htmlFiles: { Sidebar: "<main>Rubric</main>" } });
    const { HtmlService, SpreadsheetApp } = emu.globals;
    const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Health Score");
    SpreadsheetApp.getUi().showSidebar(html);
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput("<p>hi</p>").setWidth(400), "About");
    expect(emu.ui.sidebars).toEqual([
      { kind: "sidebar", title: "Health Score", content: "<main>Rubric</main>", width: null, height: null },
    ]);
    expect(emu.ui.dialogs[0]).toMatchObject({ kind: "modal", title: "About", width: 400 });
    expect(() => HtmlService.createHtmlOutputFromFile("Missing")).toThrow(
      "No HTML file named Missing was found.",
    );
  });

  it("evaluates HTML templates with their properties in scope", () => {
    const emu = createEmulator({
      htmlFiles: { Page: "<h1><?= title ?></h1><? for (var i = 0; i < 2; i++) { ?>*<? } ?>" },
    });
    const template = emu.globals.HtmlService.createTemplateFromFile("Page") as unknown as Record<
      string,
      unknown
    > & {
      evaluate(): { getContent(): string };
    };
    template.title = "<Health>";
    expect(template.evaluate().getContent()).toBe("<h1>&#60;Health&#62;</h1>**");
  });
});

describe("ScriptApp triggers", () => {
  it("creates, lists and deletes a weekly trigger", () => {
    const emu = createEmulator();
    const { ScriptApp } = emu.globals;
    const trigger = ScriptApp.newTrigger("weeklySnapshot")
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(6)
      .nearMinute(15)
      .create();
    expect(trigger.getHandlerFunction()).toBe("weeklySnapshot");
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(emu.triggers()[0]?.schedule).toEqual({
      everyWeeks: 1,
      onWeekDay: "MONDAY",
      atHour: 6,
      nearMinute: 15,
    });
    const [listed] = ScriptApp.getProjectTriggers();
    expect(listed?.getUniqueId()).toBe(trigger.getUniqueId());
    ScriptApp.deleteTrigger(listed as never);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });

  it("keeps add-on rules: one trigger per event type per document, and at most hourly", () => {
    const emu = createEmulator();
    const { ScriptApp } = emu.globals;
    ScriptApp.newTrigger("a").timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger("b").timeBased().everyDays(1).create()).toThrow(
      /only one CLOCK trigger/,
    );
    expect(() =>
      createEmulator().globals.ScriptApp.newTrigger("c").timeBased().everyMinutes(5).create(),
    ).toThrow(/at most once per hour/);
    const onEdit = ScriptApp.newTrigger("onEditInstalled").forSpreadsheet(emu.spreadsheet).onEdit().create();
    expect(ScriptApp.getUserTriggers(emu.spreadsheet).map((t) => t.getUniqueId())).toEqual([
      onEdit.getUniqueId(),
    ]);
  });

  it("allows 20 triggers per script outside add-on rules, then refuses", () => {
    const { ScriptApp } = createEmulator({ addon: false }).globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => ScriptApp.newTrigger("f20").timeBased().everyMinutes(5).create()).toThrow(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
  });
});

describe("Session, Utilities, Logger", () => {
  it("formats dates with Java patterns in a time zone", () => {
    const { Utilities, Session } = createEmulator().globals;
    const at = new Date("2026-07-06T13:05:09Z");
    expect(Utilities.formatDate(at, "Europe/London", "yyyy-MM-dd HH:mm:ss EEE")).toBe(
      "2026-07-06 14:05:09 Mon",
    );
    expect(Utilities.formatDate(at, "UTC", "d MMM yy, h:mm a 'UTC'")).toBe("6 Jul 26, 1:05 PM UTC");
    expect(Utilities.formatDate(at, "GMT+2", "HH:mm XXX")).toBe("15:05 +02:00");
    expect(Session.getScriptTimeZone()).toBe("Europe/London");
    expect(Session.getActiveUser().getEmail()).toBe("cs-ops@example.com");
  });

  it("records sleeps and logs without printing, and makes reproducible UUIDs", () => {
    const emu = createEmulator();
    const { Utilities, Logger, console } = emu.globals;
    Utilities.sleep(1500);
    Logger.log("scored %s rows", 2);
    console.warn("slow", { rows: 2 });
    expect(emu.sleeps).toEqual([1500]);
    expect(emu.logs).toEqual([
      { source: "Logger", level: "log", message: "scored 2 rows" },
      { source: "console", level: "warn", message: 'slow {"rows":2}' },
    ]);
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
    expect(createEmulator().globals.Utilities.getUuid()).toBe(createEmulator().globals.Utilities.getUuid());
  });
});

describe("CacheService", () => {
  it("expires entries on the emulator's clock", () => {
    let now = new Date("2026-11-26T09:00:00Z");
    const { CacheService } = createEmulator({ now: () => now }).globals;
    CacheService.getDocumentCache().put("rubric", "{}", 60);
    expect(CacheService.getDocumentCache().get("rubric")).toBe("{}");
    now = new Date("2026-11-26T09:01:01Z");
    expect(CacheService.getDocumentCache().get("rubric")).toBeNull();
  });
});

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

describe("authorization modes", () => {
  it("lets a custom function read but not write, show UI or manage triggers", () => {
    const emu = emulator();
    emu.authMode = "CUSTOM_FUNCTION";
    const { SpreadsheetApp, ScriptApp, PropertiesService } = emu.globals;
    expect(customers(emu).getRange("B2").getValue()).toBe(1200);
    expect(PropertiesService.getDocumentProperties().getProperty("x")).toBeNull();
    expect(() => customers(emu).getRange("B2").setValue(1)).toThrow(
      /do not have permission to call Range.setValue/,
    );
    expect(() => SpreadsheetApp.getUi()).toThrow(/permission/);
    expect(() => ScriptApp.newTrigger("f")).toThrow(/permission/);
  });

  it("lets onOpen in AuthMode.NONE build its menu but not read the document or properties", () => {
    const emu = emulator();
    emu.authMode = "NONE";
    const { SpreadsheetApp, PropertiesService } = emu.globals;
    SpreadsheetApp.getUi().createAddonMenu().addItem("Start", "start").addToUi();
    expect(emu.ui.menus).toHaveLength(1);
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => PropertiesService.getDocumentProperties()).toThrow(/permission/);
  });
});

describe("loadBundle", () => {
  const BUNDLE = `
    var loaded = true;
    function hello(x, rows) {
      return x instanceof Date && Array.isArray(rows) && rows instanceof Array && rows[0] instanceof Array;
    }
    function lastLoginIsDate() {
      var values = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
      return values instanceof Array && values[1] instanceof Array && values[1][2] instanceof Date;
    }
    function globalsSeen() {
      return [typeof require, typeof process, typeof module, typeof fetch, typeof setTimeout, typeof Buffer,
        typeof SpreadsheetApp, typeof PropertiesService, typeof LockService, typeof HtmlService, typeof ScriptApp,
        typeof Session, typeof Utilities, typeof Logger, typeof console].join(",");
    }
    function caught() {
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return e instanceof Error && e.name + ": " + e.message; }
    }
    function today() { return new Date(); }
    function lockAndForget() { LockService.getDocumentLock().waitLock(10000); }
    function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem("Say hello", "sayHello").addToUi(); return String(e.authMode); }
    function sayHello() { SpreadsheetApp.getActiveSpreadsheet().toast("hello"); }
    function SCORE(rows) { SpreadsheetApp.getActiveSheet().getRange("Z1").setValue(1); }
    function page() {
      return HtmlService.createTemplate("<b><?= SpreadsheetApp.getActiveSpreadsheet().getName() ?></b>").evaluate().getContent();
    }
    function dates() {
      var d = new Date(2026, 0, 15);
      return [d instanceof Date, d.getFullYear(), new Date().constructor === Date, Date.now() === new Date().getTime(), typeof Date()];
    }
  `;

  it("runs a classic script whose top-level functions become globals, with no Node globals", () => {
    const addon = loadBundle(BUNDLE, emulator());
    expect(addon.has("hello")).toBe(true);
    expect((addon.context as { loaded?: boolean }).loaded).toBe(true);
    expect(addon.call("globalsSeen")).toBe(
      "undefined,undefined,undefined,undefined,undefined,undefined,object,object,object,object,object,object,object,object,object",
    );
    expect(() => addon.call("nope")).toThrow("Script function not found: nope");
  });

  it("hands the bundle Dates and arrays of its own realm, from call() and from getValues()", () => {
    const addon = loadBundle(BUNDLE, emulator());
    expect(addon.call("hello", new Date(), [[1, 2]])).toBe(true);
    expect(addon.call("lastLoginIsDate")).toBe(true);
    expect(addon.call("caught")).toBe("Exception: The starting row of the range is too small.");
  });

  it("returns results in the test's realm", () => {
    const emu = createEmulator({ now: () => new Date("2026-11-26T09:00:00Z") });
    const addon = loadBundle(BUNDLE, emu);
    const today = addon.call("today");
    expect(today).toBeInstanceOf(Date);
    expect(today).toEqual(new Date("2026-11-26T09:00:00Z"));
  });

  it("keeps the bundle's Date working while it reads the emulator's clock", () => {
    const emu = createEmulator({ now: () => new Date("2026-11-26T09:00:00Z") });
    expect(loadBundle(BUNDLE, emu).call("dates")).toEqual([true, 2026, true, true, "string"]);
  });

  it("gives test helpers values of the test's realm after a bundle is loaded", () => {
    const emu = emulator();
    loadBundle(BUNDLE, emu);
    expect(emu.sheetValues("Customers")[1]?.[2]).toBeInstanceOf(Date);
    // The services themselves now answer in the bundle's realm; toEqual still compares them.
    const direct = customers(emu).getRange("C2").getValue();
    expect(direct).not.toBeInstanceOf(Date);
    expect(direct).toEqual(new Date("2026-11-01T00:00:00Z"));
  });

  it("evaluates template scriptlets with the bundle's globals in scope", () => {
    const emu = emulator();
    expect(loadBundle(BUNDLE, emu).call("page")).toBe("<b>Customers</b>");
    expect(emu.calls.get("Spreadsheet.getName")).toBe(1);
  });

  it("releases locks still held when an execution ends", () => {
    const emu = createEmulator();
    const addon = loadBundle(BUNDLE, emu);
    addon.call("lockAndForget");
    expect(emu.scriptHoldsLock("document")).toBe(false);
    expect(emu.lockLog.map((e) => e.method)).toEqual(["waitLock", "released at end of execution"]);
  });

  it("runs entry points as Sheets does: onOpen with an event, menu items by caption", () => {
    const emu = createEmulator();
    const addon = loadBundle(BUNDLE, emu);
    expect(addon.callAs("NONE", "onOpen", emu.openEvent("NONE"))).toBe("NONE");
    addon.clickMenuItem("Say hello");
    expect(emu.ui.toasts.map((t) => t.message)).toEqual(["hello"]);
    expect(() => addon.callAs("CUSTOM_FUNCTION", "SCORE", [[1]])).toThrow(
      /permission to call Range.setValue/,
    );
    expect(emu.authMode).toBe("FULL");
  });

  it("serves one bundle per emulator", () => {
    const emu = createEmulator();
    loadBundle(BUNDLE, emu);
    expect(() => loadBundle(BUNDLE, emu)).toThrow(/already runs a bundle/);
  });
});
