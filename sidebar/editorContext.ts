/**
 * What every part of the rubric editor works with: the draft, the form's messages, and the data
 * sheet's columns. Its own file, so the editor and the scorer editor both use it without needing
 * each other.
 */
import type { SidebarData } from "../src/addon/sidebarApi";
import type { PlainCell } from "../src/core";
import type { Draft, Path } from "./draft";
import type { Form } from "./form";

export interface EditorContext {
  draft: Draft;
  form: Form;
  /** The data sheet's headers (the add-on's own output columns left out), or [] without data. */
  headers: string[];
  sheetName: string | null;
  /** The spreadsheet's other sheets and their headers: where sources are picked from. */
  sheets: SidebarData["sheets"];
  cells(header: string): PlainCell[];
  /** Where focus goes after the next re-render: a path, and optionally a control within it. */
  focusAfter(path: Path, action?: string): void;
}
