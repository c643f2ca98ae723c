/**
 * The sidebar's one way to the server: a typed promise client over google.script.run.
 *
 * Its type is derived from `SidebarApi` (src/addon/sidebarApi.ts) with `import type`, so nothing
 * of the server is bundled here, and renaming or retyping a server function breaks this build
 * rather than production. Every call goes through the one global entry point, `sidebarCall(name,
 * args)`. google.script.run fails on Dates, functions and DOM nodes, even nested: the types below
 * refuse a server function whose result could hold a Date, and `send` checks the arguments.
 */
import type { SidebarApi, SidebarCall } from "../src/addon/sidebarApi";

/** True when T is or holds a Date (or a function), which google.script.run cannot carry. */
type Unplain<T> = T extends Date | ((...args: never[]) => unknown)
  ? true
  : T extends readonly (infer E)[]
    ? Unplain<E>
    : T extends object
      ? true extends { [K in keyof T]-?: Unplain<T[K]> }[keyof T]
        ? true
        : false
      : false;

/** Fails to compile when a sidebar-callable function returns something with a Date in it. */
type AssertPlain<T extends Record<SidebarCall, false>> = T;
export type ResultsArePlain = AssertPlain<{ [K in SidebarCall]: Unplain<ReturnType<SidebarApi[K]>> }>;

export type Server = {
  [K in SidebarCall]: (...args: Parameters<SidebarApi[K]>) => Promise<ReturnType<SidebarApi[K]>>;
};

/** The subset of google.script.run this client uses. */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  sidebarCall(name: string, args: unknown[]): void;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
  }
}

/** Apps Script ends an execution after 6 minutes; by then the answer will not come. */
const GIVE_UP_MS = 6.5 * 60_000;

/** Names the first value google.script.run would refuse, or returns undefined when all is plain. */
export function unsendable(value: unknown, where = "argument"): string | undefined {
  if (value instanceof Date) return `${where} is a Date: send it as ISO text`;
  if (typeof value === "function") return `${where} is a function`;
  if (typeof Node !== "undefined" && value instanceof Node) return `${where} is a page element`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsendable(value[i], `${where}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = unsendable(v, `${where}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * With several Google accounts signed in, google.script.run from an add-on's sidebar may run as
 * another account than the one that opened the spreadsheet, and fails with "Authorization is
 * required to perform that action." or PERMISSION_DENIED: a platform bug reported by add-on
 * developers since 2017 ("Multiple accounts issue with Google Apps Script",
 * sites.google.com/site/scriptsexamples), worked around by one account per window.
 */
const SEVERAL_ACCOUNTS = /authori[sz]ation is required|PERMISSION_DENIED/i;
export const SEVERAL_ACCOUNTS_MESSAGE =
  "Google could not tell which of your signed-in accounts is using the add-on, which happens when several Google accounts are signed in: open this spreadsheet in a window signed in to one account only (a private window works), then open Health Score again.";

/** A readable sentence from whatever google.script.run's failure handler received. */
export function failureMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (SEVERAL_ACCOUNTS.test(raw)) return SEVERAL_ACCOUNTS_MESSAGE;
  // Apps Script prefixes some messages with the exception's type, which says nothing to a person.
  const text = raw.replace(/^(Exception|Error|ScriptError|AddonError):\s*/, "").trim();
  return text || "The spreadsheet did not answer. Check your connection, then try again.";
}

function send(name: SidebarCall, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error("This page is not running inside Google Sheets, so it cannot reach the spreadsheet."));
      return;
    }
    const bad = unsendable(args);
    if (bad) {
      reject(new Error(`Cannot send ${name} to the spreadsheet: ${bad}.`));
      return;
    }
    const timer = setTimeout(
      () =>
        reject(new Error("The spreadsheet took more than 6 minutes to answer, so it stopped. Try again.")),
      GIVE_UP_MS,
    );
    run
      .withSuccessHandler((value) => {
        clearTimeout(timer);
        resolve(value);
      })
      .withFailureHandler((error) => {
        clearTimeout(timer);
        reject(new Error(failureMessage(error)));
      })
      .sidebarCall(name, args);
  });
}

/**
 * The server, one promise-returning method per sidebar-callable function. A Proxy, like
 * gas-client: a call names its function, so a function added on the server needs nothing here,
 * and one renamed there fails to compile where the sidebar calls it.
 */
export const server: Server = new Proxy({} as Server, {
  get:
    (_target, name) =>
    (...args: unknown[]) =>
      send(name as SidebarCall, args),
});
