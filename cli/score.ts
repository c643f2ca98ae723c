/**
 * `healthscore score`: scores every row of a CSV with a rubric, as a table, CSV or JSON.
 *
 * It streams: rows are read, scored and written a batch at a time, so memory stays flat however
 * big the file (npm run bench measures it). An error found on the way (a row wider than the
 * header, a byte that is not UTF-8) stops the output at that row, and says so.
 */
import {
  ColumnError,
  columnLetter,
  columnsRead,
  coverageText,
  type Driver,
  explain,
  formulaSafe,
  headerKey,
  type RowResult,
  type Rubric,
  SCORE_COLUMNS,
  type Scorecard,
  SourceColumnError,
  type Summary,
  scorecard,
  scoreNonBlank,
  summarize,
} from "../src/core";
import { type CsvOptions, type CsvTable, csvLine, openCsv } from "./csv";
import { CliError, requireRubric, writeOut } from "./io";
import { JsonBytes } from "./jsonBytes";
import { Progress } from "./progress";
import { readSources, sourceColumnError, sourceNotes } from "./sources";
import { summaryLine, type TableLayout, tableHeader, tableLayout, tableLine } from "./table";

export type Format = "table" | "csv" | "json";

export interface ScoreArgs {
  data: string;
  rubric: string;
  asOf: string;
  timeZone: string;
  format: Format;
  color: boolean;
  width?: number;
  /** The data file's text encoding (a TextDecoder label); UTF-8 when absent. */
  encoding?: string;
  /** Where the table, CSV or JSON goes. */
  stdout: NodeJS.WritableStream;
  /** Where the progress line goes, when `progress`. */
  stderr: NodeJS.WritableStream;
  /** Show the progress line on `stderr`. */
  progress?: boolean;
  /** `name=file` for each source the rubric reads. */
  sources?: readonly string[];
  /** Where notes go (rows of sources that did not count): stderr. */
  note?: (line: string) => void;
}

/** One of the columns the add-on's rescore writes and `--format csv` appends. */
type OutputColumn = (typeof SCORE_COLUMNS)[number];

/** What one format makes of the stream: text for each batch as it is scored, and a last part. */
interface Writer {
  batch(rows: readonly string[][], results: readonly (RowResult | undefined)[]): string | Buffer;
  end(): string;
}

export async function score(args: ScoreArgs): Promise<void> {
  const rubric = requireRubric(args.rubric);
  const sources = await readSources(rubric, args.sources ?? [], args.encoding);
  const table = await openCsv(args.data, { rubric, encoding: args.encoding });
  let card: Scorecard;
  try {
    card = scorecard(rubric, table.headers, {
      asOf: args.asOf,
      timeZone: args.timeZone,
      sources: sources.tables,
    });
  } catch (e) {
    if (e instanceof SourceColumnError) throw sourceColumnError(e, sources);
    if (e instanceof ColumnError) throw new CliError(`${args.data}: ${e.message}`);
    throw e;
  }
  const writer =
    args.format === "json"
      ? jsonWriter()
      : args.format === "csv"
        ? await csvWriter(table, rubric, args)
        : tableWriter(rubric, args);

  const progress = new Progress(args.stderr, args.progress ?? false);
  let written = false;
  try {
    for await (const rows of table.batches) {
      const text = writer.batch(rows, scoreNonBlank(card, rows));
      progress.add(rows.length);
      if (text) {
        written = true;
        await writeOut(args.stdout, text);
      }
    }
  } catch (e) {
    progress.end();
    // Whatever was written stays (it is right); the user must know it is not the whole file.
    if (e instanceof CliError && written)
      throw new CliError(`${e.message.replace(/\.$/, "")} (the output stops there).`);
    throw e;
  }
  progress.end();
  await writeOut(args.stdout, writer.end());
  // Known only once every account has been seen: source rows that named none of them.
  for (const line of sourceNotes(card, sources)) args.note?.(line);
}

// ---- json: a streamed array ---------------------------------------------------------------------

