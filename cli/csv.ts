/**
 * Reading a CSV file as it streams in, the way people's exports really are: UTF-8 or not, commas,
 * semicolons (Excel in much of Europe) or tabs, a title row or two above the header, short rows,
 * Excel's trailing `,,,`, blank rows. Memory stays flat: rows come out in batches and are let go.
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { type CsvError, parse } from "csv-parse";
import { columnLetter, findHeaderRow, findTextHeaderRow, HEADER_SEARCH_ROWS, type Rubric } from "../src/core";
import { CliError, cannotRead } from "./io";

/** Separators recognised in a data file, in the order preferred when several would do. */
const DELIMITERS = [",", ";", "\t"] as const;
const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };
/** Text read before the separator is chosen: enough for the header and the rows above it. */
const SNIFF_CHARS = 64 * 1024;
/** Rows handed on at a time: large enough to score quickly, small enough to keep memory flat. */
export const BATCH_ROWS = 500;

export interface CsvOptions {
  /** The rubric whose columns identify the header row (and the separator). */
  rubric: Rubric;
  /** Any label TextDecoder knows; UTF-8 when not given. */
  encoding?: string;
  /** When the file holds a source's rows: its name, whose columns identify the header row. */
  source?: string;
}

export interface CsvTable {
  path: string;
  delimiter: string;
  /** Rows above the header (a report title), as read. */
  titleRows: string[][];
  headers: string[];
  /** 1-based row of the header in the file. */
  headerRow: number;
  /**
   * The data rows in batches, each as wide as the header (short rows padded with empty cells,
   * trailing empty cells dropped). Blank rows are kept, so a row's place is its place in the file.
   */
  batches: AsyncIterable<string[][]>;
}

/** True when `encoding` is a label TextDecoder can read. */
export function isEncoding(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/** The start of a file, read: enough to see its header, and the reads that follow it. */
async function readHead(path: string, encoding: string | undefined) {
  const chunks = fileChunks(path, encoding ?? "utf-8")[Symbol.asyncIterator]();
  const head: (Buffer | string)[] = [];
  let text = "";
  while (text.length < SNIFF_CHARS && countLines(text) <= HEADER_SEARCH_ROWS) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    text += next.value.toString();
  }
  return { chunks, head, text: text.replace(/^\uFEFF/, "") };
}

/** Opens a data file: reads up to its header row and says how the rest will be read. */
export async function openCsv(path: string, options: CsvOptions): Promise<CsvTable> {
  // Enough of the file to see the header: the separator is the one that makes it name the rubric's columns.
  const { chunks, head, text } = await readHead(path, options.encoding);
  const delimiter = sniffDelimiter(text, options.rubric, options.source);
  const batches = parseBatches(path, delimiter, head, chunks)[Symbol.asyncIterator]();

  // The top rows, where the header is looked for; what else came with them is the first data.
  const top: string[][] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await batches.next();
    if (next.done) break;
    top.push(...next.value);
  }
  const { headers, headerRow } = headerOf(path, top, options);
  const headerIndex = headerRow - 1;
  return {
    path,
    delimiter,
    titleRows: top.slice(0, headerIndex),
    headers,
    headerRow,
    batches: batchesOf(path, delimiter, headers.length, headerRow, top.slice(headerIndex + 1), batches),
  };
}

/** The header among a file's top rows: by the rubric's columns, else (no valid rubric) the text-row rule. */
function headerOf(
  path: string,
  top: string[][],
  options: Omit<CsvOptions, "rubric"> & { rubric?: Rubric },
): { headers: string[]; headerRow: number } {
  const { rubric, source } = options;
  const found = rubric ? findHeaderRow(top, rubric, source) : findTextHeaderRow(top);
  const headerIndex = Math.max(0, found);
  const headers = trimTrailingEmpty(top[headerIndex] ?? []);
  if (headers.length === 0) {
    throw new CliError(
      source === undefined
        ? `The data file "${path}" is empty: it needs a header row, then one row per account.`
        : `The file "${path}" of source "${source}" is empty: it needs a header row, then its rows.`,
    );
  }
  return { headers, headerRow: headerIndex + 1 };
}

/**
 * A file's header row only, found as openCsv finds it, from the first read of the file (never the
 * whole file: checking the headers of a 1 GB export reads its first megabyte). Without a valid
 * rubric, the header is the first of the top rows that is all text (the rule for a sheet no rubric
 * reads yet) and the separator the most frequent in the first line.
 */
