/** cli/sources.ts: `--source name=file`, checked against the rubric, read, and said when wrong. */
import { describe, expect, it } from "vitest";
import { cli, file } from "./cli";

/** A rubric reading two sources, one with a one-letter name. */
const RUBRIC = file(
  "two-sources.json",
  JSON.stringify({
    key: "Account",
    sources: { l: { key: "Account", date: "Date" }, tickets: { key: "Account", date: "Opened" } },
    bands: [{ label: "Red" }, { label: "Green", from: 50 }],
    metrics: [
      {
        id: "logins",
        label: "Logins",
        from: { source: "l", agg: "count", days: 30 },
        score: { type: "range", worst: 0, best: 4 },
      },
      {
        id: "t",
        label: "Tickets",
        from: { source: "tickets", agg: "count" },
        score: { type: "range", worst: 5, best: 0 },
      },
    ],
  }),
);
const DATA = file("one-account.csv", "Account\nAcme\n");
// A title row above the header, as exports have: the header is the row naming the source's columns.
const LOGINS = file("l.csv", "Logins export,from the CRM\nAccount,Date\nAcme,2026-11-20\n");
const TICKETS = file("tickets.csv", "Account,Opened\nAcme,2026-11-20\n");
const SCORE = ["score", DATA, "--rubric", RUBRIC, "--as-of", "2026-11-26"];

/** The error a command ends with, and its exit code. */
async function said(...args: string[]): Promise<[number, string]> {
  const r = await cli(...args);
  expect(r.stdout).toBe("");
  return [r.status, r.stderr];
}

describe("--source", () => {
  it("reads each source's file, its name trimmed, a one-letter name too", async () => {
    const r = await cli(...SCORE, "--source", ` l =${LOGINS}`, "--source", `tickets=${TICKETS}`);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[1]).toBe("Acme       52.5  Green     100%  Logins 1 (−38); Tickets 1 (−10)");
  });

  it("says on stderr which source rows did not count, with their file and row", async () => {
    const logins = file(
      "l-notes.csv",
      "Logins export,from the CRM\nAccount,Date\nAcme,2026-11-20\nAcme,2026-13-01\nGhost,2026-11-21\n",
    );
    const r = await cli(...SCORE, "--source", `l=${logins}`, "--source", `tickets=${TICKETS}`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      [
        'healthscore: l: 1 row of 3 names no account in the data ("Ghost"); they are not counted.',
        `healthscore: l: 1 row has no readable Date (${logins} row 4: "2026-13-01"); write dates as YYYY-MM-DD. They are not counted.`,
        "",
      ].join("\n"),
    );
    // A rubric that reads no source has nothing to say.
    expect((await cli("score", DATA, "--rubric", "examples/simple-ryg.json")).stderr).toMatch(
      /no columns "Seat utilisation"/,
    );
  });

  it("names the sources the rubric reads that are not given, one or several", async () => {
    expect(await said(...SCORE)).toEqual([
      1,
      'healthscore: The rubric reads the sources "l", "tickets": give their files with --source l=<l.csv> --source tickets=<tickets.csv>.\n',
    ]);
    expect(await said(...SCORE, "--source", `l=${LOGINS}`)).toEqual([
      1,
      'healthscore: The rubric reads the source "tickets": give its file with --source tickets=<tickets.csv>.\n',
    ]);
  });

  it("refuses a --source without a name or a file, showing it written as the command needs it", async () => {
    for (const spec of ["=x.csv", "l=", "l"])
      expect(await said(...SCORE, "--source", spec)).toEqual([
        2,
        `healthscore: --source must be written name=file, like --source logins=logins.csv, not "${spec}".\n`,
      ]);
    expect(
      await said("sql", "--rubric", RUBRIC, "--dialect", "duckdb", "--table", "a", "--source", "l"),
    ).toEqual([
      2,
      'healthscore: --source must be written name=table, like --source logins=analytics.logins, not "l".\n',
    ]);
  });

  it("refuses a source the rubric does not declare, saying which it does", async () => {
    expect(await said("score", DATA, "--rubric", "examples/simple-ryg.json", "--source", "l=x.csv")).toEqual([
      2,
      'healthscore: --source l: the rubric has no source "l" (the rubric declares no sources).\n',
    ]);
    expect(await said(...SCORE, "--source", "web=x.csv")).toEqual([
      2,
      'healthscore: --source web: the rubric has no source "web" (the rubric\'s sources are l, tickets).\n',
    ]);
  });

  it("names the files of the sources that lack a column", async () => {
    const bad = file("when.csv", "Account,When\nAcme,2026-11-20\n");
    expect(await said(...SCORE, "--source", `l=${bad}`, "--source", `tickets=${TICKETS}`)).toEqual([
      1,
      `healthscore: ${bad}: The source "l" has no column "Date" (read by its date): add it to its header row, or change the rubric.\n`,
    ]);
    const [, both] = await said(...SCORE, "--source", `l=${bad}`, "--source", `tickets=${bad}`);
    expect(both).toMatch(new RegExp(`^healthscore: ${bad}, ${bad}: The source "l" has no column "Date"`));
  });
});
