/**
 * Real Chromium for the e2e tests (see dev/playground/chromium.ts). Without a Chromium the e2e
 * tests are skipped, loudly, on a developer's machine; under CI=true they fail instead, so a CI
 * run can never pass without having run them (.ci/run installs the package).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import { CHROMIUM, launchChromium, NO_CHROMIUM } from "../../dev/playground/chromium";
import { type Playground, type PlaygroundOptions, startPlayground } from "../../dev/playground/server";

export { launchChromium } from "../../dev/playground/chromium";

if (!CHROMIUM) {
  if (process.env.CI === "true")
    throw new Error(`${NO_CHROMIUM} CI=true, so this fails instead of skipping.`);
  const bar = "!".repeat(100);
  console.warn(
    `\n${bar}\n!! SKIPPING the e2e tests (the sidebar and the playground in Chromium).\n!! ${NO_CHROMIUM}\n${bar}\n`,
  );
}

/** `describe` when Chromium is here, `describe.skip` otherwise. */
export const describeInChromium = CHROMIUM ? describe : describe.skip;

/** What a test opens: the playground's spreadsheet, and optionally a rubric saved in it first. */
export type OpenOptions = PlaygroundOptions & { rubric?: unknown };

/** How a test file's pages differ; the defaults open the sidebar alone, at its width in Sheets. */
export interface PageOptions {
  /** Default 300 × 900, the sidebar's size. */
  viewport?: { width: number; height: number };
  /** What to open below the playground's URL: default "sidebar"; "" is the page with the grid. */
  path?: string;
  /** What shows once the page has loaded (the first match): default "#save-state". */
  ready?: string;
  /** What a dialog's error calls the page: default "sidebar". */
  name?: string;
  /** More to do once loaded, with the options `open` was given. */
  afterOpen?: (page: Page, options: OpenOptions) => Promise<void>;
}

/**
 * Call inside a describe block: one Chromium for the block, and a fresh playground (spreadsheet)
 * and page per test, since tests save and rescore; all closed after each test. Any dialog the
 * page opens fails the test.
 */
export function usePlayground(defaults: PageOptions = {}) {
  const {
    viewport = { width: 300, height: 900 },
    path = "sidebar",
    ready = "#save-state",
    name = "sidebar",
    afterOpen,
  } = defaults;
  let browser: Browser;
  let pg: Playground | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    await pg?.close();
    page = undefined;
    pg = undefined;
  });

  /** A playground without a page, closed after the test. */
  async function start(options: PlaygroundOptions = {}): Promise<Playground> {
    pg = await startPlayground({ port: 0, ...options });
    return pg;
  }

  /** A spreadsheet (optionally with a saved rubric) and its page, open and loaded. */
  async function open(options: OpenOptions = {}): Promise<Page> {
    const playground = await start(options);
    if (options.rubric) await playground.call("sidebarCall", "saveRubric", [options.rubric]);
    page = await browser.newPage({ viewport });
    page.on("dialog", (d) => {
      throw new Error(`The ${name} opened a ${d.type()} dialog: ${d.message()}`);
    });
    await page.goto(`${playground.url}${path}`);
    await page.locator(ready).first().waitFor();
    await afterOpen?.(page, options);
    return page;
  }

  /** This test's playground. */
  function playground(): Playground {
    if (!pg) throw new Error("No playground: open() or start() one first.");
    return pg;
  }

  return { open, start, playground };
}
