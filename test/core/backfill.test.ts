import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  BACKFILL_WEEKS,
  backfillDates,
  backfillProblem,
  backfillRowsPerWeek,
  backfillWeek,
  type CellValue,
  parseRubric,
  prepareSources,
  type RowResult,
  scorecard,
  undatedColumns,
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
      ],
      flags: [],
    });
    expect(backfillProblem(undated)).toMatch(/have no date column/);
    expect(backfillProblem(activity)).toBeUndefined();
    expect(undatedColumns(activity)).toEqual(["Seat utilisation"]);
  });
});
