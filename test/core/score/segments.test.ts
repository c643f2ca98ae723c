import { describe, expect, it } from "vitest";
import { rebandRows, scorecard } from "../../../src/core";
import { OPTIONS, pct, RYG_BANDS, rubric, scoreRows } from "../helpers";

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
      expect("segment" in result).toBe(false);
    }
  });

  it("names the rubric that scores a row, matching its segment cell case-insensitively", () => {
    const card = scorecard(r, ["Segment", "Usage", "Setup done"], OPTIONS);
    const onboarding = card.rubricFor(["onboarding", 20, 80]);
    expect(onboarding.segment).toBe("Onboarding");
    expect(onboarding.rubric.bands.map((b) => b.label)).toEqual(["Behind", "On track"]);
    expect(card.rubricFor(["Adopted", 20, 80])).toEqual({ rubric: r });
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

  it("re-bands by the top-level bands a segment row whose segment the new rubric no longer has", () => {
    const results = scoreRows(r, [rows("Onboarding")]);
    rebandRows(
      rubric({ ...r, segments: { column: "Segment", rubrics: { Trial: r.segments?.rubrics.Onboarding } } }),
      results,
    );
    expect(results[0]?.band).toBe("Green");
    rebandRows(rubric({ metrics: r.metrics, bands: RYG_BANDS }), results);
    expect(results.map((x) => [x.score, x.band])).toEqual([[80, "Green"]]);
  });

  it("leaves the blank rows' places (undefined) alone when re-banding", () => {
    const [scored] = scoreRows(r, [rows("Adopted")]);
    const results = [scored, undefined];
    rebandRows(rubric({ ...r, bands: [RYG_BANDS[0], { ...RYG_BANDS[1], from: 15 }, RYG_BANDS[2]] }), results);
    expect(results.map((x) => x?.band)).toEqual(["Yellow", undefined]);
  });

  it("re-bands a top-level row by the top-level bands even beside a segment named undefined", () => {
    const odd = rubric({
      metrics: [pct("Usage")],
      segments: {
        column: "Segment",
        rubrics: { undefined: { bands: [{ label: "Odd" }], metrics: [pct("Usage")] } },
      },
    });
    const results = scoreRows(odd, [rows("Adopted")]);
    rebandRows(odd, results);
    expect(results.map((x) => x.band)).toEqual(["Red"]);
  });
});
