/**
 * `--source name=file`: the rows of each source the rubric reads, read whole (the per-account
 * index needs every row before the first account is scored; the data file still streams), and the
 * report of what they held that did not count, for stderr.
 */
import {
  activityNotes,
  type CellValue,
  type Rubric,
  type Scorecard,
  type SourceColumnError,
  type SourceTable,
  type SourceTables,
  sourceNamesRead,
} from "../src/core";
import { openCsv } from "./csv";
import { CliError } from "./io";

export interface SourceFiles {
  tables: SourceTables;
  /** Source name → its file, and the file row of its first data row. */
  files: Record<string, { path: string; firstRow: number }>;
}

/**
 * `--source name=where` as a map (`where` a file, or for the SQL export a table), checked against
 * the rubric: a name the rubric does not declare, or a spec without `=`, is one sentence and exit
 * 2; with `every`, a source the rubric reads but that is not given is one sentence and exit 1.
 */
export function sourceSpecs(
  rubric: Rubric,
  specs: readonly string[],
  { what = "file", every = true }: { what?: "file" | "table"; every?: boolean } = {},
): Record<string, string> {
  const given = givenSources(Object.keys(rubric.sources ?? {}), specs, what);
  const absent = every ? sourceNamesRead(rubric).filter((name) => given[name] === undefined) : [];
  if (absent.length > 0) {
    const one = absent.length === 1;
    throw new CliError(
      `The rubric reads the ${one ? "source" : "sources"} ${absent.map((n) => `"${n}"`).join(", ")}: give ${one ? "its file" : "their files"} with ${absent.map((n) => `--source ${n}=<${n}.csv>`).join(" ")}.`,
    );
  }
  return given;
}

/** `--source name=where` as a map, each name one of the `declared` sources (else exit 2). */
export function givenSources(
  declared: readonly string[],
  specs: readonly string[],
  what: "file" | "table" = "file",
): Record<string, string> {
  const given: Record<string, string> = {};
  for (const spec of specs) {
    const at = spec.indexOf("=");
    const name = spec.slice(0, at).trim();
    if (at < 1 || at === spec.length - 1)
      throw new CliError(
        `--source must be written name=${what}, like --source ${what === "file" ? "logins=logins.csv" : "logins=analytics.logins"}, not "${spec}".`,
        2,
      );
    if (!declared.includes(name)) {
      const known =
        declared.length === 0
          ? "the rubric declares no sources"
          : `the rubric's sources are ${declared.join(", ")}`;
      throw new CliError(`--source ${name}: the rubric has no source "${name}" (${known}).`, 2);
    }
    given[name] = spec.slice(at + 1);
  }
  return given;
}

/**
 * Reads the files given as `name=file` for the sources the rubric reads. A source the rubric reads
 * but that is not given, or a name the rubric does not declare, is one sentence and a non-zero exit.
 */
export async function readSources(
  rubric: Rubric,
  specs: readonly string[],
  encoding?: string,
): Promise<SourceFiles> {
  const given = sourceSpecs(rubric, specs);
  const read = sourceNamesRead(rubric);
  const tables: Record<string, SourceTable> = {};
  const files: SourceFiles["files"] = {};
  for (const name of read) {
    const path = given[name] as string;
    const csv = await openCsv(path, { rubric, encoding, source: name });
    const rows: CellValue[][] = [];
    for await (const batch of csv.batches) for (const row of batch) rows.push(row);
    tables[name] = { headers: csv.headers, rows };
    files[name] = { path, firstRow: csv.headerRow + 1 };
  }
  return { tables, files };
}

/** A source's missing columns, said with its file. */
export function sourceColumnError(e: SourceColumnError, sources: SourceFiles): CliError {
  // Stryker disable next-line OptionalChaining: equivalent, every source the error names was read from a file
  return new CliError(`${e.sources.map((name) => sources.files[name]?.path).join(", ")}: ${e.message}`);
}

/** What the sources held that did not count, as lines for stderr (none when everything counted). */
export function sourceNotes(card: Scorecard, sources: SourceFiles): string[] {
  const report = card.sourceReport();
  if (!report) return [];
  return activityNotes(report, card.rubric, (source, index) => {
    const file = sources.files[source];
    if (file) return `${file.path} row ${file.firstRow + index}`;
    // Stryker disable next-line StringLiteral,ArithmeticOperator: unreachable here, every source read has a file (activityNotes asks of any source)
    return `row ${index + 1}`;
  });
}
