import { describe, expect, it } from "vitest";
import { MIN_THRESHOLD_MOVE, offeredThresholds, suggestThresholds } from "../../../src/core";

/**
 * 21 accounts scoring 0, 5, …, 100: every 5th percentile is a score, so the candidate cuts are 5 to
 * 95 and a cut at 5j puts exactly the j lowest accounts below it. `churned` lists the churned
 * accounts by score.
 */
function grid(churned: (score: number) => boolean) {
  const scores = Array.from({ length: 21 }, (_, i) => 5 * i);
  return { scores, churned: scores.map(churned) };
}

describe("suggested band thresholds", () => {
  it("cuts where churn stops: 100% churn below 35, none from 35", () => {
    // Two pure bands cost nothing (log-loss 0); every other cut leaves a band with both kinds.
    const { scores, churned } = grid((s) => s < 35);
    expect(suggestThresholds(scores, churned, 2)).toEqual({ cuts: [35], monotonic: true });
  });

  it("can cut at the 95th percentile, leaving only the top 5% above", () => {
    const { scores, churned } = grid((s) => s < 95);
    expect(suggestThresholds(scores, churned, 2)).toEqual({ cuts: [95], monotonic: true });
  });

  it("suggests nothing for one band or no accounts", () => {
    const { scores, churned } = grid((s) => s < 35);
    expect(suggestThresholds(scores, churned, 1)).toBeUndefined();
    expect(suggestThresholds([], [], 3)).toBeUndefined();
  });

  it("among equally good cuts, takes the lowest", () => {
    // Churn only below 50: any cuts with one at 50 and the other inside a pure run cost nothing.
    // The lowest such pair is 5 and 50 (rates 100%, 100%, 0%: equal rates count as falling).
    const { scores, churned } = grid((s) => s < 50);
    expect(suggestThresholds(scores, churned, 3)).toEqual({ cuts: [5, 50], monotonic: true });
  });

  it("calls equal churn in neighbouring bands falling, not rising", () => {
    // Nobody churned: every band's rate is 0%, so every pair of cuts is as good and ordered.
    const { scores, churned } = grid(() => false);
    expect(suggestThresholds(scores, churned, 2)).toEqual({ cuts: [5], monotonic: true });
    expect(suggestThresholds(scores, churned, 3)).toEqual({ cuts: [5, 10], monotonic: true });
  });

  it("says the bands are not ordered when churn rises with the score whatever the cuts", () => {
    // Churn only from 50 up: a band that holds churned accounts always sits above a band with a
    // lower rate, so no cuts give falling churn. The best cuts regardless (two pure bands and a
    // pure third, log-loss 0; the lowest such pair is 5 and 50) come back, flagged.
    const { scores, churned } = grid((s) => s >= 50);
    expect(suggestThresholds(scores, churned, 3)).toEqual({ cuts: [5, 50], monotonic: false });
  });

  it("prefers falling churn to a lower log-loss", () => {
    // All churn below 50 (10 accounts), one more churned at 90, and 95 and 100 retained. Cuts at
    // 50 and 90 cost less (3 × H(1/3) = 1.91 nats, H the binary entropy) but churn rises from 0%
    // to 33% in the top band; 50 and 95 cost 9 × H(1/9) = 3.14 and churn falls 100%, 11%, 0%.
    // Any other ordered pair costs more: 45 and 95 leave 2 of 10 churned in the middle (10 × H(0.2)
    // = 5.00), 55 and 95 leave 1 of 11 retained below (11 × H(1/11) = 3.35, plus 8 × H(1/8) = 3.01).
    const { scores, churned } = grid((s) => s < 50 || s === 90);
    expect(suggestThresholds(scores, churned, 3)).toEqual({ cuts: [50, 95], monotonic: true });
  });

  it("weighs each band's churn by its size: a small mixed band below a large calm one", () => {
    // Churned at 10 and 70 only. Cut at 15: 1 of 3 below, 1 of 18 above, log-loss
    // 3 × H(1/3) + 18 × H(1/18) = 1.910 + 3.862 = 5.77 nats (H the binary entropy). Its nearest
    // rival, 75, puts both churned among 15 below and none above: 15 × H(2/15) = 5.89.
    const { scores, churned } = grid((s) => s === 10 || s === 70);
    expect(suggestThresholds(scores, churned, 2)).toEqual({ cuts: [15], monotonic: true });
  });

  it("keeps every band at 4% of the accounts or more (2 of 40)", () => {
    // One account at 0 and 39 at 50: the only cut, 50, would leave a band of 1 below it.
    const one = [0, ...Array.from({ length: 39 }, () => 50)];
    expect(suggestThresholds(one, [true, ...one.slice(1).map(() => false)], 2)).toBeUndefined();
    // Two at 0: the 5th percentile, 2.5% of the way from 0 to 50 (47.5), leaves exactly 2 below.
    const two = [0, 0, ...Array.from({ length: 38 }, () => 50)];
    expect(suggestThresholds(two, [true, true, ...two.slice(2).map(() => false)], 2)).toEqual({
      cuts: [47.5],
      monotonic: true,
    });
    // 38 at 0 and two at 50: the 95th percentile (2.5) leaves exactly 2 above.
    const top = [...Array.from({ length: 38 }, () => 0), 50, 50];
    expect(suggestThresholds(top, [...top.slice(2).map(() => true), false, false], 2)).toEqual({
      cuts: [2.5],
      monotonic: true,
    });
  });

  it("keeps the top band at 4% too, when rounding the cut to one decimal leaves one account above", () => {
    // 37 at 0, then 10.06, 10.07, 10.2: the 95th percentile, 10.0605, rounds to 10.1, above all but 10.2.
    const scores = [...Array.from({ length: 37 }, () => 0), 10.06, 10.07, 10.2];
    expect(
      suggestThresholds(
        scores,
        scores.map((s) => s === 0),
        2,
      ),
    ).toBeUndefined();
  });

  it("keeps a middle band at 4% too", () => {
    // 20 churned at 0, one account at 50, 19 retained at 100 (40 accounts, so at least 2 a band).
    // The quantiles are 0, 25 (the median, halfway from the 20th account to the 21st) and 100:
    // the only two cuts, 25 and 100, would leave the account at 50 alone in the middle band.
    const scores = [...Array.from({ length: 20 }, () => 0), 50, ...Array.from({ length: 19 }, () => 100)];
    expect(
      suggestThresholds(
        scores,
        scores.map((s) => s === 0),
        3,
      ),
    ).toBeUndefined();
  });
});

