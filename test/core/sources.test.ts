import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ActivityReport,
  activityNotes,
  aggregateSources,
  type CellValue,
  ColumnError,
  dayContext,
  fromsRead,
  MissingSourceError,
  parseRubric,
  type RowResult,
  type Rubric,
  SourceColumnError,
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

// ---------------------------------------------------------------- edges, one aggregate at a time

const DAYS = dayContext(AS_OF, "UTC");
const POINTS = { method: "points", bands: [{ label: "Any", color: "#ffffff" }] };

/** The aggregates of `froms` over `tables` for each key: what fill writes for it. */
function cellsOf(froms: Record<string, unknown>[], tables: SourceTables, keys: CellValue[], extra = {}) {
  const r = rubricOf(
    froms.map((from) => ({ from, score: { type: "perUnit", points: 1 } })),
    { ...POINTS, ...extra },
  );
  const activity = aggregateSources(r, tables, DAYS);
  return keys.map((key) => {
    const out: CellValue[] = [];
    activity.fill(key, out, 0);
    return out;
  });
}

/** The one aggregate `from` for each key. */
const one = (from: Record<string, unknown>, tables: SourceTables, keys: CellValue[], extra = {}) =>
  cellsOf([from], tables, keys, extra).map((cells) => cells[0]);

const npsOf = (rows: CellValue[][]) => ({ nps: table(["Account", "Score", "Date"], rows) });

