import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activityNotes,
  type CellValue,
  ColumnError,
  MissingSourceError,
  parseRubric,
  type RowResult,
  type Rubric,
  type SourceTables,
  scorecard,
  scoreTable,
} from "../../src/core";
import { RYG_BANDS } from "./helpers";

const AS_OF = "2026-11-01";
const SOURCES = {
  logins: { sheet: "Logins", key: "Account", date: "Date" },
  tickets: { sheet: "Tickets", key: "Account", date: "Opened" },
  nps: { sheet: "NPS", key: "Account", date: "Date" },
};

/** A rubric reading sources; each metric scores its value as is (range 0 → 100). */
function rubricOf(metrics: Record<string, unknown>[], extra: Record<string, unknown> = {}): Rubric {
  return parseRubric({
    bands: RYG_BANDS,
    key: "Account",
    sources: SOURCES,
    metrics: metrics.map((m, i) => ({ id: `m${i}`, score: { type: "range", worst: 0, best: 100 }, ...m })),
    ...extra,
  });
}

const table = (headers: string[], rows: CellValue[][]) => ({ headers, rows });

const LOGINS = table(
  ["Account", "User", "Date"],
  [
    ["Acme", "ann", "2026-11-01"],
    ["Acme", "bob", "2026-10-20"],
    [" acme ", "ANN", "2026-10-03"], // the first day of a 30-day window to 2026-11-01
    ["Acme", "cid", "2026-10-02"], // one day before it
    ["Acme", "dan", "2026-11-02"], // after the as-of date: never counted
    ["Globex", "eve", "2026-09-15"],
    ["Initech", "fay", "2026-10-30"], // no such account in the data
    ["Acme", "gus", "31/10/2026"], // unreadable
    ["Acme", "hal", ""], // no date
  ],
);
const TICKETS = table(
  ["Account", "Priority", "Status", "Opened", "Hours"],
  [
    ["Acme", "P1", "Open", "2026-10-28", "4"],
    ["Acme", "p1 ", "pending", "2026-10-01", 10],
    ["Acme", "P2", "Open", "2026-10-30", "n/a"],
    ["Acme", "P1", "Closed", "2026-10-29", 1],
    ["Globex", "P3", "Open", "2026-10-31", "lots"],
  ],
);
const NPS = table(
  ["Account", "Score", "Date"],
  [
    ["Acme", 9, "2026-10-01"],
    ["Acme", 6, "2026-10-25"],
    ["Acme", 7, "2026-10-25"], // same day, later row: the latest
    ["Globex", 3, "2026-06-01"],
  ],
);
const ALL: SourceTables = { logins: LOGINS, tickets: TICKETS, nps: NPS };
const DATA_HEADERS = ["Account", "Plan"];
const DATA = [
  ["Acme", "Pro"],
  ["Globex", "Free"],
  ["Umbrella", "Free"],
];

/** Each metric's value per account (Acme, Globex, Umbrella), as read from the drivers. */
function values(from: Record<string, unknown>, input?: string, sources: SourceTables = ALL) {
  const r = rubricOf([{ from, ...(input ? { input } : {}), score: { type: "perUnit", points: 1 } }], {
    method: "points",
    bands: [{ label: "Any", color: "#ffffff" }],
  });
  return scoreTable(r, DATA_HEADERS, DATA, { asOf: AS_OF, timeZone: "UTC", sources }).map(
    (res) => res.drivers[0]?.value ?? null,
  );
}

