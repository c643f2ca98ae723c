/**
 * The sidebar never loses work and never contradicts itself (issue 12), in real Chromium against
 * the real bundle on the emulator: drafts kept across a reopen, undo, import listing what it does
 * not know, problems in the editor's words, columns checked against the sheet's headers, and no
 * "Rescore now" for a save the draft has moved past.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInChromium, usePlayground } from "./browser";

const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
const FIVE_DIMENSIONS = JSON.parse(readFileSync("examples/five-dimensions.json", "utf8"));

describeInChromium("the sidebar keeps work and says one thing", { timeout: 60_000 }, () => {
  const { open, playground } = usePlayground();
  const kept = async () => Object.keys(await playground().properties("user")).length > 0;

  const metricCard = (p: Page, title: string) =>
    p.locator("details.card", { has: p.locator(".title", { hasText: title }) });

  it("reads a saved rubric back without a single warning about itself", async () => {
    for (const rubric of [SIMPLE, FIVE_DIMENSIONS]) {
      const p = await open({ rubric });
      await expect.poll(() => p.locator("#save-state").textContent()).toMatch(/^Saved/);
      expect(await p.locator("#editor .msg .warning").count()).toBe(0);
      expect(await p.locator("#problems").textContent()).toBe("");
      await p.close();
    }
  });

  it("blocks Save on a column the sheet does not have, and names the closest header", async () => {
    const typo = structuredClone(SIMPLE);
    typo.metrics[0].column = "Seat utilization";
    const p = await open({ rubric: typo });
    const card = metricCard(p, "Seat utilisation");
    await expect
      .poll(() => card.locator(".msg .error").allTextContents())
      .toContainEqual('"Seat utilization" is not a column of the data: did you mean "Seat utilisation"?');
    await p.getByLabel("Name", { exact: true }).fill("Fixed columns");
    expect(await p.locator("#save").isDisabled()).toBe(true);
    await p.getByRole("button", { name: "1 problem to fix before saving" }).click();
    expect(await p.locator("#problem-list li").allTextContents()).toEqual([
      'Seat utilisation › Column: "Seat utilization" is not a column of the data: did you mean "Seat utilisation"?',
    ]);
    await card.locator("summary").click();
    await card.getByLabel("Column").selectOption("Seat utilisation");
    await expect.poll(() => p.locator("#save").isEnabled()).toBe(true);
  });

  it("lists problems in the editor's words, and focuses the field of the one chosen", async () => {
    const p = await open({ rubric: SIMPLE });
    const card = metricCard(p, "NPS");
    await card.locator("summary").click();
    await card.getByLabel("Weight").fill("-1");
    await p.getByRole("button", { name: "1 problem to fix before saving" }).click();
    const line = p.locator("#problem-list li");
    await expect.poll(() => line.allTextContents()).toEqual(["NPS › Weight: must be a number ≥ 0, not -1"]);
    await line.getByRole("button").click();
    await expect.poll(() => p.evaluate("document.activeElement.getAttribute('aria-invalid')")).toBe("true");
  });

  it("lists the fields an import does not know, by their JSON path, and keeps them in view until saved", async () => {
    const p = await open({ rubric: SIMPLE });
    const typo = structuredClone(SIMPLE);
    typo.metrics[2] = { ...typo.metrics[2], wieght: 3 };
    delete typo.metrics[2].weight;
    await p.locator("#transfer summary").click();
    await p.locator("#rubric-json").fill(JSON.stringify(typo));
    await p.getByRole("button", { name: "Import", exact: true }).click();
    expect(await p.locator("#transfer .msg li").allTextContents()).toEqual([
      'warning: metrics[2].wieght: unknown field "wieght" is ignored: did you mean "weight"?',
    ]);
    expect(await p.locator("#transfer .msg").textContent()).toContain("with 1 problem");
    expect(await p.locator("#problems > button").textContent()).toBe("1 warning"); // Save stays open
    expect(await metricCard(p, "NPS").locator(".msg .warning").textContent()).toBe(
      'wieght: unknown field "wieght" is ignored: did you mean "weight"?',
    );
  });

  it("undoes a removal on its own from the snackbar, and steps back through edits with Ctrl+Z", async () => {
    const p = await open({ rubric: SIMPLE });
    const titles = () => p.locator("#editor details.card .title").allTextContents();
    const before = await titles();
    await metricCard(p, "NPS").locator("summary").click();
    await p.getByRole("button", { name: "Remove metric NPS" }).click();
    expect(await titles()).not.toContain("NPS");
    expect(await p.locator("#snackbar").textContent()).toBe("Removed metric NPS.Undo");
    await p.locator("#snackbar").getByRole("button", { name: "Undo" }).click();
    expect(await titles()).toEqual(before);
    expect(await p.locator("#snackbar").isHidden()).toBe(true);
    expect(await p.locator("#save-state").textContent()).toMatch(/^Saved/);

    // A band's removal says so too; any edit after hides the snackbar.
    await p.getByRole("button", { name: "Remove band 2" }).click();
    expect(await p.locator("#snackbar").textContent()).toBe("Removed band 2.Undo");
    await p.getByLabel("Name", { exact: true }).fill("Renamed");
    expect(await p.locator("#snackbar").isHidden()).toBe(true);

    // Ctrl+Z: the name typed (one step however many keys), then the band removed; Ctrl+Y redoes.
    await p.locator("body").click();
    await p.keyboard.press("Control+z");
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe(SIMPLE.name);
    expect(await p.locator(".band.item").count()).toBe(2);
    await p.keyboard.press("Control+z");
    expect(await p.locator(".band.item").count()).toBe(3);
    expect(await p.locator("#save-state").textContent()).toMatch(/^Saved/);
    await p.keyboard.press("Control+y");
    expect(await p.locator(".band.item").count()).toBe(2);
  });

  it("never offers Rescore now for a save the draft has moved past", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.getByLabel("Name", { exact: true }).fill("Saved once");
    await p.locator("#save").click();
    await p.locator("#rescore").waitFor();
    await p.getByLabel("Name", { exact: true }).fill("Edited after");
    expect(await p.locator("#rescore").count()).toBe(0);
    expect(await p.locator("#notice").textContent()).toBe("");
  });

  it("brings unsaved edits back when the sidebar reopens, or discards them on request", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.getByLabel("Name", { exact: true }).fill("Left unsaved");
    await metricCard(p, "NPS").locator("summary").click();
    await p.getByRole("button", { name: "Remove metric NPS" }).click();
    await expect.poll(kept, { timeout: 15_000 }).toBe(true);

    await p.reload();
    await p.locator("#save-state").waitFor();
    expect(await p.locator("#notice").textContent()).toContain("Restore your unsaved edits?");
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe(SIMPLE.name); // not yet
    await p.getByRole("button", { name: "Restore", exact: true }).click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("Left unsaved");
    expect(await p.locator("#editor details.card .title").allTextContents()).not.toContain("NPS");
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");

    await p.reload();
    await p.getByRole("button", { name: "Discard them" }).click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe(SIMPLE.name);
    await expect.poll(kept, { timeout: 15_000 }).toBe(false);
    await p.reload();
    await p.locator("#save-state").waitFor();
    expect(await p.locator("#notice").textContent()).toBe("");
  });

  it("makes the menu's Rescore say it used the saved rubric while the sidebar holds unsaved edits", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.getByLabel("Name", { exact: true }).fill("Not saved yet");
    await expect.poll(kept, { timeout: 15_000 }).toBe(true);
    const report = (await playground().call("rescoreAll")) as { message: string };
    expect(report.message).toContain(
      "The sidebar holds unsaved edits to the rubric: this rescore used the saved one.",
    );
    await p.getByLabel("Name", { exact: true }).fill(SIMPLE.name); // back to the saved rubric
    await expect.poll(kept, { timeout: 15_000 }).toBe(false);
  });
});
