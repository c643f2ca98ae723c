/** The terminal table: one line per account, coloured by band, and a band summary. */
import {
  bandLine,
  coverageText,
  explain,
  NO_DATA,
  NO_DATA_COLOR,
  type RowResult,
  type Rubric,
  summarize,
} from "../src/core";

export interface TableOptions {
  color: boolean;
  /** Terminal width; lines are cut to fit when given. */
  width?: number;
}

const RESET = "\x1b[0m";

/** Black text on the band's own colour, as the sheet shows it. */
function paint(text: string, hex: string): string {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  return `\x1b[48;2;${r};${g};${b}m\x1b[30m${text}${RESET}`;
}

const pad = (text: string, width: number) =>
  text.length >= width ? text.slice(0, width) : text + " ".repeat(width - text.length);
const padStart = (text: string, width: number) => text.padStart(width);

export function renderTable(
  names: readonly string[],
  results: readonly RowResult[],
  rubric: Rubric,
  options: TableOptions,
): string {
  // reduce, not Math.max(...): a spread of 100,000s of rows overflows the call stack.
  const nameWidth = Math.min(
    28,
    names.reduce((w, n) => Math.max(w, n.length), 7),
  );
  const bandWidth = results.reduce((w, r) => Math.max(w, r.band.length), 7);
  const header = `${pad("Account", nameWidth)}  ${padStart("Score", 6)}  ${pad("Band", bandWidth)}  ${padStart("Cover", 5)}  Drivers`;
  const lines = [header];
  results.forEach((r, i) => {
    const score = r.score === null ? "" : r.score.toFixed(1);
    const band = pad(r.band, bandWidth);
    let drivers = explain(r);
    const fixed = nameWidth + 6 + bandWidth + 5 + 8;
    if (options.width && fixed + drivers.length > options.width) {
      drivers = `${drivers.slice(0, Math.max(0, options.width - fixed - 1))}…`;
    }
    const cells = [
      pad(names[i] ?? "", nameWidth),
      padStart(score, 6),
      options.color ? paint(band, r.color) : band,
      padStart(coverageText(r.coverage), 5),
      drivers,
    ];
    lines.push(cells.join("  "));
  });
  lines.push("", summary(rubric, results, options.color));
  return lines.join("\n");
}

/** `200 accounts: Red 41 · Yellow 88 · Green 70 · No data 1`, bands low to high (coloured when asked). */
export function summary(rubric: Rubric, results: readonly RowResult[], color = false): string {
  const s = summarize(rubric, results);
  if (!color) return `${s.rows} accounts: ${bandLine(s)}`;
  const parts = s.bands.filter((b) => b.count > 0).map((b) => paint(` ${b.label} ${b.count} `, b.color));
  if (s.noData > 0) parts.push(paint(` ${NO_DATA} ${s.noData} `, NO_DATA_COLOR));
  return `${s.rows} accounts: ${parts.join(" ")}`;
}
