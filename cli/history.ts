/**
 * `healthscore history`: the Health History sheet's CSV export, rescored under another rubric, and
 * history backfilled from raw activity, as the add-on's menu commands do (the same core).
 *
 *   healthscore history rescore history.csv --rubric r.json [--out file.csv]
 *   healthscore history backfill accounts.csv --rubric r.json --source logins=logins.csv ... [--weeks 26] [--as-of D] [--out file.csv]
 */
import { writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import {
  BACKFILL_WEEKS,
  backfillDates,
  backfillProblem,
  backfillWeek,
  type CellValue,
  ColumnError,
  HISTORY_HEADERS,
  headerKey,
  isBlankRow,
  prepareSources,
  rescoreHistory,
  type Snapshot,
  SourceColumnError,
  undatedColumns,
  valuesText,
} from "../src/core";
import { csvLine, openCsv } from "./csv";
import { CliError, readText, requireRubric } from "./io";
import { readSources, sourceColumnError } from "./sources";

export interface HistoryOptions {
  files: readonly string[];
  rubric?: string;
  out?: string;
  weeks?: string;
  source?: string[];
  encoding?: string;
  asOf: string;
  timeZone: string;
  /** Where what it did is said. */
  stderr: NodeJS.WritableStream;
}

/** Runs `history rescore` or `history backfill`; returns the CSV, or writes it to --out. What it did goes to stderr. */
export async function historyCommand(options: HistoryOptions, usage: string): Promise<string | undefined> {
  const [verb, ...files] = options.files;
  if (verb !== "rescore" && verb !== "backfill")
    throw new CliError(
      `history takes rescore or backfill, not ${verb ? `"${verb}"` : "nothing"}.\n\n${usage}`,
      2,
    );
  if (files.length !== 1)
    throw new CliError(
      `history ${verb} takes one ${verb === "rescore" ? "history" : "data"} file.\n\n${usage}`,
      2,
    );
  if (!options.rubric) throw new CliError(`history ${verb} needs --rubric <rubric.json>.\n\n${usage}`, 2);
  const file = files[0] as string;
  const result =
    verb === "rescore"
      ? rescore(file, options.rubric, options.timeZone)
      : await backfill(file, options.rubric, options);
  options.stderr.write(`healthscore: ${result.said}\n`);
  if (options.out === undefined) return result.csv.replace(/\n$/, "");
  writeFileSync(options.out, result.csv);
  return undefined;
}

/** A Health History export: its separator is the one that splits the header into Date, Account, …. */
function readHistoryCsv(path: string): string[][] {
  const text = readText(path, "History file").replace(/^\uFEFF/, "");
  const first = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", ";", "\t"].find((d) => {
    const cells = first.split(d).map((c) => headerKey(c.replace(/^"|"$/g, "")));
    return cells[0] === "date" && cells[1] === "account";
  });
  if (delimiter === undefined) {
    throw new CliError(
      `${path}: the first line must be the Health History header (${HISTORY_HEADERS.join(", ")}), not "${first.slice(0, 80)}": export the Health History sheet with File → Download → CSV.`,
    );
  }
  try {
    return parse(text, { delimiter, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new CliError(
      // Stryker disable next-line Regex,StringLiteral: cosmetic, csv-parse's messages end without a period
      `${path}: ${(e as Error).message.replace(/\.$/, "")}: is it a CSV export of Health History?`,
    );
  }
}

function rescore(path: string, rubricPath: string, timeZone: string): { csv: string; said: string } {
  const rubric = requireRubric(rubricPath);
  const grid = readHistoryCsv(path);
  let out: ReturnType<typeof rescoreHistory>;
  try {
    out = rescoreHistory(grid, rubric, timeZone);
  } catch (e) {
    throw new CliError(`${path}: ${(e as Error).message}`);
  }
  const width = Math.max(out.column + 2, ...grid.map((r) => r.length));
  const lines = grid.map((row, i) => {
    const cells = Array.from({ length: width }, (_, c) => row[c] ?? "");
    const [score, band] = out.cells[i] as CellValue[];
    // Stryker disable next-line StringLiteral: equivalent, the core gives every row a score cell, "" where there is none
    cells[out.column] = String(score ?? "");
    // Stryker disable next-line StringLiteral: equivalent, the core gives every row a band cell, "" where it does not rescore
    cells[out.column + 1] = String(band ?? "");
    return csvLine(cells, ",");
  });
  const parts = [
    `Rescored ${out.rescored} ${out.rescored === 1 ? "snapshot" : "snapshots"} under ${rubricPath} (${out.fingerprint}) into the columns Score ${out.fingerprint} and Band ${out.fingerprint}; the old scores are unchanged.`,
  ];
  if (out.own > 0) parts.push(`${out.own} taken under this rubric already hold its scores.`);
  if (out.withoutValues > 0) parts.push(`${out.withoutValues} have no Values and cannot be rescored.`);
  const said =
    out.rescored === 0 && out.own === 0
      ? `${path}: no row has Values to rescore (rows written before snapshots kept their values).`
      : parts.join(" ");
  return { csv: lines.join(""), said };
}

async function backfill(
  path: string,
  rubricPath: string,
  options: HistoryOptions,
): Promise<{ csv: string; said: string }> {
  const rubric = requireRubric(rubricPath);
  const problem = backfillProblem(rubric);
  if (problem) throw new CliError(`${rubricPath}: ${problem}`);
  const weeks = options.weeks === undefined ? BACKFILL_WEEKS : Number(options.weeks);
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new CliError(`--weeks must be a whole number of weeks, 1 or more, not "${options.weeks}".`, 2);
  const table = await openCsv(path, { rubric, encoding: options.encoding });
  const rows: string[][] = [];
  for await (const batch of table.batches) for (const row of batch) if (!isBlankRow(row)) rows.push(row);
  const key = (rubric.key ?? "").trim().toLowerCase();
  const keyColumn = Math.max(
    0,
    table.headers.findIndex((h) => headerKey(h) === key),
  );
  const sources = await readSources(rubric, options.source ?? [], options.encoding);
  const input = {
    rubric,
    headers: table.headers,
    rows,
    keyColumn,
    sources: prepareSources(rubric, sources.tables, options.timeZone),
    timeZone: options.timeZone,
  };
  const weeksDone: Snapshot[][] = [];
  try {
    for (const date of backfillDates(options.asOf, weeks)) weeksDone.push(backfillWeek(input, date));
  } catch (e) {
    if (e instanceof SourceColumnError) throw sourceColumnError(e, sources);
    if (e instanceof ColumnError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
  const lines = [csvLine([...HISTORY_HEADERS], ",")];
  for (const week of weeksDone.reverse()) {
    for (const s of week) {
      const values = s.values ? valuesText(s.values, options.timeZone) : "";
      lines.push(
        csvLine(
          [s.date, s.account, String(s.score ?? ""), s.band, String(s.coverage), s.rubric, values],
          ",",
        ),
      );
    }
  }
  const first = weeksDone[0]?.[0]?.date;
  const said = [
    `Backfilled ${weeksDone.length} ${weeksDone.length === 1 ? "week" : "weeks"} (${first} to ${options.asOf}) of ${rows.length} accounts from ${Object.values(
      sources.files,
    )
      .map((f) => f.path)
      .join(", ")}.`,
  ];
  const columns = undatedColumns(rubric);
  if (columns.length > 0)
    said.push(
      `${columns.join(", ")} ${columns.length === 1 ? "is a column" : "are columns"} of ${path} with no past: every week reads its cells as they are.`,
    );
  return { csv: lines.join(""), said: said.join(" ") };
}
