/**
 * No score is ever NaN: for any rubric the validator accepts, at the edges of what it accepts
 * (weights up to 1,000,000, scorer numbers as large as a double holds), and any cell, a row's score
 * is a finite number or null (No data), and its explanation says why.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellValue, explain, MAX_WEIGHT, scoreTable, validateRubric } from "../../../src/core";
import { OPTIONS, RYG_BANDS, rubric, scoreRow } from "../helpers";

const huge = fc.double({ noNaN: true, noDefaultInfinity: true });
const weight = fc.oneof(
  fc.constantFrom(0, MAX_WEIGHT, Number.MIN_VALUE),
  fc.double({ min: 0, max: MAX_WEIGHT, noNaN: true }),
);
const scorer = fc.oneof(
  fc
    .tuple(huge, huge)
    .filter(([w, b]) => w !== b)
    .map(([worst, best]) => ({ type: "range", worst, best })),
  fc.record({ type: fc.constant("scale"), neutral: huge, step: huge }),
  fc.record({ type: fc.constant("perUnit"), points: huge }),
  fc.record({ type: fc.constant("steps"), steps: fc.constant([{ min: 0, score: 1e308 }]), else: huge }),
  fc.record({ type: fc.constant("map"), values: fc.constant({ "1": 1e308, "10%": -1e308 }), else: huge }),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ noNaN: true }), // a cell is never NaN: Sheets and CSV have no such value
  fc.constantFrom("1e308", "-1e308", "1e15", "--5", "10%", "", "N/A", "yes", true, false, 0, 1),
  fc.string({ maxLength: 6 }),
);

describe("no score is ever NaN", () => {
  it("holds for extreme weights, scorer numbers and cells, under both methods", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("weighted", "points"),
        fc.array(fc.record({ weight, score: scorer }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.option(huge, { nil: undefined }),
        (method, metrics, rows, add) => {
          const v = validateRubric({
            method,
            bands: RYG_BANDS,
            metrics: metrics.map((m, i) => ({ id: `m${i}`, column: `C${i}`, ...m })),
            flags: add === undefined ? [] : [{ id: "f", column: "C0", min: -1e308, add }],
          });
          expect(v.errors).toEqual([]);
          if (!v.rubric) return;
          for (const r of scoreTable(v.rubric, ["C0", "C1", "C2", "C3"], rows, OPTIONS)) {
            expect(r.score === null || Number.isFinite(r.score)).toBe(true);
            expect(Number.isFinite(r.coverage)).toBe(true);
            expect(explain(r, 10)).not.toMatch(/NaN/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("a row message that tells the truth about weights", () => {
  it("says No data because every metric with a value weighs 0, not because none has a value", () => {
    const r = rubric({
      metrics: [
        { id: "a", column: "A", weight: 0, score: { type: "range", worst: 0, best: 100 } },
        { id: "b", column: "B", score: { type: "range", worst: 0, best: 100 } },
      ],
    });
    const result = scoreRow(r, { A: 80, B: "" });
    expect(result.score).toBeNull();
    expect(explain(result)).toBe(
      "No data: every metric with a value weighs 0 (or is in a group that does), so none counts",
    );
    expect(explain(scoreRow(r, { A: "", B: "" }))).toBe("No data: no metric has a value");
  });

  it("says the same when the only groups with values weigh 0", () => {
    const r = rubric({
      groups: { Adoption: 0, Support: 1 },
      metrics: [
        { id: "a", column: "A", group: "Adoption", score: { type: "range", worst: 0, best: 100 } },
        { id: "b", column: "B", group: "Support", score: { type: "range", worst: 0, best: 100 } },
      ],
    });
    expect(explain(scoreRow(r, { A: 80, B: "" }))).toMatch(/^No data: every metric with a value weighs 0/);
    expect(scoreRow(r, { A: 80, B: 30 }).score).toBe(30);
  });

  it("says a points score is 0 because every metric weighs 0", () => {
    const r = rubric({
      method: "points",
      metrics: [{ id: "a", column: "A", weight: 0, score: { type: "perUnit", points: 10 } }],
    });
    const result = scoreRow(r, { A: 7 });
    expect(result.score).toBe(0);
    expect(explain(result)).toBe("every metric weighs 0, so the score is 0 whatever the cells");
  });

  it("gives No data, saying why, when points overflow", () => {
    const r = rubric({
      method: "points",
      metrics: [
        { id: "a", column: "A", score: { type: "perUnit", points: 1e308 } },
        { id: "b", column: "B", score: { type: "perUnit", points: -1e308 } },
      ],
    });
    const result = scoreRow(r, { A: 1e10, B: 1e10 });
    expect(result.score).toBeNull();
    expect(explain(result)).toMatch(/^No data: the points add up beyond what a score can hold/);
  });
});
