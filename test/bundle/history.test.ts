/** Snapshots, trends and the weekly snapshot, through the built bundle on the emulator. */

import { createEmulator } from "gas-sheets-emulator";
import { describe, expect, it } from "vitest";
import { customers, load, pickColumn, preselectedColumn } from "./helpers";

/** A spreadsheet whose clock the test moves. */
function openWithClock(start: string) {
  let now = new Date(start);
  const emu = createEmulator({
    sheets: { Customers: customers() },
    timeZone: "Europe/London",
    now: () => now,
  });
  const addon = load(emu);
  addon.callAs("NONE", "onOpen", emu.openEvent("NONE"));
  return {
    emu,
    addon,
    setDate(iso: string) {
      now = new Date(iso);
    },
  };
}

const column = (values: unknown[][], header: string) => (values[0] as unknown[]).indexOf(header);

describe("Take snapshot", () => {
  it("asks once which column names the accounts, then appends one row per account in one write", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    addon.clickMenuItem("Take snapshot");
    // A dialog lists the sheet's columns, the first selected; nothing is taken until one is picked.
    expect(emu.ui.dialogs.at(-1)?.title).toBe("Which column names each account?");
    expect(preselectedColumn({ emu, addon })).toBe("Account");
    expect(emu.spreadsheet.getSheetByName("Health History")).toBeNull();
    emu.calls.reset();
    pickColumn({ emu, addon }, "Account");
    const history = emu.sheetValues("Health History");
    expect(history[0]).toEqual(["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values"]);
    expect(history).toHaveLength(1 + 200);
    const first = history[1] as unknown[];
    expect(first[0]).toBeInstanceOf(Date);
    expect(first[1]).toBe("Xenon Robotics");
    expect(first[5]).toMatch(/^[0-9a-f]{8}$/);
    // The cells the rubric read, as Sheets holds them (the starter reads four columns and a flag's).
    expect(JSON.parse(first[6] as string)).toEqual({
      NPS: 8,
      "Seat utilisation": 0.65,
      "Key features used": 6,
      "Open P1 tickets": 1,
      "Logins 30d": 367,
    });
    // Only the history's own columns: Sheets counts every cell of a sheet, empty ones too.
    expect(emu.spreadsheet.getSheetByName("Health History")?.getMaxColumns()).toBe(7);
    expect(emu.ui.dialogs).toHaveLength(1);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /^Took a snapshot of 200 accounts on 2026-11-02 in Health History/,
    );
    expect(emu.ui.toasts.at(-1)?.title).toBe("Health Score");
    // Scores show with one decimal, as in the data sheet.
    const shown = emu.sheetDisplayValues("Health History");
    history.slice(1).forEach((row, i) => {
      if (typeof row[2] === "number") expect(shown[i + 1]?.[2]).toBe(row[2].toFixed(1));
    });
    const rubric = emu.sheetValues("Health Rubric");
    expect(rubric.find((r) => r[0] === "Account key")?.[1]).toBe("Account");
    // Appending the snapshot rows: one setValues beside the header row's.
    expect(emu.calls.get("Range.setValues")).toBeLessThanOrEqual(3);

    addon.call("takeSnapshot");
    expect(emu.ui.dialogs).toHaveLength(1); // not asked again
    expect(emu.sheetValues("Health History")).toHaveLength(1 + 400);
    expect(emu.sheetValues("Customers")[0]).not.toContain("Health Score"); // the data sheet is untouched
  });

  it("takes the weekly one on open without asking anything, keyed on the first column", () => {
    const { emu, addon } = openWithClock("2026-11-02T06:00:00Z");
    emu.globals.PropertiesService.getDocumentProperties().setProperty(
      "healthscore.weeklySnapshot",
      "2026-10-26",
    );
    addon.callAs("LIMITED", "onOpen", emu.openEvent("LIMITED"));
    expect(emu.ui.dialogs).toHaveLength(0);
    expect(emu.sheetValues("Health History")).toHaveLength(201);
  });
});

