/**
 * Utilities, Session, Logger, console and CacheService: the small services. Logger and console
 * record into emu.logs and print nothing unless the emulator was created with echoLogs.
 */
import { createHash } from "node:crypto";
import { format as nodeFormat } from "node:util";
import { instrument } from "./calls";
import { Charset, DigestAlgorithm, EnumValue } from "./enums";
import { describeArgument } from "./range";
import { intoRealm, isDate, isPlainObject } from "./realm";
import { type EmulatorState, type LogLevel, ServiceObject } from "./state";
import { formatJavaDate, instantOfWallClock, isTimeZone } from "./time";

const HASHES: Record<string, string> = {
  MD2: "md2",
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

/** Bytes as Apps Script hands them over: an array of signed 8-bit integers. */
function signedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 255));
  return Buffer.from(String(data), "utf8");
}

export class Utilities extends ServiceObject {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  #uuids = 0;

  /** Formats with a Java SimpleDateFormat pattern, as Apps Script does. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      throw this.ctx.fail(
        `The parameters (${[date, timeZone, format].map(describeArgument).join(",")}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    try {
      return formatJavaDate(date.getTime(), timeZone, format);
    } catch (error) {
      throw this.ctx.fail(`Invalid argument: format (${(error as Error).message})`);
    }
  }

  /**
   * Parses text with a SimpleDateFormat pattern as a wall-clock time in `timeZone`. The emulator
   * knows the numeric fields yyyy, MM, dd, HH, mm, ss (with any literal separators); other
   * patterns throw. Text that does not match gives null here (Apps Script throws; not verified).
   */
  parseDate(date: string, timeZone: string, format: string): Date | null {
    if (typeof date !== "string" || typeof timeZone !== "string" || typeof format !== "string") {
      throw this.ctx.fail(
        `The parameters (${[date, timeZone, format].map(describeArgument).join(",")}) don't match the method signature for Utilities.parseDate.`,
      );
    }
    if (!isTimeZone(timeZone)) throw this.ctx.fail(`Invalid argument: timeZone (${timeZone})`);
    const fields: string[] = [];
    const source = format.replace(/yyyy|MM|dd|HH|mm|ss|[^A-Za-z]/g, (token) => {
      if (token.length === 1) return token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      fields.push(token);
      return token === "yyyy" ? "(\\d{4})" : "(\\d{1,2})";
    });
    if (/[A-Za-z]/.test(source.replace(/\\d/g, "")))
      throw this.ctx.fail(`Invalid argument: format (${format})`);
    const m = new RegExp(`^${source}$`).exec(date.trim());
    if (!m) return null;
    const part = (name: string, otherwise: number) => {
      const i = fields.indexOf(name);
      return i < 0 ? otherwise : Number(m[i + 1]);
    };
    const wallMs = Date.UTC(
      part("yyyy", 1970),
      part("MM", 1) - 1,
      part("dd", 1),
      part("HH", 0),
      part("mm", 0),
      part("ss", 0),
    );
    return new this.ctx.realm.Date(instantOfWallClock(wallMs, timeZone));
  }

  /** sprintf-style: %s %d %i %f %.2f %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(\.\d+)?([sdif%])/g,
      (_, precision: string | undefined, kind: string) => {
        if (kind === "%") return "%";
        const arg = args[i++];
        if (kind === "s") return String(arg);
        if (kind === "d" || kind === "i") return String(Math.trunc(Number(arg)));
        const digits = precision ? Number(precision.slice(1)) : 6;
        return Number(arg).toFixed(digits);
      },
    );
  }

  /** Does not wait: records the requested pause in emu.sleeps. */
  sleep(milliseconds: number): void {
    this.ctx.sleeps.push(milliseconds);
  }

  /** Deterministic: a counter in UUID form, so runs are reproducible. */
  getUuid(): string {
    this.#uuids++;
    return `00000000-0000-4000-8000-${this.#uuids.toString(16).padStart(12, "0")}`;
  }

  computeDigest(algorithm: EnumValue, value: unknown, _charset?: EnumValue): number[] {
    const name = algorithm instanceof EnumValue ? algorithm.name() : String(algorithm);
    const hash = HASHES[name];
    if (!hash) throw this.ctx.fail("Invalid argument: algorithm");
    return this.ctx.array(signedBytes(createHash(hash).update(toBuffer(value)).digest()));
  }

  base64Encode(data: unknown): string {
    return toBuffer(data).toString("base64");
  }

  base64EncodeWebSafe(data: unknown): string {
    return toBuffer(data).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }

  base64Decode(encoded: string): number[] {
    return this.ctx.array(signedBytes(Buffer.from(String(encoded), "base64")));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return this.base64Decode(String(encoded).replace(/-/g, "+").replace(/_/g, "/"));
  }

  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(this.ctx, toBuffer(data), contentType ?? null, name ?? null);
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  jsonParse(jsonString: string): unknown {
    return intoRealm(JSON.parse(String(jsonString)), this.ctx.realm);
  }
}

