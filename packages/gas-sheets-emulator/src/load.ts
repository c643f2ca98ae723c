/**
 * Runs a built bundle (dist/Code.js) the way Apps Script does: as one classic script in a fresh
 * global scope holding only the emulated services and the JavaScript built-ins (no require,
 * process, module, fetch, setTimeout, Buffer). Top-level `function` declarations become globals,
 * and `call(name, ...)` invokes one by name, as Sheets invokes onOpen, a menu item, a custom
 * function or a google.script.run target.
 *
 * Realms (see realm.ts): the context has its own Array, Date, Object and Error. loadBundle makes
 * the emulator build every value it hands to the script with the context's constructors, so
 * `instanceof Date` and `instanceof Array` hold in the bundle for getValues() results; `call`
 * copies its arguments into the context's realm and its result back into the test's realm.
 * An emulator serves one bundle: make a new emulator for each loadBundle.
 *
 * When the emulator was created with `now`, the bundle's `new Date()` and `Date.now()` read that
 * clock too, so "today" is deterministic. The context's Date is then a wrapper sharing the real
 * Date.prototype: every Date of the context, whoever made it, is still `instanceof Date`.
 */
import vm from "node:vm";
import type { Emulator } from "./api";
import type { AuthModeName } from "./enums";
import { customFunctionNames } from "./formulas";
import { hostRealm, intoRealm, type Realm } from "./realm";
import { type MenuEntry, stateOf } from "./state";

export interface LoadOptions {
  /** The file name shown in stack traces. Default "Code.js". */
  filename?: string;
}

/** A script loaded into an emulator (loadBundle, loadSources), driven as Sheets drives it. */
export interface ScriptHandle {
  /** Calls a global function of the bundle in the emulator's current auth mode; one execution. */
  call(name: string, ...args: unknown[]): unknown;
  /** Calls a global function as if started in `authMode` (e.g. "CUSTOM_FUNCTION", "NONE"). */
  callAs(authMode: AuthModeName, name: string, ...args: unknown[]): unknown;
  /** Runs the function behind a recorded menu item, found by its caption, as clicking it does. */
  clickMenuItem(caption: string): unknown;
  /**
   * Runs an installable trigger's handler as Apps Script does: as the user who made the trigger,
   * in AuthMode.FULL, with an event object { authMode, triggerUid }. In an add-on a time-driven
   * trigger's handler sees no active spreadsheet and no document lock. Throws when there is no
   * such trigger (a deleted trigger never fires).
   */
  runTrigger(uniqueId: string): unknown;
  /** True when the bundle defines a global function of that name. */
  has(name: string): boolean;
}

export interface BundleHandle extends ScriptHandle {
  /** The vm context: its global object holds the bundle's top-level functions. */
  readonly context: vm.Context;
}

// Installs a Date whose clock is the emulator's. Its prototype is the real Date.prototype, so
// every Date of the realm (including those the emulator builds) is `instanceof Date`.
const CLOCK_SHIM = `(function (nowMs) {
  var RealDate = Date;
  var EmulatedDate = function Date() {
    if (!new.target) return new RealDate(nowMs()).toString();
    if (arguments.length === 0) return Reflect.construct(RealDate, [nowMs()], new.target === EmulatedDate ? RealDate : new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target === EmulatedDate ? RealDate : new.target);
  };
  EmulatedDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, "constructor", { value: EmulatedDate, writable: true, configurable: true });
  EmulatedDate.now = function now() { return nowMs(); };
  EmulatedDate.UTC = RealDate.UTC;
  EmulatedDate.parse = RealDate.parse;
  globalThis.Date = EmulatedDate;
})`;

export function loadBundle(code: string, emu: Emulator, options: LoadOptions = {}): BundleHandle {
  const state = stateOf(emu);
  if (state.realm !== hostRealm) {
    throw new Error("This emulator already runs a bundle. Create a new emulator for each loadBundle.");
  }
  const filename = options.filename ?? "Code.js";
  const context = vm.createContext({ ...emu.globals }, { name: filename });
  const realm = vm.runInContext(
    "({ Array: Array, Date: Date, Object: Object, Error: Error })",
    context,
  ) as Realm;
  if (state.nowGiven) {
    const install = vm.runInContext(CLOCK_SHIM, context) as (nowMs: () => number) => void;
    install(() => state.now().getTime());
  }
  state.realm = realm;
  state.scriptEval = (source) => vm.runInContext(source, context);
  vm.runInContext(code, context, { filename });
  const globals = context as Record<string, unknown>;
  return { context, ...driver(emu, realm, globals, (fn, args) => fn(...args), customFunctionNames(code)) };
}

/**
 * Runs a script's SOURCES in this process, for mutation testing (which can only change code it
 * runs): `functions` are the entry points (`import * as main from "./src/main"`), each call made
 * with the emulator's services installed as globals, and its clock as `Date` when it was given
 * one, for that call only. Unlike loadBundle this is not Apps Script's sandbox: Node's globals
 * stay in reach and values are of the test's realm, so prove Apps Script behaviour on the bundle.
 */
