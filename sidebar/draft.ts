/**
 * The draft: the rubric being edited, as its JSON form (docs/rubric.md), next to the rubric saved on
 * the sheet. Every edit is validated by the core at once, so the editor can show each problem at
 * its field and the preview can score with the draft as soon as it is valid.
 *
 * The draft stays JSON on purpose: it is what import/export show, what validateRubric reads and
 * what Save sends. A field holds what the person typed until it makes sense (a "4x" in a number
 * field stays "4x", and the core says `must be a number, not "4x"` there).
 */
import {
  canonical,
  isObject,
  isUnder,
  type JsonObject,
  type PathKey,
  type Problem,
  pathText,
  type Rubric,
  type Validation,
  validateRubric,
} from "../src/core";

export type Key = PathKey;
export type Path = readonly Key[];
export type Json = JsonObject;

export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<Key, unknown>)[key];
  }
  return v;
}

/** Sets a value, creating objects on the way; `undefined` removes the key. */
export function setAt(root: Json, path: Path, value: unknown): void {
  let v: Record<Key, unknown> = root;
  path.slice(0, -1).forEach((key, i) => {
    let next = v[key];
    if (next === null || typeof next !== "object") {
      next = typeof path[i + 1] === "number" ? [] : {};
      v[key] = next;
    }
    v = next as Record<Key, unknown>;
  });
  const last = path[path.length - 1] as Key;
  if (value === undefined) {
    if (Array.isArray(v) && typeof last === "number") v.splice(last, 1);
    else delete v[last];
  } else v[last] = value;
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Renames an object key in place of the old one, keeping the order of the others. */
export function renameKey(obj: Json, from: string, to: string): Json {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));
}

/** What changed: "value" (one field, typed) or "structure" (something added, removed, moved, loaded). */
export type Change = "value" | "structure";

/** How many edits Ctrl+Z can take back. */
const UNDO_STEPS = 100;

export class Draft {
  /** The rubric being edited; null while nothing is loaded (no rubric yet). */
  json: Json | null = null;
  /** The rubric saved on the sheet (JSON), or null when there is none. */
  saved: Json | null = null;
  validation: Validation = { errors: [], warnings: [] };
  /** The data sheet's headers, when there is data: a column they lack is an error (the core's rule). */
  headers: readonly string[] | undefined = undefined;
  /** The path of the rubric being edited: [] for the top level, or a segment's. */
  scope: Path = [];
  /** What the last change removed ("metric NPS"), for the snackbar's Undo; "" after any other change. */
  removed = "";
  #savedText = "null";
  #updating = false;
  /** Earlier drafts (JSON text), the newest last, for undo; and the undone ones, for redo. */
  #past: string[] = [];
  #future: string[] = [];
  /** The field being typed in: typing in one field, up to the next other change, is one undo step. */
  #typing = "";
  #listeners: ((change: Change) => void)[] = [];

  onChange(listener: (change: Change) => void): void {
    this.#listeners.push(listener);
  }

  /** Loads a rubric as the saved one and the draft (after opening, after Save). */
  loadSaved(rubric: Rubric | Json | null): void {
    this.saved = rubric ? clone(rubric as Json) : null;
    this.#savedText = canonical(this.saved);
    this.json = this.saved ? clone(this.saved) : null;
    this.scope = [];
    this.#past = [];
    this.#future = [];
    this.#changed("structure");
  }

  /** Replaces the draft (a starter, an import, a discard); the saved rubric stays. */
  replace(json: Json | null): void {
    this.#remember();
    this.json = json ? clone(json) : null;
    if (!this.scopeExists()) this.scope = [];
    this.#changed("structure");
  }

  get dirty(): boolean {
    return canonical(this.json) !== this.#savedText;
  }

  get valid(): Rubric | undefined {
    return this.validation.rubric;
  }

  get(path: Path): unknown {
    return getAt(this.json, path);
  }

  /** One field changed (typing): no re-render, only messages and preview. */
  set(path: Path, value: unknown): void {
    if (!this.json) return;
    if (!this.#updating) this.#remember(pathText(path));
    setAt(this.json, path, value);
    if (!this.#updating) this.#changed("value");
  }

  /** Appends an item to the list at `path`, creating the list when absent; returns its index. Use inside update(). */
  push(path: Path, item: Json): number {
    const current = this.get(path);
    if (Array.isArray(current)) return current.push(item) - 1;
    this.set(path, [item]);
    return 0;
  }

  /** The ids the items of the list at `path` already use. */
  idsIn(path: Path): Set<string> {
    const items = this.get(path);
    return new Set(
      (Array.isArray(items) ? items : []).map((x) => (isObject(x) && typeof x.id === "string" ? x.id : "")),
    );
  }

  /** Something was added, removed (`removed` says what), moved or renamed: the editor re-renders. */
  update(mutate: (json: Json) => void, removed = ""): void {
    if (!this.json) return;
    this.#remember();
    this.#updating = true;
    try {
      mutate(this.json);
    } finally {
      this.#updating = false;
    }
    if (!this.scopeExists()) this.scope = [];
    this.#changed("structure", removed);
  }

  /** Takes back the last edit (Ctrl+Z, or the snackbar's Undo); false when there is none. */
  undo(): boolean {
    return this.#step(this.#past, this.#future);
  }

  /** Puts back the last edit undone (Ctrl+Y); false when there is none. */
  redo(): boolean {
    return this.#step(this.#future, this.#past);
  }

  #step(from: string[], to: string[]): boolean {
    const text = from.pop();
    if (text === undefined) return false;
    to.push(JSON.stringify(this.json));
    this.json = JSON.parse(text) as Json | null;
    this.#typing = "";
    if (!this.scopeExists()) this.scope = [];
    this.#changed("structure");
    return true;
  }

  /** Notes the draft before an edit, as one undo step; keystrokes in the same field make one step. */
  #remember(typing = ""): void {
    if (typing && typing === this.#typing) return;
    this.#typing = typing;
    this.#past.push(JSON.stringify(this.json));
    if (this.#past.length > UNDO_STEPS) this.#past.shift();
    this.#future = [];
  }

  setScope(scope: Path): void {
    this.scope = scope;
    this.#changed("structure");
  }

  /** The rubric being edited (the top level, or a segment's). */
  scoped(): Json {
    const v = getAt(this.json, this.scope);
    return isObject(v) ? v : {};
  }

  scopeExists(): boolean {
    return this.scope.length === 0 || isObject(getAt(this.json, this.scope));
  }

  /** Problems whose path is at or under `path`. */
  problemsUnder(path: Path, which: "errors" | "warnings" = "errors"): Problem[] {
    const prefix = pathText(path);
    return this.validation[which].filter((p) => isUnder(p.path, prefix));
  }

  #changed(change: Change, removed = ""): void {
    this.removed = removed;
    this.validation = this.json
      ? validateRubric(this.json, { headers: this.headers })
      : { errors: [], warnings: [] };
    for (const listener of this.#listeners) listener(change);
  }
}
