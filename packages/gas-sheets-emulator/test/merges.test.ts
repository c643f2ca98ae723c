import { describe, expect, it } from "vitest";
import { customers, emulator } from "./helpers";

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
