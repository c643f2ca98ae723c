/**
 * The local playground (npm start) in real Chromium: the sample grid with the add-on's output
 * columns and colours, the Extensions menu running the real bundle, and the real sidebar in its
 * iframe, wired through the emulated google.script.run.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { sampleSheet, sampleSpreadsheet } from "../../dev/playground/sample";
import { describeInChromium, usePlayground } from "./browser";

const EVIL = "<img src=x onerror=alert(1)>";

/** A script of its own for the playground: one menu item asking a YES_NO alert, the button clicked written to A1. */
const ASKS = `
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem("Replace the rubric", "replace").addToUi(); }
function replace() {
  var ui = SpreadsheetApp.getUi();
  var button = ui.alert("Replace rubric?", "This overwrites the Health Rubric sheet.", ui.ButtonSet.YES_NO);
  SpreadsheetApp.getActiveSheet().getRange("A1").setValue(String(button));
}`;

describeInChromium("the playground", { timeout: 60_000 }, () => {
  /** The playground's page (the grid, with the sidebar beside it), loaded. */
  const { open, start, playground } = usePlayground({
    viewport: { width: 1280, height: 800 },
    path: "",
    ready: "#grid tbody tr",
    name: "page",
  });

  /** The grid's cell under `header`, in the row whose column A reads `account`. */
  function cell(p: Page, header: string, account: string) {
    return p.evaluate(
      `(() => {
        const rows = [...document.querySelectorAll("#grid tbody tr")];
        const headers = [...rows[0].querySelectorAll("td")].map((td) => td.textContent);
        const row = rows.find((tr) => tr.querySelector("td").textContent === ${JSON.stringify(account)});
        const td = row.querySelectorAll("td")[headers.indexOf(${JSON.stringify(header)})];
        return { text: td.textContent, background: getComputedStyle(td).backgroundColor };
      })()`,
    ) as Promise<{ text: string; background: string }>;
  }

  it("prints a one-line band summary of the sample when it starts", async () => {
    const pg = await start();
    expect(pg.summary).toMatch(/^200 accounts: Red \d+ · Yellow \d+ · Green \d+ · No data 1$/);
    expect(pg.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("shows the sample sheet scored, with the bands' conditional-format colours", async () => {
    const p = await open();
    const score = await cell(p, "Health Band", "Maple Analytics");
    expect(score.text).toBe("Red");
    expect(score.background).toBe("rgb(244, 199, 195)"); // #f4c7c3, from the conditional format rule
    const green = await cell(p, "Health Band", "Xenon Labs");
    expect(green).toEqual({ text: "Green", background: "rgb(183, 225, 205)" });
    expect((await cell(p, "Last login", "Xenon Robotics")).text).toBe("2026-11-20");
  });

  it("runs the add-on's menu commands from Extensions", async () => {
    const p = await open();
    await p.getByRole("button", { name: "Extensions" }).click();
    const items = await p.getByRole("menuitem").allTextContents();
    expect(items).toContain("Edit rubric");
    expect(items).toContain("Rescore all rows");
    await p.getByRole("menuitem", { name: "Set up rubric sheet" }).click();
    await p.getByRole("tab", { name: "Health Rubric" }).waitFor();
    expect(await p.locator(".toast").first().textContent()).toContain("Created the Health Rubric sheet");
    // The rubric sheet is active now; a rescore from there says which sheet to open.
    await p.getByRole("button", { name: "Extensions" }).click();
    await p.getByRole("menuitem", { name: "Rescore all rows" }).click();
    const alert = p.getByRole("dialog", { name: "Health Score", exact: true });
    await alert.waitFor();
    expect(await alert.locator("#ui-dialog-text").textContent()).toContain(
      '"Health Rubric" is the add-on\'s own sheet',
    );
    expect(await alert.getByRole("button").allTextContents()).toEqual(["OK"]);
    await alert.getByRole("button", { name: "OK" }).click();
    await alert.waitFor({ state: "hidden" });
  });

  it("saves from the sidebar beside the grid, and the grid follows a rescore", async () => {
    const p = await open();
    const sidebar = p.frameLocator("#sidebar-frame");
    await sidebar.getByRole("button", { name: /^Simple red/ }).click();
    // Make Red reach up to 60: accounts between 40 and 60 turn red.
    await sidebar.locator(".band.item").nth(1).getByLabel("From").fill("60");
    await sidebar.locator("#save").click();
    await p.getByRole("tab", { name: "Health Rubric" }).waitFor(); // the page refreshed after the call
    await sidebar.getByRole("button", { name: "Rescore now" }).click();
    await expect.poll(async () => (await cell(p, "Health Band", "Cedar Robotics")).text).toBe("Red"); // 51.6
    expect(await sidebar.locator("#notice").textContent()).toMatch(/^Scored 200 rows of "Customers"/);
  });

  /** Clicks Extensions → `item`. */
  async function menu(p: Page, item: string) {
    await p.getByRole("button", { name: "Extensions" }).click();
    await p.getByRole("menuitem", { name: item }).click();
  }

  /** Every cell of the grid's column under `header`, by the account in column A. */
  function columnByAccount(p: Page, header: string) {
    return p.evaluate(
      `(() => {
        const rows = [...document.querySelectorAll("#grid tbody tr")];
        const headers = [...rows[0].querySelectorAll("td")].map((td) => td.textContent);
        const col = headers.indexOf(${JSON.stringify(header)});
        return Object.fromEntries(rows.slice(1).map((tr) => [tr.querySelector("td").textContent, tr.querySelectorAll("td")[col].textContent]).filter(([a]) => a));
      })()`,
    ) as Promise<Record<string, string>>;
  }

  it("shows the live score column's values, calculated by the add-on's own HEALTHSCORE as Sheets would", async () => {
    const p = await open();
    await menu(p, "Insert live score column");
    await p.locator(".toast", { hasText: "Inserted =HEALTHSCORE(" }).waitFor();
    await p.getByRole("tab", { name: "Customers" }).click();
    await expect
      .poll(async () => (await columnByAccount(p, "Live Health Score"))["Xenon Robotics"])
      .toMatch(/^\d+\.\d$/);
    const live = await columnByAccount(p, "Live Health Score");
    const rescored = await columnByAccount(p, "Health Score");
    // The formula spills one score per row, the same scores the rescore wrote.
    expect(Object.keys(live)).toHaveLength(200);
    for (const [account, score] of Object.entries(rescored)) {
      if (score === "No data") expect(live[account]).toBe("No data");
      else expect(Number(live[account])).toBeCloseTo(Number(score), 1);
    }
    expect(await p.locator("#grid td.error").count()).toBe(0);
  });

  it("asks Check rubric against churn's question in a dialog with the sheet's columns, then draws the chart", async () => {
    const p = await open();
    await menu(p, "Check rubric against churn");
    const dialog = p.locator("#html-dialog");
    await dialog.waitFor();
    expect(await p.locator("#html-dialog-title").textContent()).toBe("Which column says who churned?");
    const frame = p.frameLocator("#html-dialog-frame");
    const select = frame.getByLabel("Column");
    expect(await select.inputValue()).toBe("Churned"); // selected by its name
    expect(await select.locator("option").allTextContents()).toEqual(sampleSheet()[0]);
    await select.selectOption("Segment"); // not an outcome: the dialog says so and stays open
    await frame.getByRole("button", { name: "OK" }).click();
    await expect.poll(() => frame.getByRole("alert").textContent()).toMatch(/Segment/);
    expect(await dialog.isVisible()).toBe(true);
    await select.selectOption("Churned");
    await frame.getByRole("button", { name: "OK" }).click();
    await dialog.waitFor({ state: "hidden" });
    await p.locator(".toast", { hasText: "separation" }).waitFor();
    await p.getByRole("tab", { name: "Health Calibration" }).click();
    // The chart the add-on inserted, drawn from its ranges: churn rate per band.
    const chart = p.locator("#charts figure");
    await chart.waitFor();
    expect(await chart.locator("figcaption").textContent()).toBe("Churn rate by band");
    expect(await chart.locator("rect.bar").count()).toBe(4); // Red, Yellow, Green, No data
    expect(await chart.getAttribute("aria-label")).toMatch(
      /^Churn rate by band: Red \d+\.\d%, Yellow \d+\.\d%, Green \d+\.\d%/,
    );
  });

  it("asks Take snapshot's question in a dialog, and takes it when a column is picked", async () => {
    const p = await open();
    await menu(p, "Take snapshot");
    await p.locator("#html-dialog").waitFor();
    const frame = p.frameLocator("#html-dialog-frame");
    expect(await frame.getByLabel("Column").inputValue()).toBe("Account");
    await frame.getByRole("button", { name: "OK" }).click();
    await p.locator(".toast", { hasText: "Took a snapshot of 200 accounts" }).waitFor();
    expect(await p.locator("#html-dialog").isVisible()).toBe(false);
    await p.getByRole("tab", { name: "Health History" }).waitFor();
  });

  it("opens the README's sidebar section in a dialog from the sidebar's Learn more", async () => {
    const p = await open();
    await p.frameLocator("#sidebar-frame").getByRole("button", { name: "Learn more" }).click();
    await p.locator("#html-dialog").waitFor();
    expect(await p.locator("#html-dialog-title").textContent()).toBe("Health Score help");
    const help = p.frameLocator("#html-dialog-frame");
    expect(await help.getByRole("heading", { level: 1 }).textContent()).toBe("The sidebar: Edit rubric");
    await help.getByText("opens the rubric editor, 300 px wide beside the sheet").waitFor();
    await p.locator("#html-dialog-close").click();
    await p.locator("#html-dialog").waitFor({ state: "hidden" });
  });

  it("asks Backfill history's question in a dialog the script waits on, and backfills the weeks typed", async () => {
    const sheets = sampleSpreadsheet();
    delete sheets["Health History"]; // so the backfill's weeks are all there is
    const p = await open({ sheets });
    await menu(p, "Backfill history from sources");
    const dialog = p.getByRole("dialog", { name: "Health Score: backfill history from sources" });
    await dialog.waitFor();
    expect(await dialog.locator("#ui-dialog-text").textContent()).toMatch(
      /^Scores each account as of each past week .* How many weeks back\? Leave empty for \d+\.$/,
    );
    expect(await dialog.getByRole("button").allTextContents()).toEqual(["OK", "Cancel"]);
    expect(playground().question()?.kind).toBe("prompt"); // the script is waiting for the answer
    await dialog.getByRole("textbox").fill("2");
    await dialog.getByRole("button", { name: "OK" }).click();
    // The script goes on with the 2 typed, and reports in an alert, which waits for its OK.
    const report = p.getByRole("dialog", { name: "Health Score", exact: true });
    await expect
      .poll(() => report.locator("#ui-dialog-text").textContent(), { timeout: 30_000 })
      .toMatch(/^Backfilled 2 weeks \(2026-11-19 to 2026-11-26\) of 400 account rows into Health History/);
    await report.getByRole("button", { name: "OK" }).click();
    await report.waitFor({ state: "hidden" });
    const history = await playground().sheetValues("Health History");
    expect(new Set(history.slice(1).map((row) => String(row[0]))).size).toBe(2);
  });

  it("does nothing when Backfill history's question is cancelled", async () => {
    const sheets = sampleSpreadsheet();
    delete sheets["Health History"];
    const p = await open({ sheets });
    await menu(p, "Backfill history from sources");
    const dialog = p.getByRole("dialog", { name: "Health Score: backfill history from sources" });
    await dialog.getByRole("textbox").fill("2");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    // The spreadsheet answers once the script has finished: it wrote nothing.
    expect(await playground().sheetNames()).not.toContain("Health History");
    expect(playground().question()).toBeNull();
    expect(await p.locator(".toast").count()).toBe(0);
  });

  it("shows an alert's Yes and No buttons and gives the script the one clicked; Escape closes it", async () => {
    const p = await open({ code: ASKS, rescore: false });
    await menu(p, "Replace the rubric");
    const dialog = p.getByRole("dialog", { name: "Replace rubric?" });
    await dialog.waitFor();
    expect(await dialog.locator("#ui-dialog-text").textContent()).toBe(
      "This overwrites the Health Rubric sheet.",
    );
    expect(await dialog.getByRole("textbox").isHidden()).toBe(true); // an alert asks for no text
    expect(await dialog.getByRole("button").allTextContents()).toEqual(["Yes", "No"]);
    await dialog.getByRole("button", { name: "No" }).click();
    await expect.poll(async () => (await playground().sheetValues("Customers"))[0]?.[0]).toBe("NO");

    await menu(p, "Replace the rubric");
    await dialog.waitFor();
    await p.keyboard.press("Escape");
    await expect.poll(async () => (await playground().sheetValues("Customers"))[0]?.[0]).toBe("CLOSE");
  });

  it("closes a dialog on Cancel without doing anything", async () => {
    const p = await open();
    await menu(p, "Check rubric against churn");
    await p.locator("#html-dialog").waitFor();
    await p.frameLocator("#html-dialog-frame").getByRole("button", { name: "Cancel" }).click();
    await p.locator("#html-dialog").waitFor({ state: "hidden" });
    expect(await p.getByRole("tab", { name: "Health Calibration" }).count()).toBe(0);
  });

  it("shows sheet text as text in the grid and the sidebar, never as HTML", async () => {
    const sheet = sampleSheet().map((row, i) => [...row, i === 0 ? EVIL : `<b>${i}</b>`]);
    const p = await open({ sheets: { Customers: sheet } });
    expect(await p.locator("#grid td", { hasText: "onerror" }).first().textContent()).toBe(EVIL);
    expect(await p.evaluate("document.querySelectorAll('#grid img, #grid b').length")).toBe(0);
    const sidebar = p.frameLocator("#sidebar-frame");
    await sidebar.getByRole("button", { name: /^Simple red/ }).click();
    expect(await sidebar.locator("#add-metric-column option", { hasText: "onerror" }).textContent()).toBe(
      EVIL,
    );
    expect(await sidebar.locator("img").count()).toBe(0);
  });
});
