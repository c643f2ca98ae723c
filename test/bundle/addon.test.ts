/**
 * The built add-on (dist/Code.js), run in a fresh vm context holding only the emulated Apps
 * Script services, driven as Sheets drives it.
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { createEmulator, loadBundle } from "gas-sheets-emulator";
import { describe, expect, it } from "vitest";
import { explain, parseRubric, planner, rubricToGrid, scoreTable } from "../../src/core";
import { code, customers, FROM_SOURCES, open, pickColumn } from "./helpers";

const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

// What only the built bundle has: its text and its vm context (not there when run from the sources).
describe.skipIf(FROM_SOURCES)("the bundle", () => {
  it("declares every entry point as a top-level function, custom functions with their JSDoc", () => {
    const { addon } = open({ Customers: customers() });
    for (const name of [
      "onOpen",
      "onInstall",
      "showSidebar",
      "sidebarCall",
      "HEALTHSCORE",
      "HEALTHBAND",
      "HEALTHDRIVERS",
      "HEALTHPLAN",
      "rescoreAll",
      "applyColorBands",
      "removeColorBands",
      "insertLiveScoreColumn",
      "setupRubricSheet",
      "checkRubric",
      "setAsOfDateToday",
      "showFormulaHelp",
      "takeSnapshot",
      "scheduleWeeklySnapshot",
      "stopScheduledSnapshot",
      "HEALTHTREND",
      "checkCalibration",
    ]) {
      expect(addon.has(name), name).toBe(true);
    }
    const doc =
      /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function HEALTHSCORE\(values, headers, rubric, as_of, \.\.\.sources\)/.exec(
        code(),
      );
    expect(doc?.[1]).toContain("@customfunction");
    for (const param of ["values", "headers", "rubric", "as_of", "sources"])
      expect(doc?.[1]).toMatch(new RegExp(`@param \\{[^}]+\\} ${param} `));
    expect(doc?.[1]).toContain("@return");
    expect(code()).toMatch(
      /@customfunction\s*\*\/\s*function HEALTHDRIVERS\(values, headers, rubric, as_of, top_n, \.\.\.sources\)/,
    );
    expect(code()).toMatch(
      /@customfunction\s*\*\/\s*function HEALTHPLAN\(values, headers, rubric, as_of, target, \.\.\.sources\)/,
    );
  });

  it("loads with no Node globals in reach, and leaves only entry points global", () => {
    const addon = loadBundle(code(), createEmulator({ sheets: { Sheet1: [] } }));
    const globals = vm.runInContext("Object.keys(globalThis)", addon.context) as string[];
    for (const forbidden of ["require", "process", "module", "fetch", "Buffer", "setTimeout"]) {
      expect(globals).not.toContain(forbidden);
    }
    // Besides the emulated services and the entry points, one private object: the bundle.
    const services = [
      "SpreadsheetApp",
      "PropertiesService",
      "LockService",
      "HtmlService",
      "ScriptApp",
      "Session",
    ];
    const extra = globals.filter(
      (g) => !services.includes(g) && !/^[A-Z][a-zA-Z]+$/.test(g) && !/^[a-z][a-zA-Z]+$/.test(g),
    );
    expect(extra).toEqual(["HealthScore_"]);
  });
});

describe("the menu", () => {
  it("builds Extensions → Health Score on open, even without authorisation", () => {
    const { emu, addon } = open({ Customers: customers() }); // opening runs onOpen without authorisation
    const menu = emu.ui.menus.at(-1);
    expect(menu?.addon).toBe(true);
    const captions = menu?.items.map((i) => ("caption" in i ? i.caption : "—"));
    expect(captions).toEqual([
      "Edit rubric",
      "Rescore all rows",
      "Apply colour bands",
      "Remove colour bands",
      "Insert live score column",
      "—",
      "Take snapshot",
      "Schedule weekly snapshot",
      "Stop scheduled snapshot",
      "Rescore history with this rubric",
      "Backfill history from sources",
      "Check rubric against churn",
      "—",
      "Set up rubric sheet",
      "Check rubric",
      "Set as-of date to today",
      "—",
      "How to use the formulas",
    ]);
    // Every item names a function the bundle defines.
    for (const item of menu?.items ?? [])
      if ("functionName" in item) expect(addon.has(item.functionName)).toBe(true);
  });

  it("builds the same menu on install", () => {
    const { emu, addon } = open({ Sheet1: [] });
    const opened = emu.ui.menus.at(-1);
    addon.call("onInstall", emu.openEvent("FULL"));
    expect(emu.ui.menus.at(-1)).toEqual(opened);
  });
});

describe("HEALTHSCORE, HEALTHBAND, HEALTHDRIVERS", () => {
  const data = customers();
  const headers = [data[0]];
  const rows = data.slice(1);
  const expected = scoreTable(starter, data[0] as string[], rows as never, {
    asOf: "2026-11-26",
    timeZone: "Europe/London",
  });

  it("scores a whole range in one call, as the core does", () => {
    const { addon } = open({ Customers: data });
    const scores = addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, headers) as unknown[][];
    expect(scores).toHaveLength(rows.length);
    expect(scores.map((r) => r[0])).toEqual(expected.map((r) => (r.score === null ? "No data" : r.score)));
  });

  it("answers a single value for a single row, and blanks for blank rows", () => {
    const { addon } = open({ Customers: data });
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [rows[0]], headers)).toBe(expected[0]?.score);
    const blank = (data[0] as unknown[]).map(() => "");
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [rows[0], blank], headers)).toEqual([
      [expected[0]?.score],
      [""],
    ]);
  });

  it("turns scores into bands and explains each score", () => {
    const { addon } = open({ Customers: data });
    // A checkbox (TRUE) is no score.
    const bands = addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", [
      [75],
      [40],
      [39.9],
      [""],
      ["No data"],
      [true],
    ]);
    expect(bands).toEqual([["Green"], ["Yellow"], ["Red"], [""], ["No data"], ["No data"]]);
    const drivers = addon.callAs(
      "CUSTOM_FUNCTION",
      "HEALTHDRIVERS",
      rows,
      headers,
      undefined,
      undefined,
      1,
    ) as unknown[][];
    // top_n 1: one metric named per row; fired flags always named.
    for (const d of drivers)
      expect(
        String(d[0])
          .split("; ")
          .filter((p) => /\(−\d+\)$/.test(p)).length,
      ).toBeLessThanOrEqual(1);
    const flagged = expected.findIndex((r) => r.flags.length > 0);
    expect(flagged).toBeGreaterThanOrEqual(0);
    expect(drivers[flagged]?.[0]).toContain("flag: No login in 30 days (cap 39)");
    expect(drivers.at(-1)?.[0]).toBe("No data: no metric has a value");
  });

  it("answers HEALTHBAND over a row or a block in the same shape, dropping nothing", () => {
    const { addon } = open({ Customers: data });
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", [[75, 40, 39.9, "", 12]])).toEqual([
      ["Green", "Yellow", "Red", "", "Red"],
    ]);
    expect(
      addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", [
        [75, "No data"],
        ["40", 10],
      ]),
    ).toEqual([
      ["Green", "No data"],
      ["Yellow", "Red"],
    ]);
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", 75)).toBe("Green");
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", [[75]])).toBe("Green");
  });

  it("gives the line and column of a JSON syntax error in the rubric cell", () => {
    const { addon } = open({ Customers: data });
    const json = '{"bands": [{"label": "Low"},],\n "metrics": []}';
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [rows[0]], headers, json)).toThrow(
      'The rubric cell is not valid JSON at line 1, column 29: a comma before "]": remove the last comma.',
    );
  });

  it("caps a long list of problems in the cell's error", () => {
    const { addon } = open({ Customers: data });
    const metrics = Array.from({ length: 1000 }, (_, i) => ({
      id: `m${i}`,
      column: "NPS",
      score: { type: "magic" },
    }));
    const json = JSON.stringify({ bands: [{ label: "Low" }], metrics });
    let message = "";
    try {
      addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [rows[0]], headers, json);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^The rubric JSON has 1,000 problems: metrics\[0\]\.score\.type: unknown scorer type "magic"/,
    );
    expect(message).toMatch(/; …and 980 more\.$/);
    expect(message.split("; ")).toHaveLength(21);
  });

  it("answers HEALTHPLAN with one sentence per row, the same plans as the core's", () => {
    const { addon } = open({ Customers: data });
    const options = { asOf: "2026-11-26", timeZone: "Europe/London" };
    const plans = planner(starter, data[0] as string[], options);
    const sentences = addon.callAs(
      "CUSTOM_FUNCTION",
      "HEALTHPLAN",
      rows,
      headers,
      undefined,
      "2026-11-26",
    ) as unknown[][];
    expect(sentences.map((r) => r[0])).toEqual(rows.map((row) => plans.planRow(row as never).why));
    const red = expected.findIndex((r) => r.band === "Red" && r.flags.length === 0);
    expect(sentences[red]?.[0]).toMatch(/^Seat utilisation \S+ → \S+ → Yellow \(\d+(\.\d)?\)$/);
    const green = addon.callAs(
      "CUSTOM_FUNCTION",
      "HEALTHPLAN",
      [rows[red]],
      headers,
      undefined,
      "2026-11-26",
      "Green",
    );
    expect(green).toMatch(/→ Green \(/);
    expect(() =>
      addon.callAs("CUSTOM_FUNCTION", "HEALTHPLAN", rows, headers, undefined, undefined, "Blue"),
    ).toThrow('HEALTHPLAN: The target band "Blue" is not a band of this rubric: use Red, Yellow or Green.');
  });

  it("reads the rubric from the Health Rubric range passed to it, and names the cell of a mistake", () => {
    const { emu, addon } = open({ Customers: data });
    addon.call("setupRubricSheet");
    const rubricRange = emu.sheetValues("Health Rubric");
    const scores = addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, headers, rubricRange) as unknown[][];
    expect(scores.map((r) => r[0])).toEqual(expected.map((r) => (r.score === null ? "No data" : r.score)));

    // A hand edit: a negative weight on the NPS row.
    const sheet = emu.spreadsheet.getSheetByName("Health Rubric");
    const npsRow = rubricRange.findIndex((r) => r[0] === "nps") + 1;
    sheet?.getRange(npsRow, 5).setValue(-1);
    expect(() =>
      addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, headers, emu.sheetValues("Health Rubric")),
    ).toThrow(
      `The rubric range has 1 problem: Health Rubric!E${npsRow}: weight must be a number ≥ 0, not -1.`,
    );
  });

  it("takes rubric JSON from a cell", () => {
    const { addon } = open({ Customers: data });
    const json = JSON.stringify({
      bands: [{ label: "Low" }, { label: "High", from: 50 }],
      metrics: [{ id: "nps", column: "NPS", score: { type: "range", worst: 0, best: 10 } }],
    });
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [rows[0]], headers, json)).toBe(
      ((rows[0] as unknown[])[10] as number) * 10,
    );
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [rows[0]], headers, "{ nope")).toThrow(
      /^The rubric cell is not valid JSON/,
    );
  });

  it("takes rubric JSON from a cell that starts with spaces or a new line", () => {
    const { addon } = open({ Customers: data });
    const json = JSON.stringify({
      bands: [{ label: "Low" }, { label: "High", from: 50 }],
      metrics: [{ id: "nps", column: "NPS", score: { type: "range", worst: 0, best: 10 } }],
    });
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", 75, `\n  ${json}`)).toBe("High");
  });

  it("says what a rubric argument must be when it is neither the rubric range nor JSON, quoting it", () => {
    const { addon } = open({ Customers: data });
    const must =
      "The rubric argument must be the Health Rubric range (e.g. HealthRubric) or a cell holding rubric JSON, not";
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", 75, "Health Rubric")).toThrow(
      `${must} "Health Rubric".`,
    );
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", 75, 5)).toThrow(`${must} 5.`);
  });

  it("names the Health Rubric sheet's mistakes when no rubric is passed and the sheet has one", () => {
    const { emu, addon } = open({ Customers: data });
    addon.call("setupRubricSheet");
    const npsRow = emu.sheetValues("Health Rubric").findIndex((r) => r[0] === "nps") + 1;
    emu.spreadsheet.getSheetByName("Health Rubric")?.getRange(npsRow, 5).setValue(-1);
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHBAND", 75)).toThrow(
      `The Health Rubric sheet has 1 problem: Health Rubric!E${npsRow}: weight must be a number ≥ 0, not -1.`,
    );
  });

  it("throws one clear sentence for ranges that do not fit", () => {
    const { addon } = open({ Customers: data });
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [[1, 2, 3]], [["A", "B"]])).toThrow(
      "HEALTHSCORE: the values have 3 columns but the headers have 2: pass ranges of the same columns, e.g. =HEALTHSCORE(A2:M200, A1:M1).",
    );
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", [[1]], [["Logins"]])).toThrow(
      /^HEALTHSCORE: The data has no columns "Seat utilisation" \(read by metric "Seat utilisation"\)/,
    );
  });

  it("counts days to the as_of date given, else the rubric sheet's As of, else today", () => {
    const json = JSON.stringify({
      bands: [{ label: "All" }],
      metrics: [{ id: "d", column: "Last login", input: "daysSince", score: { type: "perUnit", points: 1 } }],
      method: "points",
    });
    const { addon } = open({ Customers: data });
    const last = [["2026-11-01"]];
    const h = [["Last login"]];
    expect(
      addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", last, h, json, new Date("2026-11-11T00:00:00Z")),
    ).toBe(10);
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", last, h, json, "2026-11-21")).toBe(20);
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", last, h, json)).toBe(25); // today, 2026-11-26
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", last, h, json, "soon")).toThrow(
      /as_of must be a date/,
    );
  });

  it("counts days to an explicit as_of even when the rubric sheet has its own As of", () => {
    const rubric = parseRubric({
      bands: [{ label: "All" }],
      metrics: [{ id: "d", column: "Last login", input: "daysSince", score: { type: "perUnit", points: 1 } }],
      method: "points",
    });
    const { emu, addon } = open({ Customers: data });
    const grid = rubricToGrid(rubric, { asOfDate: new Date("2026-11-11T00:00:00Z") });
    emu.spreadsheet
      .insertSheet("Health Rubric")
      .getRange(1, 1, grid.length, (grid[0] as unknown[]).length)
      .setValues(grid as never);
    const last = [["2026-11-01"]];
    const h = [["Last login"]];
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", last, h)).toBe(10); // the sheet's As of
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", last, h, undefined, "2026-11-21")).toBe(20);
  });

  it("says which argument is missing or the wrong shape, naming the function called", () => {
    const { addon } = open({ Customers: data });
    const call =
      (fn: string, ...args: unknown[]) =>
      () =>
        addon.callAs("CUSTOM_FUNCTION", fn, ...args);
    expect(call("HEALTHSCORE")).toThrow(
      "HEALTHSCORE needs the data rows and their header row, e.g. =HEALTHSCORE(A2:M200, A1:M1).",
    );
    expect(call("HEALTHDRIVERS", rows)).toThrow(/^HEALTHDRIVERS needs the data rows and their header row/);
    expect(call("HEALTHPLAN", undefined, headers)).toThrow(
      /^HEALTHPLAN needs the data rows and their header row/,
    );
    expect(call("HEALTHSCORE", rows, [data[0], data[0]])).toThrow(
      "HEALTHSCORE: headers must be one row (e.g. A1:M1), but it has 2 rows.",
    );
    expect(call("HEALTHDRIVERS", [[1, 2, 3]], [["A", "B"]])).toThrow(
      /^HEALTHDRIVERS: the values have 3 columns/,
    );
    expect(call("HEALTHPLAN", [[1, 2, 3]], [["A", "B"]])).toThrow(/^HEALTHPLAN: the values have 3 columns/);
    expect(call("HEALTHBAND")).toThrow("HEALTHBAND needs scores, e.g. =HEALTHBAND(N2:N200).");
  });

  it("names top_n drivers for HEALTHDRIVERS, three when the cell is empty, and refuses a top_n that is not a whole number", () => {
    const { addon } = open({ Customers: data });
    const drivers = (topN: unknown) =>
      addon.callAs(
        "CUSTOM_FUNCTION",
        "HEALTHDRIVERS",
        rows,
        headers,
        undefined,
        undefined,
        topN,
      ) as unknown[][];
    const three = rows.map((_, i) => [explain(expected[i] as never, 3)]);
    expect(drivers(undefined)).toEqual(three);
    expect(drivers("")).toEqual(three);
    expect(drivers(0)).toEqual(rows.map((_, i) => [explain(expected[i] as never, 0)]));
    for (const bad of [-1, 1.5, "many"])
      expect(() => drivers(bad)).toThrow(
        `HEALTHDRIVERS: top_n must be a whole number ≥ 0, not ${JSON.stringify(bad)}.`,
      );
  });

  it("answers blank for a blank row in HEALTHDRIVERS and HEALTHPLAN", () => {
    const { addon } = open({ Customers: data });
    const blank = (data[0] as unknown[]).map(() => "");
    for (const fn of ["HEALTHDRIVERS", "HEALTHPLAN"]) {
      const answers = addon.callAs(
        "CUSTOM_FUNCTION",
        fn,
        [rows[0], blank],
        headers,
        undefined,
        "2026-11-26",
      ) as unknown[][];
      expect(answers[1], fn).toEqual([""]);
      expect(answers[0]?.[0], fn).not.toBe("");
    }
  });

  it("scores 10,000 rows in one call", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => rows[i % rows.length]);
    const { addon } = open({ Customers: data });
    const scores = addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", many, headers) as unknown[][];
    expect(scores).toHaveLength(10_000);
    // Row 9,801 is the first account again: the starter rubric gives it 69.5.
    expect(scores[9_800]).toEqual([69.5]);
    expect(scores[9_999]).toEqual(["No data"]);
    const once = expected.map((r) => (r.score === null ? "No data" : r.score));
    expect(scores.map((r) => r[0])).toEqual(many.map((_, i) => once[i % rows.length]));
  });
});

describe("the rubric sheet commands", () => {
  it("sets up the Health Rubric sheet with today's As of and a named range, and never replaces one", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("setupRubricSheet");
    const values = emu.sheetValues("Health Rubric");
    expect(values[0]?.[0]).toBe("Health Rubric");
    const asOf = values.find((r) => r[0] === "As of")?.[1];
    expect(asOf).toBeInstanceOf(Date);
    expect(emu.spreadsheet.getRangeByName("HealthRubric")?.getSheet().getName()).toBe("Health Rubric");
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^Created the Health Rubric sheet/);

    addon.call("setupRubricSheet");
    expect(emu.sheetValues("Health Rubric")).toEqual(values);
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^The rubric "Simple red \/ yellow \/ green" is valid/);
  });

  it("checks the rubric sheet and lists each problem with its cell", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("checkRubric");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/has no Health Rubric sheet yet/);
    addon.call("setupRubricSheet");
    const values = emu.sheetValues("Health Rubric");
    const bandsAt = values.findIndex((r) => r[0] === "Yellow") + 1;
    emu.spreadsheet.getSheetByName("Health Rubric")?.getRange(bandsAt, 2).setValue("forty");
    addon.call("checkRubric");
    expect(emu.ui.alerts.at(-1)?.prompt).toContain(
      `• Health Rubric!B${bandsAt}: from must be a number, not "forty"`,
    );
  });

  it("keeps label text as text, even when it looks like a formula", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("setupRubricSheet");
    const formulas = emu
      .sheetFormulas("Health Rubric")
      .flat()
      .filter((f) => f !== "");
    expect(formulas).toEqual([]);
  });
});

describe("what the menu commands say", () => {
  it("says whether the rubric sheet is valid, and how many problems to fix, one per line", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("setupRubricSheet");
    addon.call("checkRubric");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      'The rubric "Simple red / yellow / green" is valid: 4 metrics, 1 flag, bands Red / Yellow / Green.',
    );
    const values = emu.sheetValues("Health Rubric");
    const sheet = emu.spreadsheet.getSheetByName("Health Rubric");
    const yellow = values.findIndex((r) => r[0] === "Yellow") + 1;
    sheet?.getRange(yellow, 2).setValue("forty");
    addon.call("checkRubric");
    expect(emu.ui.alerts.at(-1)?.prompt.split("\n")).toEqual([
      "The Health Rubric sheet has 1 problem. Fix it and check again:",
      `• Health Rubric!B${yellow}: from must be a number, not "forty"`,
    ]);
    const green = values.findIndex((r) => r[0] === "Green") + 1;
    sheet?.getRange(green, 2).setValue("seventy");
    addon.call("checkRubric");
    const lines = emu.ui.alerts.at(-1)?.prompt.split("\n") ?? [];
    expect(lines[0]).toBe("The Health Rubric sheet has 2 problems. Fix them and check again:");
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines.slice(1).every((l) => l.startsWith("• Health Rubric!B"))).toBe(true);
  });

  it("moves As of to today when there is a rubric sheet, and says where to make one when there is not", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Set as-of date to today");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      "There is no As of cell: set up the Health Rubric sheet first (Extensions → Health Score → Set up rubric sheet).",
    );
    expect(emu.spreadsheet.getSheetByName("Health Rubric")).toBeNull();
    addon.call("setupRubricSheet");
    const sheet = emu.spreadsheet.getSheetByName("Health Rubric");
    const asOfRow = emu.sheetValues("Health Rubric").findIndex((r) => r[0] === "As of") + 1;
    sheet?.getRange(asOfRow, 2).setValue("2026-01-01");
    addon.clickMenuItem("Set as-of date to today");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "As of is now 2026-11-26. Scores that count days since a date follow it.",
    );
    expect(emu.sheetDisplayValues("Health Rubric")[asOfRow - 1]?.[1]).toBe("2026-11-26");
  });

  it("shows how to use each formula", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("How to use the formulas");
    const lines = emu.ui.alerts.at(-1)?.prompt.split("\n") ?? [];
    for (const fn of ["HEALTHSCORE", "HEALTHBAND", "HEALTHDRIVERS", "HEALTHPLAN"])
      expect(lines.some((l) => l.startsWith(`=${fn}(`))).toBe(true);
    expect(lines).toContain("");
    expect(lines).toContain(
      "Pass HealthRubric (the Health Rubric sheet) so that editing the rubric recalculates.",
    );
    expect(lines.some((l) => l.startsWith("#NAME?"))).toBe(true);
    expect(lines.some((l) => l.includes("TODAY()"))).toBe(true);
  });

  it("says how many colour rules it applied, and when there were none to remove", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Remove colour bands");
    expect(emu.ui.toasts.at(-1)?.message).toBe("There were no colour bands to remove.");
    addon.call("rescoreAll");
    addon.clickMenuItem("Apply colour bands");
    const n = emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules().length;
    expect(emu.ui.toasts.at(-1)?.message).toBe(`Applied ${n} colour rules for the bands.`);
  });

  it("says whether there was a weekly snapshot to stop", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Stop scheduled snapshot");
    expect(emu.ui.toasts.at(-1)?.message).toBe("No weekly snapshot was scheduled.");
    addon.call("setupRubricSheet");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.clickMenuItem("Schedule weekly snapshot");
    if (emu.ui.dialogs.length > 0) pickColumn({ emu, addon }, "Account");
    addon.clickMenuItem("Stop scheduled snapshot");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "Stopped the weekly snapshot: Health History keeps the ones taken.",
    );
  });

  it("builds only the menu when onOpen has no authorisation mode to go by (run from the script editor)", () => {
    const { emu, addon } = open({ Customers: customers() });
    emu.globals.PropertiesService.getDocumentProperties().setProperty(
      "healthscore.weeklySnapshot",
      "2026-11-02",
    );
    addon.call("setupRubricSheet");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.call("onOpen");
    addon.call("onOpen", {});
    expect(emu.spreadsheet.getSheetByName("Health History")).toBeNull();
    addon.callAs("LIMITED", "onOpen", emu.openEvent("LIMITED")); // in use: the week's snapshot is due
    expect(emu.sheetValues("Health History")).toHaveLength(201);
  });

  it("shows no toast while the weekly snapshot waits for its account column", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Schedule weekly snapshot");
    expect(emu.ui.dialogs.at(-1)?.title).toBe("Which column names each account?");
    expect(emu.ui.toasts).toEqual([]);
  });

  it("refuses a column dialog's answer for a question it does not know", () => {
    const { addon } = open({ Customers: customers() });
    expect(() => addon.call("sidebarCall", "pickedColumn", ["nonsense", "Account"])).toThrow(
      'The dialog asked for "nonsense", which the server does not know: reopen it.',
    );
  });
});
