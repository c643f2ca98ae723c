/**
 * The SQL parity suite's shared half: the fixtures (every starter rubric in examples/ on
 * examples/customers.csv, rubrics that exercise every rule, and random rubrics over random cells),
 * loading a fixture into an engine as typed columns or as text, and comparing the engine's rows
 * with the core's, row by row. Each engine's test file supplies only how to run SQL.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { expect } from "vitest";
import {
  explain,
  isoDay,
  parseRubric,
  type RowResult,
  type Rubric,
  scorecard,
  scoreNonBlank,
  scoreTable,
  validateRubric,
} from "../../../src/core";
import { compileSql, type DialectName } from "../../../src/core/sql";

export const AS_OF = "2026-11-26";
const ROOT = join(import.meta.dirname, "../../..");

/** Rows as a CSV holds them: a header row, then text cells. */
export interface Table {
  headers: string[];
  rows: string[][];
}

export interface Fixture extends Table {
  name: string;
  rubric: Rubric;
  /** The rows of each source the rubric reads, by source name. */
  sources?: Record<string, Table>;
  /** The as-of date, when not AS_OF. */
  asOf?: string;
}

/** How a test loads rows into an engine: as a table (or a CTE) whose name it returns. */
export type Load = (t: Table, typed: boolean) => Promise<string>;

/** How a test runs SQL on one engine: rows as plain objects, numbers as numbers. */
export interface Engine {
  dialect: DialectName;
  run(sql: string): Promise<Record<string, unknown>[]>;
}

/** An examples/ CSV file's rows. */
export function csvTable(file: string): Table {
  const [headers, ...rows] = parse(readFileSync(join(ROOT, "examples", file), "utf8")) as string[][];
  return { headers: headers as string[], rows };
}
const customers = () => csvTable("customers.csv");

/** The examples' activity exports, by the source names examples/from-activity.json gives them. */
export const exampleSources = (): Record<string, Table> => ({
  logins: csvTable("logins.csv"),
  tickets: csvTable("tickets.csv"),
  nps: csvTable("nps.csv"),
});

/** Every starter rubric in examples/, on the starter data and (for sources) the activity exports. */
export function starterFixtures(): Fixture[] {
  const data = customers();
  const sources = exampleSources();
  return readdirSync(join(ROOT, "examples"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const rubric = parseRubric(JSON.parse(readFileSync(join(ROOT, "examples", f), "utf8")));
      return { name: `examples/${f}`, rubric, ...data, ...(rubric.sources ? { sources } : {}) };
    });
}

const BANDS = [
  { label: "Red", color: "#f4c7c3" },
  { label: "Yellow", from: 40, color: "#fce8b2" },
  { label: "Green", from: 70, color: "#b7e1cd" },
];

