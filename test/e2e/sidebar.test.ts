/**
 * The sidebar (dist/Sidebar.html) in real Chromium, talking to the real dist/Code.js on the
 * emulator through the playground's google.script.run over HTTP. One browser for the file; a
 * fresh playground (spreadsheet) per test, since tests save and rescore.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { sampleSheet } from "../../dev/playground/sample";
import { parseRubric } from "../../src/core";
import { compileSql } from "../../src/core/sql";
import { describeInChromium, usePlayground } from "./browser";

const FIVE_DIMENSIONS = JSON.parse(readFileSync("examples/five-dimensions.json", "utf8"));
const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
const FROM_ACTIVITY = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
const ACTIVITY_SHEETS = {
  Customers: sampleSheet(),
  Logins: sampleSheet("examples/logins.csv"),
  Tickets: sampleSheet("examples/tickets.csv"),
  NPS: sampleSheet("examples/nps.csv"),
};
const EVIL = "<img src=x onerror=alert(1)>";

describeInChromium("the rubric editor sidebar", { timeout: 60_000 }, () => {
  const { open, playground } = usePlayground();

  const strip = (p: Page) => p.locator(".strip .line");
  const metricCard = (p: Page, title: string) =>
    p.locator("details.card", { has: p.locator(".title", { hasText: title }) });

  it("loads the rubric from the Health Rubric sheet, with the preview of every row", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    await expect.poll(() => p.locator("#save-state").textContent()).toBe("Saved · as of 2026-11-26");
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("Five dimensions");
    expect(await p.locator("details.card").count()).toBe(
      FIVE_DIMENSIONS.metrics.length + FIVE_DIMENSIONS.flags.length,
    );
    await expect
      .poll(() => p.locator("#preview .note").textContent())
      .toContain('All 200 accounts of "Customers"');
    expect(await strip(p).textContent()).toMatch(
      /^Red \d+ · Yellow \d+ · Green \d+( · No data \d+)? · no change$/,
    );
    expect(await p.locator("#save").isDisabled()).toBe(true); // nothing to save yet
  });

  it("says what would lift the chosen account a band, and which metrics plans may change", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    await expect.poll(() => p.locator("#preview .note").textContent()).toContain("All 200 accounts");
    await p.getByLabel("Account", { exact: true }).fill("Cedar Media");
    await expect
      .poll(() => p.locator("#preview [data-plan]").textContent())
      .toBe('Clear "Champion left": it caps the score at 39 \u2192 Yellow (56.3)');
    const news = metricCard(p, "Company news");
    await news.locator("summary").click();
    expect(await news.getByLabel("Can the team change it?").inputValue()).toBe("false");
  });

  it("plans an account of a rubric with sources on the aggregates it reads", async () => {
    const p = await open({ sheets: ACTIVITY_SHEETS, rubric: FROM_ACTIVITY });
    await expect.poll(() => p.locator("#preview .note").textContent()).toContain("All 200 accounts");
    await p.getByLabel("Account", { exact: true }).fill("Cedar Media");
    await expect
      .poll(() => p.locator("#preview [data-plan]").textContent())
      .toMatch(
        /^Seat utilisation [\d.]+ → [\d.]+ and Logins, last 30 days \d+ → \d+ → Green \(7\d(\.\d)?\)$/,
      );
  });

  it("offers the starter rubrics when the spreadsheet has none", async () => {
    const p = await open();
    expect(await p.locator("#save-state").textContent()).toBe("No rubric yet");
    const starters = p.locator("button.starter");
    expect(await starters.count()).toBe(4);
    await p.getByRole("button", { name: /^Points, five tiers/ }).click();
    expect(await p.getByLabel("Method").inputValue()).toBe("points");
    await expect.poll(() => strip(p).textContent()).toMatch(/Critical|Struggling|Stable|Thriving|Superstar/);
    expect(await p.locator("#save").isEnabled()).toBe(true);
  });

  it("changes the preview distribution when a weight changes, and counts the accounts that change band", async () => {
    const p = await open({ rubric: SIMPLE });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const before = await strip(p).textContent();
    const card = metricCard(p, "Seat utilisation");
    await card.locator("summary").click();
    await card.getByLabel("Weight").fill("12");
    await expect.poll(() => strip(p).textContent()).not.toBe(before);
    expect(await strip(p).textContent()).toMatch(/· \d+ changes?$/);
    expect(await card.locator(".share").textContent()).toBe("= 71% of the score"); // 12 of 17
    expect(await p.locator(".changes h3").textContent()).toMatch(/^\d+ accounts? would change band$/);
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
  });

  it("edits a metric computed from a source: the preview follows its window, and a wrong From is named inline", async () => {
    const p = await open({ sheets: ACTIVITY_SHEETS, rubric: FROM_ACTIVITY });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const before = await strip(p).textContent();
    const card = metricCard(p, "Logins, last 30 days");
    await card.locator("summary").click();
    const from = card.getByLabel("Or computed from a source");
    expect(await from.inputValue()).toBe("count of logins, last 30 days");
    await from.fill("count of logins, last 3 days");
    await expect.poll(() => strip(p).textContent()).not.toBe(before);
    expect(await strip(p).textContent()).toMatch(/· \d+ changes?$/);
    await from.fill("count of logins, last month");
    await expect
      .poll(() => card.locator(".msg").allTextContents())
      .toContainEqual(expect.stringContaining("write the window as “last 30 days”, not “last month”"));
  });

  it("switches a metric from its column to a source: no column, then a From, and the rubric is valid", async () => {
    const p = await open({ sheets: ACTIVITY_SHEETS, rubric: FROM_ACTIVITY });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const card = metricCard(p, "Seat utilisation");
    await card.locator("summary").click();
    await card.getByLabel("Column", { exact: true }).selectOption("");
    await card.getByLabel("Or computed from a source").fill("count of tickets, last 30 days");
    await expect.poll(() => strip(p).textContent()).toMatch(/· \d+ changes?$/);
    expect((await card.locator(".msg").allTextContents()).filter(Boolean)).toEqual([]);
    expect(await p.locator("#save").isEnabled()).toBe(true);
  });

  it("adds a source by picking a sheet and its columns, names a missing key column inline, and saves it to the Sources table", async () => {
    const p = await open({ sheets: ACTIVITY_SHEETS, rubric: SIMPLE });
    const sources = p.locator("details.section", { has: p.locator("h2", { hasText: "Sources" }) });
    await sources.locator("#add-source").selectOption("NPS");
    await sources.getByRole("button", { name: "+ Add source" }).click();
    const nps = sources.locator(".item.source", { hasText: "nps" });
    const key = nps.getByLabel("Its account column");
    await expect.poll(() => nps.locator(".msg").allTextContents()).toContainEqual("is required");
    expect(await key.getAttribute("aria-invalid")).toBe("true");
    expect(await p.locator("#save").isDisabled()).toBe(true);
    expect(await nps.getByLabel("Its date column").locator("option").allTextContents()).toEqual([
      "No date: every row counts",
      "Account",
      "Score",
      "Date",
    ]);
    await key.selectOption("Account");
    await nps.getByLabel("Its date column").selectOption("Date");
    await sources.getByLabel("Account column of this sheet").selectOption("Account");

    // A second source, removed again, leaves nothing behind.
    await sources.locator("#add-source").selectOption("Tickets");
    await sources.getByRole("button", { name: "+ Add source" }).click();
    await sources.getByRole("button", { name: "Remove source tickets" }).click();
    expect(await sources.locator(".item.source").count()).toBe(1);

    await expect.poll(() => p.locator("#save").isDisabled()).toBe(false);
    await p.locator("#save").click();
    await p.locator("#notice .notice.ok").waitFor();
    const sheet = await playground().sheetValues("Health Rubric");
    expect(sheet.find((r) => r[0] === "Key")?.[1]).toBe("Account");
    const title = sheet.findIndex((r) => r[0] === "Sources");
    expect(sheet[title + 1]?.slice(0, 4)).toEqual(["Source", "Sheet", "Key", "Date"]);
    expect(sheet[title + 2]?.slice(0, 4)).toEqual(["nps", "NPS", "Account", "Date"]);
    expect(sheet[title + 3]?.[0] ?? "").toBe("");
  });

  it("previews a source whose sheet is picked in the sidebar, before it is saved", async () => {
    const sources = { ...FROM_ACTIVITY.sources, nps: { ...FROM_ACTIVITY.sources.nps, sheet: "NPS old" } };
    const p = await open({ sheets: ACTIVITY_SHEETS, rubric: { ...FROM_ACTIVITY, sources } });
    // Rescore would stop at the sheet the saved Sources table names; the preview says so.
    const error = p.locator("#preview p.error");
    await expect.poll(() => error.textContent()).toContain("which are not given");
    const nps = p.locator(".item.source", { has: p.locator("strong", { hasText: /^nps$/ }) });
    await nps.getByLabel("Sheet", { exact: true }).selectOption("NPS");
    await expect.poll(() => strip(p).textContent()).toMatch(/^Red \d+ · Yellow \d+ · Green \d+/);
    expect(await error.count()).toBe(0);
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
  });

  it("adds a metric from a header of the sheet, with a scorer that fits the column", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.locator("#add-metric-column").selectOption("CSAT");
    await p.getByRole("button", { name: "+ Add metric" }).click();
    const card = metricCard(p, "CSAT");
    expect(await card.getAttribute("open")).not.toBeNull();
    expect(
      await card
        .getByLabel("Label")
        .evaluate(
          (el) => el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
        ),
    ).toBe(true);
    expect(await card.getByLabel("Column").inputValue()).toBe("CSAT");
    expect(await card.getByLabel("Scorer").inputValue()).toBe("range");
    expect(await card.locator(".meta").textContent()).toBe("11% of score"); // 1 of 9
    await expect.poll(() => strip(p).textContent()).toMatch(/changes?$/);
  });

  it("shows an invalid threshold's message at the field, and disables Save until it is fixed", async () => {
    const p = await open({ rubric: SIMPLE });
    const green = p.locator(".band.item").nth(2);
    const from = green.getByLabel("From");
    await from.fill("30");
    const message = green.locator(".field.from .msg");
    await expect
      .poll(() => message.textContent())
      .toBe("must be above the previous band's from (40): list bands from low to high");
    expect(await from.getAttribute("aria-invalid")).toBe("true");
    expect(await p.locator("#save").isDisabled()).toBe(true);
    expect(await p.locator("#problems").textContent()).toContain("1 problem to fix before saving");
    // The preview strip is redrawn after the field's message: on a busy machine, a moment later.
    await expect
      .poll(() => p.locator(".strip .muted").textContent())
      .toBe("Fix 1 problem to update the preview.");
    await from.fill("75");
    await expect.poll(() => message.textContent()).toBe("");
    expect(await from.getAttribute("aria-invalid")).toBeNull();
    expect(await p.locator("#save").isEnabled()).toBe(true);
  });

  it("lets warnings through: they show at the field and Save stays enabled", async () => {
    const p = await open({ rubric: SIMPLE });
    const card = metricCard(p, "NPS");
    await card.locator("summary").click();
    await card.getByLabel("Score otherwise").fill("120");
    await expect.poll(() => card.locator(".warning").first().textContent()).toContain("is outside 0..100");
    expect(await p.locator("#save").isEnabled()).toBe(true);
  });

  it("saves to the Health Rubric sheet, sets As of, and rescores on request", async () => {
    const p = await open({ rubric: SIMPLE });
    const card = metricCard(p, "NPS");
    await card.locator("summary").click();
    await card.getByLabel("Weight").fill("5");
    await card.getByLabel("Label").fill("Net promoter score");
    await p.locator("#save").click();
    await p.locator("#notice .notice.ok").waitFor();
    expect(await p.locator("#notice").textContent()).toContain(
      'Saved "Simple red / yellow / green" to the Health Rubric sheet, as of 2026-11-26.',
    );
    const sheet = await playground().sheetValues("Health Rubric");
    const row = sheet.find((r) => r.includes("Net promoter score")) as unknown[];
    expect(row).toBeDefined();
    expect(row).toContain(5);
    expect(sheet.find((r) => r[0] === "As of")?.[1]).toEqual(new Date("2026-11-26T00:00:00Z"));
    expect(await p.locator("#save-state").textContent()).toBe("Saved · as of 2026-11-26");
    expect(await p.locator("#save").isDisabled()).toBe(true);

    await p.getByRole("button", { name: "Rescore now" }).click();
    await expect
      .poll(() => p.locator("#notice").textContent())
      .toMatch(/^Scored 200 rows of "Customers" in (\d+ ms|[\d.]+ s): Red/);
    const customers = await playground().sheetValues("Customers");
    const headers = customers[0] as unknown[];
    expect(headers).toContain("Health Band");
    expect(
      customers
        .slice(1)
        .some((r) => String(r[headers.indexOf("Health Drivers")]).includes("Net promoter score")),
    ).toBe(true);
  });

  it("round-trips the rubric through exported and imported JSON", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    await p.locator("#transfer summary").click();
    await p.getByRole("button", { name: "Show JSON" }).click();
    const exported = await p.locator("#rubric-json").inputValue();
    const saved = (await playground().call("sidebarCall", "getSidebarData", [])) as { rubric: unknown };
    expect(JSON.parse(exported)).toEqual(saved.rubric);

    // Edit, then import the exported JSON: the draft is the saved rubric again.
    await p.getByLabel("Name", { exact: true }).fill("Something else");
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
    await p.locator("#rubric-json").fill(exported);
    await p.getByRole("button", { name: "Import", exact: true }).click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("Five dimensions");
    expect(await p.locator("#save-state").textContent()).toBe("Saved · as of 2026-11-26");

    // Broken JSON is refused with a sentence; a rubric with problems is loaded and shows them.
    await p.locator("#rubric-json").fill("{ nope");
    await p.getByRole("button", { name: "Import", exact: true }).click();
    expect(await p.locator("#transfer .msg").textContent()).toBe(
      'That is not valid JSON at line 1, column 3: expected a field name in double quotes, found "n".',
    );
    await p.locator("#rubric-json").fill(JSON.stringify({ ...FIVE_DIMENSIONS, bands: [] }));
    await p.getByRole("button", { name: "Import", exact: true }).click();
    expect(await p.locator("#transfer .msg").textContent()).toContain("with 1 problem");
    expect(await p.locator("#save").isDisabled()).toBe(true);

    // A long list of problems is capped, as everywhere: the first 20, then how many more.
    const metrics = Array.from({ length: 30 }, (_, i) => ({
      id: `m${i}`,
      column: "NPS",
      score: { type: "magic" },
    }));
    await p.locator("#rubric-json").fill(JSON.stringify({ ...FIVE_DIMENSIONS, groups: undefined, metrics }));
    await p.getByRole("button", { name: "Import", exact: true }).click();
    await p.getByRole("button", { name: "30 problems to fix before saving" }).click();
    const items = p.locator("#problem-list li");
    expect(await items.count()).toBe(21);
    expect(await items.last().textContent()).toBe("…and 10 more");
    expect(await p.locator("#problem-list button").count()).toBe(20);
  });

  it("copies the rubric as one query for the chosen warehouse, the same the CLI prints", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    await p.locator("#transfer summary").click();
    await p.getByLabel("SQL dialect").selectOption("bigquery");
    await p.getByLabel("Table name").fill("my-project.crm.accounts");
    await p.getByRole("button", { name: "Copy as SQL" }).click();
    // The server compiles it (the compiler is not in the sidebar's bundle): wait for its answer.
    await p.locator("#transfer .msg", { hasText: /Copied|Ctrl\+C/ }).waitFor();
    const sql = await p.locator("#rubric-json").inputValue();
    expect(sql).toBe(
      compileSql(parseRubric(FIVE_DIMENSIONS), { dialect: "bigquery", table: "my-project.crm.accounts" }),
    );
    expect(await p.locator("#transfer .msg").textContent()).toMatch(
      /^(Copied the rubric as one BigQuery query over my-project\.crm\.accounts\.|Press Ctrl\+C to copy it\.)$/,
    );
  });

  it("copies a rubric with sources as one query reading each source from the table of its name", async () => {
    const p = await open({ sheets: ACTIVITY_SHEETS, rubric: FROM_ACTIVITY });
    await p.locator("#transfer summary").click();
    await p.getByLabel("SQL dialect").selectOption("postgres");
    await p.getByRole("button", { name: "Copy as SQL" }).click();
    await p.locator("#transfer .msg", { hasText: /Copied|Ctrl\+C/ }).waitFor();
    const sql = await p.locator("#rubric-json").inputValue();
    expect(sql).toBe(compileSql(parseRubric(FROM_ACTIVITY), { dialect: "postgres", table: "accounts" }));
    expect(await p.locator("#transfer .msg").textContent()).toMatch(
      /^(Copied the rubric as one PostgreSQL query over accounts, each source from the table of its name \(logins, tickets, nps\)\.|Press Ctrl\+C to copy it\.)$/,
    );
  });

  it("keeps unsaved edits one click away when an import replaces them", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    await p.getByLabel("Name", { exact: true }).fill("My edits");
    await p.getByLabel("Name", { exact: true }).press("Tab");
    await p.locator("#transfer summary").click();
    await p.locator("#rubric-json").fill(JSON.stringify(SIMPLE));
    await p.getByRole("button", { name: "Import", exact: true }).click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("Simple red / yellow / green");
    await p.locator("#undo-replace").click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("My edits");
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
  });

  it("duplicates, reorders and removes metrics, keeping focus on the moved one", async () => {
    const p = await open({ rubric: SIMPLE });
    const titles = () => p.locator("#editor details.card .title").allTextContents();
    const cards = p.locator("details.card");
    await cards.nth(1).locator("summary").click();
    await cards
      .nth(1)
      .getByRole("button", { name: /^Duplicate metric/ })
      .click();
    expect((await titles()).slice(0, 5)).toEqual([
      "Seat utilisation",
      "Key features used",
      "Key features used (copy)",
      "NPS",
      "Open P1 tickets",
    ]);
    expect(await cards.nth(2).getByLabel("ID").inputValue()).toBe("features_2");
    await cards
      .nth(2)
      .getByRole("button", { name: /^Move metric .* up$/ })
      .click();
    expect((await titles())[1]).toBe("Key features used (copy)");
    expect(await p.evaluate("document.activeElement.dataset.action")).toBe("up");
    await cards
      .nth(1)
      .getByRole("button", { name: /^Remove metric/ })
      .click();
    expect((await titles()).slice(0, 4)).toEqual([
      "Seat utilisation",
      "Key features used",
      "NPS",
      "Open P1 tickets",
    ]);
    expect(await p.locator("#save-state").textContent()).toBe("Saved · as of 2026-11-26");
  });

  it("edits a segment's own rubric, and shows its problems in the segment", async () => {
    const p = await open();
    await p.getByRole("button", { name: /^Lifecycle/ }).click();
    await p.locator("#scope").selectOption({ label: "Segment: Onboarding" });
    expect(await p.locator("#editor .section h2").first().textContent()).toBe("Segment rubric");
    const yellow = p.locator(".band.item").nth(1);
    await yellow.getByLabel("From").fill("");
    await expect
      .poll(() => yellow.locator(".field.from .msg").textContent())
      .toBe("is required on every band after the first");
    expect(await p.locator("#scope option:checked").textContent()).toBe("Segment: Onboarding (1 problem)");
    await p.locator("#scope").selectOption({ label: "Main rubric (every other row)" });
    expect(await p.locator(".segment .badge").textContent()).toBe("1 problem");
    await p.locator("#problems button").first().click();
    await p.locator("#problem-list button").first().click();
    expect(await p.locator("#scope").inputValue()).toContain("Onboarding");
    expect(await p.evaluate("document.activeElement.getAttribute('aria-invalid')")).toBe("true");
  });

  it("discards unsaved edits, and can bring them back", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.getByLabel("Name", { exact: true }).fill("Draft name");
    await p.locator("#discard").click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe(SIMPLE.name);
    expect(await p.locator("#save-state").textContent()).toBe("Saved · as of 2026-11-26");
    await p.getByRole("button", { name: "Bring them back" }).click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("Draft name");
  });

  it("shows a header named like HTML as text, and runs nothing", async () => {
    const sheet = sampleSheet().map((row, i) => [...row, i === 0 ? EVIL : `<b>${i}</b>`]);
    const p = await open({ sheets: { Customers: sheet }, rubric: SIMPLE });
    const option = p.locator("#add-metric-column option", { hasText: "onerror" });
    expect(await option.textContent()).toBe(EVIL);
    await p.locator("#add-metric-column").selectOption(EVIL);
    await p.getByRole("button", { name: "+ Add metric" }).click();
    const card = p.locator("details.card[open]");
    expect(await card.locator(".title").textContent()).toBe(EVIL);
    expect(await card.getByLabel("Label").inputValue()).toBe(EVIL);
    expect(await p.evaluate("document.querySelectorAll('img, b').length")).toBe(0);
    // The map scorer suggested for a text column lists the cells' text, as text.
    expect(await card.getByRole("textbox", { name: "Value 1", exact: true }).inputValue()).toMatch(
      /^<b>\d+<\/b>$/,
    );
  });

  it("surfaces a server failure in the sidebar as a readable message", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.getByLabel("Name", { exact: true }).fill("Renamed");
    await p.locator("#save").click();
    await p.getByRole("button", { name: "Rescore now" }).waitFor();
    await playground().holdLock("document"); // another execution is rescoring
    await p.getByRole("button", { name: "Rescore now" }).click();
    await p.locator("#notice .notice.error").waitFor();
    expect(await p.locator("#notice").textContent()).toBe(
      "Another rescore is running in this spreadsheet. Wait for it to finish, then try again.",
    );
    expect(await p.locator("#save-state").textContent()).toBe("Saved · as of 2026-11-26");
  });

  it("says what to do when Google refuses a call because several accounts are signed in", async () => {
    const p = await open({ rubric: SIMPLE });
    // Only Save is refused: the draft kept 1.5 s after an edit would otherwise race it to the notice.
    await p.route("**/run", (route) =>
      route.request().postData()?.includes("saveRubric")
        ? route.fulfill({
            json: { ok: false, message: "ScriptError: Authorization is required to perform that action." },
          })
        : route.continue(),
    );
    await p.getByLabel("Name", { exact: true }).fill("Renamed");
    await p.locator("#save").click();
    await expect
      .poll(() => p.locator("#notice .notice.error").textContent())
      .toBe(
        "Google could not tell which of your signed-in accounts is using the add-on, which happens when several Google accounts are signed in: open this spreadsheet in a window signed in to one account only (a private window works), then open Health Score again.",
      );
  });

  it("says so when it cannot load, and tries again on request", async () => {
    const p = await open();
    let fail = true;
    await p.route("**/run", (route) =>
      fail
        ? route.fulfill({
            json: {
              ok: false,
              message: "Exception: Service Spreadsheets timed out while accessing document",
            },
          })
        : route.continue(),
    );
    await p.reload();
    await p.getByRole("alert").waitFor();
    expect(await p.getByRole("alert").textContent()).toContain(
      "The sidebar could not load: Service Spreadsheets timed out while accessing document",
    );
    fail = false;
    await p.getByRole("button", { name: "Try again" }).click();
    await p.locator("button.starter").first().waitFor();
  });

  it("labels every control, and moves focus with the keyboard", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    await p.locator("details.card").first().locator("summary").click();
    const unlabelled = await p.evaluate(`[...document.querySelectorAll("input, select, textarea, button")]
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label") && !el.textContent.trim())
      .map((el) => el.outerHTML)`);
    expect(unlabelled).toEqual([]);
    // Tab reaches a visible focus ring; the first control is the preview's account picker or the editor.
    await p.keyboard.press("Tab");
    expect(
      await p.evaluate(
        "getComputedStyle(document.activeElement, ':focus-visible').outlineStyle !== 'none' || document.activeElement.matches(':focus-visible')",
      ),
    ).toBe(true);
    // Ctrl+S saves once something changed.
    await p.getByLabel("Name", { exact: true }).fill("Five dimensions, tuned");
    await p.keyboard.press("Control+s");
    await p.locator("#notice .notice.ok").waitFor();
  });
});
