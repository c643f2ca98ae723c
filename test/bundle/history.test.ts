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
    expect(old.getMaxColumns()).toBe(26); // the Values column fits in the sheet's own
    expect(old.getRange("H1").getFontWeight()).toBe("bold");
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

describe("Rescore history with this rubric", () => {
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

describe("the column dialog, asked and answered", () => {
  it("lists no blank header, in a small dialog, and keeps the picked column as the header spells it", () => {
    const data = customers().map((row, i) => [...row, i === 0 ? "  " : "x"]);
    const emu = createEmulator({
      sheets: { Customers: data },
      timeZone: "Europe/London",
      now: () => new Date("2026-11-02T09:00:00Z"),
    });
    const addon = load(emu);
    addon.call("takeSnapshot");
    const dialog = emu.ui.dialogs.at(-1);
    expect([dialog?.width, dialog?.height]).toEqual([380, 200]);
    const options = [...(dialog?.content ?? "").matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toEqual((data[0] as string[]).slice(0, -1));
    addon.call("sidebarCall", "pickedColumn", ["snapshot", "account"]);
    expect(emu.sheetValues("Health Rubric").find((r) => r[0] === "Account key")?.[1]).toBe("Account");
  });

  it("says the picked column is gone when it was renamed while the dialog was open", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    addon.clickMenuItem("Take snapshot");
    emu.spreadsheet.getSheetByName("Customers")?.getRange("A1").setValue("Customer");
    expect(() => pickColumn({ emu, addon }, "Account")).toThrow(
      'There is no column "Account" in the header row of "Customers" any more: close this dialog and try again.',
    );
    expect(emu.spreadsheet.getSheetByName("Health History")).toBeNull();
  });

  it("is not shown for a sheet with no column names, which is said instead", () => {
    const emu = createEmulator({
      sheets: {
        Customers: [
          ["", ""],
          ["Acme", 3],
        ],
      },
      timeZone: "Europe/London",
    });
    const addon = load(emu);
    addon.call("takeSnapshot");
    expect(emu.ui.dialogs).toEqual([]);
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(
      "The data sheet has no column names in its header row: add them, then try again.",
    );
  });
});

describe("the column dialog", () => {
  it("lists each column as one plain option, only the guessed one selected", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    addon.clickMenuItem("Take snapshot");
    const [account, ...rest] = emu.sheetValues("Customers")[0] as string[];
    const select = /<select id="column">(.*)<\/select>/.exec(emu.ui.dialogs.at(-1)?.content ?? "")?.[1];
    expect(select).toBe(
      `<option value="${account}" selected>${account}</option>${rest.map((c) => `<option value="${c}">${c}</option>`).join("")}`,
    );
  });

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

type Emu = ReturnType<typeof openWithClock>["emu"];
/** Every cell of the spreadsheet, empty ones included: what Sheets counts against its 10 M. */
const cellsOf = (emu: Emu) =>
  emu.spreadsheet.getSheets().reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
/** Adds empty sheets (as an archive would be) until the spreadsheet has exactly `total` cells. */
function fillTo(emu: Emu, total: number) {
  const active = emu.spreadsheet.getActiveSheet();
  const rest = total - cellsOf(emu);
  const archive = emu.spreadsheet.insertSheet("Archive"); // 1000 × 26
  const rows = Math.floor((rest - 1) / 26);
  archive.insertRowsAfter(archive.getMaxRows(), rows - archive.getMaxRows());
  const pad = emu.spreadsheet.insertSheet("Pad"); // one column of the rest
  pad.deleteColumns(2, pad.getMaxColumns() - 1);
  pad.deleteRows(rest - 26 * rows + 1, pad.getMaxRows() - (rest - 26 * rows));
  emu.spreadsheet.setActiveSheet(active);
  expect(cellsOf(emu)).toBe(total);
}
const historyOf = (emu: Emu) => {
  const sheet = emu.spreadsheet.getSheetByName("Health History");
  if (!sheet) throw new Error("No Health History sheet.");
  return sheet;
};
/** 2 November, the first snapshot taken (200 accounts, keyed on Account). */
const firstSnapshot = () => {
  const s = openWithClock("2026-11-02T09:00:00Z");
  s.addon.call("takeSnapshot");
  pickColumn(s, "Account");
  return s;
};
const ADVICE =
  "delete old history rows you no longer need (or move them to another spreadsheet), or delete empty rows and columns of other sheets";

describe("Take snapshot: the Health History sheet", () => {
  it("grows by just the rows each snapshot needs, says each in one toast, and never adds a column", () => {
    const s = firstSnapshot();
    const history = historyOf(s.emu);
    expect(history.getMaxRows()).toBe(1000); // 201 rows used of a new sheet's 1000
    for (let i = 0; i < 3; i++) s.addon.call("takeSnapshot");
    expect([history.getLastRow(), history.getMaxRows()]).toEqual([801, 1000]);
    const toasts = s.emu.ui.toasts.length;
    s.addon.call("takeSnapshot");
    expect([history.getLastRow(), history.getMaxRows(), history.getMaxColumns()]).toEqual([1001, 1001, 7]);
    expect(s.emu.ui.toasts.slice(toasts).map((t) => t.message)).toEqual([
      expect.stringMatching(
        /^Took a snapshot of 200 accounts on 2026-11-02 in Health History \(rubric [0-9a-f]{8}\)\.$/,
      ),
    ]);
  });

  it("refuses a snapshot that would take the spreadsheet past 10 M cells, saying the cells it needs, and writes nothing", () => {
    const s = firstSnapshot();
    const history = historyOf(s.emu);
    history.deleteRows(202, history.getMaxRows() - 201); // full: the next snapshot needs 200 rows of 7 cells
    fillTo(s.emu, 10_000_000 - 1_000);
    const before = s.emu.sheetValues("Health History");
    s.addon.clickMenuItem("Take snapshot");
    expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
      `This snapshot needs 1,400 more cells, which would take the spreadsheet to 10.0 M cells, past the 10 M Google Sheets holds: ${ADVICE}, then try again.`,
    );
    expect(s.emu.sheetValues("Health History")).toEqual(before);
    expect(history.getMaxRows()).toBe(201);
  });

  it("warns in a toast when its own new rows take the spreadsheet past 80% of the 10 M cells, then writes", () => {
    const s = firstSnapshot();
    const history = historyOf(s.emu);
    history.deleteRows(202, history.getMaxRows() - 201);
    fillTo(s.emu, 8_000_000 - 1_000);
    const toasts = s.emu.ui.toasts.length;
    s.addon.call("takeSnapshot");
    const warning = `This snapshot takes the spreadsheet to 8.0 M of the 10 M cells Google Sheets holds (past 80%): ${ADVICE} before it is full.`;
    expect(s.emu.ui.toasts.slice(toasts)).toEqual([
      { message: warning, title: "Health Score", timeoutSeconds: 10 },
      expect.objectContaining({ message: expect.stringMatching(/^Took a snapshot of 200 accounts .*\)\. /) }),
    ]);
    expect(s.emu.ui.toasts.at(-1)?.message.endsWith(` ${warning}`)).toBe(true);
    expect([history.getLastRow(), history.getMaxRows()]).toEqual([401, 401]);
  });

  it("refuses to write under a first row that is not its header, leaving the sheet as it is", () => {
    const s = firstSnapshot();
    const history = historyOf(s.emu);
    const refused = () => {
      const before = s.emu.sheetValues("Health History");
      s.addon.clickMenuItem("Take snapshot");
      expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
        "The first row of the Health History sheet must name its columns Date, Account, Score, Band, Coverage, Rubric, Values: put that header row back, or rename the sheet to start a new history.",
      );
      expect(s.emu.sheetValues("Health History")).toEqual(before);
    };
    history.getRange("F1").setValue("Fingerprint"); // no Rubric column
    refused();
    history.getRange("F1").setValue("Rubric");
    history.insertRowsBefore(1, 1); // a title above the header
    history.getRange("A1").setValue("Customer health over time");
    refused();
  });

  it("gives a six-column history from before values were kept a bold Values column, the sheet one column wider", () => {
    const { emu, addon } = openWithClock("2026-11-09T09:00:00Z");
    const old = emu.spreadsheet.insertSheet("Health History");
    old.deleteColumns(7, old.getMaxColumns() - 6);
    old.getRange(1, 1, 2, 6).setValues([
      ["Date", "Account", "Score", "Band", "Coverage", "Rubric"],
      [new Date("2026-11-02T00:00:00Z"), "Xenon Robotics", 70, "Green", 1, "abcdef12"],
    ]);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    const history = emu.sheetValues("Health History");
    expect(history[0]).toEqual(["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values"]);
    expect(old.getMaxColumns()).toBe(7);
    expect(old.getRange("G1").getFontWeight()).toBe("bold");
    expect(history[1]?.[6]).toBe("");
    expect(JSON.parse(history[2]?.[6] as string)).toHaveProperty("NPS", 8);
  });

  it("keeps an account with no data as a blank score and the No data band", () => {
    const data = customers();
    const emu = createEmulator({
      sheets: { Customers: [...data, ["Quiet Ltd", ...(data[1] as unknown[]).slice(1).map(() => "")]] },
      timeZone: "Europe/London",
      now: () => new Date("2026-11-02T09:00:00Z"),
    });
    const addon = load(emu);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    const quiet = emu.sheetValues("Health History").find((r) => r[1] === "Quiet Ltd");
    expect(quiet?.slice(1, 5)).toEqual(["Quiet Ltd", "", "No data", 0]);
  });
});

