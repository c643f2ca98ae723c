/**
 * A rubric as one read-only SELECT: the table's columns, then health_score, health_band,
 * health_color, health_coverage, health_flags, health_drivers (and health_segment), with the
 * core's results to the decimal. The query is a chain of CTEs, each adding working columns
 * (`hs_...`) computed from the previous one, in the order score.ts works: cells → readings →
 * metric scores → group sums → raw score → flags (add → floor → cap) → rounding → band, and the
 * drivers text that explain() writes. Sources come first: per source a chain of CTEs over its
 * table, grouped by account key, LEFT JOINed to the table (see compileSources). Every step mirrors
 * a function of the core; the parity suite (test/core/sql/) runs both on the same rows.
 *
 * SQL facts that bite, measured on the engines (ENGINES.md): no GREATEST/LEAST (NULL on BigQuery
 * and Snowflake when any argument is): CASE; every literal is a double (Postgres 1/4 is 0);
 * rounding is written out (BigQuery's ROUND on FLOAT64 and Postgres' round(float8) differ from
 * the core's halves away from zero); no TRIM, no ILIKE, no LIKE pattern built from user text.
 */

import { isoDay, readCell } from "../cells";
import { ColumnError, columnsRead, headerKey, mapColumns } from "../columns";
import type { Test } from "../conditions";
import { explain, flagEffect } from "../explain";
import { fromText } from "../fromText";
import { ALL_ZERO_POINTS_NOTE, NO_DATA_COLOR, type RowResult, ZERO_WEIGHT_NOTE } from "../score";
import { mapLookups } from "../scorers";
import { fromKey, fromsRead } from "../sources";
import type { Band, BaseRubric, From, InputKind, Metric, Rubric, Source } from "../types";
import { NO_DATA } from "../validate";
import {
  dayNumber,
  isMissing,
  isoParts,
  parseNumber,
  quoted,
  readBoolean,
  saysTwoSigns,
  trimmed,
  typedBoolean,
} from "./cells";
import { DIALECTS, type Dialect, type DialectName } from "./dialects";

export interface SqlOptions {
  dialect: DialectName;
  /** The table (or view) holding one row per account, as the warehouse names it. */
  table: string;
  /** The date daysSince counts to, YYYY-MM-DD; without it, the engine's current date. */
  asOf?: string;
  /** The IANA time zone whose current date counts when there is no asOf. */
  timeZone?: string;
  /**
   * The table's column names, when known: rubric columns then match them as the core matches
   * headers (trimmed, any case), and an absent one is a ColumnError. Without them, each rubric
   * column must be the exact (case-sensitive) name of a warehouse column.
   */
  headers?: readonly string[];
  /** The table each source's rows are in, by source name; a source not named is its own name. */
  sources?: Readonly<Record<string, string>>;
  /** Each source table's column names, when known: matched as `headers` are. */
  sourceHeaders?: Readonly<Record<string, readonly string[]>>;
}

/** A rubric the export cannot turn into SQL; the message is one sentence for the user. */
export class SqlError extends Error {
  constructor(message: string) {
    super(message);
    // Stryker disable next-line StringLiteral: cosmetic, the name shows only in a stack trace
    this.name = "SqlError";
  }
}

/** The columns every query adds, in order; health_segment only when the rubric has segments. */
export const SQL_RESULT_COLUMNS = [
  "health_score",
  "health_band",
  "health_color",
  "health_coverage",
  "health_flags",
  "health_drivers",
  "health_segment",
] as const;

const MINUS = "\u2212";
/** Named like score.ts's IN_RANGE: values beyond it are typos or overflow. */
const IN_RANGE = 1e15;
/** The layer of the query where each kind of working column is made. */
export const TEXT = 0;
const PARSE = 1;
const DAYS = 2;
/** Aggregates from sources as cells: unmatched accounts' zeros, and compare's percent change. */
const AGG = 3;
const READ = 4;
const SCORE = 5;
const SUM = 6;
const TOTAL = 7;
const RAW = 8;
const RANK = 9;

/**
 * The query under construction: layers of named expressions, each a CTE over the one before. An
 * expression reads only columns of earlier layers (Postgres has no lateral column aliases).
 */
class Layers {
  readonly layers: [string, string][][] = [];
  readonly names: string[] = [];

  add(layer: number, name: string, expr: string): string {
    while (this.layers.length <= layer) this.layers.push([]);
    (this.layers[layer] as [string, string][]).push([name, expr]);
    this.names.push(name);
    return name;
  }
}

/**
 * One chain of CTEs: the main query's over the table, or a source's over its rows before they are
 * grouped. Each has its own working columns (made once: `memo`) and its own as-of day.
 */
export class Chain {
  readonly q = new Layers();
  readonly memo = new Map<string, string>();
  asOf = "";
}

/**
 * The reason texts of the core's invalid cells, taken from the core itself so they never drift:
 * the part after the quoted cell, e.g. ` is not a number`.
 */
function reasonAfter(cell: string, input: InputKind): string {
  // Stryker disable next-line ArrowFunction,ObjectLiteral: equivalent, no text cell is read by day
  const r = readCell(cell, input, { asOfDay: 0, dayOf: () => 0 });
  // Stryker disable next-line ConditionalExpression,StringLiteral: a guard against a change here; every cell passed is invalid
  if (r.kind !== "invalid") throw new Error(`"${cell}" should be invalid for ${input}`);
  return r.reason.slice(cell.length + 2);
}

export function compileSql(rubric: Rubric, options: SqlOptions): string {
  const d = DIALECTS[options.dialect];
  if (!d)
    throw new SqlError(
      `Unknown SQL dialect "${options.dialect}": use duckdb, postgres, bigquery or snowflake.`,
    );
  return new Compiler(d, rubric, options).query();
}

