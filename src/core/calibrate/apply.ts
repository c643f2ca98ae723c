/**
 * Adopting a calibration's suggestions: its weights and its band thresholds written into a rubric
 * as written (JSON, e.g. the sidebar's draft), which the person then reviews, saves or discards.
 */
import { isObject, type JsonObject } from "../json";

/** What the suggestions a calibration makes, as far as adopting them goes. */
export interface Suggestion {
  suggested: {
    /** Shares in % by metric id. */
    weights: Record<string, number>;
    /** Points rubrics: the weights on the rubric's own scale. */
    rubric_weights?: Record<string, number>;
  };
}

export interface AppliedWeights {
  /** Metric weights that changed. */
  metrics: number;
  /** Group weights that changed (weighted rubrics with groups). */
  groups: number;
  /** Labels of the rubric's metrics that the suggestion does not cover: their weight stays. */
  kept: string[];
}

const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
/** One decimal, and no float dust (43.099999 → 43.1). */
const tenth = (x: number) => Math.round(x * 10) / 10;
const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Sets the rubric's top-level metric weights to the suggested ones, by metric id. Weighted: the
 * suggested % shares become the weights; with groups, each group's weight becomes the sum of its
 * metrics' suggested shares, so every metric counts for exactly its suggested share of the score
 * (what the calibration's note advises). Points: the weights on the rubric's own scale.
 */
export function applySuggestedWeights(rubric: JsonObject, c: Suggestion): AppliedWeights {
  const points = rubric.method === "points";
  const suggestion = (points ? c.suggested.rubric_weights : undefined) ?? c.suggested.weights;
  const done: AppliedWeights = { metrics: 0, groups: 0, kept: [] };
  const groupSums = new Map<string, number>();
  for (const m of list(rubric.metrics)) {
    // Stryker disable next-line ConditionalExpression: a missing or non-text id matches no suggestion either way
    const id = typeof m.id === "string" ? m.id : "";
    const weight = has(suggestion, id) ? suggestion[id] : undefined;
    if (weight === undefined) {
      done.kept.push(String(m.label || m.column || id || "a metric"));
      continue;
    }
    if ((m.weight ?? 1) !== weight) done.metrics++;
    m.weight = weight;
    // Stryker disable next-line ConditionalExpression: a metric with no group would sum under "undefined", which no group is called
    if (typeof m.group === "string") groupSums.set(m.group, (groupSums.get(m.group) ?? 0) + weight);
  }
  if (!points && isObject(rubric.groups)) {
    const groups: JsonObject = { ...rubric.groups };
    for (const [name, sum] of groupSums) {
      if (!has(groups, name)) continue;
      if (groups[name] !== tenth(sum)) done.groups++;
      groups[name] = tenth(sum);
    }
    rubric.groups = groups;
  }
  return done;
}

/** Sets the `from` of each band after the first to the suggested thresholds; returns the bands changed. */
export function applySuggestedThresholds(rubric: JsonObject, cuts: readonly number[]): number {
  let changed = 0;
  list(rubric.bands)
    .slice(1)
    .forEach((band, i) => {
      const cut = cuts[i];
      if (cut === undefined) return;
      if (band.from !== cut) changed++;
      band.from = cut;
    });
  return changed;
}

/** Whether suggested thresholds fit a rubric: one per band after the first. */
export function thresholdsFit(rubric: JsonObject, cuts: readonly number[]): boolean {
  return list(rubric.bands).length === cuts.length + 1;
}
