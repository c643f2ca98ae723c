/**
 * The local playground (npm start) in real Chromium: the sample grid with the add-on's output
 * columns and colours, the Extensions menu running the real bundle, and the real sidebar in its
 * iframe, wired through the emulated google.script.run.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { sampleSheet } from "../../dev/playground/sample";
import { describeInChromium, usePlayground } from "./browser";

const EVIL = "<img src=x onerror=alert(1)>";

describeInChromium("the playground", { timeout: 60_000 }, () => {
  /** The playground's page (the grid, with the sidebar beside it), loaded. */
  const { open, start } = usePlayground({
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
    await p.locator("dialog[open]").waitFor();
    expect(await p.locator("#alert-text").textContent()).toContain(
      '"Health Rubric" is the add-on\'s own sheet',
    );
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
