import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cli, file, tmpPath } from "./cli";

const SOURCES = ["logins", "tickets", "nps"].flatMap((s) => ["--source", `${s}=examples/${s}.csv`]);
const ZONE = ["--time-zone", "UTC"];
const RUBRIC = JSON.parse(readFileSync("examples/from-activity.json", "utf8"));
/** The same rubric with other weights and a higher Green: a rubric change. */
const CHANGED = file(
  "changed.json",
  JSON.stringify({
    ...RUBRIC,
    metrics: RUBRIC.metrics.map((m: { weight?: number }, i: number) => ({ ...m, weight: i === 0 ? 1 : 4 })),
    bands: RUBRIC.bands.map((b: { from?: number }, i: number) => (i === 2 ? { ...b, from: 75 } : b)),
  }),
);
const csv = (text: string) => parse(text) as string[][];

async function backfill(rubric: string, weeks: string, out: string) {
  const r = await cli(
    "history",
    "backfill",
    "examples/customers.csv",
    "--rubric",
    rubric,
    ...SOURCES,
    "--weeks",
    weeks,
    "--as-of",
    "2026-11-26",
    ...ZONE,
    "--out",
    out,
  );
  expect(r.stderr).toMatch(/^healthscore: Backfilled/);
  expect(r.status).toBe(0);
  return csv(readFileSync(out, "utf8"));
}

describe("healthscore history backfill", () => {
  it("writes the Health History layout, each week scored as `score --as-of` that week scores it", async () => {
    const history = await backfill("examples/from-activity.json", "4", tmpPath("backfill.csv"));
    expect(history[0]).toEqual(["Date", "Account", "Score", "Band", "Coverage", "Rubric", "Values"]);
    expect([...new Set(history.slice(1).map((r) => r[0]))]).toEqual([
      "2026-11-05",
      "2026-11-12",
      "2026-11-19",
      "2026-11-26",
    ]);
    for (const date of ["2026-11-12", "2026-11-26"]) {
      const scored = await cli(
        "score",
        "examples/customers.csv",
        "--rubric",
        "examples/from-activity.json",
        ...SOURCES,
        "--as-of",
        date,
        ...ZONE,
        "--format",
        "csv",
      );
      const [header, ...rows] = csv(scored.stdout);
      const at = (name: string) => (header as string[]).indexOf(name);
      const expected = rows
        .filter((r) => r[0] !== "")
        .map((r) => [
          r[0],
          r[at("Health Score")] === "No data" ? "" : r[at("Health Score")],
          r[at("Health Band")],
        ]);
      expect(history.filter((r) => r[0] === date).map((r) => [r[1], r[2], r[3]])).toEqual(expected);
    }
  });

  it("refuses a rubric that reads no source, and weeks that are not a number", async () => {
    const plain = await cli(
      "history",
      "backfill",
      "examples/customers.csv",
      "--rubric",
      "examples/simple-ryg.json",
    );
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(
      /^healthscore: examples\/simple-ryg\.json: The rubric reads no source of raw activity/,
    );
    const weeks = await cli(
      "history",
      "backfill",
      "examples/customers.csv",
      "--rubric",
      "examples/from-activity.json",
      "--weeks",
      "six",
    );
    expect(weeks.status).toBe(2);
    expect(weeks.stderr).toBe(
      'healthscore: --weeks must be a whole number of weeks, 1 or more, not "six".\n',
    );
  });
});

