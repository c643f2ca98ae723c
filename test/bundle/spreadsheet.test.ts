/** The spreadsheet's time zone, the one the add-on's dates are in, through the bundle. */
import { describe, expect, it } from "vitest";
import { customers, open } from "./helpers";

/** The As of the rubric sheet shows once set up, NOW being 10:00 UTC on 26 November 2026. */
function asOfShown(timeZone: string, scriptTimeZone: string): string | undefined {
  const { emu, addon } = open({ Customers: customers() }, undefined, { timeZone, scriptTimeZone });
  addon.call("setupRubricSheet");
  return emu.sheetDisplayValues("Health Rubric").find((r) => r[0] === "As of")?.[1];
}

describe("the spreadsheet's time zone", () => {
  it("dates today in the spreadsheet's zone, not the script's", () => {
    expect(asOfShown("Pacific/Kiritimati", "America/Los_Angeles")).toBe("2026-11-27");
  });
});
