import { describe, expect, it } from "vitest";
import type { Emulator } from "../src/index";
import { customers, emulator } from "./helpers";

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
