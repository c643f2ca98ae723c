import { defineConfig } from "vitest/config";

// The tests Stryker runs: those that import src/ and cli/ directly (stryker.config.mjs says why).
export default defineConfig({
  test: {
    include: ["test/core/**/*.test.ts", "test/cli/plan.test.ts"],
    testTimeout: 60_000,
  },
});
