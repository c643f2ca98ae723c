import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLine } from "../../cli/csv";
import { explain, parseRubric, scoreTable } from "../../src/core";
import { cli, cliWith, file, SIMPLE, SIMPLE_HEADER, simpleRow } from "./cli";

const SCORE = [
  "score",
  "examples/customers.csv",
  "--rubric",
  "examples/simple-ryg.json",
  "--as-of",
  "2026-11-26",
];

describe("healthscore score", () => {
  it("prints one line per account and a band summary as a table", async () => {
    const r = await cli(...SCORE);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Account\s+Score\s+Band\s+Cover\s+Drivers$/);
    expect(lines).toHaveLength(1 + 200 + 2);
    expect(lines.at(-1)).toMatch(/^200 accounts: Red \d+ · Yellow \d+ · Green \d+ · No data 1$/);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("colours the band by the rubric's colour when asked", async () => {
    const r = await cliWith({ env: {} }, ...SCORE, "--color");
    expect(r.stdout).toContain("\x1b[48;2;244;199;195m\x1b[30mRed"); // #f4c7c3
  });

  it("prints a JSON array with one object per data row, in order", async () => {
    const rows = JSON.parse((await cli(...SCORE, "--format", "json")).stdout);
    expect(rows).toHaveLength(200);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(["score", "band", "color", "coverage", "drivers", "flags", "missing"]),
      );
    }
    const noData = rows.at(-1);
    expect(noData).toMatchObject({ score: null, band: "No data", coverage: 0 });
  });

  it("writes each row as JSON.stringify writes the core's result, byte for byte, for every starter", async () => {
    // The sample, plus rows whose text cells JSON must escape (a map scorer shows them as written).
    const [headers = [], ...rows] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
    const news = headers.indexOf("Company news");
    for (const text of ['Said "no" \\ left', "tab\there", "Expansion 🎉 à Zürich", "\u0007bell"])
      rows.push(rows[0]?.map((cell, i) => (i === news ? text : cell)) as string[]);
    const data = file("escapes.csv", [headers, ...rows].map((row) => csvLine(row, ",")).join(""));
    for (const name of ["simple-ryg", "points-five-tier", "five-dimensions", "lifecycle"]) {
      const rubric = parseRubric(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")));
      const results = scoreTable(rubric, headers, rows, { asOf: "2026-11-26", timeZone: "UTC" });
      const expected = results.map((r) =>
        JSON.stringify({
          score: r.score,
          band: r.band,
          color: r.color,
          ...(r.action ? { action: r.action } : {}),
          ...(r.segment ? { segment: r.segment } : {}),
          ...(r.note ? { note: r.note } : {}),
          coverage: Math.round(r.coverage * 1000) / 1000,
          drivers: r.drivers.map((d) => ({
            id: d.id,
            label: d.label,
            value: d.value,
            score: Math.round(d.score * 100) / 100,
            impact: Math.round(d.impact * 100) / 100,
          })),
          flags: r.flags,
          missing: r.missing,
          invalid: r.invalid,
          explanation: explain(r),
        }),
      );
      const out = await cli(
        "score",
        data,
        "--rubric",
        `examples/${name}.json`,
        "--as-of",
        "2026-11-26",
        "--time-zone",
        "UTC",
        "--format",
        "json",
      );
      expect(out.stdout).toBe(`[\n${expected.join(",\n")}\n]\n`);
    }
  });

  it("appends the output columns to the CSV and replaces them when scoring its own output", async () => {
    const csv = (await cli(...SCORE, "--format", "csv")).stdout;
    const header = csv.split("\n")[0];
    expect(header).toMatch(/,Churned,Health Score,Health Band,Health Drivers,Coverage$/);
    // Blue Labs has no NPS: three of four metrics cover it, written as a percentage like the input's.
    const blue = csv.split("\n").find((line) => line.startsWith("Blue Labs,"));
    expect(blue?.split(",").slice(-4)).toEqual([
      "59",
      "Yellow",
      "Seat utilisation 0.53 (−19); Open P1 tickets 2 (−12); Key features used 6 (−10)",
      "75%",
    ]);
    expect(csv.trimEnd().split("\n").at(-1)).toMatch(
      /^Falcon Labs,.*,FALSE,,No data,No data: no metric has a value,0%$/,
    );
    const again = await cli(
      "score",
      file("scored.csv", csv),
      "--rubric",
      "examples/simple-ryg.json",
      "--as-of",
      "2026-11-26",
      "--format",
      "csv",
    );
    expect(again.stdout).toBe(csv);
  });

  it("scores the worked example of docs/rubric.md as 40, Stable", async () => {
    const data = file(
      "worked.csv",
      "Account,Years as customer,CSAT,Resolved tickets,Unresolved tickets,Positive reviews\nAcme,2,4,3,2,1\n",
    );
    const [row] = JSON.parse(
      (await cli("score", data, "--rubric", "examples/points-five-tier.json", "--format", "json")).stdout,
    );
    expect(row).toMatchObject({ score: 40, band: "Stable" });
  });
});