/** Rubrics over the starter data that use each rule the contract has at least once. */
export function featureFixtures(): Fixture[] {
  const data = customers();
  const rubrics: Record<string, unknown>[] = [
    {
      name: "groups, per-metric missing policies, every flag effect",
      method: "weighted",
      missing: "neutral",
      bands: BANDS,
      groups: { Adoption: 50, Voice: 30, Money: 20, Empty: 10 },
      metrics: [
        {
          id: "util",
          column: "Seat utilisation",
          group: "Adoption",
          weight: 2,
          score: { type: "range", worst: 0.8, best: 0.2 },
        },
        {
          id: "logins",
          column: "Logins 30d",
          group: "Adoption",
          missing: "skip",
          score: { type: "perUnit", points: 0.5, cap: 80 },
        },
        {
          id: "last",
          column: "Last login",
          input: "daysSince",
          group: "Adoption",
          missing: "zero",
          score: {
            type: "steps",
            steps: [
              { max: 7, score: 100 },
              { min: 8, max: 30, score: 60 },
            ],
            else: 5,
          },
        },
        { id: "nps", column: "NPS", group: "Voice", score: { type: "scale", neutral: 7, step: 12.5 } },
        {
          id: "csat",
          column: "CSAT",
          group: "Voice",
          input: "text",
          score: { type: "map", values: { "5": 100, "4": 80, "3": 40 }, else: 10 },
        },
        {
          id: "arr",
          column: "ARR",
          group: "Money",
          weight: 0.5,
          score: { type: "range", worst: 0, best: 200000 },
        },
        {
          id: "overdue",
          column: "Days invoice overdue",
          group: "Money",
          score: { type: "steps", steps: [{ max: 0, score: 100 }], else: 0 },
        },
      ],
      flags: [
        { id: "case", column: "Case study", when: true, add: 12.5 },
        { id: "sponsor", column: "Exec sponsor", when: false, add: -7 },
        { id: "news", column: "Company news", contains: "fund", floor: 55 },
        { id: "expansion", column: "Company news", when: "expansion", floor: 65 },
        { id: "champion", column: "Champion left", when: true, cap: 39 },
        { id: "reviews", column: "Positive reviews", when: 2, cap: 90 },
        { id: "overdue", column: "Days invoice overdue", min: 30, max: 60, cap: 49 },
      ],
    },
    {
      name: "points with maps on numbers, booleans and dates",
      method: "points",
      bands: [
        { label: "Critical", color: "#f4c7c3" },
        { label: "Stable", from: 0, color: "#fce8b2" },
        { label: "Thriving", from: 40, color: "#b7e1cd" },
      ],
      metrics: [
        { id: "years", column: "Years as customer", score: { type: "perUnit", points: 10, cap: 30 } },
        {
          id: "csat",
          column: "CSAT",
          score: { type: "map", values: { "1": -20, "2": -10, "4": 10, "5": 20 } },
        },
        {
          id: "sponsor",
          column: "Exec sponsor",
          input: "boolean",
          score: { type: "map", values: { TRUE: 15, FALSE: -5 } },
        },
        {
          id: "sponsor2",
          column: "Exec sponsor",
          input: "boolean",
          weight: 2,
          score: { type: "steps", steps: [{ min: 1, score: 5 }], else: -5 },
        },
        {
          id: "touch",
          column: "Last touchpoint",
          input: "daysSince",
          score: { type: "range", worst: 90, best: 0, points: 25 },
        },
        {
          id: "progress",
          column: "Onboarding progress",
          score: { type: "map", values: { "1": 10, "0.5": 0 }, else: -3 },
        },
        {
          id: "unresolved",
          column: "Unresolved tickets",
          weight: 1.5,
          score: { type: "scale", neutral: 1, step: -4 },
        },
      ],
      flags: [
        { id: "layoffs", label: "Layoffs", column: "Company news", when: "Layoffs", add: -15 },
        { id: "tags", column: "Risk tags", contains: "org", floor: -10 },
        { id: "quiet", column: "Logins 30d", max: 10, cap: 5 },
      ],
    },
    {
      name: "every weight zero, missing zero",
      method: "weighted",
      missing: "zero",
      bands: BANDS,
      metrics: [
        { id: "a", column: "NPS", weight: 0, score: { type: "range", worst: 0, best: 10 } },
        {
          id: "b",
          column: "Company news",
          input: "text",
          weight: 0,
          score: { type: "map", values: { Layoffs: 0, Expansion: 100 }, else: 50 },
        },
      ],
      flags: [],
    },
  ];
  return rubrics.map((r) => ({ name: r.name as string, rubric: parseRubric({ version: 1, ...r }), ...data }));
}

// ---- random cells and rubrics ------------------------------------------------------------------

/** Cells as exports write them, and every shape the core's readers treat specially. */
// biome-ignore format: a table of cells reads better in rows
const TRICKY = [
  "", " ", "N/A", "n/a", "na", "-", "—", "–", "#N/A", "#REF!", "#DIV/0!", "#name?", "#",
  "0", "1", "-1", "7", " 7 ", "\u00a07\u2003", "\t12\n", "1,200", "$1,200", "€ 12.5", "£3", "¥ 1,000,000",
  "45%", "12.5%", "-3", "(3)", "( 4 )", "(5", "--5", "+-5", "-(5)", "+5", "5.", ".5", "-.5", "1e3", "1E-2",
  "2e20", "1e400", "1e-400", "0x1A", "0b11", "inf", "Infinity", "-Infinity", "NaN", "1,2", "12,34,567", "1 000",
  "TRUE", "true", "False", "yes", "no", "y", "n", "Y", "on",
  "2026-11-01", "2026-11-26", "2026-12-24", "2024-02-29", "2023-02-29", "2026-13-01", "2026-11-31", "0000-01-01",
  "2026-11-20T10:00:00Z", "2026-11-20 23:59", "2026-11-20T01:02:03.5+05:30", "2026/11/20", "20-11-2026",
  "Gold", "gold ", "GOLD", "Silver", "O'Brien", 'say "hi"', "back\\slash", "Layoffs", "acquired by X", "lots",
  "10%", "5", "5.0", "05", "a".repeat(45),
];

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  {
    weight: 2,
    arbitrary: fc
      .double({ min: -200, max: 200, noNaN: true })
      .map((n) => String(Math.round(n * 1000) / 1000)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -400, max: 40 }).map((n) => isoText((isoDay(AS_OF) as number) + n)),
  },
);

