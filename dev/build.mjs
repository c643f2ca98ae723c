// The one build script. Read top to bottom: each output, and why it is built the way it is.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import ts from "typescript";
import { helpPage } from "./helpPage.mjs";

// dist/ is exactly what `clasp push` uploads: start it empty, so no stale file ever reaches Apps Script.
rmSync("dist", { recursive: true, force: true });
mkdirSync("dist", { recursive: true });

// ---- dist/Code.js: the Apps Script bundle ------------------------------------------------------
// Apps Script runs one classic script: no import/require. esbuild bundles src/main.ts into an IIFE
// whose exports land in one global object, HealthScore_ (the trailing _ keeps it private to Apps
// Script). ES2019 is what clasp recommends for the V8 runtime; esbuild lowers newer syntax.
// Minified, because every custom-function call loads the whole file (minified is about half the size,
// docs/architecture.md quotes the figure); users see our error sentences, never stack traces, so nothing is lost for them.
const BUNDLE_GLOBAL = "HealthScore_";
const bundle = await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  format: "iife",
  globalName: BUNDLE_GLOBAL,
  target: "es2019",
  minify: true,
  write: false,
  logLevel: "warning",
});

// Sheets only sees functions declared at the top level, and reads a custom function's help from the
// JSDoc on that declaration. esbuild drops JSDoc, which is why generators that work on the bundle
// (gas-entry-generator, and esbuild-gas-plugin over it, which also pins esbuild 0.18) need extra
// steps: we read src/main.ts with the TypeScript compiler instead, and emit for each exported
// function a top-level declaration that carries its JSDoc and parameters and delegates to the bundle.
function entryPoints(file) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const text = source.getFullText();
  const stubs = [];
  for (const node of source.statements) {
    const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!ts.isFunctionDeclaration(node) || !exported || !node.name) continue;
    const name = node.name.text;
    // A rest parameter (HEALTHSCORE's source ranges) stays one: Sheets passes any number of arguments.
    const params = node.parameters.map(
      (p) => `${p.dotDotDotToken ? "..." : ""}${p.name.getText(source).replace(/^_/, "")}`,
    );
    const docs = (ts.getLeadingCommentRanges(text, node.pos) ?? [])
      .map((r) => text.slice(r.pos, r.end))
      .filter((c) => c.startsWith("/**"));
    if (docs.length === 0)
      throw new Error(`src/main.ts: ${name} needs a JSDoc comment: it is an entry point.`);
    stubs.push(
      `${docs.join("\n")}\nfunction ${name}(${params.join(", ")}) {\n  return ${BUNDLE_GLOBAL}.${name}(${params.join(", ")});\n}`,
    );
  }
  return stubs;
}

const code = `${bundle.outputFiles[0].text}\n${entryPoints("src/main.ts").join("\n\n")}\n`;
writeFileSync("dist/Code.js", code);
// Its budget: about 10% above today's size (198 KB, after the SQL compiler and the starters moved to
// the server), so growth is a decision, not an accident. Every custom-function call pays for each byte.
const CODE_BUDGET = 220 * 1024;
const codeBytes = Buffer.byteLength(code);
if (codeBytes > CODE_BUDGET) {
  throw new Error(
    `dist/Code.js is ${(codeBytes / 1024).toFixed(1)} KB, over its ${CODE_BUDGET / 1024} KB budget: trim it, or raise the budget on purpose, before building again.`,
  );
}
copyFileSync("appsscript.json", "dist/appsscript.json");

// ---- dist/Sidebar.html: the rubric editor ------------------------------------------------------
// HtmlService serves one file per sidebar and the sandboxed iframe cannot load our JS or CSS from
// anywhere else, so both are inlined into sidebar/index.html. The script bundles src/core, so the
// preview scores in the browser with the same code that scores in Sheets. Minified: the file is
// sent each time the sidebar opens. "</script" cannot appear inside an inline script, so it is
// escaped (it could only occur in a string). Replacements use functions: "$&" in the code stays.
// package.json says "sideEffects": false (no module of ours runs anything when imported), so esbuild
// leaves out whole core modules the sidebar never calls, such as the rubric sheet's table layout.
// The budget keeps it that way: the SQL compiler (~19 KB) once rode along for Copy as SQL alone,
// and the starter rubrics (~7 KB) for a first run; both now come from the server when needed. UTF-8 output keeps text such as
// "…" and "→" as two or three bytes rather than six-byte \u escapes (the page declares utf-8).
const SIDEBAR_BUDGET = 150 * 1024;
const sidebar = await build({
  entryPoints: ["sidebar/main.ts"],
  bundle: true,
  format: "iife",
  target: ["chrome100", "firefox100", "safari15", "edge100"],
  minify: true,
  charset: "utf8",
  write: false,
  logLevel: "warning",
});
const sidebarCss = await build({
  entryPoints: ["sidebar/styles.css"],
  bundle: true,
  minify: true,
  write: false,
  logLevel: "warning",
});
const sidebarJs = sidebar.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
const sidebarHtml = readFileSync("sidebar/index.html", "utf8")
  .replace("/* STYLES */", () => sidebarCss.outputFiles[0].text.trim())
  .replace("/* SCRIPT */", () => sidebarJs.trim());
