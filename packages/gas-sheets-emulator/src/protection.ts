/**
 * Protection (Sheet.protect, Range.protect): recorded so the add-on can protect its own sheets;
 * the emulator does not stop the script from editing protected cells (the script's user is the
 * owner in these runs, and owners may edit anything).
 */
import type { GridRect } from "./a1";
import { instrument } from "./calls";
import { EnumValue, ProtectionType } from "./enums";
import type { Range } from "./range";
import type { Sheet } from "./sheet";
import { type EmulatorState, ServiceObject } from "./state";

export interface ProtectionData {
  type: "RANGE" | "SHEET";
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: GridRect[];
}

export class Protection extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly sheet: Sheet,
    readonly data: ProtectionData,
  ) {
    super(ctx);
  }

  getProtectionType(): EnumValue {
    return ProtectionType[this.data.type];
  }

  getDescription(): string {
    return this.data.description;
  }

  setDescription(description: string): Protection {
    this.data.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.data.warningOnly = Boolean(warningOnly);
    return this;
  }

  // Ranges come from the sheet (an inner call, not counted), so this file needs Range's type only.
  getRange(): Range {
    const { row, col, numRows, numCols } = this.data.rect ?? {
      row: 1,
      col: 1,
      numRows: this.sheet.grid.maxRows,
      numCols: this.sheet.grid.maxCols,
    };
    return this.sheet.getRange(row, col, numRows, numCols);
  }

  getEditors(): unknown[] {
    return this.ctx.array(this.data.editors.map((email) => ({ getEmail: () => email })));
  }

  addEditor(emailAddress: string): Protection {
    if (!this.data.editors.includes(emailAddress)) this.data.editors.push(String(emailAddress));
    return this;
  }

  addEditors(emailAddresses: string[]): Protection {
    for (const email of emailAddresses) this.addEditor(email);
    return this;
  }

  removeEditor(emailAddress: string): Protection {
    this.data.editors = this.data.editors.filter((e) => e !== emailAddress);
    return this;
  }

  removeEditors(emailAddresses: string[]): Protection {
    this.data.editors = this.data.editors.filter((e) => !emailAddresses.includes(e));
    return this;
  }

  canDomainEdit(): boolean {
    return this.data.domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this.data.domainEdit = Boolean(editable);
    return this;
  }

  canEdit(): boolean {
    return true;
  }

  setUnprotectedRanges(ranges: Range[]): Protection {
    this.data.unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }

  getUnprotectedRanges(): Range[] {
    return this.ctx.array(
      this.data.unprotected.map((r) => this.sheet.getRange(r.row, r.col, r.numRows, r.numCols)),
    );
  }

  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.data);
  }
}

export function addProtection(sheet: Sheet, type: "RANGE" | "SHEET", rect: GridRect | null): Protection {
  const data: ProtectionData = {
    type,
    rect: rect && { ...rect },
    description: "",
    warningOnly: false,
    editors: [sheet.ctx.options.userEmail],
    domainEdit: false,
    unprotected: [],
  };
  sheet.protections.push(data);
  return new Protection(sheet.ctx, sheet, data);
}

export function isProtectionType(value: unknown): value is EnumValue {
  return value instanceof EnumValue && value.enumName === "ProtectionType";
}

instrument(Protection, "Protection");
