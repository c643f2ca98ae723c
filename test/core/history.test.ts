import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  cellBudget,
  droppedBand,
  historyByAccount,
  parseRubric,
  parseValues,
  previousSnapshots,
  type RowResult,
  readHistory,
  rescoreHistory,
  rubricFingerprint,
  type Snapshot,
  scoreChange,
  scorecard,
  scoreValues,
  snapshotRows,
  trendText,
  valuesText,
} from "../../src/core";
import { pct, rubric, scoreRow } from "./helpers";

const snap = (date: string, account: string, score: number | null, band = "Green", fp = "f1"): Snapshot => ({
  date,
  account,
  score,
  band,
  coverage: 1,
  rubric: fp,
});

describe("rubric fingerprints", () => {
  it("are equal for the same scoring, whatever the name or key order", () => {
    const a = rubric({ name: "A", metrics: [pct("NPS"), pct("Usage")] });
    const b = rubric({ metrics: [pct("NPS"), pct("Usage")], name: "B" });
    expect(rubricFingerprint(a)).toBe(rubricFingerprint(b));
    expect(rubricFingerprint(a)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("change when a weight changes", () => {
    const a = rubric({ metrics: [pct("NPS"), pct("Usage")] });
    const b = rubric({ metrics: [pct("NPS", { weight: 2 }), pct("Usage")] });
    expect(rubricFingerprint(a)).not.toBe(rubricFingerprint(b));
  });
});

describe("trends", () => {
  const history = [
    snap("2026-11-02", "Acme", 70),
    snap("2026-11-09", "Acme", 64, "Yellow"),
    snap("2026-11-09", "Beta", 50, "Yellow", "other rubric"),
    snap("2026-11-16", "Acme", 99), // today's: not "previous"
  ];

  it("compare each account with its latest snapshot before today, under the same rubric", () => {
    const previous = previousSnapshots(history, "2026-11-16", "f1");
    expect(previous.get("acme")?.score).toBe(64);
    expect(previous.has("beta")).toBe(false);
  });

  it("read as arrows with the change", () => {
    expect(trendText(70.2, snap("d", "a", 64))).toBe("▲ 6.2");
    expect(trendText(60, snap("d", "a", 64))).toBe("▼ 4");
    expect(trendText(64, snap("d", "a", 64))).toBe("■ 0");
    expect(trendText(null, snap("d", "a", 64))).toBe("");
    expect(trendText(64, undefined)).toBe("");
  });

  it("know a drop from Green to Yellow from a rise", () => {
    const r = rubric({ metrics: [pct("NPS")] });
    expect(droppedBand(r, "Yellow", "Green")).toBe(true);
    expect(droppedBand(r, "Green", "Yellow")).toBe(false);
    expect(droppedBand(r, "No data", "Green")).toBe(false);
  });

  it("measure a score's change over whole weeks", () => {
    const byAccount = historyByAccount(history);
    expect(scoreChange(byAccount, "acme", 1)).toBe(35); // 99 on 11-16 against 64 on 11-09
    expect(scoreChange(byAccount, " Acme ", 2)).toBe(29);
    expect(scoreChange(byAccount, "Acme", 3)).toBeUndefined();
    expect(scoreChange(byAccount, "Nobody", 1)).toBeUndefined();
  });

  it("read history rows from a sheet, skipping the header and rows without an account", () => {
    const rows = readHistory(
      [
        ["Date", "Account", "Score", "Band", "Coverage", "Rubric"],
        [new Date("2026-11-01T23:30:00Z"), "Acme", 70, "Green", 0.75, "f1"],
        ["2026-11-08", "Acme", "64", "Yellow", "", "f1"],
        ["", "", "", "", "", ""],
      ],
      "Europe/Berlin",
    );
    expect(rows).toEqual(
      [
        snap("2026-11-02", "Acme", 70, "Green"),
        { ...snap("2026-11-08", "Acme", 64, "Yellow"), coverage: 0 },
      ].map((s, i) => (i === 0 ? { ...s, coverage: 0.75 } : s)),
    );
  });
});

describe("kept values", () => {
  const starter = (name: string) => parseRubric(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")));
  const [headers, ...rows] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
  const csv = (file: string) => {
    const [h, ...r] = parse(readFileSync(`examples/${file}.csv`, "utf8")) as string[][];
    return { headers: h as string[], rows: r };
  };
  const sources = { logins: csv("logins"), tickets: csv("tickets"), nps: csv("nps") };
  const options = { asOf: "2026-11-26", timeZone: "Europe/London", sources };
  /** Snapshot rows of the sample scored by `r`, their values through the Values cell and back. */
  const snapshot = (r: ReturnType<typeof starter>) => {
    const card = scorecard(r, headers as string[], options);
    const values = card.valuesRead(rows).map((v) => parseValues(valuesText(v, "Europe/London")));
    return {
      results: card.scoreRows(rows),
      snaps: snapshotRows(
        "2026-11-26",
        rows.map((row) => row[0]),
        card.scoreRows(rows),
        rubricFingerprint(r),
        values,
      ),
    };
  };
  const same = (r: RowResult | undefined) => r && { score: r.score, band: r.band, coverage: r.coverage };

  it("are the cells the rubric read, and the aggregates of its sources by their text", () => {
    const { snaps } = snapshot(starter("from-activity"));
    const xenon = snaps[0]?.values ?? {};
    expect(Object.keys(xenon)).toContain("Seat utilisation");
    expect(xenon["Seat utilisation"]).toBe("65%");
    expect(xenon["count of logins, last 30 days"]).toBe(367); // the sample's Logins 30d
    expect(xenon).not.toHaveProperty("Account"); // the key names the row already
    expect(xenon).not.toHaveProperty("ARR"); // not read by this rubric
  });

  for (const name of ["simple-ryg", "points-five-tier", "five-dimensions", "lifecycle", "from-activity"]) {
    it(`rescored under their own rubric give the snapshot's own scores (${name})`, () => {
      const r = starter(name);
      const { results, snaps } = snapshot(r);
      const again = scoreValues(r, snaps, "Europe/London");
      expect(again.map(same)).toEqual(results.map(same));
    });
  }

  it("rescored under another rubric give what that rubric scores from the same cells", () => {
    const before = starter("from-activity");
    const { snaps } = snapshot(before);
    // The new rubric drops a metric, reweighs another and moves a band: scored from the same cells.
    const after = parseRubric({
      ...JSON.parse(readFileSync("examples/from-activity.json", "utf8")),
      metrics: before.metrics.slice(1).map((m, i) => (i === 0 ? { ...m, weight: 7 } : m)),
      bands: [before.bands[0], { ...before.bands[1], from: 50 }, before.bands[2]],
    });
    const direct = scorecard(after, headers as string[], options).scoreRows(rows);
    expect(scoreValues(after, snaps, "Europe/London").map(same)).toEqual(direct.map(same));
  });

  it("count days since to the snapshot's own date, so an old snapshot rescores as it was", () => {
    const r = rubric({
      metrics: [
        {
          id: "last",
          column: "Last login",
          input: "daysSince",
          score: { type: "range", worst: 30, best: 0 },
        },
      ],
    });
    const at = (date: string) =>
      snapshotRows(date, ["Acme"], [scoreRow(r, { "Last login": "2026-11-20" })], "f", [
        parseValues(valuesText({ "Last login": new Date("2026-11-20T00:00:00Z") }, "UTC")),
      ]);
    const [week] = scoreValues(r, at("2026-11-26"), "UTC");
    const [month] = scoreValues(r, at("2026-12-14"), "UTC");
    expect(week?.score).toBe(80); // 6 days
    expect(month?.score).toBe(20); // 24 days
  });

  it("leave out missing cells, cut long text and refuse what no cell holds", () => {
    expect(valuesText({ NPS: "", CSAT: null, Notes: "x".repeat(300), Ok: true, N: 2 }, "UTC")).toBe(
      `{"Notes":"${"x".repeat(200)}","Ok":true,"N":2}`,
    );
    const huge = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`c${i}`, "y".repeat(200)]));
    expect(() => valuesText(huge, "UTC")).toThrow(/more than the 50000 a cell holds/);
    expect(parseValues("not json")).toBeUndefined();
    expect(parseValues('{"a":1')).toBeUndefined();
    expect(parseValues("[1]")).toBeUndefined();
  });
});

describe("rescoring history", () => {
  const r = rubric({ metrics: [pct("NPS"), pct("Usage")] });
  const heavier = rubric({ metrics: [pct("NPS", { weight: 3 }), pct("Usage")] });
  const fp = rubricFingerprint(r);
  const fp2 = rubricFingerprint(heavier);
  const grid = (): CellValue[][] => [
    ["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values", "My notes"],
    ["2026-11-02", "Acme", 70, "Green", 1, "old", "", "from before values"],
    ["2026-11-09", "Acme", 50, "Yellow", 1, fp, '{"NPS":20,"Usage":80}', ""],
    ["2026-11-09", "Beta", 90, "Green", 1, fp, '{"NPS":100,"Usage":80}', "call"],
    ["2026-11-16", "Acme", 35, "Red", 1, fp2, '{"NPS":20,"Usage":80}', ""],
  ];

  it("writes the new rubric's score and band beside the old ones, after the last header", () => {
    const out = rescoreHistory(grid(), heavier, "UTC");
    expect(out.fingerprint).toBe(fp2);
    expect(out.column).toBe(8);
    expect(out.cells).toEqual([
      [`Score ${fp2}`, `Band ${fp2}`],
      ["", ""],
      [35, "Red"],
      [95, "Green"],
      ["", ""],
    ]);
    expect({ rescored: out.rescored, own: out.own, withoutValues: out.withoutValues }).toEqual({
      rescored: 2,
      own: 1,
      withoutValues: 1,
    });
  });

  it("refills the same columns with the same scores when run again", () => {
    const g = grid();
    const first = rescoreHistory(g, heavier, "UTC");
    g.forEach((row, i) => {
      row[first.column] = first.cells[i]?.[0];
      row[first.column + 1] = first.cells[i]?.[1];
    });
    const second = rescoreHistory(g, heavier, "UTC");
    expect(second.column).toBe(first.column);
    expect(second.cells).toEqual(first.cells);
  });

  it("needs the header row", () => {
    expect(() => rescoreHistory(grid().slice(1), heavier, "UTC")).toThrow(/has no header row/);
  });

  it("lets a trend follow the latest rubric across the change once history is rescored", () => {
    const g = grid();
    const byAccount = () => historyByAccount(readHistory(g, "UTC"));
    expect(scoreChange(byAccount(), "Acme", 1)).toBeUndefined(); // 11-09 was under another rubric
    const out = rescoreHistory(g, heavier, "UTC");
    g.forEach((row, i) => {
      row.push(...(out.cells[i] as CellValue[]));
    });
    expect(scoreChange(byAccount(), "Acme", 1)).toBe(0); // 35 under the new rubric both weeks
    expect(previousSnapshots(readHistory(g, "UTC"), "2026-11-16", fp2).get("acme")?.score).toBe(35);
    // Under the old rubric the rows keep their own scores.
    expect(previousSnapshots(readHistory(g, "UTC"), "2026-11-16", fp).get("acme")?.score).toBe(50);
  });

  it("reads a history written before values were kept, with or without its header row", () => {
    const old: CellValue[][] = [
      ["Date", "Account", "Score", "Band", "Coverage", "Rubric"],
      ["2026-11-02", "Acme", 70, "Green", 1, "f1"],
    ];
    expect(readHistory(old, "UTC")).toEqual([snap("2026-11-02", "Acme", 70)]);
    expect(readHistory(old.slice(1), "UTC")).toEqual([snap("2026-11-02", "Acme", 70)]);
  });
});

describe("the 10 M cell limit", () => {
  it("is said past 80%, and a write past it is refused", () => {
    expect(cellBudget(1_000_000, 1_400, "This snapshot")).toEqual({});
    expect(cellBudget(7_999_000, 1_400, "This snapshot").warn).toBe(
      "This snapshot takes the spreadsheet to 8.0 M of the 10 M cells Google Sheets holds (past 80%): delete old history rows you no longer need (or move them to another spreadsheet), or delete empty rows and columns of other sheets before it is full.",
    );
    expect(cellBudget(9_999_000, 1_400, "This snapshot").refuse).toMatch(
      /^This snapshot needs 1,400 more cells, which would take the spreadsheet to 10.0 M cells, past the 10 M Google Sheets holds: .*then try again\.$/,
    );
  });
});
