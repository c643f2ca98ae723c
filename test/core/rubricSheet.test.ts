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
import { HOW_TO_EDIT } from "../../src/core/rubricSheet";
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

// ---------------------------------------------------------------- cell by cell

/** A row of the sheet as written: its cells, then blank cells up to the layout's 12 columns. */
const laid = (...cells: CellValue[]): CellValue[] => [...cells, ...new Array(12 - cells.length).fill("")];
/** The simple-ryg sheet (rows 1-27: Settings 4-10, Bands 12-16, Metrics 18-23, Flags 25-27) as cells to edit. */
const simpleSheet = () => rubricToGrid(starter("simple-ryg"));
/** Sets a cell by its A1 reference (single-letter columns) and returns the grid. */
function put(grid: CellValue[][], cell: string, value: CellValue): CellValue[][] {
  const row = grid[Number(cell.slice(1)) - 1] as CellValue[];
  row[cell.charCodeAt(0) - 65] = value;
  return grid;
}
const problems = (grid: CellValue[][]) => {
  const reading = readRubricGrid(grid, OPTIONS);
  return {
    errors: reading.errors.map(formatProblem),
    warnings: reading.warnings.map(formatProblem),
    reading,
  };
};

describe("writing the rubric sheet", () => {
  it("writes the title, the how-to text and the Settings table, every row 12 cells wide", () => {
    const grid = simpleSheet();
    expect(grid.slice(0, 11)).toEqual([
      laid("Health Rubric"),
      laid(HOW_TO_EDIT),
      laid(),
      laid("Settings"),
      laid("Setting", "Value"),
      laid("Name", "Simple red / yellow / green"),
      laid("Method", "weighted"),
      laid("Missing", "skip"),
      laid("Version", 1),
      laid("As of", ""),
      laid(),
    ]);
    expect(grid.every((r) => r.length === 12)).toBe(true);
  });

  it("writes the data sheet, account key and key settings only when they are set, and reads them back", () => {
    const rubric = starter("from-activity");
    const grid = rubricToGrid(rubric, { dataSheet: "Customers", accountKey: "Account" });
    const settings = grid.slice(
      5,
      grid.findIndex((r, i) => i > 4 && r[0] === ""),
    );
    expect(settings.map((r) => r.slice(0, 2))).toEqual([
      ["Name", rubric.name],
      ["Method", rubric.method],
      ["Missing", rubric.missing],
      ["Version", 1],
      ["As of", ""],
      ["Data sheet", "Customers"],
      ["Account key", "Account"],
      ["Key", rubric.key],
    ]);
    expect(readRubricGrid(grid, OPTIONS).settings).toStrictEqual({
      dataSheet: "Customers",
      accountKey: "Account",
    });
    const unnamed = rubricToGrid({ ...starter("simple-ryg"), name: undefined } as never);
    expect(unnamed[5]).toEqual(laid("Name", ""));
  });

  it("writes each band, metric and flag as one row, blank where a field is absent", () => {
    const grid = simpleSheet();
    expect(grid.slice(11, 17)).toEqual([
      laid("Bands"),
      laid("Band", "From", "Color", "Action", "Segment"),
      laid("Red", "", "#f4c7c3", "Call within 48 hours", ""),
      laid("Yellow", 40, "#fce8b2", "Review at the next check-in", ""),
      laid("Green", 70, "#b7e1cd", "", ""),
      laid(),
    ]);
    expect(grid[22]).toEqual(
      laid(
        "p1_tickets",
        "Open P1 tickets",
        "Open P1 tickets",
        "",
        1,
        "number",
        "",
        "steps",
        "max 0: 100; max 1: 60; max 3: 30",
        "",
        "",
        "",
      ),
    );
    expect(grid[26]).toEqual(
      laid("no_login_30d", "No login in 30 days", "Logins 30d", "", "", "", 0, "", "", 39, "", ""),
    );
    expect(grid).toHaveLength(27);
  });

  it("writes the sources once each, and keeps a segment's empty map of groups as a row of its own", () => {
    const grid = rubricToGrid(starter("from-activity"));
    const title = grid.findIndex((r) => r[0] === "Sources");
    expect(
      grid
        .slice(
          title + 2,
          grid.findIndex((r, i) => i > title && r[0] === ""),
        )
        .map((r) => r[0]),
    ).toEqual(["logins", "tickets", "nps"]);
    const lifecycle = starter("lifecycle");
    const withEmpty = {
      ...lifecycle,
      segments: {
        column: "Segment",
        rubrics: { Onboarding: { ...lifecycle.segments?.rubrics.Onboarding, method: "points", groups: {} } },
      },
    };
    const reading = readRubricGrid(rubricToGrid(withEmpty as never), OPTIONS);
    expect(reading.errors).toEqual([]);
    expect(reading.rubric).toEqual(validateRubric(withEmpty).rubric);
    const grid2 = rubricToGrid(withEmpty as never);
    const groups = grid2.findIndex((r) => r[0] === "Groups");
    expect(grid2.slice(groups, groups + 4)).toEqual([
      laid("Groups"),
      laid("Group", "Weight", "Segment"),
      laid("", "", "Onboarding"),
      laid(),
    ]);
  });
});

