/**
 * Sources in the spreadsheet: each source the rubric reads is a sheet (its Sources table names
 * it), read with ONE getValues, its header row found as the data sheet's is (the first of the top
 * rows naming a column the rubric reads of it). So a rescore's service calls do not grow with the
 * rows of the data nor of the sources.
 *
 * The custom functions cannot be told when a sheet they did not receive changes: Sheets
 * recalculates a formula only when its arguments change. So HEALTHSCORE and HEALTHDRIVERS take the
 * source ranges as arguments, after their own, in the order of the Sources table; a formula whose
 * rubric reads a source it was not given stops with a sentence saying how to pass it, rather than
 * show numbers that would go stale.
 */
import {
  activityNotes,
  type CellValue,
  findHeaderRow,
  MissingSourceError,
  RUBRIC_SHEET,
  type Rubric,
  type Scorecard,
  type Source,
  SourceColumnError,
  type SourceTables,
  sourceNamesRead,
} from "../core";
import { AddonError } from "./dataSheet";
import { asGrid } from "./grid";

export interface SourceSheets {
  tables: SourceTables;
  /** Source name → its sheet and the sheet row of its first data row. */
  where: Record<string, { sheet: string; firstRow: number }>;
}

/** The names of the sources the rubric reads, in the order its Sources table lists them. */
export function sourcesRead(rubric: Rubric): string[] {
  return declaredSourcesRead(rubric).map(([name]) => name);
}

/** The sources the rubric reads, by name, each with its row of the Sources table. */
function declaredSourcesRead(rubric: Rubric): [string, Source][] {
  const read = new Set(sourceNamesRead(rubric));
  return Object.entries(rubric.sources ?? {}).filter(([name]) => read.has(name));
}

function table(rubric: Rubric, name: string, values: CellValue[][]) {
  const headerIndex = Math.max(0, findHeaderRow(values, rubric, name));
  return {
    // Stryker disable next-line ArrayDeclaration: an empty sheet's headers name no column, and no rubric reads one called "Stryker was here"
    headers: values[headerIndex] ?? [],
    rows: values.slice(headerIndex + 1),
    firstRow: headerIndex + 2,
  };
}

/** Reads every source sheet the rubric reads (one getValues each). */
export function readSourceSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rubric: Rubric): SourceSheets {
  const tables: Record<string, { headers: CellValue[]; rows: CellValue[][] }> = {};
  const where: SourceSheets["where"] = {};
  for (const [name, { sheet: sheetName }] of declaredSourcesRead(rubric)) {
    const sheet = ss.getSheetByName(sheetName);
    if (!sheet) {
      throw new AddonError(
        `The rubric reads the source "${name}" from the sheet "${sheetName}", which this spreadsheet does not have: add that sheet (its rows under a header row), or change the Sources table on the ${RUBRIC_SHEET} sheet.`,
      );
    }
    const values = (sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues()) as CellValue[][];
    const { firstRow, ...t } = table(rubric, name, values);
    tables[name] = t;
    where[name] = { sheet: sheetName, firstRow };
  }
  return { tables, where };
}

/**
 * The source ranges a formula was given, in the order of the rubric's Sources table (the sources
 * it reads). Each is a whole range with its header row, e.g. Logins!A:C.
 */
export function sourcesFromArguments(
  fn: string,
  rubric: Rubric,
  args: readonly unknown[],
  /** The blank optional arguments the error's example leaves between the rubric and the sources. */
  gap = ", ",
): SourceSheets {
  const declared = declaredSourcesRead(rubric);
  const names = declared.map(([name]) => name);
  const given = args.filter((a) => a !== undefined && a !== "");
  if (given.length < names.length) {
    const sheets = declared.map(([, source]) => `${source.sheet}!A:Z`);
    throw new Error(
      `${fn}: the rubric reads ${names.length === 1 ? "the source" : "the sources"} ${names.join(", ")}: pass ${names.length === 1 ? "its range" : "their ranges"} after the formula's own arguments, in the order of the Sources table, e.g. =${fn}(A2:M200, A1:M1, HealthRubric${gap}, ${sheets.join(", ")}), so it recalculates when they change.`,
    );
  }
  const tables: Record<string, { headers: CellValue[]; rows: CellValue[][] }> = {};
  const where: SourceSheets["where"] = {};
  names.forEach((name, i) => {
    const { firstRow, ...t } = table(rubric, name, asGrid(given[i]) as CellValue[][]);
    tables[name] = t;
    where[name] = { sheet: `${fn}'s source range ${i + 1}`, firstRow };
  });
  return { tables, where };
}

/** Builds a scorecard, saying a source's missing columns with its sheet. */
export function withSourceSheets<T>(sources: SourceSheets, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof SourceColumnError) {
      // Stryker disable next-line OptionalChaining: every source the error names was read, so has a sheet
      const sheets = e.sources.map((n) => `"${sources.where[n]?.sheet ?? n}"`).join(", ");
      throw new AddonError(`${e.message.replace(/\.$/, "")} (sheet ${sheets}).`);
    }
    // Stryker disable next-line ConditionalExpression: readSourceSheets and sourcesFromArguments give every source the rubric reads (or refuse), so this is unreachable; `true` would only wrap a bug
    if (e instanceof MissingSourceError) throw new AddonError(e.message);
    throw e;
  }
}

/** What the source sheets held that did not count, as sentences (none when everything counted). */
export function sourceSheetNotes(card: Scorecard, sources: SourceSheets): string[] {
  const report = card.sourceReport();
  if (!report) return [];
  return activityNotes(report, card.rubric, (source, index) => {
    const w = sources.where[source];
    // Stryker disable next-line StringLiteral,ArithmeticOperator: the report names only sources that were read, each in where
    return w ? `${w.sheet} row ${w.firstRow + index}` : `row ${index + 1}`;
  });
}
