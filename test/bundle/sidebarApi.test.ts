/** What one google.script.run call from the sidebar carries, through the built bundle on the emulator. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HELP_TITLE, PREVIEW_CHARS, PREVIEW_ROWS } from "../../src/addon/sidebarApi";
import { parseRubric } from "../../src/core";
import { compileSql } from "../../src/core/sql";
import { activitySheets, customers, open } from "./helpers";

interface SidebarData {
  data: { rows: unknown[][]; totalRows: number } | null;
  sheets: { name: string; headers: string[] }[];
}

describe("the sidebar's data", () => {
  it("sends every row of a sheet of the sample's shape", () => {
    const { addon } = open({ Customers: customers() });
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    expect(sent.data?.rows).toHaveLength(200);
    expect(sent.data?.totalRows).toBe(200);
  });

  it("bounds what one call carries when rows are wordy, and says how many rows the sheet holds", () => {
    const [headers, ...rows] = customers();
    const note = "x".repeat(2_000); // a long note in every row: 1,000 rows would be 2 MB
    const wordy = Array.from({ length: 1_000 }, (_, i) => [...(rows[i % rows.length] as unknown[]), note]);
    const { addon } = open({ Customers: [[...(headers as unknown[]), "Notes"], ...wordy] });
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    const rowsSent = sent.data?.rows ?? [];
    expect(JSON.stringify(rowsSent).length).toBeLessThanOrEqual(PREVIEW_CHARS);
    expect(rowsSent.length).toBeGreaterThan(400);
    expect(rowsSent.length).toBeLessThan(PREVIEW_ROWS);
    expect(sent.data?.totalRows).toBe(1_000);
  });

  it("sends rows up to exactly PREVIEW_CHARS of JSON", () => {
    // Each row is ["…"] and a comma: 5,000 characters, so 200 rows fill the budget exactly.
    const rows = Array.from({ length: 201 }, (_, i) => [String(i).padEnd(4_995, ".")]);
    const { addon } = open({ Customers: [["Account"], ...rows] });
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    expect(sent.data?.rows).toHaveLength(200);
    expect(sent.data?.totalRows).toBe(201);
  });

  it("sends the first 5,000 rows of a longer sheet, and says how many it holds", () => {
    const rows = Array.from({ length: PREVIEW_ROWS + 1 }, (_, i) => [`Account ${i}`]);
    const { addon } = open({ Customers: [["Account"], ...rows] });
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    expect(sent.data?.rows).toHaveLength(PREVIEW_ROWS);
    expect(sent.data?.rows.at(-1)).toEqual([`Account ${PREVIEW_ROWS - 1}`]);
    expect(sent.data?.totalRows).toBe(PREVIEW_ROWS + 1);
  });

  it("names every sheet but the rubric sheet with its headers (blank ones left out), for picking a source's columns", () => {
    const { addon } = open({
      Customers: customers(),
      Logins: [
        ["Account", "", "Date", "  "],
        ["Acme", "", new Date("2026-11-20T00:00:00Z"), ""],
      ],
      Empty: [],
    });
    addon.call("sidebarCall", "saveRubric", [JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"))]);
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    expect(sent.sheets.map((s) => s.name)).toEqual(["Customers", "Logins", "Empty"]);
    expect(sent.sheets[1]?.headers).toEqual(["Account", "Date"]);
    expect(sent.sheets[2]?.headers).toEqual([]);
  });

  it("offers a source sheet's real header, below the title rows above it", () => {
    const activity = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
    const day = new Date("2026-11-20T00:00:00Z");
    const { addon } = open({
      Customers: customers(),
      // A source of the rubric: its header is the row naming the columns the rubric reads of it.
      Logins: [
        ["Login export", "November"],
        ["Account", "Date"],
        ["Acme", day],
      ],
      // Not a source yet: its header is the first row of two or more text cells.
      Visits: [["Visits, exported 2026-11-20", ""], [], ["Account", "Page", "When"], ["Acme", "home", day]],
      // Not a source either: cells naming columns the rubric reads are notes, not its header.
      Notes: [
        ["Topic", "Note"],
        ["Date", "The login export's dates are UTC"],
        ["Seat utilisation", "Counted from the licence report"],
      ],
    });
    addon.call("sidebarCall", "saveRubric", [activity]);
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    const headersOf = (name: string) => sent.sheets.find((s) => s.name === name)?.headers;
    expect(headersOf("Logins")).toEqual(["Account", "Date"]);
    expect(headersOf("Visits")).toEqual(["Account", "Page", "When"]);
    expect(headersOf("Notes")).toEqual(["Topic", "Note"]);
  });

  it("offers a source sheet's first row as its header when it names the columns read, a year among them", () => {
    const activity = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
    const { addon } = open({
      Customers: customers(),
      Logins: [
        ["Account", "User", "Date", 2025],
        ["Acme", "ada", "2026-11-20", ""],
      ],
    });
    addon.call("sidebarCall", "saveRubric", [activity]);
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    expect(sent.sheets.find((s) => s.name === "Logins")?.headers).toEqual([
      "Account",
      "User",
      "Date",
      "2025",
    ]);
  });

  it("compiles the sidebar's draft into the query the CLI prints, and refuses an invalid one in a sentence", () => {
    const { addon } = open({ Customers: customers() });
    const json = JSON.parse(readFileSync("examples/five-dimensions.json", "utf8"));
    const sql = addon.call("sidebarCall", "rubricSql", [json, "snowflake", "crm.accounts"]);
    expect(sql).toBe(compileSql(parseRubric(json), { dialect: "snowflake", table: "crm.accounts" }));
    // Sources are read from tables named as the sources.
    const activity = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
    const withSources = addon.call("sidebarCall", "rubricSql", [activity, "bigquery", "crm.accounts"]);
    expect(withSources).toBe(
      compileSql(parseRubric(activity), { dialect: "bigquery", table: "crm.accounts" }),
    );
    expect(withSources).toContain("FROM logins AS hs__t");
    expect(() => addon.call("sidebarCall", "rubricSql", [{ ...json, bands: [] }, "duckdb", "t"])).toThrow(
      "Fix the rubric's problems first: each is shown at its field.",
    );
  });

  it("sends the starter rubrics with the data only while no rubric is saved, and on request", () => {
    const { addon } = open({ Customers: customers() });
    const first = addon.call("sidebarCall", "getSidebarData", []) as {
      starters: { rubric: { name: string } }[];
    };
    expect(first.starters.map((s) => s.rubric.name)).toEqual([
      "Simple red / yellow / green",
      "Five dimensions",
      "Lifecycle: adopted, with an onboarding rubric",
      "Points, five tiers",
    ]);
    addon.call("sidebarCall", "saveRubric", [first.starters[1]?.rubric]);
    expect((addon.call("sidebarCall", "getSidebarData", []) as { starters: unknown }).starters).toBeNull();
    expect(addon.call("sidebarCall", "starterRubrics", [])).toEqual(first.starters);
  });
});

type Sources = Record<string, { headers: string[]; rows: unknown[][] }>;
/** What getSidebarData sends, as the sidebar reads it. */
interface Sent {
  rubric: { name: string } | null;
  problems: { path: string; message: string }[];
  asOf: string;
  timeZone: string;
  data: {
    sheet: string;
    headers: string[];
    rows: unknown[][];
    sources: Sources;
  } | null;
  scoredWith: string | null;
  starters: unknown[] | null;
  dataProblem: string | null;
  draft: string | null;
}
const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
const ACTIVITY = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
const sidebarData = (addon: ReturnType<typeof open>["addon"]) =>
  addon.call("sidebarCall", "getSidebarData", []) as Sent;