describe("healthscore history backfill, as told", () => {
  const run = (...args: string[]) => cli("history", "backfill", ...args, "--as-of", "2026-11-26", ...ZONE);
  /** The sample accounts under the from-activity starter, with its three sources. */
  const SAMPLE = ["examples/customers.csv", "--rubric", "examples/from-activity.json", ...SOURCES];

  it("backfills 26 weeks by default, and one week when told, saying what it read", async () => {
    const all = await run(...SAMPLE);
    expect(
      new Set(
        csv(all.stdout)
          .slice(1)
          .map((r) => r[0]),
      ).size,
    ).toBe(26);
    const one = await run(...SAMPLE, "--weeks", "1");
    expect(one.stderr).toBe(
      "healthscore: Backfilled 1 week (2026-11-26 to 2026-11-26) of 200 accounts from examples/logins.csv, examples/nps.csv, examples/tickets.csv. Seat utilisation is a column of examples/customers.csv with no past: every week reads its cells as they are.\n",
    );
    expect(csv(one.stdout)).toHaveLength(201);
  });

  it("finds the key column wherever it is, skips blank rows, reads --encoding, and names several undated columns", async () => {
    const [header, ...rows] = csv(readFileSync("examples/customers.csv", "utf8"));
    const head = header as string[];
    // Account second, a blank row, an accented name in Windows-1252.
    const moved = [head, ...rows.slice(0, 3)].map((r) => [r[1], r[0], ...r.slice(2)].join(","));
    moved.splice(2, 0, ",".repeat(head.length - 1));
    moved[1] = moved[1]?.replace("Xenon Robotics", "Xénon Robotics") as string;
    const data = file("moved.csv", Buffer.from(`${moved.join("\n")}\n`, "latin1"));
    const keyed = { ...RUBRIC, key: " ACCOUNT " };
    keyed.metrics = [
      ...RUBRIC.metrics,
      { id: "csat", label: "CSAT", column: "CSAT", score: { type: "range", worst: 1, best: 5 } },
    ];
    const rubric = file("keyed.json", JSON.stringify(keyed));
    const r = await run(data, "--rubric", rubric, ...SOURCES, "--weeks", "1", "--encoding", "windows-1252");
    expect(r.stderr).toBe(
      `healthscore: Backfilled 1 week (2026-11-26 to 2026-11-26) of 3 accounts from examples/logins.csv, examples/nps.csv, examples/tickets.csv. Seat utilisation, CSAT are columns of ${data} with no past: every week reads its cells as they are.\n`,
    );
    const scored = csv(r.stdout).slice(1);
    expect(scored.map((row) => row[1])).toEqual(["Xénon Robotics", "Maple Analytics", "Cedar Media"]);
    // The sources counted for each account (the renamed one has none): its key was read from the Account column.
    const same = csv((await run(...SAMPLE, "--weeks", "1")).stdout);
    const logins = (row: string[] | undefined) =>
      JSON.parse(row?.[6] as string)["count of logins, last 30 days"];
    expect(scored.map(logins)).toEqual([0, logins(same[2]), logins(same[3])]);
    expect(logins(same[2])).toBeGreaterThan(0);
  });

  it("names the data file or the source file that lacks a column", async () => {
    const data = file("no-seats.csv", "Account,Segment\nAcme,SMB\n");
    let r = await run(data, "--rubric", "examples/from-activity.json", ...SOURCES, "--weeks", "1");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^healthscore: ${data}: The data has no column "Seat utilisation"`));
    const logins = file("logins-no-user.csv", "Account,When\nAcme,2026-11-01\n");
    const others = SOURCES.slice(2);
    r = await run(
      "examples/customers.csv",
      "--rubric",
      "examples/from-activity.json",
      "--source",
      `logins=${logins}`,
      ...others,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^healthscore: ${logins}: The source "logins" has no column`));
  });
});

describe("healthscore history, its command line", () => {
  it("takes one file after rescore or backfill, and a rubric", async () => {
    const first = async (...args: string[]) => {
      const r = await cli("history", ...args);
      expect(r.status).toBe(2);
      expect(r.stderr.split("\n\n")[1]).toMatch(/^Usage:\n/);
      return r.stderr.split("\n\n")[0];
    };
    expect(await first("rescore", "--rubric", "r.json")).toBe(
      "healthscore: history rescore takes one history file.",
    );
    expect(await first("backfill", "a.csv", "b.csv", "--rubric", "r.json")).toBe(
      "healthscore: history backfill takes one data file.",
    );
    expect(await first("rescore", "h.csv")).toBe(
      "healthscore: history rescore needs --rubric <rubric.json>.",
    );
  });
});

