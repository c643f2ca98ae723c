import { describe, expect, it } from "vitest";
import { AsOfError, chooseAsOf } from "../../src/core";

// 23:30 on 25 November in UTC is already the 26th in Berlin.
const now = new Date("2026-11-25T23:30:00Z");

describe("the as-of date", () => {
  it("is the date given for this scoring, over the sheet's and today", () => {
    expect(chooseAsOf({ given: "2026-01-31", sheet: "2026-11-01", timeZone: "UTC", now })).toBe("2026-01-31");
  });

  it("is the rubric sheet's As of when none is given (the formulas follow the commands)", () => {
    expect(chooseAsOf({ sheet: "2026-11-01", timeZone: "UTC", now })).toBe("2026-11-01");
  });

  it("is today in the spreadsheet's time zone otherwise", () => {
    expect(chooseAsOf({ timeZone: "UTC", now })).toBe("2026-11-25");
    expect(chooseAsOf({ timeZone: "Europe/Berlin", now })).toBe("2026-11-26");
  });

  it("refuses a given date that is not one, with the words to finish the sentence", () => {
    expect(() => chooseAsOf({ given: "26/11/2026", timeZone: "UTC", now })).toThrow(AsOfError);
    expect(() => chooseAsOf({ given: "2026-02-30", timeZone: "UTC", now })).toThrow(
      'must be a date written YYYY-MM-DD, not "2026-02-30"',
    );
  });

  it("reads a given date trimmed", () => {
    expect(chooseAsOf({ given: " 2026-11-26 ", timeZone: "UTC", now })).toBe("2026-11-26");
  });
});
