// The one build script. Read top to bottom: each output, and why it is built the way it is.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import ts from "typescript";

mkdirSync("dist", { recursive: true });

// ---- dist/Code.js: the Apps Script bundle ------------------------------------------------------
// Apps Script runs one classic script: no import/require. esbuild bundles src/main.ts into an IIFE
// whose exports land in one global object, HealthScore_ (the trailing _ keeps it private to Apps
// Script). ES2019 is what clasp recommends for the V8 runtime; esbuild lowers newer syntax.
// Minified, because every custom-function call loads and parses the whole file (about 41 KB
// minified against 75 KB not); users see our error sentences, never stack traces, so nothing is
// lost for them.
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
    const params = node.parameters.map((p) => p.name.getText(source).replace(/^_/, ""));
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
copyFileSync("appsscript.json", "dist/appsscript.json");

// ---- build/cli.js, build/bench.js: Node programs, kept out of dist/ (clasp pushes all of dist/) --
// One bundled file each, so `healthscore` starts fast and needs no TypeScript at run time.
const node = { bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" };
await Promise.all([
  build({
    ...node,
    entryPoints: ["cli/main.ts"],
    outfile: "build/cli.js",
    banner: { js: "#!/usr/bin/env node" },
  }),
  existsSync("dev/bench.ts") &&
    build({ ...node, entryPoints: ["dev/bench.ts"], outfile: "build/bench.js", external: ["hyperformula"] }),
]);