function jsonWriter(): Writer {
  let first = true;
  const out = new JsonBytes(1 << 20);
  const heads = new DriverHeads();
  return {
    batch(_rows, results) {
      for (const r of results) {
        if (!r) continue;
        // One object per line: a line per account stays easy to grep or page through.
        out.ascii(first ? "[\n" : ",\n");
        jsonRow(out, r, heads);
        first = false;
      }
      return out.take();
    },
    end: () => (first ? "[]\n" : "\n]\n"),
  };
}

/**
 * A row as the JSON of `{ score, band, color, action?, segment?, note?, coverage, drivers, flags,
 * missing, invalid, explanation }`, written piece by piece (no object is built per row or driver).
 */
function jsonRow(out: JsonBytes, r: RowResult, heads: DriverHeads): void {
  out.ascii('{"score":');
  out.number(r.score);
  out.ascii(',"band":');
  out.string(r.band);
  out.ascii(',"color":');
  out.string(r.color);
  if (r.action) {
    out.ascii(',"action":');
    out.string(r.action);
  }
  if (r.segment) {
    out.ascii(',"segment":');
    out.string(r.segment);
  }
  if (r.note) {
    out.ascii(',"note":');
    out.string(r.note);
  }
  out.ascii(',"coverage":');
  out.rounded(r.coverage, 3);
  out.ascii(',"drivers":[');
  const drivers = r.drivers;
  for (let i = 0; i < drivers.length; i++) {
    const d = drivers[i] as Driver;
    if (i > 0) out.ascii(",");
    out.bytes(heads.of(d));
    if (typeof d.value === "string") out.string(d.value);
    else out.number(d.value);
    // Two decimals: enough to read, and short numbers are much quicker to write than 17 digits.
    out.ascii(',"score":');
    out.rounded(d.score, 2);
    out.ascii(',"impact":');
    out.rounded(d.impact, 2);
    out.ascii("}");
  }
  out.ascii('],"flags":');
  jsonList(out, r.flags);
  out.ascii(',"missing":');
  jsonList(out, r.missing);
  out.ascii(',"invalid":');
  jsonList(out, r.invalid);
  out.ascii(',"explanation":');
  out.string(explain(r));
  out.ascii("}");
}

/** Each metric's `{"id":…,"label":…,"value":`, which every row repeats, as bytes made once. */
class DriverHeads {
  // By id, with its label: a segment's rubric may give the same id another label.
  readonly #heads = new Map<string, { label: string; bytes: Uint8Array }>();

  of(d: Driver): Uint8Array {
    const known = this.#heads.get(d.id);
    if (known !== undefined && known.label === d.label) return known.bytes;
    const head = new JsonBytes(64);
    head.ascii('{"id":');
    head.string(d.id);
    head.ascii(',"label":');
    head.string(d.label);
    head.ascii(',"value":');
    const bytes = head.take();
    this.#heads.set(d.id, { label: d.label, bytes });
    return bytes;
  }
}

/** A list as JSON; most rows' lists are empty. */
function jsonList(out: JsonBytes, list: readonly unknown[]): void {
  if (list.length === 0) out.ascii("[]");
  else out.json(JSON.stringify(list));
}

// ---- table: fixed widths, lines as they come, the band counts at the end ------------------------

function tableWriter(rubric: Rubric, args: ScoreArgs): Writer {
  let layout: TableLayout | undefined;
  const total = summarize(rubric, []);
  return {
    batch(rows, results) {
      let text = "";
      if (!layout) {
        layout = tableLayout(
          rubric,
          rows.map((r) => r[0] ?? ""),
          { color: args.color, width: args.width },
        );
        text = `${tableHeader(layout)}\n`;
      }
      results.forEach((r, i) => {
        if (r) text += `${tableLine(layout as TableLayout, rows[i]?.[0] ?? "", r)}\n`;
      });
      addTo(total, summarize(rubric, results));
      return text;
    },
    end: () =>
      `${layout ? "" : `${tableHeader(tableLayout(rubric, [], args))}\n`}\n${summaryLine(total, args.color)}\n`,
  };
}

