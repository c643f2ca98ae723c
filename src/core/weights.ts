/**
 * How much of the score each metric and each group carries: the rule the sidebar shows beside every
 * weight ("= 25% of the score") and calibration compares with the weights it suggests. It reads a
 * rubric as written (a draft may hold a weight being typed): a weight that is not a number above 0
 * counts as 0, an absent one as 1, the default.
 */
import { isObject } from "./json";

/** The parts of a rubric that decide the shares; a validated Rubric or its JSON while being edited. */
export interface WeightedParts {
  method?: unknown;
  metrics?: unknown;
  groups?: unknown;
}

// Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a weight of 0 counts 0 either way, and Number.isFinite is false for what is not a number
const weightOf = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0);
const items = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.map((m) => (isObject(m) ? m : {})) : [];
// Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a metric without a group is in none of the groups whatever its key
const groupOf = (m: Record<string, unknown>): string => (typeof m.group === "string" ? m.group : "");

/** The weighted method's groups, when it has them (groups apply to weighted only). */
function groupsOf(rubric: WeightedParts): Record<string, unknown> | undefined {
  return rubric.method !== "points" && isObject(rubric.groups) ? rubric.groups : undefined;
}

/**
 * Each metric's share of the score (0..1), in rubric order: its weight over the total weight; with
 * groups, its share of its group times its group's share among the groups that have metrics.
 */
export function metricShares(rubric: WeightedParts): number[] {
  const metrics = items(rubric.metrics);
  const weight = (m: Record<string, unknown>) => (m.weight === undefined ? 1 : weightOf(m.weight));
  const groups = groupsOf(rubric);
  if (!groups) {
    const total = metrics.reduce((s, m) => s + weight(m), 0);
    return metrics.map((m) => (total > 0 ? weight(m) / total : 0));
  }
  const inGroup = new Map<string, number>();
  for (const m of metrics) inGroup.set(groupOf(m), (inGroup.get(groupOf(m)) ?? 0) + weight(m));
  const groupTotal = Object.entries(groups).reduce(
    (s, [g, w]) => ((inGroup.get(g) ?? 0) > 0 ? s + weightOf(w) : s),
    0,
  );
  return metrics.map((m) => {
    const g = groupOf(m);
    const total = inGroup.get(g) ?? 0;
    if (!Object.prototype.hasOwnProperty.call(groups, g) || total === 0 || groupTotal === 0) return 0;
    return (weightOf(groups[g]) / groupTotal) * (weight(m) / total);
  });
}

/** Each group's share of the score (0..1) among the groups that have metrics; 0 for a group with none. */
export function groupShares(rubric: WeightedParts): Map<string, number> {
  const groups = isObject(rubric.groups) ? rubric.groups : {};
  const used = new Set(items(rubric.metrics).map(groupOf));
  const total = Object.entries(groups).reduce((s, [g, w]) => (used.has(g) ? s + weightOf(w) : s), 0);
  return new Map(
    Object.entries(groups).map(([g, w]) => [g, total > 0 && used.has(g) ? weightOf(w) / total : 0]),
  );
}