/** A cell the query reads: a table's column, a source's, or an aggregate from a source. */
export interface Column {
  /** A working column (or expression) holding the cell as trimmed text; NULL when empty. */
  text: string;
  index: number;
  chain: Chain;
  /** An aggregate that is a number (all but latest): the number, NULL when missing. */
  num?: string;
}

/** A source compiled: its CTEs, and how the table joins it by the account key. */
interface CompiledSource {
  ctes: string[];
  join: string;
}

export class Compiler {
  readonly main = new Chain();
  readonly q = this.main.q;
  readonly columns = new Map<string, Column>();
  /** Each `from` as a cell of the table's rows, by fromKey. */
  readonly aggregates = new Map<string, Column>();
  readonly sources: CompiledSource[] = [];
  cells = 0;
  readonly reasons = {
    number: reasonAfter("\u0001", "number"),
    signs: reasonAfter("--5", "number"),
    large: reasonAfter("1e20", "number"),
    boolean: reasonAfter("\u0001", "boolean"),
    daysSince: reasonAfter("\u0001", "daysSince"),
  };

  constructor(
    readonly d: Dialect,
    readonly rubric: Rubric,
    readonly options: SqlOptions,
  ) {}

  query(): string {
    const { d, q, rubric } = this;
    // Every column the rubric reads, once: rubric columns match as the core matches headers.
    const { headers } = this.options;
    const at = headers ? mapColumns(rubric, headers) : undefined;
    for (const { column } of columnsRead(rubric)) {
      const key = headerKey(column);
      if (this.columns.has(key)) continue;
      // Stryker disable next-line LogicalOperator: equivalent, `at` is there exactly when the headers are
      const name = headers && at ? (headers[at.get(key) as number] as string) : column;
      this.columns.set(key, this.cell(this.main, `hs_c${this.columns.size}`, name));
    }
    this.compileSources();
    const rubrics: BaseRubric[] = [rubric, ...Object.values(rubric.segments?.rubrics ?? {})];
    const results = rubrics.map((r, i) => this.compileRubric(r, `hs_r${i}`));

    const health: [string, string][] = [];
    const segments = rubric.segments;
    if (segments) {
      const seg = this.col(segments.column).text;
      const keys = Object.keys(segments.rubrics);
      const which = `CASE ${keys.map((k, i) => `WHEN LOWER(COALESCE(${seg}, '')) = ${d.str(k.trim().toLowerCase())} THEN ${i + 1}`).join(" ")} ELSE 0 END`;
      const segment = q.add(READ, "hs_segment", which);
      const pick = (field: keyof RubricResult) =>
        `CASE ${segment} ${results
          .slice(1)
          .map((r, i) => `WHEN ${i + 1} THEN ${r[field]}`)
          .join(" ")} ELSE ${(results[0] as RubricResult)[field]} END`;
      for (const field of FIELDS) health.push([`health_${field}`, pick(field)]);
      health.push([
        "health_segment",
        `CASE ${segment} ${keys.map((k, i) => `WHEN ${i + 1} THEN ${d.str(k)}`).join(" ")} END`,
      ]);
    } else {
      const top = results[0] as RubricResult;
      for (const field of FIELDS) health.push([`health_${field}`, top[field]]);
    }
    return this.render(health);
  }

  /** A column of the chain's table (`hs__t`) as a cell: its trimmed text, a working column named `name`. */
  cell(chain: Chain, name: string, column: string): Column {
    const d = this.d;
    return {
      text: chain.q.add(TEXT, name, trimmed(d, d.text(`hs__t.${d.ident(column)}`))),
      index: this.cells++,
      chain,
    };
  }

  col(column: string): Column {
    const c = this.columns.get(headerKey(column));
    // Stryker disable next-line ConditionalExpression,StringLiteral: a guard, query() collects every column read
    if (!c) throw new Error(`column "${column}" was not collected`);
    return c;
  }

  /** The cell a metric or flag reads: its column, or its aggregate. */
  cellOf(item: { column?: string; from?: From }): Column {
    if (!item.from) return this.col(item.column as string);
    const c = this.aggregates.get(fromKey(item.from));
    // Stryker disable next-line ConditionalExpression,StringLiteral: a guard, compileSources() makes every aggregate read
    if (!c) throw new Error(`aggregate "${fromText(item.from)}" was not compiled`);
    return c;
  }

  /** A working column made once per cell: its number, boolean, day number or missing test. */
  once(kind: string, column: Column, layer: number, make: () => string): string {
    const key = `${kind}${column.index}`;
    const { memo, q } = column.chain;
    let name = memo.get(key);
    if (name === undefined) {
      name = q.add(layer, `hs_${key}`, make());
      memo.set(key, name);
    }
    return name;
  }

  // An aggregate that is a number is read as the core reads a number cell: no parsing, never
  // yes/no unless 1 or 0, never a date.
  missing = (c: Column) =>
    c.num ? `(${c.num} IS NULL)` : this.once("m", c, PARSE, () => isMissing(this.d, c.text));
  number = (c: Column) => c.num ?? this.once("n", c, PARSE, () => parseNumber(this.d, c.text));
  typedBoolean = (c: Column) =>
    c.num ? "NULL" : this.once("b", c, PARSE, () => typedBoolean(this.d, c.text));
  boolean = (c: Column) =>
    c.num
      ? `CASE WHEN ${c.num} = 1 THEN 1 WHEN ${c.num} = 0 THEN 0 END`
      : this.once("y", c, PARSE, () => readBoolean(this.d, c.text));
  day = (c: Column) => {
    // Typed: GoogleSQL refuses `20783 - NULL`.
    if (c.num) return this.d.double("NULL");
    const [y, m, dd] = isoParts(this.d, c.text).map((e, i) =>
      this.once(["yr", "mo", "dd"][i] as string, c, PARSE, () => e),
    );
    return this.once("day", c, DAYS, () => dayNumber(this.d, y as string, m as string, dd as string));
  };
  /** The cell read as a number metric reads it (readCell's "number"): NULL when missing or unreadable. */
  numeric = (c: Column) =>
    this.once("v", c, DAYS, () => {
      const num = this.number(c);
      return `CASE WHEN ${this.missing(c)} THEN NULL WHEN ${num} IS NOT NULL THEN CASE WHEN ABS(${num}) <= ${this.d.num(IN_RANGE)} THEN ${num} END ELSE ${this.typedBoolean(c)} END`;
    });

