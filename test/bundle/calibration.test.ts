/** Check rubric against churn, through the built bundle on the emulator. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibrate, calibrationVerdict, parseRubric, rubricToGrid } from "../../src/core";
import { customers, open, pickColumn, preselectedColumn, type Session } from "./helpers";

const starter = parseRubric(JSON.parse(readFileSync("examples/simple-ryg.json", "utf8")));

/** A rubric whose score is its one metric's value: Red below 40, Yellow from 40, Green from 70. */
const oneMetric = parseRubric({
  version: 1,
  name: "One metric",
  method: "weighted",
  missing: "skip",
  bands: [{ label: "Red" }, { label: "Yellow", from: 40 }, { label: "Green", from: 70 }],
  metrics: [
    {
      id: "health",
      label: "Health",
      column: "Health",
      weight: 1,
      score: { type: "range", worst: 0, best: 100 },
    },
  ],
});
/** Accounts in groups of [score, accounts, of which churned], under the one-metric rubric. */
const scored = (...groups: [number, number, number][]): unknown[][] => [
  ["Account", "Health", "Churned"],
  ...groups.flatMap(([score, n, churned]) =>
    Array.from({ length: n }, (_, i) => [`Account ${score}-${i}`, score, i < churned]),
  ),
];
/** The one-metric rubric checked against Churned on `data` from the sidebar: the report and the core's numbers. */
function checkOneMetric(data: unknown[][], sheets: Record<string, unknown[][]> = {}) {
  const session: Session = open(
    { Customers: data, "Health Rubric": rubricToGrid(oneMetric), ...sheets },
    "Customers",
  );
  session.addon.call("sidebarCall", "checkCalibration", ["Churned"]);
  const c = calibrate(oneMetric, data[0] as string[], data.slice(1) as never, {
    outcomeColumn: "Churned",
    asOf: "2026-11-26",
    timeZone: "Europe/London",
  });
  const report = session.emu.sheetValues("Health Calibration");
  const at = (first: string) => report.findIndex((r) => r[0] === first);
  return { ...session, c, report, at };
}
const line = (text: unknown) => [text, "", "", "", "", ""];
const blank = line("");

