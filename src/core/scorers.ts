/**
 * The five scorers. Each turns a metric's value into a number: a 0..100 score under `weighted`
 * (clamped) or signed points under `points`.
 *
 * A scorer is compiled once per table into one flat record (every scorer the same shape), and
 * applied by one function with a switch: the scoring loop then makes one monomorphic call per
 * cell instead of a call through a different closure for each metric, which V8 cannot inline.
 */
import { parseNumber } from "./cells";
import type { Method, Scorer } from "./types";

const STEPS = 0;
const RANGE = 1;
const MAP = 2;
const SCALE = 3;
const PER_UNIT = 4;

export interface CompiledScorer {
  kind: number;
  weighted: boolean;
  /** steps: bounds and scores, in order. */
  mins: Float64Array;
  maxs: Float64Array;
  scores: Float64Array;
  /** steps and map: the number when nothing matches. */
  otherwise: number;
  /** range: worst, best − worst, and the number at best. */
  worst: number;
  span: number;
  top: number;
  /** scale: neutral, step and the base (50 weighted, 0 points). */
  neutral: number;
  step: number;
  base: number;
  /** perUnit: points per unit, and the cap on their size. */
  points: number;
  cap: number;
  /** map: normalised text → number. */
  values: Map<string, number>;
  /**
   * map: the number each key reads as ("10%" → 0.1), for a number cell whose displayed text is not
   * known (a custom function receives values only): it matches the key it would display as.
   */
  numbers: Map<number, number>;
}

/** The text a map scorer matches: trimmed, case-insensitive; numbers as Sheets shows them ("5"). */
export const mapKey = (value: number | string): string =>
  // Stryker disable next-line MethodExpression: equivalent, keys and cells go through the same case
  typeof value === "number" ? String(value) : value.trim().toLowerCase();

/**
 * A map scorer's two lookups, as `applyScorer` reads them (and the SQL export compiles them): each
 * key as `mapKey` writes it, and the number each key reads as, the first key of each number.
 */
export function mapLookups(keys: Record<string, number>): Pick<CompiledScorer, "values" | "numbers"> {
  const values = new Map<string, number>();
  const numbers = new Map<number, number>();
  for (const [key, n] of Object.entries(keys)) {
    values.set(mapKey(key), n);
    const number = parseNumber(key);
    // Stryker disable next-line ConditionalExpression: equivalent, numbers is only looked up with numbers
    if (number !== undefined && !numbers.has(number)) numbers.set(number, n);
  }
  return { values, numbers };
}

export function compileScorer(scorer: Scorer, method: Method): CompiledScorer {
  const c: CompiledScorer = {
    kind: STEPS,
    weighted: method === "weighted",
    mins: new Float64Array(0),
    maxs: new Float64Array(0),
    scores: new Float64Array(0),
    otherwise: 0,
    worst: 0,
    span: 1,
    top: 100,
    neutral: 0,
    step: 0,
    base: 0,
    points: 0,
    cap: Number.POSITIVE_INFINITY,
    values: new Map(),
    numbers: new Map(),
  };
  switch (scorer.type) {
    case "steps":
      c.mins = Float64Array.from(scorer.steps, (s) => s.min ?? Number.NEGATIVE_INFINITY);
      c.maxs = Float64Array.from(scorer.steps, (s) => s.max ?? Number.POSITIVE_INFINITY);
      c.scores = Float64Array.from(scorer.steps, (s) => s.score);
      c.otherwise = scorer.else;
      break;
    case "range":
      c.kind = RANGE;
      c.worst = scorer.worst;
      c.span = scorer.best - scorer.worst;
      c.top = method === "points" ? scorer.points : 100;
      break;
    case "map":
      c.kind = MAP;
      Object.assign(c, mapLookups(scorer.values));
      c.otherwise = scorer.else;
      break;
    case "scale":
      c.kind = SCALE;
      c.neutral = scorer.neutral;
      c.step = scorer.step;
      c.base = method === "weighted" ? 50 : 0;
      break;
    case "perUnit":
      c.kind = PER_UNIT;
      c.points = scorer.points;
      c.cap = scorer.cap ?? Number.POSITIVE_INFINITY;
      break;
  }
  return c;
}

/**
 * A value's score (weighted, clamped to 0..100) or points. Map scorers take the cell as written
 * (text), or a number whose text is not known; the others numbers.
 */
export function applyScorer(c: CompiledScorer, value: number | string): number {
  let n: number;
  switch (c.kind) {
    case STEPS: {
      const v = value as number;
      n = c.otherwise;
      // Stryker disable next-line EqualityOperator: equivalent, one step past the end holds for no value
      for (let i = 0; i < c.scores.length; i++) {
        if (v >= (c.mins[i] as number) && v <= (c.maxs[i] as number)) {
          n = c.scores[i] as number;
          break;
        }
      }
      break;
    }
    case RANGE:
      n = Math.min(1, Math.max(0, ((value as number) - c.worst) / c.span)) * c.top;
      break;
    case MAP:
      n =
        c.values.get(mapKey(value)) ??
        // Stryker disable next-line ConditionalExpression: equivalent, c.numbers has no text keys
        (typeof value === "number" ? c.numbers.get(value) : undefined) ??
        c.otherwise;
      break;
    case SCALE:
      n = c.base + ((value as number) - c.neutral) * c.step;
      break;
    default:
      n = Math.min(c.cap, Math.max(-c.cap, (value as number) * c.points));
  }
  return c.weighted ? Math.min(100, Math.max(0, n)) : n;
}
