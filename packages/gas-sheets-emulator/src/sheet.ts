/**
 * Sheet: one tab of the spreadsheet. Holds the grid, merges, conditional format rules, charts
 * and protections. A new sheet is 1000 rows × 26 columns, as in Sheets; ranges outside the grid
 * throw, and inserting rows or columns grows it. Merges, conditional format ranges, named ranges
 * and charts move with inserted and deleted rows and columns, as in Sheets; formulas are not
 * rewritten (the emulator does not calculate them).
 */
import { type GridRect, parseA1, resolveA1, shiftRect } from "./a1";
import { instrument } from "./calls";
import { type ChartData, copyChartData, EmbeddedChart, EmbeddedChartBuilder } from "./charts";
import { ConditionalFormatRule, type RuleData, storedRuleData } from "./conditional";
import { EnumValue, SheetType } from "./enums";
import { Grid } from "./grid";
import { checkSheetNameFree, namedRangeObjects, sheetNamed, shiftNamedRanges } from "./names";
import { addProtection, Protection, type ProtectionData } from "./protection";
import { checkCellText, describeArgument, gridRange, Range, recordTypedInput } from "./range";
import { isPlainObject } from "./realm";
import type { Spreadsheet } from "./spreadsheet";
import { type EmulatorState, ServiceObject } from "./state";
import { toStored } from "./values";

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export class Sheet extends ServiceObject {
  name: string;
  readonly sheetId: number;
  readonly grid: Grid;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  activeRect: GridRect = { row: 1, col: 1, numRows: 1, numCols: 1 };
  merges: GridRect[] = [];
  conditionalRules: RuleData[] = [];
  charts: ChartData[] = [];
  protections: ProtectionData[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();

  constructor(
    ctx: EmulatorState,
    readonly spreadsheet: Spreadsheet,
    name: string,
    sheetId: number,
    maxRows = DEFAULT_ROWS,
    maxCols = DEFAULT_COLUMNS,
  ) {
    super(ctx);
    this.name = name;
    this.sheetId = sheetId;
    this.grid = new Grid(maxRows, maxCols);
  }

  // --- identity ------------------------------------------------------------------------------

  getName(): string {
    return this.name;
  }

  getSheetName(): string {
    return this.name;
  }

  setName(name: string): Sheet {
    const text = String(name);
    if (text.trim() === "") throw this.ctx.fail("Sheet names cannot be empty.");
    checkSheetNameFree(this.spreadsheet, text, this);
    this.name = text;
    return this;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getParent(): Spreadsheet {
    return this.spreadsheet;
  }

  getType(): EnumValue {
    return SheetType.GRID;
  }

  activate(): Sheet {
    this.spreadsheet.activeSheet = this;
    this.hidden = false;
    return this;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  setTabColor(color: string | null): Sheet {
    this.tabColor = color;
    return this;
  }

  // --- ranges --------------------------------------------------------------------------------

  /**
   * getRange(a1Notation) | getRange(row, column) | getRange(row, column, numRows) |
   * getRange(row, column, numRows, numColumns).
   */
  getRange(...args: unknown[]): Range {
    if (args.length === 1 && typeof args[0] === "string") return rangeFromA1(this, args[0]);
    if (args.length < 2 || args.length > 4) {
      throw this.ctx.fail(
        `The parameters (${args.map(describeArgument).join(",")}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    return gridRange(this.ctx, this, "Sheet.getRange", args[0], args[1], args[2] ?? 1, args[3] ?? 1);
  }

  /** Several ranges of this sheet by A1 notation, to format in one call. */
  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.some((a) => typeof a !== "string")) {
      throw this.ctx.fail(
        `The parameters (${describeArgument(a1Notations)}) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.`,
      );
    }
    return new RangeList(
      this.ctx,
      a1Notations.map((a1) => rangeFromA1(this, a1)),
    );
  }

  /** A1 to the last row and column with content; just A1 on an empty sheet. */
  getDataRange(): Range {
    return new Range(this.ctx, this, {
      row: 1,
      col: 1,
      numRows: Math.max(1, this.grid.lastRow()),
      numCols: Math.max(1, this.grid.lastColumn()),
    });
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.grid.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.grid.lastColumn() - startColumn + 1 : numColumns;
    return gridRange(this.ctx, this, "Sheet.getSheetValues", startRow, startColumn, rows, cols).getValues();
  }

  getActiveRange(): Range {
    return new Range(this.ctx, this, this.activeRect);
  }

  getActiveCell(): Range {
    return new Range(this.ctx, this, {
      row: this.activeRect.row,
      col: this.activeRect.col,
      numRows: 1,
      numCols: 1,
    });
  }

  setActiveRange(range: Range): Range {
    this.activeRect = { ...range.rect };
    this.spreadsheet.activeSheet = this;
    return new Range(this.ctx, this, this.activeRect);
  }

  setActiveSelection(a1OrRange: string | Range): Range {
    const range = typeof a1OrRange === "string" ? rangeFromA1(this, a1OrRange) : a1OrRange;
    return this.setActiveRange(range);
  }

  getCurrentCell(): Range {
    return this.getActiveCell();
  }

  setCurrentCell(cell: Range): Range {
    return this.setActiveRange(cell);
  }

  getLastRow(): number {
    return this.grid.lastRow();
  }

  getLastColumn(): number {
    return this.grid.lastColumn();
  }

  getMaxRows(): number {
    return this.grid.maxRows;
  }

  getMaxColumns(): number {
    return this.grid.maxCols;
  }

  getNamedRanges(): unknown[] {
    return this.ctx.array(namedRangeObjects(this.spreadsheet).filter((n) => n.sheet === this));
  }

  // --- contents --------------------------------------------------------------------------------

  /**
   * Writes a row after the last row with content, reading strings as typed input; the grid grows
   * if the row does not fit, as in Sheets.
   */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) {
      throw this.ctx.fail(
        `The parameters (${describeArgument(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    checkCellText(this.ctx, rowContents);
    const row = this.grid.lastRow() + 1;
    if (row > this.grid.maxRows) this.grid.insertRows(this.grid.maxRows + 1, row - this.grid.maxRows);
    if (rowContents.length > this.grid.maxCols) {
      this.grid.insertColumns(this.grid.maxCols + 1, rowContents.length - this.grid.maxCols);
    }
    const { timeZone, locale } = this.spreadsheet;
    rowContents.forEach((value, j) => {
      const cell = this.grid.ensure(row, j + 1);
      const written = toStored(value, cell.format?.numberFormat, timeZone, locale);
      recordTypedInput(this.ctx, this, row, j + 1, written);
      cell.value = written.value;
      if (written.formula !== undefined) cell.formula = written.formula;
      else delete cell.formula;
      if (written.autoFormat && cell.format?.numberFormat === undefined) {
        cell.format = { ...cell.format, numberFormat: written.autoFormat };
      }
      this.grid.tidy(row, j + 1);
    });
    return this;
  }

  /** Clears contents and formats of the whole sheet (or what `options` ask for). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this.#whole().clear(isPlainObject(options) ? options : undefined);
    return this;
  }

  clearContents(): Sheet {
    this.#whole().clearContent();
    return this;
  }

  clearFormats(): Sheet {
    this.#whole().clearFormat();
    return this;
  }

  clearNotes(): Sheet {
    this.#whole().clearNote();
    return this;
  }

  // --- rows and columns ----------------------------------------------------------------------

  insertRows(rowIndex: number, numRows = 1): void {
    this.#insert("rows", rowIndex, numRows);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.#insert("rows", beforePosition, howMany);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.#insert("rows", afterPosition + 1, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): Sheet {
    this.#insert("rows", beforePosition, 1);
    return this;
  }

  insertRowAfter(afterPosition: number): Sheet {
    this.#insert("rows", afterPosition + 1, 1);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.#insert("cols", columnIndex, numColumns);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.#insert("cols", beforePosition, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.#insert("cols", afterPosition + 1, howMany);
    return this;
  }

  insertColumnBefore(beforePosition: number): Sheet {
    this.#insert("cols", beforePosition, 1);
    return this;
  }

  insertColumnAfter(afterPosition: number): Sheet {
    this.#insert("cols", afterPosition + 1, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.#delete("rows", rowPosition, howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    this.#delete("rows", rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.#delete("cols", columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.#delete("cols", columnPosition, 1);
    return this;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.grid.maxRows) throw this.ctx.fail("Those rows are out of bounds.");
    this.frozenRows = rows;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this.grid.maxCols) throw this.ctx.fail("Those columns are out of bounds.");
    this.frozenColumns = columns;
  }

  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.#checkSpan("cols", columnPosition, 1);
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this.#checkSpan("cols", startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  /** Recorded, not measured: the columns keep their widths. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this.#checkSpan("cols", startColumn, numColumns);
    return this;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    this.#checkSpan("cols", columnPosition, 1);
    return this;
  }

  autoResizeRows(startRow: number, numRows: number): Sheet {
    this.#checkSpan("rows", startRow, numRows);
    return this;
  }

  getRowHeight(rowPosition: number): number {
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    this.#checkSpan("rows", rowPosition, 1);
    this.rowHeights.set(rowPosition, height);
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    this.#checkSpan("rows", startRow, numRows);
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights.set(r, height);
    return this;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.#checkSpan("cols", columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.#checkSpan("cols", columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }

  hideColumn(column: Range): void {
    this.hideColumns(column.rect.col, column.rect.numCols);
  }

  unhideColumn(column: Range): void {
    this.showColumns(column.rect.col, column.rect.numCols);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.#checkSpan("rows", rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.#checkSpan("rows", rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.delete(r);
  }

  hideRow(row: Range): void {
    this.hideRows(row.rect.row, row.rect.numRows);
  }

  unhideRow(row: Range): void {
    this.showRows(row.rect.row, row.rect.numRows);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows.has(rowPosition);
  }

  // --- visibility ----------------------------------------------------------------------------

  hideSheet(): Sheet {
    const visible = this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this);
    // Wording is ours; Sheets refuses to hide the last visible sheet.
    if (visible.length === 0) throw this.ctx.fail("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.spreadsheet.activeSheet === this) this.spreadsheet.activeSheet = visible[0] ?? this;
    return this;
  }

  showSheet(): Sheet {
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  // --- conditional formatting ----------------------------------------------------------------

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.ctx.array(this.conditionalRules.map((rule) => new ConditionalFormatRule(this.ctx, rule)));
  }

  /** Replaces all of the sheet's rules, as Sheets does, storing them normalised (storedRuleData). */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof ConditionalFormatRule))) {
      throw this.ctx.fail(
        `The parameters (${describeArgument(rules)}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`,
      );
    }
    this.conditionalRules = rules.map((r) => storedRuleData(r.data));
  }

  clearConditionalFormatRules(): void {
    this.conditionalRules = [];
  }

  // --- charts and protection -----------------------------------------------------------------

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx);
  }

  insertChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart)) throw this.ctx.fail("Sheet.insertChart expects an EmbeddedChart.");
    const data = copyChartData(chart.data);
    data.chartId = this.ctx.nextId();
    chart.data.chartId = data.chartId;
    this.charts.push(data);
  }

  getCharts(): EmbeddedChart[] {
    return this.ctx.array(this.charts.map((c) => new EmbeddedChart(this.ctx, copyChartData(c))));
  }

  updateChart(chart: EmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.chartId === chart.data.chartId);
    if (i === -1) throw this.ctx.fail("The chart is not on this sheet; insert it with insertChart first.");
    this.charts[i] = copyChartData(chart.data);
  }

  removeChart(chart: EmbeddedChart): void {
    this.charts = this.charts.filter((c) => c.chartId !== chart.data.chartId);
  }

  protect(): Protection {
    return addProtection(this, "SHEET", null);
  }

  getProtections(type: EnumValue): Protection[] {
    const name = type instanceof EnumValue ? type.name() : String(type);
    return this.ctx.array(
      this.protections.filter((p) => p.type === name).map((p) => new Protection(this.ctx, this, p)),
    );
  }

  // --- internals (private: not Apps Script API, not counted) ---------------------------------

  #whole(): Range {
    return new Range(this.ctx, this, {
      row: 1,
      col: 1,
      numRows: this.grid.maxRows,
      numCols: this.grid.maxCols,
    });
  }

  #checkSpan(dimension: "rows" | "cols", start: number, count: number): void {
    const max = dimension === "rows" ? this.grid.maxRows : this.grid.maxCols;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(count) ||
      start < 1 ||
      count < 1 ||
      start + count - 1 > max
    ) {
      throw this.ctx.fail(
        dimension === "rows" ? "Those rows are out of bounds." : "Those columns are out of bounds.",
      );
    }
  }

  #insert(dimension: "rows" | "cols", before: number, count: number): void {
    const max = dimension === "rows" ? this.grid.maxRows : this.grid.maxCols;
    if (
      !Number.isInteger(before) ||
      !Number.isInteger(count) ||
      before < 1 ||
      before > max + 1 ||
      count < 1
    ) {
      throw this.ctx.fail(
        dimension === "rows" ? "Those rows are out of bounds." : "Those columns are out of bounds.",
      );
    }
    if (dimension === "rows") this.grid.insertRows(before, count);
    else this.grid.insertColumns(before, count);
    shiftEverything(this, dimension, before, count);
  }

  #delete(dimension: "rows" | "cols", from: number, count: number): void {
    this.#checkSpan(dimension, from, count);
    const max = dimension === "rows" ? this.grid.maxRows : this.grid.maxCols;
    const frozen = dimension === "rows" ? this.frozenRows : this.frozenColumns;
    if (max - count <= frozen) {
      throw this.ctx.fail(
        dimension === "rows"
          ? "Sorry, it is not possible to delete all non-frozen rows."
          : "Sorry, it is not possible to delete all non-frozen columns.",
      );
    }
    if (dimension === "rows") this.grid.deleteRows(from, count);
    else this.grid.deleteColumns(from, count);
    shiftEverything(this, dimension, from, -count);
  }
}

