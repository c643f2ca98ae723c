/** The SQL compiler's refusals and spellings, and its results beside the core's on an in-memory DuckDB. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRubric, scoreTable } from "../../../src/core";
import { compileSql, SQL_RESULT_COLUMNS, type SqlOptions } from "../../../src/core/sql";
import { memoryDuckDb } from "./memoryDuckDb";
import { AS_OF, differences, type Fixture } from "./parity";

let db: Awaited<ReturnType<typeof memoryDuckDb>>;
beforeAll(async () => {
  db = await memoryDuckDb();
});
afterAll(() => db?.close());

/** Where the query's results on DuckDB differ from the core's, rows loaded as text (so drivers compare too). */
async function differencesOf(f: Fixture, options: Partial<SqlOptions> = {}) {
  const table = await db.load(f, false);
  const sources: Record<string, string> = {};
  for (const [name, t] of Object.entries(f.sources ?? {})) sources[name] = await db.load(t, false);
  const sql = compileSql(f.rubric, { dialect: "duckdb", table, asOf: AS_OF, sources, ...options });
  return differences(f, await db.engine.run(sql), true);
}

const BANDS = [
  { label: "Red", color: "#f4c7c3" },
  { label: "Yellow", from: 40, color: "#fce8b2" },
  { label: "Green", from: 70, color: "#b7e1cd" },
];
const range = { type: "range", worst: 0, best: 10 } as const;

const segment = (best: number) => ({
  bands: BANDS,
  metrics: [{ id: "nps", column: "NPS", score: { ...range, best } }],
});
/** Segment names as a user may space and case them. */
const SEGMENTED = parseRubric({
  bands: BANDS,
  metrics: [{ id: "nps", column: "NPS", score: range }],
  segments: { column: "Stage", rubrics: { " Gold ": segment(8), silver: segment(20) } },
});

const RUBRIC = parseRubric({
  bands: [
    { label: "Red", color: "#f4c7c3" },
    { label: "Green", from: 50, color: "#b7e1cd" },
  ],
  metrics: [{ id: "nps", column: "NPS", score: { type: "range", worst: 0, best: 10 } }],
});

