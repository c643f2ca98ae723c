/**
 * Parity on PostgreSQL 15 (Debian's package): a real server started in a temporary folder for this
 * file (initdb and pg_ctl as the postgres user, a private socket, no TCP), stopped after. Without
 * PostgreSQL the file is skipped with a warning on a developer's machine, and fails under CI=true
 * (.ci/run installs it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTable,
  type Engine,
  featureFixtures,
  type Load,
  parity,
  randomFixtures,
  randomSourceFixtures,
  sourceFixtures,
  starterFixtures,
} from "./parity";

/** The newest installed server's bin folder, or undefined. */
function serverBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, "bin")).find((bin) => existsSync(join(bin, "initdb")));
}

const bin = serverBin();
if (!bin) {
  const message =
    "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the Postgres SQL parity tests are SKIPPED. Install it with: apt-get install -y postgresql";
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n!!! ${message}\n`);
}

const asRoot = process.getuid?.() === 0;
const PORT = 5433;
let dir = "";
let client: pg.Client;
let engine: Engine;
let load: Load;

/** Runs a server tool as the postgres user (initdb refuses root), or as ourselves when not root. */
function asPostgres(tool: string, args: string[]): void {
  const command = [join(bin as string, tool), ...args];
  if (asRoot) {
    const quoted = command.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    execFileSync("su", ["postgres", "-c", quoted], { stdio: "pipe" });
  } else {
    execFileSync(command[0] as string, command.slice(1), { stdio: "pipe" });
  }
}

describe.skipIf(!bin)("the SQL export on PostgreSQL", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "healthscore-pg-"));
    const data = join(dir, "data");
    const socket = join(dir, "sock");
    // The server's files and its log live in folders the postgres user owns, or start-up fails.
    if (asRoot) execFileSync("install", ["-d", "-o", "postgres", "-g", "postgres", dir, data, socket]);
    else execFileSync("mkdir", ["-p", data, socket]);
    asPostgres("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "-A",
      "trust",
      "--no-sync",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    asPostgres("pg_ctl", [
      "-D",
      data,
      "-l",
      join(data, "server.log"),
      "-w",
      "-o",
      `-p ${PORT} -k ${socket} -c listen_addresses='' -c fsync=off`,
      "start",
    ]);
    client = new pg.Client({ host: socket, port: PORT, user: "postgres", database: "postgres" });
    await client.connect();
    // float8 comes back as a JS number, as from the other engines.
    engine = { dialect: "postgres", run: async (sql) => (await client.query(sql)).rows };
    let n = 0;
    load = async (f, typed) => {
      const name = `t${n++}`;
      for (const sql of createTable("postgres", name, f, typed)) await client.query(sql);
      return name;
    };
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    if (dir) {
      try {
        asPostgres("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("scores every starter rubric exactly as the core does", async () => {
    expect(await parity(engine, starterFixtures(), load)).toEqual([]);
  }, 300_000);

  it("applies groups, missing policies, maps, dates and every flag effect as the core does", async () => {
    expect(await parity(engine, featureFixtures(), load)).toEqual([]);
  });

  it("aggregates sources as the core does: every aggregate, window edge, condition, key spelling and compare", async () => {
    expect(await parity(engine, sourceFixtures(), load)).toEqual([]);
    expect(await parity(engine, randomSourceFixtures(), load)).toEqual([]);
  }, 300_000);

  it("reads random cells under random rubrics as the core does", async () => {
    expect(await parity(engine, randomFixtures(), load)).toEqual([]);
  }, 120_000);
});