describe("Take snapshot against Sheets' 10 M cells", () => {
  it("says so before writing when the spreadsheet would pass 80% of them", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    // Another sheet of the spreadsheet already holds 8 M cells (rows × columns, empty ones count).
    const big = emu.spreadsheet.insertSheet("Archive");
    big.insertRowsAfter(big.getMaxRows(), Math.ceil(8_000_000 / big.getMaxColumns()) - big.getMaxRows());
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.clickMenuItem("Take snapshot");
    pickColumn({ emu, addon }, "Account");
    const toasts = emu.ui.toasts.map((t) => t.message);
    expect(toasts.at(-2)).toMatch(
      /^This snapshot takes the spreadsheet to 8\.\d M of the 10 M cells Google Sheets holds \(past 80%\): delete old history rows/,
    );
    expect(toasts.at(-1)).toMatch(/^Took a snapshot of 200 accounts .*past 80%/);
  });

  it("makes the same service calls for ten times the accounts", () => {
    const calls = (factor: number) => {
      const data = customers();
      const rows = Array.from({ length: 600 * factor }, (_, i) => {
        const row = [...(data[1 + (i % 200)] as unknown[])];
        row[0] = `Account ${i}`;
        return row;
      });
      const emu = createEmulator({
        sheets: { Customers: [data[0] as unknown[], ...rows] },
        timeZone: "Europe/London",
        now: () => new Date("2026-11-02T09:00:00Z"),
      });
      const addon = load(emu);
      addon.call("takeSnapshot");
      pickColumn({ emu, addon }, "Account");
      emu.calls.reset();
      addon.call("takeSnapshot");
      expect(emu.sheetValues("Health History")).toHaveLength(1 + 2 * 600 * factor);
      return emu.calls.all();
    };
    expect(calls(10)).toEqual(calls(1));
  });
});

describe("Take snapshot on a history from before values were kept", () => {
  it("adds the Values column after the last header, leaving the user's own column alone", () => {
    const { emu, addon } = openWithClock("2026-11-09T09:00:00Z");
    const old = emu.spreadsheet.insertSheet("Health History");
    old.getRange(1, 1, 2, 7).setValues([
      ["Date", "Account", "Score", "Band", "Coverage", "Rubric", "My notes"],
      [new Date("2026-11-02T00:00:00Z"), "Xenon Robotics", 70, "Green", 1, "abcdef12", "renewal in March"],
    ]);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    const history = emu.sheetValues("Health History");
    expect(history[0]?.slice(0, 8)).toEqual([
      "Date",
      "Account",
      "Score",
      "Band",
      "Coverage",
      "Rubric",
      "My notes",
      "Values",
    ]);
    expect(history[1]?.[6]).toBe("renewal in March");
    expect(history[1]?.[7]).toBe("");
    expect(history[2]?.[6]).toBe("");
    expect(JSON.parse(history[2]?.[7] as string)).toHaveProperty("NPS", 8);
  });
});

describe("Trend", () => {
  it("shows the change since the previous snapshot and names accounts that dropped a band", () => {
    const { emu, addon, setDate } = openWithClock("2026-11-02T09:00:00Z");
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");

    setDate("2026-11-09T09:00:00Z");
    // Xenon Robotics' NPS falls from a promoter's to a detractor's.
    const sheet = emu.spreadsheet.getSheetByName("Customers");
    const data = emu.sheetValues("Customers");
    sheet?.getRange(2, column(data, "NPS") + 1).setValue(2);
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const trend = column(after, "Health Trend");
    expect(trend).toBe(column(after, "Coverage") + 1);
    expect(after[2]?.[trend]).toBe("■ 0");
    expect(String(after[1]?.[trend])).toMatch(/^▼ \d+(\.\d)?$/);
    const band = after[1]?.[column(after, "Health Band")];
    const toast = emu.ui.toasts.at(-1)?.message ?? "";
    if (band !== "Yellow")
      expect(toast).toContain(`Dropped a band since the last snapshot: Xenon Robotics (Yellow → ${band})`);
  });

  it("never compares scores made under different rubrics", () => {
    const { emu, addon, setDate } = openWithClock("2026-11-02T09:00:00Z");
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    setDate("2026-11-09T09:00:00Z");
    // Change a weight on the rubric sheet: a different rubric.
    const rubric = emu.sheetValues("Health Rubric");
    const nps = rubric.findIndex((r) => r[0] === "nps") + 1;
    emu.spreadsheet.getSheetByName("Health Rubric")?.getRange(nps, 5).setValue(5);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.call("rescoreAll");
    const after = emu.sheetValues("Customers");
    const trend = column(after, "Health Trend");
    expect(after.slice(1).every((r) => r[trend] === "")).toBe(true);
  });

  it("HEALTHTREND reads the change over the last weeks from the history range", () => {
    const { emu, addon } = openWithClock("2026-11-26T09:00:00Z");
    const history = [
      ["Date", "Account", "Score", "Band", "Coverage", "Rubric"],
      [new Date("2026-10-05T12:00:00Z"), "Acme", 70, "Green", 1, "abc"],
      [new Date("2026-10-26T12:00:00Z"), "Acme", 64, "Yellow", 1, "abc"],
      [new Date("2026-11-23T12:00:00Z"), "Acme", 52.5, "Yellow", 1, "abc"],
      [new Date("2026-11-23T12:00:00Z"), "Beta", 80, "Green", 1, "abc"],
    ];
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND", "Acme", history)).toBe(-11.5);
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND", [["acme"], ["Beta"], [""]], history, 7)).toEqual([
      [-17.5],
      [""],
      [""],
    ]);
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND", "Acme", history, 0)).toThrow(
      /weeks must be a number above 0/,
    );
    // An empty weeks cell means the default 4 weeks.
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND", "Acme", history, "")).toBe(-11.5);
    const needs =
      "HEALTHTREND needs accounts and the Health History range, e.g. =HEALTHTREND(A2:A200, 'Health History'!A:Z).";
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND")).toThrow(needs);
    expect(() => addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND", "Acme")).toThrow(needs);
    void emu;
  });
});