describe("aggregates at their edges", () => {
  it("takes the min and max whatever row they are in", () => {
    const nps = npsOf([
      ["Acme", 3, AS_OF],
      ["Acme", 1, AS_OF],
      ["Acme", 9, AS_OF],
      ["Acme", 2, AS_OF],
    ]);
    expect(one({ source: "nps", agg: "min", column: "Score" }, nps, ["Acme"])).toEqual([1]);
    expect(one({ source: "nps", agg: "max", column: "Score" }, nps, ["Acme"])).toEqual([9]);
  });

  it("gives a missing avg, min and max when an account's rows hold no number", () => {
    const nps = npsOf([
      ["Acme", "n/a", AS_OF],
      ["Acme", "lots", AS_OF],
      ["Acme", null, AS_OF],
    ]);
    for (const agg of ["avg", "min", "max"]) {
      expect(one({ source: "nps", agg, column: "Score" }, nps, ["Acme"])).toEqual([null]);
    }
    expect(one({ source: "nps", agg: "sum", column: "Score" }, nps, ["Acme"])).toEqual([0]);
  });

  it("reads TRUE as 1 and FALSE as 0, as a number metric does", () => {
    const nps = npsOf([
      ["Acme", true, AS_OF],
      ["Acme", false, AS_OF],
      ["Acme", true, AS_OF],
      ["Acme", null, AS_OF],
      ["Acme", 2, AS_OF],
    ]);
    expect(one({ source: "nps", agg: "sum", column: "Score" }, nps, ["Acme"])).toEqual([4]);
    expect(one({ source: "nps", agg: "avg", column: "Score" }, nps, ["Acme"])).toEqual([1]);
  });

  it("leaves out a number beyond ±1e15, too large to score, as a number metric does", () => {
    const nps = npsOf([
      ["Acme", 5, AS_OF],
      ["Acme", 2e15, AS_OF],
      ["Acme", -2e15, AS_OF],
      ["Acme", "3e15", AS_OF],
      ["Acme", Number.NaN, AS_OF],
    ]);
    expect(one({ source: "nps", agg: "max", column: "Score" }, nps, ["Acme"])).toEqual([5]);
    expect(one({ source: "nps", agg: "min", column: "Score" }, nps, ["Acme"])).toEqual([5]);
  });

  it("counts no blank or missing cell among distinct values", () => {
    const nps = npsOf(
      ["ann", "", null, "n/a", "#N/A", " - ", "Ann "].map((user): CellValue[] => ["Acme", user, AS_OF]),
    );
    expect(one({ source: "nps", agg: "distinct", column: "Score" }, nps, ["Acme"])).toEqual([1]);
  });

  it("folds case the way lower case does, like the SQL export's LOWER: straße and STRASSE differ", () => {
    const nps = npsOf([
      ["Acme", "straße", AS_OF],
      ["Acme", "STRASSE", AS_OF],
      ["Acme", "Strasse", AS_OF],
    ]);
    expect(one({ source: "nps", agg: "distinct", column: "Score" }, nps, ["Acme"])).toEqual([2]);
    // Two conditions that differ the same way are two aggregates, not one.
    const where = (equals: string) => ({ source: "nps", agg: "count", where: [{ column: "Score", equals }] });
    expect(cellsOf([where("straße"), where("STRASSE")], nps, ["Acme"])).toEqual([[1, 2]]);
  });

  it("takes the latest row even dated before 1970", () => {
    const nps = npsOf([
      ["Acme", 4, "1969-07-19"],
      ["Acme", 5, "1969-07-20"],
    ]);
    expect(one({ source: "nps", agg: "latest", column: "Score" }, nps, ["Acme"])).toEqual([5]);
  });

  it("gives a missing latest to an account whose rows all fall outside the window", () => {
    expect(one({ source: "nps", agg: "latest", column: "Score", days: 30 }, ALL, ["Globex"])).toEqual([null]);
  });

  it("finds the date column wherever it stands, the first column too", () => {
    const logins = table(
      ["Day", "Account"],
      [
        [AS_OF, "Acme"],
        ["2026-10-02", "Acme"],
        ["someday", "Acme"],
      ],
    );
    const sources = { logins: { sheet: "Logins", key: "Account", date: "Day" } };
    expect(one({ source: "logins", agg: "count", days: 30 }, { logins }, ["Acme"], { sources })).toEqual([1]);
  });

  it("takes a number in the date column for no readable date", () => {
    const nps = npsOf([
      ["Acme", 1, 46000],
      ["Acme", 2, AS_OF],
    ]);
    const r = rubricOf([{ from: { source: "nps", agg: "count" } }]);
    const card = scorecard(r, DATA_HEADERS, { asOf: AS_OF, timeZone: "UTC", sources: nps });
    expect(card.scoreRows([["Acme", "Pro"]]).map((x) => x.drivers[0]?.value)).toEqual([1]);
    expect(card.sourceReport()?.sources[0]?.undatedRows).toEqual([{ index: 0, text: "46000" }]);
  });

  it("keeps every account apart however many there are", () => {
    // Accounts A0 … A39, account k with k % 3 + 1 rows in the window and one row before it; then
    // Late, whose only row is too old: past the first slots, the arrays must have grown.
    const names = Array.from({ length: 40 }, (_, k) => `A${k}`);
    const rows: CellValue[][] = names.flatMap((name, k) => [
      ...Array.from({ length: (k % 3) + 1 }, (): CellValue[] => [name, k, "2026-10-30"]),
      [name, 100 + k, "2026-09-01"],
    ]);
    rows.push(["Late", 1, "2026-01-01"]);
    const froms = [
      { source: "nps", agg: "count", days: 30 },
      { source: "nps", agg: "latest", column: "Score", days: 30 },
    ];
    expect(cellsOf(froms, npsOf(rows), [...names, "Late"])).toEqual([
      ...names.map((_, k) => [(k % 3) + 1, k]),
      [0, null],
    ]);
  });
});

