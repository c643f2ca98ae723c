import { describe, expect, it } from "vitest";
import { applyFlags, type CellValue, explain } from "../../../src/core";
import { pct, rubric, scoreRow } from "../helpers";

/** A one-metric weighted rubric (cell value = score) with one flag on column "Flag". */
function withFlag(flag: Record<string, unknown>, method: "weighted" | "points" = "weighted") {
  const metric =
    method === "weighted"
      ? pct("Health")
      : { id: "Health", column: "Health", score: { type: "perUnit", points: 1 } };
  return rubric({ method, metrics: [metric], flags: [{ id: "f", label: "Risk", column: "Flag", ...flag }] });
}

const fires = (flag: Record<string, unknown>, cell: CellValue) =>
  scoreRow(withFlag(flag), { Health: 90, Flag: cell }).flags.length > 0;

describe("flag conditions", () => {
  it("fires `when: true` on a ticked checkbox or TRUE text", () => {
    const flag = { when: true, cap: 39 };
    expect(fires(flag, true)).toBe(true);
    expect(fires(flag, "TRUE")).toBe(true);
    expect(fires(flag, " true ")).toBe(true);
    expect(fires(flag, false)).toBe(false);
    expect(fires(flag, "")).toBe(false);
  });

  it.each(["Yes", "y", "1", 1, " YES "])("fires `when: true` on %j, as CRM exports write yes", (cell) => {
    expect(fires({ when: true, cap: 39 }, cell)).toBe(true);
    expect(fires({ when: false, cap: 39 }, cell)).toBe(false);
  });

  it.each(["No", "n", "0", 0])("fires `when: false` on %j", (cell) => {
    expect(fires({ when: false, cap: 39 }, cell)).toBe(true);
  });

  it("says so when a `when: true` cell is neither yes nor no, instead of silently not firing", () => {
    const r = scoreRow(withFlag({ when: true, cap: 39 }), { Health: 90, Flag: "maybe" });
    expect(r.flags).toEqual([]);
    expect(r.score).toBe(90);
    expect(r.invalid).toEqual([
      {
        id: "f",
        label: "Risk",
        column: "Flag",
        reason: '"maybe" is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)',
      },
    ]);
    expect(explain(r)).toContain('Flag: "maybe" is not yes or no');
    expect(scoreRow(withFlag({ when: true, cap: 39 }), { Health: 90, Flag: "N/A" }).invalid).toEqual([]);
  });

  it("fires `when: false` on an unticked checkbox", () => {
    const flag = { when: false, cap: 39 };
    expect(fires(flag, false)).toBe(true);
    expect(fires(flag, "FALSE")).toBe(true);
    expect(fires(flag, true)).toBe(false);
  });

  it("fires `when: <number>` on an equal number, in a number or text cell", () => {
    const flag = { when: 0, cap: 20 };
    expect(fires(flag, 0)).toBe(true);
    expect(fires(flag, "0")).toBe(true);
    expect(fires(flag, 1)).toBe(false);
    expect(fires(flag, "")).toBe(false);
  });

  it("reads a checkbox as 1 or 0 for `when: <number>`", () => {
    expect(fires({ when: 1, cap: 20 }, true)).toBe(true);
    expect(fires({ when: 0, cap: 20 }, false)).toBe(true);
    expect(fires({ when: 1, cap: 20 }, false)).toBe(false);
  });

  it("fires `when: <text>` on equal text, trimmed and case-insensitively", () => {
    const flag = { when: "High", cap: 39 };
    expect(fires(flag, "high")).toBe(true);
    expect(fires(flag, "  HIGH ")).toBe(true);
    expect(fires(flag, "Highest")).toBe(false);
  });

  it("fires `contains` on a case-insensitive substring", () => {
    const flag = { contains: "acquired", cap: 39 };
    expect(fires(flag, "Renewal, Acquired by Initech")).toBe(true);
    expect(fires(flag, "ACQUIRED")).toBe(true);
    expect(fires(flag, "renewal")).toBe(false);
    expect(fires(flag, "")).toBe(false);
  });

  it("fires `min` when the number reaches it", () => {
    const flag = { min: 30, cap: 39 };
    expect(fires(flag, 45)).toBe(true);
    expect(fires(flag, 30)).toBe(true);
    expect(fires(flag, "30")).toBe(true);
    expect(fires(flag, 29)).toBe(false);
    expect(fires(flag, "")).toBe(false);
    expect(fires(flag, "soon")).toBe(false);
    expect(fires(flag, new Date("2026-11-26T12:00:00Z"))).toBe(false);
  });

  it("fires `max` when the number is at most it", () => {
    const flag = { max: 6, cap: 39 };
    expect(fires(flag, 6)).toBe(true);
    expect(fires(flag, -2)).toBe(true);
    expect(fires(flag, 7)).toBe(false);
  });

  it("fires `min` and `max` together inside the range only", () => {
    const flag = { min: 10, max: 20, cap: 39 };
    expect(fires(flag, 10)).toBe(true);
    expect(fires(flag, 20)).toBe(true);
    expect(fires(flag, 9)).toBe(false);
    expect(fires(flag, 21)).toBe(false);
  });

  it("reports the fired flag with its label and effects, and no effect it does not have", () => {
    const result = scoreRow(withFlag({ when: true, cap: 39 }), { Health: 90, Flag: true });
    expect(result.flags).toStrictEqual([{ id: "f", label: "Risk", cap: 39 }]);
    const lifted = scoreRow(withFlag({ when: true, add: 5, floor: 20 }), { Health: 10, Flag: true });
    expect(lifted.flags).toStrictEqual([{ id: "f", label: "Risk", add: 5, floor: 20 }]);
  });

  it("lists an unreadable flag cell after the metrics' invalid cells, keeping both", () => {
    const r = withFlag({ when: true, cap: 39 });
    const result = scoreRow(rubric({ ...r, metrics: [...r.metrics, pct("Seats")] }), {
      Health: 90,
      Seats: "lots",
      Flag: "maybe",
    });
    expect(result.score).toBe(90);
    expect(result.invalid.map((c) => [c.id, c.column, c.reason])).toEqual([
      ["Seats", "Seats", '"lots" is not a number'],
      ["f", "Flag", '"maybe" is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)'],
    ]);
  });
});