describe("healthscore errors", () => {
  it("names every column the data lacks, without a stack trace", async () => {
    const r = await cli(
      "score",
      file("thin.csv", "Account,NPS\nAcme,9\n"),
      "--rubric",
      "examples/simple-ryg.json",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no columns "Seat utilisation" (read by metric "Seat utilisation")');
    expect(r.stderr).toContain('"Logins 30d" (read by flag "No login in 30 days")');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("says which file is missing", async () => {
    const r = await cli("score", "nope.csv", "--rubric", "examples/simple-ryg.json");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('healthscore: Cannot read data file "nope.csv": no such file.');
  });

  it("points at the line of a JSON syntax error", async () => {
    const r = await cli("validate", file("bad.json", '{\n  "bands": [\n    { "label": "Red", }\n  ]\n}\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not valid JSON at line 3, column \d+/);
  });

  it("gives the line and column of a trailing comma inside an array", async () => {
    const path = file(
      "trailing.json",
      '{\n  "bands": [\n    { "label": "Red" },\n  ],\n  "metrics": []\n}\n',
    );
    const r = await cli("validate", path);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `healthscore: Rubric file "${path}" is not valid JSON at line 4, column 3: a comma before "]": remove the last comma.`,
    );
  });

  it("answers a rubric nested 100,000 levels deep with one sentence, not a stack overflow", async () => {
    const deep = `{"bands": [{"label": "Red"}], "metrics": [{"id": "a", "column": "A", "label": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "score": {"type": "map", "values": {"x": 1}}}]}`;
    const r = await cli("validate", file("deep.json", deep));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^ {2}metrics\[0\]\.label(\[0\]){30}: is nested more than 32 levels deep, which no rubric is: check that this is the rubric you meant$/m,
    );
    expect(r.stderr).not.toMatch(/unexpected error|call stack/);
  });

  it("caps a long list of problems", async () => {
    const metrics = Array.from({ length: 10_010 }, (_, i) => ({
      id: `m${i}`,
      column: "A",
      score: { type: "magic" },
    }));
    const r = await cli(
      "validate",
      file("many.json", JSON.stringify({ bands: [{ label: "Red" }], metrics })),
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/has 10,010 problems:$/);
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe("  …and 9,990 more");
  });

  it("lists every rubric problem and exits non-zero", async () => {
    const rubric = {
      bands: [
        { label: "Red", color: "#f00" },
        { label: "Green", from: 70, color: "#0f0" },
        { label: "Yellow", from: 40, color: "#ff0" },
      ],
      metrics: [
        { id: "a", column: "A", weight: -1, score: { type: "range", worst: 0, best: 10 } },
        { id: "a", column: "B", score: { type: "steps", steps: [{ score: 50 }] } },
        { id: "c", column: "C", score: { type: "magic" } },
      ],
    };
    const r = await cli("validate", file("problems.json", JSON.stringify(rubric)));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/has 5 problems:$/);
    expect(r.stderr).toContain("bands[2].from: must be above the previous band's from (70)");
    expect(r.stderr).toContain("metrics[0].weight: must be a number ≥ 0, not -1");
    expect(r.stderr).toContain('metrics[1].id: "a" is used by another metric');
    expect(r.stderr).toContain("metrics[1].score.steps[0]: needs min or max");
    expect(r.stderr).toContain('metrics[2].score.type: unknown scorer type "magic"');
  });

  it("validates every starter rubric", async () => {
    for (const name of ["simple-ryg", "points-five-tier", "five-dimensions", "lifecycle"]) {
      const out = (await cli("validate", `examples/${name}.json`)).stdout;
      expect(out).toMatch(/valid rubric/);
      expect(out).not.toContain("warning");
    }
  });

  it("calls an unknown time zone a usage error, not an unexpected one", async () => {
    const r = await cli(...SCORE, "--time-zone", "Mars/Olympus");
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'healthscore: --time-zone must be a time zone name such as Europe/London or America/New_York, not "Mars/Olympus".',
    );
  });

  it("rejects an as-of date that is not a date", async () => {
    const r = await cli(...SCORE.slice(0, 4), "--as-of", "26/11/2026");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--as-of must be a date written YYYY-MM-DD");
  });
});

describe("healthscore score --format csv keeps data safe", () => {
  it("never writes a band or driver that a spreadsheet would run as a formula", async () => {
    const rubric = file(
      "formula.json",
      JSON.stringify({
        bands: [
          { label: '=HYPERLINK("http://x")', color: "#f4c7c3" },
          { label: "+Good", from: 50, color: "#b7e1cd" },
        ],
        metrics: [
          { id: "a", label: "@SUM(1)", column: "A", score: { type: "range", worst: 0, best: 10 } },
          { id: "b", label: "-NPS", column: "B", score: { type: "range", worst: 0, best: 10 } },
        ],
      }),
    );
    const data = file("formula.csv", "Name,A,B\nLow,1,2\nHigh,9,8\n");
    const r = await cli("score", data, "--rubric", rubric, "--format", "csv");
    expect(r.stdout.split("\n").slice(1, 3)).toEqual([
      'Low,1,2,15,"\'=HYPERLINK(""http://x"")",\'@SUM(1) 1 (−45); -NPS 2 (−40),100%',
      "High,9,8,85,'+Good,'-NPS 8 (−10); @SUM(1) 9 (−5),100%",
    ]);
  });

  it("refuses to overwrite a column of the user's titled like an output that holds data", async () => {
    const data = file(
      "coverage.csv",
      `${SIMPLE_HEADER},Coverage,Owner\n${simpleRow(1)},Full,Ann\n${simpleRow(2)},,Bo\n`,
    );
    const r = await cli("score", data, ...SIMPLE, "--format", "csv");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      'column G is titled "Coverage" and holds data (row 2: "Full"), but healthscore did not write it',
    );
    expect(r.stderr).toContain("rename that column or clear its values");
  });

  it("writes into an empty column of the user's titled like an output, in place", async () => {
    const data = file("empty-score.csv", `Health Score,${SIMPLE_HEADER},Owner\n,${simpleRow(1)},Ann\n`);
    const r = await cli("score", data, ...SIMPLE, "--format", "csv");
    expect(r.status).toBe(0);
    const [header, row] = r.stdout.split("\n");
    expect(header).toBe(`Health Score,${SIMPLE_HEADER},Owner,Health Band,Health Drivers,Coverage`);
    expect(row).toMatch(/^\d+(\.\d)?,Account 1,.*,Ann,(Red|Yellow|Green),/);
  });

  it("refuses an output column the rubric reads, or one titled twice", async () => {
    const twice = await cli(
      "score",
      file("twice.csv", `${SIMPLE_HEADER},Coverage,coverage\n`),
      ...SIMPLE,
      "--format",
      "csv",
    );
    expect(twice.stderr).toContain(
      'the header row has 2 "Coverage" columns (G, H): delete or rename all but one',
    );
  });
});

