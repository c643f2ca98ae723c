import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  type CellValue,
  cellBudget,
  dayToIso,
  droppedBand,
  historyByAccount,
  isoDay,
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
  weeklySnapshotDue,
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

describe("where a rescore writes", () => {
  const r = rubric({ metrics: [pct("NPS"), pct("Usage")] });
  const fp = rubricFingerprint(r);
  const HEADER = ["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values"];
  const row = (account: string, values = '{"NPS":20,"Usage":80}') => [
    "2026-11-02",
    account,
    70,
    "Green",
    1,
    "old",
    values,
  ];
  /** Each row padded to `width` with `blank`, as a sheet's range gives it. */
  const padded = (rows: CellValue[][], width: number, blank: CellValue = "") =>
    rows.map((cells) => [...cells, ...Array<CellValue>(width - cells.length).fill(blank)]);

  it("leaves blank rows blank and writes no score where the values give none", () => {
    const out = rescoreHistory([HEADER, row("Acme"), [], row("Beta", "{}")], r, "UTC");
    expect(out.cells).toEqual([
      [`Score ${fp}`, `Band ${fp}`],
      [50, "Yellow"],
      ["", ""],
      ["", "No data"],
    ]);
    expect(out.rescored).toBe(2);
  });

  it("goes after the header's last name, past blank header cells and a gap of blank columns", () => {
    const grid = padded(
      [
        [...HEADER, "", "", "My notes"],
        [...row("Acme"), "", "", "call back"],
      ],
      14,
    );
    expect(rescoreHistory(grid, r, "UTC").column).toBe(10);
  });

  for (const blank of ["", null]) {
    it(`never covers a cell someone wrote past the header (blank cells ${JSON.stringify(blank)})`, () => {
      const grid = padded(
        [[...HEADER, "My notes"], [...row("Acme"), "", "unheaded note"], row("Beta")],
        12,
        blank,
      );
      expect(rescoreHistory(grid, r, "UTC").column).toBe(9);
    });
  }

  it("refills an existing pair only where its two columns stand side by side", () => {
    const grid = [
      [...HEADER, `Score ${fp}`, "My notes", `Band ${fp}`],
      [...row("Acme"), 50, "call back", "Yellow"],
    ];
    expect(rescoreHistory(grid, r, "UTC").column).toBe(10);
  });

  it("says which header row it needs when the history has none it can use", () => {
    const message = new Error(
      "The history has no header row naming Date, Account, Score, Band, Coverage, Rubric: rescore a Health History sheet or its CSV export, header row included.",
    );
    const noRubric = [HEADER.filter((h) => h !== "Rubric"), row("Acme").slice(0, 5)];
    const noAccount = [HEADER.map((h) => (h === "Account" ? "Customer" : h)), row("Acme")];
    const tooLow = [["Health History"], [], [], [], [], HEADER, row("Acme")];
    for (const grid of [noRubric, noAccount, tooLow])
      expect(() => rescoreHistory(grid, r, "UTC")).toThrow(message);
  });
});

describe("the 10 M cell limit", () => {
  it("is said past 80%, and a write past it is refused", () => {
    expect(cellBudget(1_000_000, 1_400, "This snapshot")).toEqual({});
    expect(cellBudget(7_998_600, 1_400, "This snapshot")).toEqual({}); // 80% exactly
    expect(cellBudget(9_998_600, 1_400, "This snapshot")).toEqual({
      warn: expect.stringMatching(/^This snapshot takes the spreadsheet to 10.0 M of the 10 M cells/),
    }); // full, not past it
    expect(cellBudget(7_999_000, 1_400, "This snapshot").warn).toBe(
      "This snapshot takes the spreadsheet to 8.0 M of the 10 M cells Google Sheets holds (past 80%): delete old history rows you no longer need (or move them to another spreadsheet), or delete empty rows and columns of other sheets before it is full.",
    );
    expect(cellBudget(9_999_000, 1_400, "This snapshot").refuse).toMatch(
      /^This snapshot needs 1,400 more cells, which would take the spreadsheet to 10.0 M cells, past the 10 M Google Sheets holds: .*then try again\.$/,
    );
  });
});

