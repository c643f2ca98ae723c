/**
 * `npm run bench`: how fast the scoring core scores a big table, next to the same rubric built as
 * ordinary spreadsheet formulas and evaluated by HyperFormula.
 *
 * A measurement, not a test: it prints figures next to their targets (PASS/MISS) and exits 0
 * either way. The data is generated from a seed, so runs differ only by the machine.
 *
 * Env: BENCH_HF_ROWS (rows given to HyperFormula; default 10,000), BENCH_RUNS (core runs; default 7),
 * BENCH_CLI_ROWS (sizes of the command line's files, comma-separated; default 300000,1000000; 0 skips).
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { type ConfigParams, HyperFormula } from "hyperformula";
import {
  type CellValue,
  explain,
  parseRubric,
  type RowResult,
  type Rubric,
  SCRIPT_ROWS_PER_SECOND,
  scoreTable,
} from "../src/core";
import { benchAddon } from "./bench/addon";
import { benchCalibration, benchPredictive } from "./bench/calibration";
import { benchCli, type CliBench } from "./bench/cli";
import { AS_OF, makeTable, RUBRIC_JSON } from "./bench/data";
import { formulaSheet } from "./bench/formulas";
import { benchHistory } from "./bench/history";
import { ACCOUNTS, benchSources, SOURCE_ROWS } from "./bench/sources";
import { benchSql, benchSqlSources, QUERY_BUDGET } from "./bench/sql";
import { ARCHITECTURE_DOC, replaceBlock } from "./docFigures";

const ROWS = 100_000;
const RUNS = Number(process.env.BENCH_RUNS) || 7;
const WARMUPS = 2;
const HF_ROWS = Math.min(ROWS, Number(process.env.BENCH_HF_ROWS) || 10_000);
const HF_RUNS = 3;
const HF_WARMUPS = 1;
const TARGET_MS = 60; // per 100k × 12 table, scored (drivers ready on demand)
const TARGET_RATIO = 50; // the core at least this many times faster per row than the formula sheet
const CLI_ROWS = (process.env.BENCH_CLI_ROWS ?? "300000,1000000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const CLI_PEAK_MB = 300; // healthscore score's resident memory, any size and format
const CLI_RATIO = 3; // healthscore score's time against merely parsing the same file
const OPTIONS = { asOf: AS_OF, timeZone: "UTC" };

const gc = (globalThis as { gc?: () => void }).gc;
/** Rows of docs/architecture.md's figures table (measure, figure, target), written with --write. */
const docRows: [string, string, string][] = [];
const loadAtStart = os.loadavg()[0] ?? 0;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (part: number, whole: number) => `${fmt((100 * part) / whole, 1)} %`;
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");

interface Timing {
  median: number;
  min: number;
  max: number;
}

/**
 * Median wall time (ms) of `runs` calls of `fn` after `warmups`, with a gc before each run when
 * node runs with --expose-gc. `done` (untimed) sees each run's output, e.g. to free it; the last
 * run's output is returned.
 */
function time<T>(runs: number, warmups: number, fn: () => T, done?: (out: T) => void): Timing & { last: T } {
  let last: T | undefined;
  const ms: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    last = undefined; // let the previous run's output go before the gc, so runs do not pile up
    gc?.();
    const t0 = performance.now();
    last = fn();
    const t = performance.now() - t0;
    done?.(last);
    if (i >= warmups) ms.push(t);
  }
  ms.sort((a, b) => a - b);
  const mid = ms.length >> 1;
  const median = ms.length % 2 ? (ms[mid] as number) : ((ms[mid - 1] as number) + (ms[mid] as number)) / 2;
  return { median, min: ms[0] as number, max: ms[ms.length - 1] as number, last: last as T };
}

/** Scores a table and reads every row's drivers (which the core works out when first read). */
function scoreWithDrivers(rubric: Rubric, headers: readonly CellValue[], rows: CellValue[][]): RowResult[] {
  const out = scoreTable(rubric, headers, rows, OPTIONS);
  let drivers = 0;
  for (const r of out) drivers += r.drivers.length;
  if (drivers === 0) throw new Error("bench: no drivers");
  return out;
}