describe("Weekly snapshot: what it says and keeps", () => {
  it("says the schedule in one toast, and each week's snapshot on open in one toast", () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.clickMenuItem("Schedule weekly snapshot");
    expect(s.emu.ui.dialogs.at(-1)?.content).toContain(
      "Snapshots follow each account over time by this column. It is kept as the Account key on the Health Rubric sheet, so this is asked once.",
    );
    let toasts = s.emu.ui.toasts.length;
    pickColumn(s, "Account");
    expect(s.emu.ui.toasts.slice(toasts).map((t) => t.message)).toEqual([
      "Health Score will take one snapshot a week, the first time someone opens this spreadsheet that week (this week's is taken: 200 accounts). Stop it from the same menu.",
    ]);
    s.setDate("2026-11-09T08:00:00Z");
    toasts = s.emu.ui.toasts.length;
    s.addon.callAs("LIMITED", "onOpen", s.emu.openEvent("LIMITED"));
    expect(s.emu.ui.toasts.slice(toasts)).toEqual([
      {
        message: expect.stringMatching(
          /^This week's snapshot: Took a snapshot of 200 accounts on 2026-11-09/,
        ),
        title: "Health Score",
        timeoutSeconds: 8,
      },
    ]);
  });

  it("counts a history of one account's snapshot as this week's", () => {
    const data = customers().slice(0, 2);
    const s = (() => {
      let now = new Date("2026-11-02T09:00:00Z");
      const emu = createEmulator({ sheets: { Customers: data }, timeZone: "Europe/London", now: () => now });
      const addon = load(emu);
      return { emu, addon, setDate: (iso: string) => (now = new Date(iso)) };
    })();
    s.addon.call("scheduleWeeklySnapshot");
    pickColumn(s, "Account");
    s.setDate("2026-11-05T08:00:00Z"); // Thursday: the same week
    s.addon.callAs("LIMITED", "onOpen", s.emu.openEvent("LIMITED"));
    expect(s.emu.sheetValues("Health History")).toHaveLength(2);
    s.setDate("2026-11-09T08:00:00Z");
    s.addon.callAs("LIMITED", "onOpen", s.emu.openEvent("LIMITED"));
    expect(s.emu.sheetValues("Health History")).toHaveLength(3);
  });

  it("keeps the data sheet the rubric names when scheduled again from another sheet", () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.call("scheduleWeeklySnapshot");
    pickColumn(s, "Account");
    s.addon.call("stopScheduledSnapshot");
    s.emu.spreadsheet.setActiveSheet(s.emu.spreadsheet.insertSheet("Notes"));
    s.addon.call("scheduleWeeklySnapshot");
    expect(s.emu.sheetValues("Health Rubric").find((r) => r[0] === "Data sheet")?.[1]).toBe("Customers");
  });

  it("says why in a toast titled Health Score, shown longer than a snapshot's", () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.call("scheduleWeeklySnapshot");
    pickColumn(s, "Account");
    s.setDate("2026-11-09T08:00:00Z");
    s.emu.spreadsheet.getSheetByName("Customers")?.setName("Accounts");
    s.addon.callAs("LIMITED", "onOpen", s.emu.openEvent("LIMITED"));
    expect(s.emu.ui.toasts.at(-1)).toEqual({
      message:
        'No weekly snapshot was taken: The rubric\'s Data sheet setting names "Customers", but there is no such sheet: fix the name on the Health Rubric sheet.',
      title: "Health Score",
      timeoutSeconds: 15,
    });
  });
});

