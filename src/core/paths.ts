/**
 * Paths into a rubric's JSON, as every problem names its place: `metrics[2].score.steps[0].min`.
 * The validator writes them, the rubric sheet maps them to cells, the sidebar to fields.
 */

export type PathKey = string | number;

/** A path with one more key: `join("metrics", 2)` is `metrics[2]`, `join("", "name")` is `name`. */
export function joinPath(path: string, key: PathKey): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** The path text of a list of keys: `["metrics", 2, "score"]` is `metrics[2].score`. */
export function pathText(keys: readonly PathKey[]): string {
  return keys.reduce<string>(joinPath, "");
}

/** Whether `path` is `prefix` or inside it (`metrics[2].score` is inside `metrics[2]`, not `metrics[20]`). */
export function isUnder(path: string, prefix: string): boolean {
  return prefix === "" || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
