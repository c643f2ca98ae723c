/** Rescore all rows and the colour bands, through the built bundle on the emulator. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  columnLetter,
  explain,
  NO_DATA_COLOR,
  parseRubric,
  planner,
  plural,
  rubricFingerprint,
  rubricToGrid,
  scoreTable,
} from "../../src/core";
import { customers, FROM_SOURCES, open } from "./helpers";

const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));
const OUTPUTS = ["Health Score", "Health Band", "Health Drivers", "Coverage"];
const column = (values: unknown[][], header: string) => (values[0] as unknown[]).indexOf(header);

/** Every cell of `before` that is not in an output column is the same in `after`. */
function expectDataUntouched(before: unknown[][], after: unknown[][]) {
  const width = (before[0] as unknown[]).length;
  for (let r = 0; r < before.length; r++) {
    for (let c = 0; c < width; c++)
      expect(after[r]?.[c], `row ${r + 1}, column ${c + 1}`).toEqual(before[r]?.[c]);
  }
}

describe("Rescore all rows", () => {
  it("adds the output columns at the right, scores every row as the core does, and changes nothing else", () => {
    const data = customers();
    const { emu, addon } = open({ Customers: data });
    addon.clickMenuItem("Rescore all rows");
    const after = emu.sheetValues("Customers");
    expectDataUntouched(data, after);

    const width = (data[0] as unknown[]).length;
    expect(after[0]?.slice(width)).toEqual(OUTPUTS);
    const expected = scoreTable(starter, data[0] as string[], data.slice(1) as never, {
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    expected.forEach((r, i) => {
      const row = after[i + 1] as unknown[];
      expect(row.slice(width)).toEqual([r.score ?? "No data", r.band, explain(r), r.coverage]);
    });
    const toast = emu.ui.toasts.at(-1)?.message ?? "";
    expect(toast).toMatch(
      /^Scored 200 rows of "Customers" in (\d+ ms|[\d.]+ s): Red \d+ · Yellow \d+ · Green \d+ · No data 1\.$/,
    );
    // The scores are brought into view: the first output's header is the active cell.
    expect(emu.spreadsheet.getActiveRange().getA1Notation()).toBe(`${columnLetter(width)}1`);
  });

  it("fills a Health Plan column the user added with each account's plan, and adds none otherwise", () => {
    const data = customers();
    const withPlan = data.map((row, i) => [...row, i === 0 ? "Health Plan" : ""]);
    const { emu, addon } = open({ Customers: withPlan });
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const width = (data[0] as unknown[]).length;
    expect(after[0]?.[width]).toBe("Health Plan");
    const plans = planner(starter, data[0] as string[], { asOf: "2026-11-26", timeZone: "Europe/London" });
    data.slice(1).forEach((row, i) => {
      const blank = (row as unknown[]).every((c) => c === "");
      expect(after[i + 1]?.[width], `row ${i + 2}`).toBe(blank ? "" : plans.planRow(row as never).why);
    });
    expect(after.some((r) => String(r[width]).startsWith('Clear "No login in 30 days" first'))).toBe(true);

    const plain = open({ Customers: customers() });
    plain.addon.call("rescoreAll");
    expect(plain.emu.sheetValues("Customers")[0]).not.toContain("Health Plan");
  });

  it("is idempotent: a second rescore leaves the sheet exactly as the first did", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("rescoreAll");
    const once = emu.sheetValues("Customers");
    const rules = emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules().length;
    addon.call("rescoreAll");
    expect(emu.sheetValues("Customers")).toEqual(once);
    expect(emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules().length).toBe(rules);
  });

  it("writes into existing output columns wherever they are, and only there", () => {
    const data = customers();
    // The user made an empty Health Band column next to the account name, and keeps notes after the data.
    const withColumns = data.map((row, i) => [
      row[0],
      i === 0 ? "Health Band" : "",
      ...row.slice(1),
      i === 0 ? "Notes" : `note ${i}`,
    ]);
    const { emu, addon } = open({ Customers: withColumns });
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const headers = after[0] as unknown[];
    expect(headers.filter((h) => h === "Health Band")).toHaveLength(1);
    expect(headers.slice(-4)).toEqual(["Notes", "Health Score", "Health Drivers", "Coverage"]);
    // Every cell outside the output columns is as the user left it, Notes included.
    const width = (withColumns[0] as unknown[]).length;
    for (let r = 0; r < withColumns.length; r++)
      for (let c = 0; c < width; c++)
        if (c !== 1) expect(after[r]?.[c], `row ${r + 1}, column ${c + 1}`).toEqual(withColumns[r]?.[c]);
    // The band column holds exactly the core's bands.
    const expected = scoreTable(starter, data[0] as string[], data.slice(1) as never, {
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    expect(after.slice(1).map((row) => row[1])).toEqual(expected.map((r) => r.band));
  });

  it("never writes a formula, even for labels that start with = + - @", () => {
    const data = [
      ["Account", "NPS"],
      ["Acme", 2],
      ["Beta", "lots"],
    ];
    const { emu, addon } = open({ Customers: data });
    // A rubric sheet written by hand: its band labels and metric label look like formulas.
    const json = {
      bands: [{ label: '=IMPORTXML("x")' }, { label: "+Good", from: 50 }],
      metrics: [{ id: "nps", label: "-NPS", column: "NPS", score: { type: "range", worst: 0, best: 10 } }],
    };
    const grid = rubricToGrid(parseRubric(json)).map((row) =>
      row.map((c: CellValue) => (typeof c === "string" && c ? `'${c}` : c)),
    );
    const sheet = emu.spreadsheet.insertSheet("Health Rubric");
    sheet.getRange(1, 1, grid.length, (grid[0] as unknown[]).length).setValues(grid as never);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.call("rescoreAll");
    const formulas = emu
      .sheetFormulas("Customers")
      .flat()
      .filter((f) => f !== "");
    expect(formulas).toEqual([]);
    const after = emu.sheetValues("Customers");
    expect(after[1]?.slice(2, 4)).toEqual([20, '=IMPORTXML("x")']);
    expect(after[1]?.[4]).toMatch(/^-NPS 2 \(−80\)$/);
    expect(after[2]?.[4]).toBe('No data: no metric has a value; NPS: "lots" is not a number');
  });

  it("keeps the user's own conditional format rules and replaces only its own", () => {
    const { emu, addon } = open({ Customers: customers() });
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const SpreadsheetApp = emu.globals.SpreadsheetApp;
    const mine = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThan(100000)
      .setBackground("#ff00ff")
      .setRanges([sheet?.getRange("D2:D201") as never])
      .build();
    sheet?.setConditionalFormatRules([mine]);
    addon.call("rescoreAll");
    addon.call("rescoreAll");
    const rules = sheet?.getConditionalFormatRules() ?? [];
    expect(rules).toHaveLength(1 + 2 * 4); // the user's, then text and formula rules for Red, Yellow, Green, No data
    expect(rules[0]?.getBooleanCondition()?.getBackground()).toBe("#ff00ff");
    // The band colours show on the sheet.
    const red = emu.sheetValues("Customers").findIndex((r) => r.includes("Red")) + 1;
    const bandColumn = columnLetter((emu.sheetValues("Customers")[0] as unknown[]).indexOf("Health Band"));
    expect(emu.backgroundAt("Customers", `${bandColumn}${red}`)).toBe("#f4c7c3");

    addon.clickMenuItem("Remove colour bands");
    expect(sheet?.getConditionalFormatRules()).toHaveLength(1);
    expect(emu.backgroundAt("Customers", `${bandColumn}${red}`)).toBeNull();
    addon.clickMenuItem("Apply colour bands");
    expect(emu.backgroundAt("Customers", `${bandColumn}${red}`)).toBe("#f4c7c3");
  });

  it("waits for another rescore, then says one is running", () => {
    const { emu, addon } = open({ Customers: customers() });
    emu.holdLock("document");
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      "Another rescore is running in this spreadsheet. Wait for it to finish, then try again.",
    );
    expect(emu.sheetValues("Customers")[0]).not.toContain("Health Score");
    emu.releaseHeldLock("document");
    addon.call("rescoreAll");
    expect(emu.sheetValues("Customers")[0]).toContain("Health Score");
    expect(emu.scriptHoldsLock("document")).toBe(false);
  });

  it("says what is wrong with an empty sheet, a header-only sheet and the rubric sheet", () => {
    const empty = open({ Customers: [] });
    empty.addon.call("rescoreAll");
    expect(empty.emu.ui.alerts.at(-1)?.prompt).toBe(
      '"Customers" is empty: it needs a header row, then one row per account.',
    );

    const headerOnly = open({ Customers: [customers()[0] as unknown[]] });
    headerOnly.addon.call("rescoreAll");
    expect(headerOnly.emu.ui.toasts.at(-1)?.message).toMatch(/^Scored 0 rows of "Customers"/);
    expect(headerOnly.emu.sheetValues("Customers")[0]).toContain("Health Score");

    const { emu, addon } = open({ Customers: customers() });
    addon.call("setupRubricSheet"); // leaves Health Rubric active
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^"Health Rubric" is the add-on's own sheet/);
  });

  it("finds the header row below a title, and copes with blank and merged header cells", () => {
    const data = customers();
    const titled = [["Customer list, November"], [], ...data.map((r) => [...r, ""])];
    (titled[2] as unknown[])[(titled[2] as unknown[]).length - 1] = "";
    const { emu, addon } = open({ Customers: titled });
    emu.spreadsheet.getSheetByName("Customers")?.getRange("A1:C1").merge();
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    expect(after[0]?.[0]).toBe("Customer list, November");
    expect(after[2]).toContain("Health Score");
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^Scored 200 rows/);
  });

  it("refuses an ambiguous output column", () => {
    const data = customers().map((r, i) => [
      ...r,
      i === 0 ? "Health Score" : 1,
      i === 0 ? "health score " : 2,
    ]);
    const { emu, addon } = open({ Customers: data });
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^The header row has 2 "Health Score" columns \(AA, AB\)/);
    const after = emu.sheetValues("Customers");
    expectDataUntouched(data, after);
    expect((after[0] as unknown[]).length).toBe((data[0] as unknown[]).length);
  });

  it("makes the same number of service calls for 10 rows and for 100,000 rows", () => {
    const data = customers();
    const counts = (rows: number) => {
      const body = Array.from({ length: rows }, (_, i) => data[1 + (i % 199)] as unknown[]);
      const { emu, addon } = open({ Customers: [data[0] as unknown[], ...body] });
      emu.calls.reset();
      addon.call("rescoreAll");
      expect(emu.ui.toasts.at(-1)?.message).toContain(`Scored ${plural(rows, "row")}`);
      return emu.calls.all();
    };
    const small = counts(10);
    // 1,000 when mutation testing runs this on the sources, once for every mutant it covers.
    expect(counts(FROM_SOURCES ? 1_000 : 100_000)).toEqual(small);
    expect(small["Range.getValues"]).toBe(1); // no rubric sheet: the one read is the data
  }, 120_000);
});

