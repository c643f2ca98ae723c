/** Numbers as the product says them to people, the same in the sheet, the sidebar and the terminal. */

/** `1 account`, `1,200 accounts`; `plural(2, "match", "matches")`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/** A number with thousands separators, 9,990 (no Intl: the same in Node, browsers and Apps Script). */
export function thousands(n: number): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, a guard that says why: String(n) of these ("1e+21", "Infinity") has no run of four digits to group
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  // Stryker disable next-line StringLiteral: equivalent, split always gives a first element
  const [whole = "", fraction] = String(n).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A row's coverage (the share, 0..1, of its metric weight that had a value) as a whole percentage: `85%`. */
export function coverageText(coverage: number): string {
  return `${Math.round(coverage * 100)}%`;
}

/** How long something took: `340 ms` under a second, `2.4 s` from there (a tenth of a second is noise). */
export function elapsed(ms: number): string {
  if (ms < 999.5) return `${Math.max(0, Math.round(ms))} ms`;
  return `${thousands(Math.round(ms / 100) / 10)} s`;
}
