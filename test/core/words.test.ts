import { describe, expect, it } from "vitest";
import { coverageText, elapsed, plural, thousands } from "../../src/core";

describe("plural", () => {
  it("says one thing, or many things with a thousands separator", () => {
    expect(plural(1, "account")).toBe("1 account");
    expect(plural(0, "account")).toBe("0 accounts");
    expect(plural(1200, "account")).toBe("1,200 accounts");
    expect(plural(2, "match", "matches")).toBe("2 matches");
  });
});

describe("thousands", () => {
  it("groups the whole part only, and leaves what is not a plain number as JavaScript writes it", () => {
    expect(thousands(1234567.891)).toBe("1,234,567.891");
    expect(thousands(-9990)).toBe("-9,990");
    expect(thousands(999)).toBe("999");
    expect(thousands(1e21)).toBe("1e+21");
    expect(thousands(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("coverage", () => {
  it("is a whole percentage, halves rounding up", () => {
    expect(coverageText(1)).toBe("100%");
    expect(coverageText(0.375)).toBe("38%");
    expect(coverageText(0.125)).toBe("13%");
    expect(coverageText(0)).toBe("0%");
  });
});

describe("elapsed", () => {
  it("says a time under a second in milliseconds, and longer ones in seconds to a tenth", () => {
    expect(elapsed(0)).toBe("0 ms");
    expect(elapsed(340.4)).toBe("340 ms");
    expect(elapsed(999.4)).toBe("999 ms");
    expect(elapsed(999.6)).toBe("1 s");
    // What would round to 1000 ms is said as a second.
    expect(elapsed(999.5)).toBe("1 s");
    expect(elapsed(2_449)).toBe("2.4 s");
    expect(elapsed(1_234_567)).toBe("1,234.6 s");
  });
});
