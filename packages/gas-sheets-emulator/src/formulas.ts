/**
 * The one kind of formula the emulator calculates: a call of the loaded bundle's own custom
 * function, `=HEALTHSCORE(A2:M, A1:M1, HealthRubric)`, whose arguments are ranges, named ranges
 * or literals. Sheets' argument shapes: a range of more than one cell arrives as a 2-D array of
 * values (as getValues returns them: numbers, booleans, Dates for date cells, '' for empty ones),
 * one cell as its value alone. The result is written where Sheets shows it: a scalar in the
 * formula's cell, a 2-D array spilling right and down from it.
 *
 * Kept small on purpose, and honest about it:
 * - Any other formula (built-in functions, operators, nested calls, an empty argument) is not
 *   calculated: it keeps its text, and its value stays what the emulator gave it ('' or a literal).
 * - A name the bundle does not mark `@customfunction` is left alone too (it may be a built-in);
 *   a custom function the document does not know yet (addonInUse false) shows #NAME?.
 * - A function that throws shows #ERROR! with its message (emu.formulaErrors, as the cell's
 *   tooltip); a result that would spill over other content shows #REF!, as in Sheets.
 * - Nothing recalculates by itself: emu.recalculate() calculates every such formula, in reading
 *   order, again while results change (at most three passes, so chains of up to three formulas
 *   settle). Sheets recalculates a formula when its arguments change; the playground asks after
 *   every action, which shows the same values.
 */
import { parseA1, rectToA1, resolveA1, splitSheetName } from "./a1";
import type { Cell } from "./grid";
import { findNamedRange, sheetNamed } from "./names";
import type { Sheet } from "./sheet";
import type { Spreadsheet } from "./spreadsheet";
import { serialOfInstant } from "./time";
import { DATE_FORMAT, readValue, type Scalar } from "./values";

/** Calls a custom function of the bundle with a custom function's rights; throws as it throws. */
export type CustomFunctionRunner = (name: string, args: unknown[]) => unknown;

type Arg =
  | { range: { sheet: Sheet; row: number; col: number; numRows: number; numCols: number } }
  | { value: Scalar };

interface Call {
  name: string;
  args: Arg[];
}

/** A formula error as Sheets shows it: the cell's text and its tooltip. */
export interface FormulaError {
  sheet: string;
  a1: string;
  error: "#NAME?" | "#ERROR!" | "#REF!";
  message: string;
}

/** The names after `@customfunction` JSDoc blocks in a bundle, as Sheets offers them (upper case). */
export function customFunctionNames(code: string): Map<string, string> {
  const names = new Map<string, string>();
  const block = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (const m of code.matchAll(block)) {
    if (/@customfunction\b/.test(m[1] ?? "") && m[2]) names.set(m[2].toUpperCase(), m[2]);
  }
  return names;
}

/** Splits an argument list at top-level commas, minding "strings" and 'quoted sheet names'. */
function splitArgs(text: string): string[] | undefined {
  const out: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "(" || ch === ")" || ch === "{" || ch === "}")
      return undefined; // nested: not ours
    else if (ch === ",") {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (quote) return undefined;
  if (current.trim() !== "" || out.length > 0) out.push(current.trim());
  return out;
}

function parseArg(text: string, ss: Spreadsheet, home: Sheet): Arg | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { value: Number(text) };
  const str = /^"((?:[^"]|"")*)"$/.exec(text);
  if (str) return { value: (str[1] ?? "").replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(text)) return { value: /^TRUE$/i.test(text) };
  const named = /^[A-Za-z_][\w.]*$/.test(text) ? findNamedRange(ss, text) : undefined;
  if (named) return { range: { sheet: named.sheet, ...named.rect } };
  const { sheetName, cells } = splitSheetName(text);
  const sheet = sheetName === undefined ? home : sheetNamed(ss, sheetName);
  const ref = parseA1(cells);
  const rect = sheet && ref && resolveA1(ref, sheet.grid.maxRows, sheet.grid.maxCols);
  return sheet && rect ? { range: { sheet, ...rect } } : undefined;
}

