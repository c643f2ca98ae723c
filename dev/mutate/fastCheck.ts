// fast-check as the tests see it under Stryker only (vitest.mutate.config.ts aliases "fast-check"
// here): every property runs at most MUTATION_RUNS cases, whatever its own `numRuns`
// (HEALTHSCORE_MUTATION_RUNS changes it). Properties take about a third of test/core's time, and
// a mutant's covering tests run once per mutant, thousands of times over; a mutant that breaks a
// property usually fails it within a few cases, and the example tests beside each property still
// run in full. `npm test` keeps the full counts. A test that counts what its property generated
// (a check on the generators) must count over fc.sample instead, as test/core/plan.test.ts does:
// under the cap it would see too few cases, and Stryker's first run would fail.
import fc from "../../node_modules/fast-check/lib/fast-check.js";

const MUTATION_RUNS = Number(process.env.HEALTHSCORE_MUTATION_RUNS ?? 20);

const capped = (params?: fc.Parameters<unknown>) => ({
  ...params,
  numRuns: Math.min(params?.numRuns ?? 100, MUTATION_RUNS),
});

// fc.assert and fc.check are overloaded (sync and async properties): one body serves them all.
const assert = ((property: fc.IRawProperty<unknown>, params?: fc.Parameters<unknown>) =>
  fc.assert(property, capped(params))) as typeof fc.assert;
const check = ((property: fc.IRawProperty<unknown>, params?: fc.Parameters<unknown>) =>
  fc.check(property, capped(params))) as typeof fc.check;

export default { ...fc, assert, check };