function isoText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const COLUMNS = ["A", "B", "C", "D", "E"];
const num = fc.integer({ min: -20, max: 120 });
// Rubric numbers as people write them: Postgres fails a query on a product that underflows, which
// a step of 4e-145 would give.
const decimal = fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 1000);
const key = fc.constantFrom(
  "5",
  "7",
  "0.45",
  "1200",
  "Gold",
  "gold",
  "TRUE",
  "false",
  "10%",
  "-3",
  "2026-11-01",
  "1",
);

const scorer = fc.oneof(
  fc.record({
    type: fc.constant("steps"),
    steps: fc.array(
      fc
        .record({
          min: fc.option(num, { nil: undefined }),
          max: fc.option(num, { nil: undefined }),
          score: num,
        })
        .filter((s) => s.min !== undefined || s.max !== undefined)
        .map((s) =>
          s.min !== undefined && s.max !== undefined && s.min > s.max ? { ...s, min: s.max, max: s.min } : s,
        ),
      { minLength: 1, maxLength: 3 },
    ),
    else: num,
  }),
  fc
    .record({ type: fc.constant("range"), worst: num, best: num, points: num })
    .filter((s) => s.worst !== s.best),
  fc.record({
    type: fc.constant("map"),
    values: fc
      .dictionary(key, num, { minKeys: 1, maxKeys: 4 })
      .filter((v) => new Set(Object.keys(v).map((k) => k.toLowerCase())).size === Object.keys(v).length),
    else: num,
  }),
  fc.record({
    type: fc.constant("scale"),
    neutral: num,
    step: decimal,
  }),
  fc.record({
    type: fc.constant("perUnit"),
    points: decimal,
    cap: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  }),
);

const metric = fc
  .record({
    column: fc.constantFrom(...COLUMNS),
    input: fc.constantFrom("number", "number", "boolean", "daysSince", "text"),
    weight: fc.constantFrom(0, 0.5, 1, 2, 3),
    missing: fc.constantFrom(undefined, "skip", "zero", "neutral"),
    group: fc.constantFrom("G1", "G2"),
    score: scorer,
  })
  .map((m) => (m.input === "text" && m.score.type !== "map" ? { ...m, input: "number" } : m));

const flag = fc.record({
  column: fc.constantFrom(...COLUMNS),
  condition: fc.oneof(
    fc.record({
      when: fc.constantFrom<boolean | number | string>(true, false, 0, 1, 7, -3, "gold", "N/A", "TRUE"),
    }),
    fc.record({ contains: fc.constantFrom("o", "1", "%", "-") }),
    fc
      .record({ min: fc.option(num, { nil: undefined }), max: fc.option(num, { nil: undefined }) })
      .filter((c) => c.min !== undefined || c.max !== undefined)
      .map((c) =>
        c.min !== undefined && c.max !== undefined && c.min > c.max ? { min: c.max, max: c.min } : c,
      ),
  ),
  effect: fc.oneof(
    fc.record({ add: num }),
    fc.record({ floor: num }),
    fc.record({ cap: num }),
    fc.record({ add: num, cap: num }),
  ),
});

const baseRubric = fc.record({
  method: fc.constantFrom("weighted", "weighted", "points"),
  missing: fc.constantFrom("skip", "zero", "neutral"),
  grouped: fc.boolean(),
  metrics: fc.array(metric, { minLength: 1, maxLength: 5 }),
  flags: fc.array(flag, { maxLength: 3 }),
});

function toRubric(b: typeof baseRubric extends fc.Arbitrary<infer T> ? T : never): Record<string, unknown> {
  const grouped = b.grouped && b.method === "weighted";
  return {
    version: 1,
    method: b.method,
    missing: b.missing,
    bands: BANDS,
    ...(grouped ? { groups: { G1: 2, G2: 1 } } : {}),
    metrics: b.metrics.map((m, i) => ({
      id: `m${i}`,
      column: m.column,
      input: m.input,
      weight: m.weight,
      ...(m.missing ? { missing: m.missing } : {}),
      ...(grouped ? { group: m.group } : {}),
      score:
        m.score.type === "range" && b.method === "weighted" ? { ...m.score, points: undefined } : m.score,
    })),
    flags: b.flags.map((f, i) => ({ id: `f${i}`, column: f.column, ...f.condition, ...f.effect })),
  };
}

const randomRubric = fc
  .tuple(baseRubric, fc.option(baseRubric, { nil: undefined }))
  .map(([top, segment]) => ({
    ...toRubric(top),
    ...(segment ? { segments: { column: "Seg", rubrics: { Gold: toRubric(segment) } } } : {}),
  }))
  .filter((json) => validateRubric(json).rubric !== undefined);

/**
 * Random rubrics (segments included) over random rows of tricky cells; seeded, so a failure
 * repeats. SQL_PARITY_RUNS and SQL_PARITY_SEED run more, or others.
 */