describe("healthscore score as a table", () => {
  it("strips terminal control characters from the cells it prints", async () => {
    const data = file(
      "escape.csv",
      `${SIMPLE_HEADER}\n"Evil\x1b]0;pwned\x07\x1b[2J Co",0.5,x\x1b[31m,8,0,10\n`,
    );
    const r = await cli("score", data, ...SIMPLE);
    expect(r.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain("Evil]0;pwned[2J Co");
  });
});

describe("healthscore score with sources", () => {
  const SOURCES = [
    "--source",
    "logins=examples/logins.csv",
    "--source",
    "tickets=examples/tickets.csv",
    "--source",
    "nps=examples/nps.csv",
  ];
  const FROM = [
    "score",
    "examples/customers.csv",
    "--rubric",
    "examples/from-activity.json",
    "--as-of",
    "2026-11-26",
  ];

  it("scores from raw activity and reports on stderr what did not count", async () => {
    const r = await cli(...FROM, ...SOURCES);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1 + 200 + 2);
    expect(r.stdout).toMatch(/Logins, last 30 days \d+ \(−\d+\)/);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      'healthscore: logins: 1 row of 93420 names no account in the data ("Trial - Wayne Enterprises"); they are not counted.',
      'healthscore: nps: 1 row has no readable Date (examples/nps.csv row 497: "2026-13-01"); write dates as YYYY-MM-DD. They are not counted.',
      'healthscore: tickets: 1 row of 1620 names no account in the data ("Test account"); they are not counted.',
    ]);
  });

  it("scores the activity as the columns it was summed into", async () => {
    // simple-ryg reads NPS, Open P1 tickets and Logins 30d as columns; the same rubric reading
    // them from the activity gives every account the same score.
    const ryg = JSON.parse(readFileSync("examples/simple-ryg.json", "utf8"));
    const sources = JSON.parse(readFileSync("examples/from-activity.json", "utf8")).sources;
    const from = {
      nps: { source: "nps", agg: "latest", column: "Score" },
      p1_tickets: {
        source: "tickets",
        agg: "count",
        where: [
          { column: "Priority", equals: "P1" },
          { column: "Status", equals: "Open" },
        ],
      },
    } as Record<string, unknown>;
    const activity = {
      ...ryg,
      key: "Account",
      sources,
      metrics: ryg.metrics.map((m: { id: string; column?: string }) =>
        from[m.id] ? { ...m, column: undefined, from: from[m.id] } : m,
      ),
      flags: [{ ...ryg.flags[0], column: undefined, from: { source: "logins", agg: "count", days: 30 } }],
    };
    const scores = async (rubric: string, ...extra: string[]) =>
      JSON.parse(
        (
          await cli(
            "score",
            "examples/customers.csv",
            "--rubric",
            rubric,
            "--as-of",
            "2026-11-26",
            "--format",
            "json",
            ...extra,
          )
        ).stdout,
      ).map((x: { score: number | null; flags: unknown[] }) => [x.score, x.flags.length]);
    const fromColumns = await scores("examples/simple-ryg.json");
    const customers = readFileSync("examples/customers.csv", "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    // Only two accounts differ: Cedar Health's P1 cell is #REF! (missing) where its tickets count
    // 0, and Falcon Labs has an empty row (No data) where its activity counts 0 logins and tickets.
    const dirty = [];
    const fromActivity = await scores(file("ryg-activity.json", JSON.stringify(activity)), ...SOURCES);
    for (let i = 0; i < 200; i++)
      if (JSON.stringify(fromColumns[i]) !== JSON.stringify(fromActivity[i])) dirty.push(i);
    const names = dirty.map((i) => customers[i]);
    expect(names).toEqual(["Cedar Health", "Falcon Labs"]);
  });

  it("names a source the rubric reads but that is not given, and exits 1", async () => {
    const r = await cli(...FROM, "--source", "logins=examples/logins.csv");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'healthscore: The rubric reads the sources "nps", "tickets": give their files with --source nps=<nps.csv> --source tickets=<tickets.csv>.\n',
    );
    expect(r.stdout).toBe("");
  });

  it("refuses a --source the rubric does not declare, or written without a file", async () => {
    expect((await cli(...FROM, ...SOURCES, "--source", "web=web.csv")).stderr).toBe(
      'healthscore: --source web: the rubric has no source "web" (the rubric\'s sources are logins, tickets, nps).\n',
    );
    const r = await cli(...FROM, "--source", "logins");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--source must be written name=file/);
  });

  it("names the file of a source that lacks a column", async () => {
    const logins = file("logins.csv", "Account,When\nAcme,2026-11-01\n");
    const r = await cli(...FROM, ...SOURCES, "--source", `logins=${logins}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${logins}: The source "logins" has no column "User"`);
    expect(r.stderr).toContain('The source "logins" has no column "Date"');
  });
});