export async function readHeader(
  path: string,
  options: Omit<CsvOptions, "rubric"> & { rubric?: Rubric },
): Promise<{ headers: string[]; headerRow: number }> {
  const { chunks, text } = await readHead(path, options.encoding);
  await chunks.return?.(undefined);
  return headerOf(path, splitTop(text, sniffDelimiter(text, options.rubric, options.source)), options);
}

async function* batchesOf(
  path: string,
  delimiter: string,
  width: number,
  headerRow: number,
  first: string[][],
  rest: AsyncIterator<string[][]>,
): AsyncGenerator<string[][]> {
  let row = headerRow;
  const fit = (records: string[][]) => {
    for (let i = 0; i < records.length; i++)
      records[i] = fitToHeader(path, delimiter, records[i] as string[], width, ++row, headerRow);
    return records;
  };
  if (first.length > 0) yield fit(first);
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield fit(next.value);
}

/**
 * A row as wide as the header. Cells beyond it are dropped only when empty (Excel's `,,,`); a value
 * there would shift every cell after an unquoted separator, so the file is refused at that row.
 */
function fitToHeader(
  path: string,
  delimiter: string,
  cells: string[],
  width: number,
  row: number,
  headerRow: number,
): string[] {
  if (cells.length > width) {
    for (let i = width; i < cells.length; i++) {
      if ((cells[i] as string).trim() !== "") {
        const n = trimTrailingEmpty(cells).length;
        const example = delimiter === "," ? ' ("Acme, Inc.")' : "";
        throw new CliError(
          `${path}: row ${row} has ${n} cells, ${n - width} more than the header (row ${headerRow}) has columns, with "${cells[i]}" in column ${columnLetter(i)}: put quotes around a value that holds a ${delimiterName(delimiter)}${example}, or add a header for the extra column.`,
        );
      }
    }
    cells.length = width;
  }
  while (cells.length < width) cells.push("");
  return cells;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] as string).trim() === "") n--;
  return cells.slice(0, n);
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

// ---- bytes to text --------------------------------------------------------------------------------

const BYTES_PER_READ = 1 << 20;

/**
 * The file as it is read: UTF-8 as bytes, checked (the CSV parser decodes them itself, so they are
 * not decoded twice); any other encoding decoded to text. A byte that is not UTF-8 is named with its line.
 */
async function* fileChunks(path: string, encoding: string): AsyncGenerator<Buffer | string> {
  const decoder = new TextDecoder(encoding);
  const utf8 = decoder.encoding === "utf-8";
  let lines = 0;
  let carry: Buffer | undefined; // the start of a character cut by the end of the previous read
  try {
    for await (const read of createReadStream(path, {
      highWaterMark: BYTES_PER_READ,
    }) as AsyncIterable<Buffer>) {
      if (!utf8) {
        yield decoder.decode(read, { stream: true });
        continue;
      }
      if (carry === undefined) refuseUtf16(path, read);
      const bytes = carry?.length ? Buffer.concat([carry, read]) : read;
      const whole = wholeCharacters(bytes);
      const chunk = bytes.subarray(0, whole);
      if (!isUtf8(chunk)) throw notUtf8(path, chunk, lines);
      lines += countBytes(chunk, 0x0a);
      carry = bytes.subarray(whole);
      yield chunk;
    }
    if (carry?.length) throw notUtf8(path, carry, lines);
    if (!utf8) yield decoder.decode();
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw cannotRead(path, "data file", e as NodeJS.ErrnoException);
  }
}

/** How many bytes of `bytes` hold whole UTF-8 characters: all but a multi-byte character cut at the end. */
function wholeCharacters(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i] as number;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + size > bytes.length ? i : bytes.length;
    }
  }
  return bytes.length;
}

