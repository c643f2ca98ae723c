/** The Health Rubric sheet as the built bundle writes it: a designed document that reads back as the same rubric. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CellValue, parseRubric, type Rubric, rubricToGrid } from "../../src/core";
import { customers, open, pickColumn } from "./helpers";

const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

/** Saves `rubric` through the sidebar's API and returns the session and the calls the save made. */
function saved(rubric: Rubric) {
  const s = open({ Customers: customers() });
  s.emu.calls.reset();
  s.addon.call("sidebarCall", "saveRubric", [rubric]);
  return { ...s, calls: s.emu.calls.all() };
}

describe("the Health Rubric sheet", () => {
  it("has bold titles and headers, the how-to text wrapped, and band colours as filled cells", () => {
    const { emu } = saved(starter);
    const values = emu.sheetValues("Health Rubric");
    const rowOf = (first: string) => values.findIndex((r) => r[0] === first) + 1;
    expect(emu.formatAt("Health Rubric", "A1").bold).toBe(true);
    for (const title of ["Settings", "Bands", "Metrics", "Flags"]) {
      expect(emu.formatAt("Health Rubric", `A${rowOf(title)}`).bold).toBe(true);
      const header = emu.formatAt("Health Rubric", `B${rowOf(title) + 1}`);
      expect(header).toMatchObject({ bold: true, background: "#f1f3f4" });
    }
    for (const band of starter.bands) {
      const r = rowOf(band.label);
      expect(emu.formatAt("Health Rubric", `A${r}`).background).toBe(band.color);
      expect(emu.formatAt("Health Rubric", `C${r}`).background).toBe(band.color);
      expect(emu.formatAt("Health Rubric", `B${r}`).background).toBeNull();
    }
    const sheet = emu.spreadsheet.getSheetByName("Health Rubric");
    const howTo = sheet?.getRange("A2");
    expect(howTo?.getWrap()).toBe(true);
    expect(howTo?.isPartOfMerge()).toBe(true);
    expect(sheet?.getRowHeight(2)).toBeGreaterThan(21);
    // A data row is neither bold nor filled, nor is a header row past the layout's last column.
    expect(emu.formatAt("Health Rubric", `B${rowOf("Name")}`)).toMatchObject({
      bold: false,
      background: null,
    });
    const past = String.fromCharCode(65 + Math.max(...values.map((r) => r.length)));
    expect(emu.formatAt("Health Rubric", `${past}${rowOf("Metrics") + 1}`)).toMatchObject({
      bold: false,
      background: null,
    });
  });

  it("grows a short Health Rubric sheet to just the rows the rubric needs, and saves over it again", () => {
    const s = open({ Customers: customers() });
    const sheet = s.emu.spreadsheet.insertSheet("Health Rubric");
    sheet.deleteRows(11, sheet.getMaxRows() - 10); // a sheet of 10 rows, made by hand
    s.addon.call("sidebarCall", "saveRubric", [starter]);
    const rows = rubricToGrid(starter).length;
    expect(sheet.getMaxRows()).toBe(rows);
    // Now exactly as tall as the rubric: saved again, nothing is added.
    s.addon.call("sidebarCall", "saveRubric", [{ ...starter, name: "Again" }]);
    expect(sheet.getMaxRows()).toBe(rows);
    expect(s.emu.sheetValues("Health Rubric")[rows - 1]).toEqual(rubricToGrid(starter).at(-1));
  });

  it("reads back as the rubric it was saved from, formats and all", () => {
    const { emu, addon } = saved(starter);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    const data = addon.call("sidebarCall", "getSidebarData", []) as { rubric: Rubric; problems: unknown[] };
    expect(data.problems).toEqual([]);
    expect(data.rubric).toEqual(starter);
    // Saved again over itself: the merge and fills are redone, not stacked or shifted.
    addon.call("sidebarCall", "saveRubric", [starter]);
    expect(emu.spreadsheet.getSheetByName("Health Rubric")?.getRange("A2:M2").getMergedRanges()).toHaveLength(
      1,
    );
  });

  it("is dressed in the same number of service calls for 3 metrics as for 30", () => {
    const many: Rubric = {
      ...starter,
      metrics: Array.from({ length: 30 }, (_, i) => ({
        ...(starter.metrics[i % starter.metrics.length] as Rubric["metrics"][number]),
        id: `m${i}`,
        label: `Metric ${i}`,
      })),
    };
    expect(saved(many).calls).toEqual(saved(starter).calls);
  });
});