/** The call in a formula, or undefined when it is not one the emulator calculates. */
function parseCall(formula: string, ss: Spreadsheet, home: Sheet): Call | undefined {
  const m = /^=\s*([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!m) return undefined;
  const texts = splitArgs(m[2] ?? "");
  if (!texts || texts.some((t) => t === "")) return undefined;
  const args = texts.map((t) => parseArg(t, ss, home));
  if (args.some((a) => a === undefined)) return undefined;
  return { name: (m[1] ?? "").toUpperCase(), args: args as Arg[] };
}

/** An argument as a custom function receives it. */
function argValue(arg: Arg, timeZone: string): unknown {
  if ("value" in arg) return arg.value;
  const { sheet, row, col, numRows, numCols } = arg.range;
  const read = (r: number, c: number) => {
    const cell = sheet.grid.get(r, c);
    return readValue(cell?.value ?? "", cell?.format?.numberFormat, timeZone, Date);
  };
  if (numRows === 1 && numCols === 1) return read(row, col);
  return Array.from({ length: numRows }, (_, i) =>
    Array.from({ length: numCols }, (_, j) => read(row + i, col + j)),
  );
}

/** A result as rows of cells: a scalar is one cell, a flat array one row. */
function resultGrid(result: unknown): unknown[][] {
  if (!Array.isArray(result)) return [[result]];
  if (result.length === 0) return [[""]];
  return result.every(Array.isArray) ? (result as unknown[][]) : [result];
}

/** Stores one result value in a cell; a Date becomes a serial in a date-formatted cell. */
function storeResult(cell: Cell, value: unknown, timeZone: string): void {
  if (value instanceof Date || Object.prototype.toString.call(value) === "[object Date]") {
    cell.value = serialOfInstant((value as Date).getTime(), timeZone);
    if (cell.format?.numberFormat === undefined) cell.format = { ...cell.format, numberFormat: DATE_FORMAT };
  } else if (typeof value === "number") cell.value = Number.isFinite(value) ? value : "#NUM!";
  else if (typeof value === "boolean" || typeof value === "string") cell.value = value;
  else cell.value = value === null || value === undefined ? "" : String(value);
}

/** What a recalculation keeps between runs: the cells each formula spilled into, and its errors. */
interface CalcState {
  spills: { sheet: Sheet; cells: [number, number][] }[];
  errors: FormulaError[];
}

/** One per spreadsheet (kept here so the shared state need not know this file's types). */
const calcs = new WeakMap<Spreadsheet, CalcState>();

function calcOf(ss: Spreadsheet): CalcState {
  let calc = calcs.get(ss);
  if (!calc) {
    calc = { spills: [], errors: [] };
    calcs.set(ss, calc);
  }
  return calc;
}

/** The #NAME?, #ERROR! and #REF! cells of the spreadsheet's last recalculation. */
export function formulaErrors(ss: Spreadsheet): FormulaError[] {
  return calcOf(ss).errors.map((e) => ({ ...e }));
}

const messageOf = (e: unknown) =>
  typeof e === "object" && e !== null && "message" in e ? String((e as Error).message) : String(e);

/**
 * Calculates every formula that calls one of `names` (upper case → the bundle's name) through
 * `run`. Spilled values of the previous calculation are cleared first, so a shorter result
 * leaves nothing behind.
 */
export function recalculate(
  ss: Spreadsheet,
  names: ReadonlyMap<string, string>,
  run: CustomFunctionRunner,
): void {
  const calc = calcOf(ss);
  for (const { sheet, cells } of calc.spills) {
    for (const [r, c] of cells) {
      const cell = sheet.grid.get(r, c);
      if (cell && cell.formula === undefined) {
        cell.value = "";
        sheet.grid.tidy(r, c);
      }
    }
  }
  calc.spills = [];
  const timeZone = ss.timeZone;
  const formulas: { sheet: Sheet; row: number; col: number; call: Call }[] = [];
  for (const sheet of ss.sheets) {
    for (const [row, col, cell] of sheet.grid.cells()) {
      if (cell.formula === undefined) continue;
      const call = parseCall(cell.formula, ss, sheet);
      if (call && names.has(call.name)) formulas.push({ sheet, row, col, call });
    }
  }
  let before = "";
  for (let pass = 0; pass < 3; pass++) {
    calc.errors = [];
    const spills: CalcState["spills"] = [];
    const results = formulas.map(({ sheet, row, col, call }) => {
      const anchor = sheet.grid.ensure(row, col);
      const where = { sheet: sheet.name, a1: rectToA1({ row, col, numRows: 1, numCols: 1 }) };
      let grid: unknown[][];
      try {
        grid = resultGrid(
          run(
            names.get(call.name) as string,
            call.args.map((a) => argValue(a, timeZone)),
          ),
        );
      } catch (e) {
        const message = messageOf(e);
        const error = /^Unknown function/.test(message) ? "#NAME?" : "#ERROR!";
        anchor.value = error;
        calc.errors.push({ ...where, error, message });
        return error;
      }
      const cells: [number, number][] = [];
      grid.forEach((cellsOfRow, i) => {
        cellsOfRow.forEach((_, j) => {
          if (i > 0 || j > 0) cells.push([row + i, col + j]);
        });
      });
      const blocked = cells.find(([r, c]) => {
        const cell = sheet.grid.get(r, c);
        return (
          r > sheet.grid.maxRows ||
          c > sheet.grid.maxCols ||
          (cell !== undefined && (cell.formula !== undefined || cell.value !== ""))
        );
      });
      if (blocked) {
        anchor.value = "#REF!";
        const [r, c] = blocked;
        calc.errors.push({
          ...where,
          error: "#REF!",
          message: `Array result was not expanded because it would overwrite data in ${rectToA1({ row: r, col: c, numRows: 1, numCols: 1 })}.`,
        });
        return "#REF!";
      }
      storeResult(anchor, grid[0]?.[0], timeZone);
      for (const [r, c] of cells) storeResult(sheet.grid.ensure(r, c), grid[r - row]?.[c - col], timeZone);
      spills.push({ sheet, cells });
      return grid;
    });
    calc.spills = spills;
    if (formulas.length <= 1) break; // one formula cannot read its own result: nothing to settle
    const now = JSON.stringify(results);
    if (now === before) break;
    before = now;
    if (pass < 2) {
      // Clear this pass's spills before the next, as at the start.
      for (const { sheet, cells } of spills) {
        for (const [r, c] of cells) {
          const cell = sheet.grid.get(r, c);
          if (cell && cell.formula === undefined) cell.value = "";
        }
      }
    }
  }
}
