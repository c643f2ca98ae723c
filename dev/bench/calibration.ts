/**
 * Calibration's side of the benchmark: the whole check against churn (AUC with a 1,000-resample
 * bootstrap interval, bands, per-metric AUCs, the weight regression with 5-fold cross-validation,
 * thresholds) over 10,000 accounts, resampled from examples/customers.csv.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parse } from "csv-parse/sync";
import { calibrate, calibrateHistory, parseRubric, seededRandom } from "../../src/core";

export function benchCalibration(accounts = 10_000): { ms: number; accounts: number; auc: number } {
  const [headers, ...sample] = parse(readFileSync("examples/customers.csv", "utf8")) as string[][];
  const random = seededRandom(7);
  const rows = Array.from(
    { length: accounts },
    () => sample[Math.floor(random() * sample.length)] as string[],
  );
  const rubric = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));
  const options = { outcomeColumn: "Churned", asOf: "2026-11-26", timeZone: "UTC" };
  const times: number[] = [];
  let auc = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    auc = calibrate(rubric, headers as string[], rows, options).auc;
    if (i > 0) times.push(performance.now() - t0); // the first run warms up
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1] as number, accounts, auc };
}

/**
 * The predictive check of the sample history (examples/history.csv: 5,400 snapshots of 200
 * accounts), rescored under five-dimensions: labels per horizon, the 1,000-resample bootstrap over
 * accounts, lead time, and the time-ordered split with its refit and holdout rescoring.
 */
export function benchPredictive(): { ms: number; snapshots: number; auc: number } {
  const [headers, ...rows] = parse(readFileSync("examples/history.csv", "utf8")) as string[][];
  const rubric = parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));
  const times: number[] = [];
  let auc = 0;
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    auc = calibrateHistory(headers as string[], rows, { timeZone: "UTC", rubric }).auc;
    if (i > 0) times.push(performance.now() - t0); // the first run warms up
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1] as number, snapshots: rows.length, auc };
}