describe("aggregating a source per account", () => {
  it("counts rows per account, keys matched trimmed and case-insensitively, never after the as-of date", () => {
    // Acme: 4 dated rows up to the as-of date (the one after it and the undated ones do not count).
    expect(values({ source: "logins", agg: "count" })).toEqual([4, 1, 0]);
  });

  it("takes a window of whole days ending on the as-of date", () => {
    expect(values({ source: "logins", agg: "count", days: 30 })).toEqual([3, 0, 0]);
    expect(values({ source: "logins", agg: "count", days: 1 })).toEqual([1, 0, 0]);
    expect(values({ source: "logins", agg: "count", days: 31 })).toEqual([4, 0, 0]);
  });

  it("counts distinct values trimmed and case-insensitively", () => {
    expect(values({ source: "logins", agg: "distinct", column: "User", days: 30 })).toEqual([2, 0, 0]);
  });

  it("keeps only rows where every condition holds", () => {
    const where = [
      { column: "Priority", equals: "P1" },
      { column: "Status", in: ["Open", "Pending"] },
    ];
    expect(values({ source: "tickets", agg: "count", where })).toEqual([2, 0, 0]);
    expect(
      values({ source: "tickets", agg: "count", where: [{ column: "Status", contains: "EN" }] }),
    ).toEqual([3, 1, 0]);
    expect(values({ source: "tickets", agg: "count", where: [{ column: "Hours", min: 2, max: 9 }] })).toEqual(
      [1, 0, 0],
    );
  });

  it("sums, averages and takes the min and max of numbers, leaving out missing and unreadable cells", () => {
    expect(values({ source: "tickets", agg: "sum", column: "Hours" })).toEqual([15, 0, 0]);
    expect(values({ source: "tickets", agg: "avg", column: "Hours" })).toEqual([5, null, null]);
    expect(values({ source: "tickets", agg: "min", column: "Hours" })).toEqual([1, null, null]);
    expect(values({ source: "tickets", agg: "max", column: "Hours" })).toEqual([10, null, null]);
  });

  it("gives 0 for count, distinct and sum, and missing for the others, when an account has no rows", () => {
    for (const agg of ["count", "distinct", "sum"]) {
      expect(values({ source: "nps", agg, column: "Score" })[2]).toBe(0);
    }
    for (const agg of ["avg", "min", "max", "latest"]) {
      expect(values({ source: "nps", agg, column: "Score" })[2]).toBeNull();
    }
  });

  it("takes the latest row's cell, the later row on a tie", () => {
    expect(values({ source: "nps", agg: "latest", column: "Score" })).toEqual([7, 3, null]);
  });

  it("reads the latest date as days since with input daysSince", () => {
    expect(values({ source: "logins", agg: "latest", column: "Date" }, "daysSince")).toEqual([0, 47, null]);
  });

  it("compares a window with the one before it, in percent", () => {
    // Acme logins: 3 in the last 30 days, 1 in the 30 before (2026-10-02); Globex: 0 and 1.
    expect(values({ source: "logins", agg: "count", days: 30, compare: "previous" })).toEqual([
      200,
      -100,
      null,
    ]);
    // NPS, 20-day windows: Acme now avg(6, 7), before 9.
    const nps = values({ source: "nps", agg: "avg", column: "Score", days: 20, compare: "previous" });
    expect(nps[0]).toBeCloseTo(((6.5 - 9) / 9) * 100, 9);
  });

  it("gives every aggregate missing to a row with no account key", () => {
    const r = rubricOf([{ from: { source: "logins", agg: "count" } }]);
    const [res] = scoreTable(r, DATA_HEADERS, [["", "Pro"]], { asOf: AS_OF, timeZone: "UTC", sources: ALL });
    expect(res?.score).toBeNull();
  });

  it("reads Date cells in the spreadsheet's time zone", () => {
    // 2026-10-31T23:30Z is already 1 November in Berlin.
    const logins = table(["Account", "Date"], [["Acme", new Date("2026-10-31T23:30:00Z")]]);
    const r = (timeZone: string) =>
      scoreTable(
        rubricOf([{ from: { source: "logins", agg: "latest", column: "Date" }, input: "daysSince" }]),
        DATA_HEADERS,
        DATA.slice(0, 1),
        { asOf: AS_OF, timeZone, sources: { logins } },
      )[0]?.drivers[0]?.value;
    expect(r("UTC")).toBe(1);
    expect(r("Europe/Berlin")).toBe(0);
  });
});

