/**
 * The four SQL dialects the export speaks, as one small table of spellings: quoting, literals,
 * regular expressions, casts and today's date. Everything else in the generated query is SQL the
 * four share. No transpiler: the ones tried (sqlglot and its ports) turned `DATE_DIFF` into invalid
 * BigQuery, kept `GREATEST` (NULL on BigQuery and Snowflake when any argument is NULL) and made a
 * safe cast an unsafe one for Postgres. Facts measured on the engines are in ENGINES.md.
 */

export type DialectName = "duckdb" | "postgres" | "bigquery" | "snowflake";
export const DIALECT_NAMES: readonly DialectName[] = ["duckdb", "postgres", "bigquery", "snowflake"];

export interface Dialect {
  name: DialectName;
  /** A quoted identifier. Quoted names are case-sensitive on every engine. */
  ident(name: string): string;
  /** A string literal. */
  str(text: string): string;
  /** A DOUBLE literal. Postgres `1/4` is 0 and Snowflake divides fixed-point numbers with few decimals. */
  num(n: number): string;
  /** Any column as text: numbers, dates and booleans as the engine writes them. */
  text(expr: string): string;
  /** Whether `expr` matches `pattern` (a regular expression without anchors) from end to end. */
  matches(expr: string, pattern: string): string;
  /** Every match of `pattern` in `expr` replaced by nothing. */
  strip(expr: string, pattern: string): string;
  /** Text the query has already checked to be a plain decimal number, as a DOUBLE. */
  toDouble(expr: string): string;
  /** A number (an integer count) as a DOUBLE. */
  double(expr: string): string;
  /** Text already checked to be digits, as an integer. */
  toInt(expr: string): string;
  /** A whole-valued DOUBLE as text without a decimal point. */
  intText(expr: string): string;
  /** Whether `needle` (a literal, not empty) occurs in `expr`. */
  contains(expr: string, needle: string): string;
  /** Today's date as `YYYY-MM-DD` text, in a time zone or the session's. */
  today(timeZone?: string): string;
  /** `expr` without any of the characters of `chars` (an expression) at either end. */
  trim(expr: string, chars: string): string;
  /** The white space JavaScript's `trim()` removes, as one text expression. */
  spaceChars: string;
  /**
   * The white space JavaScript's `trim()` and `\s` remove, as the inside of a bracket expression.
   * Engines trim different characters (Postgres and DuckDB spaces only, BigQuery also tabs and
   * no-break spaces), so the query trims with this class instead of TRIM.
   */
  space: string;
  /**
   * How the table's own columns reach the result: `exclude` selects `*` minus the query's working
   * columns; `row` carries the row as one composite value (Postgres has no `* EXCLUDE`).
   */
  carry: "exclude" | "row";
  /** The keyword for `SELECT * EXCLUDE (...)`. */
  exclude?: string;
  /**
   * How a CTE is introduced. Postgres inlines a CTE read once, substituting each column's
   * expression wherever a later one reads it: over the query's layers that grows without bound.
   */
  cte: string;
}

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** Tab to carriage return, then the spaces Unicode adds (no-break, en, em, ideographic ...), BOM. */
const UNICODE_SPACES =
  " \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
const withChr = (chr: string) =>
  `${[9, 10, 11, 12, 13].map((n) => `${chr}(${n})`).join(" || ")} || '${UNICODE_SPACES}'`;
const singleQuoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
/**
 * A DOUBLE from a decimal literal. DuckDB (and Snowflake) read `0.13999999999999999` as a DECIMAL
 * first and lose the last digit on the way to a double; up to 15 digits that way is exact, longer
 * ones are cast from text, which reads the nearest double.
 */
const castDouble = (n: number) => {
  // String(-0) is "0": no engine reads a negative zero from the rubric.
  const text = String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return text;
  // Stryker disable next-line EqualityOperator,Regex: quoting a number of 15 digits or fewer reads the same double
  return text.replace(/[^0-9]/g, "").replace(/^0+/, "").length > 15 || /e/.test(text)
    ? `'${text}'::DOUBLE`
    : `${text}::DOUBLE`;
};

// RE2 (DuckDB, BigQuery) writes code points as \x{...}; Postgres' AREs as \u....
// JavaScript's white space is tab to carriage return, the byte-order mark, and Unicode's
// separators (\pZ: every space, U+2028 and U+2029).
const RE2_SPACE = "\\t-\\r\\x{FEFF}\\pZ";

const duckdb: Dialect = {
  name: "duckdb",
  ident: doubleQuoted,
  str: singleQuoted,
  // A literal with a decimal point is a DECIMAL in DuckDB; cast so arithmetic stays in doubles.
  num: castDouble,
  // DuckDB writes the double 5 as '5.0'; the core (and Sheets) show it as 5. typeof is constant
  // per column, so only number columns pay for this.
  text: (e) =>
    `CASE WHEN typeof(${e}) IN ('DOUBLE', 'FLOAT') OR typeof(${e}) LIKE 'DECIMAL%' THEN regexp_replace(CAST(CAST(${e} AS DOUBLE) AS VARCHAR), '[.]0$', '') ELSE CAST(${e} AS VARCHAR) END`,
  matches: (e, p) => `regexp_full_match(${e}, ${singleQuoted(p)})`,
  // trim(x, characters) with these characters costs about 5 µs a cell (3x the rest of reading a
  // cell, measured on 300,000 rows); the anchored pattern strips the same characters in a fifth.
  trim: (e) => `regexp_replace(${e}, '^[${RE2_SPACE}]+|[${RE2_SPACE}]+$', '', 'g')`,
  spaceChars: withChr("chr"),
  strip: (e, p) => `regexp_replace(${e}, ${singleQuoted(p)}, '', 'g')`,
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  toInt: (e) => `CAST(${e} AS INTEGER)`,
  intText: (e) => `CAST(CAST(${e} AS BIGINT) AS VARCHAR)`,
  contains: (e, n) => `strpos(${e}, ${n}) > 0`,
  // ICU's time zones ship inside the engine: no extension is downloaded.
  today: (tz) =>
    tz
      ? `strftime(timezone(${singleQuoted(tz)}, current_timestamp), '%Y-%m-%d')`
      : "strftime(current_date, '%Y-%m-%d')",
  space: RE2_SPACE,
  carry: "exclude",
  exclude: "EXCLUDE",
  cte: "AS",
};

