import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  formatProblem,
  parseRubric,
  parseRule,
  readRubricGrid,
  rubricSheetLook,
  rubricToGrid,
  ruleText,
  validateRubric,
} from "../../src/core";
import { anyRubric } from "./arbitraries";

const OPTIONS = { timeZone: "Europe/London" };
const starter = (name: string) => parseRubric(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")));
const STARTERS = ["simple-ryg", "points-five-tier", "five-dimensions", "lifecycle", "from-activity"];

/** Finds a table row by its first cell and returns it with its 1-based sheet row. */
function rowOf(
  grid: CellValue[][],
  first: string,
  after = "Metrics",
): { row: CellValue[]; sheetRow: number } {
  const start = grid.findIndex((r) => r[0] === after);
  const index = grid.findIndex((r, i) => i > start && r[0] === first);
  return { row: grid[index] as CellValue[], sheetRow: index + 1 };
}

describe("the rubric sheet", () => {
  it.each(STARTERS)("holds the %s starter rubric losslessly, and reads it back without a warning", (name) => {
    const rubric = starter(name);
    const reading = readRubricGrid(rubricToGrid(rubric), OPTIONS);
    expect(reading.errors).toEqual([]);
    expect(reading.warnings).toEqual([]);
    expect(reading.rubric).toEqual(rubric);
  });

  it("shows a from-metric's aggregate in words in its From cell, and names that cell when the words are wrong", () => {
    const grid = rubricToGrid(starter("from-activity"));
    const sources = rowOf(grid, "logins", "Sources");
    expect(sources.row.slice(0, 4)).toEqual(["logins", "Logins", "Account", "Date"]);
    const metrics = grid.findIndex((r) => r[0] === "Metrics");
    const fromCol = (grid[metrics + 1] as CellValue[]).indexOf("From");
    const trend = rowOf(grid, "login_trend");
    expect(trend.row[fromCol]).toBe("count of logins, last 30 days, % change from the previous 30 days");
    const p1 = rowOf(grid, "p1_tickets");
    expect(p1.row[fromCol]).toBe("count of tickets, where Priority is P1 and Status is Open");
    trend.row[fromCol] = "count of logins, last month";
    p1.row[fromCol] = "count of web";
    const messages = readRubricGrid(grid, OPTIONS).errors.map(formatProblem);
    const letter = String.fromCharCode(65 + fromCol);
    expect(messages).toEqual([
      `Health Rubric!${letter}${trend.sheetRow}: write the window as “last 30 days”, not “last month”`,
      `Health Rubric!${letter}${p1.sheetRow}: from.source "web" is not a source: use one of "logins", "tickets", "nps"`,
    ]);
  });

  it("keeps the As of date and the data sheet beside the rubric", () => {
    const grid = rubricToGrid(starter("simple-ryg"), { asOf: "2026-11-26", dataSheet: "Customers" });
    expect(readRubricGrid(grid, OPTIONS).settings).toEqual({ asOf: "2026-11-26", dataSheet: "Customers" });
    // Sheets hands a date cell over as a Date: it is read in the spreadsheet's zone.
    const asOf = rowOf(grid, "As of", "Settings").row;
    asOf[1] = new Date("2026-11-25T23:30:00Z");
    expect(readRubricGrid(grid, { timeZone: "Europe/Berlin" }).settings.asOf).toBe("2026-11-26");
  });

  it("names the cell of a hand-edited mistake", () => {
    const grid = rubricToGrid(starter("simple-ryg"));
    const { row, sheetRow } = rowOf(grid, "nps");
    row[4] = -1; // Weight is column E
    const reading = readRubricGrid(grid, OPTIONS);
    expect(reading.rubric).toBeUndefined();
    expect(reading.errors.map(formatProblem)).toEqual([
      `Health Rubric!E${sheetRow}: weight must be a number ≥ 0, not -1`,
    ]);
  });

  it.each(["constructor", "hasOwnProperty", "__proto__"])(
    "refuses %j as a group name at its cell, with no other error",
    (name) => {
      const grid = rubricToGrid(starter("five-dimensions"));
      for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === "Adoption") row[c] = name;
      const { sheetRow } = rowOf(grid, name, "Groups");
      const reading = readRubricGrid(grid, OPTIONS);
      expect(reading.rubric).toBeUndefined();
      expect(reading.errors.map(formatProblem)[0]).toBe(
        `Health Rubric!A${sheetRow}: "${name}" cannot be a group name: JavaScript reserves it; choose another name`,
      );
      expect(reading.errors.map(formatProblem).join("\n")).not.toMatch(/listed twice/);
    },
  );

  it.each(["__proto__", "constructor"])("refuses %j as a segment name at its cell", (name) => {
    const grid = rubricToGrid(starter("lifecycle"));
    const title = grid.findIndex((row) => row[0] === "Segments");
    const segment = grid[title + 2]?.[0] as string; // the first segment, under the table's header row
    for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === segment) row[c] = name;
    const { sheetRow } = rowOf(grid, name, "Segments");
    const messages = readRubricGrid(grid, OPTIONS).errors.map(formatProblem);
    expect(messages[0]).toBe(
      `Health Rubric!A${sheetRow}: "${name}" cannot be a segment name: JavaScript reserves it; choose another name`,
    );
  });

  it("names the Rule cell when a rule cannot be read, and the Scorer cell for an unknown scorer", () => {
    const grid = rubricToGrid(starter("simple-ryg"));
    const features = rowOf(grid, "features");
    features.row[8] = "at least seven: 100";
    const nps = rowOf(grid, "nps");
    nps.row[7] = "curve";
    const messages = readRubricGrid(grid, OPTIONS).errors.map(formatProblem);
    expect(messages).toContain(
      `Health Rubric!I${features.sheetRow}: "at least seven: 100" is not part of a steps rule: write steps like "min 7: 100; min 4 max 6: 70; else: 10"`,
    );
    expect(
      messages.some((m) =>
        m.startsWith(`Health Rubric!H${nps.sheetRow}: score.type unknown scorer type "curve"`),
      ),
    ).toBe(true);
  });

  it("reads tables wherever they are and columns in any order", () => {
    const grid = rubricToGrid(starter("simple-ryg"));
    // Swap Label and Column in the Metrics header and every metric row, then move Flags to the top.
    const metricsAt = grid.findIndex((r) => r[0] === "Metrics");
    for (let i = metricsAt + 1; i < grid.length && grid[i]?.[0] !== ""; i++) {
      const r = grid[i] as CellValue[];
      [r[1], r[2]] = [r[2] as CellValue, r[1] as CellValue];
    }
    const flagsAt = grid.findIndex((r) => r[0] === "Flags");
    const flags = grid.splice(flagsAt - 1, 4);
    grid.splice(2, 0, ...flags);
    expect(readRubricGrid(grid, OPTIONS).rubric).toEqual(starter("simple-ryg"));
  });

  it("says which table is missing when the sheet was cleared", () => {
    const reading = readRubricGrid([["Health Rubric"], ["some notes"]], OPTIONS);
    expect(reading.errors.map(formatProblem)).toEqual([
      "Health Rubric: has no Settings, Bands, Metrics table: put each title (Settings, Bands, Metrics) in column A, above its header row. Set the sheet up again from Extensions → Health Score if it was cleared.",
    ]);
  });
});

