/**
 * Where a problem is, in the editor's words: `metrics[2].weight` is "Seat utilisation › Weight",
 * as the card and the field are titled. The one place that maps a rubric path to what the editor
 * shows; the JSON path itself stays for import and the command line.
 */
import { isObject } from "../src/core";
import { fieldLabel } from "./fields";

/** What an item of a list is called: its label, else its column, else its kind and number. */
export function itemTitle(kind: "Metric" | "Flag", item: unknown, i: number): string {
  const o = isObject(item) ? item : {};
  return (
    (typeof o.label === "string" && o.label) ||
    (typeof o.column === "string" && o.column) ||
    `${kind} ${i + 1}`
  );
}

/** What the next key under each kind of place is. */
const CHILD: Record<string, Record<string, string>> = {
  rubric: {
    bands: "bands",
    groups: "groups",
    metrics: "metrics",
    flags: "flags",
    segments: "segments",
    sources: "sources",
  },
  metric: { score: "score", from: "from" },
  flag: { from: "from" },
  score: { steps: "steps", values: "values" },
  segments: { rubrics: "rubrics" },
};

/** Places said by their parts when a part is named: lists by their items, a scorer by its fields. */
const SAID_BY_PARTS = new Set([
  "bands",
  "groups",
  "metrics",
  "flags",
  "score",
  "steps",
  "values",
  "segments",
  "rubrics",
  "sources",
]);

/** `metrics[2].score.steps[0]` → ["metrics", 2, "score", "steps", 0]. Names holding "." or "[" are read as written. */
function keysOf(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g))
    keys.push(m[1] === undefined ? (m[2] as string) : Number(m[1]));
  return keys;
}

/**
 * The words for a problem's path in `rubric` (the draft's JSON), from `from` on: the parts above
 * it are already said by where the message shows. "" for the rubric itself.
 */
export function fieldWords(rubric: unknown, path: string, from = ""): string {
  const keys = keysOf(path);
  const skip = keysOf(from).length;
  const words: string[] = [];
  let kind = "rubric";
  let node: unknown = rubric;
  keys.forEach((key, i) => {
    node =
      isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
    let word = fieldLabel(kind, key) ?? String(key);
    let next = CHILD[kind]?.[key as string] ?? "field";
    if (kind === "bands")
      [word, next] = [
        (isObject(node) && typeof node.label === "string" && node.label) || `Band ${Number(key) + 1}`,
        "band",
      ];
    else if (kind === "metrics" || kind === "flags") {
      const one = kind === "metrics" ? "Metric" : "Flag";
      [word, next] = [itemTitle(one, node, Number(key)), one.toLowerCase()];
    } else if (kind === "groups") [word, next] = [`Group ${key} › Weight`, "field"];
    else if (kind === "steps") [word, next] = [`Step ${Number(key) + 1}`, "step"];
    else if (kind === "values") [word, next] = [`Value "${key}"`, "field"];
    else if (kind === "rubrics") [word, next] = [`Segment ${key}`, "rubric"];
    else if (kind === "sources") [word, next] = [`Source ${key}`, "source"];
    else if (kind === "from") return; // a From is one field of words: its parts are its message's
    // "Seat utilisation › Weight", not "Metrics › Seat utilisation › Weight".
    const said = !SAID_BY_PARTS.has(next) || i === keys.length - 1;
    kind = next;
    if (i >= skip && said) words.push(word);
  });
  return words.join(" › ");
}

/** A problem in the editor's words: "Seat utilisation › Weight: must be a number ≥ 0". */
export function problemInWords(rubric: unknown, problem: { path: string; message: string }): string {
  const where = fieldWords(rubric, problem.path);
  return where ? `${where}: ${problem.message}` : problem.message;
}
