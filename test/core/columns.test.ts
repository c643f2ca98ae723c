import { describe, expect, it } from "vitest";
import {
  absentColumnMessage,
  ColumnError,
  closestName,
  columnLetter,
  columnsRead,
  displayedColumns,
  findHeaderRow,
  findTextHeaderRow,
  mapColumns,
  scoreTable,
} from "../../src/core";
import { OPTIONS, pct, rubric } from "./helpers";

const r = rubric({
  metrics: [pct("Logins 30d"), pct("NPS")],
  flags: [{ id: "champion_left", label: "Champion left", column: "Champion left", when: true, cap: 39 }],
});

function columnError(headers: string[]): ColumnError {
  try {
    mapColumns(r, headers);
  } catch (e) {
    if (e instanceof ColumnError) return e;
    throw e;
  }
  throw new Error("mapColumns did not throw");
}

describe("columnLetter", () => {
  it("names columns as Sheets does", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
    expect(columnLetter(26)).toBe("AA");
    expect(columnLetter(701)).toBe("ZZ");
    expect(columnLetter(702)).toBe("AAA");
  });
});

describe("mapColumns", () => {
  it("matches headers trimmed and case-insensitively", () => {
    const map = mapColumns(r, ["Customer", "  logins 30D ", "nps", "CHAMPION LEFT"]);
    expect(map.get("logins 30d")).toBe(1);
    expect(map.get("nps")).toBe(2);
    expect(map.get("champion left")).toBe(3);
  });

  it("throws one ColumnError naming every absent column", () => {
    const error = columnError(["Customer", "Logins 30d"]);
    expect(error.name).toBe("ColumnError");
    expect(error.message).toContain('"NPS"');
    expect(error.message).toContain('"Champion left"');
    expect(error.message).not.toContain('"Logins 30d"');
  });

  it("offers the closest header for an absent column, as the sidebar does", () => {
    const error = columnError(["Customer", "Logins 30 d", "NPS", "Champion left"]);
    expect(error.message).toContain(
      '"Logins 30d" (read by metric "Logins 30d"; did you mean "Logins 30 d"?)',
    );
  });

  it("names the duplicated column and its column letters", () => {
    const error = columnError(["NPS", "Logins 30d", " nps ", "Champion left"]);
    expect(error.message).toContain('"NPS" is in columns A and C');
  });

  it("ignores duplicates among columns the rubric does not read", () => {
    expect(() => mapColumns(r, ["Notes", "Logins 30d", "NPS", "Champion left", "notes"])).not.toThrow();
  });

  it("makes scoreTable throw the ColumnError before scoring", () => {
    expect(() => scoreTable(r, ["Logins 30d"], [[1]], OPTIONS)).toThrow(ColumnError);
  });

  it("reads the segment column and the segment rubrics' columns too", () => {
    const seg = rubric({
      metrics: [pct("Usage")],
      segments: {
        column: "Stage",
        rubrics: { Onboarding: { bands: [{ label: "R", color: "#fff" }], metrics: [pct("Setup")] } },
      },
    });
    expect(columnsRead(seg).map((c) => c.column)).toEqual(["Usage", "Stage", "Setup"]);
    expect(() => mapColumns(seg, ["Usage", "Setup"])).toThrow(/"Stage"/);
  });
});

describe("findHeaderRow", () => {
  it("finds the header below title rows, in the top five rows", () => {
    const rows = [
      ["Health export"],
      ["as of 2026-11-26", ""],
      [],
      ["Account", "Logins 30d", "NPS"],
      ["Acme", 3, 9],
    ];
    expect(findHeaderRow(rows, r)).toBe(3);
  });

  it("answers -1 when none of the top five rows names a column the rubric reads", () => {
    const rows = [["a"], ["b"], ["c"], ["d"], ["e"], ["Account", "NPS"]];
    expect(findHeaderRow(rows, r)).toBe(-1);
  });
});

describe("findTextHeaderRow", () => {
  it("skips a title row and a blank row to the first row of two or more text cells", () => {
    const rows = [
      ["Login export", "", ""],
      [],
      ["Account", "", "Date"],
      ["Acme", "", new Date("2026-11-20")],
    ];
    expect(findTextHeaderRow(rows)).toBe(2);
  });

  it("does not take a row holding a number or a date for a header", () => {
    expect(
      findTextHeaderRow([
        ["Acme", 3],
        ["Acme", new Date("2026-11-20")],
        ["Account", "Logins"],
      ]),
    ).toBe(2);
  });

  it("answers -1 when none of the top five rows is two or more text cells", () => {
    const rows = [["a"], ["b"], ["c"], ["d"], ["e"], ["Account", "Date"]];
    expect(findTextHeaderRow(rows)).toBe(-1);
  });
});

describe("displayedColumns", () => {
  it("names the columns only ever matched as written, and none that a number is read from", () => {
    const r = rubric({
      metrics: [
        { id: "tier", column: "Tier", input: "text", score: { type: "map", values: { Gold: 100 } } },
        { id: "disc", column: "Discount", score: { type: "map", values: { "10%": 100 } } },
        { id: "seats", column: "Seats", score: { type: "map", values: { "5": 100 } } },
        { id: "seats_n", column: "seats", score: { type: "range", worst: 0, best: 10 } },
        { id: "ok", column: "Renewed", input: "boolean", score: { type: "map", values: { TRUE: 100 } } },
      ],
      flags: [{ id: "acq", column: "Notes", contains: "acquired", cap: 39 }],
    });
    expect(displayedColumns(r, ["Tier", "Discount", "Seats", "Renewed", "Notes", "Other"])).toEqual([
      0, 1, 4,
    ]);
  });
});

describe("closestName", () => {
  it("offers the header a column name was meant to be: a spelling, a typo, a case", () => {
    const headers = ["Account", "Seat utilisation", "Last login", "NPS"];
    expect(closestName("Seat utilization", headers)).toBe("Seat utilisation");
    expect(closestName("last logn", headers)).toBe("Last login");
    expect(closestName(" nps ", headers)).toBe("NPS");
    expect(closestName("wieght", ["weight", "label"])).toBe("weight"); // two letters swapped is one edit
  });

  it("offers nothing when no header is close: one edit per four letters at most", () => {
    expect(closestName("Seats", ["Active users", "ARR"])).toBeUndefined();
    expect(closestName("CSAT", ["NPS"])).toBeUndefined();
    expect(closestName("Logins", ["Last login"])).toBeUndefined();
  });

  it("names the closest header in the message about a column the data lacks", () => {
    expect(absentColumnMessage("Seat utilization", ["Seat utilisation"])).toBe(
      '"Seat utilization" is not a column of the data: did you mean "Seat utilisation"?',
    );
    expect(absentColumnMessage("Churn risk", ["ARR"])).toBe(
      '"Churn risk" is not a column of the data: pick one of its columns, or add this one to the header row',
    );
  });
});
