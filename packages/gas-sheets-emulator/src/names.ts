/**
 * Names in a spreadsheet: sheet names (unique ignoring case, looked up ignoring case, as in Sheets)
 * and named ranges (NamedRange, and how they follow inserted and deleted rows and columns). Below
 * both Sheet and Spreadsheet, which use these, so neither file imports the other's code.
 */
import type { GridRect } from "./a1";
import { instrument } from "./calls";
import { Range } from "./range";
import type { Sheet } from "./sheet";
import type { Spreadsheet } from "./spreadsheet";
import { type EmulatorState, ServiceObject } from "./state";

export interface NamedRangeData {
  name: string;
  sheet: Sheet;
  rect: GridRect;
}

export class NamedRange extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly spreadsheet: Spreadsheet,
    readonly data: NamedRangeData,
  ) {
    super(ctx);
  }

  get sheet(): Sheet {
    return this.data.sheet;
  }

  getName(): string {
    return this.data.name;
  }

  setName(name: string): NamedRange {
    const range = new Range(this.ctx, this.data.sheet, this.data.rect);
    this.spreadsheet.removeNamedRange(this.data.name);
    this.spreadsheet.setNamedRange(name, range);
    this.data.name = String(name);
    return this;
  }

  getRange(): Range {
    return new Range(this.ctx, this.data.sheet, this.data.rect);
  }

  setRange(range: Range): NamedRange {
    this.data.sheet = range.sheet;
    this.data.rect = { ...range.rect };
    return this;
  }

  remove(): void {
    this.spreadsheet.namedRanges = this.spreadsheet.namedRanges.filter((n) => n !== this.data);
  }
}

export function sheetNamed(ss: Spreadsheet, name: string): Sheet | undefined {
  const lower = String(name).toLowerCase();
  return ss.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function checkSheetNameFree(ss: Spreadsheet, name: string, except?: Sheet): void {
  const clash = sheetNamed(ss, name);
  if (clash && clash !== except) {
    throw ss.ctx.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

export function findNamedRange(ss: Spreadsheet, name: string): NamedRangeData | undefined {
  const lower = String(name).toLowerCase();
  return ss.namedRanges.find((n) => n.name.toLowerCase() === lower);
}

export function namedRangeObjects(ss: Spreadsheet): NamedRange[] {
  return ss.namedRanges.map((data) => new NamedRange(ss.ctx, ss, data));
}

/** Named ranges follow inserted and deleted rows/columns; one whose cells are all deleted goes. */
export function shiftNamedRanges(
  ss: Spreadsheet,
  sheet: Sheet,
  shift: (rect: GridRect) => GridRect | undefined,
): void {
  ss.namedRanges = ss.namedRanges.flatMap((n) => {
    if (n.sheet !== sheet) return [n];
    const moved = shift(n.rect);
    return moved ? [{ ...n, rect: moved }] : [];
  });
}

instrument(NamedRange, "NamedRange");
