/**
 * The cells of one sheet: a sparse grid of rows, 1-based like Apps Script. Pure data, no
 * Apps Script API; Sheet and Range are the API over it.
 */
import type { DataValidation } from "./validation";
import type { Scalar } from "./values";

/** Formats a cell can carry. Absent means the sheet's default. */
export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  wrapStrategy?: "WRAP" | "OVERFLOW" | "CLIP";
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** setBorder is recorded, not drawn. */
  border?: boolean;
}

export interface Cell {
  /** '' when the cell is empty. Dates are serial numbers in a date-formatted cell. */
  value: Scalar;
  formula?: string;
  format?: CellFormat;
  note?: string;
  validation?: DataValidation;
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

export class Grid {
  maxRows: number;
  maxCols: number;
  /** rows[r - 1][c - 1]; missing entries are empty cells. */
  #rows: (Cell | undefined)[][] = [];

  constructor(maxRows: number, maxCols: number) {
    this.maxRows = maxRows;
    this.maxCols = maxCols;
  }

  get(row: number, col: number): Cell | undefined {
    return this.#rows[row - 1]?.[col - 1];
  }

  /** The cell at (row, col), created empty if needed. */
  ensure(row: number, col: number): Cell {
    let cells = this.#rows[row - 1];
    if (!cells) {
      cells = [];
      this.#rows[row - 1] = cells;
    }
    let cell = cells[col - 1];
    if (!cell) {
      cell = { value: "" };
      cells[col - 1] = cell;
    }
    return cell;
  }

  /** Drops a cell that holds nothing, to keep the grid sparse. */
  tidy(row: number, col: number): void {
    const cells = this.#rows[row - 1];
    const cell = cells?.[col - 1];
    if (
      cells &&
      cell &&
      !hasContent(cell) &&
      cell.note === undefined &&
      cell.validation === undefined &&
      (cell.format === undefined || Object.keys(cell.format).length === 0)
    ) {
      cells[col - 1] = undefined;
    }
  }

  /** The last row with a value or formula; 0 when the sheet is empty. */
  lastRow(): number {
    for (let r = this.#rows.length; r >= 1; r--) {
      const cells = this.#rows[r - 1];
      if (cells?.some((cell) => hasContent(cell))) return r;
    }
    return 0;
  }

  /** The last column with a value or formula; 0 when the sheet is empty. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.#rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (hasContent(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(before: number, count: number): void {
    if (before - 1 < this.#rows.length)
      this.#rows.splice(before - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }

  deleteRows(from: number, count: number): void {
    this.#rows.splice(from - 1, count);
    this.maxRows -= count;
  }

  insertColumns(before: number, count: number): void {
    for (const cells of this.#rows) {
      if (cells && before - 1 < cells.length) cells.splice(before - 1, 0, ...new Array<undefined>(count));
    }
    this.maxCols += count;
  }

  deleteColumns(from: number, count: number): void {
    for (const cells of this.#rows) cells?.splice(from - 1, count);
    this.maxCols -= count;
  }

  /** The existing cells inside a rectangle (clearing needs no empty cells created). */
  *cellsIn(rect: {
    row: number;
    col: number;
    numRows: number;
    numCols: number;
  }): Generator<[number, number, Cell]> {
    const lastRow = Math.min(rect.row + rect.numRows - 1, this.#rows.length);
    for (let r = rect.row; r <= lastRow; r++) {
      const cells = this.#rows[r - 1];
      if (!cells) continue;
      const lastCol = Math.min(rect.col + rect.numCols - 1, cells.length);
      for (let c = rect.col; c <= lastCol; c++) {
        const cell = cells[c - 1];
        if (cell) yield [r, c, cell];
      }
    }
  }

  /** Every existing cell, with its position (for sheet-wide clears). */
  *cells(): Generator<[number, number, Cell]> {
    for (let r = 0; r < this.#rows.length; r++) {
      const cells = this.#rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell) yield [r + 1, c + 1, cell];
      }
    }
  }
}
