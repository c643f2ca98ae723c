import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // Tests that run the built CLI or bundle spawn processes: give slow shared machines room.
    testTimeout: 20_000,
  },
});