writeFileSync("dist/Sidebar.html", sidebarHtml);
const sidebarBytes = Buffer.byteLength(sidebarHtml);
if (sidebarBytes > SIDEBAR_BUDGET) {
  throw new Error(
    `dist/Sidebar.html is ${(sidebarBytes / 1024).toFixed(1)} KB, over its ${SIDEBAR_BUDGET / 1024} KB budget: trim it before building again.`,
  );
}

// ---- dist/Help.html: what the sidebar's "Learn more" opens ---------------------------------------
// The README's sidebar section in a dialog over the sheet (sidebarApi's showHelp), rendered here
// from README.md by dev/helpPage.mjs, in its own file so neither the sidebar nor Code.js carries it.
// When package.json names the project's public "homepage", the page links to the section there too.
const helpCss = await build({
  entryPoints: ["sidebar/help.css"],
  bundle: true,
  minify: true,
  write: false,
  logLevel: "warning",
});
const { homepage = "" } = JSON.parse(readFileSync("package.json", "utf8"));
writeFileSync(
  "dist/Help.html",
  helpPage(readFileSync("README.md", "utf8"), "The sidebar: Edit rubric", {
    css: helpCss.outputFiles[0].text.trim(),
    homepage,
    anchor: "the-sidebar-edit-rubric",
  }),
);

// ---- build/cli.js, build/bench.js: Node programs, kept out of dist/ (clasp pushes all of dist/) --
// One bundled file each, so `healthscore` starts fast and needs no TypeScript at run time.
const node = { bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" };
// Dev programs load their npm dependencies at run time; the emulator is our own workspace package,
// shipped as TypeScript, so it is bundled in.
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const npmPackages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => name !== "gas-sheets-emulator",
);
await Promise.all([
  build({
    ...node,
    entryPoints: ["cli/bin.ts"],
    outfile: "build/cli.js",
    // DuckDB is a native optional dependency, loaded at run time by `sql --run` only.
    external: ["@duckdb/node-api"],
    banner: { js: "#!/usr/bin/env node" },
  }),
  // The local playground (npm start): a Node server, and the script of the page it serves.
  build({
    ...node,
    entryPoints: ["dev/playground/main.ts"],
    outfile: "build/playground.js",
    external: npmPackages,
  }),
  build({
    ...node,
    entryPoints: ["dev/screenshots.ts"],
    outfile: "build/screenshots.js",
    external: npmPackages,
  }),
  // The playground's spreadsheet runs in a worker thread, so Ui.prompt can wait (worker.ts).
  build({
    ...node,
    entryPoints: ["dev/playground/worker.ts"],
    outfile: "build/playground-worker.js",
    external: npmPackages,
  }),
  build({
    entryPoints: ["dev/playground/page.ts"],
    bundle: true,
    format: "iife",
    target: "chrome100",
    outfile: "build/playground-page.js",
    logLevel: "warning",
  }),
  // npm run figures: the docs' size figures, rewritten from this build.
  build({ ...node, entryPoints: ["dev/figures.ts"], outfile: "build/figures.js" }),
  existsSync("dev/bench.ts") &&
    build({
      ...node,
      entryPoints: ["dev/bench.ts"],
      outfile: "build/bench.js",
      external: ["hyperformula", "@duckdb/node-api"],
    }),
  // The bench's baseline for the CLI: parsing alone, bundled as the CLI bundles its parser.
  existsSync("dev/bench/parse.ts") &&
    build({ ...node, entryPoints: ["dev/bench/parse.ts"], outfile: "build/bench-parse.js" }),
]);