describe("Check rubric against churn", () => {
  it("writes the Health Calibration sheet with the core's numbers and a chart of churn per band", () => {
    const data = customers();
    const session = open({ Customers: data });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    // A dialog lists the sheet's columns with the one that says churn selected.
    expect(emu.ui.dialogs.at(-1)?.title).toBe("Which column says who churned?");
    expect(preselectedColumn(session)).toBe("Churned");
    expect(emu.ui.prompts).toEqual([]);
    pickColumn(session, "Churned");

    const expected = calibrate(starter, data[0] as string[], data.slice(1) as never, {
      outcomeColumn: "Churned",
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    const report = emu.sheetValues("Health Calibration");
    const row = (label: string) => report.find((r) => r[0] === label) as unknown[];
    // The verdict, in the sidebar's words, right under the title.
    expect(report[1]?.[0]).toBe(calibrationVerdict(expected));
    expect(report[1]?.[0]).toMatch(/^(Strong|Useful|Weak|No clear) separation: /);
    expect(row("Accounts").slice(0, 4)).toEqual(["Accounts", expected.n, "Churned", expected.churned]);
    expect(row("AUC")[1]).toBeCloseTo(expected.auc, 3);
    // The verdict on the suggested weights, in the words the CLI and the sidebar use, under the CV AUCs.
    const cv = report.findIndex((r) => r[0] === "Cross-validated AUC");
    expect(report[cv + 1]?.[0]).toBe(expected.verdict.text);
    expect(expected.verdict.text).toMatch(/^On held-out accounts \(5-fold cross-validation\) /);
    for (const band of expected.bands) {
      expect(row(band.label).slice(2, 5)).toEqual([
        band.accounts,
        band.churned,
        Number((band.churn_rate ?? 0).toFixed(3)),
      ]);
    }
    const sheet = emu.spreadsheet.getSheetByName("Health Calibration");
    const charts = sheet?.getCharts() ?? [];
    expect(charts).toHaveLength(1);
    const header = report.findIndex((r) => r[0] === "Band") + 1;
    const last = header + expected.bands.length;
    expect(charts[0]?.getRanges().map((r) => r.getA1Notation())).toEqual([
      `A${header}:A${last}`,
      `E${header}:E${last}`,
    ]);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /^[\w ]+ separation: [\w ]+\. AUC 0\.\d\d \(95% interval 0\.\d\d–0\.\d\d\) on 199 accounts, \d+ churned/,
    );
    // The user stays on their data.
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Customers");

    // Again: the report is replaced, not stacked, and there is still one chart.
    addon.call("checkCalibration");
    pickColumn(session, "Churned");
    expect(emu.sheetValues("Health Calibration")).toEqual(report);
    expect(emu.spreadsheet.getSheetByName("Health Calibration")?.getCharts()).toHaveLength(1);
  });

  it("shows churn rates as percentages and leaves a threshold the data would move by under a point as it is", () => {
    const session = open({ Customers: customers() });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    const c = pickColumn(session, "Churned") as ReturnType<typeof calibrate>;
    const display = emu.sheetDisplayValues("Health Calibration");
    const counts = display.find((r) => r[0] === "Accounts") as string[];
    expect(counts[5]).toBe(`${(c.churn_rate * 100).toFixed(1)}%`);
    const header = display.findIndex((r) => r[0] === "Band");
    expect(display[header]?.slice(0, 6)).toEqual([
      "Band",
      "From",
      "Accounts",
      "Churned",
      "Churn rate",
      "Suggested from",
    ]);
    c.bands.forEach((b, i) => {
      const line = display[header + 1 + i] as string[];
      expect(line[4]).toBe(b.churn_rate === null ? "" : `${(b.churn_rate * 100).toFixed(1)}%`);
      const cut = i > 0 ? c.suggested.thresholds?.[i - 1] : undefined;
      // A suggested threshold is offered only when it moves the band by a point or more.
      if (cut !== undefined && b.from !== undefined && Math.abs(cut - b.from) >= 1)
        expect(line[5]).toBe(String(cut));
      else expect(line[5]).toBe("");
    });
  });

  it("lays out every table of the report with the core's numbers, titled in bold, and charts churn per band", () => {
    const data = customers();
    const session = open({ Customers: data });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    expect(emu.ui.dialogs.at(-1)?.content).toContain(
      "A column of TRUE/FALSE (or yes/no): &#34;Churned&#34; (TRUE = left) or &#34;Renewed&#34; (TRUE = stayed). The scores are checked against it on the Health Calibration sheet.",
    );
    pickColumn(session, "Churned");
    const c = calibrate(starter, data[0] as string[], data.slice(1) as never, {
      outcomeColumn: "Churned",
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    const r3 = (n: number | null) => (n === null ? "" : Number(n.toFixed(3)));
    const report = emu.sheetValues("Health Calibration");
    const row = (label: string) => report.find((r) => r[0] === label);
    expect(report[0]?.[0]).toBe("Health Calibration");
    expect(row("Rubric")).toEqual([
      "Rubric",
      starter.name,
      "Data",
      "Customers",
      "Outcome",
      "Churned (TRUE = churned)",
    ]);
    expect(row("Accounts")).toEqual(["Accounts", c.n, "Churned", c.churned, "Churn rate", r3(c.churn_rate)]);
    expect(row("AUC")).toEqual([
      "AUC",
      r3(c.auc),
      "95% interval",
      `${r3(c.auc_ci[0])}–${r3(c.auc_ci[1])}`,
      "",
      "",
    ]);
    expect(row("Cross-validated AUC")).toEqual([
      "Cross-validated AUC",
      "current",
      r3(c.current.cv_auc),
      "suggested weights",
      r3(c.suggested.cv_auc),
      "",
    ]);
    const titles = report.map((r) => r[0]);
    const at = (t: string) => titles.indexOf(t);
    expect(at("How well the score ranks churn")).toBe(at("AUC") - 1);
    expect(titles).toContain(
      "AUC: how often a retained account outscores a churned one (0.5 is chance, 1 is perfect).",
    );
    expect(at("Band")).toBe(at("Churn by band") + 1);
    expect(at("Metric")).toBe(at("Metrics") + 1);
    expect(report[at("Metrics") + 1]).toEqual([
      "Metric",
      "Accounts",
      "AUC",
      "The data says",
      "The rubric says",
      "Disagrees",
    ]);
    c.metrics.forEach((m, i) => {
      expect(report[at("Metrics") + 2 + i]).toEqual([
        m.label,
        m.accounts,
        r3(m.auc),
        m.direction,
        m.rubric_direction,
        m.disagrees ? (m.significant ? "yes" : "yes (could be noise)") : "",
      ]);
    });
    const weights = at("Weights (share of the score, %)");
    expect(report[weights + 1]).toEqual(["Metric", "Current", "Suggested", "", "", ""]);
    c.metrics.forEach((m, i) => {
      const w = (n: number | undefined) => (n === undefined ? "" : Number(n.toFixed(1)));
      expect(report[weights + 2 + i]).toEqual([
        m.label,
        w(c.current.weights[m.id]),
        w(c.suggested.weights[m.id]),
        "",
        "",
        "",
      ]);
    });
    for (const line of [c.warning, c.outcome_warning, c.monotonic_warning, c.note].filter(Boolean))
      expect(titles).toContain(line);
    const sheet = emu.spreadsheet.getSheetByName("Health Calibration");
    expect(sheet?.getRange("A1:A2").getFontWeights()).toEqual([["bold"], ["bold"]]);
    const chart = sheet?.getCharts()[0];
    expect(chart?.getOptions().get("title")).toBe("Churn rate by band");
    expect(chart?.getOptions().get("legend")).toEqual({ position: "none" });
    expect(chart?.getContainerInfo().getAnchorRow()).toBe(2);
    expect(chart?.getContainerInfo().getAnchorColumn()).toBe(8);
  });

  it("marks a metric the data disputes as possibly noise, and says how to read a grouped rubric's weights", () => {
    const data = customers();
    const five = parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));
    const session = open({ Customers: data, "Health Rubric": rubricToGrid(five) }, "Customers");
    session.addon.clickMenuItem("Check rubric against churn");
    pickColumn(session, "Churned");
    const c = calibrate(five, data[0] as string[], data.slice(1) as never, {
      outcomeColumn: "Churned",
      asOf: "2026-11-26",
      timeZone: "Europe/London",
    });
    const report = session.emu.sheetValues("Health Calibration");
    const news = c.metrics.find((m) => m.label === "Company news");
    expect([news?.disagrees, news?.significant]).toEqual([true, false]);
    expect(report.find((r) => r[0] === "Company news")?.[5]).toBe("yes (could be noise)");
    expect(report.filter((r) => r[0] === "Seat utilisation").map((r) => r[5])).toEqual(["", ""]);
    expect(c.note).toMatch(/^The rubric has groups: /);
    expect(report.at(-1)?.[0]).toBe(c.note);
  });

  it("says in the dialog when the picked column holds no outcomes, and writes no report", () => {
    const session = open({ Customers: customers() });
    const { emu, addon } = session;
    addon.clickMenuItem("Check rubric against churn");
    expect(() => pickColumn(session, "Segment")).toThrow(/Segment/);
    expect(emu.spreadsheet.getSheetByName("Health Calibration")).toBeNull();
    // Nothing was alerted: the message is the dialog's to show (google.script.run's failure).
    expect(emu.ui.alerts).toEqual([]);
  });

  it("says to keep today's thresholds when the data would move none of them by a point", () => {
    // Scores sit exactly on today's thresholds, and churn falls from band to band.
    const { emu, c, report, at } = checkOneMetric(scored([20, 40, 20], [40, 40, 10], [70, 40, 2]));
    expect(c.suggested.thresholds).toEqual([40, 70]);
    expect(report.slice(at("Accounts") + 1, at("Accounts") + 3)).toEqual([
      blank,
      line("How well the score ranks churn"),
    ]);
    expect(report[at("Churn by band")]).toEqual(line("Churn by band"));
    expect(report.slice(at("Band") + 1, at("Band") + 7)).toEqual([
      ["Red", "", 40, 20, 0.5, ""],
      ["Yellow", 40, 40, 10, 0.25, ""],
      ["Green", 70, 40, 2, 0.05, ""],
      line("The suggested thresholds are within a point of today's: keep them."),
      blank,
      line("Metrics"),
    ]);
    expect(report[at("Weights (share of the score, %)")]).toEqual(line("Weights (share of the score, %)"));
    // No note for a one-metric rubric: the weights table ends the report.
    expect(c.note).toBeUndefined();
    expect(report.at(-1)).toEqual(["Health", 100, c.suggested.weights.health, "", "", ""]);
    expect(emu.ui.toasts.at(-1)?.title).toBe("Health Score");
  });

  it("warns under the counts, leaves an empty band's churn rate blank and offers no thresholds for tied scores", () => {
    const data = [...scored([20, 30, 3], [70, 30, 5]), ["Account pending", 50, "pending"]];
    const { c, report, at } = checkOneMetric(data);
    expect(c.warning).toMatch(/^Only 8 churned accounts: /);
    expect(c.outcome_warning).toContain("pending");
    expect(report.slice(at("Accounts") + 1, at("Accounts") + 5)).toEqual([
      line(c.warning),
      line(c.outcome_warning),
      blank,
      line("How well the score ranks churn"),
    ]);
    // Two distinct scores cannot place two thresholds: nothing is suggested, and nothing said about keeping them.
    expect(c.suggested.thresholds).toBeNull();
    expect(c.monotonic_warning).toMatch(/^Green churns more than Red /);
    expect(report.slice(at("Band") + 1, at("Band") + 6)).toEqual([
      ["Red", "", 30, 3, 0.1, ""],
      ["Yellow", 40, 0, 0, "", ""],
      ["Green", 70, 30, 5, 0.167, ""],
      line(c.monotonic_warning),
      blank,
    ]);
  });

  it("says yes, not noise, where the data clearly disputes the rubric's direction", () => {
    // Higher scores churn far more: the data says Health goes with churn, the rubric says with retention.
    const { c, report, at } = checkOneMetric(scored([20, 50, 2], [70, 50, 30]));
    expect(c.metrics[0]?.significant).toBe(true);
    expect(report[at("Metric") + 1]?.[0]).toBe("Health");
    expect(report[at("Metric") + 1]?.[5]).toBe("yes");
  });

  it("grows a Health Calibration sheet that is too short for the report, by just the rows it needs", () => {
    const data = scored([20, 40, 20], [40, 40, 10], [70, 40, 2]);
    const { emu, addon, report } = checkOneMetric(data);
    const sheet = emu.spreadsheet.getSheetByName("Health Calibration");
    if (!sheet) throw new Error("No report sheet.");
    // Exactly as many rows as the report: nothing to insert.
    sheet.deleteRows(report.length + 1, sheet.getMaxRows() - report.length);
    addon.call("sidebarCall", "checkCalibration", ["Churned"]);
    expect(emu.sheetValues("Health Calibration")).toEqual(report);
    // Fewer rows than the report (the user trimmed the sheet): the rows it lacks are added.
    sheet.deleteRows(6, report.length - 5);
    addon.call("sidebarCall", "checkCalibration", ["Churned"]);
    expect(emu.sheetValues("Health Calibration")).toEqual(report);
    expect(sheet.getMaxRows()).toBe(report.length);
  });

  it("says there is no history yet when the Health History has only its header row", () => {
    const header = ["Date", "Account", "Score", "Band"];
    const { report } = checkOneMetric(scored([20, 40, 20], [70, 40, 2]), { "Health History": [header] });
    expect(report[2]?.[0]).toContain("There is no Health History yet: ");
  });

  it("says why one snapshot is not enough, in the core's words after the sheet's", () => {
    const history = [
      ["Date", "Account", "Score", "Band"],
      [new Date("2026-11-26T12:00:00Z"), "Account 20-0", 20, "Red"],
    ];
    const { report } = checkOneMetric(scored([20, 40, 20], [70, 40, 2]), { "Health History": history });
    expect(report[2]?.[0]).toBe(
      "Hindsight: today's scores against today's churn column, which flatters the score (accounts that left have stopped using the product). The Health History is not enough yet: no account in the history has a churn date: add a churn date column, or keep a Churned column that turns TRUE when an account leaves.",
    );
  });
});
