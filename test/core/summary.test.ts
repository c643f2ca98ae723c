import { describe, expect, it } from "vitest";
import { bandLabels, bandLine, summarize } from "../../src/core";
import { pct, RYG_BANDS, rubric, scoreRows } from "./helpers";

describe("the summary of a scored table", () => {
  const r = rubric({ metrics: [pct("Usage")] });

  it("counts rows per band low to high, No data apart, and leaves blank rows out", () => {
    const results = scoreRows(r, [{ Usage: 90 }, { Usage: 10 }, { Usage: "" }, { Usage: 75 }, { Usage: 50 }]);
    const summary = summarize(r, [results[0], undefined, ...results.slice(1)]);
    expect(summary.rows).toBe(5);
    expect(summary.bands).toEqual([
      { label: "Red", color: "#f4c7c3", count: 1 },
      { label: "Yellow", color: "#fce8b2", count: 1 },
      { label: "Green", color: "#b7e1cd", count: 2 },
    ]);
    expect(summary.noData).toBe(1);
    expect(bandLine(summary)).toBe("Red 1 · Yellow 1 · Green 2 · No data 1");
  });

  it("names the rows with an unreadable cell by their index, and leaves empty bands out of the line", () => {
    const results = scoreRows(r, [{ Usage: 90 }, { Usage: "lots" }, { Usage: 80 }]);
    const summary = summarize(r, results);
    expect(summary.invalidRows).toEqual([1]);
    expect(summary.noData).toBe(1);
    expect(bandLine(summary)).toBe("Green 2 · No data 1");
    expect(bandLine(summarize(r, scoreRows(r, [{ Usage: 10 }])))).toBe("Red 1");
  });

  it("lists the top-level bands, then the bands only a segment's rubric has", () => {
    const segmented = rubric({
      metrics: [pct("Usage")],
      segments: {
        column: "Segment",
        rubrics: {
          Onboarding: {
            bands: [
              { label: "Red", color: "#000000" },
              { label: "On track", from: 50, color: "#b7e1cd" },
            ],
            metrics: [pct("Usage")],
          },
        },
      },
    });
    expect(bandLabels(segmented)).toEqual([
      ...RYG_BANDS.map(({ label, color }) => ({ label, color })),
      { label: "On track", color: "#b7e1cd" },
    ]);
  });
});
