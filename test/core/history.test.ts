import { describe, expect, it } from "vitest";
import {
  droppedBand,
  historyByAccount,
  previousSnapshots,
  readHistory,
  rubricFingerprint,
  type Snapshot,
  scoreChange,
  trendText,
} from "../../src/core";
import { pct, rubric } from "./helpers";

const snap = (date: string, account: string, score: number | null, band = "Green", fp = "f1"): Snapshot => ({
  date,
  account,
  score,
  band,
  coverage: 1,
  rubric: fp,
});

describe("rubric fingerprints", () => {
  it("are equal for the same scoring, whatever the name or key order", () => {
    const a = rubric({ name: "A", metrics: [pct("NPS"), pct("Usage")] });
    const b = rubric({ metrics: [pct("NPS"), pct("Usage")], name: "B" });
    expect(rubricFingerprint(a)).toBe(rubricFingerprint(b));
    expect(rubricFingerprint(a)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("change when a weight changes", () => {
    const a = rubric({ metrics: [pct("NPS"), pct("Usage")] });
    const b = rubric({ metrics: [pct("NPS", { weight: 2 }), pct("Usage")] });
    expect(rubricFingerprint(a)).not.toBe(rubricFingerprint(b));
  });
});

describe("trends", () => {
  const history = [
    snap("2026-11-02", "Acme", 70),
    snap("2026-11-09", "Acme", 64, "Yellow"),
    snap("2026-11-09", "Beta", 50, "Yellow", "other rubric"),
    snap("2026-11-16", "Acme", 99), // today's: not "previous"
  ];

  it("compare each account with its latest snapshot before today, under the same rubric", () => {
    const previous = previousSnapshots(history, "2026-11-16", "f1");
    expect(previous.get("acme")?.score).toBe(64);
    expect(previous.has("beta")).toBe(false);
  });

  it("read as arrows with the change", () => {
    expect(trendText(70.2, snap("d", "a", 64))).toBe("▲ 6.2");
    expect(trendText(60, snap("d", "a", 64))).toBe("▼ 4");
    expect(trendText(64, snap("d", "a", 64))).toBe("■ 0");
    expect(trendText(null, snap("d", "a", 64))).toBe("");
    expect(trendText(64, undefined)).toBe("");
  });

  it("know a drop from Green to Yellow from a rise", () => {
    const r = rubric({ metrics: [pct("NPS")] });
    expect(droppedBand(r, "Yellow", "Green")).toBe(true);
    expect(droppedBand(r, "Green", "Yellow")).toBe(false);
    expect(droppedBand(r, "No data", "Green")).toBe(false);
  });

  it("measure a score's change over whole weeks", () => {
    const byAccount = historyByAccount(history);
    expect(scoreChange(byAccount, "acme", 1)).toBe(35); // 99 on 11-16 against 64 on 11-09
    expect(scoreChange(byAccount, " Acme ", 2)).toBe(29);
    expect(scoreChange(byAccount, "Acme", 3)).toBeUndefined();
    expect(scoreChange(byAccount, "Nobody", 1)).toBeUndefined();
  });

  it("read history rows from a sheet, skipping the header and rows without an account", () => {
    const rows = readHistory(
      [
        ["Date", "Account", "Score", "Band", "Coverage", "Rubric"],
        [new Date("2026-11-01T23:30:00Z"), "Acme", 70, "Green", 0.75, "f1"],
        ["2026-11-08", "Acme", "64", "Yellow", "", "f1"],
        ["", "", "", "", "", ""],
      ],
      "Europe/Berlin",
    );
    expect(rows).toEqual(
      [
        snap("2026-11-02", "Acme", 70, "Green"),
        { ...snap("2026-11-08", "Acme", 64, "Yellow"), coverage: 0 },
      ].map((s, i) => (i === 0 ? { ...s, coverage: 0.75 } : s)),
    );
  });
});