describe("Insert live score column", () => {
  it("writes one HEALTHSCORE formula over the data with the rubric range", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.clickMenuItem("Insert live score column");
    const formulas = emu.sheetFormulas("Customers");
    const headers = emu.sheetValues("Customers")[0] as unknown[];
    const col = headers.indexOf("Live Health Score");
    expect(col).toBe(26);
    expect(formulas[1]?.[col]).toBe("=HEALTHSCORE(A2:Z, A1:Z1, HealthRubric)");
    expect(formulas.slice(2).every((r) => r[col] === "")).toBe(true);
    expect(emu.spreadsheet.getSheetByName("Health Rubric")).toBeTruthy();
  });

  it("puts the add-on in use first, so the formula it writes is a function Sheets knows", () => {
    // A spreadsheet where nobody has used the add-on yet: Sheets shows #NAME? for its functions.
    const { emu, addon } = open({ Customers: customers() }, undefined, { addonInUse: false });
    const data = emu.sheetValues("Customers");
    const healthscore = () => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", data.slice(1, 3), [data[0]]);
    expect(healthscore).toThrow("Unknown function: 'HEALTHSCORE'.");
    addon.clickMenuItem("Insert live score column");
    expect(emu.addonInUse).toBe(true);
    expect(healthscore()).toHaveLength(2);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/If it shows #NAME\?, reload the spreadsheet once\.$/);
  });
});

