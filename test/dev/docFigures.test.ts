import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ARCHITECTURE_DOC,
  fileSize,
  quotedSizes,
  readBlock,
  replaceBlock,
  SIZED_FILES,
  sizesTable,
} from "../../dev/docFigures";

// npm test builds first; these hold the docs' figures to that build and to the sample's real scores.
const readme = readFileSync("README.md", "utf8");
const cli = (...args: string[]) => {
  const r = spawnSync("node", ["build/cli.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(r.stderr).toBe("");
  return r.stdout;
};

describe("the figures the docs quote", () => {
  it("quotes each built file's size within 10% of the build (npm run figures rewrites them)", () => {
    const block = readBlock(readFileSync(ARCHITECTURE_DOC, "utf8"), "sizes") ?? "";
    const quoted = quotedSizes(block);
    expect([...quoted.keys()]).toEqual(SIZED_FILES.map((f) => f.file));
    for (const { file } of SIZED_FILES) {
      const actual = fileSize(file);
      const [kb, gzipKb] = quoted.get(file) as [number, number];
      const off = (quotedKb: number, bytes: number) => Math.abs(quotedKb * 1024 - bytes) / bytes;
      expect(off(kb, actual.bytes), `${file} is ${actual.bytes} bytes: run npm run figures`).toBeLessThan(
        0.1,
      );
      expect(
        off(gzipKb, actual.gzipBytes),
        `${file} gzips to ${actual.gzipBytes} bytes: run npm run figures`,
      ).toBeLessThan(0.1);
    }
  });

  it("gives the sample's band counts as the command line scores them today", () => {
    const summary = cli(
      "score",
      "examples/customers.csv",
      "--rubric",
      "examples/simple-ryg.json",
      "--as-of",
      "2026-11-26",
    )
      .trimEnd()
      .split("\n")
      .at(-1);
    const counts = summary?.replace(/^\d+ accounts: /, "");
    const quoted = readme.match(/Red \d+ · Yellow \d+ · Green \d+ · No data \d+/g) ?? [];
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect(q).toBe(counts);
  });

  it("gives the sample's calibration figures as the command line computes them today", () => {
    const report = JSON.parse(
      cli(
        "calibrate",
        "examples/customers.csv",
        "--rubric",
        "examples/simple-ryg.json",
        "--outcome",
        "Churned",
        "--format",
        "json",
      ),
    );
    const [low, high] = report.auc_ci as [number, number];
    const f3 = (x: number) => x.toFixed(3);
    expect(readme).toContain(
      `AUC ${f3(report.auc)} (${f3(low)}–${f3(high)}) over ${report.n} accounts, ${report.churned} churned`,
    );
    expect(readme).toContain(`(${f3(report.suggested.cv_auc)} against ${f3(report.current.cv_auc)})`);
  });
});

describe("figure blocks", () => {
  const doc = "intro\n<!-- figures:sizes -->\nold\n<!-- /figures:sizes -->\nafter\n";

  it("replaces only the block's body, keeping its markers and the text around it", () => {
    const next = replaceBlock(doc, "sizes", "new");
    expect(next).toBe("intro\n<!-- figures:sizes -->\nnew\n<!-- /figures:sizes -->\nafter\n");
    expect(readBlock(next, "sizes")).toBe("new");
  });

  it("refuses a doc without the block, rather than dropping the figures somewhere", () => {
    expect(() => replaceBlock(doc, "bench", "x")).toThrow(/no "<!-- figures:bench -->"/);
  });

  it("reads back the sizes it writes", () => {
    const table = sizesTable([{ file: "dist/Code.js", bytes: 86_000, gzipBytes: 31_500 }]);
    expect(quotedSizes(table)).toEqual(new Map([["dist/Code.js", [84, 31]]]));
  });
});
