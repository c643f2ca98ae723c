/** Numbers as the product says them to people, the same in the sheet, the sidebar and the terminal. */

/** `1 account`, `1,200 accounts`; `plural(2, "match", "matches")`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** A row's coverage (the share, 0..1, of its metric weight that had a value) as a whole percentage: `85%`. */
export function coverageText(coverage: number): string {
  return `${Math.round(coverage * 100)}%`;
}
