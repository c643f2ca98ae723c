/**
 * Range: a rectangle of one sheet. Reads build fresh 2-D arrays of the script's realm; writes
 * go through toStored (values.ts), which reads strings as Sheets reads typed input.
 *
 * Merged cells: merge() keeps the top-left value and empties the others; values written to the
 * other cells of a merge are dropped, so they always read as '' (Sheets shows only the top-left).
 */
import { columnLetters, type GridRect, rectToA1 } from "./a1";
import { instrument } from "./calls";
import { Color, normalizeColor } from "./colors";
import { EnumValue, WrapStrategy } from "./enums";
import type { Cell, CellFormat } from "./grid";
import { hasContent } from "./grid";
import { breakApartRect, mergeRects, mergeShadows, mergesTouching } from "./merges";
import { addProtection, type Protection } from "./protection";
import { isPlainObject } from "./realm";
import type { Sheet } from "./sheet";
import { type EmulatorState, ServiceObject } from "./state";
import { DataValidation, DataValidationBuilder } from "./validation";
import {
  AUTOMATIC_FORMAT,
  displayValue,
  evaluateLiteralFormula,
  MAX_CELL_CHARS,
  readValue,
  type Scalar,
  toStored,
  type Written,
} from "./values";

/** Formats with a simple default, read and written the same way. */
type SimpleFormat = Exclude<keyof CellFormat, "border" | "wrapStrategy">;

const FORMAT_DEFAULTS: Record<SimpleFormat, string | number> = {
  numberFormat: AUTOMATIC_FORMAT,
  background: "#ffffff",
  fontColor: "#000000",
  fontWeight: "normal",
  fontStyle: "normal",
  fontSize: 10,
  fontFamily: "Arial",
  fontLine: "none",
  horizontalAlignment: "general",
  verticalAlignment: "bottom",
};

/** A short description of an argument's type, as Apps Script prints it in signature errors. */
export function describeArgument(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) {
    const first = value.find((v) => v !== null && v !== undefined);
    return `${first === undefined ? "Object" : describeArgument(first)}[]`;
  }
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "Boolean";
  if (Object.prototype.toString.call(value) === "[object Date]") return "Date";
  return typeof value === "object" ? String((value as object).constructor?.name ?? "Object") : typeof value;
}

/**
 * The Range at (row, col, numRows, numCols) of `sheet`, checked the way Sheet.getRange checks
 * its arguments (same messages as Apps Script).
 */
export function gridRange(
  ctx: EmulatorState,
  sheet: Sheet,
  method: string,
  row: unknown,
  col: unknown,
  numRows: unknown = 1,
  numCols: unknown = 1,
): Range {
  const args = [row, col, numRows, numCols];
  if (args.some((a) => typeof a !== "number" || Number.isNaN(a))) {
    throw ctx.fail(
      `The parameters (${args.map(describeArgument).join(",")}) don't match the method signature for SpreadsheetApp.${method}.`,
    );
  }
  // Apps Script takes integers; fractions are truncated like a Java int conversion.
  const [r, c, nr, nc] = (args as number[]).map(Math.trunc) as [number, number, number, number];
  if (r < 1) throw ctx.fail("The starting row of the range is too small.");
  if (c < 1) throw ctx.fail("The starting column of the range is too small.");
  if (nr < 1) throw ctx.fail("The number of rows in the range must be at least 1.");
  if (nc < 1) throw ctx.fail("The number of columns in the range must be at least 1.");
  if (r + nr - 1 > sheet.grid.maxRows || c + nc - 1 > sheet.grid.maxCols) {
    throw ctx.fail("The coordinates of the range are outside the dimensions of the sheet.");
  }
  return new Range(ctx, sheet, { row: r, col: c, numRows: nr, numCols: nc });
}

