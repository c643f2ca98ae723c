import { mutationConfig } from "./shared.mjs";

// `npm run mutate:sql`: the SQL export (src/core/sql), judged by what its queries return on DuckDB
// (in-process) beside the core's scores, and by the SQL text tests (compile.test.ts, the Snowflake
// golden files). The PostgreSQL and BigQuery tests start a server per run and are left out
// (vitest.mutate.config.ts), so those dialects' own lines are judged by the text tests alone. Its
// own config because every DuckDB test that survives a mutant costs half a minute: kept apart,
// the rest of the core is not slowed by it.
export default mutationConfig("sql", {
  mutate: ["src/core/sql/**/*.ts"],
  testFiles: ["test/core/sql/*.test.ts"],
  // The score last reached (README, "Mutation testing"), rounded down: measured before the DuckDB
  // tests joined (they catch more), so a run with them should not fall below it.
  breakAt: 71,
});
