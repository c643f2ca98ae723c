import { describe, expect, it } from "vitest";
import {
  dayContext,
  formulaSafe,
  isBlankRow,
  isMissingCell,
  isoDay,
  parseNumber,
  readBoolean,
  readCell,
  startsLikeFormula,
  textOf,
  todayIn,
} from "../../src/core";
import { pct, rubric, scoreRow } from "./helpers";

const utc = dayContext("2026-11-26", "UTC");
const berlin = dayContext("2026-11-26", "Europe/Berlin");

describe("parseNumber reads text the way Sheets reads a typed number", () => {
  it.each([
    ["42", 42],
    ["-3", -3],
    ["2.5", 2.5],
    ["1,200", 1200],
    ["$1,200", 1200],
    ["1,234,567.89", 1234567.89],
    ["45%", 0.45],
    ["12.5%", 0.125],
    [" 7 ", 7],
    ["€ 12.5", 12.5],
    ["(3)", -3],
    ["-$5", -5],
    [".5%", 0.005],
    ["$.5", 0.5],
    ["(.5)", -0.5],
  ])("reads %j as %d", (text, expected) => {
    expect(parseNumber(text)).toBeCloseTo(expected, 10);
  });

  it.each([
    "",
    "   ",
    "lots",
    "1,2",
    "12,34,567",
    "0x10",
    "0X1F",
    "0b101",
    "0o17",
    "Infinity",
    "-infinity",
    "+Infinity",
    "$",
    "%",
    "(3",
    "1 200",
  ])("does not read %j as a number", (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe("readBoolean reads booleans as exports write them", () => {
  it.each([
    ["TRUE", true],
    ["true", true],
    [" True ", true],
    ["FALSE", false],
    ["false", false],
    ["Yes", true],
    ["NO", false],
    [" y ", true],
    ["N", false],
    ["1", true],
    ["0", false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])("reads %j as %s", (cell, expected) => {
    expect(readBoolean(cell)).toBe(expected);
  });

  it.each(["", "truthy", "maybe", "2", "-1", "yes please", 2, 0.5])(
    "does not read %j as a boolean",
    (cell) => {
      expect(readBoolean(cell)).toBeUndefined();
    },
  );
});

describe("a number carries at most one sign", () => {
  it.each(["--5", "+-5", "-+5", "-(5)", "(-5)", "+(5)", "-$-5"])("%j is not a number", (text) => {
    expect(parseNumber(text)).toBeUndefined();
    expect(readCell(text, "number", utc)).toEqual({
      kind: "invalid",
      reason: `"${text}" is not a number: a number carries at most one sign`,
    });
  });

  it.each([
    ["-5", -5],
    ["+5", 5],
    ["(5)", -5],
    ["-$5", -5],
    ["$-5", -5],
  ])("%j is %d", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe("isoDay", () => {
  it("counts days since 1970-01-01", () => {
    expect(isoDay("1970-01-01")).toBe(0);
    expect(isoDay("1970-01-02")).toBe(1);
    expect(isoDay("2026-11-26")).toBe(Date.UTC(2026, 10, 26) / 86_400_000);
  });

  it("accepts a trailing time, reading the date as written", () => {
    expect(isoDay("2026-11-01T23:30:00Z")).toBe(isoDay("2026-11-01"));
  });

  it("rejects dates that do not exist and text that is not ISO", () => {
    expect(isoDay("2026-02-30")).toBeUndefined();
    expect(isoDay("2026-13-01")).toBeUndefined();
    expect(isoDay("01/11/2026")).toBeUndefined();
    expect(isoDay("next week")).toBeUndefined();
    expect(isoDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 86_400_000); // a leap day exists
    expect(isoDay("2024-03-01")).toBe((isoDay("2024-02-29") as number) + 1);
  });
});

describe("dayContext", () => {
  it("reads a Date in the spreadsheet's time zone", () => {
    const lateEvening = new Date("2026-11-01T23:30:00Z");
    expect(utc.dayOf(lateEvening)).toBe(isoDay("2026-11-01"));
    expect(berlin.dayOf(lateEvening)).toBe(isoDay("2026-11-02"));
    expect(dayContext("2026-11-26", "America/New_York").dayOf(new Date("2026-11-02T03:00:00Z"))).toBe(
      isoDay("2026-11-01"),
    );
  });

  it("rejects an as-of date that is not YYYY-MM-DD and an unknown time zone", () => {
    expect(() => dayContext("26/11/2026", "UTC")).toThrow(/YYYY-MM-DD/);
    expect(() => dayContext("2026-11-26", "Mars/Olympus")).toThrow(/time zone/);
  });
});

describe("readCell: missing cells", () => {
  it.each([
    ["empty text", ""],
    ["blank text", "   "],
    ["null", null],
    ["undefined", undefined],
    ["N/A", "N/A"],
    ["n/a", "n/a"],
    ["a hyphen", "-"],
    ["an em dash", "—"],
    ["#N/A", "#N/A"],
    ["#REF!", "#REF!"],
    ["#DIV/0!", "#DIV/0!"],
    ["#VALUE!", "#VALUE!"],
    ["#NAME?", "#NAME?"],
  ])("reads %s as missing for every input kind", (_name, cell) => {
    for (const input of ["number", "text", "boolean", "daysSince"] as const) {
      expect(readCell(cell, input, utc)).toEqual({ kind: "missing" });
    }
  });
});

describe("error values and text starting with #", () => {
  it("reads text that starts with # but is not an error value as text, not as missing", () => {
    expect(readCell("#1 customer", "text", utc)).toEqual({ kind: "value", value: "#1 customer" });
    expect(isMissingCell("#1 customer")).toBe(false);
    expect(isMissingCell("#N/A")).toBe(true);
  });

  it("calls an undefined cell (past a short row's end) missing", () => {
    expect(isMissingCell(undefined)).toBe(true);
    expect(isMissingCell(null)).toBe(true);
  });
});

describe("readCell: number input", () => {
  it("reads a number cell as its number", () => {
    expect(readCell(42, "number", utc)).toEqual({ kind: "value", value: 42 });
    expect(readCell(-0.5, "number", utc)).toEqual({ kind: "value", value: -0.5 });
  });

  it("reads checkboxes and TRUE/FALSE text as 1 and 0", () => {
    expect(readCell(true, "number", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell(false, "number", utc)).toEqual({ kind: "value", value: 0 });
    expect(readCell("TRUE", "number", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell("false", "number", utc)).toEqual({ kind: "value", value: 0 });
  });

  it("reads number-like text as Sheets does", () => {
    expect(readCell("1,200", "number", utc)).toEqual({ kind: "value", value: 1200 });
    expect(readCell("$1,200", "number", utc)).toEqual({ kind: "value", value: 1200 });
    expect(readCell("45%", "number", utc)).toEqual({ kind: "value", value: 0.45 });
    expect(readCell(" 7 ", "number", utc)).toEqual({ kind: "value", value: 7 });
  });

  it('finds "lots" invalid, saying it is not a number', () => {
    expect(readCell("lots", "number", utc)).toEqual({ kind: "invalid", reason: '"lots" is not a number' });
    expect(readCell("  lots ", "number", utc)).toEqual({ kind: "invalid", reason: '"lots" is not a number' });
  });

  it("shortens long invalid text in the reason", () => {
    const reading = readCell("x".repeat(100), "number", utc);
    expect(reading.kind).toBe("invalid");
    if (reading.kind === "invalid") expect(reading.reason.length).toBeLessThan(70);
  });

  it("reads TRUE/FALSE text with spaces around it as 1 and 0", () => {
    expect(readCell(" TRUE ", "number", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell("  false", "number", utc)).toEqual({ kind: "value", value: 0 });
  });

  it("reads numbers up to 1e15 and finds larger ones too large to score, quoting the trimmed cell", () => {
    expect(readCell(1e15, "number", utc)).toEqual({ kind: "value", value: 1e15 });
    expect(readCell(-1e15, "number", utc)).toEqual({ kind: "value", value: -1e15 });
    expect(readCell(1e16, "number", utc)).toEqual({
      kind: "invalid",
      reason: '"10000000000000000" is too large to score',
    });
    expect(readCell("  1e16 ", "number", utc)).toEqual({
      kind: "invalid",
      reason: '"1e16" is too large to score',
    });
  });

  it("quotes invalid text whole up to 40 characters and cuts longer text at 39 with an ellipsis", () => {
    const forty = "y".repeat(40);
    expect(readCell(forty, "number", utc)).toEqual({ kind: "invalid", reason: `"${forty}" is not a number` });
    expect(readCell(`${forty}z`, "number", utc)).toEqual({
      kind: "invalid",
      reason: `"${"y".repeat(39)}…" is not a number`,
    });
  });

  it("says a single-signed non-number or a dated text is not a number, without blaming signs", () => {
    expect(readCell("-5 apples", "number", utc)).toEqual({
      kind: "invalid",
      reason: '"-5 apples" is not a number',
    });
    expect(readCell("2026-11-01", "number", utc)).toEqual({
      kind: "invalid",
      reason: '"2026-11-01" is not a number',
    });
  });

  it("finds a date invalid where a number is wanted", () => {
    expect(readCell(new Date("2026-11-01T00:00:00Z"), "number", utc).kind).toBe("invalid");
  });
});

describe("readCell: boolean input", () => {
  it("reads checkboxes, TRUE/FALSE text and 1/0 as 1/0", () => {
    expect(readCell(true, "boolean", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell(false, "boolean", utc)).toEqual({ kind: "value", value: 0 });
    expect(readCell("True", "boolean", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell(" FALSE ", "boolean", utc)).toEqual({ kind: "value", value: 0 });
    expect(readCell(1, "boolean", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell(0, "boolean", utc)).toEqual({ kind: "value", value: 0 });
  });

  it("reads yes/no, y/n and 1/0 text as CRM exports write them", () => {
    expect(readCell("Yes", "boolean", utc)).toEqual({ kind: "value", value: 1 });
    expect(readCell(" n ", "boolean", utc)).toEqual({ kind: "value", value: 0 });
    expect(readCell("0", "boolean", utc)).toEqual({ kind: "value", value: 0 });
  });

  it("finds other cells invalid, saying what a boolean may be", () => {
    const reason = "is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)";
    expect(readCell("maybe", "boolean", utc)).toEqual({ kind: "invalid", reason: `"maybe" ${reason}` });
    expect(readCell(2, "boolean", utc)).toEqual({ kind: "invalid", reason: `"2" ${reason}` });
  });
});

describe("readCell: text input", () => {
  it("reads cells as trimmed text", () => {
    expect(readCell("  Gold ", "text", utc)).toEqual({ kind: "value", value: "Gold" });
    expect(readCell(5, "text", utc)).toEqual({ kind: "value", value: "5" });
    expect(readCell(true, "text", utc)).toEqual({ kind: "value", value: "TRUE" });
  });

  it("reads a Date as its ISO day in the spreadsheet's time zone", () => {
    const lateEvening = new Date("2026-11-01T23:30:00Z");
    expect(readCell(lateEvening, "text", utc)).toEqual({ kind: "value", value: "2026-11-01" });
    expect(readCell(lateEvening, "text", berlin)).toEqual({ kind: "value", value: "2026-11-02" });
  });
});

describe("readCell: daysSince input", () => {
  it("counts whole days from a Date to the as-of date, read in the given time zone", () => {
    const lateEvening = new Date("2026-11-01T23:30:00Z");
    expect(readCell(lateEvening, "daysSince", utc)).toEqual({ kind: "value", value: 25 });
    // 2026-11-01T23:30Z is already 2026-11-02 in Berlin.
    expect(readCell(lateEvening, "daysSince", berlin)).toEqual({ kind: "value", value: 24 });
  });

  it("counts days from ISO text", () => {
    expect(readCell("2026-11-01", "daysSince", utc)).toEqual({ kind: "value", value: 25 });
    expect(readCell(" 2026-11-26 ", "daysSince", utc)).toEqual({ kind: "value", value: 0 });
    expect(readCell("2025-11-26", "daysSince", utc)).toEqual({ kind: "value", value: 365 });
  });

  it("counts a future date as 0 days", () => {
    expect(readCell("2026-12-25", "daysSince", utc)).toEqual({ kind: "value", value: 0 });
    expect(readCell(new Date("2027-01-01T00:00:00Z"), "daysSince", utc)).toEqual({ kind: "value", value: 0 });
  });

  it("finds text that is not a date invalid, naming the format", () => {
    expect(readCell("last week", "daysSince", utc)).toEqual({
      kind: "invalid",
      reason: '"last week" is not a date (use YYYY-MM-DD)',
    });
    expect(readCell("2026-02-30", "daysSince", utc).kind).toBe("invalid");
    expect(readCell(45000, "daysSince", utc).kind).toBe("invalid");
  });

  it("finds an invalid Date invalid rather than throwing", () => {
    expect(readCell(new Date(Number.NaN), "daysSince", utc).kind).toBe("invalid");
  });
});

describe("textOf", () => {
  it("shows cells as a map scorer and a text flag compare them", () => {
    expect(textOf(null)).toBe("");
    expect(textOf(undefined)).toBe("");
    expect(textOf(true)).toBe("TRUE");
    expect(textOf(false)).toBe("FALSE");
    expect(textOf(12)).toBe("12");
    expect(textOf("  Gold ")).toBe("Gold");
    expect(textOf(new Date(Number.NaN))).toBe("");
    expect(textOf(new Date("2026-11-01T00:00:00Z"))).toBe("2026-11-01");
  });
});

describe("bad cells in a table", () => {
  const r = rubric({ metrics: [pct("Logins 30d"), pct("NPS")] });

  it("counts an invalid cell as missing and says why, without throwing", () => {
    const result = scoreRow(r, { "Logins 30d": "lots", NPS: 80 });
    expect(result.score).toBe(80);
    expect(result.missing).toEqual(["Logins_30d"]);
    expect(result.invalid).toEqual([
      { id: "Logins_30d", label: "Logins 30d", column: "Logins 30d", reason: '"lots" is not a number' },
    ]);
  });

  it("does not list a plainly missing cell as invalid", () => {
    const result = scoreRow(r, { "Logins 30d": "#N/A", NPS: 80 });
    expect(result.missing).toEqual(["Logins_30d"]);
    expect(result.invalid).toEqual([]);
  });
});

describe("text written into a spreadsheet or CSV stays text", () => {
  it.each(['=HYPERLINK("x")', "+Good", "-NPS 5 (−23)", "@SUM(A1)", "\tTab", "\rCR"])(
    "puts an apostrophe before %j, which would run as a formula",
    (text) => {
      expect(startsLikeFormula(text)).toBe(true);
      expect(formulaSafe(text)).toBe(`'${text}`);
    },
  );

  it.each(["Green", "NPS 5 (−23)", "", "5 = five", "−3"])("leaves %j as it is", (text) => {
    expect(formulaSafe(text)).toBe(text);
  });
});

describe("isBlankRow", () => {
  it("calls a row blank only when no cell is filled", () => {
    expect(isBlankRow(["", null, ""])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([undefined, "", undefined])).toBe(true);
    expect(isBlankRow(["", 0, ""])).toBe(false);
    expect(isBlankRow(["", " ", ""])).toBe(false);
  });
});

describe("days in a time zone without Intl's formatToParts", () => {
  it("reads the same day from the formatted date, as in a runtime whose Intl lacks formatToParts", () => {
    const instant = new Date("2026-11-26T03:30:00Z"); // still the 25th in New York
    const expected = todayIn("America/New_York", instant);
    const proto = Intl.DateTimeFormat.prototype as { formatToParts?: unknown };
    const saved = proto.formatToParts;
    try {
      proto.formatToParts = undefined;
      expect(todayIn("America/New_York", instant)).toBe(expected);
      expect(todayIn("Asia/Tokyo", instant)).toBe("2026-11-26");
    } finally {
      proto.formatToParts = saved;
    }
    expect(expected).toBe("2026-11-25");
  });
});