describe("review fixes", () => {
  it("names the columns the data lacks in an alert, rather than failing", () => {
    const { emu, addon } = open({
      Customers: [
        ["Account", "NPS"],
        ["Acme", 9],
      ],
    });
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^The data has no columns "Seat utilisation" \(read by metric "Seat utilisation"\)/,
    );
  });

  it("moves the rubric sheet's As of to today, so days since a date keep counting", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("setupRubricSheet");
    const rubric = emu.spreadsheet.getSheetByName("Health Rubric");
    const asOfRow = emu.sheetValues("Health Rubric").findIndex((r) => r[0] === "As of") + 1;
    rubric?.getRange(asOfRow, 2).setValue("2026-01-01");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.call("rescoreAll");
    expect(emu.sheetDisplayValues("Health Rubric")[asOfRow - 1]?.[1]).toBe("2026-11-26");
  });
});

describe("columns the add-on does not own", () => {
  it("refuses to overwrite a column of the user's that happens to be titled Coverage", () => {
    const data = customers().map((row, i) => [...row, i === 0 ? "Coverage" : "High touch"]);
    const { emu, addon } = open({ Customers: data });
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      'Column AA is titled "Coverage", but Health Score did not make it and it holds data. A rescore never overwrites your data: rename that column or clear its values, then rescore.',
    );
    expect(emu.sheetValues("Customers")).toEqual(data);
  });

  it("marks the columns it makes, and rescores into them again", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("rescoreAll");
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const notes = sheet?.getRange(1, 27, 1, 4).getNotes()[0];
    expect(notes?.every((n) => n.startsWith("Written by the Health Score add-on"))).toBe(true);
    addon.call("rescoreAll");
    expect(emu.ui.alerts).toHaveLength(0);
  });
});

