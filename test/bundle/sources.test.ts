/** Rubrics reading sources, through the built bundle on the emulator: Rescore, call counts, HEALTHSCORE. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRubric, planner, rubricToGrid, scorecard, scoreTable } from "../../src/core";
import { FROM_SOURCES, open, activitySheets as sheets } from "./helpers";

const rubric = parseRubric(JSON.parse(readFileSync("examples/from-activity.json", "utf8")));
const withoutSources = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

describe("Rescore with sources", () => {
  it("scores every account from its activity sheets as the core does, and says what did not count", () => {
    const s = sheets();
    const { emu, addon } = open(s, "Customers");
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const headers = after[0] as string[];
    const score = headers.indexOf("Health Score");
    const tables = Object.fromEntries(
      Object.entries({ logins: "Logins", tickets: "Tickets", nps: "NPS" }).map(([name, sheet]) => {
        const [h, ...rows] = s[sheet] as unknown[][];
        return [name, { headers: h as string[], rows: rows as never }];
      }),
    );
    const customersSheet = s.Customers as unknown[][];
    const expected = scoreTable(rubric, customersSheet[0] as string[], customersSheet.slice(1) as never, {
      asOf: "2026-11-26",
      timeZone: "Europe/London",
      sources: tables,
    });
    expect(after.slice(1).map((r) => r[score])).toEqual(expected.map((r) => r.score ?? "No data"));
    expect(after.slice(1).some((r) => String(r[score + 2]).includes("Logins, last 30 days"))).toBe(true);
    const toast = emu.ui.toasts.at(-1)?.message ?? "";
    expect(toast).toContain(
      'logins: 1 row of 93420 names no account in the data ("Trial - Wayne Enterprises")',
    );
    expect(toast).toContain("nps: 1 row has no readable Date (NPS row 497");
  });

  it("makes the same number of service calls for 10 times the rows of data and of sources", () => {
    const counts = (factor: number) => {
      const { emu, addon } = open(sheets(20 * factor, 1_000 * factor), "Customers");
      emu.calls.reset();
      addon.call("rescoreAll");
      expect(emu.ui.toasts.at(-1)?.message).toContain(`Scored ${20 * factor} rows`);
      return emu.calls.all();
    };
    const small = counts(1);
    // 3 times when mutation testing runs this on the sources, once for every mutant it covers.
    expect(counts(FROM_SOURCES ? 3 : 10)).toEqual(small);
    // Each of the three source sheets is read once, on top of what a rubric without sources reads.
    const { emu, addon } = open(
      { ...sheets(20, 10), "Health Rubric": rubricToGrid(withoutSources) },
      "Customers",
    );
    emu.calls.reset();
    addon.call("rescoreAll");
    expect(small["Range.getValues"]).toBe((emu.calls.all()["Range.getValues"] ?? 0) + 3);
  }, 120_000);

  it("fills a Health Plan column with plans that move the aggregates, as the core plans them", () => {
    const s = sheets(20, 1_000);
    const customers = s.Customers as unknown[][];
    const headers = customers[0] as string[];
    s.Customers = customers.map((row, i) => [...row, i === 0 ? "Health Plan" : ""]);
    const { emu, addon } = open(s, "Customers");
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const plans = planner(rubric, headers, {
      asOf: "2026-11-26",
      timeZone: "Europe/London",
      sources: tablesOf(s),
    });
    const column = (after[0] as string[]).indexOf("Health Plan");
    const expected = customers.slice(1).map((row) => plans.planRow(row as never).why);
    expect(after.slice(1).map((r) => r[column])).toEqual(expected);
    expect(expected.some((why) => why.includes("Logins, last 30 days"))).toBe(true);
  });

  it("names a source sheet that is not there", () => {
    const s = sheets(5, 10) as Record<string, unknown[][]>;
    delete s.Tickets;
    const { emu, addon } = open(s, "Customers");
    addon.clickMenuItem("Rescore all rows");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^The rubric reads the source "tickets" from the sheet "Tickets", which this spreadsheet does not have/,
    );
  });
});

describe("Rescore with sources: where a problem is", () => {
  it("names the sheet of a source whose columns are not there, an empty one included", () => {
    const s = sheets(5, 10);
    (s.Logins as unknown[][])[0] = ["Account", "User", "When"];
    const { emu, addon } = open(s, "Customers");
    addon.clickMenuItem("Rescore all rows");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/[^.]+ \(sheet "Logins"\)\.$/);
    expect(emu.ui.alerts.at(-1)?.prompt).toContain('"Date"');

    const empty = sheets(5, 10);
    empty.NPS = [];
    const e = open(empty, "Customers");
    e.addon.clickMenuItem("Rescore all rows");
    expect(e.emu.ui.alerts.at(-1)?.prompt).toMatch(/ \(sheet "NPS"\)\.$/);
  });

  it("reads only the sources a metric reads, not every one the Sources table lists", () => {
    const json = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
    json.sources.surveys = { sheet: "Surveys", key: "Account", date: "Date" }; // listed, read by no metric
    const { emu, addon } = open(
      { ...sheets(5, 10), "Health Rubric": rubricToGrid(parseRubric(json)) },
      "Customers",
    );
    addon.clickMenuItem("Rescore all rows");
    expect(emu.ui.alerts).toEqual([]);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^Scored 5 rows/);
  });

  it("says a source row that did not count by its row in the sheet, below a title row", () => {
    const s = sheets();
    const nps = s.NPS as unknown[][];
    s.NPS = [["NPS survey export"], ...nps];
    const { emu, addon } = open(s, "Customers");
    addon.call("rescoreAll");
    expect(emu.ui.toasts.at(-1)?.message).toContain("nps: 1 row has no readable Date (NPS row 498");
  });
});

/** The activity sheets as the core's source tables. */
function tablesOf(s: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries({ logins: "Logins", tickets: "Tickets", nps: "NPS" }).map(([name, sheet]) => {
      const [h, ...rows] = s[sheet] as unknown[][];
      return [name, { headers: h as string[], rows: rows as never }];
    }),
  );
}

