/**
 * Building the page. Everything shown comes from createElement and textContent: headers, labels
 * and cell text from the sheet are never parsed as HTML (there is no innerHTML in the sidebar).
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h("button", { class: "primary", onclick: save }, "Save")`. Strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, ""), value);
    else if (key === "class") el.className = String(value);
    else if (key === "value" && "value" in el) (el as HTMLInputElement).value = String(value);
    else if (key === "checked" || key === "selected" || key === "disabled" || key === "open")
      (el as unknown as Record<string, boolean>)[key] = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let nextId = 0;
/** A unique element id, so that every control can have a <label for>. */
export function uid(prefix = "f"): string {
  nextId += 1;
  return `${prefix}${nextId}`;
}

/** Material icon paths (24 × 24), drawn inline: the sidebar cannot load an icon font. */
const ICONS = {
  up: "M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z",
  down: "M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z",
  copy: "M16 1H4c-1.1 0-2 .9-2 2v14h2V3h12V1zm3 4H8c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h11c1.1 0 2-.9 2-2V7c0-1.1-.9-2-2-2zm0 16H8V7h11v14z",
  remove: "M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z",
} as const;
export type Icon = keyof typeof ICONS;

/** A small icon button: a drawn glyph, a spoken label, and data-action naming what it does. */
export function iconButton(
  icon: Icon,
  label: string,
  onclick: () => void,
  disabled = false,
): HTMLButtonElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[icon]);
  svg.append(path);
  return h(
    "button",
    {
      type: "button",
      class: "icon",
      "aria-label": label,
      title: label,
      disabled,
      onclick,
      "data-action": icon,
    },
    svg,
  );
}

/** 12.5 → "12.5", 1/3 → "33%": percentages for normalised weights. */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return "–";
  const p = share * 100;
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}
