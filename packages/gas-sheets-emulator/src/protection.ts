/**
 * Protection (Sheet.protect, Range.protect): recorded so the add-on can protect its own sheets;
 * the emulator does not stop the script from editing protected cells (the script's user is the
 * owner in these runs, and owners may edit anything).
 */
import type { GridRect } from "./a1";
import { instrument } from "./calls";
import { EnumValue, ProtectionType } from "./enums";
import { Range } from "./range";
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

  getRange(): Range {
    const whole = { row: 1, col: 1, numRows: this.sheet.grid.maxRows, numCols: this.sheet.grid.maxCols };
    return new Range(this.ctx, this.sheet, this.data.rect ?? whole);
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
    return this.ctx.array(this.data.unprotected.map((rect) => new Range(this.ctx, this.sheet, rect)));
  }

  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.data);
  }
}

export function isProtectionType(value: unknown): value is EnumValue {
  return value instanceof EnumValue && value.enumName === "ProtectionType";
}

instrument(Protection, "Protection");
