/**
 * The built `healthscore` (build/cli.js) in its own process, where the process is the behaviour:
 * exit codes, pipes that close early, input still being written, a terminal, a large file. Every
 * other check runs the commands in-process (test/cli/cli.ts's `cli`).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRubric, scoreTable } from "../../src/core";
import { CLI, file, run, SIMPLE, SIMPLE_HEADER, simpleRow, tmpPath } from "./cli";

const simpleRyg = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

describe("the healthscore program", () => {
  it("exits 0 with its output on stdout, 1 when a command fails, 2 on a usage error", () => {
    const ok = run("validate", "examples/simple-ryg.json");
    expect([ok.status, ok.stderr]).toEqual([0, ""]);
    expect(ok.stdout).toMatch(/^examples\/simple-ryg\.json: valid rubric "/);
    const failed = run("score", "nope.csv", ...SIMPLE);
    expect([failed.status, failed.stdout]).toEqual([1, ""]);
    expect(failed.stderr).toBe('healthscore: Cannot read data file "nope.csv": no such file.\n');
    const usage = run("frobnicate");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^healthscore: Unknown command "frobnicate"\.\n\nUsage:/);
  });

  it("stops quietly, exit 0, when the reader stops early (| head)", () => {
    const big = file(
      "head.csv",
      [SIMPLE_HEADER, ...Array.from({ length: 50_000 }, (_, i) => simpleRow(i))].join("\n"),
    );
    const r = spawnSync(
      "bash",
      ["-c", `set -o pipefail; node ${CLI} score ${big} ${SIMPLE.join(" ")} | head -n 2`],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    expect(r.stdout.split("\n")).toHaveLength(3);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("prints a table of 150,000 accounts", () => {
    const lines = ["Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d"];
    for (let i = 0; i < 150_000; i++)
      lines.push(`Account ${i},${(i % 90) / 100},${i % 9},${i % 11},${i % 4},${i % 30}`);
    const r = run("score", file("big.csv", lines.join("\n")), "--rubric", "examples/simple-ryg.json");
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(1 + 150_000 + 2);
    // The last account (utilisation 0.59, 5 features, NPS 3, 3 P1 tickets, 29 logins), name cut to fit.
    expect(out.at(-3)).toBe(
      "Account 14…    50.0  Yellow    100%  NPS 3 (−23); Seat utilisation 0.59 (−11); Open P1 tickets 3 (−9)",
    );
    // The summary counts every band as the core does.
    const header = (lines[0] as string).split(",");
    const rows = lines.slice(1).map((l) => l.split(",").map((v, i) => (i === 0 ? v : Number(v))));
    const counts = { Red: 0, Yellow: 0, Green: 0 } as Record<string, number>;
    for (const { band } of scoreTable(simpleRyg, header, rows, { asOf: "2026-11-26", timeZone: "UTC" }))
      counts[band] = (counts[band] ?? 0) + 1;
    expect(out.at(-1)).toBe(
      `150000 accounts: Red ${counts.Red} · Yellow ${counts.Yellow} · Green ${counts.Green}`,
    );
  });
});

describe("healthscore score streams", () => {
  it("writes scored rows while the input is still being written (a named pipe), in every format", async () => {
    for (const format of ["table", "csv", "json"]) {
      const fifo = tmpPath(`stream-${format}.csv`);
      execFileSync("mkfifo", [fifo]);
      const child = spawn("node", [CLI, "score", fifo, ...SIMPLE, "--format", format], {
        env: { ...process.env, NO_COLOR: "1" },
      });
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      const input = createWriteStream(fifo);
      input.write(`${SIMPLE_HEADER}\n`);
      for (let i = 0; i < 5_000; i++) input.write(`${simpleRow(i)}\n`);
      // The input is not finished: rows must already have come out.
      const lines = () => out.split("\n").length;
      await expect.poll(lines, { timeout: 15_000, interval: 50 }).toBeGreaterThan(100);
      for (let i = 5_000; i < 6_000; i++) input.write(`${simpleRow(i)}\n`);
      input.end();
      expect(await exited).toBe(0);
      if (format === "json") expect(JSON.parse(out)).toHaveLength(6_000);
      else expect(out).toContain(format === "csv" ? "\nAccount 5999," : "\n6000 accounts: ");
    }
  });

  // Two runs of 200,000 rows: long enough that the line shows on a fast machine, so allow a slow one time.
  it("shows a progress line on a terminal's stderr, and nothing when stderr is piped", {
    timeout: 180_000,
  }, async () => {
    const big = file(
      "progress.csv",
      [SIMPLE_HEADER, ...Array.from({ length: 200_000 }, (_, i) => simpleRow(i))].join("\n"),
    );
    const out = tmpPath("progress-out.csv");
    const command = `node ${CLI} score ${big} ${SIMPLE.join(" ")} --format csv > ${out}`;
    // `script` gives the command a terminal, as a person running it would have.
    const terminal = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
    expect(terminal.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the line is redrawn with \r and ESC[K
    expect(terminal.stdout).toMatch(/\r\x1b\[K[\d,]+ rows scored, [\d,]+ rows\/s/);
    const piped = run("score", big, ...SIMPLE, "--format", "csv");
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe("");
  });
});