describe("rule cells, clause by clause", () => {
  it("write a rule as a person would type it, leaving out else 0 and points 100", () => {
    expect(
      ruleText({
        type: "steps",
        steps: [{ min: 4, max: 6, score: 70 }, { max: 2, score: 0 }, { score: 5 }],
        else: 0,
      }),
    ).toBe("min 4 max 6: 70; max 2: 0; : 5");
    expect(ruleText({ type: "steps", steps: [{ min: 7, score: 100 }], else: 40 })).toBe(
      "min 7: 100; else: 40",
    );
    expect(ruleText({ type: "range", worst: 0, best: 20, points: 100 })).toBe("worst 0; best 20");
    expect(ruleText({ type: "range", worst: 0, best: 20, points: 50 })).toBe("worst 0; best 20; points 50");
    expect(ruleText({ type: "map", values: { Gold: 100 }, else: 0 })).toBe('"Gold": 100');
    expect(ruleText({ type: "perUnit", points: 10 })).toBe("points 10");
    expect(ruleText({ type: "perUnit", points: 10, cap: 30 })).toBe("points 10; cap 30");
  });

  it("read a step with no bounds, and skip empty clauses", () => {
    expect(parseRule("steps", "min 7: 100;; : 5; else: 1;")).toEqual({
      type: "steps",
      steps: [{ min: 7, score: 100 }, { score: 5 }],
      else: 1,
    });
  });

  it("read map keys typed by hand: spaces before the colon, quotes inside, numbers with an exponent", () => {
    expect(parseRule("map", 'Gold : 100; "a:b": 1E2')).toEqual({
      type: "map",
      values: { Gold: 100, "a:b": 100 },
    });
    expect(parseRule("map", '12" screen: 3')).toEqual({ type: "map", values: { '12" screen': 3 } });
  });

  const mapHelp = 'write values like "\\"Gold\\": 100; \\"Silver\\": 60; else: 20"';
  it.each([
    ["Gold 100", `"Gold 100" is not part of a map rule: ${mapHelp}`],
    ["Gold: lots", `"Gold: lots" is not part of a map rule: ${mapHelp}`],
    ['"Gold\\x": 5', `""Gold\\x": 5" is not part of a map rule: ${mapHelp}`],
    ['"Gold\\', `""Gold\\" is not part of a map rule: ${mapHelp}`],
  ])("say which map clause %j cannot be read", (text, message) => {
    expect(parseRule("map", text)).toBe(message);
  });

  it.each([
    [
      "range",
      "worst 0; colour 5",
      '"colour 5" is not part of a range rule: write a range like "worst 0; best 20"',
    ],
    [
      "scale",
      "neutral three",
      '"neutral three" is not part of a scale rule: write a scale like "neutral 3; step 5"',
    ],
  ])("say which %s clause cannot be read", (type, text, message) => {
    expect(parseRule(type, text)).toBe(message);
  });
});