const started = performance.now();
const cpus = os.cpus();
console.log(
  `sheets-healthscore bench — node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}`,
);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} at start (other work on the machine skews the figures)`,
);
if (!gc) console.log("(no global.gc: run node with --expose-gc for steadier figures)");

// ── The table and the rubric ─────────────────────────────────────────────────────────────────────
const rubric = parseRubric(RUBRIC_JSON);
const table = makeTable(ROWS);
const { headers, rows } = table;
const metricCells = ROWS * rubric.metrics.length;
const kinds = new Map<string, number>();
for (const m of rubric.metrics) kinds.set(m.score.type, (kinds.get(m.score.type) ?? 0) + 1);
const bandList = rubric.bands.map((b) => (b.from === undefined ? b.label : `${b.label} ≥ ${b.from}`));

console.log();
console.log(
  `table   ${fmt(ROWS)} rows × ${rubric.metrics.length} metric columns (+ account, "Champion left"), seeded`,
);
console.log(
  `        ${fmt(table.blanks)} metric cells blank / "N/A" / "-" (${pct(table.blanks, metricCells)}), in ${fmt(table.rowsWithBlanks)} rows;` +
    ` ${fmt(table.numericText)} MRR cells as text ("1,200", "$3,400"); ISO dates read as daysSince`,
);
console.log(
  `rubric  "${rubric.name}": ${rubric.method}, missing ${rubric.missing}, ${rubric.metrics.length} metrics (` +
    `${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}), ${rubric.bands.length} bands (${bandList.join(", ")}),` +
    ` ${rubric.flags.length} cap flags; parseRubric OK`,
);
console.log(`as of   ${OPTIONS.asOf}, time zone ${OPTIONS.timeZone}`);

// ── The core ─────────────────────────────────────────────────────────────────────────────────────
// In a function so the 100k results can be collected before HyperFormula runs.
function benchCore() {
  // Scoring: every score, band, flag, coverage and unreadable cell; drivers are kept ready and
  // worked out for the rows whose drivers are read (the next line reads all of them).
  const scoring = time(RUNS, WARMUPS, () => scoreTable(rubric, headers, rows, OPTIONS));
  const withDrivers = time(RUNS, WARMUPS, () => scoreWithDrivers(rubric, headers, rows));
  const results = withDrivers.last;
  const explaining = time(RUNS, WARMUPS, () => {
    let chars = 0;
    for (const r of results) chars += explain(r).length;
    return chars;
  });
  const both = time(RUNS, WARMUPS, () => {
    let chars = 0;
    for (const r of scoreTable(rubric, headers, rows, OPTIONS)) chars += explain(r).length;
    return chars;
  });
  const bands = new Map<string, number>();
  let flagged = 0;
  for (const r of results) {
    bands.set(r.band, (bands.get(r.band) ?? 0) + 1);
    if (r.flags.length > 0) flagged++;
  }
  return { scoring, withDrivers, explaining, both, bands, flagged, chars: explaining.last };
}

const core = benchCore();
const line = (label: string, t: Timing) =>
  `  ${label.padEnd(34)} ${fmt((t.median * 100_000) / ROWS, 1).padStart(7)} ms per 100k×12 table` +
  `  ${fmt((ROWS / t.median) * 1000).padStart(10)} rows/s` +
  `  ${fmt((t.median * 1e6) / metricCells, 1).padStart(6)} ns per metric-cell` +
  `   (min ${fmt(t.min, 1)}, max ${fmt(t.max, 1)} ms)`;
console.log();
console.log(`core — median of ${RUNS} runs after ${WARMUPS} warm-ups${gc ? ", gc before each run" : ""}`);
console.log(line("scoreTable", core.scoring));
console.log(line("scoreTable + every row's drivers", core.withDrivers));
console.log(line("explain() text, every row", core.explaining));
console.log(line("scoreTable + explain()", core.both));
console.log(
  `  results: ${[...core.bands].map(([b, n]) => `${b} ${pct(n, ROWS)}`).join(", ")}; a cap flag fired on ${fmt(core.flagged)} rows;` +
    ` ${fmt(core.chars / ROWS)} characters of explanation per row`,
);
const corePerRow = core.scoring.median / ROWS;
const perTable = (core.scoring.median * 100_000) / ROWS;
docRows.push(
  [
    "`scoreTable`, 100k rows × 12 metrics",
    `${fmt(perTable)} ms (${fmt((core.scoring.median * 1e6) / metricCells)} ns per metric-cell)`,
    `≤ ${TARGET_MS} ms: ${perTable <= TARGET_MS ? "met" : "**missed**"}`,
  ],
  ["… and reading every row's drivers", `${fmt(core.withDrivers.median)} ms`, ""],
  ["… `explain()` text for every row", `${fmt(core.explaining.median)} ms`, ""],
);

// ── The formula sheet, in HyperFormula ───────────────────────────────────────────────────────────
const slice = rows.slice(0, HF_ROWS);
// The core on the very rows HyperFormula gets: a like-for-like per-row figure, and the scores to compare.
const sliceScoring = time(RUNS, WARMUPS, () => scoreTable(rubric, headers, slice, OPTIONS));
const sheet = formulaSheet(rubric, headers, slice, AS_OF);
const config: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Read "1,200" and "$3,400" as numbers and ISO text as dates, as Sheets does when they are typed.
  thousandSeparator: ",",
  functionArgSeparator: ";",
  dateFormats: ["YYYY-MM-DD"],
  // Sheets evaluates SUMPRODUCT(ISNUMBER(range)*range) element-wise; HyperFormula needs this for it.
  useArrayArithmetic: true,
  maxRows: Math.max(40_000, HF_ROWS + 10),
};

let ratio = Number.NaN;
console.log();
console.log(
  `formula sheet — HyperFormula ${HyperFormula.version}, ${fmt(slice.length)}-row slice` +
    (slice.length < ROWS
      ? ` (not all ${fmt(ROWS)} rows: too slow and memory-hungry to repeat within the time budget, so per-row times are compared)`
      : ""),
);
console.log(
  `  ${rubric.metrics.length} helper columns (IFS or MIN/MAX per metric), weight used (SUMPRODUCT(ISNUMBER(...)*weights)),` +
    " score (SUMPRODUCT / weight used, ROUND, MIN per cap flag), band (IFS)",
);
try {
  const hfRun = time(
    HF_RUNS,
    HF_WARMUPS,
    () => {
      const hf = HyperFormula.buildFromSheets(sheet.sheets, config);
      const id = hf.getSheetId("Data") ?? 0;
      const scores: unknown[] = new Array(slice.length);
      const bands: unknown[] = new Array(slice.length);
      for (let i = 0; i < slice.length; i++) {
        scores[i] = hf.getCellValue({ sheet: id, col: sheet.scoreCol, row: i + 1 });
        bands[i] = hf.getCellValue({ sheet: id, col: sheet.bandCol, row: i + 1 });
      }
      return { hf, scores, bands };
    },
    (out) => out.hf.destroy(),
  );

  // Agreement, on every row of the slice, blanks included: both sides leave a blank metric out.
  let maxDiff = 0;
  let scoreDiffs = 0;
  let bandDiffs = 0;
  let errors = 0;
  let withBlanks = 0;
  for (let i = 0; i < slice.length; i++) {
    const mine = sliceScoring.last[i] as RowResult;
    const s = hfRun.last.scores[i];
    if (mine.missing.length > 0) withBlanks++;
    if (typeof s !== "number" && s !== "") {
      errors++;
      continue;
    }
    let diff = 0;
    if (mine.score === null || s === "")
      diff = mine.score === null && s === "" ? 0 : Number.POSITIVE_INFINITY;
    else diff = Math.abs(mine.score - s);
    if (diff > 1e-9) scoreDiffs++;
    if (diff > maxDiff) maxDiff = diff;
    if (hfRun.last.bands[i] !== mine.band) bandDiffs++;
  }

  const hfPerRow = hfRun.median / slice.length;
  const slicePerRow = sliceScoring.median / slice.length;
  ratio = hfPerRow / corePerRow;
  docRows.push([
    "HyperFormula formula sheet, per row",
    `${fmt(hfPerRow * 1000)} µs, against the core's ${fmt(corePerRow * 1000, 1)} µs: **${fmt(ratio)}× slower**`,
    `core ≥ ${TARGET_RATIO}× faster: ${ratio >= TARGET_RATIO ? "met" : "**missed**"}`,
  ]);
  console.log(
    `  build + evaluate + read score and band: ${fmt(hfRun.median)} ms (median of ${HF_RUNS} after ${HF_WARMUPS} warm-up;` +
      ` min ${fmt(hfRun.min)}, max ${fmt(hfRun.max)}) = ${fmt(hfPerRow * 1000, 1)} µs per row ≈ ${fmt(hfPerRow * 100_000)} ms per 100k rows`,
  );
  console.log(
    `  agreement with the core on all ${fmt(slice.length)} rows (blanks included — ${fmt(withBlanks)} rows have a blank metric,` +
      ` which both leave out and re-weight): max |score difference| ${fmt(maxDiff, 2)};` +
      ` ${fmt(scoreDiffs)} scores, ${fmt(bandDiffs)} bands differ; ${fmt(errors)} formula errors  ${mark(errors === 0 && scoreDiffs === 0 && bandDiffs === 0)}`,
  );
  console.log(
    `  per row: formula sheet ${fmt(hfPerRow * 1e6)} ns, core ${fmt(corePerRow * 1e6)} ns (100k table): ratio ${fmt(ratio, 1)}×;` +
      ` core on the same ${fmt(slice.length)} rows ${fmt(slicePerRow * 1e6)} ns: ratio ${fmt(hfPerRow / slicePerRow, 1)}×`,
  );
} catch (err) {
  console.log(`  HyperFormula failed: ${err instanceof Error ? err.message : String(err)}`);
}
console.log("  the formulas of row 2 (US-English syntax; HyperFormula gets ';' between arguments):");
for (const e of sheet.example) console.log(`    ${e.header.padEnd(30)} ${e.formula}`);

