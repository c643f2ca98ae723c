/**
 * The benchmark's table and rubric: 100,000 customers × 12 metrics, generated from a seed so every
 * run (and every machine) scores exactly the same cells.
 *
 * Each customer has a hidden "health" between 0 and 1; every metric is that health plus noise, so
 * the columns correlate the way real ones do and the bands come out mixed (mostly Green and Yellow,
 * a tail of Red). The cells look like a real export: numbers mostly, a few blanks, "N/A" and "-",
 * MRR sometimes typed as text ("1,200", "$3,400"), a checkbox column and ISO dates.
 */
import { type CellValue, seededRandom } from "../../src/core";

/** The as-of date every run scores against (daysSince counts to it). */
export const AS_OF = "2026-11-26";
const AS_OF_DAY = Date.UTC(2026, 10, 26) / 86_400_000;

/** The rubric, as a person would write it (docs/rubric.md JSON). Weights sum to 20. */
export const RUBRIC_JSON = {
  version: 1,
  name: "Benchmark: B2B SaaS, 12 metrics",
  method: "weighted",
  missing: "skip",
  bands: [
    { label: "Red", color: "#f4c7c3", action: "Call within 48 h" },
    { label: "Yellow", from: 40, color: "#fce8b2" },
    { label: "Green", from: 70, color: "#b7e1cd" },
  ],
  metrics: [
    {
      id: "logins",
      column: "Logins 30d",
      weight: 3,
      score: {
        type: "steps",
        steps: [
          { min: 20, score: 100 },
          { min: 10, score: 70 },
          { min: 1, score: 40 },
        ],
        else: 0,
      },
    },
    { id: "seats", column: "Seat utilisation %", weight: 2, score: { type: "range", worst: 20, best: 90 } },
    { id: "stickiness", column: "DAU/MAU", weight: 1, score: { type: "range", worst: 0.05, best: 0.5 } },
    {
      id: "features",
      column: "Features used",
      weight: 2,
      score: {
        type: "steps",
        steps: [
          { min: 8, score: 100 },
          { min: 5, score: 75 },
          { min: 3, score: 50 },
          { min: 1, score: 25 },
        ],
        else: 0,
      },
    },
    {
      id: "nps",
      label: "NPS (0-10)",
      column: "NPS",
      weight: 2,
      score: { type: "scale", neutral: 7, step: 12.5 },
    },
    {
      id: "csat",
      label: "CSAT (1-5)",
      column: "CSAT",
      weight: 1,
      score: { type: "map", values: { "1": 0, "2": 20, "3": 50, "4": 80, "5": 100 }, else: 0 },
    },
    {
      id: "tickets",
      column: "Open tickets",
      weight: 1,
      score: {
        type: "steps",
        steps: [
          { max: 0, score: 100 },
          { min: 1, max: 2, score: 75 },
          { min: 3, max: 5, score: 40 },
        ],
        else: 10,
      },
    },
    {
      id: "contact",
      label: "Days since last contact",
      column: "Last contact",
      input: "daysSince",
      weight: 2,
      score: { type: "range", worst: 90, best: 7 },
    },
    { id: "growth", column: "ARR growth %", weight: 2, score: { type: "scale", neutral: 0, step: 2 } },
    {
      id: "overdue",
      column: "Days invoice overdue",
      weight: 2,
      score: {
        type: "steps",
        steps: [
          { max: 0, score: 100 },
          { max: 15, score: 60 },
          { max: 30, score: 30 },
        ],
        else: 0,
      },
    },
    {
      id: "sponsor",
      column: "Exec sponsor",
      input: "boolean",
      weight: 1,
      score: { type: "map", values: { TRUE: 100, FALSE: 30 }, else: 0 },
    },
    {
      id: "mrr",
      label: "MRR ($)",
      column: "MRR",
      weight: 1,
      score: { type: "range", worst: 200, best: 10000 },
    },
  ],
  flags: [
    { id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 },
    { id: "overdue_60", label: "Invoice 60+ days overdue", column: "Days invoice overdue", min: 60, cap: 39 },
  ],
};