  /** The as-of day number: a constant, or today's date in the zone (parsed like a date cell). */
  asOfDay(chain = this.main): string {
    if (chain.asOf) return chain.asOf;
    const { asOf, timeZone } = this.options;
    if (asOf !== undefined) {
      const day = isoDay(asOf);
      if (day === undefined)
        throw new SqlError(`The as-of date "${asOf}" is not a date: write it as YYYY-MM-DD.`);
      chain.asOf = this.d.num(day);
    } else {
      const text = chain.q.add(TEXT, "hs_today", this.d.today(timeZone));
      chain.asOf = this.day({ index: this.cells++, text, chain });
    }
    return chain.asOf;
  }

  /**
   * Every source the rubric reads, as CTEs: its rows' cells read as the core reads them, then
   * grouped by the account key (trimmed, lower-cased) with every aggregate of that source in one
   * GROUP BY, LEFT JOINed to the table by the key. As sources.ts: rows whose key is blank or
   * missing name no account; a source with a date never counts a row with no readable date or
   * one dated after the as-of date; `days: N` keeps ages 0 … N−1, compare's window before N …
   * 2N−1. An account with no rows gets 0 for count, distinct and sum, missing for the others;
   * a data row whose key is blank gets every aggregate missing.
   */
  compileSources(): void {
    const { d, q, rubric, options } = this;
    const n = (x: number) => d.num(x);
    const read = fromsRead(rubric);
    if (read.length === 0) return;
    const key = this.col(rubric.key as string);
    const keyText = trimmed(d, d.text(`hs__t.${d.ident(this.tableColumn(rubric.key as string))}`));
    const names = [...new Set(read.map((r) => r.from.source))];
    names.forEach((name, s) => {
      const source = rubric.sources?.[name] as Source;
      const chain = new Chain();
      const cols = new Map<string, Column>();
      const colOf = (column: string, reader: string): Column => {
        const k = headerKey(column);
        let c = cols.get(k);
        if (!c) {
          c = this.cell(chain, `hs_c${cols.size}`, this.sourceColumn(name, column, reader));
          cols.set(k, c);
        }
        return c;
      };
      const k = colOf(source.key, "its key");
      const group = chain.q.add(READ, "hs_k", `LOWER(${k.text})`);
      const keep = [`NOT ${this.missing(k)}`];
      const day = source.date === undefined ? undefined : this.day(colOf(source.date, "its date"));
      // Stryker disable next-line StringLiteral: equivalent, only a source with a date has windows to age
      let age = "";
      if (day !== undefined) {
        const asOf = this.asOfDay(chain);
        keep.push(`${day} IS NOT NULL`, `${day} <= ${asOf}`);
        age = `${asOf} - ${day}`;
      }
      const aggs: string[] = [];
      const computed = new Map<string, string>();
      const cte = `hs_s${s}`;
      read.forEach(({ from, reader }, j) => {
        if (from.source !== name) return;
        const c = from.column === undefined ? undefined : colOf(from.column, reader);
        const where = (from.where ?? []).map((w) => {
          const cell = colOf(w.column, reader);
          const test =
            w.in !== undefined
              ? `(${w.in.map((when) => this.test(cell, { when })).join(" OR ")})`
              : this.test(cell, w.equals !== undefined ? { when: w.equals } : w);
          // Two `from`s with the same condition share its working column.
          const same = `where ${cell.index} ${JSON.stringify([w.equals, w.in, w.contains, w.min, w.max])}`;
          let named = chain.memo.get(same);
          if (named === undefined) {
            named = chain.q.add(READ, `hs_w${chain.memo.size}`, test);
            chain.memo.set(same, named);
          }
          return named;
        });
        const windows =
          from.days === undefined
            ? [[]]
            : [
                [`${age} < ${n(from.days)}`],
                ...(from.compare ? [[`${age} >= ${n(from.days)}`, `${age} < ${n(2 * from.days)}`]] : []),
              ];
        const raw = windows.map((w, b) => {
          const conds = [...w, ...where];
          const when = (x: string) =>
            conds.length === 0 ? x : `CASE WHEN ${conds.join(" AND ")} THEN ${x} END`;
          const value = () => this.numeric(c as Column);
          let agg: string;
          switch (from.agg) {
            case "count":
              agg = d.double(
                conds.length === 0 ? "COUNT(*)" : `SUM(CASE WHEN ${conds.join(" AND ")} THEN 1 ELSE 0 END)`,
              );
              break;
            case "distinct":
              agg = d.double(
                `COUNT(DISTINCT ${when(`CASE WHEN NOT ${this.missing(c as Column)} THEN LOWER(${(c as Column).text}) END`)})`,
              );
              break;
            case "sum":
              agg = `COALESCE(SUM(${when(value())}), ${n(0)})`;
              break;
            case "avg":
              // The core's sum / count, not AVG: the engines' AVG may sum otherwise.
              agg = `SUM(${when(value())}) / NULLIF(${d.double(`COUNT(${when(value())})`)}, ${n(0)})`;
              break;
            case "min":
            case "max":
              agg = `${from.agg.toUpperCase()}(${when(value())})`;
              break;
            case "latest":
              // The cell of the row with the latest day: MAX over the day as 8 digits followed
              // by the cell's text (no engine-specific arg_max, and one pass). A table has no row order,
              // so where the core takes the later row of a tie, SQL takes the greatest text.
              agg = `SUBSTR(MAX(${when(`${d.intText(`${day as string} + ${n(LATEST_SHIFT)}`)} || COALESCE(${(c as Column).text}, '')`)}), 9)`;
              break;
          }
          // A count of the last 30 days read by a metric and by a compare is computed once.
          let made = computed.get(agg);
          if (made === undefined) {
            const out = `hs_${b === 0 ? "a" : "b"}${j}`;
            aggs.push(`    ${agg} AS ${out}`);
            made = q.add(TEXT, `hs_s${s}${out.slice(3)}`, `${cte}.${out}`);
            computed.set(agg, made);
          }
          return made;
        });
        // The aggregate as a cell of the table's rows.
        const count = from.agg === "count" || from.agg === "distinct" || from.agg === "sum";
        let column: Column;
        if (from.compare) {
          const [now, before] = raw.map((r) =>
            from.agg === "latest" ? this.numeric({ text: r, index: this.cells++, chain: this.main }) : r,
          );
          column = this.number_(
            q.add(
              AGG,
              `hs_s${s}x${j}`,
              `CASE WHEN ${before} = 0 THEN NULL ELSE (${now} - ${before}) / ${before} * ${n(100)} END`,
            ),
          );
        } else if (from.agg === "latest") {
          column = { text: raw[0] as string, index: this.cells++, chain: this.main };
        } else if (count) {
          column = this.number_(
            q.add(
              AGG,
              `hs_s${s}x${j}`,
              `CASE WHEN ${this.missing(key)} THEN NULL ELSE COALESCE(${raw[0]}, ${n(0)}) END`,
            ),
          );
        } else {
          column = this.number_(raw[0] as string);
        }
        this.aggregates.set(fromKey(from), column);
      });
      const ctes = this.renderChain(
        chain,
        `hs_s${s}_`,
        `${tableName(d, options.sources?.[name] ?? name)} AS hs__t`,
        false,
      );
      const last = `hs_s${s}_${ctes.length}`;
      ctes.push(
        `${cte} ${d.cte} (\n  SELECT ${group},\n${aggs.join(",\n")}\n  FROM ${last}\n  WHERE ${keep.join(" AND ")}\n  GROUP BY ${group}\n)`,
      );
      this.sources.push({ ctes, join: `LEFT JOIN ${cte} ON ${cte}.hs_k = LOWER(${keyText})` });
    });
  }