// ── The add-on, on the emulator ─────────────────────────────────────────────────────────────────
console.log();
console.log("add-on — the built dist/Code.js on the Apps Script emulator");
try {
  const a = benchAddon(headers, rows);
  const total = Object.values(a.calls).reduce((x, y) => x + y, 0);
  console.log(
    `  bundle ${fmt(a.bundleBytes / 1024, 1)} KB; loading it in a fresh scope (every custom-function call does): ${fmt(a.loadMs, 1)} ms (median of 15)`,
  );
  console.log(
    `  HEALTHSCORE over ${fmt(a.customFunctionRows)} rows in one call: ${fmt(a.customFunctionMs)} ms (Sheets allows 30,000 ms)`,
  );
  console.log(
    `  Rescore all rows, ${fmt(a.rescoreRows)} rows × ${rubric.metrics.length} metrics: ${fmt(a.rescoreMs)} ms on the emulator, ${total} service calls` +
      ` (${Object.entries(a.calls)
        .filter(([k]) => k.startsWith("Range.") || k.startsWith("Sheet."))
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")})`,
  );
  docRows.push(
    ["loading `dist/Code.js` in a fresh scope", `${fmt(a.loadMs, 1)} ms`, ""],
    [
      `HEALTHSCORE over ${fmt(a.customFunctionRows)} rows, one call`,
      `${fmt(a.customFunctionMs)} ms`,
      "far inside Sheets' 30 s",
    ],
    [
      "Rescore all rows, 100k rows × 12 metrics, on the emulator",
      `${fmt(a.rescoreMs / 1000, 1)} s, ${total} service calls (${a.calls["Range.getValues"] ?? 0} \`getValues\`, ${a.calls["Range.setValues"] ?? 0} \`setValues\`)`,
      "same calls for 10 rows (tested)",
    ],
  );
} catch (err) {
  console.log(`  add-on bench failed: ${err instanceof Error ? err.message : String(err)}`);
}