export const HEADERS: readonly string[] = [
  "Account",
  "Logins 30d",
  "Seat utilisation %",
  "DAU/MAU",
  "Features used",
  "NPS",
  "CSAT",
  "Open tickets",
  "Last contact",
  "ARR growth %",
  "Days invoice overdue",
  "Exec sponsor",
  "MRR",
  "Champion left",
];

export interface Table {
  headers: readonly string[];
  rows: CellValue[][];
  /** Cells the rubric reads that are blank, "N/A" or "-". */
  blanks: number;
  /** MRR cells written as text ("1,200", "$3,400"). */
  numericText: number;
  /** Rows with at least one blank metric cell. */
  rowsWithBlanks: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** `rows` customers from `seed`. Row i is the same whatever `rows` is, so a slice is a prefix. */
export function makeTable(rows: number, seed = 20261126): Table {
  const next = customers(seed);
  let blanks = 0;
  let numericText = 0;
  let rowsWithBlanks = 0;
  const out: CellValue[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = next();
    let hasBlank = false;
    for (let c = 1; c <= 12; c++) {
      if (row[c] === null || row[c] === "N/A" || row[c] === "-") {
        blanks++;
        hasBlank = true;
      }
    }
    if (hasBlank) rowsWithBlanks++;
    if (typeof row[12] === "string" && /\d/.test(row[12])) numericText++;
    out[i] = row;
  }
  return { headers: HEADERS, rows: out, blanks, numericText, rowsWithBlanks };
}

/** The customers of `seed`, one row (in HEADERS order) per call, so any number can be streamed. */
export function customers(seed = 20261126): () => CellValue[] {
  const rand = seededRandom(seed);
  const normal = () => {
    // Box-Muller; 1 - rand() keeps log() away from 0.
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const int = (x: number) => Math.max(0, Math.round(x));
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

  let i = 0;
  return () => {
    // Health skews healthy: the mean of two uniforms, pulled up a little.
    const h = clamp((rand() + rand()) / 2 + 0.12 + 0.1 * normal(), 0, 1);
    const noisy = (spread: number) => clamp(h + spread * normal(), 0, 1);

    const overdue = rand() < 0.12 + 0.25 * (1 - h) ? int(5 + 90 * (1 - noisy(0.3)) * rand()) : 0;
    const contactDays = int(3 + 140 * (1 - noisy(0.25)) ** 2) - (rand() < 0.01 ? 10 : 0); // a few future dates
    const mrr = Math.round((200 + 9000 * noisy(0.3) ** 2) / 10) * 10;
    let mrrCell: CellValue = mrr;
    const style = rand();
    if (style < 0.15) mrrCell = mrr.toLocaleString("en-US");
    else if (style < 0.2) mrrCell = `$${mrr.toLocaleString("en-US")}`;

    i++;
    const row: CellValue[] = [
      `ACCT-${String(i).padStart(6, "0")}`,
      int(40 * noisy(0.2) ** 1.5 + 2 * normal()),
      round(100 * noisy(0.2), 1),
      round(0.6 * noisy(0.25), 3),
      int(12 * noisy(0.2)),
      clamp(Math.round(10 * noisy(0.25)), 0, 10),
      clamp(Math.round(1 + 4 * noisy(0.3)), 1, 5),
      int(8 * (1 - noisy(0.3)) + normal()),
      isoDate(AS_OF_DAY - contactDays),
      round(60 * noisy(0.25) - 25, 1),
      overdue,
      rand() < 0.25 + 0.6 * h,
      mrrCell,
      rand() < 0.06 * (1 - h),
    ];

    // Blanks: about 1 % of metric cells, as an empty cell, "N/A" or "-".
    for (let c = 1; c <= 12; c++) {
      const r = rand();
      if (r < 0.01) row[c] = r < 0.006 ? null : r < 0.009 ? "N/A" : "-";
    }
    return row;
  };
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
