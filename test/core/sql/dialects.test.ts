/**
 * How each dialect spells numbers, text, white space and today's date, run on DuckDB embedded for
 * its own dialect. The other engines run in their parity suites (postgres.test.ts, bigquery.test.ts)
 * and Snowflake's goldens; the mutation tests run neither server, so those dialects' spellings are
 * also held here as the text each engine reads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type DialectName } from "../../../src/core/sql/dialects";
import { memoryDuckDb } from "./memoryDuckDb";

const d = DIALECTS.duckdb;
let db: Awaited<ReturnType<typeof memoryDuckDb>>;
beforeAll(async () => {
  db = await memoryDuckDb();
});
afterAll(() => db?.close());

/** Each expression's value, in one query. */
async function values(exprs: readonly string[]): Promise<unknown[]> {
  const [row] = await db.engine.run(`SELECT ${exprs.map((e, i) => `${e} AS v${i}`).join(", ")}`);
  return exprs.map((_, i) => row?.[`v${i}`]);
}

describe("the DuckDB dialect", () => {
  it("writes a rubric's numbers so that DuckDB reads back exactly the same doubles", async () => {
    const numbers = [
      ...[0, -0, 5, -3, 0.1, 0.5, -2.25, 43.1, 0.13999999999999999, 1.0000000000000002, 1.9500000000000013],
      123456789012345.6,
      ...[1e15, -1e15, 1e16, 2 ** 53 + 2, 1e21, 1e-7, 1.5e-300, 1e300, 0.1 + 0.2],
    ];
    expect((await values(numbers.map((n) => d.num(n)))).map(Number)).toEqual(numbers.map((n) => n + 0));
    // Fractions are doubles, not DECIMALs, so arithmetic stays in doubles.
    expect(await values([0.1, 43.1, 0.13999999999999999].map((n) => `typeof(${d.num(n)})`))).toEqual([
      "DOUBLE",
      "DOUBLE",
      "DOUBLE",
    ]);
  });

  it("writes whole numbers as the rubric does, and those of 16 digits or more as doubles", async () => {
    expect([5, -3, 0, -0, 999999999999999].map((n) => d.num(n))).toEqual([
      "5",
      "-3",
      "0",
      "0",
      "999999999999999",
    ]);
    // As BIGINTs, 1e16 * 1e16 would overflow and fail the query.
    const big = [1e15, -1e15, 1e16, 2 ** 53 + 2];
    expect(await values(big.map((n) => `typeof(${d.num(n)})`))).toEqual(big.map(() => "DOUBLE"));
  });

  it("writes a number column's cells as the core shows them: 5, not 5.0", async () => {
    expect(
      await values([
        d.text("CAST(5 AS DOUBLE)"),
        d.text("CAST(-2.5 AS DOUBLE)"),
        d.text("CAST(3 AS DECIMAL(5, 2))"),
        d.text("'5.0'"),
        d.text("42"),
        d.intText("CAST(20783 AS DOUBLE)"),
      ]),
    ).toEqual(["5", "-2.5", "3", "5.0", "42", "20783"]);
  });

  it("trims the white space JavaScript's trim() removes, and no other character", async () => {
    const cells = [" a ", "\t\n a b \r", "\u00a0\u2003x\u3000\ufeff", "\u200bz", "-"];
    expect(await values(cells.map((c) => d.trim(d.str(c), d.spaceChars)))).toEqual(
      cells.map((c) => c.trim()),
    );
  });
});

/** Today's date in `timeZone` as the core writes dates, YYYY-MM-DD. */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());

describe("today's date on DuckDB", () => {
  it("is the date in the rubric's time zone: Kiritimati (UTC+14) a day ahead of Pago Pago (UTC-11)", async () => {
    const zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"];
    const expected = zones.map(todayIn);
    const read = await values(zones.map((z) => d.today(z)));
    // Unless a date turned between the reads of the clock.
    if (zones.map(todayIn).join() === expected.join()) expect(read).toEqual(expected);
  });

  it("is the date in the session's time zone without one", async () => {
    const [zone] = await values(["current_setting('TimeZone')"]);
    const expected = todayIn(zone as string);
    const [read] = await values([d.today()]);
    if (todayIn(zone as string) === expected) expect(read).toBe(expected);
  });
});