// ── Calibration ─────────────────────────────────────────────────────────────────────────────────
const calibration = benchCalibration();
console.log();
console.log(
  `calibration — ${fmt(calibration.accounts)} accounts resampled from examples/customers.csv, simple-ryg against Churned:` +
    ` ${fmt(calibration.ms)} ms for the whole check (median of 5; AUC ${calibration.auc.toFixed(3)})`,
);

const predictive = benchPredictive();
console.log(
  `predictive calibration — examples/history.csv (${fmt(predictive.snapshots)} snapshots), rescored under five-dimensions, 90-day horizon:` +
    ` ${fmt(predictive.ms)} ms for the whole check (median of 3; AUC ${predictive.auc.toFixed(3)})`,
);

docRows.push([
  "Check against churn, 10,000 accounts (AUC, 1,000-resample interval, 5-fold CV, regression)",
  `${fmt(calibration.ms)} ms`,
  `well under a second: ${calibration.ms < 1000 ? "met" : "**missed**"}`,
]);
// ── Sources: metrics from raw activity ──────────────────────────────────────────────────────────
const SOURCES_TARGET_MS = 500;
const SOURCES_TARGET_RATIO = 100;
let sources: ReturnType<typeof benchSources> | undefined;
let sourcesRatio = Number.NaN;
console.log();
try {
  sources = benchSources(time, Math.min(RUNS, 5));
  const perAccountCore = sources.coreMs / ACCOUNTS;
  const perAccountHf = sources.hfMs / sources.sliceAccounts;
  sourcesRatio = perAccountHf / perAccountCore;
  console.log(
    `sources — ${fmt(SOURCE_ROWS)} login rows (account, user, date, status, minutes) for ${fmt(ACCOUNTS)} accounts, ` +
      `${sources.rubric.metrics.length} from-metrics (30/7/90-day windows, a where, a distinct, an avg, a max, a compare)`,
  );
  console.log(
    `  core, aggregate every source row once + score every account: ${fmt(sources.coreMs)} ms (median; min ${fmt(sources.coreMin)}, max ${fmt(sources.coreMax)})` +
      ` = ${fmt(perAccountCore * 1000, 1)} µs per account`,
  );
  console.log(
    `  formula sheet in HyperFormula, ${sources.sliceAccounts} accounts × ${sources.rubric.metrics.length} formulas over their ${fmt(sources.sliceRows)} rows only` +
      ` (a full sheet scans all ${fmt(SOURCE_ROWS)} rows per formula): ${fmt(sources.hfMs)} ms = ${fmt(perAccountHf * 1000)} µs per account;` +
      ` ratio ${fmt(sourcesRatio)}× per account`,
  );
  console.log(
    `  agreement on the slice: ${fmt(sources.compared)} values, ${fmt(sources.differ)} differ${sources.firstDiff ? ` (first: ${sources.firstDiff})` : ""}  ${mark(sources.differ === 0)}`,
  );
  console.log("  the formulas of the first account (US-English syntax; AsOf is a named cell):");
  for (const f of sources.formulas) console.log(`    ${f.id.padEnd(12)} ${f.formula}`);
  docRows.push([
    `Sources: ${fmt(SOURCE_ROWS)} activity rows, ${fmt(ACCOUNTS)} accounts, 6 from-metrics, aggregated + scored`,
    `${fmt(sources.coreMs)} ms (${fmt(sourcesRatio)}× COUNTIFS formulas per account)`,
    `< ${SOURCES_TARGET_MS} ms and ≥ ${SOURCES_TARGET_RATIO}×: ${sources.coreMs < SOURCES_TARGET_MS && sourcesRatio >= SOURCES_TARGET_RATIO ? "met" : "**missed**"}`,
  ]);
} catch (err) {
  console.log(`sources bench failed: ${err instanceof Error ? err.message : String(err)}`);
}