describe("colour rules after the sheet changes", () => {
  it("still knows its own rules after a column is inserted, and replaces them instead of stacking", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("rescoreAll");
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    sheet?.insertColumnBefore(1);
    addon.call("rescoreAll");
    expect(sheet?.getConditionalFormatRules()).toHaveLength(8);
    addon.call("removeColorBands");
    expect(sheet?.getConditionalFormatRules()).toHaveLength(0);
  });
});

describe("colour rules, cell by cell", () => {
  it("colours each score and band cell in its band's colour, a label with quotes and No data included", () => {
    const json = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
    json.bands[2].label = 'Green "safe"';
    const data = customers();
    data.push(["Quiet Ltd", ...(data[1] as unknown[]).slice(1).map(() => "")]);
    const { emu, addon } = open(
      { Customers: data, "Health Rubric": rubricToGrid(parseRubric(json)) },
      "Customers",
    );
    addon.call("rescoreAll");
    const values = emu.sheetValues("Customers");
    const score = column(values, "Health Score");
    const band = column(values, "Health Band");
    const colours: Record<string, string> = { Red: "#f4c7c3", Yellow: "#fce8b2", 'Green "safe"': "#b7e1cd" };
    const seen = new Set<string>();
    values.slice(1).forEach((row, i) => {
      const label = String(row[band]);
      const colour = label === "No data" ? NO_DATA_COLOR : colours[label];
      seen.add(label);
      for (const c of [score, band])
        expect(emu.backgroundAt("Customers", `${columnLetter(c)}${i + 2}`), `${label} row ${i + 2}`).toBe(
          colour,
        );
    });
    expect([...seen].sort()).toEqual(['Green "safe"', "No data", "Red", "Yellow"]);
    // The header row keeps its own look.
    for (const c of [score, band]) expect(emu.backgroundAt("Customers", `${columnLetter(c)}1`)).toBeNull();
  });

  it("keeps working when its memory of its own rules is unreadable, and forgets a sheet whose rules it removed", () => {
    for (const stored of ["{not json", "[]", "null", "5"]) {
      const { emu, addon } = open({ Customers: customers() });
      emu.globals.PropertiesService.getDocumentProperties().setProperty("healthscore.colorRules", stored);
      addon.call("rescoreAll");
      addon.call("rescoreAll");
      expect(emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules(), stored).toHaveLength(
        8,
      );
      addon.call("removeColorBands");
      expect(emu.properties("document")["healthscore.colorRules"]).toBe("{}");
    }
  });
});

describe("colour rules as Sheets stores them", () => {
  // Sheets keeps a rule in its own form (colour "#rrggbb", numbers by value); the emulator does
  // too, so a fingerprint taken from the rule as built would no longer match the rule read back.
  it("recognises its rules when the rubric writes colours in capitals or as #RGB", () => {
    const { emu, addon } = open({ Customers: customers() });
    const json = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
    json.bands[0].color = "#F4C7C3";
    json.bands[1].color = "#FE8";
    const grid = rubricToGrid(parseRubric(json)).map((row) =>
      row.map((c: CellValue) => (typeof c === "string" && c ? `'${c}` : c)),
    );
    const rubric = emu.spreadsheet.insertSheet("Health Rubric");
    rubric.getRange(1, 1, grid.length, (grid[0] as unknown[]).length).setValues(grid as never);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    const sheet = emu.spreadsheet.getSheetByName("Customers");

    addon.call("rescoreAll");
    addon.call("rescoreAll");
    const colours = sheet?.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getBackground());
    expect(colours).toHaveLength(8); // one set, not two stacked
    expect(colours).toContain("#ffee88");
    addon.clickMenuItem("Remove colour bands");
    expect(sheet?.getConditionalFormatRules()).toHaveLength(0);
    expect(emu.ui.toasts.at(-1)?.message).toBe("Removed the add-on's 8 colour rules; yours are untouched.");
  });
});

