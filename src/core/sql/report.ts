/**
 * The report of what the sources held that did not count, as SQL: the numbers behind the notes
 * `healthscore score` prints (sources.ts's report()), for `healthscore sql --run`. Apart from the
 * scoring query (compile.ts) so the add-on's bundle, which never runs it, leaves it out.
 */
import { type ActivityReport, EXAMPLES, fromsRead, sourceNamesRead } from "../sources";
import type { Rubric, Source } from "../types";
import { Chain, type Column, Compiler, SqlError, type SqlOptions, TEXT, tableName } from "./compile";
import { DIALECTS } from "./dialects";

/**
 * The query whose rows readSourceReport turns into the report `healthscore score` prints of what
 * the sources held that did not count (sources.ts's report(): the same keys and dates, read by the
 * same expressions as the scoring query). The table and each source's table need a column,
 * `order`, holding each row's 0-based place in it. Run by `healthscore sql --run` on DuckDB.
 */
export function compileSourceReport(rubric: Rubric, options: SqlOptions & { order: string }): string {
  const d = DIALECTS[options.dialect];
  if (!d) throw new SqlError(`Unknown SQL dialect "${options.dialect}".`);
  if (fromsRead(rubric).length === 0)
    throw new SqlError("The rubric reads no source: there is nothing to report.");
  return reportQuery(new Compiler(d, rubric, options), options.order);
}

/** The rows of compileSourceReport's query as sources.ts's report. */
export function readSourceReport(rubric: Rubric, rows: readonly Record<string, unknown>[]): ActivityReport {
  const num = (v: unknown) => Number(v ?? 0);
  const of = (source: unknown, what: string) =>
    rows
      .filter((r) => (r.hs_source ?? null) === source && r.hs_what === what)
      .sort((a, b) => num(a.hs_n) - num(b.hs_n));
  const total = (source: string, what: string) => num(of(source, what)[0]?.hs_n);
  const names = sourceNamesRead(rubric);
  return {
    sources: names.map((source) => {
      const blank = total(source, "blank");
      const keys = of(source, "unmatched_key").map((r) => String(r.hs_text));
      return {
        source,
        rows: total(source, "rows"),
        unmatched: total(source, "unmatched"),
        // As sources.ts: a blank key is named first, within the same few examples.
        unmatchedKeys: [...(blank > 0 ? ["(blank)"] : []), ...keys].slice(0, EXAMPLES),
        undated: total(source, "undated"),
        undatedRows: of(source, "undated_row").map((r) => ({ index: num(r.hs_n), text: String(r.hs_text) })),
      };
    }),
    duplicateRows: num(of(null, "duplicate_rows")[0]?.hs_n),
    duplicateKeys: of(null, "duplicate_key").map((r) => String(r.hs_text)),
  };
}

/**
 * The query behind sources.ts's report(): per source, its rows, those whose key names no
 * account of the table (a blank or missing key included) with the first keys as written, and
 * those with no readable date with the first of them; and the table's rows sharing a key. Each
 * row is `hs_source` (NULL for the table), `hs_what`, `hs_n` (a count, or a row's place) and
 * `hs_text`; `order` is the column holding each row's 0-based place in its table.
 *
 * As sources.ts caches each distinct cell's reading, the cells are read once per distinct value
 * (an activity export has a million rows but thousands of keys and hundreds of dates), then
 * counted back onto the rows: the report costs a fraction of the scoring query it follows.
 */