describe("the sidebar's data, cell by cell", () => {
  it("sends date cells as their day in the spreadsheet's zone, with today as As of and the zone", () => {
    const data = customers();
    const lastLogin = (data[0] as unknown[]).indexOf("Last login");
    const { addon } = open({ Customers: data });
    const sent = sidebarData(addon);
    expect(sent.data?.sheet).toBe("Customers");
    expect(sent.data?.headers).toEqual(data[0]);
    expect(sent.data?.rows[0]?.[lastLogin]).toBe("2026-11-20");
    expect(sent.data?.rows[0]?.[0]).toBe("Xenon Robotics");
    expect(sent.asOf).toBe("2026-11-26");
    expect(sent.timeZone).toBe("Europe/London");
    expect([sent.rubric, sent.problems, sent.dataProblem, sent.scoredWith, sent.draft]).toEqual([
      null,
      [],
      null,
      null,
      null,
    ]);
  });

  it("says why no data came when the open sheet is the rubric sheet, and still sends the rubric", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "saveRubric", [SIMPLE]);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Health Rubric") as never);
    const sent = sidebarData(addon);
    expect(sent.data).toBeNull();
    expect(sent.dataProblem).toBe(
      '"Health Rubric" is the add-on\'s own sheet. Open the sheet with your accounts, or name it in the Data sheet setting of the Health Rubric sheet.',
    );
    expect(sent.rubric?.name).toBe("Simple red / yellow / green");
    expect(sent.starters).toBeNull();
  });

  it("names the starter rubric a rescore used when none was saved, until one is", () => {
    const { emu, addon } = open({ Customers: customers() });
    expect(sidebarData(addon).scoredWith).toBeNull();
    addon.call("rescoreAll");
    expect(emu.spreadsheet.getSheetByName("Health Rubric")).toBeNull(); // the rescore used the starter, unsaved
    expect(sidebarData(addon).scoredWith).toBe("Simple red / yellow / green");
    addon.call("sidebarCall", "saveRubric", [SIMPLE]);
    expect(sidebarData(addon).scoredWith).toBeNull();
  });

  it("sends the rubric sheet's problems, each with its cell, and the starters to begin again", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "saveRubric", [SIMPLE]);
    const rubric = emu.sheetValues("Health Rubric");
    const row = rubric.findIndex((r) => r[0] === "nps") + 1;
    emu.spreadsheet.getSheetByName("Health Rubric")?.getRange(row, 5).setValue("heavy");
    const sent = sidebarData(addon);
    expect(sent.rubric).toBeNull();
    expect(sent.problems).toEqual([
      { path: `Health Rubric!E${row}`, message: 'weight must be a number, not "heavy"' },
    ]);
    expect(sent.starters).toHaveLength(4);
  });
});