describe("colour rules the user made", () => {
  it("keeps every rule the user made, even one in a band's colour on the same text in other case, and removes only its own", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("rescoreAll");
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const SpreadsheetApp = emu.globals.SpreadsheetApp;
    const red = "#f4c7c3";
    const band = columnLetter((emu.sheetValues("Customers")[0] as unknown[]).indexOf("Health Band"));
    const user = [
      // No boolean condition, as a colour scale (gradient) has none.
      SpreadsheetApp.newConditionalFormatRule()
        .setBackground("#ffffff")
        .setRanges([sheet?.getRange("D2:D201") as never])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo("Churned")
        .setBackground(red)
        .setRanges([sheet?.getRange("B2:B201") as never])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo("RED")
        .setBackground(red)
        .setRanges([sheet?.getRange("C2:C201") as never])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=$${band}2="RED"`)
        .setBackground(red)
        .setRanges([sheet?.getRange("A2:A201") as never])
        .build(),
    ];
    sheet?.setConditionalFormatRules([...(sheet.getConditionalFormatRules() ?? []), ...user]);
    addon.clickMenuItem("Apply colour bands");
    expect(sheet?.getConditionalFormatRules()).toHaveLength(user.length + 8);

    addon.clickMenuItem("Remove colour bands");
    expect(emu.ui.toasts.at(-1)?.message).toBe("Removed the add-on's 8 colour rules; yours are untouched.");
    const left = sheet?.getConditionalFormatRules() ?? [];
    expect(left.map((r) => r.getRanges()[0]?.getA1Notation())).toEqual([
      "D2:D201",
      "B2:B201",
      "C2:C201",
      "A2:A201",
    ]);
  });

  it("writes no rules when there are none of its own to remove", () => {
    const { emu, addon } = open({ Customers: customers() });
    emu.calls.reset();
    addon.clickMenuItem("Remove colour bands");
    expect(emu.ui.toasts.at(-1)?.message).toBe("There were no colour bands to remove.");
    expect(emu.calls.get("Sheet.setConditionalFormatRules")).toBe(0);
  });
});

describe("colour rules as Sheets rewrites them", () => {
  // Sheets moves the references in a rule's formula when rows or columns are inserted, may space
  // and case a formula its own way, and a Color may read back with an alpha byte ("#ffrrggbb").
  // The emulator does none of this, so the test does it to the rules, as Sheets would.
  it("still removes its own rules after Sheets moved their references and rewrote their formulas and colours", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("rescoreAll");
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const headers = emu.sheetValues("Customers")[0] as unknown[];
    const band = columnLetter(headers.indexOf("Health Band"));
    const moved = columnLetter(headers.indexOf("Health Band") + 1);
    expect(band).toHaveLength(2); // two letters, so a ref must be blanked whole
    sheet?.insertColumnBefore(1);
    sheet?.insertRowsBefore(1, 10);
    const rewritten = (sheet?.getConditionalFormatRules() ?? []).map((rule) => {
      const condition = rule.getBooleanCondition();
      const builder = rule
        .copy()
        .setBackground(`#FF${String(condition?.getBackground()).slice(1).toUpperCase()}`);
      const [formula] = condition?.getCriteriaValues() ?? [];
      if (String(condition?.getCriteriaType()) === "CUSTOM_FORMULA")
        builder.whenFormulaSatisfied(String(formula).replace(`=$${band}2=`, ` = $${moved}12 = `));
      return builder.build();
    });
    expect(rewritten.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0])).toContain(
      ` = $${moved}12 = "Red"`,
    );
    sheet?.setConditionalFormatRules(rewritten);

    addon.clickMenuItem("Remove colour bands");
    expect(sheet?.getConditionalFormatRules()).toHaveLength(0);
    expect(emu.ui.toasts.at(-1)?.message).toBe("Removed the add-on's 8 colour rules; yours are untouched.");
  });
});

describe("a sheet too large for one execution", () => {
  const header = ["Account", "Seat utilisation", "Key features used", "NPS", "Open P1 tickets", "Logins 30d"];
  const accounts = (n: number) => ({
    Customers: [header, ...Array.from({ length: n }, () => ["Acme", 0.5, 4, 8, 0, 12])],
  });

  it("says so before starting, with the limit, and writes nothing", () => {
    const { emu, addon } = open(accounts(200_001));
    emu.calls.reset();
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      '"Customers" has 200001 rows; one rescore handles up to 200000 within Apps Script\'s 6-minute limit. Split the accounts over several sheets, or use Insert live score column.',
    );
    expect(emu.calls.get("Range.getValues")).toBe(0);
    expect(emu.calls.get("Range.setValues")).toBe(0);
  }, 60_000);

  it("takes a sheet of exactly 200,000 accounts", () => {
    const { emu, addon } = open(accounts(200_000));
    addon.clickMenuItem("Insert live score column");
    expect(emu.ui.alerts).toEqual([]);
    expect(emu.sheetFormulas("Customers")[1]?.[6]).toBe("=HEALTHSCORE(A2:F, A1:F1, HealthRubric)");
  }, 180_000);
});

