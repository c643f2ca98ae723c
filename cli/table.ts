/**
 * The terminal table: one line per account, coloured by band, and a band summary. Lines are made
 * as rows stream in; the table keeps only its column widths and the band counts.
 */
import {
  bandLabels,
  bandLine,
  coverageText,
  explain,
  NO_DATA,
  NO_DATA_COLOR,
  type RowResult,
  type Rubric,
  type Summary,
} from "../src/core";

export interface TableOptions {
  color: boolean;
  /** Terminal width; lines are cut to fit when given. */
  width?: number;
}

const RESET = "\x1b[0m";
const NAME_WIDTH = 28;

/** Black text on the band's own colour, as the sheet shows it. */
function paint(text: string, hex: string): string {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  return `\x1b[48;2;${r};${g};${b}m\x1b[30m${text}${RESET}`;
}

const pad = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text + " ".repeat(width - text.length);
const padStart = (text: string, width: number) => text.padStart(width);

/**
 * Cell text made safe to print: a cell holding escape sequences could recolour, retitle or clear
 * the terminal. C0 and C1 controls (ESC included) and the bidirectional overrides that reorder what
 * is shown are removed; tabs and line breaks become spaces, so one account stays one line.
 */
export function terminalText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\t\n\v\f\r]/g, " ").replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, "");
}

export interface TableLayout {
  nameWidth: number;
  bandWidth: number;
  options: TableOptions;
}

/**
 * Column widths, fixed before the first line is printed: the band column fits every band the
 * rubric can give, the name column the first batch's names (at most 28; longer names are cut, with …).
 */
export function tableLayout(
  rubric: Rubric,
  firstNames: readonly string[],
  options: TableOptions,
): TableLayout {
  const nameWidth = Math.min(
    NAME_WIDTH,
    firstNames.reduce((w, n) => Math.max(w, terminalText(n).length), 7),
  );
  const bandWidth = [...bandLabels(rubric).map((b) => b.label), NO_DATA].reduce(
    (w, b) => Math.max(w, b.length),
    7,
  );
  return { nameWidth, bandWidth, options };
}

export function tableHeader({ nameWidth, bandWidth }: TableLayout): string {
  return `${pad("Account", nameWidth)}  ${padStart("Score", 6)}  ${pad("Band", bandWidth)}  ${padStart("Cover", 5)}  Drivers`;
}

export function tableLine(
  { nameWidth, bandWidth, options }: TableLayout,
  name: string,
  r: RowResult,
): string {
  const score = r.score === null ? "" : r.score.toFixed(1);
  const band = pad(terminalText(r.band), bandWidth);
  let drivers = terminalText(explain(r));
  const fixed = nameWidth + 6 + bandWidth + 5 + 8;
  if (options.width && fixed + drivers.length > options.width) {
    drivers = `${drivers.slice(0, Math.max(0, options.width - fixed - 1))}…`;
  }
  return [
    pad(terminalText(name), nameWidth),
    padStart(score, 6),
    options.color ? paint(band, r.color) : band,
    padStart(coverageText(r.coverage), 5),
    drivers,
  ].join("  ");
}

/** `200 accounts: Red 41 · Yellow 88 · Green 70 · No data 1`, bands low to high (coloured when asked). */
export function summaryLine(s: Summary, color = false): string {
  const accounts = `${s.rows} ${s.rows === 1 ? "account" : "accounts"}`;
  if (!color) return terminalText(`${accounts}: ${bandLine(s)}`);
  const parts = s.bands
    .filter((b) => b.count > 0)
    .map((b) => paint(` ${terminalText(b.label)} ${b.count} `, b.color));
  if (s.noData > 0) parts.push(paint(` ${NO_DATA} ${s.noData} `, NO_DATA_COLOR));
  return `${accounts}: ${parts.join(" ")}`;
}

/**
 * Columns padded to their widest cell, one letter of `align` per column: "r" right-aligns it, "l"
 * left-aligns it ("lrr"). Lines are indented by two.
 */
export function grid(rows: readonly (readonly string[])[], align: string): string[] {
  const columns = [...align];
  const widths = columns.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map(
    (r) =>
      `  ${columns
        .map((a, c) => {
          const cell = r[c] ?? "";
          return a === "r" ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number);
        })
        .join("  ")
        .trimEnd()}`,
  );
}
