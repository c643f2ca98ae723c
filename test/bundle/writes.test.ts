/** What the add-on writes into cells: text stays text and dates are dates, without relying on Sheets reading typed input. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRubric } from "../../src/core";
import { customers, open, pickColumn } from "./helpers";

describe("text and dates written to cells", () => {
  it("formats text cells as plain text and writes dates as Dates, so Sheets reads nothing it writes", () => {
    // A US-locale spreadsheet: typed dates there are month first.
    const session = open({ Customers: customers() }, undefined, { locale: "en_US" });
    const { emu, addon } = session;
    addon.clickMenuItem("Set up rubric sheet");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.clickMenuItem("Rescore all rows");
    addon.clickMenuItem("Take snapshot");
    pickColumn(session, "Account");
    addon.clickMenuItem("Check rubric against churn");
    pickColumn(session, "Churned");
    addon.clickMenuItem("Set as-of date to today");
    expect(emu.ui.alerts).toEqual([]);
    // Every string went into a plain-text cell: no apostrophe stripped, nothing parsed.
    expect(emu.typedInput).toEqual([]);

    const history = emu.sheetValues("Health History");
    expect(history[1]?.[0]).toBeInstanceOf(Date);
    expect(emu.sheetDisplayValues("Health History")[1]?.[0]).toBe("2026-11-26");
    const rubric = emu.sheetValues("Health Rubric");
    expect(rubric.find((r) => r[0] === "As of")?.[1]).toBeInstanceOf(Date);
    const customersSheet = emu.spreadsheet.getSheetByName("Customers");
    const band = (emu.sheetValues("Customers")[0] as unknown[]).indexOf("Health Band") + 1;
    expect(customersSheet?.getRange(2, band).getNumberFormat()).toBe("@");
  });

  it("keeps a band label that Sheets would read as a formula as the text it is", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Set up rubric sheet");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    const rubric = emu.spreadsheet.getSheetByName("Health Rubric");
    const values = rubric?.getDataRange().getValues() ?? [];
    const red = values.findIndex((r) => r[0] === "Red") + 1;
    rubric?.getRange(red, 1).setNumberFormat("@").setValue("+Call now");
    addon.clickMenuItem("Rescore all rows");
    const after = emu.sheetValues("Customers");
    const band = (after[0] as unknown[]).indexOf("Health Band");
    expect(after.some((r) => r[band] === "+Call now")).toBe(true);
    expect(emu.typedInput.filter((t) => t.sheet === "Customers")).toEqual([]);
  });

  it("saves a rubric whose labels look like a percentage, a date and a formula as that text, and leaves number and blank cells unformatted", () => {
    const { emu, addon } = open({ Customers: customers() });
    const rubric = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));
    const labels = ["45%", "2026-11-26", "=1+1"];
    rubric.bands.forEach((b, i) => {
      b.label = labels[i] as string;
    });
    (rubric.metrics[2] as { label: string }).label = "-NPS";
    addon.call("sidebarCall", "saveRubric", [rubric]);
    expect(emu.typedInput).toEqual([]);
    const values = emu.sheetValues("Health Rubric");
    for (const label of [...labels, "-NPS"]) expect(values.flat()).toContain(label);

    // Text cells are plain text; numbers and blank cells keep the sheet's format, so a threshold
    // typed into a blank cell later is a number.
    const formats = emu.spreadsheet.getSheetByName("Health Rubric")?.getDataRange().getNumberFormats() ?? [];
    values.forEach((row, r) => {
      row.forEach((v, c) => {
        const text = typeof v === "string" && v !== "";
        expect(formats[r]?.[c] === "@", `row ${r + 1}, column ${c + 1}: ${String(v)}`).toBe(text);
      });
    });
    expect(values.flat().filter((v) => v === "").length).toBeGreaterThan(0);
    expect(values.flat().filter((v) => typeof v === "number").length).toBeGreaterThan(0);
  });
});
