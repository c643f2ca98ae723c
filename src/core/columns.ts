/**
 * The column map: which header each metric, flag and segment reads, resolved once per table.
 * Headers match trimmed and case-insensitively, as docs/rubric.md says.
 */
import { textOf } from "./cells";
import type { CellValue, Rubric } from "./types";

/** Column letter(s) for a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const headerKey = (header: CellValue): string => textOf(header).toLowerCase();

export class ColumnError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ColumnError";
  }
}

/**
 * The name among `candidates` closest to `name` when one is close enough to be a typo or a
 * spelling ("Seat utilization" → "Seat utilisation", "wieght" → "weight"): the fewest edits
 * (insert, delete, change or swap two neighbouring letters), case and spaces aside, and at most
 * one edit per four letters. Undefined when none is that close; the first wins a tie.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const a = name.trim().toLowerCase();
  const allowed = Math.max(1, Math.floor(a.length / 4));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const d = editDistance(a, candidate.trim().toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance between a and b, or `limit` once it reaches it. */
function editDistance(a: string, b: string, limit: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut only, the distance is at least the length difference
  if (Math.abs(a.length - b.length) >= limit) return limit;
  // Stryker disable next-line ArrayDeclaration: read from the second row on only, once it holds the first
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      // Two neighbouring letters swapped (in the first row or column, a[-1] or b[-1] is undefined).
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut only, no later row is below this row's least
    if (rowMin >= limit) return limit;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, limit);
}

/**
 * `"Seat utilization" is not a column of the data: did you mean "Seat utilisation"?`; `table`
 * names whose header row it is (`source "logins"`).
 */
export function absentColumnMessage(column: string, headers: readonly string[], table = "the data"): string {
  const near = closestName(column, headers);
  return near === undefined
    ? `"${column}" is not a column of ${table}: pick one of its columns, or add this one to the header row`
    : `"${column}" is not a column of ${table}: did you mean "${near}"?`;
}

/** Every column a rubric reads, with who reads it, in rubric order. */
export function columnsRead(rubric: Rubric): { column: string; reader: string }[] {
  const out: { column: string; reader: string }[] = [];
  // A metric or flag computed `from` a source reads no data column; the account key stands for it.
  let fromSources = false;
  const add = (r: Omit<Rubric, "segments">, prefix: string) => {
    for (const m of r.metrics) {
      if (m.column !== undefined) out.push({ column: m.column, reader: `${prefix}metric "${m.label}"` });
      else fromSources = true;
    }
    for (const f of r.flags) {
      if (f.column !== undefined) out.push({ column: f.column, reader: `${prefix}flag "${f.label}"` });
      else fromSources = true;
    }
  };
  add(rubric, "");
  if (rubric.segments) {
    out.push({ column: rubric.segments.column, reader: "segments" });
    for (const [name, sub] of Object.entries(rubric.segments.rubrics)) add(sub, `segment "${name}" `);
  }
  // Stryker disable next-line ConditionalExpression: parseRubric requires a key when a metric or flag has a from
  if (fromSources && rubric.key !== undefined) out.push({ column: rubric.key, reader: "the rubric's key" });
  return out;
}

/** The columns of a source that the rubric reads: its key and date, and what its `from`s read. */
export function sourceColumnsRead(rubric: Rubric, source: string): string[] {
  const declared = rubric.sources?.[source];
  const out = declared ? [declared.key, ...(declared.date === undefined ? [] : [declared.date])] : [];
  for (const r of [rubric, ...Object.values(rubric.segments?.rubrics ?? {})]) {
    for (const { from } of [...r.metrics, ...r.flags]) {
      if (from?.source !== source) continue;
      if (from.column !== undefined) out.push(from.column);
      for (const c of from.where ?? []) out.push(c.column);
    }
  }
  return [...new Set(out)];
}

/**
 * The columns (indexes into `headers`) that the rubric only ever matches as written: read by map
 * metrics of number or text input, text flags (`when: "text"`, `contains`) or the segment column,
 * and by nothing that needs the cell's value. In the spreadsheet their cells are handed to the
 * core as the text Sheets displays (a cell showing `10%` is "10%", not 0.1): RUBRIC.md, map.
 */
