/**
 * Focus across a re-render: the editor is rebuilt whenever the rubric's shape changes, so where
 * focus was (a field, a button of a list item, an element with an id) is noted before and put
 * back after, and keyboard users keep their place.
 */
import { pathText } from "../src/core";
import type { Path } from "./draft";
import type { Form } from "./form";

/** A field by its path, a button (data-action) in the item at a path, or an element by id. */
export interface FocusPlace {
  path: Path;
  action?: string;
  id?: string;
}

/** Where focus is in the editor, or null when it is elsewhere. */
export function focusedPlace(editor: HTMLElement, form: Form): FocusPlace | null {
  const active = document.activeElement as HTMLElement | null;
  if (!active || !editor.contains(active)) return null;
  const slot = form.slots.find((s) => s.control === active);
  if (slot) return { path: [slot.path()] };
  const item = active.closest<HTMLElement>("[data-path]");
  if (active.dataset.action && item?.dataset.path !== undefined)
    return { path: [item.dataset.path], action: active.dataset.action };
  if (active.id) return { path: [], id: active.id };
  return null;
}

/** Puts focus back at a place in the (re-rendered) editor. */
export function restoreFocus(editor: HTMLElement, form: Form, place: FocusPlace): void {
  if (place.id) {
    document.getElementById(place.id)?.focus();
    return;
  }
  // A one-element path holding text is already a path text; otherwise build it.
  const text =
    place.path.length === 1 && typeof place.path[0] === "string" ? place.path[0] : pathText(place.path);
  if (place.action) {
    const item = [...editor.querySelectorAll<HTMLElement>("[data-path]")].find(
      (el) => el.dataset.path === text,
    );
    const button = item?.querySelector<HTMLButtonElement>(`[data-action="${place.action}"]:not(:disabled)`);
    if (button) {
      button.focus();
      return;
    }
    item?.querySelector<HTMLElement>("input, select, button:not(:disabled)")?.focus();
    return;
  }
  form.focus(text);
}

/**
 * Keeps the focused element clear of the sticky header and Save bar. The browser scrolls a field
 * into view on focus, but not out from under a sticky bar (which grows with the problem list), so
 * after every focus move the page scrolls the field just above the bar, or just below the header.
 */
export function keepFocusClear(header: HTMLElement, bar: HTMLElement): void {
  const GAP = 8;
  document.addEventListener("focusin", (e) => {
    const el = e.target as HTMLElement;
    if (header.contains(el) || bar.contains(el)) return;
    const box = el.getBoundingClientRect();
    const below = box.bottom + GAP - bar.getBoundingClientRect().top;
    const above = header.getBoundingClientRect().bottom + GAP - box.top;
    if (below > 0) window.scrollBy(0, below);
    else if (above > 0) window.scrollBy(0, -above);
  });
}
