/** Backfill history from sources, through the built bundle on the emulator. */
import { describe, expect, it } from "vitest";
import { type Rubric, rubricToGrid, scorecard } from "../../src/core";
import { ACTIVITY_RUBRIC, activitySheets, NOW, open, pickColumn } from "./helpers";

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
/** The history's dates, in sheet order, once each. */
const datesOf = (history: unknown[][]) => [...new Set(history.slice(1).map((r) => iso(r[0])))];

/** The sample with its activity sheets: the rubric's key (Account) names the accounts. */
const sample = (dataRows?: number, sourceRows?: number, clock?: () => Date) =>
  open(activitySheets(dataRows, sourceRows), "Customers", clock ? { now: clock } : {});

/** The small sample scored by `rubric` instead of the from-activity one. */
const sampleWith = (rubric: Rubric) =>
  open({ ...activitySheets(5, 10), "Health Rubric": rubricToGrid(rubric) }, "Customers");
/** The from-activity rubric with its Seat utilisation metric reading `columns` instead (none: dropped). */
const readingColumns = (...columns: string[]): Rubric => {
  const [utilisation, ...others] = ACTIVITY_RUBRIC.metrics;
  const read = columns.map((column, i) => ({ ...utilisation, id: `column_${i}`, label: column, column }));
  return { ...ACTIVITY_RUBRIC, metrics: [...read, ...others] as Rubric["metrics"] };
};
/** `grid` with its first column moved to the end. */
const firstColumnLast = (grid: unknown[][]) => grid.map((r) => [...r.slice(1), r[0]]);

