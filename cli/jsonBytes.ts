/**
 * JSON written straight into UTF-8 bytes, for `score --format json` on big files. Its output runs
 * to six times the input; built as a string, the pieces of each row are concatenated, flattened
 * and then encoded to UTF-8 by Node, which together cost more than working the rows out. Here
 * each piece is written once, into a buffer that is handed to stdout as it is.
 *
 * What it writes is byte for byte what `JSON.stringify` writes, encoded as UTF-8
 * (test/cli/jsonBytes.test.ts holds it to that).
 */
export class JsonBytes {
  #bytes: Buffer;
  #at = 0;

  constructor(capacity = 1 << 16) {
    this.#bytes = Buffer.allocUnsafe(capacity);
  }

  /** JSON punctuation, keys and numbers: ASCII text with nothing to escape, written as it is. */
  ascii(text: string): void {
    const n = text.length;
    this.#room(n);
    const b = this.#bytes;
    let o = this.#at;
    for (let i = 0; i < n; i++) b[o++] = text.charCodeAt(i);
    this.#at = o;
  }

  /** A number as JSON.stringify writes it: null when there is none or it is not finite. */
  number(n: number | null): void {
    // Stryker disable next-line ConditionalExpression: equivalent, Number.isFinite(null) is false too
    this.ascii(n !== null && Number.isFinite(n) ? String(n) : "null");
  }

  /**
   * `Math.round(n * 10 ** decimals) / 10 ** decimals` as JSON.stringify writes it (`18.4`, `-4.08`,
   * `0`), worked out from the whole number of hundredths (or thousandths) rather than by
   * formatting a double, which costs several times more. Exact: below 2^31 such numbers are far
   * enough apart that their shortest text is their plain decimal.
   */
  rounded(n: number, decimals: 2 | 3): void {
    const scale = decimals === 2 ? 100 : 1000;
    const whole = Math.round(n * scale);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, number() writes the same text, only slower
    if (!(Math.abs(whole) < 2 ** 31)) {
      this.number(whole / scale);
      return;
    }
    this.#room(13);
    const b = this.#bytes;
    let units = Math.abs(whole);
    if (whole < 0) b[this.#at++] = MINUS;
    this.#digits(Math.floor(units / scale), 1);
    units %= scale;
    if (units === 0) return;
    b[this.#at++] = DOT;
    let width = decimals;
    while (units % 10 === 0) {
      units /= 10;
      width--;
    }
    this.#digits(units, width);
  }

  /** Bytes made earlier (a piece every row repeats, such as a driver's id and label). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.#room(n);
    const b = this.#bytes;
    let o = this.#at;
    for (let i = 0; i < n; i++) b[o++] = bytes[i] as number;
    this.#at = o;
  }

  /** A string as JSON.stringify quotes and escapes it. */
  string(text: string): void {
    this.#room(text.length * 6 + 2); // the longest a character can grow: \uXXXX
    this.#bytes[this.#at++] = QUOTE;
    this.#utf8(text, true);
    this.#bytes[this.#at++] = QUOTE;
  }

  /** Text that is JSON already (from JSON.stringify, so well-formed), as UTF-8. */
  json(text: string): void {
    this.#room(text.length * 6);
    this.#utf8(text, false);
  }

  /** The bytes written so far, handed over (they are not reused); writing starts again empty. */
  take(): Buffer {
    const out = this.#bytes.subarray(0, this.#at);
    // Stryker disable next-line MethodExpression: equivalent, the size of the next buffer is speed, not output
    this.#bytes = Buffer.allocUnsafe(Math.max(this.#bytes.length, 1024));
    this.#at = 0;
    return out;
  }

  /** A whole number below 2^31 in decimal, padded with zeros to `width` digits (room is made). */
  #digits(n: number, width: number): void {
    let count = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
    // Stryker disable next-line EqualityOperator: equivalent, count already equals width
    if (count < width) count = width;
    const b = this.#bytes;
    let rest = n;
    for (let i = this.#at + count - 1; i >= this.#at; i--) {
      b[i] = ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.#at += count;
  }

  #room(n: number): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, growing a buffer that has room is only slower
    if (this.#at + n <= this.#bytes.length) return;
    // Stryker disable next-line ArithmeticOperator: equivalent, at least at + n either way (speed, not output)
    const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#at + n));
    this.#bytes.copy(grown, 0, 0, this.#at);
    this.#bytes = grown;
  }

  /** Encodes `text` as UTF-8; `quoted`: escaped as inside a JSON string (room is already made). */
  #utf8(text: string, quoted: boolean): void {
    const b = this.#bytes;
    let o = this.#at;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (quoted && (c < 0x20 || c === QUOTE || c === BACKSLASH)) {
          const short = SHORT_ESCAPES[c];
          b[o++] = BACKSLASH;
          if (short !== undefined) b[o++] = short;
          else o = hex4(b, o, c);
        } else b[o++] = c;
      } else if (c < 0x800) {
        b[o++] = 0xc0 | (c >> 6);
        b[o++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[o++] = 0xe0 | (c >> 12);
        b[o++] = 0x80 | ((c >> 6) & 0x3f);
        b[o++] = 0x80 | (c & 0x3f);
      } else {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, charCodeAt past the end is NaN, which fails the test below as 0 does
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
          // Stryker disable next-line ArithmeticOperator: equivalent, c + 0xd800 only adds bits above the four bytes' masks
          const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          b[o++] = 0xf0 | (point >> 18);
          b[o++] = 0x80 | ((point >> 12) & 0x3f);
          b[o++] = 0x80 | ((point >> 6) & 0x3f);
          b[o++] = 0x80 | (point & 0x3f);
          i++;
        } else {
          // A lone surrogate: JSON.stringify escapes it (well-formed JSON, ES2019), so JSON text has none.
          b[o++] = BACKSLASH;
          o = hex4(b, o, c);
        }
      }
    }
    this.#at = o;
  }
}

const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const BACKSLASH = 0x5c;
/** JSON.stringify's two-character escapes, by character code. */
const SHORT_ESCAPES: (number | undefined)[] = [];
for (const [c, e] of [
  [0x08, "b"],
  [0x09, "t"],
  [0x0a, "n"],
  [0x0c, "f"],
  [0x0d, "r"],
  [QUOTE, '"'],
  [BACKSLASH, "\\"],
] as const)
  SHORT_ESCAPES[c] = e.charCodeAt(0);
const HEX = "0123456789abcdef";

/** `u` and four lowercase hex digits, as JSON.stringify writes them. */
function hex4(b: Buffer, at: number, c: number): number {
  let o = at;
  b[o++] = 0x75; // u
  for (let shift = 12; shift >= 0; shift -= 4) b[o++] = HEX.charCodeAt((c >> shift) & 0xf);
  return o;
}
