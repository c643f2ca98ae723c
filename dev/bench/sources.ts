/**
 * Sources in the bench: 1,000,000 raw activity rows (one per login: account, user, date, status,
 * minutes) for 10,000 accounts, read by 6 `from` metrics — windows, a `where`, a `distinct`, a
 * `compare` — aggregated and scored by the core; and, on a slice of the accounts, the same six
 * written as the formulas a person types without the add-on (COUNTIFS, SUMIFS/COUNTIFS for the
 * average since HyperFormula has no AVERAGEIFS, MAXIFS, COUNTUNIQUE(FILTER(…))), evaluated by
 * HyperFormula. Both must give every account the same six values.
 *
 * The slice holds only the slice's accounts' rows. A COUNTIFS scans every row of its range, so a
 * formula sheet over the full million rows would cost ~(1,000,000 / slice rows) times more per
 * account: the per-account ratio printed is therefore the formula sheet's best case.
 */
import { type ConfigParams, HyperFormula } from "hyperformula";
import { type CellValue, parseRubric, type Rubric, scorecard, seededRandom } from "../../src/core";

export const SOURCE_ROWS = 1_000_000;
export const ACCOUNTS = 10_000;
const SLICE_ACCOUNTS = 20;
const AS_OF = "2026-11-26";
const AS_OF_DAY = Date.UTC(2026, 10, 26) / 86_400_000;
const STATUSES = ["Open", "Closed", "Pending", "Closed"];

export const SOURCES_RUBRIC_JSON = {
  name: "Benchmark: 6 metrics from 1,000,000 logins",
  key: "Account",
  sources: { logins: { sheet: "Logins", key: "Account", date: "Date" } },
  bands: [
    { label: "Red", color: "#f4c7c3" },
    { label: "Yellow", from: 40, color: "#fce8b2" },
    { label: "Green", from: 70, color: "#b7e1cd" },
  ],
  metrics: [
    { id: "logins_30d", from: { source: "logins", agg: "count", days: 30 }, range: [0, 150] },
    {
      id: "open_7d",
      from: { source: "logins", agg: "count", days: 7, where: [{ column: "Status", equals: "Open" }] },
      range: [10, 0],
    },
    {
      id: "users_30d",
      from: { source: "logins", agg: "distinct", column: "User", days: 30 },
      range: [1, 20],
    },
    {
      id: "minutes_avg",
      from: { source: "logins", agg: "avg", column: "Minutes", days: 30 },
      range: [5, 60],
    },
    {
      id: "minutes_max",
      from: { source: "logins", agg: "max", column: "Minutes", days: 90 },
      range: [10, 120],
    },
    {
      id: "trend",
      from: { source: "logins", agg: "count", days: 30, compare: "previous" },
      range: [-50, 10],
    },
  ].map(({ range, ...m }) => ({ ...m, score: { type: "range", worst: range[0], best: range[1] } })),
};

export interface SourcesTable {
  headers: string[];
  rows: CellValue[][];
  accounts: string[];
}

const pad = (n: number) => String(n).padStart(5, "0");
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The login rows, seeded: busy and quiet accounts, dates over 120 days (a few after the as-of date). */
export function makeLogins(rows = SOURCE_ROWS, accounts = ACCOUNTS): SourcesTable {
  const random = seededRandom(90210);
  const names = Array.from({ length: accounts }, (_, i) => `Account ${pad(i)}`);
  const weight = names.map(() => 0.2 + random() * 1.8);
  const total = weight.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weight) {
    acc += w / total;
    cumulative.push(acc);
  }
  const dates = Array.from({ length: 125 }, (_, d) => iso(AS_OF_DAY - 119 + d)); // 5 days after as-of
  const out: CellValue[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = random();
    let lo = 0;
    let hi = accounts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    const status = STATUSES[Math.floor(random() * STATUSES.length)] as string;
    out[i] = [
      names[lo],
      `user${1 + Math.floor(random() * 25)}`,
      dates[Math.floor(random() * dates.length)],
      status,
      random() < 0.02 ? "" : Math.round(1 + random() * 90),
    ];
  }
  return { headers: ["Account", "User", "Date", "Status", "Minutes"], rows: out, accounts: names };
}

export interface SourcesFigures {
  rubric: Rubric;
  coreMs: number;
  coreMin: number;
  coreMax: number;
  sliceAccounts: number;
  sliceRows: number;
  hfMs: number;
  /** Values compared (accounts × metrics) and how many differ beyond 1e-9. */
  compared: number;
  differ: number;
  firstDiff?: string;
  formulas: { id: string; formula: string }[];
}

type Time = <T>(
  runs: number,
  warmups: number,
  fn: () => T,
) => { median: number; min: number; max: number; last: T };