describe("map scorers match the cell as the spreadsheet displays it", () => {
  const discountRubric = parseRubric({
    bands: [{ label: "Low" }, { label: "High", from: 50 }],
    metrics: [
      {
        id: "discount",
        column: "Discount",
        score: { type: "map", values: { "0%": 100, "12%": 60, "25%": 20 }, else: 5 },
      },
      { id: "nps", column: "NPS", weight: 0, score: { type: "range", worst: 0, best: 10 } },
    ],
  });
  const sheetWith = (n: number) => {
    const rows: unknown[][] = [["Account", "Discount", "NPS"]];
    const discounts = [0, 0.123, 0.25, 0.5]; // 0.123 shows as 12%
    for (let i = 0; i < n; i++) rows.push([`A${i}`, discounts[i % 4], 7]);
    const session = open({ Customers: rows, "Health Rubric": rubricToGrid(discountRubric) }, "Customers");
    session.emu.spreadsheet.getSheetByName("Customers")?.getRange(2, 2, n, 1).setNumberFormat("0%");
    return session;
  };

  it('scores a cell showing 12% by the key "12%", with one display read whatever the rows', () => {
    const small = sheetWith(4);
    small.emu.calls.reset();
    small.addon.call("rescoreAll");
    const values = small.emu.sheetValues("Customers");
    const score = (values[0] as unknown[]).indexOf("Health Score");
    expect(values.slice(1).map((r) => r[score])).toEqual([100, 60, 20, 5]);
    // The data keeps its numbers: only the scoring saw the displayed text.
    expect(values.slice(1).map((r) => r[1])).toEqual([0, 0.123, 0.25, 0.5]);

    const large = sheetWith(400);
    large.emu.calls.reset();
    large.addon.call("rescoreAll");
    expect(large.emu.calls.get("Range.getDisplayValues")).toBe(small.emu.calls.get("Range.getDisplayValues"));
    expect(small.emu.calls.get("Range.getDisplayValues")).toBe(1);
  });
});