describe("Weekly snapshot on an emptied Health History sheet", () => {
  it("says in a toast to put the header row back", () => {
    const s = openWithClock("2026-11-02T09:00:00Z");
    s.addon.call("scheduleWeeklySnapshot");
    pickColumn(s, "Account");
    historyOf(s.emu).clear();
    s.setDate("2026-11-09T08:00:00Z");
    s.addon.callAs("LIMITED", "onOpen", s.emu.openEvent("LIMITED"));
    expect(s.emu.ui.toasts.at(-1)?.message).toBe(
      "No weekly snapshot was taken: The first row of the Health History sheet must name its columns Date, Account, Score, Band, Coverage, Rubric, Values: put that header row back, or rename the sheet to start a new history.",
    );
  });
});

describe("HEALTHTREND on one cell", () => {
  it("is blank for an account the history does not name", () => {
    const { addon } = openWithClock("2026-11-26T09:00:00Z");
    const history = [
      ["Date", "Account", "Score", "Band", "Coverage", "Rubric"],
      [new Date("2026-11-23T12:00:00Z"), "Acme", 52.5, "Yellow", 1, "abc"],
    ];
    expect(addon.callAs("CUSTOM_FUNCTION", "HEALTHTREND", "Nobody", history)).toBe("");
  });
});

