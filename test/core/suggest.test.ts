import { describe, expect, it } from "vitest";
import { idFrom, parseRubric, scorerOfType, suggestScorer } from "../../src/core";

describe("a first scorer for a new column", () => {
  it("scores checkboxes as a map of TRUE and FALSE", () => {
    expect(suggestScorer([true, false, "TRUE", "", "FALSE"])).toEqual({
      input: "boolean",
      score: { type: "map", values: { TRUE: 100, FALSE: 0 }, else: 0 },
    });
  });

  it("scores dates as days since, fresh is good", () => {
    expect(suggestScorer(["2026-11-01", "2026-10-12", ""]).input).toBe("daysSince");
  });

  it("scores numbers as a range between round numbers near the 10th and 90th percentiles", () => {
    const cells = Array.from({ length: 101 }, (_, i) => i * 3.7);
    expect(suggestScorer(cells)).toEqual({ input: "number", score: { type: "range", worst: 37, best: 330 } });
  });

  it("reads numbers typed as text the way Sheets does", () => {
    expect(suggestScorer(["$1,200", "45%", "3"]).input).toBe("number");
  });

  it("keeps a range valid when every value is the same", () => {
    expect(suggestScorer([5, 5, 5]).score).toEqual({ type: "range", worst: 5, best: 6 });
  });

  it("maps the most common texts, six at most", () => {
    const cells = ["Gold", "Gold", "Silver", "Bronze", "a", "b", "c", "d"];
    const { input, score } = suggestScorer(cells) as { input: string; score: { values: object } };
    expect(input).toBe("text");
    expect(Object.keys(score.values)).toHaveLength(6);
    expect(Object.keys(score.values)[0]).toBe("Gold");
  });

  it("gives a scorer that validates, for every kind of column", () => {
    for (const cells of [[true], ["2026-11-01"], [1, 2, 3], ["x"], []]) {
      const metric = { id: "m", column: "M", ...suggestScorer(cells) };
      expect(() =>
        parseRubric({ bands: [{ label: "All", color: "#ffffff" }], metrics: [metric] }),
      ).not.toThrow();
    }
  });

  it("switches type to the suggestion when it is of that type, else to a default of it", () => {
    expect(scorerOfType("range", "weighted", [0, 10, 20])).toMatchObject({ type: "range" });
    expect(scorerOfType("scale", "points", [])).toEqual({ type: "scale", neutral: 3, step: 5 });
    expect(scorerOfType("scale", "weighted", [])).toEqual({ type: "scale", neutral: 3, step: 25 });
  });
});

describe("an id from a label", () => {
  it("keeps letters, digits and _ and is unique among the ids taken", () => {
    expect(idFrom("Logins, last 30 days", new Set())).toBe("logins_last_30_days");
    expect(idFrom("NPS", new Set(["nps", "nps_2"]))).toBe("nps_3");
    expect(idFrom("Café", new Set())).toBe("cafe");
    expect(idFrom("!!!", new Set())).toBe("metric");
  });
});
