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
  // The score last reached (README, "Mutation testing"): every mutant caught or marked equivalent
  // with its reason, so a new survivor fails the run until a test catches it.
  breakAt: 100,
});