export function randomFixtures(
  count = Number(process.env.SQL_PARITY_RUNS ?? 25),
  seed = Number(process.env.SQL_PARITY_SEED ?? 20261202),
): Fixture[] {
  const samples = fc.sample(
    fc.tuple(
      randomRubric,
      fc.array(
        fc.tuple(
          fc.array(cell, { minLength: 5, maxLength: 5 }),
          fc.constantFrom("Gold", " gold", "Silver", ""),
        ),
        { minLength: 30, maxLength: 60 },
      ),
    ),
    { seed, numRuns: count },
  );
  return samples.map(([json, rows], i) => ({
    name: `random #${i} (seed ${seed})`,
    rubric: parseRubric(json),
    headers: [...COLUMNS, "Seg"],
    rows: rows.map(([cells, seg]) => [...cells, seg]),
  }));
}

// ---- loading a fixture ----------------------------------------------------------------------------

type ColumnType = "double" | "boolean" | "date" | "text";
const TYPES: Record<DialectName, Record<ColumnType, string> & { int: string }> = {
  duckdb: { double: "DOUBLE", boolean: "BOOLEAN", date: "DATE", text: "VARCHAR", int: "INTEGER" },
  postgres: { double: "DOUBLE PRECISION", boolean: "BOOLEAN", date: "DATE", text: "TEXT", int: "INTEGER" },
  bigquery: { double: "FLOAT64", boolean: "BOOL", date: "DATE", text: "STRING", int: "INT64" },
  snowflake: { double: "DOUBLE", boolean: "BOOLEAN", date: "DATE", text: "VARCHAR", int: "INTEGER" },
};

/** What a warehouse load would make of a column: a number, boolean or date column when every cell is one. */
function columnType(cells: string[]): ColumnType {
  const filled = cells.filter((c) => c !== "");
  if (filled.length === 0) return "text";
  if (filled.every((c) => /^-?\d+(\.\d+)?$/.test(c))) return "double";
  if (filled.every((c) => /^(true|false)$/i.test(c))) return "boolean";
  if (filled.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c) && isoDay(c) !== undefined && c >= "1000"))
    return "date";
  return "text";
}

const quoteIdent = (d: DialectName, name: string) =>
  d === "bigquery" ? `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\`` : `"${name.replace(/"/g, '""')}"`;
const quoteText = (d: DialectName, text: string) =>
  d === "bigquery"
    ? `'${text.replace(/[\\'\n\t]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\${c}`))}'`
    : `'${text.replace(/'/g, "''")}'`;

function literal(d: DialectName, type: ColumnType, cell: string): string {
  if (type === "text") return quoteText(d, cell);
  if (cell === "") return `CAST(NULL AS ${TYPES[d][type]})`;
  if (type === "double") return `CAST(${cell} AS ${TYPES[d].double})`;
  if (type === "boolean") return cell.toLowerCase() === "true" ? "TRUE" : "FALSE";
  return `DATE '${cell}'`;
}

/**
 * The fixture's rows as a SELECT (typed columns, or every column text as a CSV holds it), with a
 * row_id to put the engine's rows back in order.
 */
export function rowsQuery(d: DialectName, f: Table, typed: boolean, from = 0, to = f.rows.length): string {
  const types = f.headers.map((_, c) => (typed ? columnType(f.rows.map((r) => r[c] ?? "")) : "text"));
  const cells = (row: string[]) => f.headers.map((_, c) => literal(d, types[c] as ColumnType, row[c] ?? ""));
  const rows = f.rows.slice(from, to);
  if (d === "bigquery") {
    // GoogleSQL has no VALUES table.
    return rows
      .map(
        (row, i) =>
          `SELECT ${from + i} AS row_id, ${cells(row)
            .map((x, c) => `${x} AS ${quoteIdent(d, f.headers[c] as string)}`)
            .join(", ")}`,
      )
      .join(" UNION ALL\n");
  }
  const names = ["row_id", ...f.headers].map((h) => quoteIdent(d, h)).join(", ");
  return `SELECT * FROM (VALUES ${rows.map((row, i) => `(${from + i}, ${cells(row).join(", ")})`).join(",\n")}) AS v(${names})`;
}

/**
 * The columns of a table read from a CSV file whose every cell is text (DuckDB's `read_csv` with
 * `all_varchar`), typed as rowsQuery types them; an empty cell stays '' in a text column.
 */