describe("the sidebar's source rows", () => {
  /** The source rows whose Account is one of `accounts`, as the sidebar receives them. */
  const rowsOf = (sheet: unknown[][], accounts: Set<string>) =>
    sheet
      .slice(1)
      .filter((r) => accounts.has(String(r[0]).trim().toLowerCase()))
      .map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)));

  it("sends only the rows of the previewed accounts, matched by key whatever its case and spacing", () => {
    const sheets = activitySheets(5, 400);
    const logins = sheets.Logins as unknown[][];
    // One login row names its account in capitals with spaces around it: it still counts.
    const first = String((sheets.Customers as unknown[][])[1]?.[0]);
    logins.push([`  ${first.toUpperCase()} `, "user99", new Date("2026-11-20T12:00:00Z")]);
    const { addon } = open(sheets, "Customers");
    const accounts = new Set(
      (sheets.Customers as unknown[][]).slice(1).map((r) => String(r[0]).trim().toLowerCase()),
    );
    const sent = sidebarData(addon);
    expect(Object.keys(sent.data?.sources ?? {})).toEqual(["logins", "tickets", "nps"]);
    expect(sent.data?.sources.logins?.headers).toEqual(["Account", "User", "Date"]);
    expect(sent.data?.sources.logins?.rows).toEqual(rowsOf(logins, accounts));
    expect(sent.data?.sources.logins?.rows.at(-1)?.[0]).toBe(`  ${first.toUpperCase()} `);
    expect(sent.data?.sources.nps?.rows).toEqual(rowsOf(sheets.NPS as unknown[][], accounts));
    expect(sent.data?.sources.nps?.rows.length).toBeGreaterThan(0);
    expect(sent.data?.sources.nps?.rows.length).toBeLessThan(400);
  });

  it("finds the accounts' key column and each source's wherever they are in their sheets", () => {
    const sheets = activitySheets(5, 400);
    const last = (grid: unknown[][]) => grid.map((r) => [...r.slice(1), r[0]]);
    const { addon } = open(
      {
        ...sheets,
        Customers: last(sheets.Customers as unknown[][]),
        Logins: last(sheets.Logins as unknown[][]),
      },
      "Customers",
    );
    const accounts = new Set(
      (sheets.Customers as unknown[][]).slice(1).map((r) => String(r[0]).trim().toLowerCase()),
    );
    const sent = sidebarData(addon);
    expect(sent.data?.sources.logins?.headers).toEqual(["User", "Date", "Account"]);
    expect(sent.data?.sources.logins?.rows).toEqual(last(rowsOf(sheets.Logins as unknown[][], accounts)));
    expect(sent.data?.sources.logins?.rows.length).toBeGreaterThan(0);
    expect(sent.data?.sources.nps?.rows).toEqual(rowsOf(sheets.NPS as unknown[][], accounts));
  });

  it("still sends the data when a saved rubric's source sheet is missing, with no source rows", () => {
    const sheets = activitySheets(5, 50);
    delete (sheets as Record<string, unknown>).NPS;
    const { addon } = open(sheets, "Customers");
    const sent = sidebarData(addon);
    expect(sent.dataProblem).toBeNull();
    expect(sent.data?.rows).toHaveLength(5);
    expect(sent.data?.sources).toEqual({});
  });

  it("sends the rows an unsaved draft's sources read, and none for an invalid draft or a missing sheet", () => {
    const sheets = activitySheets(5, 400);
    delete (sheets as Record<string, unknown>)["Health Rubric"];
    const { emu, addon } = open(sheets, "Customers");
    expect(sidebarData(addon).data?.sources).toEqual({}); // the starter reads no source
    const accounts = new Set(
      (sheets.Customers as unknown[][]).slice(1).map((r) => String(r[0]).trim().toLowerCase()),
    );
    const sources = addon.call("sidebarCall", "draftSources", [ACTIVITY]) as Sources;
    expect(sources.tickets?.rows).toEqual(rowsOf(sheets.Tickets as unknown[][], accounts));
    expect(addon.call("sidebarCall", "draftSources", [{ ...ACTIVITY, bands: [] }])).toEqual({});
    const elsewhere = {
      ...ACTIVITY,
      sources: { ...ACTIVITY.sources, nps: { ...ACTIVITY.sources.nps, sheet: "Surveys" } },
    };
    expect(addon.call("sidebarCall", "draftSources", [elsewhere])).toEqual({});
    // No data to preview: the open sheet is the add-on's own.
    addon.call("sidebarCall", "saveRubric", [ACTIVITY]);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Health Rubric") as never);
    expect(addon.call("sidebarCall", "draftSources", [ACTIVITY])).toEqual({});
  });
});

