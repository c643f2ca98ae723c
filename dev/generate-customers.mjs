// Writes examples/customers.csv: ~200 realistic accounts with the columns the starter rubrics
// read, generated from a seed so the file is reproducible (`node dev/generate-customers.mjs`).
//
// Each account has a hidden "health" that drives its usage, sentiment and billing, and whether it
// churned is drawn from a logistic model of that health: so a sensible rubric separates the
// churned accounts from the rest, and calibration against the Churned column means something.
// A few cells are dirty on purpose (blanks, N/A, #N/A, "lots", "$1,200", "45%", a bad date),
// as real sheets are.
//
// dev/generate-history.mjs imports sampleAccounts() for each account's hidden health, so its weekly
// history tells the same story; running this file writes the CSV.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seededRandom } from "./random.mjs";

let random = seededRandom(20261126);
const pick = (items) => items[Math.floor(random() * items.length)];
const between = (lo, hi) => lo + random() * (hi - lo);
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const clamp = (n, lo, hi) => Math.max(lo, Math.min(hi, n));
const noise = () => (random() + random() + random() - 1.5) / 1.5; // roughly −1..1, centred

const AS_OF = Date.UTC(2026, 10, 26);
const isoDaysAgo = (days) => new Date(AS_OF - Math.round(days) * 86_400_000).toISOString().slice(0, 10);

const first = [
  "Acme",
  "Blue",
  "Cedar",
  "Delta",
  "Ember",
  "Falcon",
  "Granite",
  "Harbor",
  "Iris",
  "Juniper",
  "Kestrel",
  "Lumen",
  "Maple",
  "Nimbus",
  "Orchid",
  "Pioneer",
  "Quartz",
  "Ridge",
  "Summit",
  "Tidal",
  "Umber",
  "Vertex",
  "Willow",
  "Xenon",
  "Yarrow",
  "Zephyr",
];
const second = [
  "Analytics",
  "Logistics",
  "Health",
  "Foods",
  "Labs",
  "Retail",
  "Capital",
  "Media",
  "Robotics",
  "Energy",
  "Travel",
  "Systems",
];
const csms = ["Priya", "Marco", "Aisha", "Tom", "Lena"];
const news = ["", "", "", "Funding round", "Hiring", "Layoffs", "New CEO", "Expansion"];

export const headers = [
  "Account",
  "Segment",
  "CSM",
  "ARR",
  "Seats",
  "Active users",
  "Seat utilisation",
  "Logins 30d",
  "Key features used",
  "Last login",
  "NPS",
  "CSAT",
  "Open P1 tickets",
  "Resolved tickets",
  "Unresolved tickets",
  "Days invoice overdue",
  "Last touchpoint",
  "Exec sponsor",
  "Champion left",
  "Case study",
  "Positive reviews",
  "Years as customer",
  "Onboarding progress",
  "Company news",
  "Risk tags",
  "Churned",
];

/**
 * The 200 sample accounts, dirty cells included, each with its hidden model (`hidden`: health,
 * onboarding, champion left, the churn draw) beside the row. The same every call.
 */
