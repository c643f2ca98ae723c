/**
 * How each dialect spells numbers, text and white space, run on DuckDB embedded for its own
 * dialect (the other engines' spellings are held by their parity suites and Snowflake's goldens).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../src/core/sql/dialects";
import { memoryDuckDb } from "./memoryDuckDb";

const d = DIALECTS.duckdb;
let db: Awaited<ReturnType<typeof memoryDuckDb>>;
beforeAll(async () => {
  db = await memoryDuckDb();
});
afterAll(() => db?.close());

/** Each expression's value, in one query. */
async function values(exprs: readonly string[]): Promise<unknown[]> {
  const [row] = await db.engine.run(`SELECT ${exprs.map((e, i) => `${e} AS v${i}`).join(", ")}`);
  return exprs.map((_, i) => row?.[`v${i}`]);
}

describe("the DuckDB dialect", () => {
  it("writes a rubric's numbers so that DuckDB reads back exactly the same doubles", async () => {
    const numbers = [
      ...[0, -0, 5, -3, 0.1, 0.5, -2.25, 43.1, 0.13999999999999999, 1.0000000000000002, 123456789012345.6],
      ...[1e15, -1e15, 1e16, 2 ** 53 + 2, 1e21, 1e-7, 1.5e-300, 1e300, 0.1 + 0.2],
    ];
    expect((await values(numbers.map((n) => d.num(n)))).map(Number)).toEqual(numbers.map((n) => n + 0));
    // Fractions are doubles, not DECIMALs, so arithmetic stays in doubles.
    expect(await values([0.1, 43.1, 0.13999999999999999].map((n) => `typeof(${d.num(n)})`))).toEqual([
      "DOUBLE",
      "DOUBLE",
      "DOUBLE",
    ]);
  });

  it("writes a number column's cells as the core shows them: 5, not 5.0", async () => {
    expect(
      await values([
        d.text("CAST(5 AS DOUBLE)"),
        d.text("CAST(-2.5 AS DOUBLE)"),
        d.text("CAST(3 AS DECIMAL(5, 2))"),
        d.text("'5.0'"),
        d.text("42"),
        d.intText("CAST(20783 AS DOUBLE)"),
      ]),
    ).toEqual(["5", "-2.5", "3", "5.0", "42", "20783"]);
  });

  it("trims the white space JavaScript's trim() removes, and no other character", async () => {
    const cells = [" a ", "\t\n a b \r", "\u00a0\u2003x\u3000\ufeff", "\u200bz", "-"];
    expect(await values(cells.map((c) => d.trim(d.str(c), d.spaceChars)))).toEqual(
      cells.map((c) => c.trim()),
    );
  });
});
