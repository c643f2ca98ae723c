/**
 * A first run that explains itself, in real Chromium on the playground: which rubric scored a sheet
 * that has no rubric saved, and the short help beside the fields.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeInChromium, usePlayground } from "./browser";

const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));

describeInChromium("the sidebar's first run", { timeout: 60_000 }, () => {
  const { open, playground } = usePlayground();

  it("says which rubric scored the sheet when none is saved, and saves it on request", async () => {
    const p = await open(); // the playground rescored the sample at start, with no rubric sheet
    expect(await p.locator("#scored-with p").textContent()).toBe(
      '"Customers" was scored with the starter rubric "Simple red / yellow / green": no rubric is saved in this spreadsheet yet, so every rescore uses it. Save it to a Health Rubric sheet to see and change how it scores.',
    );
    await p.getByRole("button", { name: "Save this rubric" }).click();
    await expect.poll(() => p.locator("#save-state").textContent()).toMatch(/^Saved · as of /);
    expect(await playground().sheetNames()).toContain("Health Rubric");
    expect(await p.locator("#scored-with").count()).toBe(0);
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe(SIMPLE.name);
  });

  it("offers the starters without that note when the sheet was never scored", async () => {
    const p = await open({ rescore: false });
    expect(await p.locator("#scored-with").count()).toBe(0);
    expect(await p.locator("#start h2").textContent()).toBe("Choose a starting rubric");
  });

  it("starts over from a starter, fetched from the server when the section first opens", async () => {
    const p = await open({ rubric: SIMPLE });
    await p.locator("#transfer summary").click();
    const pick = p.getByLabel("Start over from a starter");
    await expect.poll(() => pick.locator("option").count()).toBe(5);
    await pick.selectOption({ label: "Five dimensions" });
    await p.getByRole("button", { name: "Use", exact: true }).click();
    expect(await p.getByLabel("Name", { exact: true }).inputValue()).toBe("Five dimensions");
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
  });

  it("explains a field behind the ? beside it", async () => {
    const p = await open({ rubric: SIMPLE });
    const card = p.locator("details.card").first();
    await card.locator("summary").click();
    const about = card.getByRole("button", { name: "?" }).and(card.getByTitle("About Weight"));
    expect(await about.getAttribute("aria-expanded")).toBe("false");
    await about.click();
    expect(await about.getAttribute("aria-expanded")).toBe("true");
    const id = (await about.getAttribute("aria-controls")) as string;
    expect(await p.locator(`#${id}`).textContent()).toBe(
      "How much this counts against the others; the share beside it is its part of the score.",
    );
    expect(await p.locator(`#${id}`).isVisible()).toBe(true);
    // The field keeps its own name: the ? is not another "Weight".
    expect(await card.getByLabel("Weight").count()).toBe(1);
  });
});
