/** cli/main.ts: the command line's words, its exit codes, and what it reads from the terminal. */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../cli/main";
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

  it("reads each --source it is given, and says on stderr which source rows did not count", async () => {
    const rubric = file(
      "logins.json",
      JSON.stringify({
        key: "Account",
        sources: { logins: { key: "Account", date: "Date" } },
        bands: [{ label: "Red" }, { label: "Green", from: 50 }],
        metrics: [
          {
            id: "logins",
            label: "Logins",
            from: { source: "logins", agg: "count", days: 30 },
            score: { type: "range", worst: 0, best: 4 },
          },
        ],
      }),
    );
    const logins = file("logins.csv", "Account,Date\nAcme,2026-11-20\nAcme,2026-11-21\nGhost,2026-11-21\n");
    const data = file("accounts.csv", "Account\nAcme\nBeta\n");
    const r = await cli(
      "score",
      data,
      "--rubric",
      rubric,
      "--source",
      `logins=${logins}`,
      "--as-of",
      "2026-11-26",
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").slice(1, 3)).toEqual([
      "Acme       50.0  Green     100%  Logins 2 (−50)",
      "Beta        0.0  Red       100%  Logins 0 (−100)",
    ]);
    expect(r.stderr).toBe(
      'healthscore: logins: 1 row of 3 names no account in the data ("Ghost"); they are not counted.\n',
    );
  });

  it("refuses an as-of date that is not one, as a usage error", async () => {
    expect(await refusal(2, ...TABLE, "--as-of", "26/11/2026")).toBe(
      'healthscore: --as-of must be a date written YYYY-MM-DD, not "26/11/2026".',
    );
  });

  it("exits 1 when a command fails on its input, saying why in one sentence", async () => {
    expect(await refusal(1, "score", "nope.csv", ...SIMPLE)).toBe(
      'healthscore: Cannot read data file "nope.csv": no such file.',
    );
  });

  it("says why a rubric cannot be read or used, in one sentence or one list", async () => {
    expect(await refusal(1, "validate", "nope.json")).toBe(
      'healthscore: Cannot read rubric file "nope.json": no such file.',
    );
    expect(await refusal(1, "validate", "test")).toBe(
      'healthscore: Cannot read rubric file "test": it is a folder.',
    );
    expect(await refusal(1, "score", TWO, "--rubric", "nope.json")).toBe(
      'healthscore: Cannot read rubric file "nope.json": no such file.',
    );
    const syntax = file("syntax.json", '{\n  "bands": [,]\n}');
    expect(await refusal(1, "score", TWO, "--rubric", syntax)).toBe(
      `healthscore: Rubric file "${syntax}" is not valid JSON at line 2, column 13: expected a value (text in double quotes, a number, true, false, null, [ or {), found ",".`,
    );
    const bad = file("bad-bands.json", JSON.stringify({ bands: [{ label: "Red", from: 5 }], metrics: [] }));
    const r = await cli("score", TWO, "--rubric", bad);
    expect([r.status, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toMatch(
      new RegExp(`^healthscore: The rubric "${bad}" has \\d+ problems?:\n {2}bands\\[0\\]\\.from: `),
    );
  });

  it("waits for a slow reader instead of piling the output up in memory", async () => {
    let out = "";
    // Takes one chunk at a time, a moment later: every write past the first says "wait".
    const stdout = new Writable({
      highWaterMark: 1,
      write(chunk, _encoding, done) {
        out += String(chunk);
        setImmediate(done);
      },
    });
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const status = await main([...TABLE, "--format", "csv"], { stdout, stderr, env: {} });
    expect(status).toBe(0);
    expect(out.split("\n")).toHaveLength(4);
    expect(out).toMatch(/^Account,.*,Coverage\nAcme,/);
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

  it("runs each command it names: validate, plan, calibrate, history", async () => {
    const valid = await cli("validate", "examples/simple-ryg.json");
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^examples\/simple-ryg\.json: valid rubric "/);
    for (const format of ["table", "json"]) {
      const plan = await cli("plan", TWO, ...SIMPLE, "--format", format);
      expect([plan.status, plan.stderr]).toEqual([0, ""]);
      expect(plan.stdout).toMatch(
        format === "table" ? /\nAcme +Red → Yellow/ : /^\[\n {2}\{\n {4}"band": "Red",/,
      );
    }
    expect(await refusal(2, "calibrate", TWO, ...SIMPLE)).toBe(
      "healthscore: calibrate needs --outcome <column>: the column saying who churned.",
    );
    expect(await refusal(2, "history")).toBe("healthscore: history takes rescore or backfill, not nothing.");
  });

  it("says what history did on stderr, and scores each snapshot in --time-zone", async () => {
    const history = file(
      "history.csv",
      readFileSync("examples/history.csv", "utf8").split("\n").slice(0, 2).join("\n"),
    );
    const rescore = ["history", "rescore", history, "--rubric", "examples/simple-ryg.json"];
    const r = await cli(...rescore, "--time-zone", "UTC");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/,Score 052edce5,Band 052edce5\n2026-05-28,Xenon Robotics,.*,70\.5,Green\n$/);
    expect(r.stderr).toBe(
      "healthscore: Rescored 1 snapshot under examples/simple-ryg.json (052edce5) into the columns Score 052edce5 and Band 052edce5; the old scores are unchanged.\n",
    );
    expect(await refusal(2, ...rescore, "--time-zone", "Mars/Olympus")).toMatch(
      /^healthscore: --time-zone must be a time zone name/,
    );
  });

  it("prints the SQL for the dialect, table, sources, time zone and as-of date it is given", async () => {
    const sql = async (...args: string[]) => {
      const r = await cli("sql", "--rubric", "examples/lifecycle.json", "--table", "crm.accounts", ...args);
      expect([r.status, r.stderr]).toEqual([0, ""]);
      return r.stdout;
    };
    const paris = await sql("--dialect", "postgres", "--time-zone", "Europe/Paris");
    expect(paris).toMatch(/^WITH hs__1 AS MATERIALIZED \(\n/);
    expect(paris).toContain("FROM crm.accounts AS hs__t");
    expect(paris).toContain("now() AT TIME ZONE 'Europe/Paris'");
    expect(await sql("--dialect", "postgres", "--as-of", "2026-11-26")).not.toBe(
      await sql("--dialect", "postgres"),
    );
    expect(await sql("--dialect", "duckdb")).not.toBe(await sql("--dialect", "postgres"));
    const sources = await cli(
      "sql",
      "--rubric",
      "examples/from-activity.json",
      "--dialect",
      "duckdb",
      "--table",
      "accounts",
      "--source",
      "logins=web.logins",
      "--source",
      "nps=survey.nps",
    );
    expect(sources.stdout).toContain("FROM web.logins");
    expect(sources.stdout).toContain("FROM survey.nps");
    expect(sources.stdout).toContain("FROM tickets");
  });

  it("scores a file with sql --run: CSV on stdout, or written to --out", async () => {
    const one = file("one.csv", `${SIMPLE_HEADER}\nAcme,0.2,1,3,2,0\n`);
    const scored = `${SIMPLE_HEADER},health_score,health_band,health_color,health_coverage,health_flags,health_drivers\nAcme,0.2,1,3,2,0,14.1,Red,"#f4c7c3",1.0,No login in 30 days,${ACME_DRIVERS}\n`;
    const r = await cli("sql", "--rubric", "examples/simple-ryg.json", "--run", one);
    expect(r).toEqual({ status: 0, stdout: scored, stderr: "" });
    const out = file("scored.csv", "");
    const written = await cli("sql", "--rubric", "examples/simple-ryg.json", "--run", one, "--out", out);
    expect(written).toEqual({ status: 0, stdout: `Wrote ${out}.\n`, stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(scored);
  });

  it("calls a failure it did not expect an unexpected error, in one line, exit 1", async () => {
    const failing = (e: Error) => {
      const stdout = new Writable({
        write(_chunk, _encoding, done) {
          done(e);
        },
      });
      stdout.on("error", () => {});
      return stdout;
    };
    for (const [e, said] of [
      [new Error("disk full"), "healthscore: unexpected error: disk full\n"],
      // A TypeError is only a usage error when parseArgs says so.
      [
        Object.assign(new TypeError("bad argument"), { code: "ERR_INVALID_ARG_TYPE" }),
        "healthscore: unexpected error: bad argument\n",
      ],
      [new TypeError("no code"), "healthscore: unexpected error: no code\n"],
    ] as const) {
      let stderr = "";
      const err = new Writable({
        write(chunk, _encoding, done) {
          stderr += String(chunk);
          done();
        },
      });
      const status = await main(["validate", "examples/simple-ryg.json"], {
        stdout: failing(e),
        stderr: err,
        env: {},
      });
      expect([status, stderr]).toEqual([1, said]);
    }
  });
});

describe("the progress line of healthscore score", () => {
  afterEach(() => vi.restoreAllMocks());

  /** Each look at the clock a second later than the last: every batch redraws the line. */
  const slowClock = () => {
    let now = 0;
    vi.spyOn(Date, "now").mockImplementation(() => (now += 1000));
  };

  it("shows on a terminal's stderr while the output goes to a pipe or file, and is cleared at the end", async () => {
    slowClock();
    const r = await cliWith({ stderrTerminal: true }, ...TABLE);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("\r\x1b[K2 rows scored, 2 rows/s\r\x1b[K");
  });

  it("is not shown when stderr is not a terminal, or the output goes to the same terminal", async () => {
    slowClock();
    expect((await cli(...TABLE)).stderr).toBe("");
    expect((await cliWith({ stderrTerminal: true, terminal: 200 }, ...TABLE)).stderr).toBe("");
  });
});
