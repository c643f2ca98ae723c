import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";

describe("Session, Utilities, Logger", () => {
  it("formats dates with Java patterns in a time zone", () => {
    const { Utilities, Session } = createEmulator().globals;
    const at = new Date("2026-07-06T13:05:09Z");
    expect(Utilities.formatDate(at, "Europe/London", "yyyy-MM-dd HH:mm:ss EEE")).toBe(
      "2026-07-06 14:05:09 Mon",
    );
    expect(Utilities.formatDate(at, "UTC", "d MMM yy, h:mm a 'UTC'")).toBe("6 Jul 26, 1:05 PM UTC");
    expect(Utilities.formatDate(at, "GMT+2", "HH:mm XXX")).toBe("15:05 +02:00");
    expect(Session.getScriptTimeZone()).toBe("Europe/London");
    expect(Session.getActiveUser().getEmail()).toBe("cs-ops@example.com");
  });

  it("records sleeps and logs without printing, and makes reproducible UUIDs", () => {
    const emu = createEmulator();
    const { Utilities, Logger, console } = emu.globals;
    Utilities.sleep(1500);
    Logger.log("scored %s rows", 2);
    console.warn("slow", { rows: 2 });
    expect(emu.sleeps).toEqual([1500]);
    expect(emu.logs).toEqual([
      { source: "Logger", level: "log", message: "scored 2 rows" },
      { source: "console", level: "warn", message: 'slow {"rows":2}' },
    ]);
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
    expect(createEmulator().globals.Utilities.getUuid()).toBe(createEmulator().globals.Utilities.getUuid());
  });
});

describe("CacheService", () => {
  it("expires entries on the emulator's clock", () => {
    let now = new Date("2026-11-26T09:00:00Z");
    const { CacheService } = createEmulator({ now: () => now }).globals;
    CacheService.getDocumentCache().put("rubric", "{}", 60);
    expect(CacheService.getDocumentCache().get("rubric")).toBe("{}");
    now = new Date("2026-11-26T09:01:01Z");
    expect(CacheService.getDocumentCache().get("rubric")).toBeNull();
  });
});
