import { mutationConfig } from "./shared.mjs";

// `npm run mutate:addon`: src/addon, measured by the bundle tests run on the sources
// (HEALTHSCORE_ADDON=sources in vitest.mutate.config.ts; test/bundle/helpers.ts says how).
export default mutationConfig("addon", {
  mutate: ["src/addon/**/*.ts"],
  testFiles: ["test/bundle/**/*.test.ts"],
  // The whole folder's score (README, "Mutation testing"), rounded down.
  breakAt: 97,
});
