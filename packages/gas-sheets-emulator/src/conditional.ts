/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule(), the immutable rules it
 * builds, their BooleanCondition, and the evaluation Sheets does to colour a cell.
 *
 * Evaluation follows Sheets: a sheet's rules are tried in order and the first rule whose
 * condition holds for the cell decides its conditional format; later rules are not merged in.
 * Number conditions hold only for numbers (dates count, as serials); text conditions compare the
 * cell's displayed text, ignoring case; empty cells satisfy only CELL_EMPTY. Custom formulas are
 * evaluated for a small language: comparisons (= <> < <= > >=) of cell references ($ anchors
 * honoured, relative ones moved from the top-left of the rule's first range), numbers, "text",
 * TRUE/FALSE, and AND/OR/NOT/ISBLANK. Any other formula never matches (the emulator cannot
 * calculate it). Gradient rules are not emulated.
 */
import type { GridRect } from "./a1";
import { instrument } from "./calls";
import { Color, normalizeColor } from "./colors";
import { BooleanCriteria, type BooleanCriteriaName, EnumValue } from "./enums";
import { Range } from "./range";
import { intoRealm, isDate } from "./realm";
import type { Sheet } from "./sheet";
import { type EmulatorState, ServiceObject } from "./state";
import { serialOfInstant } from "./time";
import { displayValue, type Scalar } from "./values";

export interface RangeRef {
  sheet: Sheet;
  rect: GridRect;
}

export interface RuleFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface RuleData {
  ranges: RangeRef[];
  condition: { criteria: BooleanCriteriaName; values: unknown[] } | null;
  format: RuleFormat;
}

export function copyRuleData(data: RuleData): RuleData {
  return {
    ranges: data.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    condition: data.condition
      ? { criteria: data.condition.criteria, values: [...data.condition.values] }
      : null,
    format: { ...data.format },
  };
}

/**
 * A rule as Sheets stores it, which is how getConditionalFormatRules() returns it: colours as
 * "#rrggbb" (the form RgbColor.asHexString() documents), number criteria as numbers, ranges in
 * sheet order (top to bottom, left to right). A rule fresh from build() still reports what the
 * script gave (`#F4CCCC`, "39.50"), so code that recognises its own rules by comparing a built rule
 * with one read back must compare normalised forms. Which of these Sheets really rewrites is
 * listed in README "Checked in real Sheets" (dev/fidelity checks it).
 */
export function storedRuleData(data: RuleData): RuleData {
  const copy = copyRuleData(data);
  const color = (c: string | null | undefined) => (typeof c === "string" ? normalizeColor(c) : c);
  copy.format.background = color(copy.format.background);
  copy.format.fontColor = color(copy.format.fontColor);
  if (copy.condition?.criteria.startsWith("NUMBER_")) {
    copy.condition.values = copy.condition.values.map((v) =>
      typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v,
    );
  }
  copy.ranges.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
  return copy;
}

export class BooleanCondition extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly data: Readonly<RuleData>,
  ) {
    super(ctx);
  }

  getCriteriaType(): EnumValue | null {
    return this.data.condition ? BooleanCriteria[this.data.condition.criteria] : null;
  }

  getCriteriaValues(): unknown[] {
    return this.ctx.array((this.data.condition?.values ?? []).map((v) => intoRealm(v, this.ctx.realm)));
  }

  /** Deprecated in Apps Script but still there: the colour as a string, or null. */
  getBackground(): string | null {
    return this.data.format.background ?? null;
  }

  getBackgroundObject(): Color | null {
    const c = this.data.format.background;
    return c ? new Color(this.ctx, normalizeColor(c)) : null;
  }

  getFontColor(): string | null {
    return this.data.format.fontColor ?? null;
  }

  getFontColorObject(): Color | null {
    const c = this.data.format.fontColor;
    return c ? new Color(this.ctx, normalizeColor(c)) : null;
  }

  getBold(): boolean | null {
    return this.data.format.bold ?? null;
  }

  getItalic(): boolean | null {
    return this.data.format.italic ?? null;
  }

  getStrikethrough(): boolean | null {
    return this.data.format.strikethrough ?? null;
  }

  getUnderline(): boolean | null {
    return this.data.format.underline ?? null;
  }
}

export class ConditionalFormatRule extends ServiceObject {
  readonly data: Readonly<RuleData>;

  constructor(ctx: EmulatorState, data: RuleData) {
    super(ctx);
    this.data = copyRuleData(data);
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, copyRuleData(this.data));
  }

  getBooleanCondition(): BooleanCondition | null {
    return this.data.condition ? new BooleanCondition(this.ctx, this.data) : null;
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): Range[] {
    return this.ctx.array(this.data.ranges.map((r) => new Range(this.ctx, r.sheet, r.rect)));
  }
}

