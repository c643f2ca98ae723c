/** Installable triggers as an Editor add-on meets them: a user's own, and a clock trigger without a document. */
import { describe, expect, it } from "vitest";
import { createEmulator, loadBundle } from "../src/index";

const SCRIPT = `
function schedule() {
  return ScriptApp.newTrigger("tick").timeBased().everyHours(1).create().getUniqueId();
}
function mine() {
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); });
}
function tick(e) {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet() === null,
    lock: LockService.getDocumentLock() === null,
    user: Session.getActiveUser().getEmail(),
    uid: e.triggerUid,
  };
}`;

describe("installable triggers in an add-on", () => {
  it("belong to the user who made them: a colleague neither sees them nor counts them", () => {
    const emu = createEmulator({ userEmail: "ana@example.com" });
    const script = loadBundle(SCRIPT, emu);
    script.call("schedule");
    emu.user = "ben@example.com";
    expect(script.call("mine")).toEqual([]);
    script.call("schedule"); // the one-per-document rule is per user
    expect(script.call("mine")).toEqual(["tick"]);
    expect(emu.triggers().map((t) => t.owner)).toEqual(["ana@example.com", "ben@example.com"]);
  });

  it("run a time-driven handler as their owner, with no active spreadsheet and no document lock", () => {
    const emu = createEmulator({ userEmail: "ana@example.com" });
    const script = loadBundle(SCRIPT, emu);
    const id = script.call("schedule") as string;
    emu.user = "ben@example.com";
    expect(script.runTrigger(id)).toEqual({
      spreadsheet: true,
      lock: true,
      user: "ana@example.com",
      uid: id,
    });
    expect(emu.user).toBe("ben@example.com");
    expect(script.call("tick", {})).toMatchObject({ spreadsheet: false, lock: false });
  });
});
