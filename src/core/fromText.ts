/**
 * A `from` as a person reads it, and back: the rubric sheet's From cell and a from-metric's default
 * label. `fromText` and `parseFromText` are lossless: any valid `from` → text → `from` is equal.
 *
 *   count of logins, last 30 days
 *   distinct User in logins, last 30 days, % change from the previous 30 days
 *   average Score in nps, last 90 days
 *   latest Date in logins
 *   count of tickets, where Priority is P1 and Status is Open or Pending
 *   sum Amount in invoices, where Amount is at least 100 and Plan contains pro
 *
 * A name or value that holds a comma, a quote, a keyword (in, is, and, or…), or that would read as
 * a number or TRUE/FALSE when it is text, is written in double quotes ("" for a quote inside).
 */
import type { AggKind, Comparable, Condition, From } from "./types";

export const AGG_KINDS: readonly AggKind[] = ["count", "distinct", "sum", "avg", "min", "max", "latest"];

/** How each aggregate is said; `avg` is said "average". */
const AGG_WORD: Record<AggKind, string> = {
  count: "count",
  distinct: "distinct",
  sum: "sum",
  avg: "average",
  min: "min",
  max: "max",
  latest: "latest",
};

const KEYWORDS = new Set([
  "of",
  "in",
  "is",
  "and",
  "or",
  "contains",
  "at",
  "between",
  "where",
  "last",
  "one",
]);
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A name or text value as written: bare when it reads back as itself, else in double quotes. */
function quoted(text: string, isValue: boolean): string {
  const words = text.split(" ");
  const bare =
    /^[^\s",%]+(?: [^\s",%]+)*$/.test(text) &&
    !words.some((w) => KEYWORDS.has(w.toLowerCase())) &&
    !(isValue && (PLAIN_NUMBER.test(text) || /^(true|false)$/i.test(text)));
  return bare ? text : `"${text.replace(/"/g, '""')}"`;
}

function valueText(v: Comparable): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return quoted(v, true);
}

function conditionText(c: Condition): string {
  const col = quoted(c.column, false);
  if (c.equals !== undefined) return `${col} is ${valueText(c.equals)}`;
  if (c.in !== undefined) {
    const values = c.in.map(valueText).join(" or ");
    return c.in.length === 1 ? `${col} is one of ${values}` : `${col} is ${values}`;
  }
  // Stryker disable next-line BooleanLiteral: contains reads its text as text, quoted or not (quoting a number keeps it looking like text)
  if (c.contains !== undefined) return `${col} contains ${quoted(c.contains, true)}`;
  if (c.min !== undefined && c.max !== undefined) return `${col} is between ${c.min} and ${c.max}`;
  if (c.min !== undefined) return `${col} is at least ${c.min}`;
  return `${col} is at most ${c.max}`;
}

const daysText = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The From cell's text of a valid `from`. */
export function fromText(from: From): string {
  // Only count goes without a column (`count of logins`).
  const head =
    from.column === undefined
      ? `count of ${from.source}`
      : `${AGG_WORD[from.agg]} ${quoted(from.column, false)} in ${from.source}`;
  const parts = [head];
  if (from.days !== undefined) parts.push(`last ${daysText(from.days)}`);
  if (from.where && from.where.length > 0) parts.push(`where ${from.where.map(conditionText).join(" and ")}`);
  if (from.compare === "previous") parts.push(`% change from the previous ${daysText(from.days ?? 0)}`);
  return parts.join(", ");
}

// ---------------------------------------------------------------- reading

interface Token {
  text: string;
  quoted: boolean;
}

const EXAMPLE = "“count of logins, last 30 days, where Status is Open”";

/** Splits into clauses at commas outside quotes, each clause into words and quoted strings. */
function tokenize(text: string): Token[][] | string {
  const clauses: Token[][] = [[]];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === ",") {
      clauses.push([]);
      i++;
    } else if (ch === '"') {
      let out = "";
      i++;
      for (;;) {
        if (i === text.length) return "a quote is not closed";
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += text[i];
        i++;
      }
      (clauses[clauses.length - 1] as Token[]).push({ text: out, quoted: true });
    } else {
      let j = i;
      // Stryker disable next-line EqualityOperator: past the end, text[j] is undefined and the loop stops one step later at the same word
      while (j < text.length && !/[\s,"]/.test(text[j] as string)) j++;
      (clauses[clauses.length - 1] as Token[]).push({ text: text.slice(i, j), quoted: false });
      i = j;
    }
  }
  return clauses;
}

const isWord = (t: Token | undefined, ...words: string[]) =>
  t !== undefined && !t.quoted && words.includes(t.text.toLowerCase());

/** Words up to (not including) a stop word, joined by one space; one quoted token stands alone. */
function name(tokens: Token[], at: number, stop: (t: Token) => boolean): { text: string; next: number } {
  if (tokens[at]?.quoted) return { text: (tokens[at] as Token).text, next: at + 1 };
  const words: string[] = [];
  let i = at;
  while (i < tokens.length && !(tokens[i] as Token).quoted && !stop(tokens[i] as Token)) {
    words.push((tokens[i] as Token).text);
    i++;
  }
  return { text: words.join(" "), next: i };
}

function readValue(text: string, quotedText: boolean): Comparable {
  if (quotedText) return text;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return text;
}

function number(t: Token | undefined): number | undefined {
  return t && !t.quoted && PLAIN_NUMBER.test(t.text) ? Number(t.text) : undefined;
}

