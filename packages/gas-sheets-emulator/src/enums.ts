/**
 * Apps Script enums. At run time an enum value is an object, not a string or a number:
 * `String(SpreadsheetApp.BooleanCriteria.NUMBER_BETWEEN)` is "NUMBER_BETWEEN", it has `name()`
 * and `ordinal()`, and the same value is always the same object, so `===` comparisons work
 * (`ui.alert(...) === ui.Button.YES`).
 */

export class EnumValue {
  readonly #enumName: string;
  readonly #name: string;
  readonly #ordinal: number;

  constructor(enumName: string, name: string, ordinal: number) {
    this.#enumName = enumName;
    this.#name = name;
    this.#ordinal = ordinal;
    Object.freeze(this);
  }

  name(): string {
    return this.#name;
  }

  ordinal(): number {
    return this.#ordinal;
  }

  toString(): string {
    return this.#name;
  }

  toJSON(): string {
    return this.#name;
  }

  /** The enum this value belongs to, e.g. "BooleanCriteria" (emulator only, for messages). */
  get enumName(): string {
    return this.#enumName;
  }
}

export type Enum<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<const K extends string>(enumName: string, names: readonly K[]): Enum<K> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((name, i) => {
    out[name] = new EnumValue(enumName, name, i);
  });
  return Object.freeze(out);
}

/** Accepts an enum value, or its name as a string (handy in tests), and returns the name. */
export function enumName(value: unknown): string | undefined {
  if (value instanceof EnumValue) return value.name();
  if (typeof value === "string") return value;
  return undefined;
}

export const BooleanCriteria = makeEnum("BooleanCriteria", [
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const DataValidationCriteria = makeEnum("DataValidationCriteria", [
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export const ProtectionType = makeEnum("ProtectionType", ["RANGE", "SHEET"]);
export const SheetType = makeEnum("SheetType", ["GRID", "OBJECT", "DATASOURCE"]);
export const WrapStrategy = makeEnum("WrapStrategy", ["WRAP", "OVERFLOW", "CLIP"]);
export const BorderStyle = makeEnum("BorderStyle", [
  "DOTTED",
  "DASHED",
  "SOLID",
  "SOLID_MEDIUM",
  "SOLID_THICK",
  "DOUBLE",
]);
export const Dimension = makeEnum("Dimension", ["COLUMNS", "ROWS"]);
export const ColorType = makeEnum("ColorType", ["UNSUPPORTED", "RGB", "THEME"]);

export const Button = makeEnum("Button", ["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export type ButtonName = keyof typeof Button;
export const ButtonSet = makeEnum("ButtonSet", ["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
export type ButtonSetName = keyof typeof ButtonSet;

export const SandboxMode = makeEnum("SandboxMode", ["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = makeEnum("XFrameOptionsMode", ["ALLOWALL", "DEFAULT"]);

export const AuthMode = makeEnum("AuthMode", ["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
export type AuthModeName = keyof typeof AuthMode;
export const AuthorizationStatus = makeEnum("AuthorizationStatus", ["REQUIRED", "NOT_REQUIRED"]);
export const EventType = makeEnum("EventType", [
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
]);
export const TriggerSource = makeEnum("TriggerSource", [
  "SPREADSHEETS",
  "CLOCK",
  "FORMS",
  "DOCUMENTS",
  "CALENDAR",
]);
export const InstallationSource = makeEnum("InstallationSource", [
  "APPS_MARKETPLACE_DOMAIN_ADD_ON",
  "NONE",
  "WEB_STORE_ADD_ON",
]);
export const Weekday = makeEnum("Weekday", [
  "SUNDAY",
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
]);

export const ChartType = makeEnum("ChartType", [
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
]);

export const DigestAlgorithm = makeEnum("DigestAlgorithm", [
  "MD2",
  "MD5",
  "SHA_1",
  "SHA_256",
  "SHA_384",
  "SHA_512",
]);
export const Charset = makeEnum("Charset", ["US_ASCII", "UTF_8"]);
