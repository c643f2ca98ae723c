/** Parity on DuckDB (embedded): the generated query's rows equal the core's, typed and text loads. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  castsFromText,
  type Engine,
  featureFixtures,
  type Load,
  parity,
  randomFixtures,
  randomSourceFixtures,
  sourceFixtures,
  starterFixtures,
} from "./parity";

let instance: DuckDBInstance;
let engine: Engine;
let load: Load;

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "healthscore-duckdb-"));
  instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false" });
  const connection = await instance.connect();
  engine = {
    dialect: "duckdb",
    run: async (sql) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
  };
  let n = 0;
  load = async (f, typed) => {
    const name = `t${n++}`;
    // Through a CSV file: a VALUES list of an activity export's rows takes DuckDB a minute to parse.
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, stringify([f.headers, ...f.rows]));
    await connection.run(
      `CREATE TABLE ${name} AS SELECT row_number() OVER () - 1 AS row_id, ${castsFromText("duckdb", f, typed)} FROM read_csv('${file}', header = true, all_varchar = true)`,
    );
    return name;
  };
});
afterAll(() => {
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe("the SQL export on DuckDB", () => {
  it("scores every starter rubric exactly as the core does", async () => {
    expect(await parity(engine, starterFixtures(), load)).toEqual([]);
  }, 300_000);

  it("applies groups, missing policies, maps, dates and every flag effect as the core does", async () => {
    expect(await parity(engine, featureFixtures(), load)).toEqual([]);
  });

  it("aggregates sources as the core does: every aggregate, window edge, condition, key spelling and compare", async () => {
    expect(await parity(engine, sourceFixtures(), load)).toEqual([]);
    expect(await parity(engine, randomSourceFixtures(), load)).toEqual([]);
  }, 120_000);

  it("reads random cells under random rubrics as the core does", async () => {
    expect(await parity(engine, randomFixtures(), load)).toEqual([]);
  }, 120_000);
});
