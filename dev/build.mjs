// The one build script. Read top to bottom: each output, and why it is built the way it is.
import { existsSync } from "node:fs";
import { build } from "esbuild";

// The command line and the benchmark run on Node: one bundled file each, so `healthscore`
// starts fast and needs no TypeScript at run time.
const node = { bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" };

await Promise.all([
  build({
    ...node,
    entryPoints: ["cli/main.ts"],
    outfile: "dist/cli.js",
    banner: { js: "#!/usr/bin/env node" },
  }),
  existsSync("dev/bench.ts") &&
    build({ ...node, entryPoints: ["dev/bench.ts"], outfile: "dist/bench.js", external: ["hyperformula"] }),
]);
