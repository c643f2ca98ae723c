/**
 * How many rows the live preview can score per keystroke. The server sends the sidebar at most
 * PREVIEW_ROWS rows; this holds the preview, at that many rows of the sample's shape and the
 * five-dimensions rubric (9 metrics, groups, 6 flags, compared against a saved rubric), to a
 * budget that still feels live while typing. PREVIEW_SIZES=1000,20000 measures other sizes too.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sampleSheet } from "../../dev/playground/sample";
import { PREVIEW_ROWS } from "../../src/addon/sidebarApi";
import { parseRubric } from "../../src/core";
import { describeInChromium, launchChromium } from "./browser";

/** One update (score every row with the draft, compare with the saved scores, draw) must stay under this. */
const BUDGET_MS = 250;
// As the server sends it: validated, every default filled in.
const RUBRIC = parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));
const SIZES = [PREVIEW_ROWS, ...(process.env.PREVIEW_SIZES ?? "").split(",").filter(Boolean).map(Number)];

function rows(n: number): { headers: string[]; rows: (string | number | boolean)[][] } {
  const [headers, ...sample] = sampleSheet() as [string[], ...unknown[][]];
  const plain = sample.map((row) =>
    row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c as string | number | boolean))),
  );
  return {
    headers,
    rows: Array.from({ length: n }, (_, i) => plain[i % plain.length] as (string | number | boolean)[]),
  };
}

describeInChromium("the preview's row limit", { timeout: 120_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SIZES)(`rescores %i rows per edit within ${BUDGET_MS} ms`, async (n) => {
    const table = rows(n);
    const data = {
      rubric: RUBRIC,
      problems: [],
      asOf: "2026-11-26",
      timeZone: "Europe/London",
      data: { sheet: "Customers", headers: table.headers, rows: table.rows, totalRows: n },
      dataProblem: null,
    };
    const payload = JSON.stringify(data);
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.addInitScript({
      content: `window.__data = ${payload};
        window.google = { script: { run: (function runner(ok, fail) {
          return { withSuccessHandler: (f) => runner(f, fail), withFailureHandler: (f) => runner(ok, f),
            sidebarCall: (name) => setTimeout(() => ok(name === "getSidebarData" ? window.__data : null)) };
        })() } };`,
    });
    await page.route("http://sidebar.test/", (route) =>
      route.fulfill({ contentType: "text/html", body: readFileSync("dist/Sidebar.html", "utf8") }),
    );
    await page.goto("http://sidebar.test/");
    await page.locator("#preview[data-ms]").waitFor({ state: "attached" });
    const weight = page.locator("details.card").first().getByLabel("Weight");
    await page.locator("details.card").first().locator("summary").click();
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      await page.evaluate("document.getElementById('preview').dataset.ms = ''");
      await weight.fill(String(k + 2));
      await page.waitForFunction("document.getElementById('preview').dataset.ms !== ''");
      times.push(Number(await page.locator("#preview").getAttribute("data-ms")));
    }
    // A histogram handle moved a step: the rows are re-banded, not scored again.
    const steps: number[] = [];
    const handle = page.getByRole("slider", { name: "Green from" });
    for (let k = 0; k < 7; k++) {
      await page.evaluate("document.getElementById('preview').dataset.ms = ''");
      await handle.press("ArrowLeft");
      await page.waitForFunction("document.getElementById('preview').dataset.ms !== ''");
      steps.push(Number(await page.locator("#preview").getAttribute("data-ms")));
    }
    await page.close();
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(
      `preview of ${n} rows: median ${median(times).toFixed(1)} ms per edit (min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)}), ${median(steps).toFixed(1)} ms per threshold step; ${(payload.length / 1024).toFixed(0)} KB sent to the sidebar`,
    );
    if (n <= PREVIEW_ROWS) expect(median(times)).toBeLessThan(BUDGET_MS);
  });
});
