import { describe, expect, it } from "vitest";
import { rebandRows } from "../../../src/core";
import { pct, RYG_BANDS, rubric, scoreRows } from "../helpers";

describe("segments", () => {
  const r = rubric({
    metrics: [pct("Usage")],
    segments: {
      column: "Segment",
      rubrics: {
        Onboarding: {
          bands: [
            { label: "Behind", color: "#f4c7c3" },
            { label: "On track", from: 50, color: "#b7e1cd" },
          ],
          metrics: [pct("Setup done")],
        },
        "Enterprise ": {
          bands: RYG_BANDS,
          metrics: [pct("Usage", { weight: 1 }), pct("Setup done", { weight: 1 })],
        },
      },
    },
  });
  const rows = (segment: string) => ({ Segment: segment, Usage: 20, "Setup done": 80 });

  it("scores a row by the rubric whose key matches its segment cell", () => {
    const [result] = scoreRows(r, [rows("Onboarding")]);
    expect(result?.score).toBe(80);
    expect(result?.band).toBe("On track");
    expect(result?.segment).toBe("Onboarding");
  });

  it("matches segment keys trimmed and case-insensitively", () => {
    const [onboarding, enterprise] = scoreRows(r, [rows("  onboarding "), rows("ENTERPRISE")]);
    expect(onboarding?.segment).toBe("Onboarding");
    expect(enterprise?.segment).toBe("Enterprise ");
    expect(enterprise?.score).toBe(50);
  });

  it("scores every other row by the top-level rubric, without a segment", () => {
    const results = scoreRows(r, [rows("Adopted"), rows(""), rows("Onboarding phase")]);
    for (const result of results) {
      expect(result.score).toBe(20);
      expect(result.band).toBe("Red");
      expect(result.segment).toBeUndefined();
    }
  });

  it("re-bands scored rows by their own rubric's bands when only thresholds move, as scoring again would", () => {
    const moved = rubric({
      ...r,
      bands: [RYG_BANDS[0], { ...RYG_BANDS[1], from: 15 }, RYG_BANDS[2]],
      segments: {
        column: "Segment",
        rubrics: {
          ...r.segments?.rubrics,
          Onboarding: {
            ...r.segments?.rubrics.Onboarding,
            bands: [
              { label: "Behind", color: "#f4c7c3" },
              { label: "On track", from: 90, color: "#b7e1cd", action: "Celebrate" },
            ],
          },
        },
      },
    });
    const input = [rows("Onboarding"), rows("Adopted"), { Segment: "Adopted", Usage: "", "Setup done": "" }];
    const results = scoreRows(r, input);
    rebandRows(moved, results);
    const again = scoreRows(moved, input);
    expect(results.map((x) => [x.band, x.color, x.action])).toEqual(
      again.map((x) => [x.band, x.color, x.action]),
    );
    expect(results.map((x) => x.band)).toEqual(["Behind", "Yellow", "No data"]);
  });
});