/** Reads `where` conditions: `A is x and B is y or z and C is at least 3`. */
function readConditions(tokens: Token[]): Condition[] | string {
  const out: Condition[] = [];
  let i = 0;
  while (i < tokens.length) {
    const col = name(tokens, i, (t) => isWord(t, "is", "contains"));
    i = col.next;
    if (!col.text) return "a condition needs a column before “is” or “contains”";
    const verb = tokens[i];
    if (!isWord(verb, "is", "contains")) return `the condition on "${col.text}" needs “is” or “contains”`;
    i++;
    const cond: Condition = { column: col.text };
    const stopValue = (t: Token) => isWord(t, "or", "and");
    if (isWord(verb, "contains")) {
      const v = name(tokens, i, stopValue);
      if (!v.text) return `"${col.text} contains" needs the text to look for`;
      cond.contains = v.text;
      i = v.next;
    } else if (isWord(tokens[i], "at") && isWord(tokens[i + 1], "least", "most")) {
      const n = number(tokens[i + 2]);
      if (n === undefined) return `"${col.text} is at ${(tokens[i + 1] as Token).text}" needs a number`;
      if (isWord(tokens[i + 1], "least")) cond.min = n;
      else cond.max = n;
      i += 3;
    } else if (isWord(tokens[i], "between")) {
      const lo = number(tokens[i + 1]);
      const hi = number(tokens[i + 3]);
      if (lo === undefined || hi === undefined || !isWord(tokens[i + 2], "and"))
        return `"${col.text} is between" needs two numbers, like “between 1 and 5”`;
      cond.min = lo;
      cond.max = hi;
      i += 4;
    } else {
      const oneOf = isWord(tokens[i], "one") && isWord(tokens[i + 1], "of");
      if (oneOf) i += 2;
      const values: Comparable[] = [];
      for (;;) {
        const v = name(tokens, i, stopValue);
        if (!v.text && !tokens[i]?.quoted) return `"${col.text} is" needs a value`;
        values.push(readValue(v.text, (tokens[i] as Token).quoted));
        i = v.next;
        if (!isWord(tokens[i], "or")) break;
        i++;
      }
      if (values.length === 1 && !oneOf) cond.equals = values[0] as Comparable;
      else cond.in = values;
    }
    out.push(cond);
    if (i < tokens.length) {
      if (!isWord(tokens[i], "and")) return `expected “and” before "${(tokens[i] as Token).text}"`;
      i++;
      if (i === tokens.length) return "a condition is missing after “and”";
    }
  }
  return out;
}

/** Reads a From cell's text; a string result is what is wrong with it. */
export function parseFromText(text: string): From | string {
  const clauses = tokenize(text);
  if (typeof clauses === "string") return `${clauses}: write it like ${EXAMPLE}`;
  const head = clauses[0] as Token[];
  const aggWord = head[0]?.quoted ? undefined : head[0]?.text.toLowerCase();
  const agg = AGG_KINDS.find((a) => AGG_WORD[a] === aggWord || a === aggWord);
  if (!agg) return `it must start with an aggregate (${Object.values(AGG_WORD).join(", ")}): ${EXAMPLE}`;
  const last = head[head.length - 1] as Token;
  // The aggregate is never “in” or “of”, so this needs three words at least.
  if (last.quoted || !isWord(head[head.length - 2], "in", "of"))
    return `name the source at the end of “${head.map((t) => t.text).join(" ")}”, like “count of logins” or “latest Date in logins”`;
  const from: From = { source: last.text, agg };
  const colTokens = head.slice(1, -2);
  if (agg !== "count" || colTokens.length > 0) {
    // Stryker disable next-line ArrowFunction: undefined stops no more than false
    const col = name(colTokens, 0, () => false);
    if (!col.text || col.next !== colTokens.length)
      return `“${AGG_WORD[agg]}” needs a column, like “${AGG_WORD[agg]} Score in nps”`;
    from.column = col.text;
  }
  let compareDays: number | undefined;
  for (const clause of clauses.slice(1)) {
    if (clause.length === 0) return `an empty part between commas: write it like ${EXAMPLE}`;
    // Stryker disable next-line StringLiteral: a quoted word is no keyword, whatever stands for it
    const words = clause.map((t) => (t.quoted ? `"${t.text}"` : t.text.toLowerCase()));
    if (words[0] === "last") {
      const n = number(clause[1]);
      if (n === undefined || clause.length !== 3 || !isWord(clause[2], "day", "days"))
        return `write the window as “last 30 days”, not “${clause.map((t) => t.text).join(" ")}”`;
      from.days = n;
    } else if (words[0] === "where") {
      const where = readConditions(clause.slice(1));
      if (typeof where === "string") return where;
      if (where.length === 0) return "“where” needs a condition, like “where Status is Open”";
      from.where = where;
    } else if (words.slice(0, 5).join(" ") === "% change from the previous") {
      compareDays = number(clause[5]);
      if (compareDays === undefined || clause.length !== 7 || !isWord(clause[6], "day", "days"))
        return "write the comparison as “% change from the previous 30 days”";
      from.compare = "previous";
    } else {
      return `“${clause.map((t) => t.text).join(" ")}” is not understood: parts after the first are “last N days”, “where …” and “% change from the previous N days”`;
    }
  }
  if (compareDays !== undefined && compareDays !== from.days)
    return `“% change from the previous ${compareDays} days” must match the window (“last ${compareDays} days”)`;
  return from;
}
