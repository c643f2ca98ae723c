import { mutationConfig } from "./shared.mjs";

// `npm run mutate:core`. The SQL engine tests (DuckDB, PostgreSQL, BigQuery) start a database per
// run and are left out (vitest.mutate.config.ts); test/core/sql/compile.test.ts checks the SQL text.
export default mutationConfig("core", {
  mutate: ["src/core/**/*.ts"],
  testFiles: ["test/core/**/*.test.ts"],
  // The score of the files measured so far (README, "Mutation testing"): raise it when a run scores more.
  breakAt: 81,
});