describe("healthscore score across batches", () => {
  const rows = (n: number, row: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => row(i)).join("\n");

  it("prints an empty table or JSON array for a file with only its header", async () => {
    const header = file("header-only.csv", `${SIMPLE_HEADER}\n`);
    expect((await cli("score", header, ...SIMPLE, "--format", "json")).stdout).toBe("[]\n");
    expect((await cli("score", header, ...SIMPLE)).stdout).toBe(
      "Account   Score  Band     Cover  Drivers\n\n0 accounts: \n",
    );
  });

  it("counts No data rows from every batch in the summary", async () => {
    const noData = (i: number) => `Empty ${i},,,,,`;
    const data = file(
      "no-data.csv",
      `${SIMPLE_HEADER}\n${rows(1200, (i) => (i % 100 === 0 ? noData(i) : simpleRow(i)))}\n`,
    );
    const out = (await cli("score", data, ...SIMPLE)).stdout.trimEnd().split("\n");
    expect(out.at(-1)).toMatch(/^1200 accounts: .* · No data 12$/);
  });

  it("says the output stops at a bad row past the first batch, keeping what it wrote", async () => {
    const data = file(
      "late-wide.csv",
      `${SIMPLE_HEADER}\n${rows(600, simpleRow)}\nAcme, Inc.,0.5,3,8,0,10\n`,
    );
    const r = await cli("score", data, ...SIMPLE, "--format", "csv");
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n")).toHaveLength(1 + 600 + 1);
    expect(r.stderr).toMatch(
      /: row 602 has 7 cells, .*, or add a header for the extra column \(the output stops there\)\.\n$/,
    );
  });

  it("writes into a column of the user's titled like an output whose cells hold only spaces", async () => {
    const data = file("spaced-score.csv", `${SIMPLE_HEADER},Health Score\n${simpleRow(1)},  \n`);
    const r = await cli("score", data, ...SIMPLE, "--format", "csv");
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe(`${SIMPLE_HEADER},Health Score,Health Band,Health Drivers,Coverage`);
  });
});
