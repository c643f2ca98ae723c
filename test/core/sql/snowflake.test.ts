/**
 * Snowflake: no engine runs offline, so its output is generated from Snowflake's documented
 * semantics and held here by golden files (test/core/sql/snowflake/, rewritten with
 * UPDATE_GOLDENS=1 after a deliberate change), and by a check of the query's shape: strings,
 * $$ patterns and quoted names closed, parentheses balanced, and no function Snowflake lacks or
 * spells differently (GREATEST/LEAST return NULL on any NULL there; ILIKE and LIKE are not used).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRubric, type Rubric } from "../../../src/core";
import { compileSql, type SqlOptions } from "../../../src/core/sql";
import { AS_OF, featureFixtures, sourceFixtures, starterFixtures } from "./parity";

const GOLDEN = join(import.meta.dirname, "snowflake");

/** The Snowflake functions the export may call, each as documented. */
const FUNCTIONS = new Set([
  "ABS",
  "CAST",
  "CHR",
  "COALESCE",
  "COUNT",
  "CONVERT_TIMEZONE",
  "CURRENT_DATE",
  "CURRENT_TIMESTAMP",
  "FLOOR",
  "LENGTH",
  "LOWER",
  "MAX",
  "MIN",
  "NULLIF",
  "POSITION",
  "REGEXP_LIKE",
  "REGEXP_REPLACE",
  "SUBSTR",
  "SUM",
  "TO_CHAR",
  "TRIM",
  "TRY_CAST",
]);
const KEYWORDS = new Set([
  "AS",
  "IN",
  "AND",
  "OR",
  "NOT",
  "THEN",
  "ELSE",
  "WHEN",
  "EXCLUDE",
  "SELECT",
  "FROM",
  "WITH",
  "END",
  "CASE",
]);

/** Walks the query as Snowflake's lexer would; returns what is wrong with its shape, or nothing. */
function shapeProblems(sql: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'") {
      // '' is a quote, \\ escapes the next character.
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === "\\") j++;
        else if (sql[j] === "'") {
          if (sql[j + 1] === "'") j++;
          else break;
        }
      }
      if (j >= sql.length) problems.push(`unterminated string at ${i}`);
      i = j + 1;
    } else if (sql.startsWith("$$", i)) {
      const end = sql.indexOf("$$", i + 2);
      if (end < 0) problems.push(`unterminated $$ at ${i}`);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < sql.length; j++) if (sql[j] === '"' && sql[++j] !== '"') break;
      i = j;
    } else {
      if (c === "(") depth++;
      if (c === ")" && --depth < 0) problems.push(`unbalanced ) at ${i}`);
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))?.[0];
      if (word) {
        const upper = word.toUpperCase();
        if (sql[i + word.length] === "(" && !FUNCTIONS.has(upper) && !KEYWORDS.has(upper))
          problems.push(`function ${word} is not one the export uses on Snowflake`);
        if (["GREATEST", "LEAST", "ILIKE", "LIKE", "SAFE_CAST", "REGEXP_CONTAINS", "STRPOS"].includes(upper))
          problems.push(`${word} does not belong in Snowflake SQL here`);
        i += word.length;
      } else i++;
    }
  }
  if (depth !== 0) problems.push(`${depth} unclosed (`);
  return problems;
}

/** A golden file, and the rubric and options whose query it holds. */
interface Case {
  file: string;
  rubric: Rubric;
  options: SqlOptions;
}

const starter = (name: string) => starterFixtures().find((f) => f.name.endsWith(name))?.rubric as Rubric;