describe("saving from the sidebar", () => {
  it("leaves the user on their sheet when the first save makes the rubric sheet", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("sidebarCall", "saveRubric", [SIMPLE]);
    expect(emu.spreadsheet.getSheetByName("Health Rubric")).not.toBeNull();
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Customers");
  });

  it("refuses an invalid rubric in a sentence naming each problem's field", () => {
    const { emu, addon } = open({ Customers: customers() });
    expect(() => addon.call("sidebarCall", "saveRubric", [{ ...SIMPLE, bands: [] }])).toThrow(
      /^The rubric was not saved: bands: .+/,
    );
    expect(() =>
      addon.call("sidebarCall", "saveRubric", [{ ...SIMPLE, method: "magic", bands: [] }]),
    ).toThrow(
      'The rubric was not saved: method: must be one of "weighted", "points", not "magic"; bands: needs at least one band, listed from low to high',
    );
    expect(emu.spreadsheet.getSheetByName("Health Rubric")).toBeNull();
  });

  it("keeps the sheet's settings and the open sheet, with As of today, and forgets the draft", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("takeSnapshot");
    const dialog = emu.ui.dialogs.at(-1);
    expect(dialog?.title).toBe("Which column names each account?");
    addon.call("sidebarCall", "pickedColumn", ["snapshot", "Account"]);
    addon.call("sidebarCall", "keepDraft", [JSON.stringify({ ...SIMPLE, name: "Edited" })]);
    const saved = addon.call("sidebarCall", "saveRubric", [{ ...SIMPLE, name: "Mine" }]);
    expect(saved).toEqual({ name: "Mine", asOf: "2026-11-26", sheet: "Health Rubric" });
    const settings = emu.sheetValues("Health Rubric");
    expect(settings.find((r) => r[0] === "Account key")?.[1]).toBe("Account");
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Customers");
    expect(sidebarData(addon).draft).toBeNull();
    expect(sidebarData(addon).rubric?.name).toBe("Mine");
  });
});

