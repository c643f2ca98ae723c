/**
 * The SQL export's cell readers (src/core/sql/cells.ts) run on DuckDB, embedded, next to the core's
 * readers they mirror: each reads the same cells to the same values. The parity suites
 * (duckdb.test.ts and the others) compare whole scored tables; these compare one reader at a time,
 * on the cells where the rules' edges are, and run in a few milliseconds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dayToIso,
  isMissingText,
  isoDay,
  parseNumber,
  quoteCell,
  readBoolean,
  readCell,
} from "../../../src/core/cells";
import {
  dayNumber,
  isMissing,
  isoParts,
  quoted,
  saysTwoSigns,
  readBoolean as sqlBoolean,
  parseNumber as sqlNumber,
  typedBoolean,
} from "../../../src/core/sql/cells";
import { DIALECTS } from "../../../src/core/sql/dialects";
import { memoryDuckDb } from "./memoryDuckDb";

const d = DIALECTS.duckdb;
let db: Awaited<ReturnType<typeof memoryDuckDb>>;

beforeAll(async () => {
  db = await memoryDuckDb();
});
afterAll(() => db?.close());

/** `reader` applied in SQL to each cell (text, or NULL), in the cells' order. */
async function read(cells: readonly (string | null)[], reader: (t: string) => string): Promise<unknown[]> {
  const values = cells.map((c, i) => `(${i}, ${c === null ? "CAST(NULL AS VARCHAR)" : d.str(c)})`).join(", ");
  const rows = await db.engine.run(
    `SELECT ${reader("t")} AS v FROM (VALUES ${values}) AS c(i, t) ORDER BY i`,
  );
  return rows.map((r) => r.v);
}

/** A number as both sides must agree on it: beyond the core's ±1e15 only its sign counts ("too large"). */
const reading = (n: unknown) =>
  n === undefined || n === null
    ? null
    : Math.abs(Number(n)) > 1e15
      ? Math.sign(Number(n)) * Infinity
      : Number(n);

