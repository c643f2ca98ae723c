// Mutation testing (`npm run mutate`): Stryker changes the source one small edit at a time
// ("mutants") and runs the tests that cover it; a mutant no test notices is a missing check.
// Not part of `npm test`: it takes far longer than CI should. Run it before changing src/core.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: ["src/core/**/*.ts", "src/addon/**/*.ts", "cli/**/*.ts"],
  testRunner: "vitest",
  // Only tests that import the sources can see a mutant: test/bundle runs the built dist/Code.js
  // in a vm and test/cli spawns build/cli.js, so they are left out (see vitest.mutate.config.ts).
  vitest: { configFile: "vitest.mutate.config.ts" },
  // A rerun tests only mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["html", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  tempDirName: ".stryker-tmp",
  // The machine running it is usually shared: one test process at a time.
  concurrency: 1,
  // high/low: issue 16's goals. break stays unset until a whole folder has been measured
  // (README, "Mutation testing"): it applies to every run, so a partial figure would fail others.
  thresholds: { high: 90, low: 80, break: null },
};