describe("scoring with aggregates", () => {
  it("names the aggregate in the drivers as a person says it", () => {
    const r = rubricOf([
      { id: "logins_30d", label: "Logins, last 30 days", from: { source: "logins", agg: "count", days: 30 } },
      { id: "p1", from: { source: "tickets", agg: "count", where: [{ column: "Priority", equals: "P1" }] } },
    ]);
    const [acme] = scoreTable(r, DATA_HEADERS, DATA, { asOf: AS_OF, timeZone: "UTC", sources: ALL });
    expect(acme?.drivers.map((d) => d.label)).toEqual([
      "Logins, last 30 days",
      "count of tickets, where Priority is P1",
    ]);
  });

  it("fires a flag on an aggregated value", () => {
    const r = rubricOf([{ from: { source: "nps", agg: "count" } }], {
      flags: [
        {
          id: "quiet",
          label: "No login in 30 days",
          from: { source: "logins", agg: "count", days: 30 },
          max: 0,
          cap: 39,
        },
      ],
    });
    const results = scoreTable(r, DATA_HEADERS, DATA, { asOf: AS_OF, timeZone: "UTC", sources: ALL });
    expect(results.map((x) => x.flags.map((f) => f.id))).toEqual([[], ["quiet"], ["quiet"]]);
  });

  it("lets segment rubrics read the top-level sources", () => {
    const r = rubricOf([{ from: { source: "logins", agg: "count" } }], {
      segments: {
        column: "Plan",
        rubrics: {
          Free: {
            bands: RYG_BANDS,
            metrics: [
              {
                id: "t",
                from: { source: "tickets", agg: "count" },
                score: { type: "range", worst: 0, best: 1 },
              },
            ],
          },
        },
      },
    });
    const results = scoreTable(r, DATA_HEADERS, DATA, { asOf: AS_OF, timeZone: "UTC", sources: ALL });
    expect(results.map((x) => x.score)).toEqual([4, 100, 0]);
  });

  it("names an unreadable aggregate in the explanation", () => {
    const r = rubricOf([{ label: "Last NPS", from: { source: "tickets", agg: "latest", column: "Hours" } }]);
    const [, globex] = scoreTable(r, DATA_HEADERS, DATA, { asOf: AS_OF, timeZone: "UTC", sources: ALL });
    expect(globex?.invalid).toEqual([
      { id: "m0", label: "Last NPS", column: "latest Hours in tickets", reason: '"lots" is not a number' },
    ]);
  });

  it("says which source was not given, and which columns a source lacks", () => {
    const r = rubricOf([
      { from: { source: "logins", agg: "count" } },
      { from: { source: "tickets", agg: "sum", column: "Minutes" } },
    ]);
    const options = { asOf: AS_OF, timeZone: "UTC" };
    expect(() => scorecard(r, DATA_HEADERS, { ...options, sources: { tickets: TICKETS } })).toThrow(
      new MissingSourceError(["logins"]),
    );
    expect(() => scorecard(r, DATA_HEADERS, { ...options, sources: ALL })).toThrow(ColumnError);
    expect(() => scorecard(r, DATA_HEADERS, { ...options, sources: ALL })).toThrow(
      'The source "tickets" has no column "Minutes" (read by metric "sum Minutes in tickets"): add it to its header row, or change the rubric.',
    );
    expect(() => scorecard(r, ["Name"], { ...options, sources: ALL })).toThrow(/no column "Account"/);
  });
});

describe("the report of what did not count", () => {
  it("reports rows of unknown accounts, undated rows and duplicate account keys", () => {
    const r = rubricOf([{ from: { source: "logins", agg: "count" } }]);
    const card = scorecard(r, DATA_HEADERS, { asOf: AS_OF, timeZone: "UTC", sources: ALL });
    card.scoreRows([...DATA, ["ACME ", "Pro"]]);
    const report = card.sourceReport();
    expect(report).toEqual({
      sources: [
        {
          source: "logins",
          rows: 9,
          unmatched: 1,
          unmatchedKeys: ["Initech"],
          undated: 2,
          undatedRows: [
            { index: 7, text: "31/10/2026" },
            { index: 8, text: "" },
          ],
        },
      ],
      duplicateRows: 2,
      duplicateKeys: ["Acme"],
    });
    expect(activityNotes(report as never, r, (_s, i) => `line ${i + 2}`)).toEqual([
      'logins: 1 row of 9 names no account in the data ("Initech"); they are not counted.',
      'logins: 2 rows have no readable Date (line 9: "31/10/2026"; line 10: blank); write dates as YYYY-MM-DD. They are not counted.',
      'The data has 2 rows sharing an account key ("Acme"): each such row gets the same activity.',
    ]);
  });
});

// ---------------------------------------------------------------- properties

const ACCOUNTS = ["Acme", "Globex", "Umbrella", "Initech", "Hooli"];
const dayIso = (d: number) => new Date(Date.UTC(2026, 9, 1) + d * 86_400_000).toISOString().slice(0, 10);
const loginRow = fc.tuple(
  fc.constantFrom(...ACCOUNTS, " acme", "HOOLI "),
  fc.constantFrom("ann", "bob", "cid", "Ann "),
  fc.integer({ min: 0, max: 60 }),
  fc.constantFrom("Open", "Closed", "pending"),
  fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constant("n/a")),
);
type LoginRow = [string, string, number, string, number | string];
const toLogins = (rows: LoginRow[]) =>
  table(
    ["Account", "User", "Date", "Status", "Minutes"],
    rows.map(([a, u, d, s, m]) => [a, u, dayIso(d), s, m]),
  );
