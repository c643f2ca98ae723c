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