describe("the SQL export reads cells as the core does (on DuckDB)", () => {
  it("reads as missing what a person types for no value, and error values, and nothing else", async () => {
    const cells = ["", "N/A", "n/a", "NA", "-", "—", "–", "#N/A", "#REF!", "#DIV/0!", "#NAME?", "#"];
    const present = ["#1 customer", "# 1", "#N/A!!", "0", "none", "--", "x", "Acme"];
    expect(await read([...cells, ...present, null], (t) => isMissing(d, t))).toEqual([
      ...cells.map((c) => c !== "#"),
      ...present.map(() => false),
      true,
    ]);
    expect([...cells, ...present].map(isMissingText)).toEqual([
      ...cells.map((c) => c !== "#"),
      ...present.map(() => false),
    ]);
  });

  it("reads numbers as Sheets does when they are typed: separators, currency, percent, parentheses, one sign", async () => {
    const cells = [
      ...["1200", "-3", "+7", ".5", "5.", "-.5", "1e3", "1E-3", "0.1", "007"],
      ...[
        "1,200",
        "$1,200",
        "€ 12.5",
        "£3",
        "¥ 1,000,000",
        "12,345,678.9",
        "45%",
        "1,000%",
        "-45%",
        "$-5",
        "-$5",
      ],
      ...[
        "(3)",
        "( 3 )",
        "($1,200.50)",
        "(5",
        "5)",
        "--5",
        "+-5",
        "-(5)",
        "(-5)",
        "- 5",
        "1,2",
        "1,20",
        "12,3456",
      ],
      ...[
        ".",
        "$",
        "%",
        "-",
        "()",
        "$%",
        "abc",
        "12abc",
        "1 000",
        "0x1A",
        "0b1",
        "0o7",
        "Infinity",
        "-infinity",
        "inf",
      ],
      // Beyond what a cast may take: too large, or zero, either way.
      ...[
        "1e20",
        "-1e99",
        "1e300",
        "1e400",
        "-1e400",
        "1e-400",
        "0e999",
        "0.0e-5",
        "9".repeat(250),
        "9".repeat(301),
      ],
      ...[`${"9".repeat(299)}.5`, `${"1,000".repeat(70).replace(/^1,000/, "1")}`, `$${"9".repeat(320)}`],
    ];
    const core = cells.map((c) => reading(parseNumber(c)));
    expect(await read(cells, (t) => sqlNumber(d, t)).then((v) => v.map(reading))).toEqual(core);
    // The cells above cover every branch: plain, too long or too large, and Sheets' own forms.
    expect(core.filter((n) => n === null).length).toBeGreaterThan(10);
    expect(core.filter((n) => n === Infinity).length).toBeGreaterThan(3);
    expect(core).toContain(-1200.5);
    expect(core).toContain(-0.45);
  });

  it("says a cell that is no number has two signs exactly when the core says so", async () => {
    const cells = [
      "--5",
      "+-5",
      "-(5)",
      "(-5)",
      "- -5",
      "$--5",
      "-$-5",
      "((5",
      "+ (5",
      "-(5",
      "--",
      "-+",
      "5--",
      "1-2",
    ];
    const others = ["a-b-c", "-5-", "abc", "(5", "$", "-x", "--x"];
    const days = { asOfDay: 0, dayOf: () => 0 };
    const core = [...cells, ...others].map((c) => {
      const r = readCell(c, "number", days);
      return r.kind === "invalid" && r.reason.endsWith("a number carries at most one sign");
    });
    expect(core.filter(Boolean).length).toBeGreaterThan(5);
    expect(await read([...cells, ...others], (t) => saysTwoSigns(d, t))).toEqual(core);
  });

  it("reads yes and no as the core does, and TRUE/FALSE as a number metric's 1 and 0", async () => {
    const cells = ["TRUE", "false", "True", "Yes", "NO", "y", "N", "1", "0", "2", "t", "truthy", "", "-1"];
    expect(await read(cells, (t) => sqlBoolean(d, t))).toEqual(
      cells.map((c) => (readBoolean(c) === undefined ? null : readBoolean(c) ? 1 : 0)),
    );
    expect(await read(cells, (t) => typedBoolean(d, t))).toEqual([
      1,
      0,
      1,
      ...cells.slice(3).map(() => null),
    ]);
  });

  it("counts the days of ISO dates as the core does, and no day for a date that does not exist", async () => {
    const cells = [
      ...["2026-11-01", "1970-01-01", "1969-12-31", "2026-01-31", "2026-02-01", "2026-03-01", "2026-12-31"],
      ...["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2100-02-29", "2100-02-28", "1600-02-29"],
      ...["0001-01-01", "0000-03-01", "0000-02-29", "9999-12-31", "2026-04-31", "2026-04-30", "2026-06-31"],
      ...["2026-09-31", "2026-11-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-07-31"],
      ...["2026-11-01T10:00:00Z", "2026-11-01 10:00", "2026-11-01T10:00:00.5+01:00", "2026-1-01", "26-11-01"],
      ...["2026/11/01", "not a date", "2026-11-01x"],
    ];
    // And a day every 4,001 from year 1 to year 9999.
    for (let day = isoDay("0001-01-01") as number; day <= (isoDay("9999-12-31") as number); day += 4001)
      cells.push(dayToIso(day));
    const days = (t: string) => {
      const [y, m, dd] = isoParts(d, t);
      return dayNumber(d, y, m, dd);
    };
    const core = cells.map((c) => isoDay(c) ?? null);
    expect(core.filter((n) => n === null).length).toBeGreaterThan(10);
    expect(await read(cells, days).then((v) => v.map((n) => (n === null ? null : Number(n))))).toEqual(core);
  });

  it("quotes a cell in an explanation as the core does, cut after 39 characters", async () => {
    const cells = ["lots", "", "x".repeat(39), "y".repeat(40), "z".repeat(41), `${"é".repeat(45)}`];
    expect(await read(cells, quoted)).toEqual(cells.map(quoteCell));
  });
});
