/**
 * The rooms of the house and their doors: which folder may import from which. The design's rule,
 * "one pure core decides every rule; the faces translate and delegate", holds only while no face
 * reaches into another and the core reaches into none, so test/dev/boundaries.test.ts checks every
 * import of every file against the table below (docs/architecture.md says where a new rule goes).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { importSpecifiers, typeScriptFiles } from "./importGraph";

/** One room: the files under `folder`, and what they may import. */
export interface Room {
  folder: string;
  /** Folders (or files) whose code it may import. */
  may: readonly string[];
  /** Files it may import types from, and nothing else: the typed contract of the sidebar and the server. */
  typesFrom?: readonly string[];
  /** Whether it may import npm packages and Node's modules (bundled code for Apps Script and the browser may not). */
  packages: boolean;
}

/** Most specific first: a file belongs to the first room whose folder holds it. */
export const ROOMS: readonly Room[] = [
  { folder: "src/core/", may: ["src/core/"], packages: false },
  { folder: "src/addon/", may: ["src/addon/", "src/core/", "examples/"], packages: false },
  { folder: "src/main.ts", may: ["src/addon/"], packages: false },
  {
    folder: "sidebar/",
    may: ["sidebar/", "src/core/", "examples/"],
    typesFrom: ["src/addon/sidebarApi.ts"],
    packages: false,
  },
  { folder: "cli/", may: ["cli/", "src/core/"], packages: true },
];

/** The folders the rooms cover, for typeScriptFiles. */
export const CHECKED = ["src", "sidebar", "cli"];

const toKey = (path: string) => relative(process.cwd(), resolve(path)).split("\\").join("/");

/** The repository file a relative specifier names (`../src/core` → src/core/index.ts). */
function target(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, "index.ts")])
    if (existsSync(candidate)) return toKey(candidate);
  return toKey(base);
}

const within = (file: string, place: string) =>
  place.endsWith("/") ? file.startsWith(place) : file === place;

function describe(room: Room): string {
  const types = room.typesFrom?.length ? ` (and types from ${room.typesFrom.join(", ")})` : "";
  return `${room.folder} may import only ${room.may.join(", ")}${types}${room.packages ? " and packages" : ""}`;
}

/** Every import of `file` (a repository path; its text is `source`) that its room does not allow, as sentences. */
export function violationsOf(file: string, source: string): string[] {
  const room = ROOMS.find((r) => within(file, r.folder));
  if (!room) return [];
  const values = new Set(importSpecifiers(source, true));
  const out: string[] = [];
  for (const specifier of new Set(importSpecifiers(source))) {
    if (!specifier.startsWith(".")) {
      if (!room.packages) out.push(`${file} imports the package "${specifier}": ${describe(room)}.`);
      continue;
    }
    const to = target(file, specifier);
    if (room.may.some((place) => within(to, place))) continue;
    if (!values.has(specifier) && room.typesFrom?.some((place) => within(to, place))) continue;
    out.push(`${file} imports ${to}: ${describe(room)}.`);
  }
  return out;
}

/** Every forbidden import in the checked folders. */
export function boundaryViolations(): string[] {
  return typeScriptFiles(CHECKED).flatMap((file) => violationsOf(file, readFileSync(file, "utf8")));
}
