/**
 * The preview's histogram of scores, its threshold handles, the list of accounts that would change
 * band and the account picker, in real Chromium on the playground.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInChromium, usePlayground } from "./browser";

const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));

describeInChromium("the histogram of scores", { timeout: 60_000 }, () => {
  const { open } = usePlayground();

  const strip = (p: Page) => p.locator(".strip .line");
  const counts = async (p: Page) => {
    await p.locator("#preview[data-ms]").waitFor({ state: "attached" });
    const rows = await p.locator("table.dist tr").allTextContents();
    return Object.fromEntries(rows.map((r) => [r.replace(/\d.*$/, ""), Number(/\d+/.exec(r)?.[0])]));
  };
  const yellowFrom = (p: Page) => p.locator(".band.item").nth(1).getByLabel("From");
  const handle = (p: Page, name: string) => p.getByRole("slider", { name });

  it("moves a band's From when its handle is dragged, and the band counts follow", async () => {
    const p = await open({ rubric: SIMPLE });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const before = await counts(p);
    const green = handle(p, "Green from");
    expect(await green.getAttribute("aria-valuenow")).toBe("70");
    const plot = await p.locator("#histogram .plot").boundingBox();
    const box = await green.boundingBox();
    if (!plot || !box) throw new Error("The histogram is not drawn.");
    // Drag the Green threshold from 70 to about 50: a fifth of the 0..100 axis to the left.
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.down();
    for (let step = 1; step <= 5; step++)
      await p.mouse.move(box.x + box.width / 2 - (plot.width / 5) * (step / 5), box.y + box.height / 2);
    await p.mouse.up();
    const from = Number(await green.getAttribute("aria-valuenow"));
    expect(from).toBeGreaterThanOrEqual(48);
    expect(from).toBeLessThanOrEqual(52);
    // One source of truth: the rubric's Green band now starts there, in the editor and the field beside the chart.
    expect(await p.locator(".band.item").nth(2).getByLabel("From").inputValue()).toBe(String(from));
    expect(await p.getByRole("textbox", { name: "Green from" }).inputValue()).toBe(String(from));
    const after = await counts(p);
    expect(after.Green).toBeGreaterThan(before.Green ?? 0);
    expect(after.Yellow).toBeLessThan(before.Yellow ?? 0);
    expect(await strip(p).textContent()).toContain(`Green ${after.Green}`);
    // Every account that moved is listed, and each can be opened.
    const moved = (after.Green ?? 0) - (before.Green ?? 0);
    expect(await p.locator("#change-list li").count()).toBe(moved);
    expect(await p.locator(".changes h3").textContent()).toBe(`${moved} accounts would change band`);
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
  });

  it("works from the keyboard alone: Tab to a handle, arrows move it, the editor's field follows", async () => {
    const p = await open({ rubric: SIMPLE });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const before = await counts(p);
    // Tab from the preview's heading until the Yellow handle has focus.
    await p.locator("#preview summary").focus();
    for (let i = 0; i < 10; i++) {
      await p.keyboard.press("Tab");
      if ((await p.evaluate("document.activeElement.getAttribute('aria-label')")) === "Yellow from") break;
    }
    expect(await p.evaluate("document.activeElement.getAttribute('role')")).toBe("slider");
    await p.keyboard.press("ArrowRight");
    await p.keyboard.press("ArrowRight");
    expect(await handle(p, "Yellow from").getAttribute("aria-valuenow")).toBe("42");
    expect(await yellowFrom(p).inputValue()).toBe("42");
    await p.keyboard.press("PageDown");
    expect(await yellowFrom(p).inputValue()).toBe("37");
    const lower = await counts(p);
    expect(lower.Yellow).toBeGreaterThanOrEqual(before.Yellow ?? 0);
    expect((lower.Red ?? 0) + (lower.Yellow ?? 0)).toBe((before.Red ?? 0) + (before.Yellow ?? 0));
    // End stops one below the next band's From: a drag or a key never makes the rubric invalid.
    await p.keyboard.press("End");
    expect(await yellowFrom(p).inputValue()).toBe("69");
    expect(await p.locator("#save").isEnabled()).toBe(true);
    // The number field beside the chart is the same threshold, validated as typed.
    await p.getByRole("textbox", { name: "Yellow from" }).fill("75");
    await expect
      .poll(() => p.locator(".band.item").nth(2).locator(".field.from .msg").textContent())
      .toContain("must be above the previous band's from (75)");
    expect(await p.locator("#save").isDisabled()).toBe(true);
  });

  it("lists every account that would change band, furthest moved first, and opens one's drivers", async () => {
    const p = await open({ rubric: SIMPLE });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    // Raise Yellow to 60 and Green to 90: many accounts drop, some by two bands.
    await p.getByRole("textbox", { name: "Green from" }).fill("90");
    await p.getByRole("textbox", { name: "Yellow from" }).fill("60");
    await expect
      .poll(() => p.locator(".changes h3").textContent())
      .toMatch(/^\d+ accounts would change band$/);
    const total = Number(/\d+/.exec((await p.locator(".changes h3").textContent()) ?? "")?.[0]);
    expect(total).toBeGreaterThan(100);
    const items = p.locator("#change-list li");
    expect(await items.count()).toBe(100);
    await p.locator("#more-changes").click();
    expect(await items.count()).toBe(Math.min(200, total));
    const lines = await items.allTextContents();
    const steps = (line: string) => (/Green → Red/.test(line) ? 2 : 1);
    for (let i = 1; i < lines.length; i++)
      expect(steps(lines[i] as string)).toBeLessThanOrEqual(steps(lines[i - 1] as string));
    const first = items.first().locator("button");
    const name = await first.textContent();
    await first.click();
    expect(await p.getByLabel("Account", { exact: true }).inputValue()).toBe(name);
    expect(await p.locator("#account-detail .drivers li").count()).toBeGreaterThan(0);
  });

  it("finds an account by typing part of its name", async () => {
    const p = await open({ rubric: SIMPLE });
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const picker = p.getByLabel("Account", { exact: true });
    expect(await p.locator("#account-names option").count()).toBe(200);
    await picker.fill("maple");
    await picker.press("Enter");
    expect(await picker.inputValue()).toBe("Maple Analytics");
    expect(await p.locator("#account-detail .score .big").textContent()).toBe("37.7");
    await picker.fill("no such account");
    await picker.press("Enter");
    expect(await p.locator("#account-detail").textContent()).toBe(
      'No account\'s name contains "no such account".',
    );
  });
});