  /** A number aggregate as a cell: its text as the engine writes the number. */
  number_(num: string): Column {
    return { text: this.d.text(num), num, index: this.cells++, chain: this.main };
  }

  /** The table's own spelling of a rubric column (as the core matches headers), or the rubric's. */
  /** A source's column as its table names it (matched as headers are, when they are known). */
  sourceColumn(name: string, column: string, reader: string): string {
    const headers = this.options.sourceHeaders?.[name];
    if (!headers) return column;
    const k = headerKey(column);
    const found = headers.find((h) => headerKey(h) === k);
    if (found === undefined)
      throw new ColumnError(
        `The source "${name}" has no column "${column}" (read by ${reader}): add it to its table, or change the rubric.`,
      );
    return found;
  }

  tableColumn(column: string): string {
    const { headers } = this.options;
    if (!headers) return column;
    const k = headerKey(column);
    return headers.find((h) => headerKey(h) === k) ?? column;
  }

  compileRubric(r: BaseRubric, p: string): RubricResult {
    const { d, q } = this;
    const n = (x: number) => d.num(x);
    const weighted = r.method === "weighted";
    const grouped = weighted && r.groups !== undefined;
    // Without groups, one group of weight 1 holds every metric.
    const groupNames = Object.keys(r.groups ?? {});
    const groupWeights = grouped ? Object.values(r.groups ?? {}) : [1];
    // With groups, every metric names one.
    const groupOf = (m: Metric) => (grouped ? groupNames.indexOf(m.group as string) : 0);
    const M = r.metrics.length;

    // Coverage weights, as score.ts's compile works them out.
    const groupTotals = groupWeights.map((_, g) =>
      r.metrics.reduce((total, m) => (groupOf(m) === g ? total + m.weight : total), 0),
    );
    const groupWeightTotal = groupWeights.reduce((s, w, g) => ((groupTotals[g] ?? 0) > 0 ? s + w : s), 0);
    const allZero = r.metrics.every((m) => m.weight === 0);
    const coverageWeight = (m: Metric): number => {
      if (allZero) return 1 / M;
      const g = groupOf(m);
      const total = groupTotals[g] ?? 0;
      if (total === 0 || groupWeightTotal === 0) return 0;
      return ((groupWeights[g] ?? 0) / groupWeightTotal) * (m.weight / total);
    };

    const metrics = r.metrics.map((m, i) => this.compileMetric(r, m, `${p}m${i}`));
    const flags = r.flags.map((f, i) => q.add(READ, `${p}f${i}`, this.test(this.cellOf(f), f)));
    // A yes/no flag's cell that is there but not yes or no is said so, after the metrics' cells.
    const flagReasons = r.flags.map((f, i) => {
      if (typeof f.when !== "boolean") return "NULL";
      const c = this.cellOf(f);
      const reason = `CASE WHEN NOT ${this.missing(c)} AND ${this.boolean(c)} IS NULL THEN ${quoted(c.text)} || ${d.str(this.reasons.boolean)} END`;
      return `${d.str(`${readsOf(f)}: `)} || ${q.add(READ, `${p}f${i}x`, reason)}`;
    });

    // Sums per group: weight × score over metrics that count, their weight, whether any is present.
    const sum = (terms: string[]) => (terms.length === 0 ? n(0) : terms.join(" + "));
    const any = (conds: string[]) =>
      conds.length === 0 ? "0" : `CASE WHEN ${conds.join(" OR ")} THEN 1 ELSE 0 END`;
    const inGroup = (g: number) => metrics.filter((_, i) => groupOf(r.metrics[i] as Metric) === g);
    const groups = groupWeights.map((gw, g) => {
      const ms = inGroup(g);
      return {
        gw,
        sum: q.add(SUM, `${p}g${g}s`, sum(ms.map((m) => `COALESCE(${n(m.weight)} * ${m.score}, ${n(0)})`))),
        weight: q.add(
          SUM,
          `${p}g${g}w`,
          sum(ms.map((m) => `CASE WHEN ${m.score} IS NULL THEN ${n(0)} ELSE ${n(m.weight)} END`)),
        ),
        present: q.add(SUM, `${p}g${g}p`, any(ms.map((m) => `${m.present} = 1`))),
      };
    });
    const anyPresent = q.add(SUM, `${p}p`, any(metrics.map((m) => `${m.present} = 1`)));
    const covered = q.add(
      SUM,
      `${p}cov`,
      sum(
        r.metrics.map(
          (m, i) =>
            `CASE WHEN ${(metrics[i] as CompiledMetric).present} = 1 THEN ${n(coverageWeight(m))} ELSE ${n(0)} END`,
        ),
      ),
    );

    let raw: string;
    const impacts: string[] = [];
    if (weighted) {
      // A group counts when one of its metrics has a value and its metrics' weight is above 0.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a group of weight 0 adds 0 to both sums, and its metrics' impacts of 0 name no driver: left out to keep the query short
      const counts = groups.map((g) => (g.gw > 0 ? `(${g.present} = 1 AND ${g.weight} > 0)` : ""));
      const counted = (i: number, then: string) =>
        counts[i] ? `CASE WHEN ${counts[i]} THEN ${then} ELSE ${n(0)} END` : n(0);
      const total = q.add(
        TOTAL,
        `${p}tot`,
        sum(groups.map((g, i) => counted(i, `${n(g.gw)} * ${g.sum} / ${g.weight}`))),
      );
      const weightTotal = q.add(TOTAL, `${p}wt`, sum(groups.map((g, i) => counted(i, n(g.gw)))));
      raw = q.add(
        RAW,
        `${p}raw`,
        `CASE WHEN ${anyPresent} = 1 AND ${weightTotal} > 0 THEN ${total} / ${weightTotal} END`,
      );
      metrics.forEach((m, i) => {
        const g = groupOf(r.metrics[i] as Metric);
        const group = groups[g];
        impacts.push(
          q.add(
            RAW,
            `${p}m${i}i`,
            counts[g] && group
              ? `CASE WHEN ${counts[g]} AND ${m.score} IS NOT NULL THEN -(${n(group.gw)} / ${weightTotal} * (${n(m.weight)} / ${group.weight})) * (${n(100)} - ${m.score}) END`
              : "NULL",
          ),
        );
      });
    } else {
      raw = q.add(
        RAW,
        `${p}raw`,
        `CASE WHEN ${anyPresent} = 1 THEN ${(groups[0] as { sum: string }).sum} END`,
      );
      metrics.forEach((m, i) => {
        impacts.push(q.add(RAW, `${p}m${i}i`, `${n(m.weight)} * ${m.score}`));
      });
    }

    // Flags act on the raw score: every add (clamped under weighted), then the highest floor,
    // then the lowest cap, then a last clamp, as applyFlags does.
    const clamp = (x: string) =>
      weighted
        ? `CASE WHEN ${x} < ${n(0)} THEN ${n(0)} WHEN ${x} > ${n(100)} THEN ${n(100)} ELSE ${x} END`
        : x;
    let layer = RAW + 1;
    let s = raw;
    r.flags.forEach((f, i) => {
      if (f.add === undefined) return;
      s = q.add(
        layer++,
        `${p}a${i}`,
        `CASE WHEN ${flags[i]} THEN ${clamp(`${s} + ${n(f.add)}`)} ELSE ${s} END`,
      );
    });
    const pickLimit = (field: "floor" | "cap") => {
      const order = r.flags
        .map((f, i) => ({ limit: f[field], fires: flags[i] }))
        .filter((x): x is { limit: number; fires: string } => x.limit !== undefined)
        .sort((a, b) => (field === "floor" ? b.limit - a.limit : a.limit - b.limit));
      return order.length === 0
        ? undefined
        : `CASE ${order.map((x) => `WHEN ${x.fires} THEN ${n(x.limit)}`).join(" ")} END`;
    };
    const floor = pickLimit("floor");
    if (floor) {
      const f = q.add(RAW, `${p}floor`, floor);
      s = q.add(layer++, `${p}sf`, `CASE WHEN ${s} < ${f} THEN ${f} ELSE ${s} END`);
    }
    const cap = pickLimit("cap");
    if (cap) {
      const c = q.add(RAW, `${p}cap`, cap);
      s = q.add(layer++, `${p}sc`, `CASE WHEN ${s} > ${c} THEN ${c} ELSE ${s} END`);
    }
    if (weighted && (floor || cap)) s = q.add(layer++, `${p}s01`, clamp(s));
    // roundScore: halves away from zero on the absolute value, with its epsilon; 0 − 0 is +0.
    const score = q.add(
      layer,
      `${p}s`,
      `CASE WHEN ${s} < 0 THEN ${n(0)} - FLOOR(ABS(${s}) * ${n(10)} + ${n(1e-9)} + ${n(0.5)}) / ${n(10)} ELSE FLOOR(ABS(${s}) * ${n(10)} + ${n(1e-9)} + ${n(0.5)}) / ${n(10)} END`,
    );

    // Drivers: rank the included metrics by impact (a stable sort: ties keep rubric order); the
    // first three that cost at least half a point (Math.round(impact) < 0) are named.
    const ranks = impacts.map((imp, i) =>
      q.add(
        RANK,
        `${p}m${i}k`,
        sum(
          impacts
            .filter((_, j) => j !== i)
            // The k-th other metric comes before this one when k < i: it wins a tie.
            .map((other, k) => `CASE WHEN ${other} ${k < i ? "<=" : "<"} ${imp} THEN 1 ELSE 0 END`),
        ),
      ),
    );
    const textLayer = Math.max(RANK, layer) + 1;
    // explain(): `Label value (−18)`, for a metric that costs at least half a point.
    const named = r.metrics.map((m, i) => {
      const imp = impacts[i] as string;
      return q.add(
        RANK,
        `${p}m${i}d`,
        `CASE WHEN ${imp} + ${n(0.5)} < 0 THEN ${d.str(`${m.label} `)} || ${(metrics[i] as CompiledMetric).shown} || ' (${MINUS}' || ${d.intText(`FLOOR(ABS(${imp}) + ${n(0.5)})`)} || ')' END`,
      );
    });
    const driverParts = [0, 1, 2].map((k) => {
      // Only a named metric's rank counts: one left out (NULL impact) ranks 0 too.
      // (A rubric has at least one metric.)
      const whens = named.map((text, i) => `WHEN ${ranks[i]} = ${k} AND ${text} IS NOT NULL THEN ${text}`);
      return `CASE WHEN ${score} IS NOT NULL THEN CASE ${whens.join(" ")} END END`;
    });
    const flagParts = r.flags.map(
      (f, i) => `CASE WHEN ${flags[i]} THEN ${d.str(`flag: ${f.label} (${flagEffect(f)})`)} END`,
    );
    const invalidParts = r.metrics.map((m, i) => {
      const reason = (metrics[i] as CompiledMetric).reason;
      return reason ? `${d.str(`${readsOf(m)}: `)} || ${reason}` : "NULL";
    });
    // BigQuery refuses `'; ' || NULL`: parts that are always NULL are left out.
    const joined = (all: string[], parts = all.filter((x) => x !== "NULL")) =>
      parts.length === 0 ? "''" : `SUBSTR(${parts.map((x) => `COALESCE('; ' || ${x}, '')`).join(" || ")}, 3)`;
    const drivers = q.add(
      textLayer,
      `${p}drivers`,
      joined([
        `CASE WHEN ${score} IS NULL THEN CASE WHEN ${anyPresent} = 1 THEN ${d.str(noData(ZERO_WEIGHT_NOTE))} ELSE ${d.str(noData())} END END`,
        ...(!weighted && allZero
          ? [`CASE WHEN ${score} IS NOT NULL THEN ${d.str(ALL_ZERO_POINTS_NOTE)} END`]
          : []),
        ...driverParts,
        ...flagParts,
        ...invalidParts,
        ...flagReasons,
      ]),
    );
    const flagLabels = q.add(
      textLayer,
      `${p}flags`,
      `NULLIF(${joined(r.flags.map((f, i) => `CASE WHEN ${flags[i]} THEN ${d.str(f.label)} END`))}, '')`,
    );

    // bandFor: the last band whose `from` the rounded score reaches, else the first.
    const bands = r.bands;
    const band = (field: "label" | "color", none: string) => {
      // Every band after the first has a from; the first is the ELSE.
      const whens = bands
        .slice(1)
        .reverse()
        .map((b) => `WHEN ${score} >= ${n(b.from as number)} THEN ${d.str(b[field])}`);
      return `CASE WHEN ${score} IS NULL THEN ${d.str(none)} ${whens.join(" ")} ELSE ${d.str((bands[0] as Band)[field])} END`;
    };
    return {
      score,
      band: band("label", NO_DATA),
      color: band("color", NO_DATA_COLOR),
      coverage: `CASE WHEN ${covered} > 1 THEN ${n(1)} ELSE ${covered} END`,
      flags: flagLabels,
      drivers,
    };
  }

