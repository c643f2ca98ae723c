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

  it("says in one sentence when the file is not a history export", async () => {
    const r = await cli("history", "rescore", "examples/customers.csv", "--rubric", CHANGED);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^healthscore: examples\/customers\.csv: the first line must be the Health History header \(Date, Account, Score, Band, Coverage, Rubric, Values\), not "Account,Segment,.*": export the Health History sheet with File → Download → CSV\.\n$/,
    );
    const verb = await cli("history", "replay", "h.csv");
    expect(verb.status).toBe(2);
    expect(verb.stderr).toMatch(/^healthscore: history takes rescore or backfill, not "replay"\./);
  });
});
