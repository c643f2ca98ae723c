import { describe, expect, it } from "vitest";
import { cli, file, SIMPLE_HEADER, simpleRow } from "./cli";

const ACTIVITY = "examples/from-activity.json";

describe("healthscore validate --data", () => {
  it("names each column the data's header row lacks, with the closest header, and exits 1", async () => {
    // A title row above the header, as exports have: the header is found as `score` finds it.
    const data = file(
      "thin.csv",
      "Customer health export\nAccount;Seat utilization;Key features;NPS;Open P1 tickets;Logins 30d\nAcme;0,5;3;8;0;12\n",
    );
    const r = await cli("validate", "examples/simple-ryg.json", "--data", data);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        'healthscore: The rubric "examples/simple-ryg.json" has 2 problems:',
        '  metrics[0].column: "Seat utilisation" is not a column of the data: did you mean "Seat utilization"?',
        '  metrics[1].column: "Key features used" is not a column of the data: pick one of its columns, or add this one to the header row',
        "",
      ].join("\n"),
    );
  });

  it("names a column the header row has twice, which `score` would refuse", async () => {
    const data = file("twice.csv", `${SIMPLE_HEADER},NPS\n${simpleRow(1)},7\n`);
    const r = await cli("validate", "examples/simple-ryg.json", "--data", data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      '  metrics[2].column: "NPS" is in columns D and G of the data: rename all but one of them\n',
    );
    expect((await cli("score", data, "--rubric", "examples/simple-ryg.json")).stderr).toContain(
      'The header row names a column twice: "NPS" is in columns D and G.',
    );
  });

  it("says which files' header rows hold every column the rubric reads", async () => {
    const r = await cli("validate", "examples/simple-ryg.json", "--data", "examples/customers.csv");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'examples/simple-ryg.json: valid rubric "Simple red / yellow / green" (weighted, 4 metrics, 3 bands); every column it reads is in the header row of examples/customers.csv.\n',
    );
  });

  it("reads only the header row: a body that `score` refuses does not matter", async () => {
    // Three megabytes of rows, then a Windows-1252 byte and a row wider than the header.
    const rows = Array.from({ length: 60_000 }, (_, i) => simpleRow(i)).join("\n");
    const data = file(
      "big.csv",
      Buffer.concat([
        Buffer.from(`${SIMPLE_HEADER}\n${rows}\n`),
        Buffer.from("Caf\xe9 Noir,0.5,3,8,0,12,extra\n", "latin1"),
      ]),
    );
    const score = await cli("score", data, "--rubric", "examples/simple-ryg.json", "--format", "json");
    expect(score.status).toBe(1);
    expect(score.stderr).toContain("is not UTF-8");
    const r = await cli("validate", "examples/simple-ryg.json", "--data", data);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`every column it reads is in the header row of ${data}.`);
  });

  it("checks each source file given with --source against the source's columns", async () => {
    const logins = file("logins.csv", "Account,User,Login date\nAcme,u1,2026-11-01\n");
    const tickets = file("tickets.csv", "Acount,Priority,Status,Opened\nAcme,P1,Open,2026-11-02\n");
    const r = await cli(
      "validate",
      ACTIVITY,
      "--data",
      "examples/customers.csv",
      "--source",
      `logins=${logins}`,
      "--source",
      `tickets=${tickets}`,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      [
        `healthscore: The rubric "${ACTIVITY}" has 3 problems:`,
        '  sources.logins.date: "Date" is not a column of source "logins": pick one of its columns, or add this one to the header row',
        '  sources.tickets.key: "Account" is not a column of source "tickets": did you mean "Acount"?',
        '  metrics[4].from.column: "Date" is not a column of source "logins": pick one of its columns, or add this one to the header row',
        '  warning: the columns of source "nps" were not checked: give its file with --source nps=<nps.csv>',
        "",
      ].join("\n"),
    );
  });

  it("lists the rubric's own problems and the columns the data lacks together", async () => {
    const rubric = file(
      "typo.json",
      JSON.stringify({
        bands: [{ label: "Red" }, { label: "Green", from: 70 }],
        metrics: [
          { id: "nps", column: "NPS score", weight: -1, score: { type: "range", worst: 0, best: 10 } },
        ],
      }),
    );
    const r = await cli("validate", rubric, "--data", "examples/customers.csv");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("has 2 problems:");
    expect(r.stderr).toContain("metrics[0].weight: must be a number ≥ 0, not -1");
    expect(r.stderr).toContain(
      'metrics[0].column: "NPS score" is not a column of the data: pick one of its columns, or add this one to the header row',
    );
  });

  it("refuses a --source the rubric does not declare as a usage error", async () => {
    const r = await cli("validate", ACTIVITY, "--source", "logons=examples/logins.csv");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'healthscore: --source logons: the rubric has no source "logons" (the rubric\'s sources are logins, tickets, nps).\n',
    );
  });

  it("says a data file that cannot be read in one sentence", async () => {
    const r = await cli("validate", "examples/simple-ryg.json", "--data", "no-such.csv");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('healthscore: Cannot read data file "no-such.csv": no such file.\n');
  });
});

