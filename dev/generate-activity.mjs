// Writes the raw activity behind examples/customers.csv (`node dev/generate-activity.mjs`):
//   examples/logins.csv   Account, User, Date                       one row per login
//   examples/tickets.csv  Account, Priority, Status, Opened, Title  one row per support ticket
//   examples/nps.csv      Account, Score, Date                      one row per survey answer
//
// The activity tells the customers' story exactly, as of 2026-11-26: an account's logins in the
// last 30 days are its "Logins 30d", its latest login is its "Last login", its latest NPS answer is
// its "NPS", its open P1 tickets, open or pending tickets and closed tickets are its "Open P1
// tickets", "Unresolved tickets" and "Resolved tickets". So examples/from-activity.json, which reads
// the activity, scores like the column rubric it mirrors. Older history (the 30 days before) falls
// for accounts that later churned. A dirty cell in customers.csv (lots, #N/A, a bad date) gets
// plausible activity; and like any export the files hold a few rows of accounts not in the sheet,
// keys typed in another case or with spaces, and an unreadable date.
// Generated from a seed, so the files are reproducible.
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { seededRandom } from "./random.mjs";

const random = seededRandom(20261202);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

const AS_OF = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;
const iso = (daysAgo) => new Date(AS_OF - daysAgo * DAY).toISOString().slice(0, 10);
const ageOf = (text) => {
  const t = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && Number.isFinite(t) ? Math.round((AS_OF - t) / DAY) : undefined;
};
const count = (text) => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

const customers = parse(readFileSync("examples/customers.csv", "utf8"), { columns: true, bom: true });
const logins = [];
const tickets = [];
const answers = [];
const TITLES = {
  P1: ["Outage on the dashboard", "Data export fails", "Cannot log in with SSO", "Sync stopped overnight"],
  P2: ["Report shows wrong totals", "Slow search", "Webhook retries", "Import skips rows"],
  P3: ["How do I add a seat?", "Feature request: dark mode", "Invoice address change", "API rate limits"],
};

for (const c of customers) {
  const account = c.Account;
  const users = Math.max(1, Math.min(40, count(c["Active users"]) ?? 5));
  const user = () => `user${int(1, users)}`;
  const churned = c.Churned === "TRUE";

  // Logins: exactly "Logins 30d" in the last 30 days, the latest on "Last login".
  const lastAge = ageOf(c["Last login"]);
  const recent = count(c["Logins 30d"]) ?? (lastAge !== undefined && lastAge < 30 ? int(5, 60) : 0);
  if (recent > 0) {
    const latest = lastAge !== undefined && lastAge < 30 ? lastAge : int(0, 10);
    logins.push([account, user(), iso(latest)]);
    for (let i = 1; i < recent; i++) logins.push([account, user(), iso(int(latest, 29))]);
  }
  // The 30 days before: busier for accounts that later churned, steady for the rest.
  const before = Math.round(recent * (churned ? 1.6 + random() : 0.8 + 0.4 * random())) + int(0, 3);
  const oldest = lastAge !== undefined && lastAge >= 30 ? lastAge : 30;
  if (lastAge !== undefined && lastAge >= 30) logins.push([account, user(), iso(lastAge)]);
  for (let i = 0; i < before; i++) logins.push([account, user(), iso(int(oldest, Math.max(oldest, 59)))]);

  // Tickets: open P1s, other unresolved ones (open or pending), and resolved ones, in 120 days.
  const p1 = count(c["Open P1 tickets"]) ?? 0;
  const unresolved = Math.max(p1, count(c["Unresolved tickets"]) ?? p1);
  const resolved = count(c["Resolved tickets"]) ?? 0;
  const ticket = (priority, status) =>
    tickets.push([
      account,
      priority,
      status,
      iso(int(0, status === "Closed" ? 119 : 45)),
      pick(TITLES[priority]),
    ]);
  for (let i = 0; i < p1; i++) ticket("P1", "Open");
  for (let i = p1; i < unresolved; i++) ticket(pick(["P2", "P3"]), pick(["Open", "Pending"]));
  for (let i = 0; i < resolved; i++) ticket(pick(["P1", "P2", "P3", "P3"]), "Closed");

  // NPS answers: the latest is the sheet's NPS; earlier ones drift around it.
  const nps = count(c.NPS);
  if (nps !== undefined) {
    const latest = int(3, 40);
    for (let i = int(0, 3); i > 0; i--) {
      const drift = churned ? int(0, 3) : int(-2, 2);
      answers.push([account, Math.max(0, Math.min(10, nps + drift)), iso(latest + 30 * i + int(1, 20))]);
    }
    answers.push([account, nps, iso(latest)]);
  }
}

// What real exports hold: a trial account the sheet does not list, keys typed differently, a bad date.
const some = customers[7].Account;
logins.push(["Trial - Wayne Enterprises", "user1", iso(3)], [` ${some.toUpperCase()} `, "user1", iso(59)]);
tickets.push(["Test account", "P3", "Closed", iso(10), "Ignore me"]);
answers.push([some.toLowerCase(), 8, "2026-13-01"]);

// Exports list rows by time; the rows are kept in date order, as a login log would be.
const byDate = (dateIndex) => (a, b) =>
  a[dateIndex] < b[dateIndex] ? -1 : a[dateIndex] > b[dateIndex] ? 1 : 0;
logins.sort(byDate(2));
tickets.sort(byDate(3));
answers.sort(byDate(2));

const write = (file, headers, rows) => {
  writeFileSync(file, stringify([headers, ...rows]));
  console.log(`${file}: ${rows.length} rows`);
};
write("examples/logins.csv", ["Account", "User", "Date"], logins);
write("examples/tickets.csv", ["Account", "Priority", "Status", "Opened", "Title"], tickets);
write("examples/nps.csv", ["Account", "Score", "Date"], answers);
