/**
 * dev/fidelity/Fidelity.js, the check a person runs in a real spreadsheet, run on the emulator:
 * its "Emulator" column must be what the emulator really answers, so every row passes here.
 */
import { readFileSync } from "node:fs";
import { createEmulator, loadBundle } from "gas-sheets-emulator";
import { describe, expect, it } from "vitest";

const FIDELITY = readFileSync("dev/fidelity/Fidelity.js", "utf8");

function run() {
  const emu = createEmulator({ timeZone: "Europe/London", locale: "en_US", addon: false });
  return { emu, script: loadBundle(FIDELITY, emu) };
}

describe("the fidelity check on the emulator", () => {
  it("passes every assumption, with the emulator's answer as the real one", () => {
    const { emu, script } = run();
    const results = script.call("runFidelityCheck") as string[][];
    const failed = results.filter((r) => r[3] === "FAIL");
    expect(failed).toEqual([]);
    expect(results.filter((r) => r[3] === "PASS").length).toBeGreaterThanOrEqual(13);
    const report = emu.sheetValues("Fidelity check");
    expect(report[0]).toEqual(["Assumption", "Real Sheets", "Emulator", "Result"]);
    expect(report).toHaveLength(1 + results.length);
    expect(emu.ui.toasts.at(-1)?.message).toBe("Every assumption holds.");
  });

  it("its custom functions pass on the argument shapes and refusals the emulator models", () => {
    const { script } = run();
    script.call("runFidelityCheck");
    expect(
      script.callAs("CUSTOM_FUNCTION", "FIDELITY_SHAPE", [
        [1, 2],
        [3, 4],
      ]),
    ).toMatch(/^PASS/);
    expect(script.callAs("CUSTOM_FUNCTION", "FIDELITY_WRITE")).toMatch(/^PASS/);
  });

  it("reports what a time-driven trigger saw, once the probe has run", () => {
    const { emu, script } = run();
    script.call("fidelityScheduleTriggerProbe");
    const [probe] = emu.triggers();
    script.runTrigger(probe?.uniqueId ?? "");
    expect(emu.triggers()).toEqual([]);
    const results = script.call("runFidelityCheck") as string[][];
    // Run as a bound script (addon: false), the emulator gives the trigger the container.
    expect(results.at(-1)?.slice(1)).toEqual(["a spreadsheet a lock", "null null", "INFO"]);
  });
});