export class ConditionalFormatRuleBuilder extends ServiceObject {
  #data: RuleData;

  constructor(ctx: EmulatorState, data?: RuleData) {
    super(ctx);
    this.#data = data ?? { ranges: [], condition: null, format: {} };
  }

  #when(criteria: BooleanCriteriaName, values: unknown[]): this {
    this.#data.condition = { criteria, values };
    return this;
  }

  build(): ConditionalFormatRule {
    return new ConditionalFormatRule(this.ctx, this.#data);
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, copyRuleData(this.#data));
  }

  getBooleanCondition(): BooleanCondition | null {
    return this.#data.condition ? new BooleanCondition(this.ctx, copyRuleData(this.#data)) : null;
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): Range[] {
    return this.ctx.array(this.#data.ranges.map((r) => new Range(this.ctx, r.sheet, r.rect)));
  }

  setRanges(ranges: unknown[]): this {
    if (!Array.isArray(ranges))
      throw this.ctx.fail(
        "The parameters don't match the method signature for ConditionalFormatRuleBuilder.setRanges.",
      );
    this.#data.ranges = ranges.map((range) => {
      if (!(range instanceof Range)) {
        throw this.ctx.fail("ConditionalFormatRuleBuilder.setRanges expects an array of Range objects.");
      }
      return { sheet: range.sheet, rect: { ...range.rect } };
    });
    return this;
  }

  setBackground(color: string | null): this {
    this.#data.format.background = color === null ? null : String(color);
    return this;
  }

  setFontColor(color: string | null): this {
    this.#data.format.fontColor = color === null ? null : String(color);
    return this;
  }

  setBold(bold: boolean | null): this {
    this.#data.format.bold = bold;
    return this;
  }

  setItalic(italic: boolean | null): this {
    this.#data.format.italic = italic;
    return this;
  }

  setStrikethrough(strikethrough: boolean | null): this {
    this.#data.format.strikethrough = strikethrough;
    return this;
  }

  setUnderline(underline: boolean | null): this {
    this.#data.format.underline = underline;
    return this;
  }

  whenCellEmpty(): this {
    return this.#when("CELL_EMPTY", []);
  }

  whenCellNotEmpty(): this {
    return this.#when("CELL_NOT_EMPTY", []);
  }

  whenDateAfter(date: Date): this {
    return this.#when("DATE_AFTER", [date]);
  }

  whenDateBefore(date: Date): this {
    return this.#when("DATE_BEFORE", [date]);
  }

  whenDateEqualTo(date: Date): this {
    return this.#when("DATE_EQUAL_TO", [date]);
  }

  whenFormulaSatisfied(formula: string): this {
    return this.#when("CUSTOM_FORMULA", [String(formula)]);
  }

  whenNumberBetween(start: number, end: number): this {
    return this.#when("NUMBER_BETWEEN", [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): this {
    return this.#when("NUMBER_NOT_BETWEEN", [start, end]);
  }

  whenNumberEqualTo(number: number): this {
    return this.#when("NUMBER_EQUAL_TO", [number]);
  }

  whenNumberNotEqualTo(number: number): this {
    return this.#when("NUMBER_NOT_EQUAL_TO", [number]);
  }

  whenNumberGreaterThan(number: number): this {
    return this.#when("NUMBER_GREATER_THAN", [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this.#when("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  whenNumberLessThan(number: number): this {
    return this.#when("NUMBER_LESS_THAN", [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): this {
    return this.#when("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  whenTextContains(text: string): this {
    return this.#when("TEXT_CONTAINS", [String(text)]);
  }

  whenTextDoesNotContain(text: string): this {
    return this.#when("TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }

  whenTextEqualTo(text: string): this {
    return this.#when("TEXT_EQUAL_TO", [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return this.#when("TEXT_STARTS_WITH", [String(text)]);
  }

  whenTextEndsWith(text: string): this {
    return this.#when("TEXT_ENDS_WITH", [String(text)]);
  }

  withCriteria(criteria: unknown, args: unknown[]): this {
    const name = criteria instanceof EnumValue ? criteria.name() : String(criteria);
    if (!(name in BooleanCriteria)) throw this.ctx.fail("Invalid argument: criteria");
    return this.#when(name as BooleanCriteriaName, Array.isArray(args) ? [...args] : []);
  }
}

instrument(BooleanCondition, "BooleanCondition");
instrument(ConditionalFormatRule, "ConditionalFormatRule");
instrument(ConditionalFormatRuleBuilder, "ConditionalFormatRuleBuilder");

// ---------------------------------------------------------------------------------------------
// Evaluation

/** The format of the first rule of `sheet` that applies to (row, col), if any. */
export function conditionalFormatAt(sheet: Sheet, row: number, col: number): RuleFormat | undefined {
  for (const rule of sheet.conditionalRules) {
    const covers = rule.ranges.some(
      (r) =>
        r.sheet === sheet &&
        row >= r.rect.row &&
        row < r.rect.row + r.rect.numRows &&
        col >= r.rect.col &&
        col < r.rect.col + r.rect.numCols,
    );
    if (covers && ruleMatches(rule, sheet, row, col)) return rule.format;
  }
  return undefined;
}

export function ruleMatches(rule: RuleData, sheet: Sheet, row: number, col: number): boolean {
  const condition = rule.condition;
  if (!condition) return false;
  const cell = sheet.grid.get(row, col);
  const value: Scalar = cell?.value ?? "";
  const [a, b] = condition.values;
  const num = typeof value === "number" ? value : undefined;
  const text = () => displayValue(value, cell?.format?.numberFormat).toLowerCase();
  const arg = (v: unknown) => String(v ?? "").toLowerCase();
  const day = (v: unknown) =>
    isDate(v) ? Math.floor(serialOfInstant(v.getTime(), sheet.spreadsheet.timeZone)) : Number.NaN;
  switch (condition.criteria) {
    case "CELL_EMPTY":
      return value === "";
    case "CELL_NOT_EMPTY":
      return value !== "";
    case "NUMBER_BETWEEN":
      return (
        num !== undefined && num >= Math.min(Number(a), Number(b)) && num <= Math.max(Number(a), Number(b))
      );
    case "NUMBER_NOT_BETWEEN":
      return (
        num !== undefined && (num < Math.min(Number(a), Number(b)) || num > Math.max(Number(a), Number(b)))
      );
    case "NUMBER_EQUAL_TO":
      return num !== undefined && num === Number(a);
    case "NUMBER_NOT_EQUAL_TO":
      return num !== undefined && num !== Number(a);
    case "NUMBER_GREATER_THAN":
      return num !== undefined && num > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return num !== undefined && num >= Number(a);
    case "NUMBER_LESS_THAN":
      return num !== undefined && num < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return num !== undefined && num <= Number(a);
    case "TEXT_CONTAINS":
      return value !== "" && text().includes(arg(a));
    case "TEXT_DOES_NOT_CONTAIN":
      return value !== "" && !text().includes(arg(a));
    case "TEXT_EQUAL_TO":
      return value !== "" && text() === arg(a);
    case "TEXT_STARTS_WITH":
      return value !== "" && text().startsWith(arg(a));
    case "TEXT_ENDS_WITH":
      return value !== "" && text().endsWith(arg(a));
    case "DATE_EQUAL_TO":
      return num !== undefined && Math.floor(num) === day(a);
    case "DATE_BEFORE":
      return num !== undefined && Math.floor(num) < day(a);
    case "DATE_AFTER":
      return num !== undefined && Math.floor(num) > day(a);
    case "CUSTOM_FORMULA": {
      const anchor = rule.ranges[0]?.rect;
      if (!anchor || typeof a !== "string") return false;
      try {
        const result = evaluateFormula(a, (ref) => {
          const r = ref.absRow ? ref.row : ref.row + (row - anchor.row);
          const c = ref.absCol ? ref.col : ref.col + (col - anchor.col);
          return sheet.grid.get(r, c)?.value ?? "";
        });
        return result === true || (typeof result === "number" && result !== 0);
      } catch {
        return false;
      }
    }
    default:
      return false; // relative dates are not emulated
  }
}

// A tiny formula language, enough for the custom formulas conditional formats are made of.

interface CellRef {
  row: number;
  col: number;
  absRow: boolean;
  absCol: boolean;
}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: CellRef }
  | { t: "name"; v: string }
  | { t: "op"; v: string };