  /**
   * One metric's reading (as score.ts's reader), score (its scorer, or the missing policy's fill)
   * and the value as the drivers text shows it.
   */
  compileMetric(r: BaseRubric, m: Metric, p: string): CompiledMetric {
    const { d, q } = this;
    const n = (x: number) => d.num(x);
    const c = this.cellOf(m);
    const miss = this.missing(c);
    // A number aggregate meets a number metric's map as a number, as a number cell does in the
    // core; a yes/no metric's map still reads it as true or false.
    const isMap = m.score.type === "map" && !(c.num && m.input === "number");
    let value = "NULL"; // a number
    let text = "NULL"; // text, for map scorers
    let reason = ""; // why a cell is invalid
    const invalid = (suffix: string) => `${quoted(c.text)} || ${d.str(suffix)}`;
    switch (m.input) {
      case "number": {
        if (isMap) {
          // A map matches the cell as written: `10%` matches the key "10%". (A typed number
          // column's text is the engine's, `5` for 5.)
          text = `CASE WHEN NOT ${miss} THEN ${c.text} END`;
          break;
        }
        const num = this.number(c);
        const bool = this.typedBoolean(c);
        value = `CASE WHEN ${miss} THEN NULL WHEN ${num} IS NOT NULL THEN CASE WHEN ABS(${num}) <= ${n(IN_RANGE)} THEN ${num} END ELSE ${bool} END`;
        reason = `CASE WHEN ${miss} THEN NULL WHEN ${num} IS NOT NULL THEN CASE WHEN ABS(${num}) > ${n(IN_RANGE)} THEN ${invalid(this.reasons.large)} END WHEN ${bool} IS NULL THEN ${invalid("")} || CASE WHEN ${saysTwoSigns(d, c.text)} THEN ${d.str(this.reasons.signs)} ELSE ${d.str(this.reasons.number)} END END`;
        break;
      }
      case "boolean": {
        const bool = this.boolean(c);
        if (isMap)
          text = `CASE WHEN NOT ${miss} THEN CASE ${bool} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END END`;
        else value = `CASE WHEN NOT ${miss} THEN ${bool} END`;
        reason = `CASE WHEN NOT ${miss} AND ${bool} IS NULL THEN ${invalid(this.reasons.boolean)} END`;
        break;
      }
      case "daysSince": {
        const day = this.day(c);
        const asOf = this.asOfDay();
        value = `CASE WHEN NOT ${miss} THEN CASE WHEN ${asOf} - ${day} < 0 THEN ${n(0)} ELSE ${asOf} - ${day} END END`;
        reason = `CASE WHEN NOT ${miss} AND ${day} IS NULL THEN ${invalid(this.reasons.daysSince)} END`;
        break;
      }
      case "text":
        text = `CASE WHEN NOT ${miss} THEN ${c.text} END`;
        break;
    }
    const v = value === "NULL" ? "NULL" : q.add(READ, `${p}v`, value);
    const t = text === "NULL" ? "NULL" : q.add(READ, `${p}t`, text);
    const why = reason ? q.add(READ, `${p}x`, reason) : "";
    // Every input reads either a number (v) or a text (t).
    const presentWhen = `${v === "NULL" ? t : v} IS NOT NULL`;
    const present = q.add(SCORE, `${p}p`, `CASE WHEN ${presentWhen} THEN 1 ELSE 0 END`);

    const weighted = r.method === "weighted";
    const fill = weighted ? { skip: "NULL", zero: n(0), neutral: n(50) }[m.missing ?? r.missing] : n(0);
    const scored = this.scorer(m, v, t, weighted);
    const clamped = weighted
      ? `CASE WHEN ${scored} > ${n(100)} THEN ${n(100)} WHEN ${scored} < ${n(0)} THEN ${n(0)} ELSE ${scored} END`
      : scored;
    const score = q.add(SCORE, `${p}s`, `CASE WHEN ${presentWhen} THEN ${clamped} ELSE ${fill} END`);

    // formatValue: a number to two decimals as JavaScript prints it, text in quotes, or "missing".
    let shown = "'missing'";
    if (v !== "NULL") {
      // Beyond ±1e15 (a map reads any number) the engine writes the number its own way.
      const cents = q.add(
        SCORE,
        `${p}c`,
        `CASE WHEN ABS(${v}) <= ${n(IN_RANGE)} THEN FLOOR(${v} * ${n(100)} + ${n(0.5)}) END`,
      );
      const abs = `ABS(${cents})`;
      const whole = `FLOOR(${abs} / ${n(100)})`;
      const frac = q.add(SUM, `${p}f`, `${abs} - ${whole} * ${n(100)}`);
      const decimals = `CASE WHEN ${frac} = 0 THEN '' WHEN ${frac} - FLOOR(${frac} / ${n(10)}) * ${n(10)} = 0 THEN '.' || ${d.intText(`${frac} / ${n(10)}`)} WHEN ${frac} < 10 THEN '.0' || ${d.intText(frac)} ELSE '.' || ${d.intText(frac)} END`;
      shown = `CASE WHEN ${cents} IS NULL THEN ${d.text(v)} ELSE CASE WHEN ${cents} < 0 THEN '-' ELSE '' END || ${d.intText(whole)} || ${decimals} END`;
    }
    if (t !== "NULL") shown = `CASE WHEN ${t} IS NOT NULL THEN '"' || ${t} || '"' ELSE ${shown} END`;
    shown = `CASE WHEN ${present} = 1 THEN ${shown} ELSE 'missing' END`;
    const shownCol = q.add(TOTAL, `${p}w`, shown);
    return { weight: m.weight, score, present, reason: why, shown: shownCol };
  }