describe("comparing a window with the one before it", () => {
  // A 10-day window: ages 0 … 9 now, 10 … 19 before, 20 on never.
  const day = (age: number) => dayIso(31 - age);
  const count = { source: "logins", agg: "count", days: 10, compare: "previous" };

  it("counts a row 9 days old now, 10 and 19 days old before, and 20 days old never", () => {
    const logins = table(
      ["Account", "Date"],
      [0, 9, 10, 19, 20].map((age): CellValue[] => ["Acme", day(age)]),
    );
    // Now 2, before 2.
    expect(one(count, { logins }, ["Acme"])).toEqual([0]);
    const drop = table(
      ["Account", "Date"],
      [0, 10, 19, 20, 25].map((age): CellValue[] => ["Acme", day(age)]),
    );
    // Now 1, before 2.
    expect(one(count, { logins: drop }, ["Acme"])).toEqual([-50]);
  });

  it("gives a missing change when either window is missing or the window before is 0", () => {
    const nps = npsOf([
      ["Acme", 9, day(12)], // Acme: before only
      ["Globex", 6, day(2)], // Globex: now only
    ]);
    const avg = { source: "nps", agg: "avg", column: "Score", days: 10, compare: "previous" };
    const counted = { ...count, source: "nps" };
    expect(cellsOf([avg, counted], nps, ["Acme", "Globex", "Umbrella"])).toEqual([
      [null, -100],
      [null, null],
      [null, null],
    ]);
  });
});

