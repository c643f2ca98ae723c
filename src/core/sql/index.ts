/** The SQL export: a rubric as one read-only SELECT for DuckDB, PostgreSQL, BigQuery or Snowflake. */
export { compileSql, SQL_RESULT_COLUMNS, SqlError, type SqlOptions } from "./compile";
export { DIALECT_NAMES, type DialectName } from "./dialects";
export { compileSourceReport, readSourceReport } from "./report";