describe("rule cells", () => {
  it("write and read every scorer", () => {
    const scorers = starter("five-dimensions").metrics.map((m) => m.score);
    for (const s of scorers)
      expect(
        validateRubric({
          bands: [{ label: "A" }],
          metrics: [{ id: "x", column: "x", score: parseRule(s.type, ruleText(s)) }],
        }).rubric?.metrics[0]?.score,
      ).toEqual(s);
  });

  it("keep map keys with quotes, semicolons and colons intact", () => {
    const values = { 'Say "hi"; then: go': 10, "back\\slash": 20, plain: 30 };
    const text = ruleText({ type: "map", values, else: 5 });
    expect(parseRule("map", text)).toEqual({ type: "map", values, else: 5 });
  });

  it("accept unquoted map keys typed by hand", () => {
    expect(parseRule("map", "Gold: 100; Silver: 60; else: 20")).toEqual({
      type: "map",
      values: { Gold: 100, Silver: 60 },
      else: 20,
    });
  });
});

// ---------------------------------------------------------------- property: any valid rubric survives the sheet

describe("property", () => {
  it("any valid rubric → sheet → rubric is equal", () => {
    fc.assert(
      fc.property(anyRubric, (rubric) => {
        const reading = readRubricGrid(rubricToGrid(rubric), OPTIONS);
        expect(reading.errors).toEqual([]);
        expect(reading.rubric).toEqual(rubric);
      }),
      { numRuns: 300 },
    );
  });
});

describe("how the rubric sheet looks", () => {
  it("bolds the title, each table's title and header row, and fills each band's cells with its colour", () => {
    const rubric = starter("simple-ryg");
    const grid = rubricToGrid(rubric);
    const look = rubricSheetLook(grid);
    const titleRows = look.titles.map((r) => grid[r - 1]?.[0]);
    expect(titleRows).toEqual(["Health Rubric", "Settings", "Bands", "Metrics", "Flags"]);
    expect(look.headers.map((r) => grid[r - 1]?.[0])).toEqual(["Setting", "Band", "Id", "Id"]);
    expect(look.width).toBe(grid[0]?.length);
    const fills = look.bandFills;
    expect(fills && grid[fills.row - 1]?.[0]).toBe(rubric.bands[0]?.label);
    // Band and Color are filled with the band's colour; From, between them, is not.
    expect(fills?.fills).toEqual(rubric.bands.map((b) => [b.color, null, b.color]));
  });

  it("wraps the how-to text in a row tall enough for all its lines", () => {
    const look = rubricSheetLook(rubricToGrid(starter("simple-ryg")));
    expect(look.instructions.row).toBe(2);
    expect(look.instructions.height).toBeGreaterThanOrEqual(3 * 18);
  });

  it("leaves a band whose colour is not a #rgb colour unfilled", () => {
    const grid = rubricToGrid(starter("simple-ryg"));
    const band = grid.findIndex((r) => r[0] === "Band") + 1;
    (grid[band] as CellValue[])[2] = "reddish";
    expect(rubricSheetLook(grid).bandFills?.fills[0]).toEqual([null, null, null]);
  });
});