  /** The metric's scorer (scorers.ts's applyScorer) over its number `v` or its text `t`. */
  scorer(m: Metric, v: string, t: string, weighted: boolean): string {
    const { d } = this;
    const n = (x: number) => d.num(x);
    const s = m.score;
    switch (s.type) {
      case "steps": {
        const whens = s.steps.map((step) => {
          const conds = [];
          if (step.min !== undefined) conds.push(`${v} >= ${n(step.min)}`);
          if (step.max !== undefined) conds.push(`${v} <= ${n(step.max)}`);
          // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, a rubric's step has a min or a max
          return `WHEN ${conds.length ? conds.join(" AND ") : "TRUE"} THEN ${n(step.score)}`;
        });
        return `CASE ${whens.join(" ")} ELSE ${n(s.else)} END`;
      }
      case "range": {
        const x = `(${v} - ${n(s.worst)}) / ${n(s.best - s.worst)}`;
        const top = weighted ? 100 : s.points;
        return `CASE WHEN ${x} > ${n(1)} THEN ${n(1)} WHEN ${x} < ${n(0)} THEN ${n(0)} ELSE ${x} END * ${n(top)}`;
      }
      case "map": {
        // As applyScorer: a cell's text matches the key written as it; a number (an aggregate)
        // the key String(number) writes ("5"), or, with no such key, the first key that reads as
        // it ("5.0", "500%"). No value matches two WHENs, so their order is free.
        const { values, numbers } = mapLookups(s.values);
        const whens: string[] = [];
        for (const [k, score] of values) {
          if (v !== "NULL" && String(Number(k)) === k)
            whens.push(`WHEN ${v} = ${n(Number(k))} THEN ${n(score)}`);
          if (t !== "NULL") whens.push(`WHEN LOWER(${t}) = ${d.str(k)} THEN ${n(score)}`);
        }
        if (v !== "NULL")
          for (const [x, score] of numbers)
            if (!values.has(String(x))) whens.push(`WHEN ${v} = ${n(x)} THEN ${n(score)}`);
        return whens.length ? `CASE ${whens.join(" ")} ELSE ${n(s.else)} END` : n(s.else);
      }
      case "scale":
        return `${n(weighted ? 50 : 0)} + (${v} - ${n(s.neutral)}) * ${n(s.step)}`;
      case "perUnit": {
        const x = `${v} * ${n(s.points)}`;
        return s.cap === undefined
          ? x
          : `CASE WHEN ${x} > ${n(s.cap)} THEN ${n(s.cap)} WHEN ${x} < ${n(-s.cap)} THEN ${n(-s.cap)} ELSE ${x} END`;
      }
    }
  }

