import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGG_KINDS, type From, fromText, parseFromText } from "../../src/core";

describe("the From cell", () => {
  it("says a from as a person would", () => {
    expect(fromText({ source: "logins", agg: "count", days: 30 })).toBe("count of logins, last 30 days");
    expect(
      fromText({
        source: "tickets",
        agg: "count",
        where: [
          { column: "Priority", equals: "P1" },
          { column: "Status", in: ["Open", "Pending"] },
        ],
      }),
    ).toBe("count of tickets, where Priority is P1 and Status is Open or Pending");
    expect(fromText({ source: "nps", agg: "avg", column: "Score", days: 90, compare: "previous" })).toBe(
      "average Score in nps, last 90 days, % change from the previous 90 days",
    );
    expect(fromText({ source: "logins", agg: "latest", column: "Date" })).toBe("latest Date in logins");
  });

  it("quotes names and values that would read back as something else", () => {
    const from: From = {
      source: "t",
      agg: "sum",
      column: "Hours in queue",
      where: [
        { column: "Code", equals: "10" },
        { column: "Flag", equals: true },
        { column: "Note", contains: 'say "hi", or not' },
        { column: "Size", min: 1, max: 5 },
      ],
    };
    expect(fromText(from)).toBe(
      'sum "Hours in queue" in t, where Code is "10" and Flag is TRUE and Note contains "say ""hi"", or not" and Size is between 1 and 5',
    );
    expect(parseFromText(fromText(from))).toEqual(from);
  });

  it("reads hand-typed text in any case", () => {
    expect(parseFromText("COUNT of logins,  LAST 7 days, where status is open")).toEqual({
      source: "logins",
      agg: "count",
      days: 7,
      where: [{ column: "status", equals: "open" }],
    });
    expect(parseFromText("avg Score in nps, where Score is at least 3")).toEqual({
      source: "nps",
      agg: "avg",
      column: "Score",
      where: [{ column: "Score", min: 3 }],
    });
  });

  it("says what is wrong with text it cannot read", () => {
    expect(parseFromText("logins in the last month")).toMatch(/must start with an aggregate/);
    expect(parseFromText("sum in logins")).toMatch(/needs a column/);
    expect(parseFromText("count of logins, last month")).toMatch(/last 30 days/);
    expect(parseFromText("count of logins, where Status")).toMatch(/needs “is” or “contains”/);
    expect(parseFromText("count of logins, last 7 days, % change from the previous 30 days")).toMatch(
      /must match the window/,
    );
    expect(parseFromText('count of "logins')).toMatch(/quote is not closed/);
  });

  it("writes one day, a count of a column's cells, and names that read as numbers or TRUE bare", () => {
    expect(fromText({ source: "logins", agg: "count", days: 1 })).toBe("count of logins, last 1 day");
    expect(fromText({ source: "logins", agg: "count", column: "Email" })).toBe("count Email in logins");
    expect(parseFromText("count Email in logins")).toEqual({
      source: "logins",
      agg: "count",
      column: "Email",
    });
    // A column name is never read as a value, so it needs no quotes.
    const year: From = {
      source: "budget",
      agg: "sum",
      column: "2025",
      where: [{ column: "TRUE", equals: 5 }],
    };
    expect(fromText(year)).toBe("sum 2025 in budget, where TRUE is 5");
    expect(parseFromText(fromText(year))).toEqual(year);
    expect(fromText({ source: "logins", agg: "count", where: [] })).toBe("count of logins");
  });

  it("writes names of several words bare, and values that only start or end like TRUE or FALSE", () => {
    const from: From = {
      source: "usage",
      agg: "avg",
      column: "Seat utilisation",
      where: [
        { column: "Region", equals: "True North" },
        { column: "Answer", equals: "Untrue" },
        { column: "Alert", in: ["False alarm", "Not false"] },
      ],
    };
    const text =
      "average Seat utilisation in usage, where Region is True North and Answer is Untrue and Alert is False alarm or Not false";
    expect(fromText(from)).toBe(text);
    expect(parseFromText(text)).toEqual(from);
  });

  it("reads values that start with a keyword, and an empty quoted value", () => {
    expect(parseFromText("count of accounts, where Status is at risk and Seats is one")).toEqual({
      source: "accounts",
      agg: "count",
      where: [
        { column: "Status", equals: "at risk" },
        { column: "Seats", equals: "one" },
      ],
    });
    expect(parseFromText('count of tickets, where Owner is ""')).toEqual({
      source: "tickets",
      agg: "count",
      where: [{ column: "Owner", equals: "" }],
    });
  });

  const EXAMPLE = "“count of logins, last 30 days, where Status is Open”";
  const wrong: [string, string][] = [
    ["", `it must start with an aggregate (count, distinct, sum, average, min, max, latest): ${EXAMPLE}`],
    [
      '"count" of logins',
      `it must start with an aggregate (count, distinct, sum, average, min, max, latest): ${EXAMPLE}`,
    ],
    [
      "count logins",
      "name the source at the end of “count logins”, like “count of logins” or “latest Date in logins”",
    ],
    [
      'count of "logins"',
      "name the source at the end of “count of logins”, like “count of logins” or “latest Date in logins”",
    ],
    [
      "count by logins",
      "name the source at the end of “count by logins”, like “count of logins” or “latest Date in logins”",
    ],
    ['sum "Amount" due in invoices', "“sum” needs a column, like “sum Score in nps”"],
    ["count of logins,, last 30 days", `an empty part between commas: write it like ${EXAMPLE}`],
    ["count of logins, last 30", "write the window as “last 30 days”, not “last 30”"],
    ["count of logins, last 30 weeks", "write the window as “last 30 days”, not “last 30 weeks”"],
    ["count of logins, last thirty days", "write the window as “last 30 days”, not “last thirty days”"],
    ["count of logins, last 30 days ago", "write the window as “last 30 days”, not “last 30 days ago”"],
    ['count of logins, last "30" days', "write the window as “last 30 days”, not “last 30 days”"],
    ["count of logins, where", "“where” needs a condition, like “where Status is Open”"],
    ["count of logins, where is Open", "a condition needs a column before “is” or “contains”"],
    ["count of tickets, where Note contains", '"Note contains" needs the text to look for'],
    ["count of tickets, where Score is at least many", '"Score is at least" needs a number'],
    ['count of tickets, where Score is at most "3"', '"Score is at most" needs a number'],
    ["count of tickets, where Score is at least", '"Score is at least" needs a number'],
    [
      "count of tickets, where Size is between x and 5",
      '"Size is between" needs two numbers, like “between 1 and 5”',
    ],
    [
      "count of tickets, where Size is between 1 and x",
      '"Size is between" needs two numbers, like “between 1 and 5”',
    ],
    [
      "count of tickets, where Size is between 1 or 5",
      '"Size is between" needs two numbers, like “between 1 and 5”',
    ],
    ["count of tickets, where Status is", '"Status is" needs a value'],
    ["count of tickets, where Status is Open and", "a condition is missing after “and”"],
    ["count of tickets, where Score is at least 3 days", 'expected “and” before "days"'],
    ['count of tickets, where Note contains big "deal"', 'expected “and” before "deal"'],
    [
      "count of logins, by week",
      "“by week” is not understood: parts after the first are “last N days”, “where …” and “% change from the previous N days”",
    ],
    [
      "count of logins, last 30 days, % change from the previous 30",
      "write the comparison as “% change from the previous 30 days”",
    ],
    [
      "count of logins, last 30 days, % change from the previous 30 weeks",
      "write the comparison as “% change from the previous 30 days”",
    ],
    [
      "count of logins, last 30 days, % change from the previous thirty days",
      "write the comparison as “% change from the previous 30 days”",
    ],
    [
      "count of logins, last 30 days, % change from the previous 30 days ago",
      "write the comparison as “% change from the previous 30 days”",
    ],
  ];
  for (const [text, message] of wrong) {
    it(`says what is wrong with “${text}”`, () => {
      expect(parseFromText(text)).toBe(message);
    });
  }

  const word = fc
    .stringMatching(/^[A-Za-z0-9 _,"%.-]{1,12}$/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const value = fc.oneof(word, fc.integer({ min: -99, max: 999 }), fc.boolean());
  const condition = fc.oneof(
    fc.record({ column: word, equals: value }),
    fc.record({ column: word, in: fc.array(value, { minLength: 1, maxLength: 3 }) }),
    fc.record({ column: word, contains: word }),
    fc.record({ column: word, min: fc.integer({ min: -9, max: 9 }) }),
    fc.record({ column: word, max: fc.integer({ min: -9, max: 9 }) }),
  );
  const from = fc
    .record(
      {
        source: fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/),
        agg: fc.constantFrom(...AGG_KINDS),
        column: word,
        days: fc.integer({ min: 1, max: 400 }),
        where: fc.array(condition, { minLength: 1, maxLength: 3 }),
        compare: fc.constant("previous" as const),
      },
      { requiredKeys: ["source", "agg"] },
    )
    .map((f) => {
      const out: From = { ...f } as From;
      if (out.agg === "count") delete out.column;
      else if (out.column === undefined) out.column = "Value";
      if (out.days === undefined) delete out.compare;
      return out;
    });

  it("reads back every from it writes", () => {
    fc.assert(
      fc.property(from, (f) => {
        expect(parseFromText(fromText(f))).toEqual(f);
      }),
      { numRuns: 500 },
    );
  });
});
