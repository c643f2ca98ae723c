/**
 * The emulator's shared state: one per createEmulator(). Every service object holds it as `ctx`.
 * It counts calls, applies the authorization mode, builds values in the script's realm, and keeps
 * the records tests read (menus, alerts, toasts, logs, locks, triggers ...).
 */
import { authDenial } from "./auth";
import { CallCounter, type Invoker } from "./calls";
import type { AuthModeName, ButtonName, ButtonSetName } from "./enums";
import { hostRealm, type Realm, realmArray } from "./realm";
import type { TriggerRecord } from "./types";

export interface EmulatorOptions {
  /** The spreadsheet's time zone (Spreadsheet.getSpreadsheetTimeZone). Default "Europe/London". */
  timeZone?: string;
  /** The script's time zone (Session.getScriptTimeZone, appsscript.json). Default: timeZone. */
  scriptTimeZone?: string;
  /** The clock for the emulator and, once loaded, the bundle's `new Date()`. Default: real time. */
  now?: () => Date;
  /** HTML files of the Apps Script project by name (without ".html"), for HtmlService. */
  htmlFiles?: Record<string, string>;
  /** Initial sheets: name -> rows of values, stored as given (no typed-input parsing). */
  sheets?: Record<string, unknown[][]>;
  /** The sheet that starts active. Default: the first. */
  activeSheet?: string;
  /** The spreadsheet's locale (Spreadsheet.getSpreadsheetLocale): how typed text is read. Default "en_GB". */
  locale?: string;
  /** The spreadsheet's name. Default "Customers". */
  spreadsheetName?: string;
  /** Session.getActiveUser().getEmail(). Default "cs-ops@example.com". */
  userEmail?: string;
  /** Print Logger and console output to the real console as well as recording it. */
  echoLogs?: boolean;
  /**
   * Whether the add-on is already in use ("enabled") in this document (default true). False
   * models a spreadsheet where nobody has used it yet: Sheets does not know its custom functions
   * there (a formula shows #NAME?, "Unknown function") until something runs with authorization
   * (a menu item, the sidebar); see load.ts.
   */
  addonInUse?: boolean;
  /**
   * Run as an Editor add-on (default true): add-on trigger rules apply (one trigger per event
   * type per document, time-driven at most hourly).
   */
  addon?: boolean;
  /**
   * Someone to answer Ui.alert and Ui.prompt (the local playground shows them as dialogs): called,
   * synchronously, for each one no queued answer is waiting for, and the script waits for the
   * answer as it does in Sheets. Without it they take the set's affirmative button.
   */
  ask?: ((question: UiQuestion) => UiAnswer) | null;
}

/** An alert or prompt as Sheets shows it: the title (none for the one-argument forms), the text, the buttons. */
export interface UiQuestion {
  kind: "alert" | "prompt";
  title: string | null;
  prompt: string;
  buttonSet: ButtonSetName;
  /** The set's buttons in order: OK; OK, CANCEL; YES, NO; YES, NO, CANCEL. */
  buttons: ButtonName[];
}

/** The button clicked (CLOSE: the dialog was closed), and for a prompt the text typed. */
export interface UiAnswer {
  button: ButtonName;
  text?: string;
}

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; submenu: MenuEntry[] };

export interface MenuRecord {
  /** The menu's caption; null for the add-on menu, which Sheets titles with the add-on's name. */
  caption: string | null;
  addon: boolean;
  items: MenuEntry[];
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  responseText: string;
}

export interface ShownHtmlRecord {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface UiRecords {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  prompts: PromptRecord[];
  sidebars: ShownHtmlRecord[];
  dialogs: ShownHtmlRecord[];
  toasts: ToastRecord[];
}

export type LogLevel = "log" | "info" | "warn" | "error" | "debug";
export interface LogRecord {
  source: "Logger" | "console";
  level: LogLevel;
  message: string;
}

/** A string the script wrote that Sheets read as typed input, becoming something else (values.ts). */
export interface TypedInputRecord {
  sheet: string;
  a1: string;
  became: import("./values").TypedAs;
  /** What the cell holds now (a formula's text for formulas). */
  value: unknown;
}

export type LockKind = "document" | "script" | "user";
export interface LockEvent {
  kind: LockKind;
  method: "tryLock" | "waitLock" | "releaseLock" | "released at end of execution";
  timeoutMs?: number;
  acquired?: boolean;
}

/** A lock the script acquired; Lock objects register here so executions can release them. */
export interface HeldLock {
  readonly kind: LockKind;
  release(reason: LockEvent["method"]): void;
}

export class EmulatorState implements Invoker {
  readonly calls = new CallCounter();
  /** The loaded bundle's custom functions (upper-case name → its name) and how to call one (load.ts). */
  customFunctions: {
    names: ReadonlyMap<string, string>;
    run: (name: string, args: unknown[]) => unknown;
  } | null = null;
  realm: Realm = hostRealm;
  authMode: AuthModeName = "FULL";
  readonly options: Required<
    Omit<EmulatorOptions, "sheets" | "activeSheet" | "now" | "locale" | "addonInUse">
  > & {
    now: () => Date;
  };
  readonly ui: UiRecords = { menus: [], alerts: [], prompts: [], sidebars: [], dialogs: [], toasts: [] };
  readonly alertQueue: ButtonName[] = [];
  readonly promptQueue: { button: ButtonName | undefined; text: string }[] = [];
  readonly logs: LogRecord[] = [];
  readonly sleeps: number[] = [];
  readonly lockLog: LockEvent[] = [];
  readonly locksHeldElsewhere = new Set<LockKind>();
  readonly locksHeldByScript = new Set<HeldLock>();
  readonly triggers: TriggerRecord[] = [];
  readonly typedInput: TypedInputRecord[] = [];
  /** Who runs the script now (Session.getActiveUser); a trigger runs as the user who made it. */
  user: string;
  /**
   * Set while an installable trigger's handler runs (handle.runTrigger). In an add-on, a
   * time-driven ("CLOCK") trigger belongs to the script and the user, not to a document: its
   * handler has no active spreadsheet and no document lock.
   */
  triggerSource: "CLOCK" | "SPREADSHEETS" | null = null;
  /** See EmulatorOptions.addonInUse. */
  addonInUse: boolean;
  flushes = 0;
  /**
   * Evaluates a function expression in the script's realm (template scriptlets). loadBundle
   * points it at the vm context; by default it compiles in the host realm.
   */
  scriptEval: (source: string) => unknown = (source) => new Function(`return ${source}`)();
  /** The emulated globals, in scope for template scriptlets. Set by createEmulator. */
  globals: Record<string, unknown> = {};
  #depth = 0;
  #ids = 0;
  /** The active spreadsheet's id (add-on triggers are per document). Set by createEmulator. */
  documentId = "";

