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
  parseRubric,
  scoreTable,
  sourceColumnsRead,
} from "../../src/core";
import { OPTIONS, pct, RYG_BANDS, rubric } from "./helpers";

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
    expect(columnError(["NPS", "Logins 30d", "nps", "Champion left", "Logins 30D"]).message).toBe(
      'The header row names a column twice: "Logins 30d" is in columns B and E; "NPS" is in columns A and C. Rename one of them.',
    );
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

  it("says which part of the rubric reads each column: metric, flag, segments, a segment's metric", () => {
    const seg = rubric({
      metrics: [pct("Usage")],
      flags: [{ id: "late", label: "Late", column: "Overdue", when: true, cap: 39 }],
      segments: {
        column: "Stage",
        rubrics: { Onboarding: { bands: [{ label: "R", color: "#fff" }], metrics: [pct("Setup")] } },
      },
    });
    expect(columnsRead(seg)).toEqual([
      { column: "Usage", reader: 'metric "Usage"' },
      { column: "Overdue", reader: 'flag "Late"' },
      { column: "Stage", reader: "segments" },
      { column: "Setup", reader: 'segment "Onboarding" metric "Setup"' },
    ]);
  });

  it("needs the key column only when a metric or flag is computed from a source", () => {
    const sources = { logins: { sheet: "Logins", key: "Account", date: "Date" } };
    const columns = { bands: RYG_BANDS, key: "Account", sources, metrics: [pct("NPS")] };
    expect(columnsRead(parseRubric(columns)).map((c) => c.column)).toEqual(["NPS"]);
    const from = { from: { source: "logins", agg: "count" }, score: { type: "range", worst: 0, best: 10 } };
    const computed = { ...columns, metrics: [pct("NPS"), { id: "logins", ...from }] };
    expect(columnsRead(parseRubric(computed)).map((c) => c.column)).toEqual(["NPS", "Account"]);
  });

  it("names a column read twice once, and says there is nothing close when nothing is", () => {
    const twice = rubric({ metrics: [pct("Usage"), { ...pct("Usage"), id: "usage_again" }] });
    let message = "";
    try {
      mapColumns(twice, ["Account"]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'The data has no column "Usage" (read by metric "Usage"): add it to the header row, or change the rubric.',
    );
  });

  it("names every absent and every duplicated column in one error, a sentence for each", () => {
    const error = columnError(["NPS", "nps"]);
    expect(error.message).toMatch(
      /^The data has no columns "Logins 30d" .*, "Champion left" .*: add them to/,
    );
    expect(error.message).toMatch(
      /change the rubric\. The header row names a column twice: "NPS" is in columns A and B\./,
    );
  });
});

describe("sourceColumnsRead", () => {
  it("lists a source's key and date, then each column its metrics and flags read, once each", () => {
    const r = parseRubric({
      bands: RYG_BANDS,
      key: "Account",
      sources: {
        tickets: { sheet: "Tickets", key: "Account", date: "Opened" },
        notes: { sheet: "Notes", key: "Customer" },
      },
      metrics: [
        {
          id: "open",
          from: { source: "tickets", agg: "count", where: [{ column: "Status", equals: "open" }] },
          score: { type: "range", worst: 10, best: 0 },
        },
        {
          id: "sev",
          from: {
            source: "tickets",
            agg: "max",
            column: "Severity",
            where: [{ column: "Status", equals: "open" }],
          },
          score: { type: "range", worst: 3, best: 0 },
        },
        { id: "notes", from: { source: "notes", agg: "count" }, score: { type: "range", worst: 0, best: 5 } },
        pct("NPS"),
      ],
    });
    expect(sourceColumnsRead(r, "tickets")).toEqual(["Account", "Opened", "Status", "Severity"]);
    expect(sourceColumnsRead(r, "notes")).toEqual(["Customer"]);
    expect(sourceColumnsRead(rubric({ metrics: [pct("NPS")] }), "notes")).toEqual([]);
    expect(findHeaderRow([["Export"], ["Customer", "Text"]], r, "notes")).toBe(1);
    expect(findHeaderRow([["Export"], ["Customer", "Text"]], r)).toBe(-1);
    expect(displayedColumns(r, ["Account", "Status"])).toEqual([]);
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

  it("does not count empty or blank cells as text", () => {
    expect(
      findTextHeaderRow([
        ["Report", "  ", null, undefined],
        ["Account", undefined, null, "Plan"],
      ]),
    ).toBe(1);
  });

  it("answers -1 when none of the top five rows is two or more text cells", () => {
    const rows = [["a"], ["b"], ["c"], ["d"], ["e"], ["Account", "Date"]];
    expect(findTextHeaderRow(rows)).toBe(-1);
  });
});

describe("displayedColumns", () => {
  it("names a text flag's column and a segment column and their rubrics' text-map columns, not a yes/no flag's", () => {
    const seg = rubric({
      metrics: [pct("Usage")],
      flags: [
        { id: "churned", column: "Status", when: "churned", cap: 0 },
        { id: "late", column: "Overdue", when: true, cap: 39 },
      ],
      segments: {
        column: "Stage",
        rubrics: {
          Onboarding: {
            bands: [{ label: "R", color: "#fff" }],
            metrics: [
              { id: "tier", column: "Tier", input: "text", score: { type: "map", values: { Gold: 100 } } },
            ],
          },
        },
      },
    });
    expect(displayedColumns(seg, ["Usage", "Status", "Overdue", "Stage", "Tier"])).toEqual([1, 3, 4]);
  });

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
    expect(closestName("ID", ["XI"])).toBeUndefined();
    expect(closestName("ID", ["DX"])).toBeUndefined();
  });

  it("allows one edit even in a short name, two in a name of eight letters, spaces around a header aside", () => {
    expect(closestName("NPS", ["NSP"])).toBe("NSP");
    expect(closestName("Seat count", ["Seta cuont"])).toBe("Seta cuont");
    expect(closestName("Renewal date", ["  renewal dat  "])).toBe("  renewal dat  ");
  });

  it("offers the first of two headers as close, a swap of two letters counting as one edit", () => {
    expect(closestName("Seat", ["Sear", "Seta"])).toBe("Sear");
    expect(closestName("Seat", ["Esax"])).toBeUndefined(); // a swap and a change: two edits
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