describe("Rescore history with this rubric: what it says and refuses", () => {
  it("says how many snapshots already hold this rubric's scores and how many kept no values", () => {
    const s = twoWeeksThenNewRubric();
    s.addon.call("takeSnapshot"); // 16 November, under the new rubric
    const history = historyOf(s.emu);
    history.insertRowsBefore(2, 1); // a row from before snapshots kept their values
    history
      .getRange(2, 1, 1, 7)
      .setValues([[new Date("2026-10-26T12:00:00Z"), "Xenon Robotics", 70, "Green", 1, "abcdef12", ""]]);
    const toasts = s.emu.ui.toasts.length;
    s.addon.clickMenuItem("Rescore history with this rubric");
    expect(s.emu.ui.toasts).toHaveLength(toasts); // the report is an alert, and no toast
    const fp = String(s.emu.sheetValues("Health History")[0]?.[8]).replace("Score ", "");
    expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
      `Rescored 400 snapshots of Health History under this rubric (${fp}), in columns I:J; the old scores are unchanged. 200 taken under this rubric already hold its scores. 1 from before snapshots kept their values cannot be rescored; trends under this rubric start after them.`,
    );
    // The new scores show with one decimal, as the snapshot's own do.
    const shown = s.emu.sheetDisplayValues("Health History");
    const values = s.emu.sheetValues("Health History");
    const scores = values.slice(1).filter((r) => typeof r[8] === "number");
    expect(scores.length).toBeGreaterThan(390); // all but the No data ones
    values.forEach((row, i) => {
      if (typeof row[8] === "number") expect(shown[i]?.[8]).toBe(row[8].toFixed(1));
    });
  });

  it("says one snapshot in the singular", () => {
    let now = new Date("2026-11-02T09:00:00Z");
    const emu = createEmulator({
      sheets: { Customers: customers().slice(0, 2) },
      timeZone: "Europe/London",
      now: () => now,
    });
    const addon = load(emu);
    addon.call("takeSnapshot");
    pickColumn({ emu, addon }, "Account");
    const rubric = emu.sheetValues("Health Rubric");
    emu.spreadsheet
      .getSheetByName("Health Rubric")
      ?.getRange(rubric.findIndex((r) => r[0] === "nps") + 1, 5)
      .setValue(5);
    now = new Date("2026-11-09T09:00:00Z");
    addon.call("rescoreHistory");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /^Rescored 1 snapshot of Health History under this rubric \([0-9a-f]{8}\), in columns H:I; the old scores are unchanged\.$/,
    );
  });

  it("says there is nothing to rescore in a history of only its header row", () => {
    const s = firstSnapshot();
    historyOf(s.emu).deleteRows(2, 200);
    s.addon.call("rescoreHistory");
    expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
      "There is no history to rescore yet: take a snapshot first (Extensions → Health Score → Take snapshot).",
    );
  });

  it("says which columns the history's header row lacks", () => {
    const s = firstSnapshot();
    historyOf(s.emu).getRange("F1").setValue("Fingerprint");
    s.addon.call("rescoreHistory");
    expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
      "The Health History sheet: The history has no header row naming Date, Account, Score, Band, Coverage, Rubric: rescore a Health History sheet or its CSV export, header row included.",
    );
  });

  it("refuses when its two new columns would take the spreadsheet past 10 M cells, writing nothing", () => {
    const s = twoWeeksThenNewRubric();
    fillTo(s.emu, 10_000_000 - 1_000);
    const before = s.emu.sheetValues("Health History");
    s.addon.call("rescoreHistory");
    // Two columns of the sheet's 1000 rows.
    expect(s.emu.ui.alerts.at(-1)?.prompt).toBe(
      `This rescore of history needs 2,000 more cells, which would take the spreadsheet to 10.0 M cells, past the 10 M Google Sheets holds: ${ADVICE}, then try again.`,
    );
    expect(s.emu.sheetValues("Health History")).toEqual(before);
    expect(historyOf(s.emu).getMaxColumns()).toBe(8);
  });

  it("warns in a toast and in its report when its new columns take the spreadsheet past 80%", () => {
    const s = twoWeeksThenNewRubric();
    fillTo(s.emu, 8_000_000 - 1_000);
    const toasts = s.emu.ui.toasts.length;
    s.addon.call("rescoreHistory");
    const warning = `This rescore of history takes the spreadsheet to 8.0 M of the 10 M cells Google Sheets holds (past 80%): ${ADVICE} before it is full.`;
    expect(s.emu.ui.toasts.slice(toasts)).toEqual([
      { message: warning, title: "Health Score", timeoutSeconds: 10 },
    ]);
    expect(s.emu.ui.alerts.at(-1)?.prompt).toMatch(/^Rescored 400 snapshots /);
    expect(s.emu.ui.alerts.at(-1)?.prompt.endsWith(`the old scores are unchanged. ${warning}`)).toBe(true);
    expect(historyOf(s.emu).getMaxColumns()).toBe(10);
  });
});