/** Runs the sources bench: `time` is the bench's median-of-runs timer. */
export function benchSources(time: Time, runs: number): SourcesFigures {
  const rubric = parseRubric(SOURCES_RUBRIC_JSON);
  const logins = makeLogins();
  const data = logins.accounts.map((a) => [a]);
  const options = { asOf: AS_OF, timeZone: "UTC", sources: { logins } };
  const core = time(runs, 1, () => scorecard(rubric, ["Account"], options).scoreRows(data));

  // The slice: the first accounts and all of their rows, for the formula sheet.
  const sliceNames = logins.accounts.slice(0, SLICE_ACCOUNTS);
  const inSlice = new Set(sliceNames);
  const sliceRows = logins.rows.filter((r) => inSlice.has(r[0] as string));
  const n = sliceRows.length + 1;
  const col = (c: string) => `Logins!$${c}$2:$${c}$${n}`;
  const [A, B, C, D, E] = ["A", "B", "C", "D", "E"].map(col) as [string, string, string, string, string];
  const since = (days: number) => `">="&(AsOf-${days - 1})`;
  const upTo = `"<="&AsOf`;
  const count = (days: number, k: string, extra = "") =>
    `COUNTIFS(${A};${k};${C};${since(days)};${C};${upTo}${extra})`;
  const templates: { id: string; formula: (k: string) => string }[] = [
    { id: "logins_30d", formula: (k) => count(30, k) },
    { id: "open_7d", formula: (k) => count(7, k, `;${D};"Open"`) },
    {
      id: "users_30d",
      formula: (k) => `IFERROR(COUNTUNIQUE(FILTER(${B};${A}=${k};${C}>=AsOf-29;${C}<=AsOf));0)`,
    },
    {
      id: "minutes_avg",
      formula: (k) =>
        `IFERROR(SUMIFS(${E};${A};${k};${C};${since(30)};${C};${upTo})/COUNTIFS(${A};${k};${C};${since(30)};${C};${upTo};${E};"<>");"")`,
    },
    {
      id: "minutes_max",
      formula: (k) =>
        `IF(COUNTIFS(${A};${k};${C};${since(90)};${C};${upTo};${E};"<>")=0;"";MAXIFS(${E};${A};${k};${C};${since(90)};${C};${upTo}))`,
    },
    {
      id: "trend",
      formula: (k) =>
        `IFERROR((${count(30, k)}-COUNTIFS(${A};${k};${C};${since(60)};${C};"<"&(AsOf-29)))/COUNTIFS(${A};${k};${C};${since(60)};${C};"<"&(AsOf-29))*100;"")`,
    },
  ];
  const accountsSheet: CellValue[][] = [
    ["Account", ...templates.map((t) => t.id)],
    ...sliceNames.map((name, i) => [name, ...templates.map((t) => `=${t.formula(`$A${i + 2}`)}`)]),
  ];
  const sheets = {
    Accounts: accountsSheet,
    // A blank cell is empty to a formula, not text.
    Logins: [logins.headers, ...sliceRows.map((r) => r.map((c) => (c === "" ? null : c)))],
    Settings: [[AS_OF]],
  };
  const config: Partial<ConfigParams> = {
    licenseKey: "gpl-v3",
    functionArgSeparator: ";",
    dateFormats: ["YYYY-MM-DD"],
    maxRows: Math.max(40_000, n + 10),
  };
  const hfRun = time(1, 0, () => {
    const hf = HyperFormula.buildFromSheets(sheets, config);
    hf.addNamedExpression("AsOf", "=Settings!$A$1");
    const id = hf.getSheetId("Accounts") ?? 0;
    const values = sliceNames.map((_, i) =>
      templates.map((_t, j) => hf.getCellValue({ sheet: id, col: j + 1, row: i + 1 })),
    );
    hf.destroy();
    return values;
  });

  // Agreement: the core's values (the drivers' values) against the formulas', for the slice.
  const card = scorecard(rubric, ["Account"], options);
  const results = card.scoreRows(sliceNames.map((a) => [a]));
  let compared = 0;
  let differ = 0;
  let firstDiff: string | undefined;
  results.forEach((r, i) => {
    const byId = new Map(r.drivers.map((d) => [d.id, d.value]));
    templates.forEach((t, j) => {
      const mine = byId.get(t.id) ?? null;
      const theirs = hfRun.last[i]?.[j];
      compared++;
      const same =
        mine === null
          ? theirs === "" || theirs === null
          : typeof theirs === "number" && Math.abs((mine as number) - theirs) <= 1e-9;
      if (!same) {
        differ++;
        firstDiff ??= `${sliceNames[i]} ${t.id}: core ${JSON.stringify(mine)}, formulas ${JSON.stringify(theirs)}`;
      }
    });
  });

  return {
    rubric,
    coreMs: core.median,
    coreMin: core.min,
    coreMax: core.max,
    sliceAccounts: sliceNames.length,
    sliceRows: sliceRows.length,
    hfMs: hfRun.median,
    compared,
    differ,
    firstDiff,
    formulas: templates.map((t) => ({ id: t.id, formula: `=${t.formula("$A2").replaceAll(";", ",")}` })),
  };
}
