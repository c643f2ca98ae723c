/**
 * Real Chromium for the e2e tests (see dev/playground/chromium.ts). Without a Chromium the e2e
 * tests are skipped, loudly, on a developer's machine; under CI=true they fail instead, so a CI
 * run can never pass without having run them (.ci/run installs the package).
 */
import { describe } from "vitest";
import { CHROMIUM, NO_CHROMIUM } from "../../dev/playground/chromium";

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