describe("fingerprints in headers", () => {
  it("always have eight hex digits, leading zeros included, so `Score <fp>` is found again", () => {
    const fps = Array.from({ length: 64 }, (_, i) => rubricFingerprint(rubric({ metrics: [pct(`c${i}`)] })));
    expect(fps.some((fp) => fp.startsWith("0"))).toBe(true);
    for (const fp of fps) expect(fp).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("snapshot rows", () => {
  const r = rubric({ metrics: [pct("NPS")] });
  const result = scoreRow(r, { NPS: 80 });

  it("are one per scored account, leaving out rows without an account or a score", () => {
    const rows = snapshotRows(
      "2026-11-30",
      ["Acme", "", "Beta", "Gamma"],
      [result, result, undefined, result],
      "f1",
    );
    expect(rows.map((s) => s.account)).toEqual(["Acme", "Gamma"]);
    expect(rows[0]).toStrictEqual({
      date: "2026-11-30",
      account: "Acme",
      score: 80,
      band: "Green",
      coverage: 1,
      rubric: "f1",
    });
  });

  it("keep the values read only where there are some", () => {
    const rows = snapshotRows("2026-11-30", ["Acme", "Beta"], [result, result], "f1", [
      { NPS: 80 },
      undefined,
    ]);
    expect(rows[0]?.values).toEqual({ NPS: 80 });
    expect(rows[1]).not.toHaveProperty("values");
  });
});

describe("the Values cell", () => {
  it("leaves out invalid dates and numbers that are not finite", () => {
    expect(
      valuesText({ Renewal: new Date("soon"), NPS: Number.NaN, ARR: Number.POSITIVE_INFINITY }, "UTC"),
    ).toBe("{}");
  });

  it("holds exactly 50,000 characters, and refuses one more with the count", () => {
    // {"<name>":1} is the name and 6 characters: the count includes the names.
    const named = (length: number) => ({ ["k".repeat(length - 6)]: 1 });
    expect(valuesText(named(50_000), "UTC")).toHaveLength(50_000);
    expect(() => valuesText(named(50_001), "UTC")).toThrow(
      new Error(
        "The cells the rubric reads take 50001 characters for one account, more than the 50000 a cell holds: have the rubric read fewer columns.",
      ),
    );
  });

  it("is read back trimmed, and only as a JSON object", () => {
    expect(parseValues(' {"NPS":8} ')).toEqual({ NPS: 8 });
    expect(parseValues("5")).toBeUndefined();
    expect(parseValues("null")).toBeUndefined();
    expect(parseValues(8)).toBeUndefined();
  });
});

describe("reading Health History", () => {
  const HEADER = ["Date", "Account", "Score", "Band", "Coverage", "Rubric"];

  it("finds the header row below a title, and reads only the rows under it", () => {
    const rows = readHistory(
      [
        ["2026-11-30", "Exported by Ann"],
        [],
        ["Account", "Date", "Score"],
        HEADER,
        ["2026-11-02", "Acme", 70, "Green", 1, "f1"],
      ],
      "UTC",
    );
    expect(rows).toStrictEqual([snap("2026-11-02", "Acme", 70)]);
  });

  it("skips rows without an account or a readable date", () => {
    const rows = readHistory(
      [
        HEADER,
        ["2026-11-02", "", 70, "Green", 1, "f1"],
        ["last week", "Acme", 70, "Green", 1, "f1"],
        ["2026-11-09", "Beta", 60, "Yellow", 1, "f1"],
      ],
      "UTC",
    );
    expect(rows.map((s) => s.account)).toEqual(["Beta"]);
  });

  it("reads each rescored pair, leaving out the rows it left blank", () => {
    const [acme, beta, gamma] = readHistory(
      [
        [...HEADER, "Values", "Score 0badf00d", "Band 0badf00d"],
        ["2026-11-02", "Acme", 70, "Green", 1, "f1", "{}", 35, "Red"],
        ["2026-11-02", "Beta", 70, "Green", 1, "0badf00d", "{}", "", ""],
        ["2026-11-02", "Gamma", 70, "Green", 1, "f1", "{}", "", "No data"],
      ],
      "UTC",
    );
    expect(acme?.rescored).toStrictEqual({ "0badf00d": { score: 35, band: "Red" } });
    expect(beta).not.toHaveProperty("rescored");
    expect(gamma?.rescored).toStrictEqual({ "0badf00d": { score: null, band: "No data" } });
  });

  it("reads a rescored column whose pair was deleted alone", () => {
    const [acme, beta] = readHistory(
      [
        [...HEADER, "Score 0badf00d", "Band 12345678"],
        [new Date("2026-11-02T00:00:00Z"), 1001, 70, "Green", 1, "f1", 35, ""],
        ["2026-11-02", 1002, 70, "Green", 1, "f1", "", "Red"],
      ],
      "UTC",
    );
    expect(acme?.rescored).toStrictEqual({ "0badf00d": { score: 35, band: "" } });
    expect(beta?.rescored).toStrictEqual({ "12345678": { score: null, band: "Red" } });
  });
});

describe("comparing with earlier snapshots", () => {
  it("takes the latest earlier snapshot whatever the rows' order, the later row of one day", () => {
    const previous = previousSnapshots(
      [snap("2026-11-09", "Acme", 64), snap("2026-11-09", "Acme", 66), snap("2026-11-02", "Acme", 70)],
      "2026-11-16",
      "f1",
    );
    expect(previous.get("acme")?.score).toBe(66);
  });

  it("shows no trend against a snapshot without a score", () => {
    expect(trendText(64, snap("2026-11-09", "Acme", null, "No data"))).toBe("");
  });

  it("knows a drop to the lowest band, and that the same band is no drop", () => {
    const r = rubric({ metrics: [pct("NPS")] });
    expect(droppedBand(r, "Red", "Yellow")).toBe(true);
    expect(droppedBand(r, "Yellow", "Yellow")).toBe(false);
  });

  it("measures a change across rows of any order and any spelling of the account", () => {
    const byAccount = historyByAccount([
      snap("2026-11-16", " ACME", 80),
      snap("2026-11-02", "Acme", 50),
      snap("2026-11-09", "acme ", 60),
    ]);
    expect(scoreChange(byAccount, "Acme", 1)).toBe(20);
    expect(scoreChange(byAccount, "Acme", 2)).toBe(30);
  });

  it("takes the later row of two snapshots on one day as that day's", () => {
    const byAccount = historyByAccount([
      snap("2026-11-02", "Acme", 50),
      snap("2026-11-09", "Acme", 60),
      snap("2026-11-09", "Acme", 66),
    ]);
    expect(scoreChange(byAccount, "Acme", 1)).toBe(16);
  });

  it("finds the weeks apart in a long history written in any order", () => {
    // 200 weekly snapshots from 2023-01-02, score = week number, in a scrambled order.
    const weeks = Array.from({ length: 200 }, (_, i) => (i * 73) % 200);
    const byAccount = historyByAccount(
      weeks.map((w) => snap(dayToIso((isoDay("2023-01-02") as number) + 7 * w), "Acme", w)),
    );
    expect(byAccount.get("acme")?.map((s) => s.score)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(scoreChange(byAccount, "Acme", 52)).toBe(52);
  });

  it("measures from the latest snapshot with a score, against the latest before it with a score", () => {
    const noScore = (date: string, rescored: Snapshot["rescored"]) => ({
      ...snap(date, "Acme", null, "No data", "old"),
      rescored,
    });
    const byAccount = historyByAccount([
      snap("2026-11-02", "Acme", 40),
      {
        ...snap("2026-11-09", "Acme", 60, "Yellow", "old"),
        rescored: { f1: { score: null, band: "No data" } },
      },
      snap("2026-11-16", "Acme", 70),
      noScore("2026-11-23", { old: { score: 20, band: "Red" } }),
    ]);
    expect(scoreChange(byAccount, "Acme", 1)).toBe(30); // 70 on 11-16 against 40 on 11-02
  });

  it("counts a row without its own score once it is rescored under the latest rubric", () => {
    const byAccount = historyByAccount([
      {
        ...snap("2026-11-02", "Acme", null, "No data", "old"),
        rescored: { f1: { score: 55, band: "Yellow" } },
      },
      snap("2026-11-16", "Acme", 70),
    ]);
    expect(scoreChange(byAccount, "Acme", 2)).toBe(15);
  });
});

describe("the weekly snapshot", () => {
  const week = [
    "2026-11-30",
    "2026-12-01",
    "2026-12-02",
    "2026-12-03",
    "2026-12-04",
    "2026-12-05",
    "2026-12-06",
  ];

  it("is due on any day of a week (Monday to Sunday) without a snapshot yet", () => {
    for (const today of week) {
      expect(weeklySnapshotDue([snap("2026-11-29", "Acme", 70)], today)).toBe(true);
      expect(weeklySnapshotDue([], today)).toBe(true);
    }
  });

  it("is not due again in the week of a snapshot, from its Monday to its Sunday", () => {
    for (const today of week) {
      expect(weeklySnapshotDue([snap("2026-11-30", "Acme", 70)], today)).toBe(false);
      expect(weeklySnapshotDue([snap("2026-11-29", "Acme", 70), snap(today, "Acme", 70)], today)).toBe(false);
    }
    expect(weeklySnapshotDue([snap("2026-12-06", "Acme", 70)], "2026-12-07")).toBe(true);
  });

  it("ignores a snapshot whose date cannot be read, and says when today is not a date", () => {
    expect(weeklySnapshotDue([snap("someday", "Acme", 70)], "2026-12-02")).toBe(true);
    expect(() => weeklySnapshotDue([], "2026-13-01")).toThrow(
      new Error('"2026-13-01" is not a date: write it as YYYY-MM-DD.'),
    );
  });
});

describe("scoring kept values", () => {
  it("reads the Values cells whatever the spacing or case of their names", () => {
    const spaced = rubric({ metrics: [pct("NPS"), pct("usage")] });
    const kept = (values: Record<string, CellValue>) => ({ ...snap("2026-11-02", "Acme", 1), values });
    const [a, b] = scoreValues(
      spaced,
      [kept({ NPS: 20, "Usage ": 80 }), kept({ nps: 100, USAGE: 100 })],
      "UTC",
    );
    expect(a?.score).toBe(50);
    expect(b?.score).toBe(100);
  });

  it("gives one result per snapshot, undefined for those without values", () => {
    const r = rubric({ metrics: [pct("NPS")] });
    const out = scoreValues(r, [{ ...snap("2026-11-02", "Acme", 1), values: { NPS: 80 } }, undefined], "UTC");
    expect(out).toHaveLength(2);
    expect(out[1]).toBeUndefined();
  });
});
