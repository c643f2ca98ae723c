// npm run deploy (development) and npm run deploy:prod (production): build, then push dist/
// (Code.js, Sidebar.html, Help.html, appsscript.json) with clasp to one of two Apps Script projects.
//
// Two targets, as google/aside keeps them, so trying a change never reaches users: .clasp-dev.json
// names the script you test with (bound to a test spreadsheet), .clasp-prod.json the script behind
// the Marketplace listing. Both are yours and never committed. Production is pushed only from a
// green `npm test`, and gets an immutable version for the Marketplace SDK to point at.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const prod = process.argv.includes("--prod");
const target = prod ? ".clasp-prod.json" : ".clasp-dev.json";
const other = prod ? ".clasp-dev.json" : ".clasp-prod.json";

const fail = (message) => {
  console.error(`deploy: ${message}`);
  process.exit(1);
};

// `clasp create --rootDir dist` writes .clasp.json (sometimes into dist/, which every build
// empties); older checkouts kept the one target in .clasp.json. Either becomes the dev target.
if (!prod && !existsSync(target)) {
  for (const old of [".clasp.json", "dist/.clasp.json"]) {
    if (existsSync(old)) {
      renameSync(old, target);
      console.log(`deploy: moved ${old} to ${target}, the development target.`);
      break;
    }
  }
}
if (!existsSync(target)) {
  fail(
    prod
      ? `no ${target}, so there is no production Apps Script project to push to. Copy .clasp.json.example to ${target} and put in it the Script ID of the project behind your Marketplace listing (Apps Script editor → Project Settings → Script ID); docs/publishing.md has the whole checklist.`
      : `no ${target} yet, so there is no Apps Script project to push to. Either
  - make one bound to a new spreadsheet:  npx clasp login  then  npx clasp create --type sheets --title "Health Score (dev)" --rootDir dist
  - or use an existing one: copy .clasp.json.example to ${target} and put your script id in it
    (Apps Script editor → Project Settings → Script ID).
Then run npm run deploy again.`,
  );
}

const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return fail(`${file} is not JSON: it should look like .clasp.json.example.`);
  }
};
const project = read(target);
if (typeof project.scriptId !== "string" || !/^[\w-]{30,}$/.test(project.scriptId))
  fail(
    `${target} has no script id ("scriptId"): paste it from Apps Script editor → Project Settings → Script ID.`,
  );
if (existsSync(other) && read(other).scriptId === project.scriptId)
  fail(`${target} and ${other} name the same script: testing would push to your users. Give each its own.`);
if (project.rootDir !== "dist") {
  // Pushing from anywhere else would upload the TypeScript sources, which Apps Script cannot run.
  writeFileSync(target, `${JSON.stringify({ ...project, rootDir: "dist" }, null, 2)}\n`);
  console.log(`deploy: set "rootDir": "dist" in ${target}`);
}

const run = (command, args) =>
  spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
const clasp = (...args) => run("npx", ["clasp", "--project", target, ...args]);

if (prod && run("npm", ["test"]).status !== 0)
  fail("npm test failed: production is pushed from a green build only.");
else if (!prod && run("npm", ["run", "build", "--silent"]).status !== 0)
  fail("the build failed; fix the error above first.");
if (clasp("push", "--force").status !== 0) {
  fail(`clasp push failed. What usually helps:
  - "User has not enabled the Apps Script API": turn it on at script.google.com → Settings, then retry.
  - not logged in, or the login expired: npx clasp login
  - "Project file not found" or a 404: the scriptId in ${target} is wrong or not shared with you.
  - a syntax error: run npm test, which loads dist/Code.js exactly as Apps Script does.`);
}
if (!prod) {
  console.log(
    "deploy: pushed dist/ to the development script. Reload its spreadsheet to see Extensions → Health Score.",
  );
} else {
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  const sha = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  if (clasp("create-version", `sheets-healthscore ${version} (${sha || "no git"})`).status !== 0)
    fail(
      "clasp create-version failed: the code is pushed; make the version in Apps Script editor → Deploy → Manage deployments.",
    );
  console.log(
    "deploy: pushed to the production script and made a version. Users get it once you put that version number in the Marketplace SDK → App Configuration (docs/publishing.md, step 6).",
  );
}
