/**
 * A first scorer for a column, from what the column holds, so that "Add metric" gives something
 * that already scores: a range over the numbers, days since a date, a map over checkbox or text
 * values. A starting point the person then adjusts, whichever editor adds the metric.
 */
import { isoDay, parseNumber, readBoolean } from "./cells";
import type { JsonObject } from "./json";
import type { PlainCell } from "./types";

function kindOf(cell: PlainCell): "number" | "boolean" | "date" | "text" | "empty" {
  if (typeof cell === "boolean") return "boolean";
  if (typeof cell === "number") return "number";
  const t = cell.trim();
  // Stryker disable next-line StringLiteral: an empty cell's kind is counted in no total, whatever it is called
  if (t === "") return "empty";
  // 1/0 read as numbers here: a column of counts has them too.
  if (parseNumber(t) !== undefined) return "number";
  if (readBoolean(t) !== undefined) return "boolean";
  if (isoDay(t) !== undefined) return "date";
  return "text";
}

/** A round number near x (two significant digits), so suggestions read like a person chose them. */
function round(x: number): number {
  if (x === 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / p) * p;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.round(q * (sorted.length - 1))] ?? 0;
}

/** Input kind and scorer for a new metric reading a column with these cells. */
export function suggestScorer(cells: readonly PlainCell[]): Pick<JsonObject, "input" | "score"> {
  const counts = { number: 0, boolean: 0, date: 0, text: 0 };
  const texts = new Map<string, number>();
  const numbers: number[] = [];
  for (const cell of cells) {
    const kind = kindOf(cell);
    // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut, "empty" is counted in no total
    if (kind === "empty") continue;
    counts[kind]++;
    if (kind === "number")
      // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut, a number's own text reads back as the number
      numbers.push(typeof cell === "number" ? cell : (parseNumber(String(cell)) as number));
    if (kind === "text") texts.set(String(cell).trim(), (texts.get(String(cell).trim()) ?? 0) + 1);
  }
  const total = counts.number + counts.boolean + counts.date + counts.text;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no cells n / total is NaN, which is not >= 0.8 either
  const most = (n: number) => total > 0 && n / total >= 0.8;
  if (most(counts.boolean)) {
    return { input: "boolean", score: { type: "map", values: { TRUE: 100, FALSE: 0 }, else: 0 } };
  }
  if (most(counts.date)) {
    return {
      input: "daysSince",
      score: {
        type: "steps",
        steps: [
          { max: 7, score: 100 },
          { max: 30, score: 60 },
        ],
        else: 0,
      },
    };
  }
  if (most(counts.number)) {
    numbers.sort((a, b) => a - b);
    let worst = round(quantile(numbers, 0.1));
    let best = round(quantile(numbers, 0.9));
    if (worst === best) {
      worst = numbers[0] ?? 0;
      // Stryker disable next-line ArithmeticOperator: numbers is not empty here; the fallback is for the type checker
      best = numbers[numbers.length - 1] ?? worst + 1;
      if (worst === best) best = worst + 1;
    }
    return { input: "number", score: { type: "range", worst, best } };
  }
  const common = [...texts].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return {
    input: "text",
    score: {
      type: "map",
      values: Object.fromEntries(common.length ? common.map(([t]) => [t, 50]) : [["Yes", 100]]),
      else: 0,
    },
  };
}

/** A default scorer of a type, when the person switches type. */
export function scorerOfType(type: string, method: string, cells: readonly PlainCell[]): JsonObject {
  const suggested = suggestScorer(cells).score as JsonObject;
  if (suggested.type === type) return suggested;
  switch (type) {
    case "steps":
      return { type, steps: [{ min: 1, score: 100 }], else: 0 };
    case "range":
      return { type, worst: 0, best: 10 };
    case "map":
      return { type, values: { TRUE: 100, FALSE: 0 }, else: 0 };
    case "scale":
      return { type, neutral: 3, step: method === "points" ? 5 : 25 };
    default:
      return { type: "perUnit", points: 10 };
  }
}

/** An id from a label: letters, digits and _ (the rubric's rule), unique among `taken`. */
export function idFrom(text: string, taken: ReadonlySet<string>): string {
  const words = text.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "_");
  // Stryker disable next-line Regex: the line above leaves no two _ in a row
  const base = words.replace(/^_+|_+$/g, "").toLowerCase() || "metric";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}
