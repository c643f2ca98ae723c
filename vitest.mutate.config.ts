import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests Stryker may run (each dev/mutate/<folder>.mjs narrows them with `testFiles`): those that
// import src/ and cli/. The bundle tests run here on the sources (HEALTHSCORE_ADDON=sources, see
// test/bundle/helpers.ts), since a mutant never reaches the built dist/Code.js. Left out: the
// Chromium tests, and the PostgreSQL and BigQuery engine tests, which start a server for every
// mutant. DuckDB runs in-process, so its parity tests judge the SQL export's mutants by what the
// query returns (the Snowflake golden files only pin the text of one dialect).
export default defineConfig({
  // Fewer generated cases per property under Stryker (dev/mutate/fastCheck.ts says why).
  resolve: {
    alias: [
      {
        find: /^fast-check$/,
        replacement: fileURLToPath(new URL("dev/mutate/fastCheck.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["test/core/**/*.test.ts", "test/bundle/**/*.test.ts", "test/cli/**/*.test.ts"],
    exclude: ["test/core/sql/{postgres,bigquery}.test.ts", "**/node_modules/**"],
    env: { HEALTHSCORE_ADDON: "sources" },
    // One module graph for all test files: a mutant is switched on at run time, not by reloading,
    // and not re-importing the sources for every file makes each mutant's run far cheaper.
    isolate: false,
    testTimeout: 60_000,
  },
});
