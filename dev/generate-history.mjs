// Writes examples/history.csv (`node dev/generate-history.mjs`): what the Health History sheet of the
// 200 sample accounts would hold after a weekly snapshot for six months, 27 Thursdays from
// 2026-05-28 to 2026-11-26, scored by examples/five-dimensions.json as of each snapshot's date.
//
// Columns: the Health History layout (Date, Account, Score, Band, Coverage, Rubric, Values: the cells
// the rubric read, as the add-on's snapshot keeps them, so the history can be rescored), then two
// columns a team adds beside it: "Churned" turns TRUE on an account's churn date and "Churn date"
// holds that date from then on, as the data sheet would by then.
//
// The story is examples/customers.csv's own model (dev/generate-customers.mjs): each account's
// hidden health drives its cells. The last snapshot is customers.csv exactly. The 44 accounts that
// churned by then have a churn date in the six months; most declined over weeks to months before
// (their health falls from higher to today's), a few left suddenly; from their churn date on their
// cells stay as customers.csv has them. The others drift gently. Seeded, so the file is reproducible.
import { readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { headers, sampleAccounts } from "./generate-customers.mjs";
import { seededRandom } from "./random.mjs";

const random = seededRandom(20261203);
const between = (lo, hi) => lo + random() * (hi - lo);
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const pick = (items) => items[Math.floor(random() * items.length)];
const clamp = (n, lo, hi) => Math.max(lo, Math.min(hi, n));
const noise = () => (random() + random() + random() - 1.5) / 1.5;

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 26);
const WEEKS = 26;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