function countBytes(bytes: Buffer, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i >= 0; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** Excel's "Unicode Text" is UTF-16 (tab-separated): said, not read as garbage. */
function refuseUtf16(path: string, chunk: Buffer): void {
  const le = chunk[0] === 0xff && chunk[1] === 0xfe;
  const be = chunk[0] === 0xfe && chunk[1] === 0xff;
  if (le || be) {
    throw new CliError(
      `The data file "${path}" is UTF-16 text (as Excel's "Unicode Text" saves it), not UTF-8: save it from Excel as "CSV UTF-8", or add --encoding ${le ? "utf-16le" : "utf-16be"}.`,
    );
  }
}

function notUtf8(path: string, chunk: Buffer, linesBefore: number): CliError {
  // Where: the first byte that does not decode (the chunk is decoded again leniently to find it).
  const lenient = chunk.toString("utf8");
  const at = lenient.indexOf("\uFFFD");
  const before = at < 0 ? "" : lenient.slice(0, at);
  const byte = at < 0 ? undefined : chunk[Buffer.byteLength(before)];
  const line = linesBefore + countLines(before) + 1;
  const what =
    byte === undefined
      ? "a byte that is not UTF-8"
      : `the byte 0x${byte.toString(16).toUpperCase()} ("${new TextDecoder("windows-1252").decode(Uint8Array.of(byte))}" in Windows-1252, as Excel's plain "CSV" saves accented letters)`;
  return new CliError(
    `The data file "${path}" is not UTF-8: line ${line} has ${what}: save it from Excel as "CSV UTF-8", or add --encoding windows-1252.`,
  );
}

// ---- text to records ----------------------------------------------------------------------------

/** The separator: the one under which the top rows name a column the rubric reads, else the most frequent in the first line. */
export function sniffDelimiter(head: string, rubric: Rubric | undefined, source?: string): string {
  if (rubric) for (const d of DELIMITERS) if (findHeaderRow(splitTop(head, d), rubric, source) >= 0) return d;
  const firstLine = head.slice(0, (head.indexOf("\n") + 1 || head.length + 1) - 1);
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The first few records of `text` split on `delimiter`, honouring quotes (enough to find a header). */
function splitTop(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < HEADER_SEARCH_ROWS; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += c;
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (rows.length < HEADER_SEARCH_ROWS && (cell !== "" || row.length > 0)) rows.push([...row, cell]);
  return rows;
}

/**
 * The records, in batches of those parsed so far (at most BATCH_ROWS): read synchronously from the
 * parser, so a million rows cost a few thousand awaits, not a million.
 */
async function* parseBatches(
  path: string,
  delimiter: string,
  head: readonly (Buffer | string)[],
  rest: AsyncIterator<Buffer | string>,
): AsyncGenerator<string[][]> {
  // relax_quotes: a quote inside an unquoted value (`27" screen`) is kept as text, as Sheets does.
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true });
  let ended = false;
  let failed: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  parser.on("readable", signal);
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("error", (e) => {
    failed = e;
    signal();
  });
  void (async () => {
    try {
      for (const chunk of head) if (!parser.write(chunk)) await drained(parser);
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        if (!parser.write(next.value)) await drained(parser);
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  for (;;) {
    if (failed !== undefined) throw csvError(path, delimiter, failed);
    const batch: string[][] = [];
    while (batch.length < BATCH_ROWS) {
      const record: string[] | null = parser.read();
      if (record === null) break;
      batch.push(record);
    }
    if (batch.length > 0) yield batch;
    else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

function csvError(path: string, delimiter: string, e: unknown): unknown {
  if (e instanceof CliError) return e;
  const err = e as CsvError;
  if (typeof err.code !== "string" || !err.code.startsWith("CSV_")) return e;
  const line = (err as { lines?: number }).lines;
  const where = line ? ` near line ${line}` : "";
  const fix =
    err.code === "CSV_QUOTE_NOT_CLOSED"
      ? `a value opens a quote (") that never closes: close it, or remove it`
      : `${err.message.replace(/[.:].*$/s, "")}: check the quotes and ${delimiterName(delimiter)}s there`;
  return new CliError(`The data file "${path}" is not valid CSV${where}: ${fix}.`);
}

function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", reject);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.once("error", reject);
  });
}

/** Names a separator for messages: "comma", "semicolon", "tab". */
function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter);
}

/** One CSV line: a value is quoted when it holds the separator, a quote or a line break. */
export function csvLine(cells: readonly string[], delimiter: string): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    if (i > 0) line += delimiter;
    line +=
      c.includes(delimiter) || c.includes('"') || c.includes("\n") || c.includes("\r")
        ? `"${c.replace(/"/g, '""')}"`
        : c;
  }
  return `${line}\n`;
}
