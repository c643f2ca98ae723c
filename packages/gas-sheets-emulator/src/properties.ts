/**
 * PropertiesService: three string stores (document, user, script). Values are converted to
 * strings, as documented. The documented quotas are enforced: about 9 KB per value and 500 KB
 * per store (Quotas for Google Services); the messages are Apps Script's.
 */
import { instrument } from "./calls";
import { isPlainObject } from "./realm";
import { type EmulatorState, ServiceObject } from "./state";

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

export type PropertyStoreName = "document" | "user" | "script";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

export class Properties extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly store: Map<string, string>,
  ) {
    super(ctx);
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return this.ctx.object(this.store.entries()) as Record<string, string>;
  }

  getKeys(): string[] {
    return this.ctx.array(this.store.keys());
  }

  setProperty(key: string, value: unknown): Properties {
    const entries = new Map(this.store);
    entries.set(String(key), String(value));
    this.#check(entries, [String(key)]);
    this.store.set(String(key), String(value));
    return this;
  }

  /** Sets several properties; with deleteAllOthers, the store keeps only these. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    if (!isPlainObject(properties)) {
      throw this.ctx.fail(
        "The parameters don't match the method signature for PropertiesService.Properties.setProperties.",
      );
    }
    const entries = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [key, value] of Object.entries(properties)) entries.set(key, String(value));
    this.#check(entries, Object.keys(properties));
    this.store.clear();
    for (const [key, value] of entries) this.store.set(key, value);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.store.clear();
    return this;
  }

  #check(entries: Map<string, string>, changed: string[]): void {
    for (const key of changed) {
      if (bytes(entries.get(key) ?? "") > MAX_VALUE_BYTES) throw this.ctx.fail("Argument too large: value");
    }
    let total = 0;
    for (const [key, value] of entries) total += bytes(key) + bytes(value);
    if (total > MAX_STORE_BYTES) {
      throw this.ctx.fail(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
  }
}

export class PropertiesService extends ServiceObject {
  readonly stores: Record<PropertyStoreName, Map<string, string>> = {
    document: new Map(),
    user: new Map(),
    script: new Map(),
  };

  getDocumentProperties(): Properties {
    return new Properties(this.ctx, this.stores.document);
  }

  getUserProperties(): Properties {
    return new Properties(this.ctx, this.stores.user);
  }

  getScriptProperties(): Properties {
    return new Properties(this.ctx, this.stores.script);
  }
}

instrument(Properties, "Properties");
instrument(PropertiesService, "PropertiesService");