// The scoring core, bundled in memory: the scores are what the add-on would have written.
const bundled = await build({
  entryPoints: ["src/core/index.ts"],
  bundle: true,
  format: "esm",
  platform: "neutral",
  write: false,
  logLevel: "warning",
});
const core = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`
);
const rubric = core.parseRubric(JSON.parse(readFileSync("examples/five-dimensions.json", "utf8")));
const fingerprint = core.rubricFingerprint(rubric);

const { rows: today, hidden } = sampleAccounts();

/**
 * An account's own leanings (drawn once): its cells drift with its health week to week around them,
 * instead of jumping, as real usage and sentiment do.
 */
function quirks() {
  const q = {};
  for (const k of ["utilisation", "logins", "features", "login", "nps", "csat", "p1", "unresolved", "touch"])
    q[k] = noise();
  return { ...q, overdue: random(), dormant: random(), amount: pick([5, 12, 20, 35, 45, 60, 90]) };
}
/** Mostly the account's leaning, a little of this week's. */
const wobble = (q) => 0.75 * q + 0.25 * noise();

/** An account's cells on a day (ms) when its hidden health is `health`: the customers model. */
function cellsAt(row, model, q, health, day, championLeft) {
  const utilisation = clamp(health * 0.9 + 0.15 * wobble(q.utilisation), 0.02, 1);
  const active = Math.max(1, Math.round(model.seats * utilisation));
  const dormant = health < 0.4 && q.dormant < 0.5;
  const logins = dormant
    ? 0
    : Math.max(0, Math.round(active * 9 * clamp(health + 0.2 * wobble(q.logins), 0, 1.2)));
  const sinceLogin =
    logins === 0 ? int(31, 90) : Math.round(clamp((1 - health) * 25 + 5 * wobble(q.login), 0, 30));
  const touchpoint = clamp((1 - health) * 80 + 20 * wobble(q.touch), 1, 120);
  return {
    ...row,
    "Active users": active,
    "Seat utilisation": `${Math.round(utilisation * 100)}%`,
    "Logins 30d": logins,
    "Key features used": clamp(Math.round(health * 9 + 2 * wobble(q.features)), 0, 10),
    "Last login": iso(day - sinceLogin * DAY),
    NPS: clamp(Math.round(health * 9 + 2.2 * wobble(q.nps) + 1), 0, 10),
    CSAT: clamp(Math.round(health * 4 + 1 + 0.8 * wobble(q.csat)), 1, 5),
    "Open P1 tickets": Math.max(0, Math.round((1 - health) * 3 + 1.2 * wobble(q.p1))),
    "Unresolved tickets": Math.max(0, Math.round((1 - health) * 5 + 1.5 * wobble(q.unresolved))),
    "Days invoice overdue": q.overdue < (1 - health) * 0.6 ? q.amount : 0,
    "Last touchpoint": iso(day - Math.round(touchpoint) * DAY),
    "Champion left": championLeft ? "TRUE" : "FALSE",
  };
}

const dates = Array.from({ length: WEEKS + 1 }, (_, k) => AS_OF - (WEEKS - k) * 7 * DAY);
/** Per account: its churn day (ms) or undefined, and its cells at each snapshot date. */
const stories = today.map((row, a) => {
  const model = hidden[a];
  const churned = row.Churned === "TRUE";
  const churnDay = churned ? AS_OF - int(3, WEEKS * 7 - 10) * DAY : undefined;
  // Churners decline: from a healthier level to today's health, over 4 to 20 weeks before leaving;
  // one in five leaves suddenly (a week or two of decline). The others drift a little either way.
  const sudden = random() < 0.2;
  const decline = churned ? (sudden ? int(3, 14) : int(28, 140)) * DAY : 0;
  const before = clamp(model.health + (churned ? between(0.05, 0.3) : 0.12 * noise()), 0, 1);
  const leanings = quirks();
  const champion = model.championLeft ? AS_OF - int(0, WEEKS * 7) * DAY : undefined;
  const cells = dates.map((day, k) => {
    const out =
      k === WEEKS || (churnDay !== undefined && day >= churnDay)
        ? { ...row }
        : (() => {
            const end = churnDay ?? AS_OF;
            const start = end - (churned ? decline : WEEKS * 7 * DAY);
            const t = clamp((day - start) / (end - start), 0, 1);
            const health = clamp(before + (model.health - before) * t + 0.04 * noise(), 0, 1);
            return cellsAt(row, model, leanings, health, day, champion !== undefined && day >= champion);
          })();
    const gone = churnDay !== undefined && day >= churnDay;
    out.Churned = gone ? "TRUE" : "FALSE";
    out["Churn date"] = gone ? iso(churnDay) : "";
    return out;
  });
  return cells;
});

/** A CSV cell as the sheet holds it once typed in: numbers, percentages and checkboxes read as such. */
const typed = (text) => {
  const t = String(text);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^-?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  return t;
};
const out = [[...core.HISTORY_HEADERS, "Churned", "Churn date"]];
dates.forEach((day, k) => {
  const date = iso(day);
  const rows = stories.map((cells) => headers.map((h) => typed(cells[k][h])));
  const card = core.scorecard(rubric, headers, { asOf: date, timeZone: "UTC" });
  const results = card.scoreRows(rows);
  const values = card.valuesRead(rows);
  stories.forEach((cells, a) => {
    const s = results[a];
    const r = cells[k];
    const kept = core.valuesText(values[a], "UTC");
    out.push([
      date,
      r.Account,
      s.score ?? "",
      s.band,
      Math.round(s.coverage * 1000) / 1000,
      fingerprint,
      kept,
      r.Churned,
      r["Churn date"],
    ]);
  });
});

const quote = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
// An optional path writes elsewhere (the test checks the committed file is what this writes).
const target = process.argv[2] ?? "examples/history.csv";
writeFileSync(target, `${out.map((r) => r.map(quote).join(",")).join("\n")}\n`);
const churners = stories.filter((cells) => cells[WEEKS].Churned === "TRUE").length;
console.log(
  `wrote examples/history.csv: ${out.length - 1} snapshots of ${today.length} accounts on ${dates.length} dates, ${churners} churned`,
);
