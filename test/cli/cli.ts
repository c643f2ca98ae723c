/**
 * Running `healthscore` in tests: in-process through cli/main.ts's `main` (fast, and reached by
 * mutation testing), or as the built program (`npm test` builds first) where the process itself is
 * the behaviour: exit codes, pipes, terminals. And writing the commands' input files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { main } from "../../cli/main";

export const CLI = "build/cli.js";

/** What a command did, as spawnSync reports a process: exit code and everything it wrote. */
export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, as a terminal would show it when `isTTY`. */
class Captured extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

export interface CliSetting {
  /** The environment the command sees (default: NO_COLOR set, as the built program's tests run). */
  env?: Record<string, string | undefined>;
  /** Standard output is a terminal this many columns wide. */
  terminal?: number;
  /** Standard error is a terminal. */
  stderrTerminal?: boolean;
}

/** Runs `healthscore ...args` in this process and captures its output. */
export const cli = (...args: string[]): Promise<Ran> => cliWith({}, ...args);

export async function cliWith(setting: CliSetting, ...args: string[]): Promise<Ran> {
  const stdout = new Captured(setting.terminal !== undefined, setting.terminal);
  const stderr = new Captured(setting.stderrTerminal);
  const status = await main(args, { stdout, stderr, env: setting.env ?? { NO_COLOR: "1" } });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built `healthscore` as a user does, in its own process. */
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
