/**
 * JSON as the rubric's editors hold it before validation (the sidebar's draft, a rubric sheet
 * being read): plain objects, compared by content; and JSON text read with errors a person can
 * act on. JSON.parse says where a syntax error is only sometimes, and differently in Node,
 * browsers and Apps Script (`Unexpected token ']', "[1,]" is not valid JSON` names no place at
 * all), so when it fails, a small scanner of our own finds the first error and says it with its
 * line and column. The scanner keeps its own stack, so text nested thousands of levels deep is
 * judged without overflowing the call stack.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Stable JSON: object keys sorted and undefined fields left out, so two values that say the same
 * thing give the same text (drafts compare equal; a rubric's fingerprint does not depend on the
 * order its fields were written in).
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as JsonObject).filter(([, v]) => v !== undefined);
    // Stryker disable next-line EqualityOperator,ConditionalExpression: an object's keys are unique, so no two compare equal
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface JsonSyntaxError {
  /** 1-based line and column (in characters) of the first thing that is wrong. */
  line: number;
  column: number;
  /** What is wrong there, in words: `a comma before "]"`. */
  message: string;
}

export type JsonReading = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** Parses JSON text (a leading byte-order mark is ignored), or says where and why it is not JSON. */
export function parseJson(text: string): JsonReading {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const found = firstSyntaxError(body);
    const at = found ?? { offset: body.length, message: "it is not valid JSON" };
    return { ok: false, error: { ...lineAndColumn(body, at.offset), message: at.message } };
  }
}

/** The sentence for a syntax error: `<what> is not valid JSON at line 3, column 7: <message>.` */
export function jsonErrorSentence(what: string, e: JsonSyntaxError): string {
  return `${what} is not valid JSON at line ${e.line}, column ${e.column}: ${e.message}.`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an error's offset is never past the end of the text
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

const show = (c: string | undefined): string =>
  c === undefined ? "the end" : c === '"' ? "a double quote" : `"${c}"`;

type Found = { offset: number; message: string };

/**
 * The offset and description of the first syntax error in `text`, or undefined if it has none.
 * Iterative: `stack` holds the open arrays ("[") and objects ("{").
 */
function firstSyntaxError(text: string): Found | undefined {
  const stack: string[] = [];
  let pos = 0;
  // What may come next: a value; a value or "]" (just after "["); a field name; a field name or
  // "}" (just after "{"); or, after a value, "," or the innermost close or the end.
  // ("value" is also the state every branch below falls through to, so its name is never compared.)
  // Stryker disable next-line StringLiteral: see above
  let state: "value" | "valueOrClose" | "key" | "keyOrClose" | "after" = "value";
  const fail = (message: string, offset = pos): Found => ({ offset, message });
  for (;;) {
    WS.lastIndex = pos;
    WS.exec(text);
    pos = WS.lastIndex;
    const c = text[pos];
    const top = stack[stack.length - 1];
    const close = top === "[" ? "]" : "}";

    if ((state === "valueOrClose" && c === "]") || (state === "keyOrClose" && c === "}")) {
      stack.pop();
      pos++;
      state = "after";
    } else if (state === "key" || state === "keyOrClose") {
      if (c === "}") return fail('a comma before "}": remove the last comma');
      if (c === "'") return fail("a field name needs double quotes, not single ones");
      if (c !== '"') return fail(`expected a field name in double quotes, found ${show(c)}`);
      const end = stringEnd(text, pos);
      if (typeof end !== "number") return end;
      WS.lastIndex = end;
      WS.exec(text);
      pos = WS.lastIndex;
      if (text[pos] !== ":") return fail(`expected ":" after the field name, found ${show(text[pos])}`);
      pos++;
      // Stryker disable next-line StringLiteral: "value" is the fallthrough state (above)
      state = "value";
    } else if (state === "after") {
      if (top === undefined)
        // Stryker disable next-line ConditionalExpression: reached only when JSON.parse failed, and this scanner finds every error it does
        return c === undefined ? undefined : fail(`unexpected ${show(c)} after the end of the JSON`);
      if (c === ",") {
        pos++;
        // Stryker disable next-line StringLiteral: "value" is the fallthrough state (above)
        state = top === "[" ? "value" : "key";
      } else if (c === close) {
        stack.pop();
        pos++;
      } else if (c === undefined) {
        return fail(`the text ends before the JSON does: a closing "${close}" is missing`);
      } else {
        return fail(
          `expected "," or "${close}", found ${show(c)}${c === '"' ? " (a comma is missing)" : ""}`,
        );
      }
    } else if (c === "{" || c === "[") {
      stack.push(c);
      pos++;
      state = c === "{" ? "keyOrClose" : "valueOrClose";
    } else if (c === '"') {
      const end = stringEnd(text, pos);
      if (typeof end !== "number") return end;
      pos = end;
      state = "after";
    } else {
      if (c === "]" && top === "[") return fail('a comma before "]": remove the last comma');
      if (c === "'") return fail("text needs double quotes, not single ones");
      if (c === undefined)
        return fail(
          top === undefined
            ? "there is no JSON here"
            : `the text ends before the JSON does: a closing "${close}" is missing`,
        );
      NUMBER.lastIndex = pos;
      LITERAL.lastIndex = pos;
      if (NUMBER.exec(text)) pos = NUMBER.lastIndex;
      else if (LITERAL.exec(text)) pos = LITERAL.lastIndex;
      else
        return fail(
          `expected a value (text in double quotes, a number, true, false, null, [ or {), found ${show(c)}`,
        );
      state = "after";
    }
  }
}

/** The offset just past a string starting at `start` (a quote), or the error in it. */
function stringEnd(text: string, start: number): number | Found {
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which ends nothing and is no control character
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code === 92) {
      const e = text[i + 1];
      if (e === "u") {
        // Stryker disable next-line Regex: the slice is at most four characters, so either anchor alone is enough
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, message: "\\u must be followed by four hex digits" };
        i += 5;
        continue;
      }
      // Stryker disable next-line ConditionalExpression: includes(undefined) looks for "undefined", which is not there either
      if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i++;
        continue;
      }
      return {
        offset: i,
        message: `"\\${e ?? ""}" is not an escape JSON knows: write "\\\\" for a backslash`,
      };
    } else if (code < 32) {
      return { offset: i, message: "a line break or tab inside text: write it as \\n or \\t" };
    }
  }
  return { offset: start, message: "this text has no closing double quote" };
}