describe("Weekly snapshot", () => {
  const dates = (emu: { sheetDisplayValues(name: string): string[][] }) => [
    ...new Set(
      emu
        .sheetDisplayValues("Health History")
        .slice(1)
        .map((r) => r[0]),
    ),
  ];
  const reopen = (s: ReturnType<typeof openWithClock>) =>
    s.addon.callAs("LIMITED", "onOpen", s.emu.openEvent("LIMITED"));
  /** A spreadsheet on Monday 2 November whose weekly snapshot was just scheduled (keyed on Account). */
  const scheduled = () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.clickMenuItem("Schedule weekly snapshot");
    pickColumn(s, "Account");
    return s;
  };

  it("takes this week's snapshot at once, then one on the first open of each later week, and no trigger", () => {
    const s = openWithClock("2026-11-02T09:00:00Z"); // a Monday
    s.addon.clickMenuItem("Schedule weekly snapshot");
    pickColumn(s, "Account");
    expect(s.emu.triggers()).toEqual([]);
    expect(s.emu.ui.toasts.at(-1)?.message).toMatch(
      /^Health Score will take one snapshot a week, the first time someone opens this spreadsheet that week \(this week's is taken: 200 accounts\)/,
    );
    s.setDate("2026-11-08T20:00:00Z"); // Sunday: the same week
    reopen(s);
    s.setDate("2026-11-10T08:00:00Z"); // Tuesday of the next week
    reopen(s);
    reopen(s);
    expect(dates(s.emu)).toEqual(["2026-11-02", "2026-11-10"]);
    expect(s.emu.sheetValues("Health History")).toHaveLength(1 + 2 * 200);
    expect(s.emu.ui.toasts.at(-1)?.message).toMatch(
      /^This week's snapshot: Took a snapshot of 200 accounts on 2026-11-10/,
    );

    s.addon.clickMenuItem("Stop scheduled snapshot");
    s.setDate("2026-11-17T08:00:00Z");
    reopen(s);
    expect(dates(s.emu)).toEqual(["2026-11-02", "2026-11-10"]);
  });

  it("takes one snapshot a week when two colleagues both schedule it", () => {
    const s = scheduled();
    s.emu.user = "colleague@example.com";
    s.addon.clickMenuItem("Schedule weekly snapshot");
    expect(s.emu.ui.toasts.at(-1)?.message).toMatch(/\(this week already has one\)/);
    s.setDate("2026-11-09T08:00:00Z");
    reopen(s);
    s.emu.user = "cs-ops@example.com";
    reopen(s);
    expect(dates(s.emu)).toEqual(["2026-11-02", "2026-11-09"]);
  });

  it("takes nothing on open while the add-on is not in use in the document (AuthMode.NONE)", () => {
    const s = scheduled();
    s.setDate("2026-11-09T08:00:00Z");
    s.addon.callAs("NONE", "onOpen", s.emu.openEvent("NONE"));
    expect(dates(s.emu)).toEqual(["2026-11-02"]);
  });

  it("says in a toast why the weekly snapshot could not be taken on open", () => {
    const s = scheduled();
    s.setDate("2026-11-09T08:00:00Z");
    s.emu.spreadsheet.getSheetByName("Health Rubric")?.getRange("A1:Z60").clearContent();
    reopen(s);
    expect(s.emu.ui.toasts.at(-1)?.message).toMatch(
      /^No weekly snapshot was taken: The Health Rubric sheet has 1 problem: .* Fix it, then try again\.$/,
    );
    expect(s.emu.ui.alerts).toHaveLength(0);
  });

  it("a weekly trigger left by an earlier version fails with a sentence saying what to do", () => {
    // In an add-on a time-driven trigger has no active spreadsheet: the emulator runs it so.
    const s = openWithClock("2026-11-02T09:00:00Z");
    const old = s.emu.globals.ScriptApp.newTrigger("takeSnapshot")
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(s.emu.globals.ScriptApp.WeekDay.MONDAY)
      .atHour(6)
      .create();
    expect(() => s.addon.runTrigger(old.getUniqueId())).toThrow(
      "The weekly snapshot no longer runs from a trigger, which cannot reach the spreadsheet: open the spreadsheet, use Extensions → Health Score → Schedule weekly snapshot, and delete this trigger in Apps Script's Triggers page.",
    );
    expect(s.emu.spreadsheet.getSheetByName("Health History")).toBeNull();
  });
});