describe("compileSql", () => {
  it("reads each source from the table --source names, or from a table named as the source", () => {
    const withSources = parseRubric({
      ...RUBRIC,
      key: "Account",
      sources: {
        logins: { sheet: "Logins", key: "Account", date: "Date" },
        tickets: { sheet: "Tickets", key: "Account" },
      },
      metrics: [
        {
          id: "logins",
          from: { source: "logins", agg: "count", days: 30 },
          score: { type: "range", worst: 0, best: 10 },
        },
        {
          id: "tickets",
          from: { source: "tickets", agg: "count" },
          score: { type: "range", worst: 5, best: 0 },
        },
      ],
    });
    const sql = compileSql(withSources, {
      dialect: "postgres",
      table: "crm.accounts",
      asOf: "2026-11-26",
      sources: { logins: "events.logins" },
    });
    expect(sql).toContain("FROM events.logins AS hs__t");
    expect(sql).toContain("FROM tickets AS hs__t");
    expect(sql).toContain("LEFT JOIN hs_s0 ON hs_s0.hs_k = LOWER(");
    expect(sql).toContain("LEFT JOIN hs_s1 ON hs_s1.hs_k = LOWER(");
  });

  it("names a source column its table lacks, in one sentence", () => {
    const withSources = parseRubric({
      ...RUBRIC,
      key: "Account",
      sources: { logins: { sheet: "Logins", key: "Account", date: "Date" } },
      metrics: [
        {
          id: "users",
          label: "Users",
          from: { source: "logins", agg: "distinct", column: "User" },
          score: { type: "range", worst: 0, best: 10 },
        },
      ],
    });
    expect(() =>
      compileSql(withSources, {
        dialect: "duckdb",
        table: "data",
        headers: ["Account"],
        sourceHeaders: { logins: ["account", "date", "Email"] },
      }),
    ).toThrow(
      'The source "logins" has no column "User" (read by metric "Users"): add it to its table, or change the rubric.',
    );
  });

  it("quotes column names and text the way each dialect escapes them", () => {
    const rubric = parseRubric({
      bands: [{ label: "O'Brien \\ band", color: "#f4c7c3" }],
      metrics: [{ id: "a", column: 'Seats `used` "now"', score: { type: "range", worst: 0, best: 1 } }],
    });
    const sql = (dialect: "bigquery" | "postgres" | "snowflake" | "duckdb") =>
      compileSql(rubric, { dialect, table: "t", asOf: "2026-11-26" });
    expect(sql("bigquery")).toContain('hs__t.`Seats \\`used\\` "now"`');
    expect(sql("bigquery")).toContain("'O\\'Brien \\\\ band'");
    expect(sql("postgres")).toContain('hs__t."Seats `used` ""now"""');
    expect(sql("postgres")).toContain("'O''Brien \\ band'");
    expect(sql("snowflake")).toContain("'O''Brien \\\\ band'");
    expect(sql("duckdb")).toContain("'O''Brien \\ band'");
  });

  it("never emits GREATEST, LEAST, ILIKE, LIKE on user text, or ROUND", () => {
    for (const dialect of ["duckdb", "postgres", "bigquery", "snowflake"] as const) {
      const sql = compileSql(RUBRIC, { dialect, table: "t" });
      expect(sql).not.toMatch(/\b(GREATEST|LEAST|ILIKE|ROUND)\s*\(/i);
      expect(sql.replace(/typeof\([^)]*\) LIKE 'DECIMAL%'/g, "")).not.toMatch(/\bLIKE\b/i);
    }
  });

  it("writes a plain dotted table name as given, and quotes any other", () => {
    expect(compileSql(RUBRIC, { dialect: "postgres", table: " crm.accounts " })).toContain(
      "FROM crm.accounts AS hs__t",
    );
    expect(compileSql(RUBRIC, { dialect: "bigquery", table: "my-proj.crm.accounts" })).toContain(
      "FROM `my-proj.crm.accounts` AS hs__t",
    );
    expect(compileSql(RUBRIC, { dialect: "duckdb", table: "Customer list" })).toContain(
      'FROM "Customer list" AS hs__t',
    );
  });

  it("names the dialects it knows when asked for another", () => {
    expect(() => compileSql(RUBRIC, { dialect: "oracle" as "duckdb", table: "t" })).toThrow(
      'Unknown SQL dialect "oracle": use duckdb, postgres, bigquery or snowflake.',
    );
  });

  it("refuses an as-of date that is not a date, when a metric counts days", () => {
    const days = parseRubric({
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [
        {
          id: "last",
          column: "Last login",
          input: "daysSince",
          score: { type: "range", worst: 60, best: 0 },
        },
      ],
    });
    expect(() => compileSql(days, { dialect: "duckdb", table: "t", asOf: "2026-02-30" })).toThrow(
      'The as-of date "2026-02-30" is not a date: write it as YYYY-MM-DD.',
    );
  });

  it("names a source's key or date column that its table lacks, in one sentence", () => {
    const rubric = parseRubric({
      ...RUBRIC,
      key: "Account",
      sources: { logins: { sheet: "Logins", key: "Account", date: "Date" } },
      metrics: [{ id: "logins", from: { source: "logins", agg: "count" }, score: range }],
    });
    const lacking = (sourceHeaders: string[]) => () =>
      compileSql(rubric, { dialect: "duckdb", table: "t", sourceHeaders: { logins: sourceHeaders } });
    expect(lacking(["Date"])).toThrow(
      'The source "logins" has no column "Account" (read by its key): add it to its table, or change the rubric.',
    );
    expect(lacking(["Account"])).toThrow(
      'The source "logins" has no column "Date" (read by its date): add it to its table, or change the rubric.',
    );
  });

  it("reads the table's and each source's columns as their headers spell them, matched trimmed and in any case", async () => {
    const rubric = parseRubric({
      ...RUBRIC,
      key: "account",
      sources: { logins: { sheet: "Logins", key: "ACCOUNT", date: "date" } },
      metrics: [
        { id: "nps", column: "Nps", score: { type: "range", worst: 0, best: 10 } },
        {
          id: "logins",
          from: { source: "logins", agg: "count", days: 30 },
          score: { type: "range", worst: 0, best: 2 },
        },
      ],
    });
    const table = await db.load(
      {
        headers: ["Account ", "NPS"],
        rows: [
          ["Acme", "10"],
          ["Beta", "0"],
        ],
      },
      false,
    );
    const logins = await db.load(
      {
        headers: [" account", "Date"],
        rows: [
          ["acme", "2026-11-20"],
          ["Acme", "2026-11-25"],
          ["Beta", "2026-01-01"],
        ],
      },
      false,
    );
    const sql = compileSql(rubric, {
      dialect: "duckdb",
      table,
      asOf: "2026-11-26",
      headers: ["Account ", "NPS"],
      sources: { logins },
      sourceHeaders: { logins: [" account", "Date"] },
    });
    expect(sql).toContain('hs__t."NPS"');
    const rows = await db.engine.run(sql);
    expect(rows.map((r) => [r.Account ?? r["Account "], r.health_score])).toEqual([
      ["Acme", 100],
      ["Beta", 0],
    ]);
  });

  it("carries the table's own columns beside the results, and none of its working columns", async () => {
    const table = await db.load({ headers: ["Account", "NPS"], rows: [["Acme", "7"]] }, false);
    const [row] = await db.engine.run(compileSql(RUBRIC, { dialect: "duckdb", table }));
    // health_segment only with segments.
    const results = SQL_RESULT_COLUMNS.filter((c) => c !== "health_segment");
    expect(Object.keys(row ?? {})).toEqual(["row_id", "Account", "NPS", ...results]);
    // Postgres has no `* EXCLUDE`: the row travels as one value and is expanded at the end.
    const sql = compileSql(RUBRIC, { dialect: "postgres", table: "t" });
    expect(sql).toContain("SELECT hs__t AS hs__row,\n");
    expect(sql).toContain("SELECT (hs__row).*,\n");
  });

  it("picks each account's segment rubric as the core does, segment names matched trimmed and in any case", async () => {
    const rows = [
      ["gold", "6"],
      [" SILVER ", "6"],
      ["", "6"],
      ["Bronze", "6"],
      ["Gold", "9"],
    ];
    expect(
      await differencesOf({ name: "segments", rubric: SEGMENTED, headers: ["Stage", "NPS"], rows }),
    ).toEqual([]);
  });

  it("leaves a space between a number and the next word, as PostgreSQL 15 requires (it refuses `1WHEN`)", () => {
    for (const dialect of ["duckdb", "postgres", "bigquery", "snowflake"] as const)
      expect(compileSql(SEGMENTED, { dialect, table: "t", asOf: AS_OF })).not.toMatch(
        /(?<![\w.'])\d+(?!e[+-]\d)[A-Za-z_]/,
      );
  });

  it("names each account's segment as the rubric writes it, one readable WHEN each", () => {
    expect(compileSql(SEGMENTED, { dialect: "duckdb", table: "t", asOf: AS_OF })).toContain(
      "WHEN 1 THEN ' Gold ' WHEN 2 THEN 'silver' END AS health_segment",
    );
  });

  it("matches a number aggregate to the key it is written as, else to the first key that reads as it, as the core does", async () => {
    const rubric = parseRubric({
      key: "Account",
      bands: BANDS,
      sources: { pay: { sheet: "Payments", key: "Account" } },
      metrics: [
        {
          id: "payments",
          from: { source: "pay", agg: "count" },
          score: { type: "map", values: { "2": 80, "2.0": 100, "1.0": 70, "100%": 60 }, else: 10 },
        },
        {
          id: "paid",
          from: { source: "pay", agg: "avg", column: "Paid" },
          score: { type: "map", values: { "50%": 60, "0.5": 90, "100%": 40 }, else: 10 },
        },
      ],
    });
    const pay = {
      headers: ["Account", "Paid"],
      rows: [
        ["Acme", "0"],
        ["Acme", "1"],
        ["Beta", "1"],
      ],
    };
    const f: Fixture = {
      name: "number keys",
      rubric,
      headers: ["Account"],
      rows: [["Acme"], ["Beta"], ["Cara"]],
      sources: { pay },
    };
    // Acme: 2 payments ("2", 80), paid 0.5 ("0.5", 90); Beta: 1 ("1.0", 70) and 1 ("100%", 40).
    expect(
      scoreTable(rubric, f.headers, f.rows, { asOf: AS_OF, timeZone: "UTC", sources: f.sources }).map(
        (r) => r.score,
      ),
    ).toEqual([85, 55, 10]);
    expect(await differencesOf(f)).toEqual([]);
    // A table's cell is matched by its text alone.
    const cells = parseRubric({
      bands: BANDS,
      metrics: [{ id: "seats", column: "Seats", score: rubric.metrics[1]?.score }],
    });
    expect(compileSql(cells, { dialect: "duckdb", table: "t", asOf: AS_OF })).toContain(
      "CASE WHEN LOWER(hs_r0m0t) = '50%' THEN 60 WHEN LOWER(hs_r0m0t) = '0.5' THEN 90 WHEN LOWER(hs_r0m0t) = '100%' THEN 40 ELSE 10 END",
    );
  });

  it("weighs groups, a group of weight 0 and metrics of weight 0 in score and coverage as the core does", async () => {
    const metric = (column: string, group: string, weight: number) => ({
      id: column,
      column,
      group,
      weight,
      score: range,
    });
    const headers = ["A1", "A2", "S1", "M1", "E1"];
    const rubric = parseRubric({
      bands: BANDS,
      groups: { Adoption: 2, Service: 0, Money: 1, Empty: 1 },
      metrics: [
        metric("A1", "Adoption", 1),
        metric("A2", "Adoption", 0),
        metric("S1", "Service", 1),
        metric("M1", "Money", 2),
        metric("E1", "Empty", 0),
      ],
    });
    const rows = [
      ["8", "2", "1", "5", "9"],
      ["", "", "3", "", ""],
      ["", "4", "", "", "7"],
      ["1", "", "", "", ""],
      ["", "", "", "", ""],
    ];
    expect(await differencesOf({ name: "groups", rubric, headers, rows })).toEqual([]);
    // Every group with weighed metrics weighs 0: nothing covers.
    const none = parseRubric({
      bands: BANDS,
      groups: { A: 0, B: 1 },
      metrics: [metric("A1", "A", 1), metric("A2", "B", 0)],
    });
    expect(await differencesOf({ name: "no group weighs", rubric: none, headers, rows })).toEqual([]);
  });

  it("orders drivers of equal cost as the rubric lists them, and notes a points rubric whose weights are all 0", async () => {
    const metrics = ["A", "B", "C", "D"].map((column) => ({ id: column, column, score: range }));
    const rows = [
      ["2", "2", "2", "2"],
      ["2", "1", "2", "1"],
      ["10", "", "3", "3"],
      ["", "", "", ""],
    ];
    const headers = ["A", "B", "C", "D"];
    const weighted = parseRubric({ bands: BANDS, metrics });
    expect(await differencesOf({ name: "ties", rubric: weighted, headers, rows })).toEqual([]);
    const zero = parseRubric({
      method: "points",
      bands: BANDS,
      metrics: metrics.map((m) => ({ ...m, weight: 0, score: { ...range, points: 10 } })),
    });
    expect(await differencesOf({ name: "all weights 0", rubric: zero, headers, rows })).toEqual([]);
  });

  it("reads a source's number aggregates as yes/no cells and as map keys, and text as written, as the core does", async () => {
    const rubric = parseRubric({
      key: "Account",
      bands: BANDS,
      sources: { pay: { sheet: "Payments", key: "Account" } },
      metrics: [
        {
          id: "paid",
          input: "boolean",
          from: { source: "pay", agg: "max", column: "Paid" },
          score: { type: "map", values: { true: 100, false: 0 } },
        },
        {
          id: "payments",
          from: { source: "pay", agg: "count" },
          score: { type: "map", values: { " 2 ": 100, "1": 50, "0": 0 }, else: 10 },
        },
        {
          id: "plan",
          column: "Plan",
          input: "text",
          score: { type: "map", values: { " Pro ": 100 }, else: 20 },
        },
        // Days since a number aggregate, read as the core reads it.
        {
          id: "since",
          input: "daysSince",
          from: { source: "pay", agg: "max", column: "Paid" },
          score: { type: "range", worst: 30, best: 0 },
        },
      ],
      flags: [
        { id: "unpaid", from: { source: "pay", agg: "min", column: "Paid" }, when: false, add: -10 },
        { id: "churn", column: "Plan", when: " Churned ", cap: 30 },
        { id: "trial", column: "Plan", contains: " TRIAL ", cap: 50 },
        // Two aggregates under the same condition, and conditions spaced and cased otherwise.
        {
          id: "open",
          from: { source: "pay", agg: "count", where: [{ column: "Status", equals: " OPEN " }] },
          min: 2,
          add: 5,
        },
        {
          id: "open_sum",
          from: {
            source: "pay",
            agg: "sum",
            column: "Paid",
            where: [{ column: "Status", equals: " OPEN " }],
          },
          min: 1,
          add: 3,
        },
        {
          id: "some",
          from: { source: "pay", agg: "count", where: [{ column: "Status", in: [" Late ", "x"] }] },
          min: 1,
          floor: 60,
        },
        {
          id: "pen",
          from: { source: "pay", agg: "count", where: [{ column: "Status", contains: " PEN " }] },
          max: 0,
          add: -4,
        },
      ],
    });
    const pay = {
      headers: ["Status", "Account", "Paid"],
      rows: [
        ["open", "Acme", "1"],
        ["Open", "acme", "1"],
        ["late", "Beta", "0"],
        ["", "Beta", "1"],
        ["open", "Gamma", "2"],
        ["Late", "Delta", "yes"],
      ],
    };
    // The key column is not the first: the join reads it by its header.
    const headers = ["Plan", "Account"];
    const rows = [
      ["pro", "Acme"],
      ["Churned", "Beta"],
      ["Free trial", "Gamma"],
      ["Pro", "Delta"],
      ["", "Zeta"],
    ];
    const f = { name: "aggregates", rubric, headers, rows, sources: { pay } };
    expect(await differencesOf(f, { headers, sourceHeaders: { pay: pay.headers } })).toEqual([]);
  });
});