describe("what a rescore says and writes", () => {
  const NPS = 10;
  const LOGINS = 7;

  it("says which rows hold unreadable cells, by sheet row, and returns what the toast says", () => {
    const one = customers();
    (one[3] as unknown[])[NPS] = "lots";
    const s = open({ Customers: one });
    const report = s.addon.call("rescoreAll") as Record<string, unknown>;
    const toast = s.emu.ui.toasts.at(-1);
    expect(toast?.title).toBe("Health Score");
    expect(toast?.message).toMatch(
      /^Scored 200 rows of "Customers" in \S+ \S+: Red \d+ · Yellow \d+ · Green \d+ · No data 1\. 1 row has unreadable cells \(row 4\); Health Drivers says which\.$/,
    );
    expect(report).toMatchObject({
      sheet: "Customers",
      rows: 200,
      noData: 1,
      invalidRows: [4],
      dropped: [],
      message: toast?.message,
    });
    const counts = (report.bands as { label: string; count: number }[]).map((b) => `${b.label} ${b.count}`);
    expect(report.bandLine).toBe(`${counts.join(" · ")} · No data 1`);

    const five = customers();
    for (const r of [2, 3, 5, 8, 13]) (five[r] as unknown[])[NPS] = "lots";
    const f = open({ Customers: five });
    f.addon.call("rescoreAll");
    expect(f.emu.ui.toasts.at(-1)?.message).toContain(
      " 5 rows have unreadable cells (row 3, 4, 6, 9, 14); Health Drivers says which.",
    );
    const six = customers();
    for (const r of [2, 3, 5, 8, 13, 21]) (six[r] as unknown[])[NPS] = "lots";
    const x = open({ Customers: six });
    x.addon.call("rescoreAll");
    expect(x.emu.ui.toasts.at(-1)?.message).toContain(
      "6 rows have unreadable cells (row 3, 4, 6, 9, 14, …);",
    );
  });

  it("says there were no rows to score on a sheet with only its header row", () => {
    const { emu, addon } = open({ Customers: [customers()[0] as unknown[]] });
    addon.call("rescoreAll");
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^Scored 0 rows of "Customers" in \S+ \S+: no rows\.$/);
    // The same under a rubric that matches cells as the sheet displays them (five-dimensions' Company news).
    const five = JSON.parse(readFileSync("examples/five-dimensions.json", "utf8"));
    const shown = open(
      { Customers: [customers()[0] as unknown[]], "Health Rubric": rubricToGrid(parseRubric(five)) },
      "Customers",
    );
    shown.addon.call("rescoreAll");
    expect(shown.emu.ui.alerts).toEqual([]);
    expect(shown.emu.ui.toasts.at(-1)?.message).toMatch(/^Scored 0 rows of "Customers" /);
  });

  it("takes row 1 as the header when no row names a column the rubric reads, and names those columns", () => {
    const { emu, addon } = open({
      Customers: [
        ["Name", "Size"],
        ["Acme", 3],
      ],
    });
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^The data has no columns "Seat utilisation" /);
  });

  it("refuses a rubric that reads an output column, which a rescore would overwrite", () => {
    const json = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
    json.metrics[0].column = "COVERAGE";
    const data = customers().map((row, i) =>
      i === 0 ? row.map((h) => (h === "Seat utilisation" ? "Coverage" : h)) : row,
    );
    const { emu, addon } = open(
      { Customers: data, "Health Rubric": rubricToGrid(parseRubric(json)) },
      "Customers",
    );
    const before = emu.sheetValues("Customers");
    addon.call("rescoreAll");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      'The rubric reads column G, "Coverage", which is where a rescore writes its Coverage: rename that column (and the rubric\'s metric or flag that reads it), then rescore.',
    );
    expect(emu.sheetValues("Customers")).toEqual(before);
  });

  it("names the accounts whose band fell since the last snapshot, by the Account key column", () => {
    // Account in column B, and the Account key setting written loosely: the column is found anyway.
    const data = customers().map((row) => [row[1], row[0], ...row.slice(2)]);
    const fingerprint = rubricFingerprint(starter);
    const before = [
      ["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values"],
      ...data
        .slice(1, 8)
        .map((row, i) => [
          new Date("2026-11-19T12:00:00Z"),
          row[1],
          90,
          i < 6 ? "Green" : "Red",
          1,
          fingerprint,
          "",
        ]),
    ];
    // Six Green accounts lose every login: the "No login in 30 days" flag caps them in Red. The
    // seventh was Red: whatever its band now, it did not fall.
    for (const row of data.slice(1, 7)) (row as unknown[])[LOGINS] = 0;
    const { addon } = open(
      {
        Customers: data,
        "Health Rubric": rubricToGrid(starter, { accountKey: "  ACCOUNT " }),
        "Health History": before,
      },
      "Customers",
    );
    const report = addon.call("rescoreAll") as { dropped: string[]; message: string };
    const names = data.slice(1, 7).map((row) => `${String(row[1])} (Green → Red)`);
    expect(report.dropped).toEqual(names);
    expect(report.message).toContain(
      `Dropped a band since the last snapshot: ${names.slice(0, 5).join(", ")}, ….`,
    );

    const settings = rubricToGrid(starter, { accountKey: "Owner" });
    const missing = open(
      { Customers: data, "Health Rubric": settings, "Health History": before },
      "Customers",
    );
    missing.addon.call("rescoreAll");
    expect(missing.emu.ui.alerts.at(-1)?.prompt).toBe(
      'The Account key setting names "Owner", but "Customers" has no such column: fix it on the Health Rubric sheet.',
    );
  });

  it("leaves a blank row blank in every output column, a Health Plan column included", () => {
    const data = customers().map((row, i) => [...row, i === 0 ? "Health Plan" : ""]);
    data.splice(3, 0, data[0]?.map(() => "") ?? []);
    const { emu, addon } = open({ Customers: data });
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const width = (data[0] as unknown[]).length;
    expect(after[3]?.slice(width - 1)).toEqual(["", "", "", "", ""]);
    expect(after[4]?.[width]).not.toBe("");
  });

  it("shows scores with one decimal and coverage as a percent, and adds only the columns it needs", () => {
    const data = customers();
    const { emu, addon } = open({ Customers: data });
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const width = (data[0] as unknown[]).length;
    expect(sheet?.getMaxColumns()).toBe(width);
    addon.call("rescoreAll");
    expect(sheet?.getMaxColumns()).toBe(width + 4);
    const values = emu.sheetValues("Customers");
    const shown = emu.sheetDisplayValues("Customers");
    values.slice(1).forEach((row, i) => {
      const [score, , , coverage] = row.slice(width) as [unknown, unknown, unknown, number];
      const [scoreText, , , coverageText] = shown[i + 1]?.slice(width) ?? [];
      expect(scoreText).toBe(typeof score === "number" ? score.toFixed(1) : "No data");
      expect(coverageText).toBe(`${Math.round(coverage * 100)}%`);
    });
  });

  it("keeps the header of an output column the user made, writes the new ones beside it, and marks all as its own", () => {
    // An empty "health score" column at the right: Band, Drivers and Coverage go after it.
    const data = customers().map((row, i) => [...row, i === 0 ? "health score" : ""]);
    const { emu, addon } = open({ Customers: data });
    addon.call("rescoreAll");
    const width = (data[0] as unknown[]).length;
    expect(emu.sheetValues("Customers")[0]?.slice(width - 1)).toEqual([
      "health score",
      "Health Band",
      "Health Drivers",
      "Coverage",
    ]);
    const notes = emu.spreadsheet.getSheetByName("Customers")?.getRange(1, width, 1, 4).getNotes()[0];
    expect(notes?.every((n) => n.startsWith("Written by the Health Score add-on"))).toBe(true);
    // Now holding scores, the column is still the add-on's: a second rescore writes into it.
    addon.call("rescoreAll");
    expect(emu.ui.alerts).toHaveLength(0);
  });

  it("claims an empty output column in the middle of the sheet, so the next rescore writes into it again", () => {
    const data = customers().map((row, i) => [row[0], i === 0 ? "Health Band" : "", ...row.slice(1)]);
    const { emu, addon } = open({ Customers: data });
    addon.call("rescoreAll");
    expect(emu.spreadsheet.getSheetByName("Customers")?.getRange(1, 2).getNote()).toMatch(
      /^Written by the Health Score add-on/,
    );
    addon.call("rescoreAll");
    expect(emu.ui.alerts).toHaveLength(0);
  });
});

