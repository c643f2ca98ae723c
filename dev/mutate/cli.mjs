import { mutationConfig } from "./shared.mjs";

// `npm run mutate:cli`: cli/, measured by the CLI tests, which run the commands in-process through
// cli/main.ts's `main`. Not test/cli/bin.test.ts: it runs the built build/cli.js, which a mutant
// never reaches.
export default mutationConfig("cli", {
  mutate: ["cli/**/*.ts"],
  testFiles: ["test/cli/!(bin).test.ts"],
  // Not measured yet (README, "Mutation testing"): set it to the first whole run's score.
  breakAt: null,
});