export function castsFromText(d: DialectName, f: Table, typed: boolean): string {
  return f.headers
    .map((h, c) => {
      const type = typed ? columnType(f.rows.map((r) => r[c] ?? "")) : "text";
      const col = quoteIdent(d, h);
      const value =
        type === "text" ? `COALESCE(${col}, '')` : `CAST(NULLIF(${col}, '') AS ${TYPES[d][type]})`;
      return `${value} AS ${col}`;
    })
    .join(", ");
}

/**
 * The fixture loaded as a table named `name` (DuckDB, Postgres): CREATE TABLE ... AS the first
 * rows, then INSERTs of 5,000 rows at a time (an activity export has tens of thousands).
 */
export function createTable(d: DialectName, name: string, f: Table, typed: boolean): string[] {
  const out = [`CREATE TABLE ${name} AS ${rowsQuery(d, f, typed, 0, 5000)}`];
  for (let from = 5000; from < f.rows.length; from += 5000)
    out.push(`INSERT INTO ${name} ${rowsQuery(d, f, typed, from, from + 5000)}`);
  return out;
}

/**
 * The fixture with its sources cut to the rows of every `step`-th account of the data (and
 * rows of no account kept as they are): GoogleSQL's reference engine reads tables as query text.
 */
export function sliced(f: Fixture, step: number): Fixture {
  if (!f.sources || !f.rubric.key) return f;
  const at = f.headers.findIndex((h) => h.trim().toLowerCase() === f.rubric.key?.trim().toLowerCase());
  const keys = new Set(f.rows.map((r) => (r[at] ?? "").trim().toLowerCase()));
  const kept = new Set(
    f.rows.filter((_, i) => i % step === 0).map((r) => (r[at] ?? "").trim().toLowerCase()),
  );
  const sources = Object.fromEntries(
    Object.entries(f.sources).map(([name, t]) => {
      const k = t.headers.findIndex(
        (h) => h.trim().toLowerCase() === f.rubric.sources?.[name]?.key.trim().toLowerCase(),
      );
      const rows = t.rows.filter((r) => {
        const key = (r[k] ?? "").trim().toLowerCase();
        return kept.has(key) || !keys.has(key);
      });
      return [name, { headers: t.headers, rows }];
    }),
  );
  return { ...f, name: `${f.name} (sources of every ${step}th account)`, sources };
}

// ---- comparing --------------------------------------------------------------------------------

export interface Compared {
  fixture: string;
  row: number;
  field: string;
  core: unknown;
  engine: unknown;
}

/** The core's results and the engine's, row by row; drivers text only where cells load as text. */
export function differences(f: Fixture, engineRows: Record<string, unknown>[], drivers: boolean): Compared[] {
  const core: RowResult[] = scoreTable(f.rubric, f.headers, f.rows, {
    asOf: f.asOf ?? AS_OF,
    timeZone: "UTC",
    sources: f.sources,
  });
  const rows = [...engineRows].sort((a, b) => Number(a.row_id) - Number(b.row_id));
  const out: Compared[] = [];
  expect(rows.length, `${f.name}: the engine's row count`).toBe(core.length);
  core.forEach((k, i) => {
    const e = rows[i] as Record<string, unknown>;
    const check = (field: string, want: unknown, got: unknown, same = want === got) => {
      if (!same) out.push({ fixture: f.name, row: i, field, core: want, engine: got });
    };
    const score = e.health_score === null ? null : Number(e.health_score);
    check("score", k.score, score);
    check("band", k.band, e.health_band);
    check("color", k.color, e.health_color);
    const coverage = Number(e.health_coverage);
    check("coverage", k.coverage, coverage, Math.abs(k.coverage - coverage) < 1e-12);
    check("flags", k.flags.map((x) => x.label).join("; ") || null, e.health_flags);
    if (f.rubric.segments) check("segment", k.segment ?? null, e.health_segment);
    // The one known difference: a number beyond ±1e15 (a map scorer reads any) is written the
    // engine's way in the drivers text, not JavaScript's.
    const huge = k.drivers.some((x) => typeof x.value === "number" && Math.abs(x.value) > 1e15);
    if (drivers && !huge) check("drivers", explain(k), e.health_drivers);
  });
  return out;
}

/** Runs every fixture on an engine, typed and as text, and returns every difference (at most 20). */
export async function parity(engine: Engine, fixtures: Fixture[], load: Load) {
  const found: (Compared & { load: string })[] = [];
  for (const f of fixtures) {
    for (const typed of [false, true]) {
      const table = await load(f, typed);
      const sources: Record<string, string> = {};
      for (const [name, t] of Object.entries(f.sources ?? {})) sources[name] = await load(t, typed);
      const sql = compileSql(f.rubric, { dialect: engine.dialect, table, asOf: f.asOf ?? AS_OF, sources });
      const rows = await engine.run(sql);
      for (const d of differences(f, rows, !typed)) found.push({ ...d, load: typed ? "typed" : "text" });
    }
  }
  return found.slice(0, 20);
}

