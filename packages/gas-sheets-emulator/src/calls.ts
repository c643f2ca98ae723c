/**
 * Call counting, applied once per class: `instrument(Range, "Range")` wraps every method on the
 * prototype so that a call made by the script counts under "Range.getValues". Calls the emulator
 * makes to itself (Range.getValue reading through getValues, say) are not counted: only the
 * outermost call is, which is what the add-on's quota and speed depend on.
 *
 * Every instrumented object carries the emulator state as `ctx`; the wrapper goes through
 * `ctx.invoke`, which also applies the authorization mode (auth.ts).
 */

export interface Invoker {
  invoke(key: string, className: string, method: string, fn: Method, self: unknown, args: unknown[]): unknown;
}

type Method = (...args: unknown[]) => unknown;

export class CallCounter {
  readonly #counts = new Map<string, number>();

  hit(key: string): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** How many times "Class.method" was called since the last reset. */
  get(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  /** Every count, keys sorted. */
  all(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.#counts.clear();
  }
}

/** Wraps each method of `cls.prototype` to count under `${className}.${method}`. */
export function instrument(cls: { prototype: object }, className: string): void {
  const proto = cls.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor" || name === "toString") continue;
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor || typeof descriptor.value !== "function") continue;
    const original = descriptor.value as Method;
    const key = `${className}.${name}`;
    const wrapped = {
      [name](this: { ctx: Invoker }, ...args: unknown[]): unknown {
        return this.ctx.invoke(key, className, name, original, this, args);
      },
    }[name];
    Object.defineProperty(proto, name, { ...descriptor, value: wrapped });
  }
  // Apps Script objects print as their class name (Logger.log(sheet) shows "Sheet").
  Object.defineProperty(proto, "toString", {
    value: () => className,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
