import { describe, expect, it } from "vitest";
import { loadBundle } from "../src/index";
import { customers, emulator } from "./helpers";

const BUNDLE = `
  /**
   * Says what shape each argument arrived in.
   * @customfunction
   */
  function SHAPE(a, b) {
    function shape(x) {
      if (Array.isArray(x)) return "2-D " + x.length + "x" + x[0].length + (x[0] instanceof Array ? "" : " flat");
      return x instanceof Date ? "Date " + x.toISOString().slice(0, 10) : typeof x + " " + x;
    }
    return b === undefined ? shape(a) : shape(a) + " | " + shape(b);
  }
  /** @customfunction */
  function DOUBLE(rows) { return rows.map(function (r) { return [r[0] * 2]; }); }
  /** @customfunction */
  function FAIL() { throw new Error("FAIL needs a column: pass A2:A3."); }
  /** @customfunction */
  function NEXTDAY(d) { return new Date(d.getTime() + 86400000); }
  function helper() { return 1; }
`;

function setup(options: Parameters<typeof emulator>[0] = {}) {
  const emu = emulator(options);
  const addon = loadBundle(BUNDLE, emu);
  const sheet = customers(emu);
  const at = (a1: string) => sheet.getRange(a1);
  return { emu, addon, sheet, at };
}

describe("formulas calling the bundle's custom functions", () => {
  it("passes a range as a 2-D array, one cell as its value, a date cell as a Date, literals as they are", () => {
    const { emu, at } = setup();
    at("F1").setFormula("=SHAPE(A1:B3)");
    at("F2").setFormula("=SHAPE(B2, C2)");
    at("F3").setFormula('=shape("x", 2.5)');
    emu.recalculate();
    expect(at("F1").getValue()).toBe("2-D 3x2");
    expect(at("F2").getValue()).toBe("number 1200 | Date 2026-11-01");
    expect(at("F3").getValue()).toBe("string x | number 2.5");
  });

  it("spills an array result down from the formula, and clears it when the result shrinks", () => {
    const { emu, at, sheet } = setup();
    at("G2").setFormula("=DOUBLE(B2:B3)");
    emu.recalculate();
    expect(sheet.getRange("G2:G3").getValues()).toEqual([[2400], [10800]]);
    expect(sheet.getRange("G3").getFormula()).toBe("");
    at("G2").setFormula("=DOUBLE(B2)");
    // One cell is a value, not a 2-D array: DOUBLE fails on it as it would in Sheets.
    emu.recalculate();
    expect(at("G2").getValue()).toBe("#ERROR!");
    expect(at("G3").getValue()).toBe("");
  });

  it("shows #REF! when the result would spill over other content, naming the cell", () => {
    const { emu, at } = setup();
    at("G3").setValue("mine");
    at("G2").setFormula("=DOUBLE(B2:B3)");
    emu.recalculate();
    expect(at("G2").getValue()).toBe("#REF!");
    expect(at("G3").getValue()).toBe("mine");
    expect(emu.formulaErrors()).toEqual([
      {
        sheet: "Customers",
        a1: "G2",
        error: "#REF!",
        message: "Array result was not expanded because it would overwrite data in G3.",
      },
    ]);
  });

  it("shows #ERROR! with the thrown message as the tooltip, and writes a Date result as a date", () => {
    const { emu, at } = setup();
    at("H1").setFormula("=FAIL()");
    at("H2").setFormula("=NEXTDAY(C2)");
    emu.recalculate();
    expect(at("H1").getValue()).toBe("#ERROR!");
    expect(emu.formulaErrors()[0]).toMatchObject({ a1: "H1", message: "FAIL needs a column: pass A2:A3." });
    expect(at("H2").getValue()).toEqual(new Date("2026-11-02T00:00:00Z"));
  });

  it("reads a named range and another sheet's range", () => {
    const { emu, at } = setup();
    emu.spreadsheet.setNamedRange("Money", customers(emu).getRange("B2:B3"));
    at("J1").setFormula("=SHAPE(Money, 'Customers'!A1)");
    emu.recalculate();
    expect(at("J1").getValue()).toBe("2-D 2x1 | string Account");
  });

  it("leaves every other formula as it was: built-ins, operators, nested calls, functions not marked @customfunction", () => {
    const { emu, at } = setup();
    const others = ["=SUM(B2:B3)", "=DOUBLE(B2:B3)*2", "=SHAPE(SUM(B2:B3))", "=helper()", "=SHAPE(B2,,C2)"];
    for (const [i, f] of others.entries()) at(`K${i + 1}`).setFormula(f);
    emu.recalculate();
    others.forEach((f, i) => {
      expect(at(`K${i + 1}`).getFormula()).toBe(f);
      expect(at(`K${i + 1}`).getValue()).toBe("");
    });
    expect(emu.formulaErrors()).toEqual([]);
  });

  it("shows #NAME? while the add-on is not in use in the document", () => {
    const { emu, at } = setup({ addonInUse: false });
    at("F1").setFormula("=SHAPE(A1)");
    emu.recalculate();
    expect(at("F1").getValue()).toBe("#NAME?");
    expect(emu.formulaErrors()[0]?.message).toBe("Unknown function: 'SHAPE'.");
  });
});