describe("healthscore validate's summary", () => {
  const rubric = (name: string, change: (r: Record<string, unknown>) => void = () => {}) => {
    const r: Record<string, unknown> = {
      key: "Account",
      sources: { l: { key: "Account", date: "Date" }, tickets: { key: "Account", date: "Opened" } },
      bands: [{ label: "Red" }, { label: "Green", from: 50 }],
      metrics: [
        {
          id: "logins",
          from: { source: "l", agg: "count", days: 30 },
          score: { type: "range", worst: 0, best: 4 },
        },
        { id: "t", from: { source: "tickets", agg: "count" }, score: { type: "range", worst: 5, best: 0 } },
      ],
    };
    change(r);
    return file(name, JSON.stringify(r));
  };
  const TWO = rubric("summary-two.json");
  const DATA = file("summary-data.csv", "Account\nAcme\n");
  // A title row above the header: the header is found by the rubric's columns, as `score` finds it.
  const LOGINS = file("summary-logins.csv", "Logins export,from the CRM\nAccount,Date\nAcme,2026-11-20\n");
  const TICKETS = file("summary-tickets.csv", "Account,Opened\nAcme,2026-11-20\n");
  const valid = async (...args: string[]) => {
    const r = await cli("validate", ...args);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    return r.stdout;
  };

  it("counts metrics, bands and segment rubrics, and checks no file it is not given", async () => {
    expect(await valid(TWO)).toBe(`${TWO}: valid rubric "Untitled rubric" (weighted, 2 metrics, 2 bands).\n`);
    const one = rubric("summary-one.json", (r) => {
      r.metrics = (r.metrics as unknown[]).slice(0, 1);
      r.sources = { l: { key: "Account", date: "Date" } };
    });
    expect(await valid(one)).toBe(`${one}: valid rubric "Untitled rubric" (weighted, 1 metric, 2 bands).\n`);
    expect(await valid("examples/lifecycle.json")).toBe(
      'examples/lifecycle.json: valid rubric "Lifecycle: adopted, with an onboarding rubric" (weighted, 5 metrics, 3 bands, 1 segment rubrics).\n',
    );
  });

  it("names every file it checked, and the sources it could not", async () => {
    const checked = `${TWO}: valid rubric "Untitled rubric" (weighted, 2 metrics, 2 bands); every column it reads is in the header row of`;
    expect(await valid(TWO, "--data", DATA)).toBe(
      `${checked} ${DATA}.\n  warning: the columns of sources "l", "tickets" were not checked: give their files with --source l=<l.csv> --source tickets=<tickets.csv>\n`,
    );
    expect(await valid(TWO, "--source", `l=${LOGINS}`)).toBe(
      `${checked} ${LOGINS}.\n  warning: the columns of source "tickets" were not checked: give its file with --source tickets=<tickets.csv>\n`,
    );
    expect(
      await valid(TWO, "--data", DATA, "--source", `l=${LOGINS}`, "--source", `tickets=${TICKETS}`),
    ).toBe(`${checked} ${DATA}, ${LOGINS} and ${TICKETS}.\n`);
  });

  it("says which rubric file cannot be read, and how a --source is written", async () => {
    const r = await cli("validate", "nope.json");
    expect([r.status, r.stderr]).toEqual([
      1,
      'healthscore: Cannot read rubric file "nope.json": no such file.\n',
    ]);
    const spec = await cli("validate", TWO, "--source", "l");
    expect([spec.status, spec.stderr]).toEqual([
      2,
      'healthscore: --source must be written name=file, like --source logins=logins.csv, not "l".\n',
    ]);
  });

  it("checks --source names against an invalid rubric's sources, and lists only its problems", async () => {
    const bad = rubric("summary-bad.json", (r) => {
      r.bands = [{ label: "Red", from: 5 }];
    });
    const logins = file("summary-plain-logins.csv", "Account,Date\nAcme,2026-11-20\n");
    const r = await cli("validate", bad, "--data", DATA, "--source", `l=${logins}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `healthscore: The rubric "${bad}" has 1 problem:\n  bands[0].from: must be blank on the first band: it takes every score below the next band\n`,
    );
  });
});
