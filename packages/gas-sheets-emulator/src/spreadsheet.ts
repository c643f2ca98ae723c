/**
 * Spreadsheet (the file) and the SpreadsheetApp service; named ranges are in names.ts.
 *
 * Sheet names are unique ignoring case, and getSheetByName ignores case, as Sheets does.
 */
import { type GridRect, parseA1, quoteSheetName, rectToA1, resolveA1, splitSheetName } from "./a1";
import { instrument } from "./calls";
import { ConditionalFormatRuleBuilder } from "./conditional";
import {
  BooleanCriteria,
  BorderStyle,
  ColorType,
  DataValidationCriteria,
  Dimension,
  makeEnum,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from "./enums";
import {
  checkSheetNameFree,
  findNamedRange,
  type NamedRange,
  type NamedRangeData,
  namedRangeObjects,
  sheetNamed,
} from "./names";
import { Range } from "./range";
import { isPlainObject } from "./realm";
import { DEFAULT_COLUMNS, DEFAULT_ROWS, rangeFromA1, Sheet } from "./sheet";
import { type EmulatorState, ServiceObject } from "./state";
import { isTimeZone } from "./time";
import type { Ui } from "./ui";
import { DataValidationBuilder } from "./validation";

export const CopyPasteType = makeEnum("CopyPasteType", [
  "PASTE_NORMAL",
  "PASTE_NO_BORDERS",
  "PASTE_FORMAT",
  "PASTE_FORMULA",
  "PASTE_DATA_VALIDATION",
  "PASTE_VALUES",
  "PASTE_CONDITIONAL_FORMATTING",
  "PASTE_COLUMN_WIDTHS",
]);

export class Spreadsheet extends ServiceObject {
  readonly id: string;
  name: string;
  timeZone: string;
  locale = "en_GB";
  sheets: Sheet[] = [];
  activeSheet!: Sheet;
  namedRanges: NamedRangeData[] = [];
  #nextSheetId = 0;

  constructor(ctx: EmulatorState, name: string, timeZone: string) {
    super(ctx);
    this.id = "1EmuLatedSpreadsheet000000000000000000000000".slice(0, 44);
    this.name = name;
    this.timeZone = timeZone;
  }

  /** Adds a sheet without any checks (initial load). */
  static addSheet(
    ss: Spreadsheet,
    name: string,
    index: number,
    rows = DEFAULT_ROWS,
    cols = DEFAULT_COLUMNS,
  ): Sheet {
    // The first sheet of a new spreadsheet has gid 0; later ones get large ids, as in Sheets.
    const id = ss.#nextSheetId === 0 ? 0 : 1_000_000_000 + ss.#nextSheetId * 7919;
    ss.#nextSheetId++;
    const sheet = new Sheet(ss.ctx, ss, name, id, rows, cols);
    ss.sheets.splice(index, 0, sheet);
    return sheet;
  }

  // --- the file ------------------------------------------------------------------------------

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(newName: string): void {
    this.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  /** Changing the zone keeps the wall-clock time of date cells (their instants move), as in Sheets. */
  setSpreadsheetTimeZone(timezone: string): void {
    if (typeof timezone !== "string" || !isTimeZone(timezone))
      throw this.ctx.fail(`Invalid argument: ${timezone}`);
    this.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
  }

  /** Records the toast; tests read emu.ui.toasts. Default timeout 5 s, as documented. */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.ctx.ui.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? "" : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // --- sheets --------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this.ctx.array(this.sheets);
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    return sheetNamed(this, name) ?? null;
  }

  getSheetById(id: number): Sheet | null {
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }

  getActiveSheet(): Sheet {
    return this.activeSheet;
  }

  setActiveSheet(sheet: Sheet): Sheet {
    if (!(sheet instanceof Sheet) || !this.sheets.includes(sheet)) {
      throw this.ctx.fail("Spreadsheet.setActiveSheet expects a sheet of this spreadsheet.");
    }
    this.activeSheet = sheet;
    sheet.hidden = false;
    return sheet;
  }

  getActiveRange(): Range {
    return new Range(this.ctx, this.activeSheet, this.activeSheet.activeRect);
  }

  getActiveCell(): Range {
    const r = this.activeSheet.activeRect;
    return new Range(this.ctx, this.activeSheet, { row: r.row, col: r.col, numRows: 1, numCols: 1 });
  }

  setActiveRange(range: Range): Range {
    this.activeSheet = range.sheet;
    range.sheet.activeRect = { ...range.rect };
    return range;
  }

  /**
   * insertSheet() | insertSheet(sheetIndex) | insertSheet(sheetName) | insertSheet(sheetName,
   * sheetIndex) | ... with an optional trailing {template: sheet}. sheetIndex is 0-based. The new
   * sheet becomes the active sheet, as documented.
   */
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index = this.sheets.indexOf(this.activeSheet) + 1;
    let options: { template?: unknown } = {};
    for (const arg of args) {
      if (typeof arg === "string") name = arg;
      else if (typeof arg === "number") index = arg;
      else if (isPlainObject(arg)) options = arg;
      else if (arg !== undefined)
        throw this.ctx.fail(
          "The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.",
        );
    }
    if (index < 0 || index > this.sheets.length) throw this.ctx.fail(`Invalid argument: sheetIndex`);
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (sheetNamed(this, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    checkSheetNameFree(this, name);
    const template = options.template;
    const sheet =
      template instanceof Sheet
        ? Spreadsheet.addSheet(this, name, index, template.grid.maxRows, template.grid.maxCols)
        : Spreadsheet.addSheet(this, name, index);
    if (template instanceof Sheet) copySheetContents(template, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: Sheet): void {
    if (!(sheet instanceof Sheet) || !this.sheets.includes(sheet)) {
      throw this.ctx.fail("Spreadsheet.deleteSheet expects a sheet of this spreadsheet.");
    }
    // Wording is ours; Sheets refuses to delete the only sheet.
    if (this.sheets.length === 1) throw this.ctx.fail("A spreadsheet must contain at least one sheet.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.namedRanges = this.namedRanges.filter((n) => n.sheet !== sheet);
    if (this.activeSheet === sheet)
      this.activeSheet = this.sheets.find((s) => !s.hidden) ?? (this.sheets[0] as Sheet);
  }

  deleteActiveSheet(): Sheet {
    this.deleteSheet(this.activeSheet);
    return this.activeSheet;
  }

  moveActiveSheet(pos: number): void {
    const sheet = this.activeSheet;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(Math.max(0, Math.min(this.sheets.length, pos - 1)), 0, sheet);
  }

  // --- ranges --------------------------------------------------------------------------------

  /** "Sheet!A1:B2", or "A1:B2" on the active sheet, or "'Sheet name'" for a whole sheet. */
  getRange(a1Notation: string): Range {
    const text = String(a1Notation);
    const { sheetName, cells } = splitSheetName(text);
    if (cells === "" && sheetName !== undefined) {
      const sheet = sheetNamed(this, sheetName);
      if (!sheet) throw this.ctx.fail("Range not found");
      return new Range(this.ctx, sheet, {
        row: 1,
        col: 1,
        numRows: sheet.grid.maxRows,
        numCols: sheet.grid.maxCols,
      });
    }
    if (!parseA1(text)) {
      const whole = sheetNamed(this, text);
      if (whole)
        return new Range(this.ctx, whole, {
          row: 1,
          col: 1,
          numRows: whole.grid.maxRows,
          numCols: whole.grid.maxCols,
        });
    }
    return rangeFromA1(this.activeSheet, text);
  }

  getRangeByName(name: string): Range | null {
    const named = findNamedRange(this, name);
    return named ? new Range(this.ctx, named.sheet, named.rect) : null;
  }

  /** Names a range; a name already in use moves to the new range. */
  setNamedRange(name: string, range: Range): void {
    const text = String(name);
    // Sheets' rules for names: letters, digits, underscores and periods, not starting with a
    // digit, not "true"/"false", and not something that reads as a cell reference.
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(text) ||
      /^(true|false)$/i.test(text) ||
      parseA1(text) ||
      /^R\d*C\d*$/i.test(text)
    ) {
      throw this.ctx.fail(`The name "${text}" is not a valid named range name.`);
    }
    if (!(range instanceof Range)) throw this.ctx.fail("Spreadsheet.setNamedRange expects a Range.");
    this.namedRanges = this.namedRanges.filter((n) => n.name.toLowerCase() !== text.toLowerCase());
    this.namedRanges.push({ name: text, sheet: range.sheet, rect: { ...range.rect } });
  }

  getNamedRanges(): NamedRange[] {
    return this.ctx.array(namedRangeObjects(this));
  }

  removeNamedRange(name: string): void {
    this.namedRanges = this.namedRanges.filter((n) => n.name.toLowerCase() !== String(name).toLowerCase());
  }

  // --- active-sheet shortcuts Spreadsheet has in Apps Script ----------------------------------

  getLastRow(): number {
    return this.activeSheet.grid.lastRow();
  }

  getLastColumn(): number {
    return this.activeSheet.grid.lastColumn();
  }

  getDataRange(): Range {
    return this.activeSheet.getDataRange();
  }

  appendRow(rowContents: unknown[]): Sheet {
    return this.activeSheet.appendRow(rowContents);
  }
}

export class SpreadsheetApp extends ServiceObject {
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly ColorType = ColorType;
  readonly CopyPasteType = CopyPasteType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;

  readonly #ui: Ui;
  readonly #active: Spreadsheet;

  constructor(ctx: EmulatorState, ui: Ui, active: Spreadsheet) {
    super(ctx);
    this.#ui = ui;
    this.#active = active;
  }

  // In an add-on's time-driven trigger no document is open: these return null there (state.ts),
  // though typed non-null, as @types/google-apps-script types them.
  getActiveSpreadsheet(): Spreadsheet {
    return this.ctx.noActiveDocument ? (null as unknown as Spreadsheet) : this.#active;
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet {
    return this.ctx.noActiveDocument ? (null as unknown as Sheet) : this.#active.activeSheet;
  }

  getActiveRange(): Range {
    return this.#active.getActiveRange();
  }

  getCurrentCell(): Range {
    return this.#active.getActiveCell();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    return this.#active.setActiveSheet(sheet);
  }

  setActiveRange(range: Range): Range {
    return this.#active.setActiveRange(range);
  }

  getUi(): Ui {
    return this.#ui;
  }

  /** Nothing is pending in the emulator; counted so tests can see the add-on flushes. */
  flush(): void {
    this.ctx.flushes++;
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx);
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx);
  }

  /** Only the emulated spreadsheet exists; other ids fail as a missing file does. */
  openById(id: string): Spreadsheet {
    if (id !== this.#active.id)
      throw this.ctx.fail(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.#active;
  }

  openByUrl(url: string): Spreadsheet {
    if (!String(url).includes(this.#active.id)) {
      throw this.ctx.fail(
        `Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`,
      );
    }
    return this.#active;
  }
}

/** "'Sheet name'!B2:D10" for messages and records. */
export function qualifiedA1(sheet: Sheet, rect: GridRect): string {
  return `${quoteSheetName(sheet.name)}!${rectToA1(rect)}`;
}

function copySheetContents(from: Sheet, to: Sheet): void {
  for (const [r, c, cell] of from.grid.cells()) {
    const copy = to.grid.ensure(r, c);
    Object.assign(copy, { ...cell, format: cell.format && { ...cell.format } });
  }
  to.merges = from.merges.map((m) => ({ ...m }));
  to.frozenRows = from.frozenRows;
  to.frozenColumns = from.frozenColumns;
  to.conditionalRules = from.conditionalRules.map((rule) => ({
    ...rule,
    ranges: rule.ranges.map((r) => ({ sheet: r.sheet === from ? to : r.sheet, rect: { ...r.rect } })),
    format: { ...rule.format },
  }));
}

/** Resolves "Sheet!A1:B2" against the spreadsheet, for emulator helpers (emu.backgroundAt). */
export function locate(ss: Spreadsheet, sheetName: string, a1: string): { sheet: Sheet; rect: GridRect } {
  const sheet = sheetNamed(ss, sheetName);
  if (!sheet) throw new Error(`The emulated spreadsheet has no sheet named "${sheetName}".`);
  const ref = parseA1(a1);
  const rect = ref && resolveA1(ref, sheet.grid.maxRows, sheet.grid.maxCols);
  if (!rect) throw new Error(`"${a1}" is not a cell of sheet "${sheetName}".`);
  return { sheet, rect };
}

instrument(Spreadsheet, "Spreadsheet");
instrument(SpreadsheetApp, "SpreadsheetApp");