describe("suggested thresholds offered as a change", () => {
  it("keeps today's threshold when the suggestion moves its band by less than one point", () => {
    expect(MIN_THRESHOLD_MOVE).toBe(1);
    expect(offeredThresholds([40.3, 62.5], [40, 70])).toEqual([40, 62.5]);
    expect(offeredThresholds([39.1, 70.9], [40, 70])).toEqual([40, 70]);
  });

  it("offers a move of one point or more", () => {
    expect(offeredThresholds([41, 69], [40, 70])).toEqual([41, 69]);
  });

  it("offers a cut of a band today's rubric does not have as it is", () => {
    expect(offeredThresholds([40.3, 60], [40])).toEqual([40, 60]);
  });

  it("never puts a threshold back where the cuts would stop increasing", () => {
    // 40.2 is within a point of today's 40.9, but 40.9 would sit above the next cut, 40.4.
    expect(offeredThresholds([40.2, 40.4], [40.9, 45])).toEqual([40.2, 40.4]);
    // 40.1 is within a point of 40.4, but would sit below the cut before it, 40.2.
    expect(offeredThresholds([40.2, 40.4], [35, 40.1])).toEqual([40.2, 40.4]);
  });

  it("never puts a threshold back onto the cut next to it", () => {
    // Today's 40 would equal the cut before it (40); today's 41 would equal the cut after it (41).
    expect(offeredThresholds([40, 40.5], [38, 40])).toEqual([40, 40.5]);
    expect(offeredThresholds([40.5, 41], [41, 45])).toEqual([40.5, 41]);
  });
});