describe("the Health Rubric sheet's frame and settings", () => {
  it("notes how to edit it on A1, in a larger title, names its range HealthRubric, and shows As of as a date", () => {
    const { emu } = saved(starter);
    const sheet = emu.spreadsheet.getSheetByName("Health Rubric");
    expect(sheet?.getRange("A1").getNote()).toBe(
      "How to edit: see row 2. This sheet is the rubric the Health Score add-on scores with.",
    );
    expect(sheet?.getRange("A1").getFontSize()).toBe(14);
    expect(sheet?.getRange("A2").getVerticalAlignment()).toBe("top");
    const width = Math.max(...emu.sheetValues("Health Rubric").map((r) => r.length));
    expect(emu.spreadsheet.getRangeByName("HealthRubric")?.getA1Notation()).toBe(
      `A1:${String.fromCharCode(64 + width)}${sheet?.getMaxRows()}`,
    );
    const asOf = emu.sheetValues("Health Rubric").findIndex((r) => r[0] === "As of");
    expect(emu.sheetValues("Health Rubric")[asOf]?.[1]).toBeInstanceOf(Date);
    expect(emu.sheetDisplayValues("Health Rubric")[asOf]?.[1]).toBe("2026-11-26");
    expect(sheet?.getRange(asOf + 1, 2).getNumberFormat()).toBe("yyyy-mm-dd");
  });

  it("adds a setting as a new last row of the Settings table, as text, and changes it in place later", () => {
    const data = customers();
    (data[0] as unknown[])[0] = "0042"; // an account column named like a number
    const s = open({ Customers: data });
    s.addon.call("sidebarCall", "saveRubric", [starter]);
    const before = s.emu.sheetValues("Health Rubric");
    const settings = before.findIndex((r) => r[0] === "Settings");
    const end = before.findIndex((r, i) => i > settings + 1 && r[0] === "");
    s.addon.call("takeSnapshot");
    pickColumn(s, "0042");
    const after = s.emu.sheetValues("Health Rubric");
    expect(after[end]?.slice(0, 2)).toEqual(["Account key", "0042"]);
    // Everything else is where it was, one row lower below the new one.
    expect([...after.slice(0, end), ...after.slice(end + 1)]).toEqual(before);
    expect(s.emu.typedInput).toEqual([]);

    // Picked again (the Health History sheet renamed, so asked again): the same row changes.
    s.emu.spreadsheet
      .getSheetByName("Health Rubric")
      ?.getRange(end + 1, 1)
      .setValue("account KEY");
    s.emu.spreadsheet
      .getSheetByName("Health Rubric")
      ?.getRange(end + 1, 2)
      .setValue("");
    s.addon.call("takeSnapshot");
    pickColumn(s, "Segment");
    const again = s.emu.sheetValues("Health Rubric");
    expect(again).toHaveLength(after.length);
    expect(again[end]?.slice(0, 2)).toEqual(["account KEY", "Segment"]);
  });
});

describe("Set as-of date to today, on a Health Rubric sheet laid out by hand", () => {
  /** The starter's rubric sheet as rows, As of a day in January. */
  const grid = () => rubricToGrid(starter, { asOf: "2026-01-01" }) as CellValue[][];
  const settingsOf = (rows: CellValue[][]) => {
    const title = rows.findIndex((r) => r[0] === "Settings");
    const end = rows.findIndex((r, i) => i > title && r[0] === "");
    return { title, end };
  };
  /** Opens the sheet `rows`, sets As of to today from the menu, and gives the sheet's text before and after. */
  function setAsOf(rows: CellValue[][]) {
    const s = open({ Customers: customers(), "Health Rubric": rows });
    const before = s.emu.sheetDisplayValues("Health Rubric");
    s.addon.call("setAsOfDateToday");
    return { ...s, before, after: s.emu.sheetDisplayValues("Health Rubric") };
  }

  it("moves As of on in place when the table lists it first, under a spaced label, at the top of the sheet", () => {
    const rows = grid().slice(3); // no title or how-to rows: Settings is row 1
    const asOf = rows.findIndex((r) => r[0] === "As of");
    const [row] = rows.splice(asOf, 1);
    rows.splice(2, 0, ["As of ", ...(row as CellValue[]).slice(1)]);
    const { before, after } = setAsOf(rows);
    expect(before[2]?.slice(0, 2)).toEqual(["As of ", "2026-01-01"]);
    expect(after).toEqual(before.map((r, i) => (i === 2 ? ["As of ", "2026-11-26", ...r.slice(2)] : r)));
  });

  it("adds As of as the last row of a Settings table that ends the sheet", () => {
    const full = grid();
    const { title, end } = settingsOf(full);
    const settings = full.slice(title, end).filter((r) => r[0] !== "As of");
    const rows = [...full.slice(0, title), ...full.slice(end + 1), full[end] as CellValue[], ...settings];
    const { emu, before, after } = setAsOf(rows);
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)?.slice(0, 2)).toEqual(["As of", "2026-11-26"]);
    expect(emu.spreadsheet.getSheetByName("Health Rubric")?.getLastRow()).toBe(rows.length + 1);
  });

  it("leaves a sheet with no Settings table as it is", () => {
    const full = grid();
    const { title, end } = settingsOf(full);
    const { before, after } = setAsOf([...full.slice(0, title), ...full.slice(end + 1)]);
    expect(after).toEqual(before);
  });

  it("turns an As of cell formatted as plain text back into a date", () => {
    const s = open({ Customers: customers() });
    s.addon.call("sidebarCall", "saveRubric", [starter]);
    const sheet = s.emu.spreadsheet.getSheetByName("Health Rubric");
    const row = s.emu.sheetValues("Health Rubric").findIndex((r) => r[0] === "As of") + 1;
    sheet?.getRange(row, 2).setNumberFormat("@").setValue("2026-01-01");
    s.addon.call("setAsOfDateToday");
    // A Date of the add-on's realm (the bundle runs in its own vm context): not `instanceof` this one's.
    expect(Object.prototype.toString.call(sheet?.getRange(row, 2).getValue())).toBe("[object Date]");
    expect(sheet?.getRange(row, 2).getDisplayValue()).toBe("2026-11-26");
    expect(sheet?.getRange(row, 2).getNumberFormat()).toBe("yyyy-mm-dd");
  });
});
