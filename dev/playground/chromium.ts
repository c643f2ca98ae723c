/**
 * Chromium for the e2e tests and the screenshots: the system's package (Debian's chromium),
 * driven by playwright-core, which downloads no browser. CHROMIUM_PATH overrides where it is.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The Chromium executable, or undefined when there is none. */
export const CHROMIUM = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p as string));

export const NO_CHROMIUM =
  "No Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). Install it with `apt-get install chromium`, or set CHROMIUM_PATH.";

/**
 * Launches headless Chromium. Playwright gives each launch a fresh temporary profile (user data
 * dir) and deletes it on close, so runs never share state.
 */
export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(NO_CHROMIUM);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}
