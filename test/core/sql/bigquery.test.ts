/**
 * Parity on GoogleSQL, BigQuery's dialect, run by Google's reference engine
 * (@fivetrandevelopers/zetasql: a local analyzer/evaluator server). It proves BigQuery's quoting,
 * SAFE_CAST, regular expressions and NULL rules on the generated query. The engine is about
 * 340 MB, so it lives in its own package folder, dev/zetasql, installed on demand
 * (`npm run test:bigquery`, and .ci/run): without it this file is skipped with a warning, and
 * fails under CI=true.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Engine,
  featureFixtures,
  type Load,
  parity,
  randomFixtures,
  randomSourceFixtures,
  rowsQuery,
  sliced,
  sourceFixtures,
  starterFixtures,
} from "./parity";

/** The part of the package's API this file uses (typed here: the package may not be installed). */
interface ZetaSQL {
  runServer(port: number): Promise<void>;
  terminateServer(): void;
  ZetaSQLClient: {
    init(port: number): void;
    getInstance(): {
      testConnection(): Promise<boolean>;
      delay(ms: number): Promise<void>;
      getLanguageOptions(request: { maximumFeatures: boolean }): Promise<unknown>;
      promisify<T, R>(
        request: T,
        fn: (request: T, callback: (err: unknown, result: R) => void) => unknown,
      ): Promise<R>;
    };
    API: { evaluateQuery: (request: unknown, callback: (err: unknown, result: unknown) => void) => unknown };
  };
}

function loadZetaSQL(): ZetaSQL | undefined {
  try {
    return createRequire(join(import.meta.dirname, "../../../dev/zetasql/package.json"))(
      "@fivetrandevelopers/zetasql",
    ) as ZetaSQL;
  } catch {
    const message =
      "GoogleSQL's reference engine is not installed (dev/zetasql): the BigQuery SQL parity tests are SKIPPED. Install it with: npm run test:bigquery";
    if (process.env.CI === "true") throw new Error(message);
    console.warn(`\n!!! ${message}\n`);
    return undefined;
  }
}

const z = loadZetaSQL();

interface Cell {
  value?: string;
  [field: string]: unknown;
}

/** A result cell as a plain value: NULL, a number (doubles may arrive as text), text or a boolean. */
function plain(cell: Cell): unknown {
  if (!cell.value) return null;
  const v = cell[cell.value];
  if (cell.value === "doubleValue" || cell.value === "int64Value") return Number(v);
  return v;
}

describe.skipIf(!z)("the SQL export on GoogleSQL (BigQuery)", () => {
  let engine: Engine;
  const fixtures = new Map<string, string>();
  let n = 0;
  // GoogleSQL's reference engine has no tables to create: each fixture's rows become a CTE in
  // front of the generated query.
  const load: Load = async (f, typed) => {
    const name = `t${n++}`;
    fixtures.set(name, rowsQuery("bigquery", f, typed));
    return name;
  };

  beforeAll(async () => {
    const zeta = z as ZetaSQL;
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    zeta.runServer(port).catch(() => undefined);
    zeta.ZetaSQLClient.init(port);
    const client = zeta.ZetaSQLClient.getInstance();
    for (let i = 0; i < 100 && !(await client.testConnection().catch(() => false)); i++)
      await client.delay(200);
    const languageOptions = await client.getLanguageOptions({ maximumFeatures: true });
    const api = zeta.ZetaSQLClient.API;
    engine = {
      dialect: "bigquery",
      run: async (sql) => {
        // The table and each source's table.
        const tables = [...new Set([...sql.matchAll(/FROM (t\d+) AS hs__t/g)].map((m) => m[1] as string))];
        const query = sql.replace(
          /^WITH /,
          `WITH ${tables.map((t) => `${t} AS (${fixtures.get(t)}),\n`).join("")}`,
        );
        const response = (await client.promisify(
          {
            sql: query,
            options: { languageOptions },
            simpleCatalog: { name: "fixtures", builtinFunctionOptions: { languageOptions } },
          },
          api.evaluateQuery.bind(api),
        )) as {
          prepared: { columns: { name: string }[] };
          content: { tableData: { row: { cell: Cell[] }[] } };
        };
        const names = response.prepared.columns.map((c) => c.name);
        return (response.content.tableData.row ?? []).map((row) =>
          Object.fromEntries(row.cell.map((cell, i) => [names[i] as string, plain(cell)])),
        );
      },
    };
  }, 60_000);

  afterAll(() => z?.terminateServer());

  it("scores every starter rubric exactly as the core does", async () => {
    // An activity export's tens of thousands of rows would be query text here: a slice of them.
    expect(
      await parity(
        engine,
        starterFixtures().map((f) => sliced(f, 25)),
        load,
      ),
    ).toEqual([]);
  }, 120_000);

  it("applies groups, missing policies, maps, dates and every flag effect as the core does", async () => {
    expect(await parity(engine, featureFixtures(), load)).toEqual([]);
  }, 120_000);

  it("aggregates sources as the core does: every aggregate, window edge, condition, key spelling and compare", async () => {
    expect(await parity(engine, sourceFixtures(), load)).toEqual([]);
    expect(await parity(engine, randomSourceFixtures(), load)).toEqual([]);
  }, 300_000);

  it("reads random cells under random rubrics as the core does", async () => {
    expect(await parity(engine, randomFixtures(), load)).toEqual([]);
  }, 300_000);
});