describe("HEALTHPLAN with sources", () => {
  it("takes the source ranges after its target, and plans as the core does", () => {
    const s = sheets(20, 1_000);
    const { addon } = open(s, "Customers");
    const [headers, ...rows] = s.Customers as unknown[][];
    const sheet = (name: string) => s[name] as unknown[][];
    const args = [rows, [headers], "", "2026-11-26", ""];
    const answer = addon.callAs(
      "CUSTOM_FUNCTION",
      "HEALTHPLAN",
      ...args,
      sheet("Logins"),
      sheet("Tickets"),
      sheet("NPS"),
    ) as unknown[][];
    const plans = planner(rubric, headers as string[], {
      asOf: "2026-11-26",
      timeZone: "Europe/London",
      sources: tablesOf(s),
    });
    expect(answer.map((r) => r[0])).toEqual(rows.map((row) => plans.planRow(row as never).why));
    expect(answer.some((r) => String(r[0]).includes("Logins, last 30 days"))).toBe(true);
  });

  it("says how to pass the sources, after the target", () => {
    const s = sheets(5, 10);
    const { addon } = open(s, "Customers");
    const [headers, ...rows] = s.Customers as unknown[][];
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHPLAN", rows, [headers])).toThrow(
      "HEALTHPLAN: the rubric reads the sources logins, tickets, nps: pass their ranges after the formula's own arguments, in the order of the Sources table, e.g. =HEALTHPLAN(A2:M200, A1:M1, HealthRubric, , , Logins!A:Z, Tickets!A:Z, NPS!A:Z), so it recalculates when they change.",
    );
  });
});

