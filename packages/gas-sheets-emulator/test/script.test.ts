import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";

describe("ScriptApp triggers", () => {
  it("creates, lists and deletes a weekly trigger", () => {
    const emu = createEmulator();
    const { ScriptApp } = emu.globals;
    const trigger = ScriptApp.newTrigger("weeklySnapshot")
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(6)
      .nearMinute(15)
      .create();
    expect(trigger.getHandlerFunction()).toBe("weeklySnapshot");
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(emu.triggers()[0]?.schedule).toEqual({
      everyWeeks: 1,
      onWeekDay: "MONDAY",
      atHour: 6,
      nearMinute: 15,
    });
    const [listed] = ScriptApp.getProjectTriggers();
    expect(listed?.getUniqueId()).toBe(trigger.getUniqueId());
    ScriptApp.deleteTrigger(listed as never);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });

  it("keeps add-on rules: one trigger per event type per document, and at most hourly", () => {
    const emu = createEmulator();
    const { ScriptApp } = emu.globals;
    ScriptApp.newTrigger("a").timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger("b").timeBased().everyDays(1).create()).toThrow(
      /only one CLOCK trigger/,
    );
    expect(() =>
      createEmulator().globals.ScriptApp.newTrigger("c").timeBased().everyMinutes(5).create(),
    ).toThrow(/at most once per hour/);
    const onEdit = ScriptApp.newTrigger("onEditInstalled").forSpreadsheet(emu.spreadsheet).onEdit().create();
    expect(ScriptApp.getUserTriggers(emu.spreadsheet).map((t) => t.getUniqueId())).toEqual([
      onEdit.getUniqueId(),
    ]);
  });

  it("allows 20 triggers per script outside add-on rules, then refuses", () => {
    const { ScriptApp } = createEmulator({ addon: false }).globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => ScriptApp.newTrigger("f20").timeBased().everyMinutes(5).create()).toThrow(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
  });
});
