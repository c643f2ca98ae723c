import { describe, expect, it } from "vitest";
import { MIN_THRESHOLD_MOVE, offeredThresholds } from "../../../src/core";

describe("suggested thresholds offered as a change", () => {
  it("keeps today's threshold when the suggestion moves its band by less than one point", () => {
    expect(MIN_THRESHOLD_MOVE).toBe(1);
    expect(offeredThresholds([40.3, 62.5], [40, 70])).toEqual([40, 62.5]);
    expect(offeredThresholds([39.1, 70.9], [40, 70])).toEqual([40, 70]);
  });

  it("offers a move of one point or more", () => {
    expect(offeredThresholds([41, 69], [40, 70])).toEqual([41, 69]);
  });

  it("never puts a threshold back where the cuts would stop increasing", () => {
    // 40.2 is within a point of today's 40.9, but 40.9 would sit above the next cut, 40.4.
    expect(offeredThresholds([40.2, 40.4], [40.9, 45])).toEqual([40.2, 40.4]);
  });
});