/** Moves everything that is anchored to rows/columns after an insertion or deletion. */
function shiftEverything(sheet: Sheet, dimension: "rows" | "cols", at: number, count: number): void {
  const shift = (rect: GridRect) => shiftRect(rect, dimension, at, count);
  sheet.merges = sheet.merges.flatMap((m) => {
    const moved = shift(m);
    return moved && moved.numRows * moved.numCols > 1 ? [moved] : [];
  });
  for (const rule of sheet.conditionalRules) {
    rule.ranges = rule.ranges.flatMap((r) => {
      if (r.sheet !== sheet) return [r];
      const moved = shift(r.rect);
      return moved ? [{ sheet, rect: moved }] : [];
    });
  }
  for (const chart of sheet.charts) {
    chart.ranges = chart.ranges.flatMap((r) => {
      if (r.sheet !== sheet) return [r];
      const moved = shift(r.rect);
      return moved ? [{ sheet, rect: moved }] : [];
    });
  }
  sheet.protections = sheet.protections.flatMap((p) => {
    if (!p.rect) return [p];
    const moved = shift(p.rect);
    return moved ? [{ ...p, rect: moved }] : [];
  });
  shiftNamedRanges(sheet.spreadsheet, sheet, shift);
  const moveKeys = <V>(map: Map<number, V>) => {
    const entries = [...map.entries()];
    map.clear();
    for (const [k, v] of entries) {
      if (count > 0) map.set(k >= at ? k + count : k, v);
      else if (k < at) map.set(k, v);
      else if (k >= at - count) map.set(k + count, v);
    }
  };
  if (dimension === "rows") {
    moveKeys(sheet.rowHeights);
    const hidden = new Map([...sheet.hiddenRows].map((r) => [r, true]));
    moveKeys(hidden);
    sheet.hiddenRows = new Set(hidden.keys());
  } else {
    moveKeys(sheet.columnWidths);
    const hidden = new Map([...sheet.hiddenColumns].map((c) => [c, true]));
    moveKeys(hidden);
    sheet.hiddenColumns = new Set(hidden.keys());
  }
}