describe("review fixes", () => {
  it("keeps the account key in its own cell, leaving the rest of the rubric sheet as the user left it", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    addon.call("setupRubricSheet");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    const rubricSheet = emu.spreadsheet.getSheetByName("Health Rubric");
    rubricSheet?.getRange("M1").setValue("my own note");
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    const values = emu.sheetValues("Health Rubric");
    expect(values[0]?.[12]).toBe("my own note");
    expect(values.find((r) => r[0] === "Account key")?.[1]).toBe("Account");
    // The settings table grew by one row and still reads back as a valid rubric.
    addon.call("checkRubric");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/is valid/);
  });

  it("scheduling keeps the data sheet, which a later open reads, and never touches a trigger", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    emu.globals.ScriptApp.newTrigger("somethingElse")
      .forSpreadsheet(emu.spreadsheet as never)
      .onOpen()
      .create();
    addon.call("scheduleWeeklySnapshot");
    pickColumn({ emu, addon }, "Account");
    addon.call("scheduleWeeklySnapshot");
    expect(emu.triggers().map((t) => t.handlerFunction)).toEqual(["somethingElse"]);
    expect(emu.sheetValues("Health Rubric").find((r) => r[0] === "Data sheet")?.[1]).toBe("Customers");
    addon.call("stopScheduledSnapshot");
    expect(emu.triggers().map((t) => t.handlerFunction)).toEqual(["somethingElse"]);
  });
});