  /** A flag's (or a `where`'s) condition on a cell, as conditions.ts's condition(): TRUE or FALSE, never NULL. */
  test(c: Column, f: Test): string {
    const { d } = this;
    const text = `LOWER(COALESCE(${c.text}, ''))`;
    let cond: string;
    if (typeof f.when === "boolean") cond = `${this.boolean(c)} = ${f.when ? 1 : 0}`;
    else if (typeof f.when === "number") cond = `${this.number(c)} = ${d.num(f.when)}`;
    // The rubric keeps conditions' text trimmed.
    else if (typeof f.when === "string") cond = `${text} = ${d.str(f.when.toLowerCase())}`;
    else if (f.contains !== undefined) {
      const needle = f.contains.toLowerCase();
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, a rubric refuses a blank contains
      cond = needle === "" ? "TRUE" : d.contains(text, d.str(needle));
    } else {
      // A rubric's condition has when, contains, min or max: here min, max or both.
      const num = this.number(c);
      const conds = [`${num} IS NOT NULL`];
      if (f.min !== undefined) conds.push(`${num} >= ${d.num(f.min)}`);
      if (f.max !== undefined) conds.push(`${num} <= ${d.num(f.max)}`);
      cond = conds.join(" AND ");
    }
    return `COALESCE(${cond}, FALSE)`;
  }