export function sampleAccounts() {
  random = seededRandom(20261126);
  const rows = [];
  const hidden = [];
  const used = new Set();
  while (rows.length < 200) {
    const name = `${pick(first)} ${pick(second)}`;
    if (used.has(name)) continue;
    used.add(name);

    const onboarding = random() < 0.2;
    const health = clamp(0.6 + 0.35 * noise(), 0, 1); // hidden truth, 0 = doomed, 1 = thriving
    const seats = pick([10, 15, 25, 40, 50, 75, 100, 150, 250]);
    const utilisation = clamp(health * 0.9 + 0.15 * noise(), 0.02, 1);
    const active = Math.max(1, Math.round(seats * utilisation));
    // Some of the least healthy accounts have stopped logging in altogether.
    const dormant = health < 0.4 && random() < 0.6;
    const logins = dormant
      ? 0
      : Math.max(0, Math.round(active * between(4, 14) * clamp(health + 0.2 * noise(), 0, 1.2)));
    const features = clamp(Math.round(health * 9 + 2 * noise()), 0, 10);
    const daysSinceLogin =
      logins === 0 ? int(31, 90) : Math.round(clamp((1 - health) * 25 + 5 * noise(), 0, 30));
    const nps = clamp(Math.round(health * 9 + 2.2 * noise() + 1), 0, 10);
    const csat = clamp(Math.round(health * 4 + 1 + 0.8 * noise()), 1, 5);
    const p1 = Math.max(0, Math.round((1 - health) * 3 + 1.2 * noise()));
    const resolved = int(0, 12);
    const unresolved = Math.max(0, Math.round((1 - health) * 5 + 1.5 * noise()));
    const overdue = random() < (1 - health) * 0.6 ? pick([5, 12, 20, 35, 45, 60, 90]) : 0;
    const touchpoint = clamp((1 - health) * 80 + 20 * noise(), 1, 120);
    const sponsor = random() < 0.3 + health * 0.5;
    const championLeft = random() < 0.12 * (1.4 - health);
    const caseStudy = health > 0.7 && random() < 0.3;
    const reviews = health > 0.5 ? int(0, 3) : int(0, 1);
    const years = onboarding ? 0 : int(1, 7);
    const progress = onboarding ? clamp(health * 0.9 + 0.25 * noise(), 0.05, 1) : 1;
    const tags = [];
    if (random() < 0.05) tags.push("Acquired");
    if (random() < 0.1 * (1 - health)) tags.push("Budget cut");
    if (random() < 0.08) tags.push("Reference");
    if (championLeft && random() < 0.5) tags.push("Reorg");

    // Churn: a logistic model of the hidden health and the worst signals.
    const logit =
      1.8 -
      6.5 * health +
      (championLeft ? 1.4 : 0) +
      (overdue >= 30 ? 1 : 0) +
      (tags.includes("Acquired") ? 1.2 : 0);
    const churned = random() < 1 / (1 + Math.exp(-logit));
    hidden.push({ health, onboarding, seats, dormant, championLeft, overdue, tags, churned });

    rows.push({
      Account: name,
      Segment: onboarding ? "Onboarding" : pick(["Adopted", "Adopted", "Adopted", "adopted "]),
      CSM: pick(csms),
      ARR: seats * pick([300, 400, 600, 900]),
      Seats: seats,
      "Active users": active,
      "Seat utilisation": `${Math.round(utilisation * 100)}%`,
      "Logins 30d": logins,
      "Key features used": features,
      "Last login": isoDaysAgo(daysSinceLogin),
      NPS: nps,
      CSAT: csat,
      "Open P1 tickets": p1,
      "Resolved tickets": resolved,
      "Unresolved tickets": unresolved,
      "Days invoice overdue": overdue,
      "Last touchpoint": isoDaysAgo(touchpoint),
      "Exec sponsor": sponsor ? "TRUE" : "FALSE",
      "Champion left": championLeft ? "TRUE" : "FALSE",
      "Case study": caseStudy ? "TRUE" : "FALSE",
      "Positive reviews": reviews,
      "Years as customer": years,
      "Onboarding progress": `${Math.round(progress * 100)}%`,
      "Company news": pick(news),
      "Risk tags": tags.join(", "),
      Churned: churned ? "TRUE" : "FALSE",
    });
  }

  // Dirty cells, as people leave them: blanks, placeholders, errors, money and typos.
  const dirt = [
    ["NPS", ""],
    ["NPS", "N/A"],
    ["NPS", ""],
    ["CSAT", "-"],
    ["CSAT", ""],
    ["Logins 30d", "lots"],
    ["Logins 30d", "#N/A"],
    ["Last login", ""],
    ["Last login", "soon"],
    ["Last touchpoint", ""],
    ["Key features used", "n/a"],
    ["Days invoice overdue", ""],
    ["Open P1 tickets", "#REF!"],
    ["Seat utilisation", ""],
    ["Exec sponsor", ""],
    ["ARR", "$12,000"],
    ["ARR", "18,000"],
  ];
  dirt.forEach(([column, value], k) => {
    rows[(k * 37 + 11) % rows.length][column] = value;
  });
  // One account with nothing filled in yet: it must score No data, never a silent 0.
  for (const column of headers.slice(3, 23)) rows[rows.length - 1][column] = "";

  return { rows, hidden };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows } = sampleAccounts();
  const quote = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const csv = [headers.join(","), ...rows.map((r) => headers.map((h) => quote(r[h])).join(","))].join("\n");
  writeFileSync(new URL("../examples/customers.csv", import.meta.url), `${csv}\n`);
  console.log(
    `wrote examples/customers.csv: ${rows.length} accounts, ${rows.filter((r) => r.Churned === "TRUE").length} churned`,
  );
}
