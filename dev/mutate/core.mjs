import { mutationConfig } from "./shared.mjs";

// `npm run mutate:core`: src/core but the SQL export, with all of test/core but the SQL tests
// (fast-check properties capped under Stryker: dev/mutate/fastCheck.ts). The SQL export has its
// own config (sql.mjs), with the tests that run its queries.
export default mutationConfig("core", {
  mutate: ["src/core/**/*.ts", "!src/core/sql/**"],
  testFiles: ["test/core/*.test.ts", "test/core/score/*.test.ts", "test/core/calibrate/*.test.ts"],
  // The score of the last whole-folder run (README, "Mutation testing"), rounded down.
  breakAt: 98,
});