export class Range extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly sheet: Sheet,
    readonly rect: Readonly<GridRect>,
  ) {
    super(ctx);
  }

  // --- where the range is --------------------------------------------------------------------

  getA1Notation(): string {
    return rectToA1(this.rect);
  }

  getRow(): number {
    return this.rect.row;
  }

  getRowIndex(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.col;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.col + this.rect.numCols - 1;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numCols;
  }

  getHeight(): number {
    return this.rect.numRows;
  }

  getWidth(): number {
    return this.rect.numCols;
  }

  getSheet(): Sheet {
    return this.sheet;
  }

  getGridId(): number {
    return this.sheet.sheetId;
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) {
      throw this.ctx.fail("Cell reference out of range");
    }
    return new Range(this.ctx, this.sheet, {
      row: this.rect.row + row - 1,
      col: this.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return gridRange(
      this.ctx,
      this.sheet,
      "Range.offset",
      this.rect.row + rowOffset,
      this.rect.col + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numCols,
    );
  }

  activate(): Range {
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.activeRect = { ...this.rect };
    return this;
  }

  activateAsCurrentCell(): Range {
    return this.activate();
  }

  canEdit(): boolean {
    return true;
  }

  isBlank(): boolean {
    let blank = true;
    this.#each((r, c) => {
      if (hasContent(this.sheet.grid.get(r, c))) blank = false;
    });
    return blank;
  }

  // --- values and formulas -------------------------------------------------------------------

  getValues(): unknown[][] {
    const tz = this.sheet.spreadsheet.timeZone;
    const DateCtor = this.ctx.realm.Date;
    return this.#read((cell) => (cell ? readValue(cell.value, cell.format?.numberFormat, tz, DateCtor) : ""));
  }

  getValue(): unknown {
    const cell = this.sheet.grid.get(this.rect.row, this.rect.col);
    return cell
      ? readValue(cell.value, cell.format?.numberFormat, this.sheet.spreadsheet.timeZone, this.ctx.realm.Date)
      : "";
  }

  getDisplayValues(): string[][] {
    return this.#read((cell) => (cell ? displayValue(cell.value, cell.format?.numberFormat) : ""));
  }

  getDisplayValue(): string {
    const cell = this.sheet.grid.get(this.rect.row, this.rect.col);
    return cell ? displayValue(cell.value, cell.format?.numberFormat) : "";
  }

  getFormulas(): string[][] {
    return this.#read((cell) => cell?.formula ?? "");
  }

  getFormula(): string {
    return this.sheet.grid.get(this.rect.row, this.rect.col)?.formula ?? "";
  }

  setValues(values: unknown[][]): Range {
    this.#checkShape(values, "setValues");
    checkCellText(this.ctx, values.flat());
    const { timeZone, locale } = this.sheet.spreadsheet;
    this.#writeEach(
      (cell, i, j) =>
        this.#store(cell, toStored(values[i]?.[j], cell.format?.numberFormat, timeZone, locale), i, j),
      true,
    );
    return this;
  }

  /** Sets every cell of the range to `value` (Sheets does this for multi-cell ranges too). */
  setValue(value: unknown): Range {
    if (Array.isArray(value)) {
      throw this.ctx.fail(
        `The parameters (${describeArgument(value)}) don't match the method signature for SpreadsheetApp.Range.setValue.`,
      );
    }
    checkCellText(this.ctx, [value]);
    const { timeZone, locale } = this.sheet.spreadsheet;
    this.#writeEach(
      (cell, i, j) => this.#store(cell, toStored(value, cell.format?.numberFormat, timeZone, locale), i, j),
      true,
    );
    return this;
  }

  /**
   * Sets the same formula in every cell. Sheets would shift relative references cell by cell;
   * the emulator stores the text as given.
   */
  setFormula(formula: string): Range {
    const tz = this.sheet.spreadsheet.timeZone;
    this.#writeEach((cell) => this.#store(cell, formulaWritten(formula, cell, tz)), true);
    return this;
  }

  setFormulas(formulas: string[][]): Range {
    this.#checkShape(formulas, "setFormulas");
    const tz = this.sheet.spreadsheet.timeZone;
    this.#writeEach(
      (cell, i, j) => this.#store(cell, formulaWritten(formulas[i]?.[j] ?? "", cell, tz)),
      true,
    );
    return this;
  }

  /** Trims spaces at both ends of text values (formulas are left alone), as Sheets does. */
  trimWhitespace(): Range {
    this.#updateExisting((cell) => {
      if (typeof cell.value === "string" && cell.formula === undefined) cell.value = cell.value.trim();
    });
    return this;
  }

  clearContent(): Range {
    this.#updateExisting((cell) => {
      cell.value = "";
      delete cell.formula;
    });
    return this;
  }

  clearFormat(): Range {
    // Clearing formats also removes data validation, as Range.clear's options document.
    this.#updateExisting((cell) => {
      delete cell.format;
      delete cell.validation;
    });
    return this;
  }

  clearDataValidations(): Range {
    this.#updateExisting((cell) => {
      delete cell.validation;
    });
    return this;
  }

  clearNote(): Range {
    this.#updateExisting((cell) => {
      delete cell.note;
    });
    return this;
  }

  /**
   * Clears contents and formats (and data validation, which goes with formats); with options
   * {contentsOnly, formatOnly, validationsOnly, commentsOnly} only those. Notes are kept.
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): Range {
    const o = isPlainObject(options) ? options : {};
    const some = Boolean(o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly);
    const contents = !some || Boolean(o.contentsOnly);
    const formats = !some || Boolean(o.formatOnly);
    const validations = formats || Boolean(o.validationsOnly);
    this.#updateExisting((cell) => {
      if (contents) {
        cell.value = "";
        delete cell.formula;
      }
      if (formats) delete cell.format;
      if (validations) delete cell.validation;
    });
    return this;
  }

  /** Copies contents and formats (or only those `options` ask for) to `destination`'s top-left. */
  copyTo(destination: Range, options?: unknown): void {
    if (!(destination instanceof Range)) throw this.ctx.fail("Range.copyTo expects a Range as destination.");
    const kind = options instanceof EnumValue ? options.name() : undefined;
    const o = isPlainObject(options) ? options : {};
    const contents = kind
      ? kind === "PASTE_NORMAL" || kind === "PASTE_VALUES" || kind === "PASTE_FORMULA"
      : !o.formatOnly;
    const formats = kind ? kind === "PASTE_NORMAL" || kind === "PASTE_FORMAT" : !o.contentsOnly;
    const valuesOnly = kind === "PASTE_VALUES";
    // Read everything first: source and destination may overlap.
    const source = this.#read((cell) =>
      cell ? { ...cell, format: cell.format && { ...cell.format } } : undefined,
    );
    const target = gridRange(
      this.ctx,
      destination.sheet,
      "Range.copyTo",
      destination.rect.row,
      destination.rect.col,
      this.rect.numRows,
      this.rect.numCols,
    );
    target.#writeEach((cell, i, j) => {
      const from = source[i]?.[j];
      if (contents) {
        cell.value = from?.value ?? "";
        if (from?.formula !== undefined && !valuesOnly) cell.formula = from.formula;
        else delete cell.formula;
      }
      if (formats) {
        if (from?.format) cell.format = { ...from.format };
        else delete cell.format;
        if (from?.validation) cell.validation = from.validation;
        else delete cell.validation;
      }
    }, contents);
  }

  // --- notes ---------------------------------------------------------------------------------

  getNote(): string {
    return this.sheet.grid.get(this.rect.row, this.rect.col)?.note ?? "";
  }

  getNotes(): string[][] {
    return this.#read((cell) => cell?.note ?? "");
  }

  setNote(note: string | null): Range {
    this.#writeEach((cell) => setNoteOf(cell, note));
    return this;
  }

  setNotes(notes: (string | null)[][]): Range {
    this.#checkShape(notes, "setNotes");
    this.#writeEach((cell, i, j) => setNoteOf(cell, notes[i]?.[j] ?? null));
    return this;
  }

  // --- formats -------------------------------------------------------------------------------

  getNumberFormat(): string {
    return this.#first("numberFormat") as string;
  }

  getNumberFormats(): string[][] {
    return this.#formats("numberFormat") as string[][];
  }

  setNumberFormat(numberFormat: string): Range {
    return this.#setFormat("numberFormat", numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): Range {
    return this.#setFormats("numberFormat", numberFormats, "setNumberFormats");
  }

  getBackground(): string {
    return this.#first("background") as string;
  }

  getBackgrounds(): string[][] {
    return this.#formats("background") as string[][];
  }

  setBackground(color: string | null): Range {
    return this.#setFormat("background", color === null ? null : normalizeColor(String(color)));
  }

  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const hex = [red, green, blue].map((n) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, "0"),
    );
    return this.#setFormat("background", `#${hex.join("")}`);
  }

  setBackgrounds(colors: (string | null)[][]): Range {
    return this.#setFormats(
      "background",
      colors.map((row) =>
        Array.isArray(row) ? row.map((c) => (c === null ? null : normalizeColor(String(c)))) : row,
      ),
      "setBackgrounds",
    );
  }

  getBackgroundObject(): Color {
    return new Color(this.ctx, this.getBackground());
  }

  getBackgroundObjects(): Color[][] {
    return this.#formats("background").map((row) =>
      this.ctx.array(row.map((c) => new Color(this.ctx, String(c)))),
    ) as Color[][];
  }

  getFontColorObject(): Color {
    return new Color(this.ctx, this.getFontColor());
  }

  getFontColorObjects(): Color[][] {
    return this.#formats("fontColor").map((row) =>
      this.ctx.array(row.map((c) => new Color(this.ctx, String(c)))),
    ) as Color[][];
  }

  getFontColor(): string {
    return this.#first("fontColor") as string;
  }

  getFontColors(): string[][] {
    return this.#formats("fontColor") as string[][];
  }

  setFontColor(color: string | null): Range {
    return this.#setFormat("fontColor", color === null ? null : normalizeColor(String(color)));
  }

  setFontColors(colors: (string | null)[][]): Range {
    return this.#setFormats(
      "fontColor",
      colors.map((row) =>
        Array.isArray(row) ? row.map((c) => (c === null ? null : normalizeColor(String(c)))) : row,
      ),
      "setFontColors",
    );
  }

  getFontWeight(): string {
    return this.#first("fontWeight") as string;
  }

  getFontWeights(): string[][] {
    return this.#formats("fontWeight") as string[][];
  }

  setFontWeight(fontWeight: string | null): Range {
    return this.#setFormat("fontWeight", fontWeight);
  }

  setFontWeights(fontWeights: (string | null)[][]): Range {
    return this.#setFormats("fontWeight", fontWeights, "setFontWeights");
  }

  getFontStyle(): string {
    return this.#first("fontStyle") as string;
  }

  getFontStyles(): string[][] {
    return this.#formats("fontStyle") as string[][];
  }

  setFontStyle(fontStyle: string | null): Range {
    return this.#setFormat("fontStyle", fontStyle);
  }

  setFontStyles(fontStyles: (string | null)[][]): Range {
    return this.#setFormats("fontStyle", fontStyles, "setFontStyles");
  }

  getFontSize(): number {
    return this.#first("fontSize") as number;
  }

  getFontSizes(): number[][] {
    return this.#formats("fontSize") as number[][];
  }

  setFontSize(size: number): Range {
    return this.#setFormat("fontSize", size);
  }

  setFontSizes(sizes: number[][]): Range {
    return this.#setFormats("fontSize", sizes, "setFontSizes");
  }

  getFontFamily(): string {
    return this.#first("fontFamily") as string;
  }

  getFontFamilies(): string[][] {
    return this.#formats("fontFamily") as string[][];
  }

  setFontFamily(fontFamily: string | null): Range {
    return this.#setFormat("fontFamily", fontFamily);
  }

  setFontFamilies(fontFamilies: (string | null)[][]): Range {
    return this.#setFormats("fontFamily", fontFamilies, "setFontFamilies");
  }

  getFontLine(): string {
    return this.#first("fontLine") as string;
  }

  getFontLines(): string[][] {
    return this.#formats("fontLine") as string[][];
  }

  setFontLine(fontLine: string | null): Range {
    return this.#setFormat("fontLine", fontLine);
  }

  setFontLines(fontLines: (string | null)[][]): Range {
    return this.#setFormats("fontLine", fontLines, "setFontLines");
  }

  getHorizontalAlignment(): string {
    return this.#first("horizontalAlignment") as string;
  }

  getHorizontalAlignments(): string[][] {
    return this.#formats("horizontalAlignment") as string[][];
  }

  setHorizontalAlignment(alignment: string | null): Range {
    return this.#setFormat("horizontalAlignment", alignment);
  }

  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    return this.#setFormats("horizontalAlignment", alignments, "setHorizontalAlignments");
  }

  getVerticalAlignment(): string {
    return this.#first("verticalAlignment") as string;
  }

  getVerticalAlignments(): string[][] {
    return this.#formats("verticalAlignment") as string[][];
  }

  setVerticalAlignment(alignment: string | null): Range {
    return this.#setFormat("verticalAlignment", alignment);
  }

  setVerticalAlignments(alignments: (string | null)[][]): Range {
    return this.#setFormats("verticalAlignment", alignments, "setVerticalAlignments");
  }

  /** Sheets' default strategy is OVERFLOW, so a cell that was never set does not wrap. */
  getWrap(): boolean {
    return this.#strategyAt(this.rect.row, this.rect.col) === "WRAP";
  }

  getWraps(): boolean[][] {
    return this.#readAt((r, c) => this.#strategyAt(r, c) === "WRAP");
  }

  setWrap(isWrapEnabled: boolean): Range {
    this.#writeEach((cell) => {
      cell.format = { ...cell.format, wrapStrategy: isWrapEnabled ? "WRAP" : "OVERFLOW" };
    });
    return this;
  }

  setWraps(isWrapEnabled: boolean[][]): Range {
    this.#checkShape(isWrapEnabled, "setWraps");
    this.#writeEach((cell, i, j) => {
      cell.format = { ...cell.format, wrapStrategy: isWrapEnabled[i]?.[j] ? "WRAP" : "OVERFLOW" };
    });
    return this;
  }

  getWrapStrategy(): EnumValue {
    return WrapStrategy[this.#strategyAt(this.rect.row, this.rect.col)];
  }

  getWrapStrategies(): EnumValue[][] {
    return this.#readAt((r, c) => WrapStrategy[this.#strategyAt(r, c)]);
  }

  setWrapStrategy(strategy: EnumValue): Range {
    const name = strategy instanceof EnumValue ? strategy.name() : String(strategy);
    if (name !== "WRAP" && name !== "OVERFLOW" && name !== "CLIP")
      throw this.ctx.fail("Invalid argument: strategy");
    this.#writeEach((cell) => {
      cell.format = { ...cell.format, wrapStrategy: name };
    });
    return this;
  }

  setWrapStrategies(strategies: EnumValue[][]): Range {
    this.#checkShape(strategies, "setWrapStrategies");
    this.#writeEach((cell, i, j) => {
      const s = strategies[i]?.[j];
      const name = s instanceof EnumValue ? s.name() : String(s);
      if (name === "WRAP" || name === "OVERFLOW" || name === "CLIP")
        cell.format = { ...cell.format, wrapStrategy: name };
    });
    return this;
  }

  /** Borders are recorded (visible to emulator tests as the cell's `border` format), not drawn. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    ...rest: unknown[]
  ): Range {
    const on = [top, left, bottom, right, rest[0], rest[1]].some((v) => v === true);
    this.#writeEach((cell) => {
      cell.format = { ...cell.format, border: on };
    });
    return this;
  }

  // --- data validation and checkboxes --------------------------------------------------------

  getDataValidation(): DataValidation | null {
    return this.sheet.grid.get(this.rect.row, this.rect.col)?.validation ?? null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.#read((cell) => cell?.validation ?? null);
  }

  setDataValidation(rule: DataValidation | null): Range {
    if (rule !== null && !(rule instanceof DataValidation)) {
      throw this.ctx.fail(
        `The parameters (${describeArgument(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`,
      );
    }
    this.#writeEach((cell) => {
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.#checkShape(rules, "setDataValidations");
    this.#writeEach((cell, i, j) => {
      const rule = rules[i]?.[j] ?? null;
      if (rule instanceof DataValidation) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  /** Adds checkbox validation and sets every cell to the unchecked value (false by default). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const builder = new DataValidationBuilder(this.ctx);
    const rule = (
      checkedValue === undefined
        ? builder.requireCheckbox()
        : builder.requireCheckbox(checkedValue, uncheckedValue)
    ).build();
    const unchecked = checkedValue === undefined ? false : (uncheckedValue ?? "");
    this.#writeEach((cell) => {
      cell.validation = rule;
      cell.value = unchecked as Scalar;
      delete cell.formula;
    }, true);
    return this;
  }

  /** Removes checkbox validation, and the values of cells that held a checkbox value. */
  removeCheckboxes(): Range {
    this.#updateExisting((cell) => {
      const states = checkboxStates(cell);
      if (!states) return;
      if (cell.value === states.checked || cell.value === states.unchecked) cell.value = "";
      delete cell.validation;
    });
    return this;
  }

  check(): Range {
    this.#updateExisting((cell) => {
      const states = checkboxStates(cell);
      if (states && (cell.value === states.checked || cell.value === states.unchecked))
        cell.value = states.checked;
    });
    return this;
  }

  uncheck(): Range {
    this.#updateExisting((cell) => {
      const states = checkboxStates(cell);
      if (states && (cell.value === states.checked || cell.value === states.unchecked))
        cell.value = states.unchecked;
    });
    return this;
  }

  /** true/false when every cell is a checked/unchecked checkbox; null otherwise. */
  isChecked(): boolean | null {
    const seen = new Set<boolean | null>();
    this.#each((r, c) => {
      const cell = this.sheet.grid.get(r, c);
      const states = cell && checkboxStates(cell);
      seen.add(
        !states
          ? null
          : cell.value === states.checked
            ? true
            : cell.value === states.unchecked
              ? false
              : null,
      );
    });
    return seen.size === 1 ? ([...seen][0] ?? null) : null;
  }

  // --- merges ---------------------------------------------------------------------------------

  merge(): Range {
    mergeRects(this.sheet, [this.rect]);
    return this;
  }

  mergeAcross(): Range {
    const rows = Array.from({ length: this.rect.numRows }, (_, i) => ({
      ...this.rect,
      row: this.rect.row + i,
      numRows: 1,
    }));
    mergeRects(this.sheet, rows);
    return this;
  }

  mergeVertically(): Range {
    const cols = Array.from({ length: this.rect.numCols }, (_, j) => ({
      ...this.rect,
      col: this.rect.col + j,
      numCols: 1,
    }));
    mergeRects(this.sheet, cols);
    return this;
  }

  breakApart(): Range {
    breakApartRect(this.sheet, this.rect);
    return this;
  }

  isPartOfMerge(): boolean {
    return mergesTouching(this.sheet, this.rect).length > 0;
  }

  getMergedRanges(): Range[] {
    return this.ctx.array(
      mergesTouching(this.sheet, this.rect).map((m) => new Range(this.ctx, this.sheet, m)),
    );
  }

  protect(): Protection {
    return addProtection(this.sheet, "RANGE", this.rect);
  }

  // --- internals (private: not Apps Script API, not counted) ---------------------------------

  #each(fn: (row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) fn(row + i, col + j, i, j);
    }
  }

  /** A fresh 2-D array of the script's realm, one entry per cell. */
  #read<T>(fn: (cell: Cell | undefined) => T): T[][] {
    return this.#readAt((r, c) => fn(this.sheet.grid.get(r, c)));
  }

  #readAt<T>(fn: (row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect;
    const ArrayCtor = this.ctx.realm.Array;
    const out = new ArrayCtor<T[]>();
    for (let i = 0; i < numRows; i++) {
      const line = new ArrayCtor<T>();
      for (let j = 0; j < numCols; j++) line.push(fn(row + i, col + j));
      out.push(line);
    }
    return out;
  }

  /**
   * Runs `fn` on every cell (created if needed). With `content`, cells hidden by a merge are
   * skipped, since only the top-left cell of a merge holds a value.
   */
  #writeEach(fn: (cell: Cell, i: number, j: number) => void, content = false): void {
    const hidden = content ? mergeShadows(this.sheet, this.rect) : undefined;
    this.#each((r, c, i, j) => {
      if (hidden?.has(`${r},${c}`)) return;
      fn(this.sheet.grid.ensure(r, c), i, j);
      this.sheet.grid.tidy(r, c);
    });
  }

  /** Runs `fn` on the cells that exist (for clears and checkbox toggles, which create nothing). */
  #updateExisting(fn: (cell: Cell) => void): void {
    for (const [r, c, cell] of [...this.sheet.grid.cellsIn(this.rect)]) {
      fn(cell);
      this.sheet.grid.tidy(r, c);
    }
  }

  /** Stores a written value; (i, j) locate the cell in the range, to record typed input there. */
  #store(cell: Cell, written: Written, i?: number, j?: number): void {
    if (typeof written.value === "string" && written.value.length > MAX_CELL_CHARS) {
      throw this.ctx.fail(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
    if (written.parsed && i !== undefined && j !== undefined) {
      recordTypedInput(this.ctx, this.sheet, this.rect.row + i, this.rect.col + j, written);
    }
    cell.value = written.value;
    if (written.formula !== undefined) cell.formula = written.formula;
    else delete cell.formula;
    if (written.autoFormat && cell.format?.numberFormat === undefined) {
      cell.format = { ...cell.format, numberFormat: written.autoFormat };
    }
  }

  /** Checks a 2-D argument against the range's size, with Apps Script's messages. */
  #checkShape(values: unknown, method: string): void {
    if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
      throw this.ctx.fail(
        `The parameters (${describeArgument(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    const { numRows, numCols } = this.rect;
    if (values.length !== numRows) {
      throw this.ctx.fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== numCols) {
        throw this.ctx.fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
        );
      }
    }
  }

  #first(key: SimpleFormat): string | number {
    return this.sheet.grid.get(this.rect.row, this.rect.col)?.format?.[key] ?? FORMAT_DEFAULTS[key];
  }

  #formats(key: SimpleFormat): (string | number)[][] {
    return this.#read((cell) => cell?.format?.[key] ?? FORMAT_DEFAULTS[key]);
  }

  #setFormat(key: SimpleFormat, value: string | number | null): Range {
    this.#writeEach((cell) => setFormatOf(cell, key, value));
    return this;
  }

  #setFormats(key: SimpleFormat, values: unknown, method: string): Range {
    this.#checkShape(values, method);
    const grid = values as (string | number | null)[][];
    this.#writeEach((cell, i, j) => setFormatOf(cell, key, grid[i]?.[j] ?? null));
    return this;
  }

  #strategyAt(row: number, col: number): "WRAP" | "OVERFLOW" | "CLIP" {
    return this.sheet.grid.get(row, col)?.format?.wrapStrategy ?? "OVERFLOW";
  }
}

/** Refuses text longer than a cell holds, before anything is written (writes are all or nothing). */
export function checkCellText(ctx: EmulatorState, values: unknown[]): void {
  for (const v of values) {
    if (typeof v === "string" && v.length > MAX_CELL_CHARS + (v.startsWith("'") ? 1 : 0)) {
      throw ctx.fail(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
  }
}

function setFormatOf(cell: Cell, key: SimpleFormat, value: string | number | null): void {
  const format: CellFormat = { ...cell.format };
  if (value === null || value === undefined) delete format[key];
  else (format as Record<string, string | number>)[key] = value;
  if (Object.keys(format).length === 0) delete cell.format;
  else cell.format = format;
}

function setNoteOf(cell: Cell, note: string | null): void {
  if (note === null || note === undefined || note === "") delete cell.note;
  else cell.note = String(note);
}

function formulaWritten(formula: string, cell: Cell, timeZone: string): Written {
  const text = formula === null || formula === undefined ? "" : String(formula);
  if (text.startsWith("=") && text.length > 1) return { value: evaluateLiteralFormula(text), formula: text };
  return toStored(text, cell.format?.numberFormat, timeZone);
}

function checkboxStates(cell: Cell): { checked: Scalar; unchecked: Scalar } | undefined {
  const rule = cell.validation?.data;
  if (rule?.criteria !== "CHECKBOX") return undefined;
  const [checked, unchecked] = rule.values;
  if (checked === undefined) return { checked: true, unchecked: false };
  return { checked: checked as Scalar, unchecked: (unchecked ?? "") as Scalar };
}

instrument(Range, "Range");

/** Notes a written string that Sheets read as typed input (emu.typedInput). */
export function recordTypedInput(
  ctx: EmulatorState,
  sheet: Sheet,
  row: number,
  col: number,
  written: Written,
): void {
  if (!written.parsed) return;
  ctx.typedInput.push({
    sheet: sheet.name,
    a1: `${columnLetters(col)}${row}`,
    became: written.parsed,
    value: written.formula ?? written.value,
  });
}
