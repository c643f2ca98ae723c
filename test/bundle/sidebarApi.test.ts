/** What one google.script.run call from the sidebar carries, through the built bundle on the emulator. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HELP_TITLE, PREVIEW_CHARS, PREVIEW_ROWS } from "../../src/addon/sidebarApi";
import { parseRubric } from "../../src/core";
import { compileSql } from "../../src/core/sql";
import { customers, open } from "./helpers";

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

  it("names every sheet but the rubric sheet with its headers, for picking a source's columns", () => {
    const { addon } = open({
      Customers: customers(),
      Logins: [
        ["Account", "", "Date"],
        ["Acme", "", new Date("2026-11-20T00:00:00Z")],
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
    });
    addon.call("sidebarCall", "saveRubric", [activity]);
    const sent = addon.call("sidebarCall", "getSidebarData", []) as SidebarData;
    const headersOf = (name: string) => sent.sheets.find((s) => s.name === name)?.headers;
    expect(headersOf("Logins")).toEqual(["Account", "Date"]);
    expect(headersOf("Visits")).toEqual(["Account", "Page", "When"]);
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

describe("Learn more", () => {
  it("opens the README's sidebar section, built into Help.html, in a dialog over the sheet", () => {
    const help = readFileSync("dist/Help.html", "utf8");
    const { emu, addon } = open({ Customers: customers() }, undefined, { htmlFiles: { Help: help } });
    addon.call("sidebarCall", "showHelp", []);
    const dialog = emu.ui.dialogs.at(-1);
    expect(dialog).toMatchObject({ kind: "modal", title: HELP_TITLE, content: help });
    expect(dialog?.content).toContain("<h1>The sidebar: Edit rubric</h1>");
    expect(dialog?.content).toContain(
      "<strong>Extensions → Health Score → Edit rubric</strong> opens the rubric editor",
    );
    expect(dialog?.content).not.toContain("<script");
  });
});
