/** An embedded DuckDB in memory for the SQL tests that run in a few milliseconds (no files, no server). */
import { DuckDBInstance } from "@duckdb/node-api";
import { createTable, type Engine, type Load } from "./parity";

export async function memoryDuckDb(): Promise<{ engine: Engine; load: Load; close(): void }> {
  const instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false" });
  const connection = await instance.connect();
  const engine: Engine = {
    dialect: "duckdb",
    run: async (sql) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
  };
  let n = 0;
  // A small table as a VALUES list (rowsQuery): a large one loads faster from a CSV file (duckdb.test.ts).
  const load: Load = async (t, typed) => {
    const name = `t${n++}`;
    for (const sql of createTable("duckdb", name, t, typed)) await connection.run(sql);
    return name;
  };
  return { engine, load, close: () => instance.closeSync() };
}