/** The part of Blob the add-on may touch: bytes, text, content type, name. */
export class Blob extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly bytes: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {
    super(ctx);
  }

  getBytes(): number[] {
    return this.ctx.array(signedBytes(this.bytes));
  }

  getDataAsString(): string {
    return this.bytes.toString("utf8");
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): Blob {
    this.contentType = String(contentType);
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }
}

export class User extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly email: string,
  ) {
    super(ctx);
  }

  getEmail(): string {
    return this.email;
  }
}

export class Session extends ServiceObject {
  getActiveUser(): User {
    return new User(this.ctx, this.ctx.user);
  }

  getEffectiveUser(): User {
    return new User(this.ctx, this.ctx.user);
  }

  getScriptTimeZone(): string {
    return this.ctx.options.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return "en_GB";
  }

  getTemporaryActiveUserKey(): string {
    return "emulated-temporary-user-key";
  }
}

/** How Apps Script prints a value in a log line: text as is, objects as JSON. */
function logText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isDate(value)) return value.toString();
  if (Array.isArray(value) || isPlainObject(value)) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class Logger extends ServiceObject {
  #lines: string[] = [];

  /** log(data) | log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): Logger {
    const message =
      values.length > 0 && typeof data === "string"
        ? data.replace(/%s/g, () => (values.length ? logText(values.shift()) : "%s"))
        : logText(data);
    this.#lines.push(message);
    this.ctx.log("Logger", "log", message);
    return this;
  }

  getLog(): string {
    return this.#lines.map((line) => `${line}\n`).join("");
  }

  clear(): void {
    this.#lines = [];
  }
}

export class Console extends ServiceObject {
  readonly #timers = new Map<string, number>();

  log(...args: unknown[]): void {
    this.#write("log", args);
  }

  info(...args: unknown[]): void {
    this.#write("info", args);
  }

  warn(...args: unknown[]): void {
    this.#write("warn", args);
  }

  error(...args: unknown[]): void {
    this.#write("error", args);
  }

  debug(...args: unknown[]): void {
    this.#write("debug", args);
  }

  time(label = "default"): void {
    this.#timers.set(String(label), this.ctx.now().getTime());
  }

  timeEnd(label = "default"): void {
    const start = this.#timers.get(String(label));
    this.#timers.delete(String(label));
    this.#write("log", [`${label}: ${start === undefined ? 0 : this.ctx.now().getTime() - start}ms`]);
  }

  #write(level: LogLevel, args: unknown[]): void {
    const [first, ...rest] = args;
    const message =
      typeof first === "string" && /%[sdifoOj]/.test(first)
        ? nodeFormat(first, ...rest)
        : args.map(logText).join(" ");
    this.ctx.log("console", level, message);
  }
}

/** CacheService: entries expire on the emulator's clock (default 600 s, at most 6 hours). */
export class Cache extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly entries: Map<string, { value: string; expires: number }>,
  ) {
    super(ctx);
  }

  get(key: string): string | null {
    const entry = this.entries.get(String(key));
    if (!entry) return null;
    if (entry.expires <= this.ctx.now().getTime()) {
      this.entries.delete(String(key));
      return null;
    }
    return entry.value;
  }

  getAll(keys: string[]): Record<string, string> {
    const found: [string, string][] = [];
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found.push([key, value]);
    }
    return this.ctx.object(found) as Record<string, string>;
  }

  put(key: string, value: string, expirationInSeconds = 600): void {
    const k = String(key);
    const v = String(value);
    if (k.length > 250) throw this.ctx.fail("Argument too large: key");
    if (Buffer.byteLength(v, "utf8") > 100 * 1024) throw this.ctx.fail("Argument too large: value");
    const seconds = Math.min(Math.max(1, expirationInSeconds), 21_600);
    this.entries.set(k, { value: v, expires: this.ctx.now().getTime() + seconds * 1000 });
  }

  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(String(key));
  }
}

export class CacheService extends ServiceObject {
  readonly #stores = {
    document: new Map<string, { value: string; expires: number }>(),
    script: new Map<string, { value: string; expires: number }>(),
    user: new Map<string, { value: string; expires: number }>(),
  };

  getDocumentCache(): Cache {
    return new Cache(this.ctx, this.#stores.document);
  }

  getScriptCache(): Cache {
    return new Cache(this.ctx, this.#stores.script);
  }

  getUserCache(): Cache {
    return new Cache(this.ctx, this.#stores.user);
  }
}

instrument(Utilities, "Utilities");
instrument(Blob, "Blob");
instrument(User, "User");
instrument(Session, "Session");
instrument(Logger, "Logger");
instrument(Console, "console");
instrument(Cache, "Cache");
instrument(CacheService, "CacheService");
