/** The data sheet as the commands read it: displayed cells and output columns, through the bundle (its size limit: rescore.test.ts). */
import { describe, expect, it } from "vitest";
import { parseRubric, rubricToGrid } from "../../src/core";
import { customers, open } from "./helpers";

const OUTPUTS = ["Health Score", "Health Band", "Health Drivers", "Coverage"];

describe("cells the rubric matches as the sheet displays them", () => {
  // Two map metrics on columns apart, so the one display read spans B to D.
  const rubric = parseRubric({
    bands: [{ label: "Low" }, { label: "High", from: 50 }],
    metrics: [
      {
        id: "discount",
        column: "Discount",
        score: { type: "map", values: { "12%": 80, "25%": 20 }, else: 0 },
      },
      { id: "uplift", column: "Uplift", score: { type: "map", values: { "5%": 90, "50%": 10 }, else: 0 } },
    ],
  });

  it("reads each column's displayed text, below a title row too", () => {
    const rows: unknown[][] = [
      ["Accounts, November"],
      ["Account", "Discount", "NPS", "Uplift"],
      ["Acme", 0.12, 7, 0.05],
      ["Globex", 0.25, 7, 0.5],
    ];
    const { emu, addon } = open({ Customers: rows, "Health Rubric": rubricToGrid(rubric) }, "Customers");
    emu.spreadsheet.getSheetByName("Customers")?.getRange("B3:D4").setNumberFormat("0%");
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const score = (after[1] as unknown[]).indexOf("Health Score");
    expect(after.slice(2).map((r) => r[score])).toEqual([85, 15]);
  });
});

describe("output columns", () => {
  it("refuses a Coverage column of the user's that holds one value among blanks", () => {
    const data = customers().map((row, i) => [...row, i === 0 ? "Coverage" : i === 5 ? "High touch" : ""]);
    const { emu, addon } = open({ Customers: data });
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^Column AA is titled "Coverage", but Health Score did not make it/,
    );
    expect(emu.sheetValues("Customers")).toEqual(data);
  });

  it("writes adjacent output columns with one call, whatever order their headers stand in", () => {
    const calls = (headers: string[]) => {
      const data = customers().map((row, i) => [...row, ...headers.map((h) => (i === 0 ? h : ""))]);
      const { emu, addon } = open({ Customers: data });
      emu.calls.reset();
      addon.call("rescoreAll");
      expect(emu.ui.alerts).toEqual([]);
      const after = emu.sheetValues("Customers");
      expect(after[0]?.slice(-4)).toEqual(headers);
      expect(after[1]?.[26 + headers.indexOf("Health Band")]).toMatch(/^(Red|Yellow|Green)$/);
      return emu.calls.get("Range.setValues");
    };
    expect(calls(["Coverage", "Health Drivers", "Health Band", "Health Score"])).toBe(calls(OUTPUTS));
  });
});
