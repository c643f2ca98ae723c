import { describe, expect, it } from "vitest";
import {
  auc,
  aucStandardError,
  bootstrapAucCi,
  pairwiseAuc,
  quantile,
  shuffle,
  stratifiedFolds,
} from "../../../src/core/calibrate/stats";

describe("AUC", () => {
  it("counts ties as half a win", () => {
    // Churned 1, 3, 3; retained 3, 5. The retained 3 beats 1 and ties both 3s (2 wins); 5 beats
    // all three (3 wins): 5 of 6 pairs.
    const scores = [3, 1, 5, 3, 3];
    const churned = [true, true, false, false, true];
    expect(auc(scores, churned)).toBeCloseTo(5 / 6, 12);
    expect(pairwiseAuc(scores, churned)).toBeCloseTo(5 / 6, 12);
  });

  it("is 0 when the churned all score above the retained, however many there are", () => {
    expect(auc([9, 1, 10, 12], [true, false, true, true])).toBe(0);
    expect(auc([2, 1, 10], [false, false, true])).toBe(0);
  });

  it("leaves out a score that is not a number rather than counting it as 0", () => {
    // Without the NaN: churned 5 above retained 3, AUC 0. Counted as a churned 0, it would be 0.5.
    expect(auc([5, Number.NaN, 3], [true, true, false])).toBe(0);
    expect(auc([5, Number.POSITIVE_INFINITY, 3], [true, false, false])).toBe(0);
    expect(pairwiseAuc([5, Number.NaN, 3], [true, true, false])).toBe(0);
    // The retained 5 beats the churned 3; a retained NaN would lose, for 0.5.
    expect(pairwiseAuc([3, Number.NaN, 5], [true, false, false])).toBe(1);
  });

  it("is NaN without a churned or without a retained account", () => {
    expect(auc([1, 2], [false, false])).toBeNaN();
    expect(auc([1, Number.NaN], [true, false])).toBeNaN();
    expect(pairwiseAuc([1, 2], [true, true])).toBeNaN();
    expect(pairwiseAuc([1, 2], [false, false])).toBeNaN();
  });
});

describe("the bootstrap interval of the AUC", () => {
  // One churned account at 5, retained at 3 and 7: each resample draws the churned 5 and two
  // retained from {3, 7}, so its AUC is 0 (3 twice), 0.5 or 1 (7 twice), one time in 4, 2 and 4.
  // Of 1000 resamples about 250 are 0 and 250 are 1: the 2.5th percentile is 0, the 97.5th 1,
  // and the median 0.5.
  const scores = [5, 3, 7];
  const churned = [true, false, false];

  it("runs from the 2.5th to the 97.5th percentile of the resamples' AUCs", () => {
    expect(bootstrapAucCi(scores, churned)).toEqual([0, 1]);
  });

  it("narrows to the median at a level of 0", () => {
    expect(bootstrapAucCi(scores, churned, { level: 0 })).toEqual([0.5, 0.5]);
  });

  it("is 0.5 throughout when every account has the same score", () => {
    expect(bootstrapAucCi([4, 4, 4, 4], [true, false, true, false], { samples: 50 })).toEqual([0.5, 0.5]);
  });

  it("leaves out a score that is not a number", () => {
    const withNaN = bootstrapAucCi([5, Number.NaN, 3, 7], [true, false, false, false], { level: 0.5 });
    expect(withNaN).toEqual(bootstrapAucCi(scores, churned, { level: 0.5 }));
  });

  it("is [NaN, NaN] without a resample or without both classes", () => {
    expect(bootstrapAucCi(scores, churned, { samples: 0 })).toEqual([Number.NaN, Number.NaN]);
    expect(bootstrapAucCi(scores, churned, { samples: -1 })).toEqual([Number.NaN, Number.NaN]);
    expect(bootstrapAucCi([1, 2], [true, true])).toEqual([Number.NaN, Number.NaN]);
  });
});

describe("quantile", () => {
  it("interpolates linearly between order statistics, within 0..1", () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([0, 10, 40], 0.75)).toBe(25);
    expect(quantile([0, 10], 2)).toBe(10);
    expect(quantile([0, 10], -1)).toBe(0);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("the standard error of an AUC (Hanley & McNeil)", () => {
  it("is √(394 / 45000) for an AUC of 0.8 over 10 churned and 20 retained accounts", () => {
    // Q1 = 0.8 / 1.2 = 2/3, Q2 = 2 × 0.64 / 1.8 = 32/45; A² = 16/25. Variance:
    // (0.8 × 0.2 + 9 × (2/3 − 16/25) + 19 × (32/45 − 16/25)) / 200
    // = (36/225 + 54/225 + 304/225) / 200 = 394 / 45000.
    expect(aucStandardError(0.8, 10, 20)).toBeCloseTo(Math.sqrt(394 / 45000), 12);
  });
});

describe("stratified folds", () => {
  it("deals the churned first, from fold 0, and the retained on from there", () => {
    const fold = stratifiedFolds([true, false, false], 3, 1);
    expect(fold[0]).toBe(0);
    expect([fold[1], fold[2]].sort()).toEqual([1, 2]);
  });

  it("gives every fold its share of the churned and of the retained", () => {
    const churned = [true, false, true, false, true, false, true, false];
    for (const seed of [1, 2, 3]) {
      const fold = stratifiedFolds(churned, 4, seed);
      for (let f = 0; f < 4; f++) {
        const members = churned.filter((_, i) => fold[i] === f);
        expect(members.sort()).toEqual([false, true]);
      }
    }
  });

  it("shuffles each class by the seed", () => {
    const churned = Array.from({ length: 12 }, (_, i) => i % 3 === 0);
    expect(Array.from(stratifiedFolds(churned, 4, 1))).not.toEqual(
      Array.from(stratifiedFolds(churned, 4, 2)),
    );
  });
});

describe("shuffle", () => {
  it("swaps each item from the last down with one at or before it, one draw a swap", () => {
    // random() = 0.5 picks j = ⌊0.5 (i + 1)⌋: i = 4 swaps with 2, 3 with 2, 2 with 1, 1 with 1.
    // a b c d e → a b e d c → a b d e c → a d b e c → a d b e c.
    let draws = 0;
    const half = () => {
      draws++;
      return 0.5;
    };
    expect(shuffle(["a", "b", "c", "d", "e"], half)).toEqual(["a", "d", "b", "e", "c"]);
    expect(draws).toBe(4);
  });
});