// ---- sources ----------------------------------------------------------------------------------

const day = (offset: number) => isoText((isoDay(AS_OF) as number) + offset);

/** Accounts as a data table holds them: spaces and case in keys, a blank key, a duplicate, one with no activity. */
const ACCOUNTS: Table = {
  headers: ["Account", "Plan"],
  rows: [
    ["Acme", "Pro"],
    [" beta ", "Free"],
    ["GAMMA", "Pro"],
    ["Delta", "Pro"],
    ["", "Free"],
    ["acme", "Pro"],
    ["N/A", "Free"],
  ],
};

/**
 * Activity with every edge the core's aggregation has: keys in other case and spacing, blank and
 * missing keys, rows of no account; dates on the as-of day, at the window's last day and the
 * day after it, in the window before, after the as-of date, unreadable or impossible; numbers
 * as CSVs write them and cells that are none.
 */
// biome-ignore format: rows read better one per line
const EVENTS: Table = {
  headers: ["Account", "Date", "User", "Amount", "Status", "Paid", "Score"],
  rows: [
    ["Acme", day(0), "u1", "10", "Open", "TRUE", "9"],
    [" acme ", day(-29), "U1 ", "1,200", " open ", "yes", "7"],
    ["ACME", day(-30), "u2", "45%", "Pending", "FALSE", "5"],
    ["Acme", day(-59), "u3", "N/A", "Closed", "no", "3"],
    ["Acme", day(-60), "u4", "-3", "Open", "TRUE", "1"],
    ["Acme", day(1), "u5", "100", "Open", "TRUE", "10"],
    ["Acme", "2026/11/20", "u6", "5", "Open", "TRUE", "2"],
    ["Acme", "", "u7", "5", "Open", "TRUE", "2"],
    ["Acme", "2026-02-30", "u8", "5", "Open", "TRUE", "2"],
    // A tie on the latest day: the later row holds the greater text, where SQL (no row order) looks.
    ["beta", day(-3), "", "abc", "OPEN", "0", ""],
    ["Beta", day(-3), "N/A", "(4)", "pending ", "1", "8"],
    ["BETA", day(-45), "x", "$1,000", "Closed", "", "6"],
    ["gamma", day(-100), "g", "2", "Closed", "FALSE", "4"],
    ["", day(-1), "blank", "1", "Open", "TRUE", "1"],
    ["n/a", day(-1), "missing", "1", "Open", "TRUE", "1"],
    ["Zeta", day(-1), "z", "1", "Open", "TRUE", "1"],
  ],
};

/** The same kind of rows with every cell readable, so a typed load makes DATE, DOUBLE and BOOLEAN columns. */
// biome-ignore format: rows read better one per line
const CLEAN: Table = {
  headers: ["Account", "Date", "User", "Amount", "Status", "Paid", "Score"],
  rows: [
    ["Acme", day(0), "u1", "10", "Open", "true", "9"],
    ["acme", day(-29), "u1", "12.5", "open", "false", "7"],
    ["Acme", day(-30), "u2", "-3", "Pending", "true", "5"],
    ["Acme", day(-59), "u3", "0", "Closed", "false", "3"],
    ["Acme", day(-60), "u4", "7", "Open", "true", "1"],
    ["Acme", day(2), "u5", "100", "Open", "true", "10"],
    ["beta", day(-3), "b1", "4", "Open", "true", "8"],
    ["beta", day(-33), "b2", "8", "Closed", "false", "6"],
    ["gamma", day(-100), "g", "2", "Closed", "false", "4"],
    ["Zeta", day(-1), "z", "1", "Open", "true", "1"],
  ],
};