export function displayedColumns(rubric: Rubric, headers: readonly CellValue[]): number[] {
  const asWritten = new Map<string, boolean>();
  const mark = (column: string | undefined, written: boolean) => {
    if (column === undefined) return; // computed from a source: no data column
    // Stryker disable next-line MethodExpression: parseRubric keeps a rubric's text trimmed
    const key = column.trim().toLowerCase();
    asWritten.set(key, (asWritten.get(key) ?? true) && written);
  };
  const add = (r: Omit<Rubric, "segments">) => {
    for (const m of r.metrics)
      mark(m.column, m.score.type === "map" && (m.input === "number" || m.input === "text"));
    for (const f of r.flags) mark(f.column, typeof f.when === "string" || f.contains !== undefined);
  };
  add(rubric);
  if (rubric.segments) {
    mark(rubric.segments.column, true);
    for (const sub of Object.values(rubric.segments.rubrics)) add(sub);
  }
  return headers.flatMap((h, i) => (asWritten.get(headerKey(h)) === true ? [i] : []));
}

/**
 * Maps every column the rubric reads to its index in `headers`. Throws one ColumnError naming
 * every column that is absent or ambiguous, so the user fixes them all at once.
 */
export function mapColumns(rubric: Rubric, headers: readonly CellValue[]): Map<string, number> {
  const positions = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    // Stryker disable next-line ConditionalExpression: no rubric column is empty (parseRubric), so an empty header matches nothing either way
    if (key) positions.set(key, [...(positions.get(key) ?? []), i]);
  });
  const map = new Map<string, number>();
  const absent: string[] = [];
  const ambiguous: string[] = [];
  const seen = new Set<string>();
  for (const { column, reader } of columnsRead(rubric)) {
    // Stryker disable next-line MethodExpression: parseRubric keeps a rubric's text trimmed
    const key = column.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const at = positions.get(key);
    if (!at) {
      const near = closestName(column, headers.map(textOf));
      absent.push(`"${column}" (read by ${reader}${near === undefined ? "" : `; did you mean "${near}"?`})`);
    } else if (at.length > 1) {
      ambiguous.push(`"${column}" is in columns ${at.map(columnLetter).join(" and ")}`);
    } else {
      map.set(key, at[0] as number);
    }
  }
  if (absent.length > 0 || ambiguous.length > 0) {
    const parts: string[] = [];
    if (absent.length > 0) {
      const one = absent.length === 1;
      parts.push(
        `The data has no ${one ? "column" : "columns"} ${absent.join(", ")}: add ${one ? "it" : "them"} to the header row, or change the rubric.`,
      );
    }
    if (ambiguous.length > 0) {
      parts.push(`The header row names a column twice: ${ambiguous.join("; ")}. Rename one of them.`);
    }
    throw new ColumnError(parts.join(" "));
  }
  return map;
}

/** Index of a rubric column in a map built by mapColumns. */
export function columnIndex(map: Map<string, number>, column: string): number {
  // Stryker disable next-line MethodExpression: parseRubric keeps a rubric's text trimmed
  const i = map.get(column.trim().toLowerCase());
  // Stryker disable next-line all: callers ask only for columns mapColumns has mapped; a guard against a future caller
  if (i === undefined) throw new ColumnError(`The data has no column "${column}".`);
  return i;
}

/** How far down a sheet or file the header row is looked for, below any title rows. */
export const HEADER_SEARCH_ROWS = 5;

/**
 * The header row of a table that may have title rows above it (a report name, an export date):
 * the index of the first of the top five rows that names a column the rubric reads, else -1
 * (callers then take the first row, whose missing columns mapColumns names).
 */
export function findHeaderRow(
  rows: readonly (readonly CellValue[])[],
  rubric: Rubric,
  source?: string,
): number {
  const columns =
    source === undefined ? columnsRead(rubric).map((c) => c.column) : sourceColumnsRead(rubric, source);
  // Stryker disable next-line MethodExpression: parseRubric keeps a rubric's text trimmed
  const read = new Set(columns.map((c) => c.trim().toLowerCase()));
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((h) => read.has(headerKey(h))));
}

/**
 * The header row of a sheet no rubric reads yet (so no column name to look for): the first of the
 * top five rows whose non-empty cells are all text, at least two of them, else -1. A title row has
 * one cell, a data row a number or a date, so neither passes.
 */
export function findTextHeaderRow(rows: readonly (readonly CellValue[])[]): number {
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const filled = row.filter((c) => c !== null && c !== undefined && String(c).trim() !== "");
    return filled.length >= 2 && filled.every((c) => typeof c === "string");
  });
}
