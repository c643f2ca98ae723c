/**
 * A1 notation: "B2", "B2:D10", "$A$1", "A:C" (whole columns), "2:5" (whole rows), "A2:C"
 * (from row 2 down), each optionally prefixed by a sheet name ("Sheet1!A1", "'My sheet'!A:B").
 * Letters may be lower case and the corners may be given in any order, as Sheets accepts.
 */

/** A rectangle on a sheet, 1-based, as Apps Script's getRange(row, column, numRows, numColumns). */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** An A1 reference before it meets a sheet: unbounded sides are undefined. */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CORNER = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Splits "Sheet!A1" into the sheet name (unquoted) and the cell part. */
export function splitSheetName(a1: string): { sheetName?: string; cells: string } {
  const text = a1.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      const ch = text.charAt(i);
      if (ch === "'" && text.charAt(i + 1) === "'") {
        name += "'";
        i += 2;
      } else if (ch === "'") break;
      else {
        name += ch;
        i++;
      }
    }
    const rest = text.slice(i + 1);
    if (rest === "") return { sheetName: name, cells: "" };
    if (rest.startsWith("!")) return { sheetName: name, cells: rest.slice(1) };
    return { cells: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang === -1) return { cells: text };
  return { sheetName: text.slice(0, bang), cells: text.slice(bang + 1) };
}

/** Parses A1 notation; undefined when it is not A1 notation. */
export function parseA1(a1: string): A1Ref | undefined {
  const { sheetName, cells } = splitSheetName(a1);
  const parts = cells.split(":");
  if (parts.length > 2 || cells === "") return undefined;
  const corners = parts.map((p) => CORNER.exec(p.trim()));
  if (corners.some((c) => !c || (c[1] === undefined && c[2] === undefined))) return undefined;
  const [a, b] = corners as RegExpExecArray[];
  if (!a) return undefined;
  const colA = a[1] !== undefined ? columnNumber(a[1]) : undefined;
  const rowA = a[2] !== undefined ? Number(a[2]) : undefined;
  if (rowA === 0) return undefined;
  const base = sheetName !== undefined ? { sheetName } : {};
  if (!b) {
    if (colA === undefined || rowA === undefined) return undefined; // "A" or "3" alone is not a range
    return { ...base, startRow: rowA, startCol: colA, endRow: rowA, endCol: colA };
  }
  const colB = b[1] !== undefined ? columnNumber(b[1]) : undefined;
  const rowB = b[2] !== undefined ? Number(b[2]) : undefined;
  if (rowB === 0) return undefined;
  const rowsOnly = colA === undefined && colB === undefined;
  const colsOnly = rowA === undefined && rowB === undefined;
  if (rowsOnly)
    return { ...base, startRow: Math.min(rowA ?? 0, rowB ?? 0), endRow: Math.max(rowA ?? 0, rowB ?? 0) };
  if (colsOnly)
    return { ...base, startCol: Math.min(colA ?? 0, colB ?? 0), endCol: Math.max(colA ?? 0, colB ?? 0) };
  if (colA === undefined || colB === undefined) return undefined;
  if (rowA === undefined) return undefined; // "A:B5" is not accepted
  if (rowB === undefined)
    return { ...base, startRow: rowA, startCol: Math.min(colA, colB), endCol: Math.max(colA, colB) };
  return {
    ...base,
    startRow: Math.min(rowA, rowB),
    endRow: Math.max(rowA, rowB),
    startCol: Math.min(colA, colB),
    endCol: Math.max(colA, colB),
  };
}

/** Bounds an A1 reference by the sheet's grid; undefined when any part lies outside it. */
export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): GridRect | undefined {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxCols;
  if (endRow > maxRows || endCol > maxCols) return undefined;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

/** "B2" for one cell, "B2:D10" otherwise (always cell-based, also for whole columns). */
export function rectToA1(rect: GridRect): string {
  const start = `${columnLetters(rect.col)}${rect.row}`;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${columnLetters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

/** A sheet name as it must appear before "!": quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !parseA1(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function contains(rect: GridRect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.numRows && col >= rect.col && col < rect.col + rect.numCols;
}

export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

/**
 * Moves a rectangle after rows (dimension "rows") or columns were inserted (count > 0) or
 * deleted (count < 0) at 1-based position `at`, as Sheets moves named ranges, conditional
 * format ranges and merges. Returns undefined when a deletion removes the whole rectangle.
 */
export function shiftRect(
  rect: GridRect,
  dimension: "rows" | "cols",
  at: number,
  count: number,
): GridRect | undefined {
  const start = dimension === "rows" ? rect.row : rect.col;
  const size = dimension === "rows" ? rect.numRows : rect.numCols;
  let newStart = start;
  let newSize = size;
  if (count > 0) {
    if (at <= start) newStart = start + count;
    else if (at < start + size) newSize = size + count;
  } else {
    const delStart = at;
    const delEnd = at - count - 1; // inclusive
    const end = start + size - 1;
    const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, delStart) + 1);
    newSize = size - overlap;
    if (newSize <= 0) return undefined;
    const removedBefore = Math.max(0, Math.min(delEnd, start - 1) - delStart + 1);
    newStart = start - removedBefore;
  }
  return dimension === "rows"
    ? { ...rect, row: newStart, numRows: newSize }
    : { ...rect, col: newStart, numCols: newSize };
}