describe("HEALTHSCORE with sources", () => {
  it("takes the source ranges after its own arguments, in the order of the Sources table", () => {
    const s = sheets(5);
    const { addon } = open(s, "Customers");
    const [headers, ...rows] = s.Customers as unknown[][];
    const sheet = (name: string) => s[name] as unknown[][];
    const source = (name: string) => ({
      headers: sheet(name)[0] as string[],
      rows: sheet(name).slice(1) as never,
    });
    const scores = addon.callAs(
      "CUSTOM_FUNCTION",
      "HEALTHSCORE",
      rows,
      [headers],
      "",
      "2026-11-26",
      sheet("Logins"),
      sheet("Tickets"),
      sheet("NPS"),
    ) as unknown[][];
    const expected = scoreTable(rubric, headers as string[], rows as never, {
      asOf: "2026-11-26",
      timeZone: "Europe/London",
      sources: {
        logins: source("Logins"),
        tickets: source("Tickets"),
        nps: source("NPS"),
      },
    });
    expect(scores.map((r) => r[0])).toEqual(expected.map((r) => r.score ?? "No data"));
  });

  it("says how to pass the sources rather than show numbers that would go stale", () => {
    const s = sheets(5, 10);
    const { addon } = open(s, "Customers");
    const [headers, ...rows] = s.Customers as unknown[][];
    expect(() =>
      addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, [headers], "", "", s.Logins as unknown[][]),
    ).toThrow(
      "HEALTHSCORE: the rubric reads the sources logins, tickets, nps: pass their ranges after the formula's own arguments, in the order of the Sources table, e.g. =HEALTHSCORE(A2:M200, A1:M1, HealthRubric, , Logins!A:Z, Tickets!A:Z, NPS!A:Z), so it recalculates when they change.",
    );
    // HEALTHDRIVERS has top_n after as_of: its example leaves both blank, so Logins lands on the first source.
    expect(() =>
      addon.callAs("CUSTOM_FUNCTION", "HEALTHDRIVERS", rows, [headers], "", "", "", s.Logins as unknown[][]),
    ).toThrow("e.g. =HEALTHDRIVERS(A2:M200, A1:M1, HealthRubric, , , Logins!A:Z, Tickets!A:Z, NPS!A:Z)");
  });
});

describe("source ranges a formula was given", () => {
  const [headers, ...rows] = sheets(5, 10).Customers as unknown[][];

  it("names the one source a rubric reads, and its range, when it was not given", () => {
    const json = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
    const readsLogins = (m: { from?: { source: string } }) =>
      m.from === undefined || m.from.source === "logins";
    json.metrics = json.metrics.filter(readsLogins);
    json.flags = json.flags.filter(readsLogins);
    const { addon } = open(
      { ...sheets(5, 10), "Health Rubric": rubricToGrid(parseRubric(json)) },
      "Customers",
    );
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, [headers], "", "")).toThrow(
      "HEALTHSCORE: the rubric reads the source logins: pass its range after the formula's own arguments, in the order of the Sources table, e.g. =HEALTHSCORE(A2:M200, A1:M1, HealthRubric, , Logins!A:Z), so it recalculates when they change.",
    );
  });

  it("counts a blank argument as a source not given", () => {
    const s = sheets(5, 10);
    const { addon } = open(s, "Customers");
    for (const blank of ["", undefined]) {
      expect(
        () => addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, [headers], "", "", s.Logins, blank, blank),
        String(blank),
      ).toThrow("HEALTHSCORE: the rubric reads the sources logins, tickets, nps: pass their ranges");
    }
  });

  it("names a range that lacks a column by its place among the source arguments", () => {
    const s = sheets(5, 10);
    const { addon } = open(s, "Customers");
    const tickets = (s.Tickets as unknown[][]).map((row, i) =>
      i === 0 ? row.map((h) => (h === "Priority" ? "Urgency" : h)) : row,
    );
    expect(() =>
      addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", rows, [headers], "", "", s.Logins, tickets, s.NPS),
    ).toThrow(/^HEALTHSCORE: .*"Priority".* \(sheet "HEALTHSCORE's source range 2"\)\.$/);
  });
});

describe("Rescore with sources: several sheets lacking columns", () => {
  it("says every problem as the core does, then names each sheet", () => {
    const s = sheets(5, 10);
    (s.Logins as unknown[][])[0] = ["Account", "User", "When"];
    (s.NPS as unknown[][])[0] = ["Account", "Mark", "Date"];
    const tables = tablesOf(s);
    const customersSheet = s.Customers as unknown[][];
    let core = "";
    try {
      scorecard(rubric, customersSheet[0] as string[], {
        asOf: "2026-11-26",
        timeZone: "Europe/London",
        sources: tables,
      });
    } catch (e) {
      core = (e as Error).message;
    }
    expect(core).toMatch(/\. .*\.$/); // two sentences, one for each source
    const { emu, addon } = open(s, "Customers");
    addon.clickMenuItem("Rescore all rows");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(`${core.slice(0, -1)} (sheet "Logins", "NPS").`);
  });
});
