/**
 * The add-on's side of the benchmark, on the emulator: what loading the bundle costs (every
 * custom-function call loads it), one HEALTHSCORE call over 10,000 rows (Sheets allows 30 s), and
 * Rescore all rows over 100,000 rows × 12 metrics (an execution has 6 minutes), with its service
 * calls. Emulator times include the emulator's own cell bookkeeping, not Google's servers.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { createEmulator, loadBundle } from "gas-sheets-emulator";
import { type CellValue, parseRubric, rubricToGrid } from "../../src/core";
import { RUBRIC_JSON } from "./data";

export interface AddonFigures {
  bundleBytes: number;
  loadMs: number;
  customFunctionMs: number;
  customFunctionRows: number;
  rescoreMs: number;
  rescoreRows: number;
  calls: Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};

export function benchAddon(headers: readonly CellValue[], rows: CellValue[][]): AddonFigures {
  const code = readFileSync("dist/Code.js", "utf8");

  // Loading: compile and run the whole script in a fresh global scope, as each call does.
  const loads: number[] = [];
  for (let i = 0; i < 15; i++) {
    const context = vm.createContext({});
    const t0 = performance.now();
    vm.runInContext(code, context);
    loads.push(performance.now() - t0);
  }

  // A rubric sheet holding the 12-metric rubric, written as the add-on writes it (text as text).
  const grid = rubricToGrid(parseRubric(RUBRIC_JSON), { asOf: "2026-11-26" }).map((row) =>
    row.map((c) => (typeof c === "string" && c !== "" && c !== "2026-11-26" ? `'${c}` : c)),
  );
  const open = (n: number) => {
    const emu = createEmulator({
      sheets: { Accounts: [[...headers], ...rows.slice(0, n)], "Health Rubric": [] },
      timeZone: "UTC",
      now: () => new Date("2026-11-26T09:00:00Z"),
    });
    emu.spreadsheet
      .getSheetByName("Health Rubric")
      ?.getRange(1, 1, grid.length, (grid[0] as unknown[]).length)
      .setValues(grid as never);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Accounts") as never);
    return { emu, addon: loadBundle(code, emu) };
  };

  // One HEALTHSCORE call over 10,000 rows, passed the rubric range.
  const customFunctionRows = Math.min(10_000, rows.length);
  const cf = open(0);
  const rubricRange = cf.emu.sheetValues("Health Rubric");
  const slice = rows.slice(0, customFunctionRows);
  const cfTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    cf.addon.callAs("CUSTOM_FUNCTION", "HEALTHSCORE", slice, [headers], rubricRange);
    cfTimes.push(performance.now() - t0);
  }

  // Rescore all rows over the whole table, counting service calls.
  const rs = open(rows.length);
  rs.emu.calls.reset();
  const t0 = performance.now();
  rs.addon.call("rescoreAll");
  const rescoreMs = performance.now() - t0;
  const toast = rs.emu.ui.toasts.at(-1)?.message ?? "";
  if (!toast.startsWith(`Scored ${rows.length.toLocaleString("en-US")} rows`))
    throw new Error(`bench: rescore did not finish: ${toast || rs.emu.ui.alerts.at(-1)?.prompt}`);

  return {
    bundleBytes: Buffer.byteLength(code),
    loadMs: median(loads),
    customFunctionMs: median(cfTimes),
    customFunctionRows,
    rescoreMs,
    rescoreRows: rows.length,
    calls: rs.emu.calls.all(),
  };
}
