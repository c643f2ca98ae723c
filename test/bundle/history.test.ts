/** Snapshots, trends and the weekly trigger, through the built bundle on the emulator. */

import { createEmulator, loadBundle } from "gas-sheets-emulator";
import { describe, expect, it } from "vitest";
import { CODE, customers } from "./helpers";

/** A spreadsheet whose clock the test moves. */
function openWithClock(start: string) {
  let now = new Date(start);
  const emu = createEmulator({
    sheets: { Customers: customers() },
    timeZone: "Europe/London",
    now: () => now,
  });
  const addon = loadBundle(CODE, emu);
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
    emu.queuePromptResponse("Account");
    emu.calls.reset();
    addon.clickMenuItem("Take snapshot");
    const history = emu.sheetValues("Health History");
    expect(history[0]).toEqual(["Date", "Account", "Score", "Band", "Coverage", "Rubric"]);
    expect(history).toHaveLength(1 + 200);
    const first = history[1] as unknown[];
    expect(first[0]).toBeInstanceOf(Date);
    expect(first[1]).toBe("Xenon Robotics");
    expect(first[5]).toMatch(/^[0-9a-f]{8}$/);
    expect(emu.ui.prompts).toHaveLength(1);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /^Took a snapshot of 200 accounts on 2026-11-02 in Health History/,
    );
    const rubric = emu.sheetValues("Health Rubric");
    expect(rubric.find((r) => r[0] === "Account key")?.[1]).toBe("Account");
    // Appending the snapshot rows: one setValues beside the header row's.
    expect(emu.calls.get("Range.setValues")).toBeLessThanOrEqual(3);

    addon.call("takeSnapshot");
    expect(emu.ui.prompts).toHaveLength(1); // not asked again
    expect(emu.sheetValues("Health History")).toHaveLength(1 + 400);
    expect(emu.sheetValues("Customers")[0]).not.toContain("Health Score"); // the data sheet is untouched
  });

  it("runs from the trigger without asking anything, keyed on the first column", () => {
    const { emu, addon } = openWithClock("2026-11-02T06:00:00Z");
    addon.call("takeSnapshot", { triggerUid: "123", authMode: "FULL" });
    expect(emu.ui.prompts).toHaveLength(0);
    expect(emu.ui.toasts).toHaveLength(0);
    expect(emu.sheetValues("Health History")).toHaveLength(201);
  });
});

describe("Trend", () => {
  it("shows the change since the previous snapshot and names accounts that dropped a band", () => {
    const { emu, addon, setDate } = openWithClock("2026-11-02T09:00:00Z");
    emu.queuePromptResponse("Account");
    addon.call("takeSnapshot");

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
    emu.queuePromptResponse("");
    addon.call("takeSnapshot");
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
    void emu;
  });
});

describe("Weekly snapshot", () => {
  it("schedules one time-driven trigger, however often it is asked, and stops it", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    addon.clickMenuItem("Schedule weekly snapshot");
    addon.clickMenuItem("Schedule weekly snapshot");
    const triggers = emu.triggers();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.handlerFunction).toBe("takeSnapshot");
    addon.clickMenuItem("Stop scheduled snapshot");
    expect(emu.triggers()).toHaveLength(0);
    expect(emu.ui.toasts.at(-1)?.message).toBe("Stopped the weekly snapshot.");
  });
});

describe("review fixes", () => {
  it("keeps the account key in its own cell, leaving the rest of the rubric sheet as the user left it", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    addon.call("setupRubricSheet");
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Customers") as never);
    const rubricSheet = emu.spreadsheet.getSheetByName("Health Rubric");
    rubricSheet?.getRange("M1").setValue("my own note");
    emu.queuePromptResponse("Account");
    addon.call("takeSnapshot");
    const values = emu.sheetValues("Health Rubric");
    expect(values[0]?.[12]).toBe("my own note");
    expect(values.find((r) => r[0] === "Account key")?.[1]).toBe("Account");
    // The settings table grew by one row and still reads back as a valid rubric.
    addon.call("checkRubric");
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/is valid/);
  });

  it("a scheduled snapshot that cannot run says why in its error, and shows no dialog", () => {
    const { emu, addon } = openWithClock("2026-11-02T06:00:00Z");
    emu.spreadsheet.insertSheet("Health Rubric"); // an empty rubric sheet, now active: no Settings table
    expect(() => addon.call("takeSnapshot", { triggerUid: "9", authMode: "FULL" })).toThrow(
      /The Health Rubric sheet has 1 problem: Health Rubric: has no Settings, Bands, Metrics table/,
    );
    expect(emu.ui.alerts).toHaveLength(0);
  });

  it("scheduling keeps the data sheet for the trigger, and never touches another trigger", () => {
    const { emu, addon } = openWithClock("2026-11-02T09:00:00Z");
    emu.globals.ScriptApp.newTrigger("somethingElse")
      .forSpreadsheet(emu.spreadsheet as never)
      .onOpen()
      .create();
    addon.call("scheduleWeeklySnapshot");
    addon.call("scheduleWeeklySnapshot");
    expect(
      emu
        .triggers()
        .map((t) => t.handlerFunction)
        .sort(),
    ).toEqual(["somethingElse", "takeSnapshot"]);
    expect(emu.sheetValues("Health Rubric").find((r) => r[0] === "Data sheet")?.[1]).toBe("Customers");
    addon.call("stopScheduledSnapshot");
    expect(emu.triggers().map((t) => t.handlerFunction)).toEqual(["somethingElse"]);
  });
});