export function loadSources(functions: Record<string, unknown>, emu: Emulator): ScriptHandle {
  const state = stateOf(emu);
  const services = emu.globals as unknown as Record<string, unknown>;
  const host = globalThis as Record<string, unknown>;
  return driver(emu, hostRealm, functions, (fn, args) => {
    const saved = Object.keys(services).map((name) => [name, host[name]] as const);
    const savedDate = host.Date;
    Object.assign(host, services);
    if (state.nowGiven) host.Date = clockDate(() => state.now().getTime());
    try {
      return fn(...args);
    } finally {
      for (const [name, value] of saved) host[name] = value;
      host.Date = savedDate;
    }
  });
}

// The host's Date with the emulator's clock: `new Date()` and `Date.now()` read it; its prototype is
// Date's, so every Date is still `instanceof Date`. (loadBundle's CLOCK_SHIM, for a vm context.)
function clockDate(nowMs: () => number): DateConstructor {
  const RealDate = Date;
  function ClockDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(nowMs()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [nowMs()] : args, RealDate);
  }
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => nowMs();
  ClockDate.UTC = RealDate.UTC;
  ClockDate.parse = RealDate.parse;
  return ClockDate as unknown as DateConstructor;
}

// call, callAs, clickMenuItem, runTrigger and has over the functions in `globals`, each call
// made by `invoke` (in the vm context, or with the services installed) as one execution.
function driver(
  emu: Emulator,
  realm: Realm,
  globals: Record<string, unknown>,
  invoke: (fn: (...args: unknown[]) => unknown, args: unknown[]) => unknown,
  /** The @customfunction functions formulas may call (emu.recalculate); none for loadSources. */
  customFunctions: ReadonlyMap<string, string> = new Map(),
): ScriptHandle {
  const state = stateOf(emu);
  const fnNamed = (name: string): ((...args: unknown[]) => unknown) => {
    const fn = globals[name];
    // Apps Script's message when a trigger or menu item names a function that is not there.
    if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
    return fn as (...args: unknown[]) => unknown;
  };

  const call = (name: string, ...args: unknown[]): unknown => {
    // Until the add-on is used in the document, Sheets does not know its custom functions: the
    // cell shows #NAME? with this tooltip. Anything run with authorization puts it in use.
    if (state.authMode === "CUSTOM_FUNCTION" && !state.addonInUse)
      throw new Error(`Unknown function: '${name}'.`);
    if (state.authMode === "FULL" || state.authMode === "LIMITED") state.addonInUse = true;
    const fn = fnNamed(name);
    try {
      return intoRealm(
        invoke(
          fn,
          args.map((a) => intoRealm(a, realm)),
        ),
        hostRealm,
      );
    } finally {
      state.endExecution();
    }
  };

  const callAs = (authMode: AuthModeName, name: string, ...args: unknown[]): unknown => {
    const saved = state.authMode;
    state.authMode = authMode;
    try {
      return call(name, ...args);
    } finally {
      state.authMode = saved;
    }
  };
  // Formulas calling the bundle's @customfunction functions (formulas.ts, emu.recalculate).
  state.customFunctions = {
    names: customFunctions,
    run: (name, args) => callAs("CUSTOM_FUNCTION", name, ...args),
  };

  return {
    call,
    callAs,
    clickMenuItem(caption) {
      const item = emu.ui.menus.flatMap((m) => flatten(m.items)).find((i) => i.caption === caption);
      if (!item) {
        const captions = emu.ui.menus.flatMap((m) => flatten(m.items)).map((i) => `"${i.caption}"`);
        throw new Error(`No menu item "${caption}" is in the UI. Items: ${captions.join(", ") || "none"}.`);
      }
      return call(item.functionName);
    },
    runTrigger(uniqueId) {
      const trigger = state.triggers.find((t) => t.uniqueId === uniqueId);
      if (!trigger) throw new Error(`There is no trigger ${uniqueId}: it was deleted or never made.`);
      const saved = { user: state.user, authMode: state.authMode, source: state.triggerSource };
      state.user = trigger.owner;
      state.authMode = "FULL";
      state.triggerSource = trigger.source === "CLOCK" ? "CLOCK" : "SPREADSHEETS";
      try {
        return call(trigger.handlerFunction, {
          authMode: emu.globals.ScriptApp.AuthMode.FULL,
          triggerUid: trigger.uniqueId,
        });
      } finally {
        state.user = saved.user;
        state.authMode = saved.authMode;
        state.triggerSource = saved.source;
      }
    },
    has: (name) => typeof globals[name] === "function",
  };
}

function flatten(items: MenuEntry[]): { caption: string; functionName: string }[] {
  return items.flatMap((item) => {
    if ("submenu" in item) return flatten(item.submenu);
    if ("functionName" in item) return [item];
    return [];
  });
}