  /** Whether the test supplied a clock (then the bundle's Date uses it too). */
  readonly nowGiven: boolean;

  constructor(options: EmulatorOptions) {
    this.nowGiven = options.now !== undefined;
    this.user = options.userEmail ?? "cs-ops@example.com";
    this.addonInUse = options.addonInUse ?? true;
    const timeZone = options.timeZone ?? "Europe/London";
    this.options = {
      timeZone,
      scriptTimeZone: options.scriptTimeZone ?? timeZone,
      now: options.now ?? (() => new Date()),
      htmlFiles: { ...(options.htmlFiles ?? {}) },
      spreadsheetName: options.spreadsheetName ?? "Customers",
      userEmail: options.userEmail ?? "cs-ops@example.com",
      echoLogs: options.echoLogs ?? false,
      addon: options.addon ?? true,
      ask: options.ask ?? null,
    };
  }

  /** Runs a service method: counts and authorizes calls that come from the script. */
  invoke(
    key: string,
    className: string,
    method: string,
    fn: (...args: unknown[]) => unknown,
    self: unknown,
    args: unknown[],
  ): unknown {
    const outermost = this.#depth === 0;
    if (outermost) {
      this.calls.hit(key);
      const denial = authDenial(this.authMode, className, method);
      if (denial) throw this.fail(denial);
    }
    this.#depth++;
    try {
      return fn.apply(self, args);
    } catch (error) {
      // Errors reaching the script must be of its realm, so `e instanceof Error` holds there.
      if (outermost && error instanceof Error && !this.#ofScriptRealm(error)) throw this.fail(error.message);
      throw error;
    } finally {
      this.#depth--;
    }
  }

  #ofScriptRealm(error: Error): boolean {
    const ScriptError: abstract new (...args: never[]) => unknown = this.realm.Error;
    return error instanceof ScriptError;
  }

  /** Runs script code (a template's scriptlets) from inside a service call, counting its calls. */
  asScript<T>(fn: () => T): T {
    const saved = this.#depth;
    this.#depth = 0;
    try {
      return fn();
    } finally {
      this.#depth = saved;
    }
  }

  /** An Apps Script exception, in the script's realm. Apps Script names them "Exception". */
  fail(message: string): Error {
    const error = new this.realm.Error(message);
    error.name = "Exception";
    return error;
  }

  now(): Date {
    return this.options.now();
  }

  array<T>(items: Iterable<T>): T[] {
    return realmArray(this.realm, items);
  }

  /** A 2-D array of the script's realm. */
  grid<T>(rows: T[][]): T[][] {
    return realmArray(
      this.realm,
      rows.map((row) => realmArray(this.realm, row)),
    );
  }

  object(entries: Iterable<[string, unknown]>): Record<string, unknown> {
    const out = new this.realm.Object() as Record<string, unknown>;
    for (const [key, value] of entries) out[key] = value;
    return out;
  }

  nextId(): number {
    this.#ids += 1;
    return this.#ids;
  }

  /** True inside an add-on's time-driven trigger, where no document is active. */
  get noActiveDocument(): boolean {
    return this.options.addon && this.triggerSource === "CLOCK";
  }

  /** Ends an execution: Apps Script releases the locks a script still holds when it finishes. */
  endExecution(): void {
    for (const lock of [...this.locksHeldByScript]) lock.release("released at end of execution");
  }

  log(source: LogRecord["source"], level: LogLevel, message: string): void {
    this.logs.push({ source, level, message });
    if (this.options.echoLogs) console[level](`[${source}] ${message}`);
  }
}

/** Base of every emulated Apps Script object. `ctx` is emulator internals, not Apps Script API. */
export abstract class ServiceObject {
  constructor(readonly ctx: EmulatorState) {}
}

/** Each emulator's state, by the object createEmulator returned (for load.ts; not public API). */
const states = new WeakMap<object, EmulatorState>();

export function bindState(emulator: object, state: EmulatorState): void {
  states.set(emulator, state);
}

export function stateOf(emulator: object): EmulatorState {
  const state = states.get(emulator);
  if (!state) throw new Error("Not an emulator made by createEmulator().");
  return state;
}