describe("reading the rubric sheet, cell by cell", () => {
  it("names the first band's From cell when it is filled in", () => {
    expect(problems(put(simpleSheet(), "B14", 10)).errors).toEqual([
      "Health Rubric!B14: from must be blank on the first band: it takes every score below the next band",
    ]);
  });

  it("names the As of cell when it is not a date, and reads a blank one as no date", () => {
    const { errors, reading } = problems(put(simpleSheet(), "B10", "next week"));
    expect(errors).toEqual(['Health Rubric!B10: As of must be a date (YYYY-MM-DD), not "next week"']);
    expect(reading.rubric).toBeUndefined();
    expect(problems(put(simpleSheet(), "B10", new Date(Number.NaN))).errors).toEqual([
      'Health Rubric!B10: As of must be a date (YYYY-MM-DD), not ""',
    ]);
    for (const blank of [null, undefined]) {
      const grid = put(simpleSheet(), "B10", blank as never);
      expect(problems(grid).errors).toEqual([]);
      grid[9] = ["As of"];
      const r = readRubricGrid(grid, OPTIONS);
      expect([r.errors, r.settings]).toStrictEqual([[], {}]);
    }
  });

  it("warns of an unknown setting, ignores a row with no setting name, and reads blank settings as unset", () => {
    const grid = simpleSheet();
    grid.splice(10, 0, ["Colour", "blue"], ["", "stray"], ["Data sheet", ""], ["ACCOUNT KEY"]);
    const { errors, warnings, reading } = problems(grid);
    expect([errors, warnings]).toEqual([[], ['Health Rubric!A11: unknown setting "Colour" is ignored']]);
    expect(reading.settings).toStrictEqual({});
    (grid[13] as CellValue[])[1] = "Account";
    expect(readRubricGrid(grid, OPTIONS).settings).toStrictEqual({ accountKey: "Account" });
  });

  it("names the Rule cell for a scorer's missing field, and the Scorer cell when there is no Rule column", () => {
    const blankRule = put(put(simpleSheet(), "H21", "perUnit"), "I21", "");
    expect(problems(blankRule).errors).toEqual([
      "Health Rubric!I21: score.points is required and must be a number",
    ]);
    expect(problems(put(simpleSheet(), "H21", "")).errors).toEqual([
      "Health Rubric!I21: score needs a scorer: an object with a type (steps, range, map, scale, perUnit)",
    ]);
    const noRule = put(put(simpleSheet(), "I19", "Notes"), "H21", "perUnit");
    expect(problems(noRule).errors).toEqual([
      "Health Rubric!H20: score.worst is required and must be a number",
      "Health Rubric!H20: score.best is required and must be a number",
      "Health Rubric!H21: score.points is required and must be a number",
      "Health Rubric!H22: score.steps needs at least one step like { min: 10, score: 100 }",
      "Health Rubric!H23: score.steps needs at least one step like { min: 10, score: 100 }",
    ]);
  });

  it("reads a text cell as text, a number typed as text as its number, and yes/no as a boolean", () => {
    const grid = put(put(put(simpleSheet(), "B21", 2024), "E21", " 1,200 "), "J21", "no");
    const metric = readRubricGrid(grid, OPTIONS).rubric?.metrics[1];
    expect([metric?.label, metric?.weight, metric?.actionable]).toEqual(["2024", 1200, false]);
    // Actionable is the default: "yes" reads as true, which the rubric leaves unsaid.
    const yes = problems(put(simpleSheet(), "J21", "yes"));
    expect([yes.errors, yes.reading.rubric?.metrics[1]]).toEqual([[], starter("simple-ryg").metrics[1]]);
    expect(problems(put(simpleSheet(), "J21", "maybe")).errors).toEqual([
      'Health Rubric!J21: actionable must be true or false, not "maybe"',
    ]);
    const flag = readRubricGrid(put(put(simpleSheet(), "G27", ""), "F27", "5"), OPTIONS).rubric?.flags[0];
    expect(flag).toEqual({
      id: "no_login_30d",
      label: "No login in 30 days",
      column: "Logins 30d",
      min: 5,
      cap: 39,
    });
  });

  it("names a bad From once, and still names the row's other mistakes", () => {
    const grid = put(put(put(simpleSheet(), "C21", ""), "K21", "count of logins, last month"), "E21", -1);
    expect(problems(grid).errors).toEqual([
      "Health Rubric!K21: write the window as “last 30 days”, not “last month”",
      "Health Rubric!E21: weight must be a number ≥ 0, not -1",
    ]);
    expect(problems(put(simpleSheet(), "C21", "")).errors).toEqual(["Health Rubric!C21: column is required"]);
  });

  it("passes on validation's warnings at their cell", () => {
    const grid = put(put(simpleSheet(), "H21", "map"), "I21", '"N/A": 5; "Gold": 10');
    const { errors, warnings, reading } = problems(grid);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'Health Rubric!I21: score.values.N/A "N/A" never matches: a cell holding it is missing, and counts by the missing policy instead',
    ]);
    expect(reading.rubric?.metrics[1]?.score).toEqual({
      type: "map",
      values: { "N/A": 5, Gold: 10 },
      else: 0,
    });
  });

  it("names the sheet for a problem no cell holds", () => {
    const grid = simpleSheet();
    grid.splice(13, 3);
    expect(problems(grid).errors).toEqual([
      "Health Rubric: bands needs at least one band, listed from low to high",
    ]);
  });

  it("reads an absent Flags table as no flags", () => {
    const grid = simpleSheet().slice(0, 23);
    expect(readRubricGrid(grid, OPTIONS).rubric?.flags).toEqual([]);
  });

  it("reads a band named like a table as a band, and the first of two columns with the same header", () => {
    const grid = put(put(simpleSheet(), "A15", "Flags"), "M19", "Weight");
    for (const r of grid.slice(19, 23)) r.push(99);
    const rubric = readRubricGrid(grid, OPTIONS).rubric;
    expect(rubric?.bands.map((b) => b.label)).toEqual(["Red", "Flags", "Green"]);
    expect(rubric?.metrics.map((m) => m.weight)).toEqual([3, 2, 2, 1]);
  });

  it("reads a table that ends the sheet with no header row", () => {
    const grid = [...simpleSheet().slice(0, 24), ["Flags"]];
    expect(readRubricGrid(grid, OPTIONS).rubric?.flags).toEqual([]);
  });
});