// ── History: backfill from sources, rescore under a new rubric ──────────────────────────────────
console.log();
try {
  const history = benchHistory(time, Math.min(RUNS, 3));
  console.log(
    `history — backfill ${history.weeks} weeks of the sample (${fmt(history.rowsPerWeek)} source rows + accounts per week): ` +
      `${fmt(history.backfillMs)} ms = ${fmt(history.rowsPerSecond)} rows/s (the add-on's estimate assumes ${fmt(SCRIPT_ROWS_PER_SECOND)} rows/s in Apps Script)`,
  );
  console.log(
    `  rescore the ${fmt(history.historyRows)} history rows under another rubric: ${fmt(history.rescoreMs)} ms`,
  );
  docRows.push([
    `Backfill: ${history.weeks} weeks of the sample from ${fmt(history.rowsPerWeek)} activity rows a week`,
    `${fmt(history.backfillMs)} ms (${fmt(history.rowsPerSecond)} rows/s)`,
    `≥ ${fmt(SCRIPT_ROWS_PER_SECOND)} rows/s, the add-on's assumption: ${history.rowsPerSecond >= SCRIPT_ROWS_PER_SECOND ? "met" : "**missed**"}`,
  ]);
  docRows.push([
    `Rescore history: ${fmt(history.historyRows)} snapshot rows under a new rubric`,
    `${fmt(history.rescoreMs)} ms`,
    "well under a second",
  ]);
} catch (err) {
  console.log(`history bench failed: ${err instanceof Error ? err.message : String(err)}`);
}

