/**
 * Figures quoted in the docs that a program can produce, so none is copied by hand and goes stale.
 *
 * A figure block in a Markdown file sits between `<!-- figures:NAME -->` and `<!-- /figures:NAME -->`
 * (invisible once rendered). `npm run figures` rewrites the `sizes` block of docs/architecture.md
 * from the build, and test/dev/docFigures.test.ts holds that block to the build.
 */
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";

export const ARCHITECTURE_DOC = "docs/architecture.md";

/** The built files whose sizes the docs quote, with why each size matters. */
export const SIZED_FILES: readonly { file: string; why: string }[] = [
  { file: "dist/Code.js", why: "loaded by every custom-function call; the build fails past 220 KB" },
  { file: "dist/Sidebar.html", why: "sent each time the sidebar opens; the build fails past 150 KB" },
  { file: "build/cli.js", why: "the whole `healthscore` command, dependencies included" },
];

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function fileSize(file: string): FileSize {
  return { file, bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length };
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The sizes block's Markdown: one row per built file. */
export function sizesTable(sizes: readonly FileSize[]): string {
  const why = new Map(SIZED_FILES.map((f) => [f.file, f.why]));
  return [
    "| file | size | gzipped | why it matters |",
    "|---|---|---|---|",
    ...sizes.map((s) => `| \`${s.file}\` | ${kb(s.bytes)} | ${kb(s.gzipBytes)} | ${why.get(s.file) ?? ""} |`),
  ].join("\n");
}

/** The sizes quoted in a sizes block: file → [KB, gzipped KB]. */
export function quotedSizes(block: string): Map<string, [number, number]> {
  const quoted = new Map<string, [number, number]>();
  for (const m of block.matchAll(/^\| `([^`]+)` \| (\d+) KB \| (\d+) KB \|/gm))
    quoted.set(m[1] as string, [Number(m[2]), Number(m[3])]);
  return quoted;
}

const markers = (name: string) => [`<!-- figures:${name} -->`, `<!-- /figures:${name} -->`] as const;

/** The text of block `name` in `doc`, or undefined when the doc has no such block. */
export function readBlock(doc: string, name: string): string | undefined {
  const [open, close] = markers(name);
  const start = doc.indexOf(open);
  const end = doc.indexOf(close, start);
  if (start < 0 || end < 0) return undefined;
  return doc.slice(start + open.length, end).trim();
}

/** `doc` with block `name` holding `body`; throws when the block's markers are missing. */
export function replaceBlock(doc: string, name: string, body: string): string {
  const [open, close] = markers(name);
  const start = doc.indexOf(open);
  const end = doc.indexOf(close, start);
  if (start < 0 || end < 0)
    throw new Error(`The doc has no "${open}" … "${close}" block: put the two markers where the figures go.`);
  return `${doc.slice(0, start + open.length)}\n${body.trim()}\n${doc.slice(end)}`;
}
