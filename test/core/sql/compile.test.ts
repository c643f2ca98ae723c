/** The SQL compiler's refusals and spellings, without an engine. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRubric } from "../../../src/core";
import { compileSql } from "../../../src/core/sql";
import { memoryDuckDb } from "./memoryDuckDb";

let db: Awaited<ReturnType<typeof memoryDuckDb>>;
beforeAll(async () => {
  db = await memoryDuckDb();
});
afterAll(() => db?.close());

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
});