describe("Apply colour bands", () => {
  it("asks for a rescore first when the Health Score or Health Band column is missing", () => {
    const sentence = '"Customers" has no Health Score and Health Band columns yet: rescore first.';
    const neither = open({ Customers: customers() });
    neither.addon.clickMenuItem("Apply colour bands");
    expect(neither.emu.ui.alerts.at(-1)?.prompt).toBe(sentence);
    for (const only of ["Health Score", "Health Band"]) {
      const s = open({ Customers: customers().map((row, i) => [...row, i === 0 ? only : ""]) });
      s.addon.clickMenuItem("Apply colour bands");
      expect(s.emu.ui.alerts.at(-1)?.prompt, only).toBe(sentence);
      expect(s.emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules()).toHaveLength(0);
    }
  });
});

describe("Insert live score column, again", () => {
  it("scores over the columns that hold data, not a blank one between them and the output columns", () => {
    const data = customers().map((row, i) => [...row, "", i === 0 ? "Health Score" : 50]);
    const { emu, addon } = open({ Customers: data });
    addon.clickMenuItem("Insert live score column");
    expect(emu.sheetFormulas("Customers")[1]?.[data[0]?.length ?? 0]).toBe(
      "=HEALTHSCORE(A2:Z, A1:Z1, HealthRubric)",
    );
  });

  it("copes with a header that is a number, such as a year", () => {
    const data = customers().map((row, i) => [...row, i === 0 ? 2026 : 1]);
    const { emu, addon } = open({ Customers: data });
    addon.clickMenuItem("Insert live score column");
    expect(emu.ui.alerts).toHaveLength(0);
    expect(emu.sheetValues("Customers")[0]?.[data[0]?.length ?? 0]).toBe("Live Health Score");
  });

  it("reuses its column, clears what is below it, and leaves an existing rubric sheet alone", () => {
    const rubric = rubricToGrid(
      parseRubric({ ...JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")), name: "Mine" }),
    );
    const data = customers().map((row, i) => [...row, i === 0 ? " live health score " : 50]);
    const { emu, addon } = open({ Customers: data, "Health Rubric": rubric }, "Customers");
    const rubricBefore = emu.sheetValues("Health Rubric");
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const width = (data[0] as unknown[]).length;
    addon.clickMenuItem("Insert live score column");
    addon.clickMenuItem("Insert live score column");
    expect(emu.sheetValues("Health Rubric")).toEqual(rubricBefore);
    expect(sheet?.getMaxColumns()).toBe(width);
    const formulas = emu.sheetFormulas("Customers");
    expect(formulas[1]?.[width - 1]).toBe("=HEALTHSCORE(A2:Z, A1:Z1, HealthRubric)");
    expect(
      emu
        .sheetValues("Customers")
        .slice(2)
        .every((r) => r[width - 1] === ""),
    ).toBe(true);
    expect(sheet?.getRange(3, width).getNumberFormat()).toBe("0.0");
    expect(emu.ui.toasts.at(-1)?.title).toBe("Health Score");
  });
});