describe("sources and columns the rubric reads", () => {
  const options = { asOf: AS_OF, timeZone: "UTC" };

  it("names the one source, or every source, that was not given", () => {
    const r = rubricOf([
      { from: { source: "logins", agg: "count" } },
      { from: { source: "tickets", agg: "count" } },
      { from: { source: "nps", agg: "count" } },
    ]);
    expect(() =>
      scorecard(r, DATA_HEADERS, { ...options, sources: { logins: LOGINS, tickets: TICKETS } }),
    ).toThrow('The rubric reads the source "nps", which is not given.');
    expect(() => scorecard(r, DATA_HEADERS, { ...options, sources: { tickets: TICKETS } })).toThrow(
      'The rubric reads the sources "logins", "nps", which are not given.',
    );
  });

  it("names every column each source lacks, once each, and which sources lack one", () => {
    const r = rubricOf([
      { from: { source: "tickets", agg: "sum", column: "Minutes" } },
      { from: { source: "tickets", agg: "max", column: "minutes " } },
      { from: { source: "logins", agg: "count" } },
      { from: { source: "nps", agg: "count" } },
    ]);
    const nps = table(["Customer", "Score", "Date"], []);
    let error: unknown;
    try {
      scorecard(r, DATA_HEADERS, { ...options, sources: { ...ALL, nps } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceColumnError);
    expect((error as SourceColumnError).message).toBe(
      'The source "tickets" has no column "Minutes" (read by metric "sum Minutes in tickets"): add it to its header row, or change the rubric. ' +
        'The source "nps" has no column "Account" (read by its key): add it to its header row, or change the rubric.',
    );
    expect((error as SourceColumnError).sources).toEqual(["tickets", "nps"]);
  });

  it("names the date column a source lacks", () => {
    const r = rubricOf([{ from: { source: "logins", agg: "count" } }]);
    const logins = table(["Account", "When"], []);
    expect(() => scorecard(r, DATA_HEADERS, { ...options, sources: { logins } })).toThrow(
      'The source "logins" has no column "Date" (read by its date): add it to its header row, or change the rubric.',
    );
  });

  it("names a segment's metric and a flag that read a column the source lacks", () => {
    const r = rubricOf([{ from: { source: "logins", agg: "count" } }], {
      flags: [
        {
          id: "slow",
          label: "Slow tickets",
          from: { source: "tickets", agg: "max", column: "Wait" },
          min: 1,
          cap: 39,
        },
      ],
      segments: {
        column: "Plan",
        rubrics: {
          Free: {
            bands: RYG_BANDS,
            metrics: [
              {
                id: "t",
                label: "Ticket hours",
                from: { source: "tickets", agg: "sum", column: "Spent" },
                score: { type: "range", worst: 0, best: 1 },
              },
            ],
          },
        },
      },
    });
    expect(() => scorecard(r, DATA_HEADERS, { ...options, sources: ALL })).toThrow(
      'The source "tickets" has no column "Wait" (read by flag "Slow tickets"): add it to its header row, or change the rubric. ' +
        'The source "tickets" has no column "Spent" (read by segment "Free" metric "Ticket hours"): add it to its header row, or change the rubric.',
    );
  });

  it("reads a column by its header trimmed and case-insensitively, the first of two alike", () => {
    const nps = table(["Account", " score", "SCORE"], [["Acme", 5, 9]]);
    expect(
      one({ source: "nps", agg: "sum", column: "Score " }, { nps }, ["Acme"], {
        sources: { nps: { sheet: "NPS", key: "Account" } },
      }),
    ).toEqual([5]);
  });

  it("reads each aggregate once, however many metrics and flags read it", () => {
    const r = rubricOf(
      [
        { from: { source: "logins", agg: "distinct", column: "User" } },
        { from: { source: "logins", agg: "distinct", column: "user" } },
        { from: { source: "logins", agg: "count" } },
      ],
      { flags: [{ id: "f", label: "Quiet", from: { source: "logins", agg: "count" }, max: 0, cap: 39 }] },
    );
    expect(fromsRead(r).map((f) => f.reader)).toEqual([
      'metric "distinct User in logins"',
      'metric "count of logins"',
    ]);
    const activity = aggregateSources(r, ALL, DAYS);
    expect(activity.size).toBe(2);
    expect(activity.indexOf({ source: "logins", agg: "count" })).toBe(1);
    expect(() => activity.indexOf({ source: "nps", agg: "count" })).toThrow(
      "No aggregate for “count of nps”.",
    );
  });

  it("writes a missing aggregate for a blank or missing key, and nothing else", () => {
    const r = rubricOf(
      [{ from: { source: "logins", agg: "count" } }, { from: { source: "nps", agg: "count" } }],
      POINTS,
    );
    const activity = aggregateSources(r, ALL, DAYS);
    for (const key of ["", "  ", null, "n/a", "#N/A"]) {
      const out: CellValue[] = ["Acme", "Pro", 7, 7];
      activity.fill(key, out, 2);
      expect(out).toEqual(["Acme", "Pro", null, null]);
    }
    expect(activity.report().duplicateRows).toBe(0);
  });
});

describe("the report's sentences", () => {
  const options = { asOf: AS_OF, timeZone: "UTC" };
  const lineOf = (_s: string, i: number) => `line ${i + 2}`;
  /** The report and its sentences after scoring `data` (Account, Plan) against `sources`. */
  function reported(
    sources: SourceTables,
    data: CellValue[][] = DATA,
    from = { source: "logins", agg: "count" },
  ) {
    const r = rubricOf([{ from }]);
    const card = scorecard(r, DATA_HEADERS, { ...options, sources });
    card.scoreRows(data);
    const report = card.sourceReport() as ActivityReport;
    return { report, notes: activityNotes(report, r, lineOf) };
  }

  it("says nothing when every row counted", () => {
    const logins = table(["Account", "Date"], [["Acme", AS_OF]]);
    expect(reported({ logins }).notes).toEqual([]);
  });

  it("reports rows with a blank key as (blank), first, and the rows of an unknown account", () => {
    const logins = table(
      ["Account", "Date"],
      [
        ["Initech", AS_OF],
        ["", AS_OF],
        [null, AS_OF],
        ["n/a", AS_OF],
        ["Initech", AS_OF],
        ["Acme", AS_OF],
      ],
    );
    const { report, notes } = reported({ logins });
    expect(report.sources[0]).toMatchObject({ unmatched: 5, unmatchedKeys: ["(blank)", "Initech"] });
    expect(notes).toEqual([
      'logins: 5 rows of 6 name no account in the data ((blank), "Initech"); they are not counted.',
    ]);
  });

  it("names the first five unknown keys and one undated row, in the source's date column's name", () => {
    const tickets = table(
      ["Account", "Opened"],
      [...["K1", "K2", "k1", "K3", "K4", "K5", "K6"].map((k): CellValue[] => [k, AS_OF]), ["Acme", "soon"]],
    );
    const { report, notes } = reported({ tickets }, DATA, { source: "tickets", agg: "count" });
    expect(report.sources[0]?.unmatchedKeys).toEqual(["K1", "K2", "K3", "K4", "K5"]);
    expect(notes).toEqual([
      'tickets: 7 rows of 8 name no account in the data ("K1", "K2", "K3", "K4", "K5", …); they are not counted.',
      'tickets: 1 row has no readable Opened (line 9: "soon"); write dates as YYYY-MM-DD. They are not counted.',
    ]);
  });

  it("adds no … when the five keys named are all there are", () => {
    const logins = table(
      ["Account", "Date"],
      ["K1", "K2", "K3", "K4", "K5"].map((k): CellValue[] => [k, AS_OF]),
    );
    expect(reported({ logins }).notes).toEqual([
      'logins: 5 rows of 5 name no account in the data ("K1", "K2", "K3", "K4", "K5"); they are not counted.',
    ]);
  });

  it("names the first five undated rows", () => {
    const logins = table(
      ["Account", "Date"],
      ["a", "b", "c", "d", "e", "f"].map((d): CellValue[] => ["Acme", d]),
    );
    const { report, notes } = reported({ logins });
    expect(report.sources[0]?.undatedRows.map((r) => r.text)).toEqual(["a", "b", "c", "d", "e"]);
    expect(notes).toEqual([
      'logins: 6 rows have no readable Date (line 2: "a"; line 3: "b"; line 4: "c"; line 5: "d"; line 6: "e"; …); write dates as YYYY-MM-DD. They are not counted.',
    ]);
  });

  it("names the first five account keys two data rows share", () => {
    const logins = table(["Account", "Date"], []);
    const data = ["A", "B", "C", "D", "E", "F"].flatMap((k) => [
      [k, "Pro"],
      [` ${k.toLowerCase()}`, "Pro"],
    ]);
    const { report, notes } = reported({ logins }, [...data, ["G", "Pro"]]);
    expect(report.duplicateKeys).toEqual(["A", "B", "C", "D", "E"]);
    expect(notes).toEqual([
      'The data has 12 rows sharing an account key ("A", "B", "C", "D", "E", …): each such row gets the same activity.',
    ]);
  });

  it("counts no row looked up only quietly (a second look at the same row)", () => {
    const r = rubricOf([{ from: { source: "logins", agg: "count" } }]);
    const card = scorecard(r, DATA_HEADERS, { ...options, sources: ALL });
    card.valuesRead([...DATA, ["Acme", "Pro"]]);
    expect(card.sourceReport()).toMatchObject({
      sources: [{ unmatched: 9, unmatchedKeys: ["Acme", "Globex", "Initech"] }],
      duplicateRows: 0,
    });
  });

  it("calls the date column date when the rubric does not name it", () => {
    const report: ActivityReport = {
      sources: [
        {
          source: "events",
          rows: 1,
          unmatched: 0,
          unmatchedKeys: [],
          undated: 1,
          undatedRows: [{ index: 0, text: "" }],
        },
      ],
      duplicateRows: 0,
      duplicateKeys: [],
    };
    const expected = [
      "events: 1 row has no readable date (line 2: blank); write dates as YYYY-MM-DD. They are not counted.",
    ];
    expect(activityNotes(report, rubricOf([{ from: { source: "logins", agg: "count" } }]), lineOf)).toEqual(
      expected,
    );
    expect(
      activityNotes(
        report,
        parseRubric({
          bands: RYG_BANDS,
          metrics: [{ id: "p", column: "P", score: { type: "range", worst: 0, best: 1 } }],
        }),
        lineOf,
      ),
    ).toEqual(expected);
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