/** Sheet.getRange(a1): a sheet-qualified reference resolves on the named sheet. */
export function rangeFromA1(sheet: Sheet, a1: string): Range {
  const ref = parseA1(a1);
  const target = ref?.sheetName !== undefined ? sheetNamed(sheet.spreadsheet, ref.sheetName) : sheet;
  const rect = ref && target ? resolveA1(ref, target.grid.maxRows, target.grid.maxCols) : undefined;
  if (!rect || !target) throw sheet.ctx.fail("Range not found");
  return new Range(sheet.ctx, target, rect);
}

instrument(Sheet, "Sheet");

/** Sheet.getRangeList's result: the subset of RangeList the add-on uses. */
export class RangeList extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly ranges: Range[],
  ) {
    super(ctx);
  }

  getRanges(): Range[] {
    return this.ctx.array(this.ranges);
  }

  setNumberFormat(format: string): RangeList {
    for (const r of this.ranges) r.setNumberFormat(format);
    return this;
  }

  setFontWeight(fontWeight: string | null): RangeList {
    for (const r of this.ranges) r.setFontWeight(fontWeight);
    return this;
  }

  setBackground(color: string | null): RangeList {
    for (const r of this.ranges) r.setBackground(color);
    return this;
  }

  setWrap(isWrapEnabled: boolean): RangeList {
    for (const r of this.ranges) r.setWrap(isWrapEnabled);
    return this;
  }
}

instrument(RangeList, "RangeList");
