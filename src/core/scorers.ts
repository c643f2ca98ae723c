/**
 * The five scorers. Each turns a metric's value into a number: a 0..100 score under `weighted`
 * (clamped) or signed points under `points`. Built once per table as closures, so the per-cell
 * work is a few comparisons.
 */
import type { Method, Scorer } from "./types";

export type ScoreFn = (value: number | string) => number;

const clamp100 = (n: number) => Math.min(100, Math.max(0, n));

/** The text a map scorer matches: trimmed, case-insensitive; numbers as Sheets shows them ("5"). */
export const mapKey = (value: number | string): string =>
  typeof value === "number" ? String(value) : value.trim().toLowerCase();

export function makeScorer(scorer: Scorer, method: Method): ScoreFn {
  const raw = rawScorer(scorer, method);
  return method === "weighted" ? (v) => clamp100(raw(v)) : raw;
}

function rawScorer(scorer: Scorer, method: Method): ScoreFn {
  switch (scorer.type) {
    case "steps": {
      const steps = scorer.steps.map((s) => ({
        min: s.min ?? Number.NEGATIVE_INFINITY,
        max: s.max ?? Number.POSITIVE_INFINITY,
        score: s.score,
      }));
      const otherwise = scorer.else;
      return (v) => {
        const n = v as number;
        for (const s of steps) if (n >= s.min && n <= s.max) return s.score;
        return otherwise;
      };
    }
    case "range": {
      const { worst, best } = scorer;
      const top = method === "points" ? scorer.points : 100;
      const span = best - worst;
      return (v) => {
        const t = ((v as number) - worst) / span;
        return Math.min(1, Math.max(0, t)) * top;
      };
    }
    case "map": {
      const values = new Map<string, number>();
      for (const [key, n] of Object.entries(scorer.values)) values.set(mapKey(key), n);
      const otherwise = scorer.else;
      return (v) => values.get(mapKey(v)) ?? otherwise;
    }
    case "scale": {
      const { neutral, step } = scorer;
      const base = method === "weighted" ? 50 : 0;
      return (v) => base + ((v as number) - neutral) * step;
    }
    case "perUnit": {
      const { points, cap } = scorer;
      if (cap === undefined) return (v) => (v as number) * points;
      return (v) => {
        const p = (v as number) * points;
        return Math.min(cap, Math.max(-cap, p));
      };
    }
  }
}
