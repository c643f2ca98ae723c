import { mutationConfig } from "./shared.mjs";

// `npm run mutate:cli`: cli/, measured by the CLI tests that import it.
export default mutationConfig("cli", {
  mutate: ["cli/**/*.ts"],
  testFiles: ["test/cli/**/*.test.ts"],
  // Not measured yet (README, "Mutation testing"): set it to the first whole run's score.
  breakAt: null,
});