const FROMS = [
  { source: "logins", agg: "count", days: 14 },
  { source: "logins", agg: "distinct", column: "User", days: 30 },
  { source: "logins", agg: "sum", column: "Minutes", where: [{ column: "Status", in: ["open", "Pending"] }] },
  { source: "logins", agg: "avg", column: "Minutes", days: 10, compare: "previous" },
  { source: "logins", agg: "max", column: "Minutes", days: 20 },
  { source: "logins", agg: "latest", column: "Date" },
];
const fromRubric = rubricOf(
  FROMS.map((from, i) => ({
    from,
    ...(i === 5 ? { input: "daysSince" } : {}),
    score: { type: "perUnit", points: 1 },
  })),
  { method: "points", bands: [{ label: "Any", color: "#ffffff" }] },
);
const accountRows = ACCOUNTS.map((a) => [a, "Pro"]);
const aggregates = (rows: ReturnType<typeof toLogins>, asOf: string) =>
  scoreTable(fromRubric, DATA_HEADERS, accountRows, { asOf, timeZone: "UTC", sources: { logins: rows } }).map(
    (res) => Object.fromEntries(res.drivers.map((d) => [d.id, d.value])),
  );

describe("aggregation properties", () => {
  it("does not depend on the order of a source's rows (latest ties aside)", () => {
    fc.assert(
      fc.property(fc.array(loginRow, { maxLength: 60 }), fc.integer(), (rows, seed) => {
        // Distinct dates per account make latest independent of order.
        const unique = rows.filter(
          (r, i) =>
            rows.findIndex(
              (o) => o[0].trim().toLowerCase() === r[0].trim().toLowerCase() && o[2] === r[2],
            ) === i,
        );
        const shuffled = [...unique].sort((a, b) => ((a[2] * 31 + seed) % 7) - ((b[2] * 31 + seed) % 7));
        expect(aggregates(toLogins(shuffled), "2026-11-01")).toEqual(
          aggregates(toLogins(unique), "2026-11-01"),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("never counts rows after the as-of date: adding them changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(loginRow, { maxLength: 40 }),
        fc.array(loginRow, { maxLength: 20 }),
        (rows, later) => {
          const asOf = dayIso(30);
          const future = later.map(([a, u, d, s, m]): LoginRow => [a, u, 31 + d, s, m]);
          expect(aggregates(toLogins([...rows.filter((r) => r[2] <= 30), ...future]), asOf)).toEqual(
            aggregates(toLogins(rows.filter((r) => r[2] <= 30)), asOf),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("moves the window with the as-of date", () => {
    fc.assert(
      fc.property(fc.array(loginRow, { maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (rows, shift) => {
        // Moving every row and the as-of date by the same days changes nothing.
        const moved = rows.map(([a, u, d, s, m]): LoginRow => [a, u, d + shift, s, m]);
        expect(aggregates(toLogins(moved), dayIso(40 + shift))).toEqual(
          aggregates(toLogins(rows), dayIso(40)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("scores as if the aggregates were written as columns", () => {
    fc.assert(
      fc.property(fc.array(loginRow, { maxLength: 60 }), (rows) => {
        const sources = { logins: toLogins(rows) };
        const options = { asOf: "2026-11-01", timeZone: "UTC" };
        const weighted = rubricOf(
          FROMS.map((from, i) => ({ from, label: `A${i}`, ...(i === 5 ? { input: "daysSince" } : {}) })),
          {
            flags: [{ id: "f", from: FROMS[0], max: 1, cap: 39 }],
          },
        );
        const withSources = scoreTable(weighted, DATA_HEADERS, accountRows, { ...options, sources });
        // The same aggregates, as cells of columns A0 … A5 and F, scored by a rubric reading columns.
        const asColumns = parseRubric({
          ...weighted,
          sources: undefined,
          key: undefined,
          metrics: weighted.metrics.map(({ from: _, ...m }) => ({ ...m, column: m.label })),
          flags: [{ id: "f", label: weighted.flags[0]?.label, column: "F", max: 1, cap: 39 }],
        });
        // m5 is days since the latest login: written back as that date.
        const cells = aggregates(sources.logins, options.asOf);
        const table_ = accountRows.map((row, k) => {
          const c = cells[k] as Record<string, CellValue>;
          const latest = c.m5 === null ? null : dayIso(31 - (c.m5 as number));
          return [...row, ...FROMS.map((_, i) => (i === 5 ? latest : (c[`m${i}`] ?? null))), c.m0 ?? null];
        });
        const plain = scoreTable(
          asColumns,
          [...DATA_HEADERS, ...FROMS.map((_, i) => `A${i}`), "F"],
          table_,
          options,
        );
        const strip = (r: RowResult) => ({
          score: r.score,
          band: r.band,
          flags: r.flags,
          drivers: r.drivers,
          coverage: r.coverage,
        });
        expect(withSources.map(strip)).toEqual(plain.map(strip));
      }),
      { numRuns: 40 },
    );
  });
});
