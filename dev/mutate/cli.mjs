import { mutationConfig } from "./shared.mjs";

// `npm run mutate:cli`: cli/, measured by the CLI tests, which run the commands in-process through
// cli/main.ts's `main`. Not test/cli/bin.test.ts: it runs the built build/cli.js, which a mutant
// never reaches.
export default mutationConfig("cli", {
  // Not cli/bin.ts: the program's glue to the process, tested in its own process (bin.test.ts).
  mutate: ["cli/**/*.ts", "!cli/bin.ts"],
  testFiles: ["test/cli/!(bin).test.ts"],
  // The whole folder's score (README, "Mutation testing"), rounded down.
  breakAt: 94,
});
