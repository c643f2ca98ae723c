// Mutation testing (`npm run mutate`): Stryker changes the source one small edit at a time
// ("mutants") and runs the tests that cover it; a mutant no test notices is a missing check.
// Not part of `npm test`: it takes far longer than CI should. Run it before changing src/core.
//
// One config per folder (core.mjs, addon.mjs, cli.mjs) because Stryker has one `thresholds.break`
// per run, not per folder: each folder holds its own measured score, and keeps its own incremental
// file and report so that measuring one folder never forgets another's results.

/**
 * @param {string} folder the report's name: reports/mutation/<folder>/
 * @param {{ mutate: string[], testFiles: string[], breakAt: number }} options
 *   mutate: the sources; testFiles: the tests that import them (the bundle and CLI tests run
 *   dist/Code.js and build/cli.js, which a mutant never reaches); breakAt: the score last reached,
 *   below which the run fails, so the score can only go up.
 * @returns {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export function mutationConfig(folder, { mutate, testFiles, breakAt }) {
  return {
    mutate,
    testFiles,
    testRunner: "vitest",
    vitest: { configFile: "vitest.mutate.config.ts" },
    coverageAnalysis: "perTest",
    // A rerun tests only mutants whose code or covering tests changed; results of files outside a
    // narrower `--mutate` are kept, so one file at a time adds up to the folder's score.
    incremental: true,
    incrementalFile: `reports/mutation/${folder}/stryker-incremental.json`,
    reporters: ["html", "json", "clear-text", "progress"],
    htmlReporter: { fileName: `reports/mutation/${folder}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${folder}/mutation.json` },
    clearTextReporter: { reportTests: false, maxTestsToLog: 0 },
    // Static mutants (module-level constants) run only when a module loads: each needs the whole
    // suite reloaded. They are left out of the score, as the README says.
    ignoreStatic: true,
    tempDirName: ".stryker-tmp",
    // The machine running it is usually shared: one test process at a time (`--concurrency 2` to
    // go faster on a machine of your own).
    concurrency: 1,
    // A busy machine makes ordinary runs slow: give a mutant room before calling it a timeout. A
    // timeout restarts the test process (vitest's start-up, seconds), so a tight margin costs more
    // than it saves: at 2 s, a run at load 10 called 32 of its first 366 mutants timeouts, at 10 s
    // none. Mutants that loop are stopped sooner anyway: Stryker counts each mutant's hits and
    // stops a run at 100 times the hits of the unmutated run.
    timeoutMS: 10_000,
    // high/low: issue 16's goals colour the report; break: the score reached (README, "Mutation testing").
    thresholds: { high: 90, low: 80, break: breakAt },
  };
}