const postgres: Dialect = {
  name: "postgres",
  ident: doubleQuoted,
  // standard_conforming_strings (on since 9.1): a backslash is an ordinary character.
  str: singleQuoted,
  // A literal with a decimal point is NUMERIC, and integer division truncates: cast to float8.
  num: (n) => `${n}::float8`,
  text: (e) => `CAST(${e} AS TEXT)`,
  matches: (e, p) => `(${e} ~ ${singleQuoted(`^(${p})$`)})`,
  trim: (e, chars) => `btrim(${e}, ${chars})`,
  spaceChars: withChr("chr"),
  strip: (e, p) => `regexp_replace(${e}, ${singleQuoted(p)}, '', 'g')`,
  // Only ever applied to text the query has checked: a plain CAST fails the query on bad text
  // (Postgres 15 has no safe cast), and takes '0x1A' and 'inf'.
  toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  toInt: (e) => `CAST(${e} AS INTEGER)`,
  intText: (e) => `CAST(CAST(${e} AS BIGINT) AS TEXT)`,
  contains: (e, n) => `strpos(${e}, ${n}) > 0`,
  today: (tz) =>
    tz
      ? `to_char(now() AT TIME ZONE ${singleQuoted(tz)}, 'YYYY-MM-DD')`
      : "to_char(current_date, 'YYYY-MM-DD')",
  space: "\\t-\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF",
  carry: "row",
  cte: "AS MATERIALIZED",
};

// BigQuery: backslashes escape in strings and identifiers ('O\'Brien'; 'O''Brien' is a syntax
// error), so patterns go in raw strings r'...'.
const bigquery: Dialect = {
  name: "bigquery",
  ident: (name) => `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\``,
  str: (text) =>
    `'${text.replace(/[\\'\n\r\t]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\${c}`))}'`,
  num: String,
  text: (e) => `CAST(${e} AS STRING)`,
  matches: (e, p) => `REGEXP_CONTAINS(${e}, r'^(${p})$')`,
  trim: (e, chars) => `TRIM(${e}, ${chars})`,
  spaceChars: `CODE_POINTS_TO_STRING([9, 10, 11, 12, 13]) || '${UNICODE_SPACES}'`,
  strip: (e, p) => `REGEXP_REPLACE(${e}, r'${p}', '')`,
  toDouble: (e) => `SAFE_CAST(${e} AS FLOAT64)`,
  double: (e) => `CAST(${e} AS FLOAT64)`,
  toInt: (e) => `SAFE_CAST(${e} AS INT64)`,
  intText: (e) => `CAST(CAST(${e} AS INT64) AS STRING)`,
  contains: (e, n) => `STRPOS(${e}, ${n}) > 0`,
  today: (tz) =>
    tz
      ? `FORMAT_DATE('%Y-%m-%d', CURRENT_DATE(${singleQuoted(tz)}))`
      : "FORMAT_DATE('%Y-%m-%d', CURRENT_DATE())",
  space: RE2_SPACE,
  carry: "exclude",
  exclude: "EXCEPT",
  cte: "AS",
};

// Snowflake: '' doubles a quote and \\ writes a backslash; patterns go in $$...$$, where
// backslashes are literal. REGEXP_LIKE anchors its pattern at both ends by itself.
const snowflake: Dialect = {
  name: "snowflake",
  ident: doubleQuoted,
  str: (text) =>
    `'${text.replace(/[\\'\n\r\t]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : c === "'" ? "''" : "\\\\"))}'`,
  num: (n) => (Number.isInteger(n) ? `${n}::DOUBLE` : castDouble(n)),
  text: (e) => `CAST(${e} AS VARCHAR)`,
  matches: (e, p) => `REGEXP_LIKE(${e}, $$${p}$$)`,
  trim: (e, chars) => `TRIM(${e}, ${chars})`,
  spaceChars: withChr("CHR"),
  strip: (e, p) => `REGEXP_REPLACE(${e}, $$${p}$$, '')`,
  toDouble: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  // TRY_CAST takes text only.
  double: (e) => `CAST(${e} AS DOUBLE)`,
  toInt: (e) => `TRY_CAST(${e} AS INTEGER)`,
  intText: (e) => `CAST(CAST(${e} AS BIGINT) AS VARCHAR)`,
  contains: (e, n) => `POSITION(${n}, ${e}) > 0`,
  today: (tz) =>
    tz
      ? `TO_CHAR(CONVERT_TIMEZONE(${singleQuoted(tz)}, CURRENT_TIMESTAMP()), 'YYYY-MM-DD')`
      : "TO_CHAR(CURRENT_DATE(), 'YYYY-MM-DD')",
  space: "\\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF",
  carry: "exclude",
  exclude: "EXCLUDE",
  cte: "AS",
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery, snowflake };
