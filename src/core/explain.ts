/**
 * Explanations: a row's result as one short line a CS manager can act on, e.g.
 * `Logins 30d 3 (−18); NPS 6 (−7); flag: Champion left (cap 39)`.
 */
import type { FiredFlag, RowResult } from "./score";

const MINUS = "\u2212";

/** A signed whole number with a real minus sign: −18, +4. */
export function signed(n: number): string {
  const r = Math.sign(n) * Math.round(Math.abs(n)); // halves away from zero, like scores
  if (r === 0) return "0";
  // Stryker disable next-line EqualityOperator: equivalent, 0 returned above
  return r < 0 ? `${MINUS}${-r}` : `+${r}`;
}

export function formatValue(value: number | string | null): string {
  if (value === null) return "missing";
  if (typeof value === "string") return `"${value}"`;
  return String(Math.round(value * 100) / 100);
}

export function flagEffect(f: FiredFlag): string {
  const parts: string[] = [];
  if (f.add !== undefined) parts.push(signed(f.add));
  if (f.floor !== undefined) parts.push(`floor ${f.floor}`);
  if (f.cap !== undefined) parts.push(`cap ${f.cap}`);
  return parts.join(", ");
}

/**
 * The top `topN` reasons the score is not higher (metrics that cost at least half a point),
 * then every fired flag and every unreadable cell.
 */
export function explain(result: RowResult, topN = 3): string {
  const parts: string[] = [];
  if (result.score === null) parts.push(`No data: ${result.note ?? "no metric has a value"}`);
  else if (result.note !== undefined) parts.push(result.note);
  for (const d of result.drivers) {
    if (parts.length >= topN || Math.round(d.impact) >= 0) break;
    parts.push(`${d.label} ${formatValue(d.value)} (${signed(d.impact)})`);
  }
  for (const f of result.flags) parts.push(`flag: ${f.label} (${flagEffect(f)})`);
  for (const cell of result.invalid) parts.push(`${cell.column}: ${cell.reason}`);
  return parts.join("; ");
}
