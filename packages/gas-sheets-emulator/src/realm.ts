/**
 * Realms: which JavaScript world the values handed to the script belong to.
 *
 * The built add-on runs in a `vm` context, a separate realm with its own `Array`, `Date`,
 * `Object` and `Error`. A `Date` built by the emulator (host realm) is not `instanceof Date`
 * inside the context, and the add-on checks `instanceof Date` on cell values. So every array,
 * plain object, Date and Error that a service method hands to the script is built with the
 * constructors of the *script realm*. By default that is the host realm (tests that drive the
 * emulator directly get ordinary values); `loadBundle` switches it to the context's realm.
 *
 * Values coming *from* the script may belong to either realm, so the emulator never uses
 * `instanceof` on them: `Array.isArray` works across realms and `isDate` checks the brand.
 */

export interface Realm {
  readonly Array: ArrayConstructor;
  readonly Date: DateConstructor;
  readonly Object: ObjectConstructor;
  readonly Error: ErrorConstructor;
}

export const hostRealm: Realm = { Array, Date, Object, Error };

/** True for a Date from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** True for `{...}` literals from any realm (prototype is some realm's Object.prototype, or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null) return true;
  // Object.prototype of any realm has a null prototype and a `constructor` named "Object".
  return (
    Object.getPrototypeOf(proto) === null &&
    (proto as { constructor?: { name?: string } }).constructor?.name === "Object"
  );
}

/**
 * Deep-copies arrays, plain objects and Dates into `realm`. Anything else (primitives, emulator
 * objects such as a Range in an event object, functions, enum values) is passed through as is.
 */
export function intoRealm(value: unknown, realm: Realm): unknown {
  if (isDate(value)) return new realm.Date(value.getTime());
  if (Array.isArray(value)) {
    const out = new realm.Array<unknown>();
    for (const item of value) out.push(intoRealm(item, realm));
    return out;
  }
  if (isPlainObject(value)) {
    const out = new realm.Object() as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) out[key] = intoRealm(item, realm);
    return out;
  }
  return value;
}

/** An array of the script realm holding `items` (not copied deeply). */
export function realmArray<T>(realm: Realm, items: Iterable<T>): T[] {
  const out = new realm.Array<T>();
  for (const item of items) out.push(item);
  return out;
}