describe("the sidebar's calls", () => {
  it("refuses a function the server does not offer, inherited ones included", () => {
    const { addon } = open({ Customers: customers() });
    for (const name of ["deleteEverything", "toString", "constructor"])
      expect(() => addon.call("sidebarCall", name, [])).toThrow(
        `The sidebar asked for "${name}", which the server does not offer: reload the sidebar.`,
      );
    // Arguments that are not a list are none.
    expect(addon.call("sidebarCall", "starterRubrics", "oops" as never)).toHaveLength(4);
    expect(() => addon.call("sidebarCall", "keepDraft", "oops" as never)).toThrow(
      "A draft is kept as JSON text.",
    );
  });

  it("removes the colour bands of the data sheet, saying how many rules it removed", () => {
    const { emu, addon } = open({ Customers: customers() });
    addon.call("rescoreAll");
    const rules = emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules().length ?? 0;
    expect(rules).toBeGreaterThan(0);
    expect(addon.call("sidebarCall", "removeColorBands", [])).toBe(rules);
    expect(emu.spreadsheet.getSheetByName("Customers")?.getConditionalFormatRules()).toHaveLength(0);
  });
});

describe("Learn more", () => {
  it("opens the README's sidebar section, built into Help.html, in a dialog over the sheet", () => {
    const help = readFileSync("dist/Help.html", "utf8");
    const { emu, addon } = open({ Customers: customers() }, undefined, { htmlFiles: { Help: help } });
    addon.call("sidebarCall", "showHelp", []);
    const dialog = emu.ui.dialogs.at(-1);
    expect(dialog).toMatchObject({
      kind: "modal",
      title: HELP_TITLE,
      content: help,
      width: 640,
      height: 540,
    });
    expect(dialog?.content).toContain("<h1>The sidebar: Edit rubric</h1>");
    expect(dialog?.content).toContain(
      "<strong>Extensions → Health Score → Edit rubric</strong> opens the rubric editor",
    );
    expect(dialog?.content).not.toContain("<script");
  });
});

describe("Edit rubric", () => {
  it("opens the rubric editor in the sidebar, titled Health Score", () => {
    const { emu, addon } = open({ Customers: customers() }, undefined, {
      htmlFiles: { Sidebar: "<p>editor</p>" },
    });
    addon.call("showSidebar");
    expect(emu.ui.sidebars.at(-1)).toMatchObject({ title: "Health Score", content: "<p>editor</p>" });
  });
});
