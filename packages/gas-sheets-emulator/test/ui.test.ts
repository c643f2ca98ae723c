import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";

describe("Ui", () => {
  it("records the add-on menu with captions, function names and separators, in order", () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem("Open rubric editor", "showSidebar")
      .addSeparator()
      .addItem("Rescore", "rescoreAll")
      .addSubMenu(ui.createMenu("Snapshots").addItem("Weekly on", "enableWeekly"))
      .addToUi();
    expect(emu.ui.menus).toEqual([
      {
        caption: null,
        addon: true,
        items: [
          { caption: "Open rubric editor", functionName: "showSidebar" },
          { separator: true },
          { caption: "Rescore", functionName: "rescoreAll" },
          { caption: "Snapshots", submenu: [{ caption: "Weekly on", functionName: "enableWeekly" }] },
        ],
      },
    ]);
    ui.createAddonMenu().addItem("Rescore", "rescoreAll").addToUi();
    expect(emu.ui.menus).toHaveLength(1);
  });

  it("answers alerts and prompts from the queue, else with the affirmative button", () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    emu.queueAlertResponse("NO");
    expect(ui.alert("Replace rubric?", "This overwrites it.", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert("Sure?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    emu.queueAlertResponse("OK");
    expect(() => ui.alert("Sure?", ui.ButtonSet.YES_NO)).toThrow(/not a button of ButtonSet.YES_NO/);
    emu.queuePromptResponse("2026-11-26");
    const response = ui.prompt("As of", "Date to score against", ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe("2026-11-26");
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
    expect(emu.ui.alerts.map((a) => a.response)).toEqual(["OK", "NO", "YES"]);
    expect(emu.ui.prompts[0]).toMatchObject({
      title: "As of",
      responseText: "2026-11-26",
      buttons: "OK_CANCEL",
    });
  });

  it("asks whoever is there (the ask option) when no answer is queued, and waits for the answer", () => {
    const asked: unknown[] = [];
    const emu = createEmulator({
      ask: (q) => {
        asked.push(q);
        return q.kind === "prompt" ? { button: "OK", text: "12" } : { button: "NO" };
      },
    });
    const ui = emu.globals.SpreadsheetApp.getUi();
    expect(ui.alert("Replace rubric?", "This overwrites it.", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const weeks = ui.prompt("How many weeks back?", ui.ButtonSet.OK_CANCEL);
    expect([weeks.getSelectedButton(), weeks.getResponseText()]).toEqual([ui.Button.OK, "12"]);
    expect(asked).toEqual([
      {
        kind: "alert",
        title: "Replace rubric?",
        prompt: "This overwrites it.",
        buttonSet: "YES_NO",
        buttons: ["YES", "NO"],
      },
      {
        kind: "prompt",
        title: null,
        prompt: "How many weeks back?",
        buttonSet: "OK_CANCEL",
        buttons: ["OK", "CANCEL"],
      },
    ]);
    // A queued answer comes first, as in tests; an answer outside the set is refused.
    emu.queueAlertResponse("YES");
    expect(ui.alert("Sure?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(asked).toHaveLength(2);
    expect(() => ui.alert("Sure?", ui.ButtonSet.OK)).toThrow(
      /The response NO is not a button of ButtonSet.OK/,
    );
    expect(emu.ui.alerts.map((a) => a.response)).toEqual(["NO", "YES"]);
  });

  it("records sidebars and dialogs built from project HTML files", () => {
    const emu = createEmulator({ htmlFiles: { Sidebar: "<main>Rubric</main>" } });
    const { HtmlService, SpreadsheetApp } = emu.globals;
    const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Health Score");
    SpreadsheetApp.getUi().showSidebar(html);
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput("<p>hi</p>").setWidth(400), "About");
    expect(emu.ui.sidebars).toEqual([
      { kind: "sidebar", title: "Health Score", content: "<main>Rubric</main>", width: null, height: null },
    ]);
    expect(emu.ui.dialogs[0]).toMatchObject({ kind: "modal", title: "About", width: 400 });
    expect(() => HtmlService.createHtmlOutputFromFile("Missing")).toThrow(
      "No HTML file named Missing was found.",
    );
  });

  it("evaluates HTML templates with their properties in scope", () => {
    const emu = createEmulator({
      htmlFiles: { Page: "<h1><?= title ?></h1><? for (var i = 0; i < 2; i++) { ?>*<? } ?>" },
    });
    const template = emu.globals.HtmlService.createTemplateFromFile("Page") as unknown as Record<
      string,
      unknown
    > & {
      evaluate(): { getContent(): string };
    };
    template.title = "<Health>";
    expect(template.evaluate().getContent()).toBe("<h1>&#60;Health&#62;</h1>**");
  });
});
