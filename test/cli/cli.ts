/** Running the built CLI as a user does (npm test builds first), and writing its input files. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CLI = "build/cli.js";

export const run = (...args: string[]) =>
  spawnSync("node", [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 256 * 1024 * 1024,
  });

const tmp = mkdtempSync(join(tmpdir(), "healthscore-cli-"));

/** Writes a file into this run's temporary folder and returns its path. */
export function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

export function tmpPath(name: string): string {
  return join(tmp, name);
}

/** The columns examples/simple-ryg.json reads, and a row of each kind. */
export const SIMPLE_HEADER = "Account,Seat utilisation,Key features used,NPS,Open P1 tickets,Logins 30d";
export const simpleRow = (i: number) =>
  `Account ${i},${(i % 90) / 100},${i % 9},${i % 11},${i % 4},${i % 30}`;
export const SIMPLE = ["--rubric", "examples/simple-ryg.json", "--as-of", "2026-11-26"];
