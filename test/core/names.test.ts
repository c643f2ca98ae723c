import { describe, expect, it } from "vitest";
import { isOutputColumn, LIVE_COLUMN, OUTPUT_COLUMNS, OWN_SHEETS, SCORE_COLUMNS } from "../../src/core";

describe("the names the product writes", () => {
  it("writes the score columns in order, then Health Trend once there is history, and Health Plan when asked", () => {
    expect(SCORE_COLUMNS).toEqual(["Health Score", "Health Band", "Health Drivers", "Coverage"]);
    expect(OUTPUT_COLUMNS).toEqual([...SCORE_COLUMNS, "Health Trend", "Health Plan"]);
  });

  it("recognises its own columns as headers match: trimmed, any case", () => {
    expect(isOutputColumn(" health score ")).toBe(true);
    expect(isOutputColumn("Health Trend")).toBe(true);
    expect(isOutputColumn("health plan")).toBe(true);
    expect(isOutputColumn(LIVE_COLUMN)).toBe(true);
    expect(isOutputColumn("Health")).toBe(false);
    expect(isOutputColumn("NPS")).toBe(false);
  });

  it("owns three sheets", () => {
    expect(OWN_SHEETS).toEqual(["Health Rubric", "Health History", "Health Calibration"]);
  });
});
