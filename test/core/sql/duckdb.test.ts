/** Parity on DuckDB (embedded): the generated query's rows equal the core's, typed and text loads. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRubric } from "../../../src/core";
import { compileSourceReport, compileSql, readSourceReport } from "../../../src/core/sql";
import {
  castsFromText,
  coreReport,
  differences,
  type Engine,
  type Fixture,
  featureFixtures,
  type Load,
  parity,
  randomFixtures,
  randomSourceFixtures,
  sharedKeysFixture,
  sourceFixtures,
  starterFixtures,
  type Table,
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

  it("counts source windows and days since to the engine's today in the time zone without an as-of date", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [f] = sourceFixtures();
    const fixture = { ...(f as Fixture), asOf: today };
    const table = await load(fixture, false);
    const events = await load(fixture.sources?.events as Table, false);
    const sql = compileSql(fixture.rubric, {
      dialect: "duckdb",
      table,
      timeZone: "UTC",
      sources: { events },
    });
    const rows = await engine.run(sql);
    // Unless the date turned between the two reads of the clock.
    if (new Date().toISOString().slice(0, 10) === today) expect(differences(fixture, rows, true)).toEqual([]);
  });

  it("takes the greatest text on a tie of latest dates, where the core takes the later row", async () => {
    const rubric = parseRubric({
      version: 1,
      key: "Account",
      sources: { s: { sheet: "S", key: "Account", date: "Date" } },
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [
        {
          id: "plan",
          input: "text",
          from: { source: "s", agg: "latest", column: "Plan" },
          score: { type: "map", values: { pro: 100 }, else: 0 },
        },
      ],
    });
    const accounts = await load({ headers: ["Account"], rows: [["Acme"]] }, false);
    const s = await load(
      {
        headers: ["Account", "Date", "Plan"],
        rows: [
          ["Acme", "2026-11-01", "Pro"],
          ["Acme", "2026-11-01", "Basic"],
        ],
      },
      false,
    );
    const [row] = await engine.run(
      compileSql(rubric, { dialect: "duckdb", table: accounts, asOf: "2026-11-26", sources: { s } }),
    );
    expect(row?.health_score).toBe(100);
  });

  it("reports the sources' unmatched keys, unreadable dates and the table's shared keys as the core does", async () => {
    const fixtures = [
      ...starterFixtures().filter((f) => f.sources),
      ...sourceFixtures(),
      ...randomSourceFixtures(),
      sharedKeysFixture(),
    ];
    for (const f of fixtures) {
      const sources: Record<string, string> = {};
      for (const [name, t] of Object.entries(f.sources ?? {})) sources[name] = await load(t, false);
      const table = await load(f, false);
      const sql = compileSourceReport(f.rubric, { dialect: "duckdb", table, sources, order: "row_id" });
      expect(readSourceReport(f.rubric, await engine.run(sql)), f.name).toEqual(coreReport(f));
    }
  }, 120_000);

  it("reads random cells under random rubrics as the core does", async () => {
    expect(await parity(engine, randomFixtures(), load)).toEqual([]);
  }, 120_000);
});
