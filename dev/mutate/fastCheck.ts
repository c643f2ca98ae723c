// fast-check as the tests see it under Stryker only (vitest.mutate.config.ts aliases "fast-check"
// here): every property runs at most MUTATION_RUNS times, whatever its own `numRuns`. Properties
// are most of the covering tests' time, and a mutant is run against them thousands of times; a
// mutant that breaks a property is almost always caught within the first few generated cases
// (README, "Mutation testing", measured both ways). `npm test` keeps the full counts.
import fc from "../../node_modules/fast-check/lib/fast-check.js";

const MUTATION_RUNS = Number(process.env.HEALTHSCORE_MUTATION_RUNS ?? 20);

const capped = <P extends { numRuns?: number } | undefined>(params: P): P =>
  ({ ...params, numRuns: Math.min(params?.numRuns ?? 100, MUTATION_RUNS) }) as P;

const assert: typeof fc.assert = (property, params) => fc.assert(property, capped(params));
const check: typeof fc.check = (property, params) => fc.check(property, capped(params));

export default { ...fc, assert, check };