// ── The SQL export ───────────────────────────────────────────────────────────────────────────────
const sql = await benchSql();
const sqlRatio = sql.core.ms / sql.duckdb.ms;
const largest = sql.sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
console.log();
console.log(
  `SQL export — ${fmt(sql.rows)} rows × ${rubric.metrics.length} metrics, one ${fmt(sql.csvBytes / 1e6, 1)} MB CSV, end to end through the built CLI`,
);
for (const [name, r] of [
  ["healthscore score --format csv (the core)", sql.core],
  ["healthscore sql --run (the query on DuckDB)", sql.duckdb],
] as const)
  console.log(`  ${name.padEnd(46)} ${r.ok ? `${fmt(r.ms / 1000, 1)} s` : `failed: ${r.error}`}`);
console.log(
  `  query size, largest starter per dialect: ${sql.sizes.map((s) => `${s.dialect} ${fmt(s.bytes / 1024, 1)} KB (${s.rubric})`).join(", ")}`,
);
console.log(
  `  query size, from-activity.json (3 sources): ${sql.sourcesQuery.map((s) => `${s.dialect} ${fmt(s.bytes / 1024, 1)} KB`).join(", ")}`,
);
const sqlSources = await benchSqlSources();
console.log(
  `SQL export with sources — ${fmt(sqlSources.rows)} login rows, ${fmt(sqlSources.accounts)} accounts, 6 from-metrics, end to end through the built CLI`,
);
for (const [name, r] of [
  ["healthscore score --source (the core)", sqlSources.core],
  ["healthscore sql --run --source (DuckDB)", sqlSources.duckdb],
] as const)
  console.log(`  ${name.padEnd(46)} ${r.ok ? `${fmt(r.ms / 1000, 1)} s` : `failed: ${r.error}`}`);
docRows.push(
  [
    `\`healthscore sql --run\` (DuckDB), ${fmt(sql.rows)} rows × 12 metrics from CSV`,
    `${fmt(sql.duckdb.ms / 1000, 1)} s, against \`score --format csv\` ${fmt(sql.core.ms / 1000, 1)} s`,
    `DuckDB at least as fast as the core: ${sqlRatio >= 1 ? "met" : "**missed**"}`,
  ],
  [
    `\`healthscore sql --run --source\` (DuckDB), ${fmt(sqlSources.rows)} source rows × 6 from-metrics from CSV`,
    `${fmt(sqlSources.duckdb.ms / 1000, 1)} s, against \`score --source\` ${fmt(sqlSources.core.ms / 1000, 1)} s`,
    "figure only",
  ],
  [
    "the generated query, largest starter rubric",
    `${fmt(largest.bytes / 1024, 1)} KB (${largest.rubric}, ${largest.dialect})`,
    `< 50 KB: ${largest.bytes < QUERY_BUDGET ? "met" : "**missed**"}`,
  ],
);

// ── The command line on big files ───────────────────────────────────────────────────────────────
let cli: CliBench[] = [];
if (CLI_ROWS.length > 0) {
  console.log();
  console.log(
    "command line — healthscore score as a child process (stdout to /dev/null), one run each, against parsing alone",
  );
  cli = await benchCli(CLI_ROWS);
  for (const b of cli) {
    console.log(
      `  ${fmt(b.rows)} rows, ${fmt(b.megabytes)} MB (generated customers, 17 columns, quoted notes):`,
    );
    const show = (label: string, r: { seconds: number; cpuSeconds: number; peakMb: number }) =>
      `    ${label.padEnd(24)} ${fmt(r.seconds, 1).padStart(6)} s (CPU ${fmt(r.cpuSeconds, 1).padStart(5)} s)  peak ${fmt(r.peakMb).padStart(4)} MB`;
    console.log(show("parse only (csv-parse)", b.parse));
    for (const { format, run } of b.formats) {
      console.log(
        `${show(`score --format ${format}`, run)}  ${fmt(run.seconds / b.parse.seconds, 1)}× parse (CPU ${fmt(run.cpuSeconds / b.parse.cpuSeconds, 1)}×)`,
      );
    }
    const peak = Math.max(...b.formats.map((f) => f.run.peakMb));
    const ratio = Math.max(...b.formats.map((f) => f.run.seconds / b.parse.seconds));
    docRows.push([
      `\`healthscore score\`, ${fmt(b.rows)} rows (${fmt(b.megabytes)} MB), csv / json / table`,
      `peak ${b.formats.map((f) => fmt(f.run.peakMb)).join(" / ")} MB; ${b.formats.map((f) => `${fmt(f.run.seconds / b.parse.seconds, 1)}×`).join(" / ")} the time of parsing alone (${fmt(b.parse.seconds, 1)} s)`,
      `≤ ${CLI_PEAK_MB} MB: ${peak <= CLI_PEAK_MB ? "met" : "**missed**"}; ≤ ${CLI_RATIO}×: ${ratio <= CLI_RATIO ? "met" : "**missed**"}`,
    ]);
  }
}

