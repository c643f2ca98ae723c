/** cli/main.ts: the command line's words, its exit codes, and what it reads from the terminal. */
import { describe, expect, it } from "vitest";
import { cli, cliWith, file, SIMPLE, SIMPLE_HEADER } from "./cli";

const TWO = file("two.csv", `${SIMPLE_HEADER}\nAcme,0.2,1,3,2,0\nBeta,0.9,8,10,0,25\n`);
const TABLE = ["score", TWO, ...SIMPLE];
const ACME_DRIVERS =
  "Seat utilisation 0.2 (−32); Key features used 1 (−23); NPS 3 (−23); flag: No login in 30 days (cap 39)";
const RED = "\x1b[48;2;244;199;195m\x1b[30m";

/** The first line of what went to stderr, when the command failed with `status`. */
async function refusal(status: number, ...args: string[]): Promise<string> {
  const r = await cli(...args);
  expect(r.stdout).toBe("");
  expect(r.status).toBe(status);
  return r.stderr.split("\n")[0] as string;
}

describe("healthscore's command line", () => {
  it("prints the usage, exit 0, with --help or no command", async () => {
    for (const args of [[], ["--help"], ["-h"], ["score", "--help"]]) {
      const r = await cli(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^Usage:\n {2}healthscore score <data\.csv> --rubric <rubric\.json>/);
      expect(r.stdout).toMatch(/Values\), oldest week first\.\n$/);
    }
  });

  it("answers an unknown command or option with a usage error (exit 2) in one sentence", async () => {
    const unknown = await cli("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^healthscore: Unknown command "frobnicate"\.\n\nUsage:\n/);
    expect(await refusal(2, "score", TWO, "--bogus")).toMatch(/^healthscore: Unknown option '--bogus'\. /);
    expect(await refusal(2, "score", TWO, "--rubric")).toMatch(
      /^healthscore: Option '-r, --rubric <value>' argument missing$/,
    );
  });

  it("says what each command needs: one file, and a rubric", async () => {
    expect(await refusal(2, "validate")).toBe("healthscore: validate takes one rubric file.");
    expect(await refusal(2, "validate", "a.json", "b.json")).toBe(
      "healthscore: validate takes one rubric file.",
    );
    expect(await refusal(2, "score", ...SIMPLE)).toBe("healthscore: score takes one data file.");
    expect(await refusal(2, "plan", TWO, TWO, ...SIMPLE)).toBe("healthscore: plan takes one data file.");
    expect(await refusal(2, "score", TWO)).toBe("healthscore: score needs --rubric <rubric.json>.");
    expect(await refusal(2, "plan", TWO)).toBe("healthscore: plan needs --rubric <rubric.json>.");
    expect(await refusal(2, "sql", TWO, ...SIMPLE)).toBe(
      "healthscore: sql takes no file: give the data with --run <data.csv>.",
    );
    expect(await refusal(2, "sql", "--dialect", "duckdb")).toBe(
      "healthscore: sql needs --rubric <rubric.json>.",
    );
    expect(await refusal(2, "sql", ...SIMPLE, "--dialect", "duckdb", "--table", "t", "--out", "x.csv")).toBe(
      "healthscore: --out goes with --run <data.csv>.",
    );
  });

  it("refuses a format the command cannot write, and an encoding that is not one", async () => {
    expect(await refusal(2, ...TABLE, "--format", "yaml")).toBe(
      'healthscore: --format must be table, csv or json, not "yaml".',
    );
    expect(await refusal(2, "plan", TWO, ...SIMPLE, "--format", "csv")).toBe(
      'healthscore: --format must be table or json, not "csv".',
    );
    expect(await refusal(2, ...TABLE, "--encoding", "klingon")).toBe(
      'healthscore: --encoding must be a text encoding such as windows-1252 or utf-16le, not "klingon".',
    );
  });

  it("exits 1 when a command fails on its input, saying why in one sentence", async () => {
    expect(await refusal(1, "score", "nope.csv", ...SIMPLE)).toBe(
      'healthscore: Cannot read data file "nope.csv": no such file.',
    );
  });

  it("prints plain text into a pipe, and colours the bands on a terminal", async () => {
    const piped = await cliWith({ env: {} }, ...TABLE);
    expect(piped.stdout).toBe(
      [
        "Account   Score  Band     Cover  Drivers",
        `Acme       14.1  Red       100%  ${ACME_DRIVERS}`,
        "Beta      100.0  Green     100%  ",
        "",
        "2 accounts: Red 1 · Green 1",
        "",
      ].join("\n"),
    );
    const terminal = await cliWith({ env: {}, terminal: 200 }, ...TABLE);
    expect(terminal.stdout).toContain(`Acme       14.1  ${RED}Red    \x1b[0m   100%  ${ACME_DRIVERS}\n`);
    // FORCE_COLOR colours a pipe; --color asks for it; NO_COLOR and --no-color win over both.
    expect((await cliWith({ env: { FORCE_COLOR: "1" } }, ...TABLE)).stdout).toContain(RED);
    expect((await cliWith({ env: {} }, ...TABLE, "--color")).stdout).toContain(RED);
    expect((await cliWith({ env: { NO_COLOR: "1" }, terminal: 200 }, ...TABLE)).stdout).not.toContain(
      "\x1b[",
    );
    expect((await cliWith({ env: { NO_COLOR: "1" } }, ...TABLE, "--color")).stdout).not.toContain("\x1b[");
    expect((await cliWith({ env: {}, terminal: 200 }, ...TABLE, "--no-color")).stdout).not.toContain("\x1b[");
  });

  it("cuts the drivers to the terminal's width, and nothing in a pipe", async () => {
    const narrow = await cliWith({ terminal: 60 }, ...TABLE);
    const acme = `Acme       14.1  Red       100%  ${ACME_DRIVERS.slice(0, 26)}…`;
    expect(acme).toHaveLength(60);
    expect(narrow.stdout.split("\n")[1]).toBe(acme);
    expect((await cli(...TABLE)).stdout.split("\n")[1]).toBe(
      `Acme       14.1  Red       100%  ${ACME_DRIVERS}`,
    );
  });
});
