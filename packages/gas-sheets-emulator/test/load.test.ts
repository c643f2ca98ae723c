import { describe, expect, it } from "vitest";
import { createEmulator, loadBundle, loadSources } from "../src/index";
import { customers, emulator } from "./helpers";

describe("loadBundle", () => {
  const BUNDLE = `
    var loaded = true;
    function hello(x, rows) {
      return x instanceof Date && Array.isArray(rows) && rows instanceof Array && rows[0] instanceof Array;
    }
    function lastLoginIsDate() {
      var values = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
      return values instanceof Array && values[1] instanceof Array && values[1][2] instanceof Date;
    }
    function globalsSeen() {
      return [typeof require, typeof process, typeof module, typeof fetch, typeof setTimeout, typeof Buffer,
        typeof SpreadsheetApp, typeof PropertiesService, typeof LockService, typeof HtmlService, typeof ScriptApp,
        typeof Session, typeof Utilities, typeof Logger, typeof console].join(",");
    }
    function caught() {
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return e instanceof Error && e.name + ": " + e.message; }
    }
    function today() { return new Date(); }
    function lockAndForget() { LockService.getDocumentLock().waitLock(10000); }
    function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem("Say hello", "sayHello").addToUi(); return String(e.authMode); }
    function sayHello() { SpreadsheetApp.getActiveSpreadsheet().toast("hello"); }
    function SCORE(rows) { SpreadsheetApp.getActiveSheet().getRange("Z1").setValue(1); }
    function page() {
      return HtmlService.createTemplate("<b><?= SpreadsheetApp.getActiveSpreadsheet().getName() ?></b>").evaluate().getContent();
    }
    function dates() {
      var d = new Date(2026, 0, 15);
      return [d instanceof Date, d.getFullYear(), new Date().constructor === Date, Date.now() === new Date().getTime(), typeof Date()];
    }
  `;

  it("runs a classic script whose top-level functions become globals, with no Node globals", () => {
    const addon = loadBundle(BUNDLE, emulator());
    expect(addon.has("hello")).toBe(true);
    expect((addon.context as { loaded?: boolean }).loaded).toBe(true);
    expect(addon.call("globalsSeen")).toBe(
      "undefined,undefined,undefined,undefined,undefined,undefined,object,object,object,object,object,object,object,object,object",
    );
    expect(() => addon.call("nope")).toThrow("Script function not found: nope");
  });

  it("hands the bundle Dates and arrays of its own realm, from call() and from getValues()", () => {
    const addon = loadBundle(BUNDLE, emulator());
    expect(addon.call("hello", new Date(), [[1, 2]])).toBe(true);
    expect(addon.call("lastLoginIsDate")).toBe(true);
    expect(addon.call("caught")).toBe("Exception: The starting row of the range is too small.");
  });

  it("returns results in the test's realm", () => {
    const emu = createEmulator({ now: () => new Date("2026-11-26T09:00:00Z") });
    const addon = loadBundle(BUNDLE, emu);
    const today = addon.call("today");
    expect(today).toBeInstanceOf(Date);
    expect(today).toEqual(new Date("2026-11-26T09:00:00Z"));
  });

  it("keeps the bundle's Date working while it reads the emulator's clock", () => {
    const emu = createEmulator({ now: () => new Date("2026-11-26T09:00:00Z") });
    expect(loadBundle(BUNDLE, emu).call("dates")).toEqual([true, 2026, true, true, "string"]);
  });

  it("gives test helpers values of the test's realm after a bundle is loaded", () => {
    const emu = emulator();
    loadBundle(BUNDLE, emu);
    expect(emu.sheetValues("Customers")[1]?.[2]).toBeInstanceOf(Date);
    // The services themselves now answer in the bundle's realm; toEqual still compares them.
    const direct = customers(emu).getRange("C2").getValue();
    expect(direct).not.toBeInstanceOf(Date);
    expect(direct).toEqual(new Date("2026-11-01T00:00:00Z"));
  });

  it("evaluates template scriptlets with the bundle's globals in scope", () => {
    const emu = emulator();
    expect(loadBundle(BUNDLE, emu).call("page")).toBe("<b>Customers</b>");
    expect(emu.calls.get("Spreadsheet.getName")).toBe(1);
  });

  it("releases locks still held when an execution ends", () => {
    const emu = createEmulator();
    const addon = loadBundle(BUNDLE, emu);
    addon.call("lockAndForget");
    expect(emu.scriptHoldsLock("document")).toBe(false);
    expect(emu.lockLog.map((e) => e.method)).toEqual(["waitLock", "released at end of execution"]);
  });

  it("runs entry points as Sheets does: onOpen with an event, menu items by caption", () => {
    const emu = createEmulator();
    const addon = loadBundle(BUNDLE, emu);
    expect(addon.callAs("NONE", "onOpen", emu.openEvent("NONE"))).toBe("NONE");
    addon.clickMenuItem("Say hello");
    expect(emu.ui.toasts.map((t) => t.message)).toEqual(["hello"]);
    expect(() => addon.callAs("CUSTOM_FUNCTION", "SCORE", [[1]])).toThrow(
      /permission to call Range.setValue/,
    );
    expect(emu.authMode).toBe("FULL");
  });

  it("serves one bundle per emulator", () => {
    const emu = createEmulator();
    loadBundle(BUNDLE, emu);
    expect(() => loadBundle(BUNDLE, emu)).toThrow(/already runs a bundle/);
  });
});

describe("loadSources", () => {
  // Entry points as a source module exports them, reaching the services as globals.
  const g = globalThis as Record<string, unknown>;
  const sources = {
    sheetName: () =>
      (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSheet().getName(),
    today: () => [new Date().toISOString(), Date.now(), new Date(2026, 0, 15) instanceof Date],
    lockAndForget: () =>
      (g.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock().waitLock(10000),
  };

  it("gives each call the emulator's services and clock, and takes them away after it", () => {
    const RealDate = Date;
    const emu = createEmulator({ sheets: { Customers: [] }, now: () => new Date("2026-11-26T10:00:00Z") });
    const script = loadSources(sources, emu);
    expect(script.call("sheetName")).toBe("Customers");
    expect(script.call("today")).toEqual([
      "2026-11-26T10:00:00.000Z",
      Date.parse("2026-11-26T10:00:00Z"),
      true,
    ]);
    expect(g.SpreadsheetApp).toBeUndefined();
    expect(g.Date).toBe(RealDate);
  });

  it("ends each call as an execution, and names a function that is not there as Apps Script does", () => {
    const emu = createEmulator();
    const script = loadSources(sources, emu);
    script.call("lockAndForget");
    expect(emu.scriptHoldsLock("document")).toBe(false);
    expect(() => script.call("missing")).toThrow("Script function not found: missing");
  });
});
