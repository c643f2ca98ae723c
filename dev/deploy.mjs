// npm run deploy: build, then push dist/ (Code.js + appsscript.json) to your Apps Script project
// with clasp. The project's id lives in .clasp.json, which is yours and never committed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const fail = (message) => {
  console.error(`deploy: ${message}`);
  process.exit(1);
};

// `clasp create --rootDir dist` may write .clasp.json into dist/, which every build may replace.
if (!existsSync(".clasp.json") && existsSync("dist/.clasp.json"))
  renameSync("dist/.clasp.json", ".clasp.json");
if (!existsSync(".clasp.json")) {
  fail(`no .clasp.json yet, so there is no Apps Script project to push to. Either
  - make one bound to a new spreadsheet:  npx clasp login  then  npx clasp create --type sheets --title "Health Score" --rootDir dist
  - or use an existing one: copy .clasp.json.example to .clasp.json and put your script id in it
    (Apps Script editor → Project Settings → Script ID).
Then run npm run deploy again.`);
}
const clasp = JSON.parse(readFileSync(".clasp.json", "utf8"));
if (clasp.rootDir !== "dist") {
  // Pushing from anywhere else would upload the TypeScript sources, which Apps Script cannot run.
  writeFileSync(".clasp.json", `${JSON.stringify({ ...clasp, rootDir: "dist" }, null, 2)}\n`);
  console.log('deploy: set "rootDir": "dist" in .clasp.json');
}

const run = (command, args) =>
  spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
if (run("npm", ["run", "build", "--silent"]).status !== 0)
  fail("the build failed; fix the error above first.");
const push = run("npx", ["clasp", "push", "--force"]);
if (push.status !== 0) {
  fail(`clasp push failed. What usually helps:
  - "User has not enabled the Apps Script API": turn it on at script.google.com → Settings, then retry.
  - not logged in, or the login expired: npx clasp login
  - "Project file not found" or a 404: the scriptId in .clasp.json is wrong or not shared with you.
  - a syntax error: run npm test, which loads dist/Code.js exactly as Apps Script does.`);
}
console.log(
  "deploy: pushed dist/Code.js and appsscript.json. Reload the spreadsheet to see Extensions → Health Score.",
);