const TOKEN_PATTERNS: [RegExp, (m: RegExpExecArray) => Token | undefined][] = [
  [/^\s+/, () => undefined],
  [/^(\d+\.?\d*|\.\d+)/, (m) => ({ t: "num", v: Number(m[0]) })],
  [/^"((?:[^"]|"")*)"/, (m) => ({ t: "str", v: (m[1] ?? "").replace(/""/g, '"') })],
  [
    /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/,
    (m) => {
      let col = 0;
      for (const ch of (m[2] ?? "").toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
      return { t: "ref", v: { col, row: Number(m[4]), absCol: m[1] === "$", absRow: m[3] === "$" } };
    },
  ],
  [/^[A-Za-z_][A-Za-z0-9_.]*/, (m) => ({ t: "name", v: m[0].toUpperCase() })],
  [/^(<>|<=|>=|[=<>(),&+\-*/])/, (m) => ({ t: "op", v: m[0] })],
];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let rest = src;
  while (rest !== "") {
    let matched = false;
    for (const [pattern, make] of TOKEN_PATTERNS) {
      const m = pattern.exec(rest);
      if (!m) continue;
      const token = make(m);
      if (token) out.push(token);
      rest = rest.slice(m[0].length);
      matched = true;
      break;
    }
    if (!matched) throw new Error(`Unsupported formula text: ${rest}`);
  }
  return out;
}

