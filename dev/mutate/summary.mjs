// `npm run mutate:summary`: each config's score per file, as Markdown tables, from the reports the
// last runs left in reports/mutation/<name>/mutation.json. A report holds every file any run has
// measured (results kept by the incremental file), so this is the folder's standing, not only the
// last run's. The figures quoted in the README and docs/architecture.md come from here.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const CONFIGS = ["core", "sql", "addon", "cli"];
const CAUGHT = new Set(["Killed", "Timeout"]);
const MISSED = new Set(["Survived", "NoCoverage"]);

/** Stryker's score: caught over caught and missed (ignored and erroring mutants are not counted). */
const score = (t) =>
  t.caught + t.missed === 0 ? "n/a" : `${((100 * t.caught) / (t.caught + t.missed)).toFixed(2)}%`;
const count = (n) => n.toLocaleString("en-US");

/** A config's `mutate` globs as one test ("**" any folders, "*" within a name, "!" excludes). */
function matcher(globs) {
  const regex = (glob) =>
    new RegExp(
      `^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*\/|\*\*|\*/g, (m) => (m === "*" ? "[^/]*" : ".*"))}$`,
    );
  const include = globs.filter((g) => !g.startsWith("!")).map(regex);
  const exclude = globs.filter((g) => g.startsWith("!")).map((g) => regex(g.slice(1)));
  return (file) => include.some((r) => r.test(file)) && !exclude.some((r) => r.test(file));
}

/** The files a config mutates, read from the disk: only the folders its globs start in. */
async function filesOf(name) {
  const { mutate } = (await import(`./${name}.mjs`)).default;
  const roots = mutate
    .filter((g) => !g.startsWith("!"))
    .map((g) => g.slice(0, g.indexOf("*")).replace(/\/$/, ""));
  const all = roots.flatMap((root) => readdirSync(root, { recursive: true }).map((f) => `${root}/${f}`));
  return all.filter(matcher(mutate));
}

for (const name of CONFIGS) {
  const path = `reports/mutation/${name}/mutation.json`;
  if (!existsSync(path)) {
    console.log(`## ${name}\n\nNo report yet: npm run mutate:${name}.\n`);
    continue;
  }
  const { files } = JSON.parse(readFileSync(path, "utf8"));
  const rows = [];
  const total = { mutants: 0, caught: 0, survived: 0, noCoverage: 0, missed: 0 };
  for (const [file, { mutants }] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const t = { mutants: 0, caught: 0, survived: 0, noCoverage: 0, missed: 0 };
    for (const { status } of mutants) {
      if (!CAUGHT.has(status) && !MISSED.has(status)) continue;
      t.mutants++;
      if (CAUGHT.has(status)) t.caught++;
      else t.missed++;
      if (status === "Survived") t.survived++;
      if (status === "NoCoverage") t.noCoverage++;
    }
    for (const k of Object.keys(total)) total[k] += t[k];
    rows.push(
      `| \`${file}\` | ${count(t.mutants)} | ${count(t.caught)} | ${count(t.survived)} | ${count(t.noCoverage)} | ${score(t)} |`,
    );
  }
  console.log(`## ${name}\n`);
  console.log("| file | mutants | caught | survived | no coverage | score |");
  console.log("|---|---:|---:|---:|---:|---:|");
  console.log(rows.join("\n"));
  const unmeasured = (await filesOf(name)).filter((f) => !(f in files)).sort();
  console.log(
    `| **${rows.length} files** | ${count(total.mutants)} | ${count(total.caught)} | ${count(total.survived)} | ${count(total.noCoverage)} | **${score(total)}** |\n`,
  );
  console.log(
    unmeasured.length
      ? `Not in the report (not measured yet, or no mutants: types, re-exports): ${unmeasured.map((f) => `\`${f}\``).join(", ")}.\n`
      : "Every file measured.\n",
  );
}