/** Each dialect's spelling of one cell's operations on a column `c`. */
function spellings(name: DialectName) {
  const s = DIALECTS[name];
  return {
    num: [0.25, 3, -0, 0.13999999999999999].map((n) => s.num(n)),
    str: s.str("O'Brien \\d\n\r\t"),
    text: s.text("c"),
    matches: s.matches("c", "a|it's"),
    strip: s.strip("c", "[$,]"),
    toDouble: s.toDouble("c"),
    double: s.double("c"),
    toInt: s.toInt("c"),
    intText: s.intText("c"),
    contains: s.contains("c", "'x'"),
    today: [s.today("Europe/Paris"), s.today()],
  };
}

describe("the spellings of the engines the mutation tests do not run", () => {
  it("PostgreSQL: float8 numbers (1/4 is not 0), standard strings, anchored alternatives, exact casts", () => {
    expect(spellings("postgres")).toEqual({
      num: ["0.25::float8", "3::float8", "0::float8", "0.13999999999999999::float8"],
      // standard_conforming_strings: a backslash is itself, a line break is itself.
      str: "'O''Brien \\d\n\r\t'",
      text: "CAST(c AS TEXT)",
      matches: "(c ~ '^(a|it''s)$')",
      strip: "regexp_replace(c, '[$,]', '', 'g')",
      toDouble: "CAST(c AS DOUBLE PRECISION)",
      double: "CAST(c AS DOUBLE PRECISION)",
      toInt: "CAST(c AS INTEGER)",
      intText: "CAST(CAST(c AS BIGINT) AS TEXT)",
      contains: "strpos(c, 'x') > 0",
      today: [
        "to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')",
        "to_char(current_date, 'YYYY-MM-DD')",
      ],
    });
  });

  it("BigQuery: backslash escapes (a raw line break ends a string), raw-string patterns, safe casts", () => {
    expect(spellings("bigquery")).toEqual({
      num: ["0.25", "3", "0", "0.13999999999999999"],
      str: "'O\\'Brien \\\\d\\n\\r\\t'",
      text: "CAST(c AS STRING)",
      matches: "REGEXP_CONTAINS(c, r'^(a|it's)$')",
      strip: "REGEXP_REPLACE(c, r'[$,]', '')",
      toDouble: "SAFE_CAST(c AS FLOAT64)",
      double: "CAST(c AS FLOAT64)",
      toInt: "SAFE_CAST(c AS INT64)",
      intText: "CAST(CAST(c AS INT64) AS STRING)",
      contains: "STRPOS(c, 'x') > 0",
      today: [
        "FORMAT_DATE('%Y-%m-%d', CURRENT_DATE('Europe/Paris'))",
        "FORMAT_DATE('%Y-%m-%d', CURRENT_DATE())",
      ],
    });
  });

  it("Snowflake: doubled quotes and backslash escapes, $$ patterns anchored by REGEXP_LIKE, try-casts", () => {
    expect(spellings("snowflake")).toEqual({
      // A DECIMAL of 17 digits loses the last one on the way to a double: cast from text.
      num: ["0.25::DOUBLE", "3::DOUBLE", "0::DOUBLE", "'0.13999999999999999'::DOUBLE"],
      str: "'O''Brien \\\\d\\n\\r\\t'",
      text: "CAST(c AS VARCHAR)",
      matches: "REGEXP_LIKE(c, $$a|it's$$)",
      strip: "REGEXP_REPLACE(c, $$[$,]$$, '')",
      toDouble: "TRY_CAST(c AS DOUBLE)",
      double: "CAST(c AS DOUBLE)",
      toInt: "TRY_CAST(c AS INTEGER)",
      intText: "CAST(CAST(c AS BIGINT) AS VARCHAR)",
      contains: "POSITION('x', c) > 0",
      today: [
        "TO_CHAR(CONVERT_TIMEZONE('Europe/Paris', CURRENT_TIMESTAMP()), 'YYYY-MM-DD')",
        "TO_CHAR(CURRENT_DATE(), 'YYYY-MM-DD')",
      ],
    });
  });
});