describe("healthscore history rescore", () => {
  it("adds the new rubric's scores beside the old ones: what backfilling under it gives, row for row", async () => {
    const before = await backfill("examples/from-activity.json", "3", tmpPath("before.csv"));
    const direct = await backfill(CHANGED, "3", tmpPath("direct.csv"));
    const r = await cli("history", "rescore", tmpPath("before.csv"), "--rubric", CHANGED, ...ZONE);
    expect(r.status).toBe(0);
    const fp = direct[1]?.[5];
    expect(r.stderr).toBe(
      `healthscore: Rescored 600 snapshots under ${CHANGED} (${fp}) into the columns Score ${fp} and Band ${fp}; the old scores are unchanged.\n`,
    );
    const after = csv(r.stdout);
    expect(after[0]).toEqual([...(before[0] as string[]), `Score ${fp}`, `Band ${fp}`]);
    expect(after.map((row) => row.slice(0, 7))).toEqual(before);
    expect(after.slice(1).map((row) => [row[7], row[8]])).toEqual(
      direct.slice(1).map((row) => [row[2], row[3]]),
    );

    // Run again on its own output: the same file.
    const out = file("after.csv", r.stdout);
    const again = await cli(
      "history",
      "rescore",
      out,
      "--rubric",
      CHANGED,
      ...ZONE,
      "--out",
      tmpPath("again.csv"),
    );
    expect(again.stdout).toBe("");
    expect(readFileSync(tmpPath("again.csv"), "utf8")).toBe(r.stdout);
  });

  it("keeps rows from before values were kept, and says what it could not rescore", async () => {
    const old = file(
      "old.csv",
      "Date,Account,Score,Band,Coverage,Rubric\n2026-11-02,Acme,70,Green,1,abcdef12\n",
    );
    const r = await cli("history", "rescore", old, "--rubric", CHANGED);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `healthscore: ${old}: no row has Values to rescore (rows written before snapshots kept their values).\n`,
    );
    expect(csv(r.stdout)[1]?.slice(0, 6)).toEqual(["2026-11-02", "Acme", "70", "Green", "1", "abcdef12"]);
  });

  it("reads a semicolon- or tab-separated export with quoted headers, a byte-order mark and ragged rows", async () => {
    const [header, ...rows] = (
      await backfill("examples/from-activity.json", "1", tmpPath("one-week.csv"))
    ).slice(0, 3);
    const quoted = (h: string[], d: string) => h.map((c) => `"${c}"`).join(d);
    const cell = (c: string) => (/[;\t"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    for (const d of [";", "\t"]) {
      const text = [
        quoted(header as string[], d),
        ...rows.map((r) => r.map(cell).join(d)),
        // A row from before snapshots kept values, and one with a note past the columns.
        ["2026-01-05", "Old Co", "50", "Yellow", "1", "abcdef12"].join(d),
        ["2026-01-05", "Noted Co", "50", "Yellow", "1", "abcdef12", "", "", "", "a note"].join(d),
      ].join("\n");
      const history = file(`separated-${d === ";" ? "semicolon" : "tab"}.csv`, `\uFEFF${text}\n`);
      const r = await cli("history", "rescore", history, "--rubric", CHANGED, ...ZONE);
      expect(r.stderr).toMatch(
        /^healthscore: Rescored 2 snapshots under .*; the old scores are unchanged\. 2 have no Values and cannot be rescored\.\n$/,
      );
      const out = csv(r.stdout);
      expect(out[0]).toEqual([
        ...(header as string[]),
        `Score ${out[0]?.[7]?.slice(6)}`,
        `Band ${out[0]?.[7]?.slice(6)}`,
        "",
      ]);
      expect(out[1]?.slice(0, 7)).toEqual(rows[0]);
      expect(out[1]?.[7]).toMatch(/^\d+(\.\d)?$/);
      expect(out[3]).toEqual(["2026-01-05", "Old Co", "50", "Yellow", "1", "abcdef12", "", "", "", ""]);
      expect(out[4]).toEqual([
        "2026-01-05",
        "Noted Co",
        "50",
        "Yellow",
        "1",
        "abcdef12",
        "",
        "",
        "",
        "a note",
      ]);
    }
  });

  it("writes an empty score and No data for a snapshot whose values the rubric does not read", async () => {
    const history = file(
      "empty-values.csv",
      "Date,Account,Score,Band,Coverage,Rubric,Values\n2026-11-02,Acme,70,Green,1,abcdef12,{}\n",
    );
    const r = await cli("history", "rescore", history, "--rubric", CHANGED, ...ZONE);
    expect(csv(r.stdout)[1]?.slice(7)).toEqual(["", "No data"]);
  });

  it("says in one sentence when the file is not a history export", async () => {
    const r = await cli("history", "rescore", "examples/customers.csv", "--rubric", CHANGED);
    expect(r.status).toBe(1);
    const first = readFileSync("examples/customers.csv", "utf8").split("\n")[0] as string;
    expect(first.length).toBeGreaterThan(80);
    expect(r.stderr).toBe(
      `healthscore: examples/customers.csv: the first line must be the Health History header (Date, Account, Score, Band, Coverage, Rubric, Values), not "${first.slice(0, 80)}": export the Health History sheet with File → Download → CSV.\n`,
    );
    const account = file("customer-second.csv", "Date,Customer,Score\n2026-11-02,Acme,70\n");
    expect((await cli("history", "rescore", account, "--rubric", CHANGED)).stderr).toMatch(
      /: the first line must be the Health History header/,
    );
    const unclosed = file("unclosed.csv", 'Date,Account,Score\n2026-11-02,"Acme,70\n');
    expect(await cli("history", "rescore", unclosed, "--rubric", CHANGED)).toEqual({
      status: 1,
      stdout: "",
      stderr: `healthscore: ${unclosed}: Quote Not Closed: the parsing is finished with an opening quote at line 2: is it a CSV export of Health History?\n`,
    });
    const noScore = file("no-score.csv", "Date,Account,Band\n2026-11-02,Acme,Green\n");
    expect(await cli("history", "rescore", noScore, "--rubric", CHANGED)).toEqual({
      status: 1,
      stdout: "",
      stderr: `healthscore: ${noScore}: The history has no header row naming Date, Account, Score, Band, Coverage, Rubric: rescore a Health History sheet or its CSV export, header row included.\n`,
    });
    const verb = await cli("history", "replay", "h.csv");
    expect(verb.status).toBe(2);
    expect(verb.stderr).toMatch(/^healthscore: history takes rescore or backfill, not "replay"\./);
  });
});