  /**
   * A chain's layers as CTEs named prefix1, prefix2 …, the first over `from` (the table, with its
   * own columns carried along when `carry`), each next over the one before.
   */
  renderChain(chain: Chain, prefix: string, from: string, carry: boolean): string[] {
    const { d } = this;
    const ctes = chain.q.layers
      .filter((l) => l.length > 0)
      .map((l) => l.map(([name, expr]) => `    ${expr} AS ${name}`).join(",\n"));
    const first = !carry ? "" : d.carry === "row" ? "hs__t AS hs__row,\n" : "hs__t.*,\n";
    return ctes.map((cols, i) =>
      i === 0
        ? `${prefix}1 ${d.cte} (\n  SELECT ${first}${cols}\n  FROM ${from}\n)`
        : `${prefix}${i + 1} ${d.cte} (\n  SELECT *,\n${cols}\n  FROM ${prefix}${i}\n)`,
    );
  }

  render(health: [string, string][]): string {
    const { d, q } = this;
    const from = [`${tableName(d, this.options.table)} AS hs__t`, ...this.sources.map((s) => s.join)].join(
      "\n  ",
    );
    const parts = this.renderChain(this.main, "hs__", from, true);
    const star = d.carry === "row" ? "(hs__row).*" : `* ${d.exclude} (${q.names.join(", ")})`;
    const select = health.map(([name, expr]) => `  ${expr} AS ${name}`).join(",\n");
    const ctes = [...this.sources.flatMap((s) => s.ctes), ...parts];
    return `WITH ${ctes.join(",\n")}\nSELECT ${star},\n${select}\nFROM hs__${parts.length}\n`;
  }
}

/** What the drivers call the cell an item reads: its column, or its aggregate (`count of logins`), as score.ts. */
const readsOf = (item: { column?: string; from?: From }): string =>
  item.from ? fromText(item.from) : (item.column as string);

/** Added to a day number so every day of a 4-digit year is 8 digits (0000-01-01 is −719,528, 9999-12-31 2,932,896). */
const LATEST_SHIFT = 20_000_000;

/** What explain() says of a row with no score: no metric has a value, or the note's reason. */
const noData = (note?: string) =>
  explain({ score: null, note, drivers: [], flags: [], invalid: [] } as unknown as RowResult);

interface CompiledMetric {
  weight: number;
  score: string;
  present: string;
  reason: string;
  shown: string;
}

interface RubricResult {
  score: string;
  band: string;
  color: string;
  coverage: string;
  flags: string;
  drivers: string;
}
const FIELDS: (keyof RubricResult)[] = ["score", "band", "color", "coverage", "flags", "drivers"];

/**
 * The table as the user wrote it when it is a plain dotted name (so each engine applies its own
 * case rules, as when they type it), else quoted as one name. BigQuery project ids may hold
 * hyphens: the whole path goes in backticks.
 */
export function tableName(d: Dialect, table: string): string {
  const t = table.trim();
  if (/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/.test(t)) return t;
  return d.ident(t);
}