const cases: Case[] = [
  ...[...starterFixtures(), ...featureFixtures()].map((f) => ({
    file: `${f.name
      .replace(/^examples\//, "")
      .replace(/\.json$/, "")
      .replace(/[^a-z0-9]+/gi, "-")}.sql`,
    rubric: f.rubric,
    options: { dialect: "snowflake", table: "crm.accounts", asOf: AS_OF } as const,
  })),
  {
    file: "five-dimensions-today-in-zone.sql",
    rubric: starter("five-dimensions.json"),
    options: { dialect: "snowflake", table: "ANALYTICS.PUBLIC.ACCOUNTS", timeZone: "America/New_York" },
  },
  // Sources: each in the table --source names (the others in a table named as the source).
  ...sourceFixtures()
    .filter((f) => !/, (clean rows|a day later)$/.test(f.name))
    .map((f) => ({
      file: `sources-${f.name.replace(/[^a-z0-9]+/gi, "-")}.sql`,
      rubric: f.rubric,
      options: {
        dialect: "snowflake",
        table: "crm.accounts",
        asOf: AS_OF,
        sources: { events: "RAW.PRODUCT.EVENTS" },
      } as const,
    })),
  {
    file: "from-activity-today-in-zone.sql",
    rubric: starter("from-activity.json"),
    options: {
      dialect: "snowflake",
      table: "ANALYTICS.PUBLIC.ACCOUNTS",
      timeZone: "Europe/Berlin",
      sources: { logins: "ANALYTICS.PUBLIC.LOGINS" },
    },
  },
];

// Compiled inside each test, not when this file loads: Stryker switches a mutant on while the
// tests run, so a query compiled at load time would never see one.
const sqlOf = ({ rubric, options }: Case) => compileSql(rubric, options);

describe("the SQL export for Snowflake", () => {
  it.each(cases)("writes $file as its golden file holds it", (c) => {
    const { file } = c;
    const sql = sqlOf(c);
    const path = join(GOLDEN, file);
    if (!existsSync(path) && process.env.CI === "true") throw new Error(`${file} has no golden file.`);
    if (process.env.UPDATE_GOLDENS === "1" || !existsSync(path)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, sql);
    }
    expect(sql).toBe(readFileSync(path, "utf8"));
  });

  it.each(cases)("closes every string and parenthesis and calls only Snowflake functions in $file", (c) => {
    expect(shapeProblems(sqlOf(c))).toEqual([]);
  });

  it("groups each source by its key and joins it to the table, in the tables --source names", () => {
    const sql = sqlOf(cases.at(-1) as Case);
    expect(sql).toContain("FROM ANALYTICS.PUBLIC.LOGINS AS hs__t");
    expect(sql).toContain("FROM nps AS hs__t");
    expect(sql).toMatch(/GROUP BY hs_k\n\)/);
    expect(sql).toMatch(/LEFT JOIN hs_s0 ON hs_s0\.hs_k = LOWER\(TRIM\(/);
    expect(sql).toContain(
      "TO_CHAR(CONVERT_TIMEZONE('Europe/Berlin', CURRENT_TIMESTAMP()), 'YYYY-MM-DD') AS hs_today",
    );
  });

  it("catches a query Snowflake would not run", () => {
    expect(shapeProblems("SELECT GREATEST(a, NULL), 'open")).toEqual([
      "function GREATEST is not one the export uses on Snowflake",
      "GREATEST does not belong in Snowflake SQL here",
      "unterminated string at 26",
    ]);
    expect(shapeProblems("SELECT (REGEXP_LIKE(a, $$x$$)")).toEqual(["1 unclosed ("]);
  });

  it("doubles quotes and backslashes in text, and names the time zone's today", () => {
    const rubric = parseRubric({
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [
        {
          id: "a",
          label: "O'Brien \\ score",
          column: 'Say "hi"',
          score: { type: "range", worst: 0, best: 1 },
        },
      ],
    });
    const quoted = compileSql(rubric, { dialect: "snowflake", table: "t", asOf: AS_OF });
    expect(quoted).toContain("'O''Brien \\\\ score '");
    expect(quoted).toContain('hs__t."Say ""hi"""');
    const today = sqlOf(cases.find((c) => c.file === "five-dimensions-today-in-zone.sql") as Case);
    expect(today).toContain(
      "TO_CHAR(CONVERT_TIMEZONE('America/New_York', CURRENT_TIMESTAMP()), 'YYYY-MM-DD')",
    );
    expect(today).toContain("FROM ANALYTICS.PUBLIC.ACCOUNTS AS hs__t");
  });
});