describe("reading groups and segments from the sheet", () => {
  /** The five-dimensions sheet: Groups rows 20-24 (Adoption … External). */
  const groupsSheet = () => rubricToGrid(starter("five-dimensions"));

  it("names a group's Weight cell for a bad weight, and its name cell when it is listed twice or unnamed", () => {
    expect(problems(put(groupsSheet(), "B20", -1)).errors).toEqual([
      "Health Rubric!B20: weight must be a number ≥ 0, not -1",
    ]);
    const twice = groupsSheet();
    twice.splice(24, 0, laid("Adoption", 5));
    expect(problems(twice).errors).toEqual(['Health Rubric!A25: group "Adoption" is listed twice']);
    const unnamed = groupsSheet();
    unnamed.splice(24, 0, laid("", 5));
    expect(problems(unnamed).errors).toEqual(["Health Rubric!A25: a group needs a name"]);
  });

  it("names a source's Source cell when a filled row has no name", () => {
    const grid = rubricToGrid(starter("from-activity"));
    const first = grid.findIndex((r) => r[0] === "Sources") + 3;
    // First, before each metric that reads the source it no longer finds.
    expect(problems(put(grid, `A${first}`, "")).errors[0]).toBe(
      `Health Rubric!A${first}: a source needs a name`,
    );
  });

  it("names a segment's cells, and every row of a segment the Segments table lacks", () => {
    const sheet = () => rubricToGrid(starter("lifecycle"));
    expect(problems(put(sheet(), "C41", "curve")).errors).toEqual([
      'Health Rubric!C41: method must be one of "weighted", "points", not "curve"',
    ]);
    const unnamed = put(sheet(), "A41", "");
    expect(problems(unnamed).errors).toEqual([
      "Health Rubric!A41: a segment needs a name (the value its rows have in the segment column)",
      ...["E18", "E19", "E20", "L29", "L30", "L31", "L32", "L37"].map(
        (cell) => `Health Rubric!${cell}: segment "Onboarding" is not in the Segments table`,
      ),
      "Health Rubric: segments.rubrics needs at least one segment rubric",
    ]);
    expect(problems(put(sheet(), "B11", "")).errors).toEqual([
      'Health Rubric: has segments but no "Segment column" setting naming the column that holds them',
      "Health Rubric!B11: segments.column is required",
    ]);
  });

  it("reads a Segment column setting without a Segments table as segments with none listed", () => {
    const grid = simpleSheet();
    grid.splice(10, 0, ["Segment column", "Stage"]);
    expect(problems(grid).errors).toEqual([
      "Health Rubric: segments.rubrics needs at least one segment rubric",
    ]);
  });

  it("reads a segment named with other case and spaces on its rows", () => {
    const grid = put(rubricToGrid(starter("lifecycle")), "L29", "  onboarding ");
    expect(readRubricGrid(grid, OPTIONS).rubric).toEqual(starter("lifecycle"));
  });
});

describe("how the rubric sheet looks, exactly", () => {
  it("sizes the how-to row for its lines, and lays out an empty grid at the default width", () => {
    expect(rubricSheetLook(simpleSheet()).instructions).toEqual({ row: 2, height: 4 * 18 + 8 });
    expect(rubricSheetLook([])).toEqual({
      width: 12,
      instructions: { row: 2, height: 26 },
      titles: [1],
      headers: [],
    });
    const wide = simpleSheet().map((r) => [...r, ""]);
    expect(rubricSheetLook(wide).width).toBe(13);
  });

  it("fills the band cells wherever the Band and Color columns are", () => {
    // Move the Bands table one column right, with Color before Band.
    const grid = simpleSheet();
    for (let r = 12; r <= 15; r++) {
      const [band, from, color, action] = grid[r] as CellValue[];
      grid[r] = laid("", color as CellValue, from as CellValue, band as CellValue, action as CellValue);
    }
    const look = rubricSheetLook(grid);
    expect(look.bandFills).toEqual({
      row: 14,
      column: 2,
      fills: [
        ["#f4c7c3", null, "#f4c7c3"],
        ["#fce8b2", null, "#fce8b2"],
        ["#b7e1cd", null, "#b7e1cd"],
      ],
    });
  });

  it("fills nothing when the Bands table has no rows, or no Band or Color column", () => {
    const empty = simpleSheet();
    empty.splice(13, 3);
    expect(rubricSheetLook(empty).bandFills).toBeUndefined();
    expect(rubricSheetLook(put(simpleSheet(), "A13", "Name")).bandFills).toBeUndefined();
    expect(rubricSheetLook(put(simpleSheet(), "C13", "Colour")).bandFills).toBeUndefined();
  });
});