type Value = Scalar;

/** Evaluates a formula of the tiny language; throws for anything outside it. */
export function evaluateFormula(formula: string, read: (ref: CellRef) => Value): Value {
  const tokens = tokenize(formula.replace(/^\s*=/, ""));
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const expectOp = (op: string) => {
    const t = take();
    if (t?.t !== "op" || t.v !== op) throw new Error(`Expected ${op}`);
  };

  const comparison = (): Value => {
    const left = concat();
    const t = peek();
    if (t?.t === "op" && ["=", "<>", "<", "<=", ">", ">="].includes(t.v)) {
      pos++;
      return compare(left, concat(), t.v);
    }
    return left;
  };
  const concat = (): Value => {
    let left = additive();
    while (peek()?.t === "op" && peek()?.v === "&") {
      pos++;
      left = `${asText(left)}${asText(additive())}`;
    }
    return left;
  };
  const additive = (): Value => {
    let left = multiplicative();
    for (let t = peek(); t?.t === "op" && (t.v === "+" || t.v === "-"); t = peek()) {
      pos++;
      const right = asNumber(multiplicative());
      left = t.v === "+" ? asNumber(left) + right : asNumber(left) - right;
    }
    return left;
  };
  const multiplicative = (): Value => {
    let left = unary();
    for (let t = peek(); t?.t === "op" && (t.v === "*" || t.v === "/"); t = peek()) {
      pos++;
      const right = asNumber(unary());
      left = t.v === "*" ? asNumber(left) * right : asNumber(left) / right;
    }
    return left;
  };
  const unary = (): Value => {
    const t = peek();
    if (t?.t === "op" && t.v === "-") {
      pos++;
      return -asNumber(unary());
    }
    return primary();
  };
  const primary = (): Value => {
    const t = take();
    if (!t) throw new Error("Unexpected end of formula");
    if (t.t === "num" || t.t === "str") return t.v;
    if (t.t === "ref") return read(t.v);
    if (t.t === "op" && t.v === "(") {
      const v = comparison();
      expectOp(")");
      return v;
    }
    if (t.t === "name") {
      if (t.v === "TRUE" || t.v === "FALSE") {
        if (peek()?.t === "op" && peek()?.v === "(") {
          pos++;
          expectOp(")");
        }
        return t.v === "TRUE";
      }
      expectOp("(");
      const args: Value[] = [];
      const refs: (CellRef | undefined)[] = [];
      if (!(peek()?.t === "op" && peek()?.v === ")")) {
        for (;;) {
          const next = peek();
          refs.push(next?.t === "ref" ? next.v : undefined);
          args.push(comparison());
          if (peek()?.t === "op" && peek()?.v === ",") pos++;
          else break;
        }
      }
      expectOp(")");
      switch (t.v) {
        case "AND":
          return args.every(truthy);
        case "OR":
          return args.some(truthy);
        case "NOT":
          return !truthy(args[0] ?? false);
        case "ISBLANK":
          return refs[0] !== undefined && args[0] === "";
        default:
          throw new Error(`Unsupported function ${t.v}`);
      }
    }
    throw new Error("Unsupported formula");
  };

  const result = comparison();
  if (pos !== tokens.length) throw new Error("Unsupported formula");
  return result;
}

function truthy(v: Value): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === "") return false;
  throw new Error("Text is not a truth value");
}

function asNumber(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new Error("Not a number");
  return n;
}

function asText(v: Value): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Sheets' comparison: blanks match 0, "" and FALSE; text ignores case; numbers < text < booleans. */
function compare(a: Value, b: Value, op: string): boolean {
  const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let x: Value = a;
  let y: Value = b;
  if (x === "" && y !== "") x = typeof y === "number" ? 0 : typeof y === "boolean" ? false : "";
  if (y === "" && x !== "") y = typeof x === "number" ? 0 : typeof x === "boolean" ? false : "";
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string" && typeof y === "string") c = x.toLowerCase().localeCompare(y.toLowerCase());
  else c = Number(x) - Number(y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    default:
      return c >= 0;
  }
}
