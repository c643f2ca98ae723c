/**
 * npm run deploy / deploy:prod, up to the point where they would build and call clasp: which
 * project file each pushes to, and the sentences that stop a push to the wrong place.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const DEPLOY = resolve("dev/deploy.mjs");
const DEV_ID = "1dev_script_id_of_fifty_seven_characters_or_so_xxxxxxxxxx";
const PROD_ID = "1prod_script_id_of_fifty_seven_characters_or_so_xxxxxxxxx";

/** Runs the deploy script in a fresh folder holding `files`, with no npm or clasp to call. */
function deploy(files: Record<string, unknown>, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "healthscore-deploy-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  // An empty PATH: were the script to get past its checks, npm would not be found and it would fail.
  const r = spawnSync(process.execPath, [DEPLOY, ...args], { cwd: dir, encoding: "utf8", env: { PATH: "" } });
  return { ...r, dir };
}

describe("npm run deploy", () => {
  it("says how to make the development target when there is none", () => {
    const r = deploy({});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "deploy: no .clasp-dev.json yet, so there is no Apps Script project to push to.",
    );
    expect(r.stderr).toContain("npx clasp create --type sheets");
  });

  it("takes an older .clasp.json (or the one clasp create left in dist/) as the development target", () => {
    for (const old of [".clasp.json", "dist/.clasp.json"]) {
      const r = deploy({ [old]: { scriptId: DEV_ID, rootDir: "dist" } });
      expect(r.stdout).toContain(`deploy: moved ${old} to .clasp-dev.json, the development target.`);
      expect(existsSync(join(r.dir, old))).toBe(false);
      expect(JSON.parse(readFileSync(join(r.dir, ".clasp-dev.json"), "utf8")).scriptId).toBe(DEV_ID);
    }
  });

  it("refuses the example's placeholder instead of a script id", () => {
    const r = deploy({ ".clasp-dev.json": { scriptId: "PASTE-YOUR-SCRIPT-ID-HERE", rootDir: "dist" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('deploy: .clasp-dev.json has no script id ("scriptId")');
  });

  it("pushes from dist/ only, fixing a project file that points elsewhere", () => {
    const r = deploy({ ".clasp-dev.json": { scriptId: DEV_ID, rootDir: "src" } });
    expect(r.stdout).toContain('deploy: set "rootDir": "dist" in .clasp-dev.json');
    expect(JSON.parse(readFileSync(join(r.dir, ".clasp-dev.json"), "utf8")).rootDir).toBe("dist");
  });
});

describe("npm run deploy:prod", () => {
  it("needs its own project file, and never falls back to the development one", () => {
    const r = deploy({ ".clasp-dev.json": { scriptId: DEV_ID, rootDir: "dist" } }, "--prod");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("deploy: no .clasp-prod.json, so there is no production Apps Script project");
  });

  it("refuses when development and production name the same script", () => {
    const same = { scriptId: PROD_ID, rootDir: "dist" };
    for (const args of [[], ["--prod"]]) {
      const r = deploy({ ".clasp-dev.json": same, ".clasp-prod.json": same }, ...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/name the same script: testing would push to your users/);
    }
  });

  it("gets past its checks to the tests when both targets are set up", () => {
    const r = deploy(
      {
        ".clasp-dev.json": { scriptId: DEV_ID, rootDir: "dist" },
        ".clasp-prod.json": { scriptId: PROD_ID, rootDir: "dist" },
      },
      "--prod",
    );
    expect(r.stderr).toContain("deploy: npm test failed: production is pushed from a green build only.");
  });
});