describe("Rescore history with this rubric", () => {
  /** Two weekly snapshots under the starter, then the NPS weight changed on the rubric sheet. */
  const twoWeeksThenNewRubric = () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.call("takeSnapshot");
    pickColumn(s, "Account");
    s.setDate("2026-11-09T09:00:00Z");
    s.addon.call("takeSnapshot");
    const history = s.emu.spreadsheet.getSheetByName("Health History");
    history?.insertColumnsAfter(7, 1); // the sheet has only its own seven columns: the user adds one
    history?.getRange("H1:H2").setValues([["My notes"], ["renewal call booked"]]);
    const rubric = s.emu.sheetValues("Health Rubric");
    const nps = rubric.findIndex((r) => r[0] === "nps") + 1;
    s.emu.spreadsheet.getSheetByName("Health Rubric")?.getRange(nps, 5).setValue(5);
    s.emu.spreadsheet.setActiveSheet(s.emu.spreadsheet.getSheetByName("Customers") as never);
    s.setDate("2026-11-16T09:00:00Z");
    return s;
  };

  it("writes the new rubric's scores beside the old ones, as Rescore under it would have given them", () => {
    const s = twoWeeksThenNewRubric();
    const before = s.emu.sheetValues("Health History");
    s.addon.clickMenuItem("Rescore history with this rubric");
    const after = s.emu.sheetValues("Health History");
    const header = after[0] as string[];
    const fp = header[8]?.replace("Score ", "") ?? "";
    expect(fp).toMatch(/^[0-9a-f]{8}$/);
    expect(fp).not.toBe(before[1]?.[5]);
    expect(header.slice(7, 10)).toEqual(["My notes", `Score ${fp}`, `Band ${fp}`]);
    // Nothing of the old history changed, the user's note included.
    expect(after.map((r) => r.slice(0, 8))).toEqual(before.map((r) => r.slice(0, 8)));
    expect(s.emu.ui.alerts.at(-1)?.prompt).toMatch(
      new RegExp(
        `^Rescored 400 snapshots of Health History under this rubric \\(${fp}\\), in columns I:J; the old scores are unchanged\\.$`,
      ),
    );

    // The 9 November rows hold what Rescore all rows gives under the new rubric on that day (a
    // No data score is blank in the history, as in a snapshot's own Score).
    s.setDate("2026-11-09T09:00:00Z");
    s.addon.call("rescoreAll");
    const data = s.emu.sheetValues("Customers");
    const score = column(data, "Health Score");
    const band = column(data, "Health Band");
    const week2 = after.slice(201);
    expect(week2.map((r) => [r[8], r[9]])).toEqual(
      data
        .slice(1)
        .filter((r) => r[0] !== "")
        .map((r) => [r[score] === "No data" ? "" : r[score], r[band]]),
    );
  });

  it("is idempotent, and lets the trend continue across the rubric change", () => {
    const s = twoWeeksThenNewRubric();
    s.addon.call("rescoreHistory");
    const once = s.emu.sheetValues("Health History");
    s.addon.call("rescoreHistory");
    expect(s.emu.sheetValues("Health History")).toEqual(once);

    s.addon.call("rescoreAll");
    const data = s.emu.sheetValues("Customers");
    const trend = column(data, "Health Trend");
    // Today's score under the new rubric against 9 November's, rescored under it: the same cells.
    expect(data.slice(1).filter((r) => r[0] !== "" && r[trend] !== "").length).toBeGreaterThan(190);
    expect(data[1]?.[trend]).toBe("■ 0");
  });

  it("lets HEALTHTREND follow the rubric of each account's latest snapshot across the change", () => {
    const trendOf = (s: ReturnType<typeof twoWeeksThenNewRubric>) =>
      s.addon.callAs(
        "CUSTOM_FUNCTION",
        "HEALTHTREND",
        "Xenon Robotics",
        s.emu.sheetValues("Health History"),
        1,
      );
    const without = twoWeeksThenNewRubric();
    without.addon.call("takeSnapshot"); // 16 November, under the new rubric
    expect(trendOf(without)).toBe(""); // nothing earlier under it
    const rescored = twoWeeksThenNewRubric();
    rescored.addon.call("rescoreHistory");
    rescored.addon.call("takeSnapshot");
    expect(trendOf(rescored)).toBe(0); // against 9 November rescored under it: the same cells
  });

  it("says there is nothing to rescore without a history", () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.clickMenuItem("Rescore history with this rubric");
    expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
      "There is no history to rescore yet: take a snapshot first (Extensions → Health Score → Take snapshot).",
    );
  });

  it("makes the same service calls for ten times the history", () => {
    const calls = (weeks: number) => {
      const s = twoWeeksThenNewRubric();
      const history = s.emu.sheetValues("Health History");
      const rows = history.slice(1, 201);
      const sheet = s.emu.spreadsheet.getSheetByName("Health History");
      for (let w = 1; w < weeks; w++) {
        const copy = rows.map((r) => [new Date(Date.UTC(2026, 9, 26 - 7 * w, 12)), ...r.slice(1, 7)]);
        sheet?.insertRowsAfter(sheet.getMaxRows(), copy.length);
        sheet?.getRange(sheet.getLastRow() + 1, 1, copy.length, 7).setValues(copy);
      }
      s.emu.calls.reset();
      s.addon.call("rescoreHistory");
      expect(s.emu.sheetValues("Health History").length).toBe(1 + 200 * (weeks + 1));
      return s.emu.calls.all();
    };
    expect(calls(20)).toEqual(calls(2));
  });
});

describe("the column dialog", () => {
  it("lists the data's own columns, not the add-on's output columns, with every name as text", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    const csm = column(emu.sheetValues("Customers"), "CSM") + 1;
    emu.spreadsheet.getSheetByName("Customers")?.getRange(1, csm).setValue("<b>Owner</b>");
    addon.call("rescoreAll");
    addon.clickMenuItem("Take snapshot");
    const html = emu.ui.dialogs.at(-1)?.content ?? "";
    const options = [...html.matchAll(/<option value="[^"]*"[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
    expect(options).toContain("Account");
    expect(options).toContain("&#60;b&#62;Owner&#60;/b&#62;");
    expect(options).not.toContain("Health Score");
    expect(options).not.toContain("Health Band");
    expect(html).not.toContain("<b>Owner");
  });
});