/** Every aggregate, window, condition and compare a `from` can have, over one source. */
function everyFrom(): Record<string, unknown>[] {
  const from = (f: Record<string, unknown>) => ({ source: "events", ...f });
  const range = { type: "range", worst: 0, best: 10 };
  const metrics: [Record<string, unknown>, Record<string, unknown>?][] = [
    [{ agg: "count", days: 30 }],
    [
      { agg: "count", days: 30, compare: "previous" },
      { type: "range", worst: -100, best: 100 },
    ],
    [{ agg: "count", days: 1 }],
    [{ agg: "distinct", column: "User", days: 30 }],
    [
      { agg: "distinct", column: "User", days: 60, compare: "previous" },
      { type: "range", worst: -100, best: 100 },
    ],
    [
      { agg: "sum", column: "Amount" },
      { type: "range", worst: 0, best: 2000 },
    ],
    [
      { agg: "sum", column: "Amount", days: 30, compare: "previous" },
      { type: "range", worst: -100, best: 100 },
    ],
    [
      { agg: "avg", column: "Amount", days: 60 },
      { type: "range", worst: 0, best: 1000 },
    ],
    [
      { agg: "avg", column: "Score", days: 30, compare: "previous" },
      { type: "range", worst: -100, best: 100 },
    ],
    [{ agg: "min", column: "Amount", where: [{ column: "Status", in: ["open", "Pending"] }] }],
    [{ agg: "max", column: "Amount", where: [{ column: "Status", contains: "PEN" }] }],
    [{ agg: "count", where: [{ column: "Paid", equals: true }] }],
    [
      {
        agg: "count",
        where: [
          { column: "Paid", equals: false },
          { column: "Status", equals: "closed" },
        ],
      },
    ],
    [{ agg: "count", where: [{ column: "Amount", min: 5, max: 100 }] }],
    [{ agg: "count", where: [{ column: "Score", equals: 7 }] }],
    [{ agg: "latest", column: "Score" }],
    [
      { agg: "latest", column: "Score", days: 30, compare: "previous" },
      { type: "range", worst: -100, best: 100 },
    ],
    [
      { agg: "count", days: 30 },
      { type: "map", values: { "0": 0, "1": 50, "2": 80 }, else: 100 },
    ],
    // A number no key is written as matches the first key that reads as it.
    [
      { agg: "count", days: 30 },
      { type: "map", values: { "1.0": 40, "200%": 60, "2.0": 70, "3": 90 }, else: 5 },
    ],
  ];
  return [
    {
      name: "every aggregate, window, condition and compare",
      method: "weighted",
      missing: "zero",
      key: "Account",
      sources: { events: { sheet: "Events", key: "Account", date: "Date" } },
      bands: BANDS,
      metrics: [
        ...metrics.map(([f, score], i) => ({ id: `m${i}`, from: from(f), score: score ?? range })),
        {
          id: "last",
          input: "daysSince",
          from: from({ agg: "latest", column: "Date" }),
          score: { type: "range", worst: 90, best: 0 },
        },
        {
          id: "text",
          input: "text",
          from: from({ agg: "latest", column: "Status" }),
          score: { type: "map", values: { open: 100, closed: 0 }, else: 50 },
        },
        {
          id: "yes",
          input: "boolean",
          from: from({ agg: "latest", column: "Paid" }),
          score: { type: "steps", steps: [{ min: 1, score: 100 }], else: 0 },
        },
        { id: "plan", column: "Plan", input: "text", score: { type: "map", values: { pro: 100 }, else: 0 } },
      ],
      flags: [
        {
          id: "busy",
          from: from({ agg: "count", where: [{ column: "Status", equals: "open" }] }),
          min: 2,
          cap: 60,
        },
        { id: "quiet", from: from({ agg: "count", days: 30 }), when: 0, add: -10 },
        { id: "open", from: from({ agg: "latest", column: "Status" }), when: "open", floor: 20 },
        { id: "paid", from: from({ agg: "latest", column: "Paid" }), when: true, add: 5 },
      ],
    },
    {
      name: "a source without dates, points",
      method: "points",
      key: "Account",
      sources: { events: { sheet: "Events", key: "Account" } },
      bands: [
        { label: "Low", color: "#f4c7c3" },
        { label: "High", from: 20, color: "#b7e1cd" },
      ],
      metrics: [
        { id: "n", from: from({ agg: "count" }), score: { type: "perUnit", points: 2 } },
        {
          id: "s",
          from: from({ agg: "sum", column: "Amount", where: [{ column: "Status", in: ["Open"] }] }),
          score: { type: "perUnit", points: 0.01, cap: 15 },
        },
        {
          id: "d",
          from: from({ agg: "distinct", column: "Status" }),
          score: { type: "scale", neutral: 2, step: 3 },
        },
      ],
      flags: [],
    },
  ];
}

/** Rubrics reading sources, over activity with every edge, and over a clean export typed as a warehouse would. */
export function sourceFixtures(): Fixture[] {
  return everyFrom().flatMap((json) => {
    const rubric = parseRubric({ version: 1, ...json });
    const name = json.name as string;
    return [
      { name, rubric, ...ACCOUNTS, sources: { events: EVENTS } },
      { name: `${name}, clean rows`, rubric, ...ACCOUNTS, sources: { events: CLEAN } },
      // A window moves with the as-of date: the day after, yesterday's as-of day is a day old.
      {
        name: `${name}, a day later`,
        rubric,
        ...ACCOUNTS,
        sources: { events: CLEAN },
        asOf: isoText((isoDay(AS_OF) as number) + 1),
      },
    ];
  });
}

