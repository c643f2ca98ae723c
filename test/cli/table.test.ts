/** cli/table.ts: the terminal table `healthscore score` prints, and the grids of calibrate's report. */
import { describe, expect, it } from "vitest";
import { grid, summaryLine, tableHeader, tableLayout, tableLine, terminalText } from "../../cli/table";
import { parseRubric, scoreTable, summarize } from "../../src/core";

const rubric = parseRubric({
  bands: [
    { label: "Needs attention", color: "#f00" },
    { label: "Fine", from: 50, color: "#b7e1cd" },
    { label: "Great", from: 90, color: "#00ff00" },
  ],
  metrics: [{ id: "usage", label: "Usage", column: "Usage", score: { type: "range", worst: 0, best: 10 } }],
});
const rows = [
  ["Acme", 2],
  ["A name much longer than twenty-eight letters", 7],
  ["Empty", ""],
];
const results = scoreTable(rubric, ["Account", "Usage"], rows, { asOf: "2026-11-26", timeZone: "UTC" });
const names = rows.map((r) => r[0] as string);
const paint = (text: string, rgb: string) => `\x1b[48;2;${rgb}m\x1b[30m${text}\x1b[0m`;

describe("the terminal table", () => {
  it("sizes the band column to the longest band, the name column to the names (at most 28, cut with …)", () => {
    const layout = tableLayout(rubric, names, { color: false });
    expect(layout).toMatchObject({ nameWidth: 28, bandWidth: "Needs attention".length });
    expect(tableHeader(layout)).toBe(
      `Account${" ".repeat(21)}   Score  Band${" ".repeat(11)}  Cover  Drivers`,
    );
    expect(rows.map((_, i) => tableLine(layout, names[i] as string, results[i] as never))).toEqual([
      `Acme${" ".repeat(24)}    20.0  Needs attention   100%  Usage 2 (−80)`,
      "A name much longer than twe…    70.0  Fine              100%  Usage 7 (−30)",
      `Empty${" ".repeat(23)}          No data             0%  No data: no metric has a value`,
    ]);
    // The narrowest columns: "Account" and "No data" are seven letters.
    expect(
      tableLayout(parseRubric({ ...rubric, bands: [{ label: "Red" }] }), ["A"], { color: false }),
    ).toMatchObject({ nameWidth: 7, bandWidth: 7 });
  });

  it("paints the band in the rubric's colour, three-digit colours too", () => {
    const layout = tableLayout(rubric, ["Acme"], { color: true });
    expect(tableLine(layout, "Acme", results[0] as never)).toBe(
      `Acme       20.0  ${paint("Needs attention", "255;0;0")}   100%  Usage 2 (−80)`,
    );
  });

  it("cuts the drivers to the terminal's width, and only when they do not fit", () => {
    const line = (width: number) =>
      tableLine(tableLayout(rubric, ["Acme"], { color: false, width }), "Acme", results[0] as never);
    const full = "Acme       20.0  Needs attention   100%  Usage 2 (−80)";
    expect(line(full.length)).toBe(full);
    expect(line(full.length - 1)).toBe(`${full.slice(0, -2)}…`);
    expect(line(10)).toBe("Acme       20.0  Needs attention   100%  …");
  });

  it("sums up the bands low to high, leaving out empty ones, with No data last, coloured when asked", () => {
    const summary = summarize(rubric, results);
    expect(summaryLine(summary)).toBe("3 accounts: Needs attention 1 · Fine 1 · No data 1");
    expect(summaryLine(summary, true)).toBe(
      `3 accounts: ${paint(" Needs attention 1 ", "255;0;0")} ${paint(" Fine 1 ", "183;225;205")} ${paint(" No data 1 ", "232;234;237")}`,
    );
    expect(summaryLine(summarize(rubric, results.slice(0, 1)))).toBe("1 account: Needs attention 1");
    const full = summarize(rubric, results.slice(0, 2));
    expect(summaryLine(full, true)).toBe(
      `2 accounts: ${paint(" Needs attention 1 ", "255;0;0")} ${paint(" Fine 1 ", "183;225;205")}`,
    );
  });

  it("keeps every cell on one line and no control character in it", () => {
    expect(terminalText("a\tb\nc\vd\fe\rf")).toBe("a b c d e f");
    expect(terminalText("\x1b[31mred\x1b[0m \u202eevil\u2069 \x9bx\x7f")).toBe("[31mred[0m evil x");
  });
});

describe("a grid", () => {
  it("pads each column to its widest cell, right-aligning 'r' columns, indented by two, no trailing spaces", () => {
    expect(
      grid([["Band", "Accounts", "Note"], ["Red", "7", "low"], ["Yellow", "120"], ["Grey"]], "lrl"),
    ).toEqual(["  Band    Accounts  Note", "  Red            7  low", "  Yellow       120", "  Grey"]);
  });
});
