/**
 * Merged cells, as data on a sheet: which merges touch a rectangle, which cells a merge hides, and
 * merging or breaking apart (Range.merge*, Range.breakApart). As in Sheets, merging keeps only the
 * top-left value, and a merge can only be merged or broken apart whole.
 */
import { contains, type GridRect, intersects } from "./a1";
import { hasContent } from "./grid";
import type { Sheet } from "./sheet";

export function mergesTouching(sheet: Sheet, rect: GridRect): GridRect[] {
  return sheet.merges.filter((m) => intersects(m, rect));
}

/** "r,c" keys of the cells inside `rect` that a merge hides (every merged cell but its top-left). */
export function mergeShadows(sheet: Sheet, rect: GridRect): Set<string> | undefined {
  if (sheet.merges.length === 0) return undefined;
  const hidden = new Set<string>();
  for (const m of mergesTouching(sheet, rect)) {
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.col; c < m.col + m.numCols; c++) {
        if ((r !== m.row || c !== m.col) && contains(rect, r, c)) hidden.add(`${r},${c}`);
      }
    }
  }
  return hidden;
}

function assertWholeMerges(sheet: Sheet, rect: GridRect): void {
  for (const m of mergesTouching(sheet, rect)) {
    const inside =
      m.row >= rect.row &&
      m.col >= rect.col &&
      m.row + m.numRows <= rect.row + rect.numRows &&
      m.col + m.numCols <= rect.col + rect.numCols;
    if (!inside)
      throw sheet.ctx.fail("You must select all cells in a merged range to merge or unmerge them.");
  }
}

/** Merges each rectangle: only its top-left value survives, as in Sheets. */
export function mergeRects(sheet: Sheet, rects: GridRect[]): void {
  for (const rect of rects) {
    if (rect.numRows * rect.numCols < 2) continue;
    assertWholeMerges(sheet, rect);
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        if (r === rect.row && c === rect.col) continue;
        const cell = sheet.grid.get(r, c);
        if (cell && hasContent(cell)) {
          cell.value = "";
          delete cell.formula;
          sheet.grid.tidy(r, c);
        }
      }
    }
    sheet.merges.push({ ...rect });
  }
}

export function breakApartRect(sheet: Sheet, rect: GridRect): void {
  assertWholeMerges(sheet, rect);
  sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
}
