/**
 * The command line on big files: `healthscore score` run as a child process, as a user runs it, on
 * generated CSV files of 300,000 rows (about 50 MB) and 1,000,000 rows, in each format, next to
 * merely parsing the same file with the CSV parser the CLI uses. Each child reports its own peak
 * resident memory (VmHWM from /proc/self/status, from a preloaded exit hook) and CPU time.
 */
import { spawn } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { AS_OF, customers, HEADERS, RUBRIC_JSON } from "./data";

/** The parse-only child: dev/bench/parse.ts, bundled on its own like the CLI (csv-parse inside). */
const PARSE_SCRIPT = "build/bench-parse.js";

const OWNERS = ["Ana Souza", "Ben Okafor", "Chloé Martin", "Dev Patel", "Emma Larsen", "Farid Haddad"];
const NOTES = [
  "Renewal call booked for next month; wants SSO, audit log and a named CSM",
  'Asked about the "premium" support tier; pricing sent, waiting on procurement',
  "",
  "Champion moved to ops, new sponsor TBD (VP Finance), intro call requested",
  "Expansion likely in Q1: two more teams onboarding, seat count to double",
  "Escalated a P1 last month, resolved within SLA; watch sentiment at QBR",
];
const csvCell = (c: unknown): string => {
  const text = c === null || c === undefined ? "" : c === true ? "TRUE" : c === false ? "FALSE" : String(c);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes `rows` generated customers, with a name, an owner and free-text notes, as a CSV file. */
export function writeCustomersCsv(path: string, rows: number): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `${[...HEADERS, "Account name", "Owner", "Notes"].join(",")}\n`);
    const next = customers();
    let chunk = "";
    for (let i = 0; i < rows; i++) {
      const row = [...next(), `Northwind Trading Company ${i + 1} Ltd`, OWNERS[i % 6], NOTES[i % 6]];
      chunk += `${row.map(csvCell).join(",")}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export interface ChildRun {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

/** Runs `node args…` with stdout to /dev/null and returns its wall time, CPU time and peak RSS. */
async function measure(args: readonly string[], dir: string): Promise<ChildRun> {
  const preload = join(dir, "usage.cjs");
  const report = join(dir, "usage.json");
  writeFileSync(
    preload,
    // Peak memory is the process's own VmHWM: getrusage's maxRSS survives fork and exec on Linux,
    // so it would report the bench's own resident size whenever that is larger than the child's.
    `process.on("exit", () => { const fs = require("fs"); const u = process.resourceUsage(); const hwm = /VmHWM:\\s*(\\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8")); fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ ...u, peakKb: hwm ? Number(hwm[1]) : u.maxRSS })); });\n`,
  );
  const devNull = openSync("/dev/null", "w");
  const started = performance.now();
  const child = spawn(process.execPath, ["--require", preload, ...args], {
    stdio: ["ignore", devNull, "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - started) / 1000;
  closeSync(devNull);
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited ${code}: ${stderr.trim()}`);
  const usage = JSON.parse(readFileSync(report, "utf8")) as NodeJS.ResourceUsage & { peakKb: number };
  rmSync(report);
  return {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakMb: usage.peakKb / 1024,
  };
}

export interface CliBench {
  rows: number;
  megabytes: number;
  parse: ChildRun;
  formats: { format: string; run: ChildRun }[];
}

/** Generates each size, then times parse-only and `score` in each format on it (one run each). */
export async function benchCli(sizes: readonly number[]): Promise<CliBench[]> {
  const dir = mkdtempSync(join(tmpdir(), "healthscore-bench-"));
  const rubric = join(dir, "rubric.json");
  writeFileSync(rubric, JSON.stringify(RUBRIC_JSON));
  const out: CliBench[] = [];
  try {
    for (const rows of sizes) {
      const data = join(dir, `customers-${rows}.csv`);
      writeCustomersCsv(data, rows);
      const parse = await measure([PARSE_SCRIPT, data], dir);
      const formats = [];
      for (const format of ["csv", "json", "table"]) {
        const args = [
          "build/cli.js",
          "score",
          data,
          "--rubric",
          rubric,
          "--as-of",
          AS_OF,
          "--format",
          format,
        ];
        formats.push({ format, run: await measure(args, dir) });
      }
      out.push({ rows, megabytes: statSync(data).size / 1e6, parse, formats });
      rmSync(data);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
