/**
 * npm run screenshots: regenerates docs/sidebar.png and docs/playground.png from the real build,
 * in the playground, in headless Chromium. The README shows both; run this after changing how
 * the sidebar or the playground looks.
 */
import { mkdirSync } from "node:fs";
import { launchChromium } from "./playground/chromium";
import { startPlayground } from "./playground/server";

mkdirSync("docs", { recursive: true });
const playground = await startPlayground({ port: 0 });
const browser = await launchChromium();
try {
  // The sidebar alone, 300 px wide as in Sheets: a starter picked, one weight raised, its card open.
  const sidebar = await browser.newPage({ viewport: { width: 300, height: 1100 } });
  await sidebar.goto(`${playground.url}sidebar`);
  await sidebar.getByRole("button", { name: /^Simple red/ }).click();
  await sidebar.locator("#save").click();
  await sidebar.getByRole("button", { name: "Rescore now" }).waitFor();
  await sidebar.locator("#notice").evaluate((el) => el.replaceChildren());
  const card = sidebar.locator("details.card").nth(2);
  await card.locator("summary").click();
  await card.getByLabel("Weight").fill("4");
  await sidebar.locator("#preview-account").fill("Maple Analytics");
  await sidebar.locator("#preview[data-ms]").waitFor({ state: "attached" });
  await sidebar
    .locator("details.section", { hasText: "Bands" })
    .first()
    .evaluate((el) => {
      (el as unknown as { open: boolean }).open = false;
    });
  await sidebar
    .locator("details.section", { hasText: "Rubric" })
    .first()
    .evaluate((el) => {
      (el as unknown as { open: boolean }).open = false;
    });
  await card.scrollIntoViewIfNeeded();
  await sidebar.evaluate("window.scrollTo(0, 0)");
  await sidebar.screenshot({ path: "docs/sidebar.png" });

  // The playground: the scored grid with its colours, the menu, the sidebar beside it.
  const page = await browser.newPage({ viewport: { width: 1600, height: 800 } });
  await page.goto(playground.url);
  await page.locator("#grid tbody tr").first().waitFor();
  const frame = page.frameLocator("#sidebar-frame");
  await frame.locator(".strip .line").waitFor();
  const nps = frame.locator("details.card").nth(2);
  await nps.locator("summary").click();
  await nps.getByLabel("Weight").fill("4");
  await page.locator("#grid-wrap").evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await page.getByRole("button", { name: "Extensions" }).click();
  await page.getByRole("menuitem", { name: "Edit rubric" }).hover();
  await page.screenshot({ path: "docs/playground.png" });
  console.log("Wrote docs/sidebar.png and docs/playground.png.");
} finally {
  await browser.close();
  await playground.close();
}
