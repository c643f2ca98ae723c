import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";

describe("PropertiesService", () => {
  it("stores strings per store", () => {
    const emu = createEmulator();
    const { PropertiesService } = emu.globals;
    PropertiesService.getDocumentProperties()
      .setProperty("asOf", "2026-11-26")
      .setProperty("runs", 3 as never);
    expect(PropertiesService.getDocumentProperties().getProperty("runs")).toBe("3");
    expect(PropertiesService.getUserProperties().getProperty("asOf")).toBeNull();
    expect(PropertiesService.getDocumentProperties().getKeys().sort()).toEqual(["asOf", "runs"]);
    expect(emu.properties("document")).toEqual({ asOf: "2026-11-26", runs: "3" });
    PropertiesService.getDocumentProperties().deleteAllProperties();
    expect(PropertiesService.getDocumentProperties().getProperties()).toEqual({});
  });

  it("refuses a value over 9 KB, as Apps Script does", () => {
    const props = createEmulator().globals.PropertiesService.getScriptProperties();
    expect(() => props.setProperty("rubric", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    expect(props.getProperty("rubric")).toBeNull();
    props.setProperty("rubric", "x".repeat(9 * 1024));
  });

  it("refuses to grow a store past 500 KB", () => {
    const props = createEmulator().globals.PropertiesService.getUserProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, "x".repeat(9000));
    expect(() => props.setProperty("one-more", "x".repeat(9000))).toThrow(
      /exceeded the property storage quota/,
    );
  });
});
