import { describe, expect, it } from "vitest";
import { customers, emulator } from "./helpers";

describe("authorization modes", () => {
  it("lets a custom function read but not write, show UI or manage triggers", () => {
    const emu = emulator();
    emu.authMode = "CUSTOM_FUNCTION";
    const { SpreadsheetApp, ScriptApp, PropertiesService } = emu.globals;
    expect(customers(emu).getRange("B2").getValue()).toBe(1200);
    expect(PropertiesService.getDocumentProperties().getProperty("x")).toBeNull();
    expect(() => customers(emu).getRange("B2").setValue(1)).toThrow(
      /do not have permission to call Range.setValue/,
    );
    expect(() => SpreadsheetApp.getUi()).toThrow(/permission/);
    expect(() => ScriptApp.newTrigger("f")).toThrow(/permission/);
  });

  it("lets onOpen in AuthMode.NONE build its menu but not read the document or properties", () => {
    const emu = emulator();
    emu.authMode = "NONE";
    const { SpreadsheetApp, PropertiesService } = emu.globals;
    SpreadsheetApp.getUi().createAddonMenu().addItem("Start", "start").addToUi();
    expect(emu.ui.menus).toHaveLength(1);
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => PropertiesService.getDocumentProperties()).toThrow(/permission/);
  });
});
