/** Parity on DuckDB (embedded): the generated query's rows equal the core's, typed and text loads. */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTable,
  type Engine,
  type Fixture,
  featureFixtures,
  parity,
  randomFixtures,
  starterFixtures,
} from "./parity";

let instance: DuckDBInstance;
let engine: Engine;
let load: (f: Fixture, typed: boolean) => Promise<string>;

beforeAll(async () => {
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
    await connection.run(createTable("duckdb", name, f, typed));
    return name;
  };
});
afterAll(() => instance?.closeSync());

describe("the SQL export on DuckDB", () => {
  it("scores every starter rubric exactly as the core does", async () => {
    expect(await parity(engine, starterFixtures(), load)).toEqual([]);
  });

  it("applies groups, missing policies, maps, dates and every flag effect as the core does", async () => {
    expect(await parity(engine, featureFixtures(), load)).toEqual([]);
  });

  it("reads random cells under random rubrics as the core does", async () => {
    expect(await parity(engine, randomFixtures(), load)).toEqual([]);
  }, 120_000);
});
