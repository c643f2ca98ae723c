/**
 * What a person must be able to read and reach in the sidebar, at its real 300 px width: focus
 * never hidden under the sticky header or Save bar, text contrast of at least 4.5:1 (WCAG AA) for
 * warnings, errors and hovered controls, and the chosen option of every dropdown shown whole.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInChromium, usePlayground } from "./browser";

const FIVE_DIMENSIONS = JSON.parse(readFileSync("examples/five-dimensions.json", "utf8"));

/** WCAG 2 relative luminance of an sRGB colour given as [r, g, b] 0..255. */
function luminance([r, g, b]: number[]): number {
  const f = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r as number) + 0.7152 * f(g as number) + 0.0722 * f(b as number);
}

export function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Each visible element matching `selector`: its text, its colour and the colour behind it (the
 * nearest ancestor with an opaque background), as [r, g, b].
 */
function colours(p: Page, selector: string): Promise<{ text: string; fg: number[]; bg: number[] }[]> {
  return p.evaluate(`(() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    return [...document.querySelectorAll(${JSON.stringify(selector)})]
      .filter((el) => el.getClientRects().length > 0 && el.textContent.trim())
      .map((el) => {
        let bg = el;
        while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] ?? 1) === 0) bg = bg.parentElement;
        return {
          text: el.textContent.trim().slice(0, 40),
          fg: rgb(getComputedStyle(el).color).slice(0, 3),
          bg: bg ? rgb(getComputedStyle(bg).backgroundColor).slice(0, 3) : [255, 255, 255],
        };
      });
  })()`);
}

describeInChromium("the sidebar's legibility", { timeout: 60_000 }, () => {
  const { open } = usePlayground({ viewport: { width: 300, height: 600 } });

  it("never leaves the focused field under the sticky Save bar or header", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    // An error grows the bar with its problem list: focus must clear the taller bar too.
    const weight = p.locator("details.card").first();
    await weight.locator("summary").click();
    await weight.getByLabel("Weight").fill("-1");
    await p.locator("#problems, .problems").first().waitFor();
    await p.locator("h1").click();
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press("Tab");
      const place = (await p.evaluate(`(() => {
        const el = document.activeElement;
        const bar = document.querySelector("footer.bar").getBoundingClientRect();
        const top = document.querySelector("header.top").getBoundingClientRect();
        if (!el || el.closest("footer.bar, header.top")) return null;
        const box = el.getBoundingClientRect();
        return { what: el.id || el.getAttribute("aria-label") || el.textContent.slice(0, 30), bottom: box.bottom, top: box.top, barTop: bar.top, headerBottom: top.bottom };
      })()`)) as { what: string; bottom: number; top: number; barTop: number; headerBottom: number } | null;
      if (!place) continue;
      checked++;
      expect(place.bottom, `${place.what} is under the Save bar`).toBeLessThanOrEqual(place.barTop);
      expect(place.top, `${place.what} is under the header`).toBeGreaterThanOrEqual(place.headerBottom);
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("shows warnings, errors and notes at a contrast of at least 4.5:1", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    // A weight error and an out-of-range warning, so both kinds of message are on the page.
    const card = p.locator("details.card").first();
    await card.locator("summary").click();
    await card.getByLabel("Weight").fill("x");
    await p.locator(".msg .error").first().waitFor();
    await p.locator("#transfer summary").click();
    await p.locator("#rubric-json").fill("{");
    await p.getByRole("button", { name: "Import", exact: true }).click();
    // Disabled controls are exempt from contrast minimums (WCAG 1.4.3), so they are left out.
    const shown = await colours(
      p,
      ".error, .warning, .msg .ok, .note, .state, .changed, .flag, .impact, .muted, .hint, .help, label, button:not(:disabled)",
    );
    expect(shown.some((c) => c.fg.join() !== "32,33,36")).toBe(true);
    for (const c of shown)
      expect(contrast(c.fg, c.bg), `"${c.text}" ${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps text readable on hovered buttons and links", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    const buttons = p.locator("main button:visible:not(:disabled)");
    const n = Math.min(await buttons.count(), 25);
    expect(n).toBeGreaterThan(10);
    for (let i = 0; i < n; i++) {
      const b = buttons.nth(i);
      await b.evaluate((el) => el.setAttribute("data-hovered", ""));
      await b.hover();
      const [c] = await colours(p, "[data-hovered]");
      await b.evaluate((el) => el.removeAttribute("data-hovered"));
      if (c)
        expect(contrast(c.fg, c.bg), `hovered "${c.text}" ${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("shows the chosen option of every dropdown whole at 300 px", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    for (const card of await p.locator("details.card summary").all()) await card.click();
    await p.locator("#transfer summary").click();
    const clipped = (await p.evaluate(`(() => {
      const canvas = document.createElement("canvas").getContext("2d");
      return [...document.querySelectorAll("select")]
        .filter((s) => s.getClientRects().length > 0 && s.selectedOptions[0])
        .flatMap((s) => {
          const cs = getComputedStyle(s);
          canvas.font = cs.font;
          const text = s.selectedOptions[0].textContent;
          // The arrow takes about 20 px beside the padding.
          const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
          return canvas.measureText(text).width > room ? [text + " (" + Math.round(room) + " px)"] : [];
        });
    })()`)) as string[];
    expect(clipped).toEqual([]);
  });
});