describe("Backfill history from sources", () => {
  it("says how many weeks fit, then scores each account as of each past week as the core does", () => {
    const sheets = activitySheets();
    const { emu, addon } = sample();
    emu.queuePromptResponse("4");
    addon.clickMenuItem("Backfill history from sources");
    const asked = emu.ui.prompts.at(-1)?.prompt ?? "";
    expect(asked).toMatch(
      /^Scores each account as of each past week from the 95,536 rows of the source sheets, before the first snapshot in Health History\. About 329 weeks fit in one run/,
    );
    const history = emu.sheetValues("Health History");
    expect(datesOf(history)).toEqual(["2026-11-05", "2026-11-12", "2026-11-19", "2026-11-26"]);
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      "Backfilled 4 weeks (2026-11-05 to 2026-11-26) of 800 account rows into Health History, above its earlier rows. Seat utilisation is a column of your sheet with no past: every week reads today's cell.",
    );
    // 12 November's rows are what the core scores with as-of 12 November from the same sheets.
    const tables = Object.fromEntries(
      Object.entries({ logins: "Logins", tickets: "Tickets", nps: "NPS" }).map(([name, sheet]) => {
        const [headers, ...rows] = sheets[sheet] as never[][];
        return [name, { headers: headers as never, rows }];
      }),
    );
    const [headers, ...rows] = sheets.Customers as never[][];
    const expected = scorecard(ACTIVITY_RUBRIC, headers as never, {
      asOf: "2026-11-12",
      timeZone: "Europe/London",
      sources: tables,
    }).scoreRows(rows);
    const week = history.filter((r) => iso(r[0]) === "2026-11-12");
    expect(week.map((r) => [r[1], r[2] === "" ? null : r[2], r[3]])).toEqual(
      expected.map((r, i) => [(rows[i] as unknown[])[0], r.score, r.band]),
    );
    expect(JSON.parse(week[0]?.[6] as string)).toHaveProperty("count of logins, last 30 days");
    // The accounts sheet is untouched.
    expect(emu.sheetValues("Customers")).toEqual(sheets.Customers);
  });

  it("fills only the weeks before the first snapshot, above the rows already there", () => {
    const { emu, addon } = sample(20, 500);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    const taken = emu.sheetValues("Health History");
    emu.queuePromptResponse(""); // the default, 26 weeks
    addon.call("backfillHistory");
    const history = emu.sheetValues("Health History");
    const dates = datesOf(history);
    expect(dates).toHaveLength(26);
    expect(dates.at(-2)).toBe("2026-11-19");
    expect(dates.at(-1)).toBe("2026-11-26");
    expect(history).toHaveLength(1 + 26 * 20);
    expect(history.slice(-20)).toEqual(taken.slice(1)); // today's snapshot, unchanged, last

    emu.queuePromptResponse("26");
    addon.call("backfillHistory");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      "Health History already starts on 2026-06-04, and 26 weeks back from today reach no earlier: ask for more weeks to go further back.",
    );
    expect(emu.sheetValues("Health History")).toEqual(history);
  });

  it("stops before Apps Script's 6 minutes, keeping the newest weeks done, and a rerun goes on", () => {
    // A slow spreadsheet: the clock moves 20 seconds each time the add-on reads it.
    let t = NOW.getTime();
    const { emu, addon } = sample(20, 500, () => {
      t += 20_000;
      return new Date(t);
    });
    emu.queuePromptResponse("26");
    addon.call("backfillHistory");
    const message = emu.ui.alerts.at(-1)?.prompt ?? "";
    const done = Number(/^Backfilled (\d+) weeks/.exec(message)?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(26);
    expect(message).toContain(
      `Stopped after ${done} of 26 weeks to stay within Apps Script's 6-minute limit; they are written: run Backfill again to go further back.`,
    );
    const dates = datesOf(emu.sheetValues("Health History"));
    expect(dates).toHaveLength(done);
    expect(dates.at(-1)).toBe("2026-11-26"); // the newest weeks: no gap before today

    emu.queuePromptResponse("26");
    addon.call("backfillHistory");
    const more = datesOf(emu.sheetValues("Health History"));
    expect(more.length).toBeGreaterThan(done);
    expect(more.slice(-done)).toEqual(dates);
  });

  it("refuses a rubric with no source, and a number of weeks that is not one", () => {
    const plain = open({ Customers: activitySheets().Customers as unknown[][] }, "Customers");
    plain.addon.clickMenuItem("Backfill history from sources");
    expect(plain.emu.ui.alerts.at(-1)?.prompt).toMatch(/^The rubric reads no source of raw activity/);

    const { emu, addon } = sample(5, 10);
    emu.queuePromptResponse("twelve");
    addon.clickMenuItem("Backfill history from sources");
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      'The number of weeks must be a whole number from 1 to 520, not "twelve": run Backfill again and type one.',
    );
    expect(emu.spreadsheet.getSheetByName("Health History")).toBeNull();
  });

  it("takes from 1 to 520 weeks, whole ones only, and says one week in the singular", () => {
    const { emu, addon } = sample(5, 10);
    for (const typed of [" 0 ", "521", "2.5"]) {
      emu.queuePromptResponse(typed);
      addon.clickMenuItem("Backfill history from sources");
      expect(emu.ui.alerts.at(-1)?.prompt).toBe(
        `The number of weeks must be a whole number from 1 to 520, not "${typed.trim()}": run Backfill again and type one.`,
      );
    }
    emu.queuePromptResponse(" 1 ");
    addon.clickMenuItem("Backfill history from sources");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^Backfilled 1 week \(2026-11-26 to 2026-11-26\) of 5 account rows into Health History/,
    );
    emu.queuePromptResponse("520"); // the most: 519 weeks before today's, just written
    addon.clickMenuItem("Backfill history from sources");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^Backfilled 519 weeks \(/);
  });

  it("goes back from the earliest snapshot, wherever it is in the sheet", () => {
    const { emu, addon } = sample(5, 10);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account"); // 26 November
    const history = emu.spreadsheet.getSheetByName("Health History");
    const rows = emu.sheetValues("Health History").slice(1);
    // An earlier week's snapshot, pasted below today's.
    history
      ?.getRange(7, 1, 5, 7)
      .setValues(rows.map((r) => [new Date("2026-11-19T00:00:00Z"), ...r.slice(1)]) as never);
    emu.queuePromptResponse("3");
    addon.call("backfillHistory");
    // Three weeks back from today reach 12 November only, before the 19th's snapshot.
    expect(datesOf(emu.sheetValues("Health History"))).toEqual(["2026-11-12", "2026-11-26", "2026-11-19"]);
  });

  it("does nothing and says nothing when the weeks question is cancelled", () => {
    const { emu, addon } = sample(5, 10);
    emu.queuePromptResponse({ button: "CANCEL" });
    addon.clickMenuItem("Backfill history from sources");
    expect(emu.ui.alerts).toEqual([]);
    expect(emu.spreadsheet.getSheetByName("Health History")).toBeNull();
  });

  it("refuses weeks whose rows would take the spreadsheet past 10 M cells, saying the cells they need", () => {
    const { emu, addon } = sample(5, 10);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account"); // Health History: 1000 rows of 7 columns, 6 used
    const archive = emu.spreadsheet.insertSheet("Archive");
    const cells = () =>
      emu.spreadsheet.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    archive.deleteColumns(2, archive.getMaxColumns() - 1);
    archive.insertRowsAfter(archive.getMaxRows(), 10_000_000 - 30 - cells());
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    const before = emu.sheetValues("Health History");
    emu.queuePromptResponse("2");
    addon.clickMenuItem("Backfill history from sources");
    // The week before today's snapshot: 5 accounts, inserted as 5 new rows of 7 cells.
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^This backfill needs 35 more cells, which would take the spreadsheet to 10\.0 M cells, past the 10 M Google Sheets holds: /,
    );
    expect(emu.sheetValues("Health History")).toEqual(before);
  });

  it("makes the same service calls for ten times the accounts and the activity", () => {
    const calls = (factor: number) => {
      const { emu, addon } = sample(20 * factor, 300 * factor);
      emu.queuePromptResponse("3");
      emu.calls.reset();
      addon.call("backfillHistory");
      expect(emu.sheetValues("Health History")).toHaveLength(1 + 3 * 20 * factor);
      return emu.calls.all();
    };
    expect(calls(10)).toEqual(calls(1));
  });

  it("asks under the add-on's title, and fewer weeks fit once reading the sheets took time", () => {
    const still = sample(5, 10);
    still.emu.queuePromptResponse({ button: "CANCEL" });
    still.addon.call("backfillHistory");
    const asked = still.emu.ui.prompts.at(-1);
    expect(asked?.title).toBe("Health Score: backfill history from sources");
    const fit = (prompt = "") => Number(/About (\d+) weeks fit/.exec(prompt)?.[1]);
    // A slow spreadsheet: a minute passes each time the add-on reads the clock.
    let t = NOW.getTime();
    const slow = sample(5, 10, () => {
      t += 60_000;
      return new Date(t);
    });
    slow.emu.queuePromptResponse({ button: "CANCEL" });
    slow.addon.call("backfillHistory");
    expect(fit(slow.emu.ui.prompts.at(-1)?.prompt)).toBeLessThan(fit(asked?.prompt));
  });

  it("backfills one week however slow the spreadsheet, so a rerun always goes further back", () => {
    let t = NOW.getTime();
    const { emu, addon } = sample(5, 10, () => {
      t += 400_000; // past the 6 minutes at every read of the clock
      return new Date(t);
    });
    emu.queuePromptResponse("3");
    addon.call("backfillHistory");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^Backfilled 1 week \(2026-11-26 to 2026-11-26\) of 5 account rows into Health History, above its earlier rows\. Stopped after 1 of 3 weeks/,
    );
    expect(datesOf(emu.sheetValues("Health History"))).toEqual(["2026-11-26"]);
  });

  it("says which columns of the sheet have no past, and says nothing of them when none is read", () => {
    const none = sampleWith(readingColumns());
    none.emu.queuePromptResponse("2");
    none.addon.call("backfillHistory");
    expect(none.emu.ui.alerts.at(-1)?.prompt).toBe(
      "Backfilled 2 weeks (2026-11-19 to 2026-11-26) of 10 account rows into Health History, above its earlier rows.",
    );
    const two = sampleWith(readingColumns("Seat utilisation", "Onboarding progress"));
    two.emu.queuePromptResponse("2");
    two.addon.call("backfillHistory");
    expect(two.emu.ui.alerts.at(-1)?.prompt).toBe(
      "Backfilled 2 weeks (2026-11-19 to 2026-11-26) of 10 account rows into Health History, above its earlier rows. Seat utilisation, Onboarding progress are columns of your sheet with no past: every week reads today's cells.",
    );
  });

  it("names each account by the rubric's key column, wherever it is in the sheet", () => {
    const sheets = activitySheets(5, 10);
    const customers = firstColumnLast(sheets.Customers as unknown[][]);
    const { emu, addon } = open({ ...sheets, Customers: customers }, "Customers");
    emu.queuePromptResponse("1");
    addon.call("backfillHistory");
    const accounts = emu
      .sheetValues("Health History")
      .slice(1)
      .map((r) => r[1]);
    expect(accounts).toEqual(customers.slice(1).map((r) => r.at(-1)));
  });

  it("goes back from a history of one snapshot row", () => {
    const { emu, addon } = sample(1, 10);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account"); // 26 November, one account
    emu.queuePromptResponse("2");
    addon.call("backfillHistory");
    expect(datesOf(emu.sheetValues("Health History"))).toEqual(["2026-11-19", "2026-11-26"]);
  });
});
