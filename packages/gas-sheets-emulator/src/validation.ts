/**
 * Data validation: SpreadsheetApp.newDataValidation() and the rules it builds. Rules are
 * recorded on cells (Range.setDataValidation, insertCheckboxes) and read back. Writes made by
 * the script are not checked against them: whether Sheets rejects a script's setValue into a
 * "reject input" cell is not documented, so the emulator does not invent a failure.
 */
import { instrument } from "./calls";
import { DataValidationCriteria, type DataValidationCriteriaName, EnumValue } from "./enums";
import { intoRealm } from "./realm";
import { type EmulatorState, ServiceObject } from "./state";

interface RuleData {
  criteria: DataValidationCriteriaName;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class DataValidation extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly data: Readonly<RuleData>,
  ) {
    super(ctx);
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx, { ...this.data, values: [...this.data.values] });
  }

  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }

  getCriteriaType(): EnumValue {
    return DataValidationCriteria[this.data.criteria];
  }

  getCriteriaValues(): unknown[] {
    return this.ctx.array(this.data.values.map((v) => intoRealm(v, this.ctx.realm)));
  }

  getHelpText(): string | null {
    return this.data.helpText;
  }
}

export class DataValidationBuilder extends ServiceObject {
  #data: RuleData;

  constructor(ctx: EmulatorState, data?: RuleData) {
    super(ctx);
    // A new rule warns rather than rejects: "The default for a new data validation rule is true."
    this.#data = data ?? { criteria: "CUSTOM_FORMULA", values: [], allowInvalid: true, helpText: null };
  }

  #require(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this.#data = { ...this.#data, criteria, values };
    return this;
  }

  build(): DataValidation {
    return new DataValidation(this.ctx, { ...this.#data, values: [...this.#data.values] });
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx, { ...this.#data, values: [...this.#data.values] });
  }

  getAllowInvalid(): boolean {
    return this.#data.allowInvalid;
  }

  getCriteriaType(): EnumValue {
    return DataValidationCriteria[this.#data.criteria];
  }

  getCriteriaValues(): unknown[] {
    return this.ctx.array(this.#data.values.map((v) => intoRealm(v, this.ctx.realm)));
  }

  getHelpText(): string | null {
    return this.#data.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.#require("CHECKBOX", values);
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.#require("VALUE_IN_LIST", [[...values], showDropdown]);
  }

  requireValueInRange(range: unknown, showDropdown = true): this {
    return this.#require("VALUE_IN_RANGE", [range, showDropdown]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.#require("NUMBER_BETWEEN", [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): this {
    return this.#require("NUMBER_NOT_BETWEEN", [start, end]);
  }

  requireNumberEqualTo(number: number): this {
    return this.#require("NUMBER_EQUAL_TO", [number]);
  }

  requireNumberNotEqualTo(number: number): this {
    return this.#require("NUMBER_NOT_EQUAL_TO", [number]);
  }

  requireNumberGreaterThan(number: number): this {
    return this.#require("NUMBER_GREATER_THAN", [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.#require("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberLessThan(number: number): this {
    return this.#require("NUMBER_LESS_THAN", [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): this {
    return this.#require("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  requireTextContains(text: string): this {
    return this.#require("TEXT_CONTAINS", [text]);
  }

  requireTextDoesNotContain(text: string): this {
    return this.#require("TEXT_DOES_NOT_CONTAIN", [text]);
  }

  requireTextEqualTo(text: string): this {
    return this.#require("TEXT_EQUAL_TO", [text]);
  }

  requireTextIsEmail(): this {
    return this.#require("TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(): this {
    return this.#require("TEXT_IS_VALID_URL", []);
  }

  requireDate(): this {
    return this.#require("DATE_IS_VALID_DATE", []);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.#require("CUSTOM_FORMULA", [formula]);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.#data = { ...this.#data, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }

  setHelpText(helpText: string): this {
    this.#data = { ...this.#data, helpText: String(helpText) };
    return this;
  }

  withCriteria(criteria: unknown, args: unknown[]): this {
    const name = criteria instanceof EnumValue ? criteria.name() : String(criteria);
    if (!(name in DataValidationCriteria)) throw this.ctx.fail(`Invalid argument: criteria`);
    return this.#require(name as DataValidationCriteriaName, [...args]);
  }
}

instrument(DataValidation, "DataValidation");
instrument(DataValidationBuilder, "DataValidationBuilder");