// ── Targets ──────────────────────────────────────────────────────────────────────────────────────
console.log();
console.log("targets");
console.log(
  `  core ≤ ${TARGET_MS} ms per 100k×12 table (scoreTable)                ${fmt(perTable, 1).padStart(8)} ms  ${mark(perTable <= TARGET_MS)}`,
);
console.log(
  `  core ≥ ${TARGET_RATIO}× faster per row than the formula sheet      ${(Number.isNaN(ratio) ? "n/a" : fmt(ratio, 1)).padStart(8)} ×   ${mark(ratio >= TARGET_RATIO)}`,
);
console.log(
  `  SQL on DuckDB at least as fast as the core, ${fmt(sql.rows)} rows from CSV ${fmt(sqlRatio, 2).padStart(8)} ×   ${mark(sqlRatio >= 1)}`,
);
console.log(
  `  generated query under 50 KB for the largest starter              ${fmt(largest.bytes / 1024, 1).padStart(8)} KB  ${mark(largest.bytes < QUERY_BUDGET)}`,
);
console.log(
  `  calibration of 10,000 accounts well under a second             ${fmt(calibration.ms).padStart(8)} ms  ${mark(calibration.ms < 1000)}`,
);
console.log(
  `  sources: 1M rows, 6 from-metrics, aggregated + scored < ${SOURCES_TARGET_MS} ms     ${(sources ? fmt(sources.coreMs) : "n/a").padStart(8)} ms  ${mark(!!sources && sources.coreMs < SOURCES_TARGET_MS && sources.differ === 0)}`,
);
console.log(
  `  sources ≥ ${SOURCES_TARGET_RATIO}× faster per account than COUNTIFS formulas        ${(Number.isNaN(sourcesRatio) ? "n/a" : fmt(sourcesRatio)).padStart(8)} ×   ${mark(sourcesRatio >= SOURCES_TARGET_RATIO)}`,
);
for (const b of cli) {
  const peak = Math.max(...b.formats.map((f) => f.run.peakMb));
  const ratio = Math.max(...b.formats.map((f) => f.run.seconds / b.parse.seconds));
  console.log(
    `  score, ${fmt(b.rows)} rows: peak memory ≤ ${CLI_PEAK_MB} MB in every format        ${fmt(peak).padStart(8)} MB  ${mark(peak <= CLI_PEAK_MB)}`,
  );
  console.log(
    `  score, ${fmt(b.rows)} rows: time ≤ ${CLI_RATIO}× parsing alone in every format      ${fmt(ratio, 1).padStart(8)} ×   ${mark(ratio <= CLI_RATIO)}`,
  );
}
console.log();
console.log(`bench done in ${fmt((performance.now() - started) / 1000, 1)} s`);

// ── npm run bench -- --write: the figures table of docs/architecture.md, from this run ──────────
if (process.argv.includes("--write")) {
  const table = [
    `One run of \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ` +
      `${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, load average ${loadAtStart.toFixed(1)} at the start.`,
    "",
    "| measure | figure | target |",
    "|---|---|---|",
    ...docRows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
  writeFileSync(ARCHITECTURE_DOC, replaceBlock(readFileSync(ARCHITECTURE_DOC, "utf8"), "bench", table));
  console.log(`${ARCHITECTURE_DOC}: figures table rewritten`);
}