function addTo(total: Summary, part: Summary): void {
  total.rows += part.rows;
  total.noData += part.noData;
  part.bands.forEach((b, i) => {
    const band = total.bands[i];
    if (band) band.count += b.count;
  });
}

// ---- csv: the file as it was, with the output columns ---------------------------------------------

/**
 * Where each output goes. The four output columns side by side in this order are healthscore's
 * own (a file it scored, or a sheet Rescore wrote): they are written again in place, so scoring a
 * scored file is safe. Any other column titled like an output is the user's: used when empty,
 * refused when it holds data, as Rescore refuses it. Missing outputs are appended.
 */
async function csvWriter(table: CsvTable, rubric: Rubric, args: ScoreArgs): Promise<Writer> {
  const { path, headers, delimiter } = table;
  const keys = headers.map(headerKey);
  const read = new Set(columnsRead(rubric).map((c) => c.column.trim().toLowerCase()));
  const at = new Map<OutputColumn, number>();
  for (const output of SCORE_COLUMNS) {
    const key = output.toLowerCase();
    const found = keys.flatMap((k, i) => (k === key ? [i] : []));
    if (found.length > 1) {
      throw new CliError(
        `${path}: the header row has ${found.length} "${output}" columns (${found.map(columnLetter).join(", ")}): delete or rename all but one, then score again.`,
      );
    }
    if (found.length === 0) continue;
    const column = found[0] as number;
    if (read.has(key)) {
      throw new CliError(
        `${path}: the rubric reads column ${columnLetter(column)}, "${output}", which is where --format csv writes its ${output}: rename that column (and the rubric's metric or flag that reads it).`,
      );
    }
    at.set(output, column);
  }
  const first = at.get(SCORE_COLUMNS[0]);
  const ours = first !== undefined && SCORE_COLUMNS.every((o, i) => at.get(o) === first + i);
  if (!ours && at.size > 0) await refuseUserData(table, { rubric, encoding: args.encoding }, at);

  // The output's columns: each a column of the input, or an output.
  const columns: (number | OutputColumn)[] = headers.map((_, i) => i);
  for (const output of SCORE_COLUMNS) {
    const column = at.get(output);
    if (column === undefined) columns.push(output);
    else columns[column] = output;
  }
  const value = (output: OutputColumn, r: RowResult | undefined): string => {
    if (!r) return "";
    switch (output) {
      case "Health Score":
        return r.score === null ? "" : String(r.score);
      // Text we generate is opened in Sheets or Excel: it never starts like a formula.
      case "Health Band":
        return formulaSafe(r.band);
      case "Health Drivers":
        return formulaSafe(explain(r));
      case "Coverage":
        return coverageText(r.coverage);
    }
  };
  let text = table.titleRows.map((row) => csvLine(row, delimiter)).join("");
  text += csvLine(
    columns.map((c) => (typeof c === "number" ? (headers[c] as string) : c)),
    delimiter,
  );
  return {
    batch(rows, results) {
      rows.forEach((row, k) => {
        text += csvLine(
          columns.map((c) => (typeof c === "number" ? (row[c] as string) : value(c, results[k]))),
          delimiter,
        );
      });
      const out = text;
      text = "";
      return out;
    },
    end: () => text,
  };
}

/** Reads the file once before writing anything: a user's column titled like an output must be empty. */
async function refuseUserData(
  table: CsvTable,
  options: CsvOptions,
  at: Map<OutputColumn, number>,
): Promise<void> {
  const again = await openCsv(table.path, options);
  let row = again.headerRow;
  for await (const rows of again.batches) {
    for (const cells of rows) {
      row++;
      for (const [output, column] of at) {
        const cell = cells[column] as string;
        if (cell.trim() !== "") {
          throw new CliError(
            `${table.path}: column ${columnLetter(column)} is titled "${output}" and holds data (row ${row}: "${cell}"), but healthscore did not write it (its four output columns sit side by side): --format csv never overwrites your data, so rename that column or clear its values, then score again.`,
          );
        }
      }
    }
  }
}
