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
    expect(idFrom("__private__", new Set())).toBe("private");
  });
});

describe("a first scorer, by what most of the column holds", () => {
  it("takes a column of real checkboxes, or of TRUE and FALSE typed as text, for a checkbox column", () => {
    const checkbox = { input: "boolean", score: { type: "map", values: { TRUE: 100, FALSE: 0 }, else: 0 } };
    expect(suggestScorer([true, false, true])).toEqual(checkbox);
    expect(suggestScorer(["TRUE", "FALSE", "TRUE"])).toEqual(checkbox);
  });

  it("suggests fresh-is-good steps over days since for a date column", () => {
    expect(suggestScorer(["2026-11-01", "2026-10-12"]).score).toEqual({
      type: "steps",
      steps: [
        { max: 7, score: 100 },
        { max: 30, score: 60 },
      ],
      else: 0,
    });
  });

  it("counts only filled cells: blank-looking ones neither make a column text nor a number", () => {
    expect(suggestScorer([10, 20, 30, 40, " ", "  ", ""]).input).toBe("number");
  });

  it("takes four numbers in five for a number column, three in five not", () => {
    expect(suggestScorer([1, 2, 3, 4, "a"]).input).toBe("number");
    expect(suggestScorer([1, 2, 3, "a", "b"]).input).toBe("text");
  });

  it("leaves the texts out of a number column's range, and the numbers out of a text column's map", () => {
    const cells = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, "n/a"];
    expect(suggestScorer(cells).score).toEqual({ type: "range", worst: 10, best: 90 });
    const { score } = suggestScorer(["Gold", "Gold", "Silver", 1, 2]) as { score: { values: object } };
    expect(score.values).toEqual({ Gold: 50, Silver: 50 });
  });

  it("finds the percentiles whatever order the numbers come in", () => {
    const cells = Array.from({ length: 101 }, (_, i) => (100 - i) * 3.7);
    expect(suggestScorer(cells).score).toEqual({ type: "range", worst: 37, best: 330 });
  });

  it("reads the range of numbers typed as text as the numbers they show", () => {
    expect(suggestScorer(["1,200", "45", "3", "$80"]).score).toEqual({ type: "range", worst: 3, best: 1200 });
  });

  it("widens the range to the lowest and highest values when most values are the same", () => {
    const cells = [1, ...Array.from({ length: 18 }, () => 50), 100];
    expect(suggestScorer(cells).score).toEqual({ type: "range", worst: 1, best: 100 });
  });

  it("lists the texts most common first, the same text however it is spaced", () => {
    const { score } = suggestScorer(["a", "b", " b", "c", "c ", " c "]) as { score: { values: object } };
    expect(Object.keys(score.values)).toEqual(["c", "b", "a"]);
  });

  it("suggests a Yes map for a column with nothing in it", () => {
    expect(suggestScorer(["", ""])).toEqual({
      input: "text",
      score: { type: "map", values: { Yes: 100 }, else: 0 },
    });
  });
});

describe("switching a metric's scorer type", () => {
  it("keeps the suggestion from the column's values when it is of that type", () => {
    expect(scorerOfType("range", "weighted", [0, 10, 20])).toEqual({ type: "range", worst: 0, best: 20 });
  });

  it("gives a default of each other type", () => {
    const numbers = [1, 2, 3];
    expect(scorerOfType("steps", "weighted", numbers)).toEqual({
      type: "steps",
      steps: [{ min: 1, score: 100 }],
      else: 0,
    });
    expect(scorerOfType("range", "weighted", ["x"])).toEqual({ type: "range", worst: 0, best: 10 });
    expect(scorerOfType("map", "weighted", numbers)).toEqual({
      type: "map",
      values: { TRUE: 100, FALSE: 0 },
      else: 0,
    });
    expect(scorerOfType("perUnit", "points", numbers)).toEqual({ type: "perUnit", points: 10 });
  });
});
