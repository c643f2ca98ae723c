/**
 * JSON as the rubric's editors hold it before validation (the sidebar's draft, a rubric sheet
 * being read): plain objects, compared by content.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Stable JSON: object keys sorted and undefined fields left out, so two values that say the same
 * thing give the same text (drafts compare equal; a rubric's fingerprint does not depend on the
 * order its fields were written in).
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as JsonObject).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
