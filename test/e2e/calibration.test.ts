/**
 * Check against churn in the sidebar (dist/Sidebar.html in Chromium, the real dist/Code.js on the
 * emulator through the playground): the summary matches the core's `calibrate` on the same sample,
 * the suggested weights and thresholds load into the draft only, and a server failure is said in
 * the section. A fresh playground (spreadsheet) per test.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { sampleSheet } from "../../dev/playground/sample";
import {
  type Calibration,
  type CellValue,
  calibrate,
  calibrateHistory,
  calibrationVerdict,
  parseRubric,
  predictiveSentences,
} from "../../src/core";
import { describeInChromium, usePlayground } from "./browser";

const SIMPLE = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
const FIVE_DIMENSIONS = JSON.parse(readFileSync("examples/five-dimensions.json", "utf8"));
const EVIL = "<img src=x onerror=alert(1)>";
const SAVED = "Saved · as of 2026-11-26";

/** What the core says about a rubric on the sample sheet, as the add-on calibrates it (as of the sample's day). */
function expected(rubric: unknown, outcomeColumn = "Churned"): Calibration {
  const [headers, ...rows] = sampleSheet() as CellValue[][];
  return calibrate(parseRubric(rubric), headers as CellValue[], rows, {
    outcomeColumn,
    asOf: "2026-11-26",
    timeZone: "Europe/London",
  });
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
/** The sidebar's "of score" text for a share in % (dom.ts percent). */
const ofScore = (p: number) => `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}% of score`;

describeInChromium("check against churn in the sidebar", { timeout: 60_000 }, () => {
  /** A spreadsheet (optionally with a saved rubric), its sidebar loaded and, with a rubric, the churn section open. */
  const { open, playground } = usePlayground({
    afterOpen: async (page, options) => {
      if (options.rubric) await page.locator("#churn summary").click();
    },
  });

  const section = (p: Page) => p.locator("#churn");
  const checkButton = (p: Page) =>
    section(p).getByRole("button", { name: /^Check(ing)? against churn|^Checking/ });
  const strip = (p: Page) => p.locator(".strip .line");
  const weightOf = (p: Page, i: number) =>
    p.locator(`details.card[data-path="metrics[${i}]"]`).getByLabel("Weight").inputValue();

  async function check(p: Page, column: string): Promise<void> {
    await section(p).getByLabel("Column that says who churned").selectOption(column);
    await checkButton(p).click();
    await section(p).locator("#calib-auc, [role=alert]").first().waitFor();
  }

  it("says first how the scores at each snapshot of the Health History foretold churn", async () => {
    const history = sampleSheet("examples/history.csv") as CellValue[][];
    const p = await open({
      rubric: FIVE_DIMENSIONS,
      sheets: { Customers: sampleSheet(), "Health History": history },
    });
    await check(p, "Churned");
    const [headers, ...rows] = history;
    const want = calibrateHistory(headers as CellValue[], rows, {
      timeZone: "Europe/London",
      rubric: parseRubric(FIVE_DIMENSIONS),
    });
    const mode = section(p).locator("#calib-mode");
    expect(await mode.getAttribute("class")).toBe("callout");
    expect(await mode.locator("p").allTextContents()).toEqual(predictiveSentences(want));
  });

  it("checks the saved rubric against Churned: AUC, churn per band and weights as the core computes them", async () => {
    const p = await open({ rubric: SIMPLE });
    const want = expected(SIMPLE);
    const select = section(p).getByLabel("Column that says who churned");
    expect(await select.inputValue()).toBe("Churned"); // preselected by its name

    // Busy while the server works: the button says so and cannot be pressed twice.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await p.route("**/run", async (route) => {
      if ((route.request().postDataJSON() as { name: string }).name === "checkCalibration") await held;
      await route.continue();
    });
    await select.selectOption("Churned");
    await checkButton(p).focus();
    await p.keyboard.press("Enter"); // keyboard alone
    await expect.poll(() => checkButton(p).textContent()).toBe("Checking…");
    expect(await checkButton(p).isDisabled()).toBe(true);
    expect(await section(p).locator(".calib-status").textContent()).toContain(
      'Checking the saved rubric against "Churned"',
    );
    release();
    await section(p).locator("#calib-auc").waitFor();
    expect(await checkButton(p).isEnabled()).toBe(true);

    expect(await p.locator("#calib-auc").textContent()).toBe(`AUC ${want.auc.toFixed(2)}`);
    // The verdict in a few words, the same sentence the Health Calibration sheet opens with.
    expect(await p.locator("#calib-headline").textContent()).toBe(calibrationVerdict(want));
    expect(await section(p).locator(".auc").textContent()).toBe(
      `AUC ${want.auc.toFixed(2)} (95% interval ${want.auc_ci[0].toFixed(2)}–${want.auc_ci[1].toFixed(2)})`,
    );
    expect(await p.locator("#calib-reading").textContent()).toContain(
      `a retained account outscores a churned one ${pct(want.auc)} of the time; 50% is chance.`,
    );
    expect(await p.locator("#calib-counts").textContent()).toContain(
      `${want.n} accounts, ${want.churned} churned`,
    );
    const rows = p.locator("#churn-bands tr");
    expect(await rows.count()).toBe(want.bands.length);
    for (const [i, band] of want.bands.entries()) {
      const row = rows.nth(i);
      expect(await row.locator("th").textContent()).toBe(band.label);
      expect(await row.locator(".rate").textContent()).toBe(
        band.churn_rate === null ? "–" : pct(band.churn_rate),
      );
      expect(await row.locator(".of").textContent()).toBe(`${band.churned}/${band.accounts}`);
    }
    expect(want.monotonic).toBe(true);
    expect(await p.locator("#calib-order").textContent()).toBe(
      "Churn falls from the lowest band to the highest, as it should.",
    );
    // Current against suggested, and which does better on held-out accounts.
    const weights = p.locator("#calib-weights tbody tr");
    for (const [i, m] of want.metrics.entries()) {
      expect(await weights.nth(i).locator("td").allTextContents()).toEqual([
        `${want.current.weights[m.id]}%`,
        `${want.suggested.weights[m.id]}%`,
      ]);
    }
    // The one verdict of the core, as the CLI and the Health Calibration sheet say it.
    expect(want.verdict.better).toBe("current");
    expect(await p.locator("#calib-verdict").textContent()).toBe(want.verdict.text);
    // The same numbers went to the Health Calibration sheet.
    const sheet = await playground().sheetValues("Health Calibration");
    expect(sheet.find((r) => r[0] === "AUC")?.[1]).toBe(want.auc);
    expect(sheet[1]?.[0]).toBe(calibrationVerdict(want));
  });

  it("loads the suggested weights as an unsaved draft: the preview follows, nothing is saved, Discard restores", async () => {
    const p = await open({ rubric: SIMPLE });
    const want = expected(SIMPLE);
    await expect.poll(() => strip(p).textContent()).toContain("no change");
    const stripBefore = await strip(p).textContent();
    const distBefore = await p.locator("#preview table.dist").textContent();
    await check(p, "Churned");

    await section(p).getByRole("button", { name: "Load suggested weights as a draft" }).click();
    for (const [i, m] of SIMPLE.metrics.entries())
      expect(await weightOf(p, i)).toBe(String(want.suggested.weights[m.id]));
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
    await expect.poll(() => strip(p).textContent()).not.toBe(stripBefore);
    expect(await strip(p).textContent()).toMatch(/· \d+ changes?$/);
    expect(await p.locator("#preview table.dist").textContent()).not.toBe(distBefore);
    expect(await p.locator(".changes h3").textContent()).toMatch(/^\d+ accounts? would change band$/);
    expect(await section(p).locator(".msg").textContent()).toContain(
      "Loaded the suggested weights into your draft: 4 metric weights changed.",
    );
    expect(await p.locator("#save").isEnabled()).toBe(true);
    // Nothing saved: the sheet still holds the saved weights.
    const onSheet = (await playground().call("sidebarCall", "getSidebarData", [])) as {
      rubric: { metrics: { weight: number }[] };
    };
    expect(onSheet.rubric.metrics.map((m) => m.weight)).toEqual(
      SIMPLE.metrics.map((m: { weight: number }) => m.weight),
    );

    await p.locator("#discard").click();
    for (const [i, m] of SIMPLE.metrics.entries()) expect(await weightOf(p, i)).toBe(String(m.weight));
    expect(await p.locator("#save-state").textContent()).toBe(SAVED);
    await expect.poll(() => strip(p).textContent()).toBe(stripBefore);
  });

  it("loads the suggested thresholds into the bands of the draft", async () => {
    const p = await open({ rubric: SIMPLE });
    const cuts = expected(SIMPLE).suggested.thresholds as number[];
    await check(p, "Churned");
    expect(await p.locator("#calib-thresholds p").first().textContent()).toBe(
      `Yellow from 40 → ${cuts[0]} · Green from 70 → ${cuts[1]}`,
    );
    await section(p).getByRole("button", { name: "Load suggested thresholds" }).click();
    const froms = p.locator(".band.item").getByLabel("From");
    expect(
      await froms.evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value)),
    ).toEqual(cuts.map(String));
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
    await expect.poll(() => strip(p).textContent()).toMatch(/changes?$/);

    // Saved: the thresholds reach the sheet, and the check says it was made on the rubric before.
    await p.locator("#save").click();
    await p.locator("#notice .notice.ok").waitFor();
    expect(await section(p).locator(".warning").first().textContent()).toBe(
      "The rubric has been saved since this check: check again to see how it does now.",
    );
    const saved = (await playground().call("sidebarCall", "getSidebarData", [])) as {
      rubric: { bands: { from?: number }[] };
    };
    expect(saved.rubric.bands.slice(1).map((b) => b.from)).toEqual(cuts);
  });

  it("with groups, gives each group the sum of its metrics' suggested shares, so each metric counts for its suggested share", async () => {
    const p = await open({ rubric: FIVE_DIMENSIONS });
    const want = expected(FIVE_DIMENSIONS);
    await check(p, "Churned");
    expect(await section(p).textContent()).toContain(
      "loading sets each metric's weight to its suggested share and each group's weight to the sum of its metrics'",
    );
    await section(p).getByRole("button", { name: "Load suggested weights as a draft" }).click();
    for (const [i, m] of FIVE_DIMENSIONS.metrics.entries()) {
      const card = p.locator(`details.card[data-path="metrics[${i}]"]`);
      expect(await card.locator(".meta").textContent()).toBe(ofScore(want.suggested.weights[m.id] as number));
    }
    for (const group of Object.keys(FIVE_DIMENSIONS.groups)) {
      const sum = FIVE_DIMENSIONS.metrics
        .filter((m: { group: string }) => m.group === group)
        .reduce((s: number, m: { id: string }) => s + (want.suggested.weights[m.id] as number), 0);
      const row = p.locator(`.group.item[data-path="groups.${group}"]`);
      expect(Number(await row.getByLabel("Weight").inputValue())).toBeCloseTo(sum, 5);
    }
    expect(await p.locator("#problems").textContent()).not.toContain("to fix before saving"); // the draft stays valid
    expect(await p.locator("#save-state").textContent()).toBe("Unsaved changes");
  });

  it("shows the server's message in the section when the check cannot be made, as text", async () => {
    const sheet = sampleSheet().map((row, i) => [...row, i === 0 ? EVIL : false]);
    const p = await open({ sheets: { Customers: sheet }, rubric: SIMPLE });
    const alert = section(p).getByRole("alert");

    // A column where no account churned.
    await check(p, EVIL);
    expect(await alert.textContent()).toMatch(
      /^None of the \d+ scored accounts with an outcome churned: calibration needs both churned and retained accounts\.$/,
    );
    expect(await checkButton(p).isEnabled()).toBe(true);
    expect(await section(p).locator("#load-weights").count()).toBe(0);

    // A column the sheet no longer has (renamed after the sidebar opened).
    const churned = (sampleSheet()[0] as string[]).indexOf("Churned") + 1;
    await playground().setCell("Customers", 1, churned, "Churn reason");
    await check(p, "Churned");
    await expect
      .poll(() => alert.textContent())
      .toBe('The data has no column "Churned": name the column that says which accounts churned.');
    expect(await p.evaluate("document.querySelectorAll('img').length")).toBe(0);
    expect(await p.locator("#save-state").textContent()).toBe(SAVED);
  });

  it("asks for a saved rubric first, since the check reads the Health Rubric sheet", async () => {
    const p = await open();
    expect(await section(p).isHidden()).toBe(true); // nothing to check while there is no rubric
    await p.getByRole("button", { name: /^Simple red/ }).click();
    await section(p).locator("summary").click();
    expect(await checkButton(p).isDisabled()).toBe(true);
    expect(await p.locator("#check-about").textContent()).toBe(
      "Save a rubric first: the check scores the rubric saved on the Health Rubric sheet.",
    );
  });
});