const randomKey = fc.constantFrom("Acme", "acme", " ACME ", "Beta", "beta ", "Gamma", "Zeta", "", "N/A");
const randomFrom = fc
  .record({
    agg: fc.constantFrom("count", "distinct", "sum", "avg", "min", "max", "latest"),
    column: fc.constantFrom("A", "B"),
    days: fc.option(fc.constantFrom(1, 2, 7, 30), { nil: undefined }),
    compare: fc.boolean(),
    where: fc.option(
      fc.oneof(
        fc.record({
          column: fc.constantFrom("A", "B"),
          equals: fc.constantFrom<boolean | number | string>(true, 1, "gold", "7"),
        }),
        fc.record({ column: fc.constantFrom("A", "B"), in: fc.constant(["gold", "1", "TRUE"]) }),
        fc.record({ column: fc.constantFrom("A", "B"), contains: fc.constantFrom("o", "1") }),
        fc.record({ column: fc.constantFrom("A", "B"), min: fc.constant(0), max: fc.constant(50) }),
      ),
      { nil: undefined },
    ),
  })
  .map(({ agg, column, days, compare, where }) => ({
    source: "s",
    agg,
    // latest reads the date itself: a tie on the latest day then gives one answer whatever the row.
    ...(agg === "count" ? {} : { column: agg === "latest" ? "D" : column }),
    ...(days ? { days, ...(compare ? { compare: "previous" } : {}) } : {}),
    ...(where ? { where: [where] } : {}),
  }));

/**
 * Random `from`s over random small sources of tricky cells, keys spelt every way and dates around
 * the as-of date; seeded, so a failure repeats (SQL_PARITY_RUNS and SQL_PARITY_SEED as above).
 */
export function randomSourceFixtures(
  count = Math.ceil(Number(process.env.SQL_PARITY_RUNS ?? 25) / 2),
  seed = Number(process.env.SQL_PARITY_SEED ?? 20261202),
): Fixture[] {
  const dateCell = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -65, max: 2 }).map(day) },
    { weight: 1, arbitrary: fc.constantFrom("", "N/A", "2026/11/20", "2026-02-30", `${day(-3)}T23:59:00Z`) },
  );
  const samples = fc.sample(
    fc.tuple(
      fc.array(randomFrom, { minLength: 1, maxLength: 6 }),
      fc.array(fc.tuple(randomKey, dateCell, cell, cell), { minLength: 0, maxLength: 40 }),
    ),
    { seed, numRuns: count },
  );
  return samples.map(([froms, rows], i) => ({
    name: `random sources #${i} (seed ${seed})`,
    rubric: parseRubric({
      version: 1,
      method: "weighted",
      missing: "zero",
      key: "Account",
      sources: { s: { sheet: "S", key: "K", date: "D" } },
      bands: BANDS,
      metrics: froms.map((from, m) => ({
        id: `m${m}`,
        input: from.agg === "latest" ? "daysSince" : "number",
        from,
        score: { type: "range", worst: -20, best: 20 },
      })),
      flags: [{ id: "f", from: froms[0], min: 1, max: 3, cap: 45 }],
    }),
    headers: ["Account"],
    rows: [["Acme"], ["BETA"], ["Delta"], [""], ["gamma"]],
    sources: { s: { headers: ["K", "D", "A", "B"], rows } },
  }));
}

// ---- the sources' report ----------------------------------------------------------------------

/** A data table whose accounts share keys, with blank keys, and more than five unmatched keys and undated rows. */
export function sharedKeysFixture(): Fixture {
  return {
    name: "shared keys, blank keys and more than five of each",
    rubric: (randomSourceFixtures(1)[0] as Fixture).rubric,
    headers: ["Account"],
    rows: [["Acme"], ["acme "], ["Beta"], ["N/A"], ["BETA"], ["Gamma"], ["Acme"], [""]],
    sources: {
      s: {
        headers: ["K", "D", "A", "B"],
        rows: [
          ["Zeta", "2026-11-01", "1", ""],
          ["", "2026-11-01", "1", ""],
          ...["Eta", " eta", "Theta", "Iota", "Kappa", "Lambda", "Mu"].map((k, i) => [
            k,
            `2026-13-0${i}`,
            "",
            "",
          ]),
          ["acme", "yesterday", "", ""],
          ["N/A", "", "", ""],
          ["beta", "", "", ""],
        ],
      },
    },
  };
}

/** What `healthscore score` reports of the fixture's sources after scoring every row. */
export function coreReport(f: Fixture) {
  const card = scorecard(f.rubric, f.headers, { asOf: f.asOf ?? AS_OF, timeZone: "UTC", sources: f.sources });
  scoreNonBlank(card, f.rows);
  return card.sourceReport();
}
