import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  anotherWeekFits,
  BACKFILL_WEEKS,
  backfillDates,
  backfillProblem,
  backfillRowsPerWeek,
  backfillWeek,
  type CellValue,
  parseRubric,
  prepareSources,
  type RowResult,
  SCRIPT_ROWS_PER_SECOND,
  SCRIPT_SECONDS,
  scorecard,
  undatedColumns,
  WRITE_SECONDS,
  weeksThatFit,
} from "../../src/core";
import { pct, rubric } from "./helpers";

const csv = (file: string) => {
  const [headers, ...rows] = parse(readFileSync(`examples/${file}.csv`, "utf8")) as string[][];
  return { headers: headers as string[], rows: rows as CellValue[][] };
};
const activity = parseRubric(JSON.parse(readFileSync("examples/from-activity.json", "utf8")));
const customers = csv("customers");
const sources = { logins: csv("logins"), tickets: csv("tickets"), nps: csv("nps") };
const same = (r: RowResult | undefined) => r && { score: r.score, band: r.band, coverage: r.coverage };

describe("backfill", () => {
  it("goes back week by week from the as-of date, before the history's first snapshot", () => {
    expect(BACKFILL_WEEKS).toBe(26);
    expect(backfillDates("2026-11-26", 3)).toEqual(["2026-11-26", "2026-11-19", "2026-11-12"]);
    expect(backfillDates("2026-11-26", 4, "2026-11-19")).toEqual(["2026-11-12", "2026-11-05"]);
    expect(backfillDates("2026-11-26", 2, "2026-01-01")).toEqual([]);
  });

  it("says how to write an as-of date it cannot read", () => {
    expect(() => backfillDates("26/11/2026", 3)).toThrowError(
      /^"26\/11\/2026" is not a date: write it as YYYY-MM-DD\.$/,
    );
  });

  it("scores each week exactly as scoring with that as-of date does, windows moving with it", () => {
    // The logins' dates as Sheets hands them (Date cells), read once for all weeks.
    const logins = {
      headers: sources.logins.headers,
      rows: sources.logins.rows.map((r) => [r[0], r[1], new Date(`${r[2]}T00:00:00Z`)]),
    };
    const given = { ...sources, logins };
    const input = {
      rubric: activity,
      headers: customers.headers,
      rows: customers.rows,
      keyColumn: 0,
      sources: prepareSources(activity, given, "UTC"),
      timeZone: "UTC",
    };
    const seen = new Set<string>();
    for (const date of backfillDates("2026-11-26", 6)) {
      const week = backfillWeek(input, date);
      const direct = scorecard(activity, customers.headers, { asOf: date, timeZone: "UTC", sources: given })
        .scoreRows(customers.rows)
        .filter((_, i) => customers.rows[i]?.[0] !== "");
      expect(week.map((s) => ({ score: s.score, band: s.band, coverage: s.coverage }))).toEqual(
        direct.map((r) => ({ ...same(r), coverage: Math.round(r.coverage * 1000) / 1000 })),
      );
      expect(week.every((s) => s.date === date)).toBe(true);
      seen.add(String(week[0]?.values?.["count of logins, last 30 days"]));
    }
    // The windows moved: the first account's logins in the last 30 days differ between weeks.
    expect(seen.size).toBeGreaterThan(1);
  });

  it("costs one pass over the sources and the accounts per week", () => {
    expect(backfillRowsPerWeek(activity, sources, 200)).toBe(
      200 + sources.logins.rows.length + sources.tickets.rows.length + sources.nps.rows.length,
    );
    // A source with no rows given (its sheet is missing) costs nothing.
    expect(backfillRowsPerWeek(activity, { logins: sources.logins }, 200)).toBe(
      200 + sources.logins.rows.length,
    );
  });

  it("estimates how many weeks fit in the time left, at a cautious number of rows a second", () => {
    expect(SCRIPT_SECONDS - WRITE_SECONDS).toBe(315);
    expect(weeksThatFit(SCRIPT_ROWS_PER_SECOND, 60)).toBe(60);
    expect(weeksThatFit(3 * SCRIPT_ROWS_PER_SECOND, 10)).toBe(3);
    expect(weeksThatFit(4 * SCRIPT_ROWS_PER_SECOND, 1)).toBe(0);
    // No rows at all still costs something; no time left fits no week.
    expect(weeksThatFit(0, 1)).toBe(SCRIPT_ROWS_PER_SECOND);
    expect(weeksThatFit(1000, -5)).toBe(0);
  });

  it("starts another week only if the slowest week so far, and half again, fits before the write", () => {
    expect(anotherWeekFits(0, 0)).toBe(true);
    expect(anotherWeekFits(300, 10)).toBe(true); // 300 + 15 = 315 s, just within
    expect(anotherWeekFits(300, 11)).toBe(false); // 316.5 s
    expect(anotherWeekFits(316, 0)).toBe(false);
  });

  describe("reading the sources' date cells once for every week", () => {
    /** A rubric reading a logins source declared with `source`'s fields. */
    const logins = (source: Record<string, unknown>) =>
      rubric({
        key: "Account",
        sources: { logins: { sheet: "Logins", key: "Account", ...source } },
        metrics: [
          { id: "n", from: { source: "logins", agg: "count" }, score: { type: "range", worst: 0, best: 10 } },
        ],
      });
    const table = (rows: CellValue[][]) => ({ headers: ["When ", "Account", "User"], rows });

    it("writes each Date cell of a source's date column as its day in the spreadsheet's time zone", () => {
      const late = new Date("2026-11-01T03:00:00Z"); // still October 31 in New York
      const rows: CellValue[][] = [
        [late, "Acme", "ann"],
        ["2026-10-30", "Acme", "bob"],
        [new Date("not a date"), "Acme", "cy"],
        [null, "Acme", "dee"],
      ];
      const given = table(rows);
      // The date column named with other case and spacing than its header.
      const prepared = prepareSources(logins({ date: "WHEN" }), { logins: given }, "America/New_York").logins;
      expect(prepared?.rows[0]).toEqual(["2026-10-31", "Acme", "ann"]);
      // Text dates, unreadable dates and empty cells are left for the sources to read (and report).
      expect(prepared?.rows.slice(1)).toEqual(rows.slice(1));
      for (const i of [1, 2, 3]) expect(prepared?.rows[i]).toBe(rows[i]);
      expect(prepared?.headers).toBe(given.headers);
      // The rows read from the sheet are not changed.
      expect(rows[0]?.[0]).toBe(late);
    });

    it("leaves a source as it is when its date column holds no Date cell, or it has no date column", () => {
      const textDates = table([["2026-10-30", "Acme", "bob"]]);
      expect(prepareSources(logins({ date: "When" }), { logins: textDates }, "UTC").logins).toBe(textDates);
      const dates = table([[new Date("2026-10-30T00:00:00Z"), "Acme", "bob"]]);
      expect(prepareSources(logins({ date: "Opened" }), { logins: dates }, "UTC").logins).toBe(dates);
      // No date column named, even with dates in a column that has no header.
      const unnamed = {
        headers: ["Account", "", "User"],
        rows: [["Acme", new Date("2026-10-30T00:00:00Z"), "bob"]],
      };
      expect(prepareSources(logins({}), { logins: unnamed }, "UTC").logins).toBe(unnamed);
      // A table the rubric declares no source for.
      expect(prepareSources(logins({ date: "When" }), { extra: dates }, "UTC").extra).toBe(dates);
      expect(prepareSources(rubric({ metrics: [pct("NPS")] }), { extra: dates }, "UTC").extra).toBe(dates);
    });
  });

  it("says why a rubric without dated sources cannot be backfilled, and which columns have no past", () => {
    expect(backfillProblem(rubric({ metrics: [pct("NPS")] }))).toMatch(
      /^The rubric reads no source of raw activity/,
    );
    const undated = parseRubric({
      ...JSON.parse(readFileSync("examples/from-activity.json", "utf8")),
      sources: {
        logins: { sheet: "Logins", key: "Account" },
        tickets: { sheet: "Tickets", key: "Account" },
        nps: { sheet: "NPS", key: "Account" },
      },
      metrics: [
        { id: "n", from: { source: "logins", agg: "count" }, score: { type: "range", worst: 0, best: 10 } },
        { id: "t", from: { source: "tickets", agg: "count" }, score: { type: "range", worst: 0, best: 10 } },
      ],
      flags: [],
    });
    expect(backfillProblem(undated)).toBe(
      "The rubric's sources (logins, tickets) have no date column, so every week would count the same rows: name each source's date column in the Sources table.",
    );
    expect(backfillProblem(activity)).toBeUndefined();
    expect(undatedColumns(activity)).toEqual(["Seat utilisation"]);
  });

  it("names each column read from the data once, whatever its case or spacing, segments' too", () => {
    const segmented = rubric({
      metrics: [pct("Seat utilisation"), pct("NPS")],
      flags: [{ id: "seats_low", column: "seat UTILISATION", max: 0.1, cap: 39 }],
      segments: {
        column: "Segment",
        rubrics: {
          Onboarding: { bands: [{ label: "All", color: "#ffffff" }], metrics: [pct("Setup done")] },
        },
      },
    });
    expect(undatedColumns(segmented)).toEqual(["seat UTILISATION", "NPS", "Setup done"]);
  });
});
