/** The sample history (examples/history.csv) is what dev/generate-history.mjs writes, and ends at the sample. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseRubric, scoreTable } from "../../src/core";

describe("the generated sample history", () => {
  it("is reproducible: the generator writes the committed file byte for byte", () => {
    const out = join(mkdtempSync(join(tmpdir(), "history-")), "history.csv");
    const r = spawnSync("node", ["dev/generate-history.mjs", out], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(readFileSync(out, "utf8")).toBe(readFileSync("examples/history.csv", "utf8"));
  });

  it("ends with examples/customers.csv as it is, scored by five-dimensions as of 2026-11-26", () => {
    const [header, ...customers] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
    const history = parse(readFileSync("examples/history.csv", "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    const last = history.filter((r) => r.Date === "2026-11-26");
    expect(last.map((r) => r.Account)).toEqual(customers.map((c) => c[0]));
    expect(last.map((r) => r.Churned)).toEqual(
      customers.map((c) => c[(header as string[]).indexOf("Churned")]),
    );
    // Each kept value is the customer's cell, typed as the sheet holds it (45% is 0.45, TRUE a checkbox).
    const typed = (cell: string) =>
      /%$/.test(cell)
        ? Number(cell.slice(0, -1)) / 100
        : /^(TRUE|FALSE)$/.test(cell)
          ? cell === "TRUE"
          : /^-?\d+(\.\d+)?$/.test(cell)
            ? Number(cell)
            : cell;
    last.forEach((r, a) => {
      for (const [column, value] of Object.entries(JSON.parse(r.Values as string)))
        expect(value, `${r.Account} ${column}`).toEqual(
          typed((customers[a] as string[])[(header as string[]).indexOf(column)] as string),
        );
    });
    const rubric = parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));
    const scores = scoreTable(rubric, header as string[], customers, { asOf: "2026-11-26", timeZone: "UTC" });
    expect(last.map((r) => r.Score)).toEqual(scores.map((s) => (s.score === null ? "" : String(s.score))));
  });
});
