/**
 * The source report as SQL (`healthscore sql --run`): its rows, read back, are the report the core
 * makes of the same rows, on DuckDB embedded. duckdb.test.ts compares every source fixture; these
 * are the few that hold every case, so they run in a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRubric } from "../../../src/core";
import { compileSourceReport, readSourceReport, SqlError } from "../../../src/core/sql";
import { memoryDuckDb } from "./memoryDuckDb";
import { coreReport, type Fixture, sharedKeysFixture, sourceFixtures } from "./parity";

let db: Awaited<ReturnType<typeof memoryDuckDb>>;
beforeAll(async () => {
  db = await memoryDuckDb();
});
afterAll(() => db?.close());

async function report(f: Fixture) {
  const sources: Record<string, string> = {};
  for (const [name, t] of Object.entries(f.sources ?? {})) sources[name] = await db.load(t, false);
  const table = await db.load(f, false);
  const sql = compileSourceReport(f.rubric, { dialect: "duckdb", table, sources, order: "row_id" });
  return readSourceReport(f.rubric, await db.engine.run(sql));
}

describe("the sources' report as SQL", () => {
  it("counts unmatched and blank keys, undated rows and shared account keys as the core does, naming the first few", async () => {
    const f = sharedKeysFixture();
    const core = coreReport(f);
    // The fixture holds every case: more than five of each, and a blank key.
    expect(core?.sources[0]?.unmatchedKeys[0]).toBe("(blank)");
    expect(core?.sources[0]?.undated).toBeGreaterThan(5);
    expect(core?.duplicateKeys.length).toBeGreaterThan(1);
    expect(await report(f)).toEqual(core);
  });

  it("reports an activity export with keys spelt every way and dates that are none, and a source without dates", async () => {
    const [withDates, , , withoutDates] = sourceFixtures() as Fixture[];
    for (const f of [withDates, withoutDates] as Fixture[])
      expect(await report(f), f.name).toEqual(coreReport(f));
    expect(withoutDates?.rubric.sources?.events?.date).toBeUndefined();
  });

  it("names the first keys and undated rows in the source's own order, whatever order the engine returns them in", () => {
    const { rubric } = sharedKeysFixture();
    const row = (hs_what: string, hs_n: number, hs_text: string | null = null) => ({
      hs_source: "s",
      hs_what,
      hs_n,
      hs_text,
    });
    const read = readSourceReport(rubric, [
      row("undated_row", 7, "2026-13-01"),
      row("unmatched_key", 4, "Zeta"),
      row("rows", 9),
      row("undated_row", 2, "yesterday"),
      row("unmatched_key", 1, "Eta"),
    ]);
    expect(read.sources[0]?.unmatchedKeys).toEqual(["Eta", "Zeta"]);
    expect(read.sources[0]?.undatedRows).toEqual([
      { index: 2, text: "yesterday" },
      { index: 7, text: "2026-13-01" },
    ]);
    expect(read.sources[0]?.rows).toBe(9);
  });

  it("names a source's key or date column its table lacks", () => {
    const { rubric } = sharedKeysFixture();
    const options = { dialect: "duckdb" as const, table: "t", order: "row_id", headers: ["Account"] };
    expect(() => compileSourceReport(rubric, { ...options, sourceHeaders: { s: ["D", "A", "B"] } })).toThrow(
      'The source "s" has no column "K" (read by its key): add it to its table, or change the rubric.',
    );
    expect(() => compileSourceReport(rubric, { ...options, sourceHeaders: { s: ["K", "A", "B"] } })).toThrow(
      'The source "s" has no column "D" (read by its date): add it to its table, or change the rubric.',
    );
  });

  it("refuses a rubric that reads no source, and a dialect it does not know, in one sentence", () => {
    const plain = parseRubric({
      bands: [{ label: "Red", color: "#f4c7c3" }],
      metrics: [{ id: "nps", column: "NPS", score: { type: "range", worst: 0, best: 10 } }],
    });
    const { rubric } = sharedKeysFixture();
    expect(() => compileSourceReport(plain, { dialect: "duckdb", table: "t", order: "row_id" })).toThrow(
      new SqlError("The rubric reads no source: there is nothing to report."),
    );
    expect(() =>
      compileSourceReport(rubric, { dialect: "oracle" as "duckdb", table: "t", order: "row_id" }),
    ).toThrow(new SqlError('Unknown SQL dialect "oracle".'));
  });
});