describe("flag effects", () => {
  it("caps the score at 39 when the champion left", () => {
    const r = rubric({
      metrics: [pct("Health")],
      flags: [{ id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 }],
    });
    const capped = scoreRow(r, { Health: 90, "Champion left": true });
    expect(capped.score).toBe(39);
    expect(capped.band).toBe("Red");
    expect(scoreRow(r, { Health: 20, "Champion left": true }).score).toBe(20);
    expect(scoreRow(r, { Health: 90, "Champion left": false }).score).toBe(90);
  });

  it("lifts the score to a floor", () => {
    const r = withFlag({ when: true, floor: 40 });
    expect(scoreRow(r, { Health: 10, Flag: true }).score).toBe(40);
    expect(scoreRow(r, { Health: 60, Flag: true }).score).toBe(60);
  });

  it("adds to the score", () => {
    expect(scoreRow(withFlag({ when: true, add: 10 }), { Health: 60, Flag: true }).score).toBe(70);
    expect(scoreRow(withFlag({ when: true, add: -15 }), { Health: 60, Flag: true }).score).toBe(45);
  });

  it("clamps an add to 0..100 under weighted", () => {
    expect(scoreRow(withFlag({ when: true, add: 10 }), { Health: 95, Flag: true }).score).toBe(100);
    expect(scoreRow(withFlag({ when: true, add: -30 }), { Health: 20, Flag: true }).score).toBe(0);
  });

  it("does not clamp an add under points", () => {
    expect(scoreRow(withFlag({ when: true, add: 10 }, "points"), { Health: 95, Flag: true }).score).toBe(105);
    expect(scoreRow(withFlag({ when: true, add: -30 }, "points"), { Health: 20, Flag: true }).score).toBe(
      -10,
    );
  });

  it("applies add, then floor, then cap, so a cap always wins", () => {
    const r = rubric({
      metrics: [pct("Health")],
      flags: [
        { id: "cap", column: "Cap", when: true, cap: 39 },
        { id: "floor", column: "Floor", when: true, floor: 60 },
        { id: "bonus", column: "Bonus", when: true, add: 20 },
      ],
    });
    const row = (cap: boolean, floor: boolean, bonus: boolean) => ({
      Health: 30,
      Cap: cap,
      Floor: floor,
      Bonus: bonus,
    });
    expect(scoreRow(r, row(true, true, true)).score).toBe(39);
    // add first (50), then the floor lifts it to 60.
    expect(scoreRow(r, row(false, true, true)).score).toBe(60);
    // the add is not applied after the floor.
    expect(scoreRow(r, row(false, true, false)).score).toBe(60);
    expect(scoreRow(r, row(false, false, true)).score).toBe(50);
  });

  it("clamps an add before the cap applies", () => {
    expect(
      applyFlags(
        95,
        [
          { id: "a", label: "a", add: 20 },
          { id: "c", label: "c", cap: 99 },
        ],
        true,
      ),
    ).toBe(99);
    expect(applyFlags(95, [{ id: "a", label: "a", add: 20 }], true)).toBe(100);
  });

  it("uses the highest floor and the lowest cap when several fire", () => {
    const flags = [
      { id: "f1", label: "f1", floor: 20 },
      { id: "f2", label: "f2", floor: 30 },
      { id: "c1", label: "c1", cap: 60 },
      { id: "c2", label: "c2", cap: 50 },
    ];
    expect(applyFlags(10, flags, true)).toBe(30);
    expect(applyFlags(90, flags, true)).toBe(50);
  });

  it("uses the highest floor and the lowest cap in whatever order the flags come", () => {
    const flags = [
      { id: "f2", label: "f2", floor: 30 },
      { id: "f1", label: "f1", floor: 20 },
      { id: "c2", label: "c2", cap: 50 },
      { id: "c1", label: "c1", cap: 60 },
    ];
    expect(applyFlags(10, flags, true)).toBe(30);
    expect(applyFlags(90, flags, true)).toBe(50);
    expect(applyFlags(45, flags, true)).toBe(45);
  });

  it("adds every fired add", () => {
    const flags = [
      { id: "a1", label: "a1", add: 5 },
      { id: "a2", label: "a2", add: -2 },
    ];
    expect(applyFlags(50, flags, true)).toBe(53);
  });

  it("lets a floor win over a cap only when the cap is higher", () => {
    expect(applyFlags(10, [{ id: "x", label: "x", floor: 50, cap: 40 }], true)).toBe(40);
  });
});