function reportQuery(c: Compiler, order: string): string {
  const { d, rubric, options } = c;
  const n = (x: number) => d.num(x);
  const ord = d.ident(order);
  /** How many rows the distinct cells meeting `cond` stand for. */
  const sumRows = (cond: string) => d.double(`COALESCE(SUM(CASE WHEN ${cond} THEN hs_rows ELSE 0 END), 0)`);
  // Read several times each: computed once (DuckDB and Postgres would otherwise inline them).
  // Stryker disable next-line LogicalOperator,EqualityOperator,ConditionalExpression,StringLiteral: how the CTEs are computed, not what they hold
  const once = d.name === "duckdb" || d.name === "postgres" ? "AS MATERIALIZED" : d.cte;
  const ctes: string[] = [];
  const selects: string[] = [];
  const row = (source: string | undefined, what: string, value: string, text: string, from: string) =>
    `SELECT ${source === undefined ? "NULL" : d.str(source)} AS hs_source, ${d.str(what)} AS hs_what, ${value} AS hs_n, ${text} AS hs_text FROM ${from}`;
  /** The first few rows of `rows` by place, each as `text`. */
  const first = (source: string | undefined, what: string, text: string, rows: string) =>
    row(
      source,
      what,
      d.double("hs_o"),
      text,
      `(SELECT *, ROW_NUMBER() OVER (ORDER BY hs_o) AS hs_i FROM ${rows}) hs__x WHERE hs_i <= ${n(EXAMPLES)}`,
    );
  /** The first of `rows` of each key: a key is written as its first row writes it. */
  const firstOfKey = (rows: string) =>
    `(SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY hs_k ORDER BY hs_o) AS hs_j FROM ${rows}) hs__y WHERE hs_j = 1) hs__z`;
  /**
   * Each distinct cell of `column` in `table`, read as the scoring query reads it: its rows, the
   * first's place, the cell as it is (`hs_raw`) and the chain's working columns; as CTE `name`.
   */
  const distinct = (name: string, table: string, column: string, read: (cell: Column) => string[]) => {
    const chain = new Chain();
    const raw = `hs__t.${d.ident(column)}`;
    chain.q.add(TEXT, "hs_raw", raw);
    chain.q.add(TEXT, "hs_rows", "hs__t.hs_rows");
    chain.q.add(TEXT, "hs_o", "hs__t.hs_o");
    const columns = read(c.cell(chain, "hs_cell", column));
    const from = `(SELECT ${raw}, COUNT(*) AS hs_rows, MIN(hs__t.${ord}) AS hs_o FROM ${tableName(d, table)} AS hs__t GROUP BY ${raw}) AS hs__t`;
    // Stryker disable next-line BooleanLiteral: carrying the table's columns adds columns no select here reads
    const rendered = c.renderChain(chain, `${name}_`, from, false);
    ctes.push(
      ...rendered,
      `${name} ${once} (\n  SELECT hs_raw, hs_rows, hs_o, ${columns.join(", ")}\n  FROM ${name}_${rendered.length}\n)`,
    );
  };
  /** A key column's distinct cells: `hs_kt` as written (trimmed), `hs_k` lower-cased, `hs_blank`. */
  const keys = (name: string, table: string, column: string) =>
    distinct(name, table, column, (key) => [
      `${key.text} AS hs_kt`,
      `LOWER(${key.text}) AS hs_k`,
      `${c.missing(key)} AS hs_blank`,
    ]);

  // The table's accounts: every key a scored row has, and those more than one row has.
  keys("hs_dk", options.table, c.tableColumn(rubric.key as string));
  ctes.push(
    `hs_dkeys ${once} (\n  SELECT hs_k, SUM(hs_rows) AS hs_rows\n  FROM hs_dk\n  WHERE NOT hs_blank\n  GROUP BY hs_k\n)`,
  );
  selects.push(
    row(undefined, "duplicate_rows", sumRows("hs_rows > 1"), "NULL", "hs_dkeys"),
    first(
      undefined,
      "duplicate_key",
      "hs_kt",
      `${firstOfKey("hs_dk WHERE NOT hs_blank")} WHERE hs_k IN (SELECT hs_k FROM hs_dkeys WHERE hs_rows > 1)`,
    ),
  );

  const names = sourceNamesRead(rubric);
  names.forEach((name, s) => {
    const source = rubric.sources?.[name] as Source;
    const table = options.sources?.[name] ?? name;
    const keyColumn = c.sourceColumn(name, source.key, "its key");
    const k = `hs_k${s}`;
    // hs_dkeys holds no blank or missing key: a row with one names no account, as in sources.ts.
    keys(`${k}_cells`, table, keyColumn);
    ctes.push(
      `${k} ${once} (\n  SELECT *, NOT EXISTS (SELECT 1 FROM hs_dkeys WHERE hs_dkeys.hs_k = hs_k${s}_cells.hs_k) AS hs_unmatched\n  FROM ${k}_cells\n)`,
    );
    selects.push(
      row(name, "rows", sumRows("TRUE"), "NULL", k),
      row(name, "unmatched", sumRows("hs_unmatched"), "NULL", k),
      row(name, "blank", sumRows("hs_blank"), "NULL", k),
      first(name, "unmatched_key", "hs_kt", firstOfKey(`${k} WHERE hs_unmatched AND NOT hs_blank`)),
    );
    if (source.date === undefined) return;
    // The rows whose date no reading gives a day, a blank key's aside (sources.ts skips those first).
    const dates = `hs_t${s}`;
    const dateColumn = c.sourceColumn(name, source.date, "its date");
    distinct(`${dates}_cells`, table, dateColumn, (date) => [
      `${date.text} AS hs_dt`,
      `${c.day(date)} IS NULL AS hs_undated`,
    ]);
    const undated = `hs_u${s}`;
    ctes.push(
      `${undated} ${once} (\n  SELECT hs__t.${ord} AS hs_o, COALESCE(hs_dt, '') AS hs_dt\n  FROM ${tableName(d, table)} AS hs__t\n  JOIN ${dates}_cells ON hs_undated AND hs__t.${d.ident(dateColumn)} IS NOT DISTINCT FROM ${dates}_cells.hs_raw\n  JOIN ${k} ON NOT ${k}.hs_blank AND hs__t.${d.ident(keyColumn)} IS NOT DISTINCT FROM ${k}.hs_raw\n)`,
    );
    selects.push(
      row(name, "undated", d.double("COUNT(*)"), "NULL", undated),
      first(name, "undated_row", "hs_dt", undated),
    );
  });
  return `WITH ${ctes.join(",\n")}\n${selects.join("\nUNION ALL\n")}\n`;
}
