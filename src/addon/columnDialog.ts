/**
 * "Which column …?" asked with a list of the sheet's columns: a small modal dialog with a dropdown,
 * instead of Ui.prompt's free text (a typed name can be misspelt; a picked one cannot).
 *
 * An HtmlService dialog does not suspend the script that opens it
 * (developers.google.com/apps-script/guides/dialogs): the menu command shows it and returns, and
 * the dialog's OK calls back through google.script.run (sidebarCall("pickedColumn", [purpose,
 * column])), which does the work. A problem the user can fix comes back as the call's error and
 * is shown in the dialog, which stays open to pick again. The page is a template string of
 * about 2 KB, so it costs the bundle little; every column name in it is HTML-escaped.
 */
import { type CellValue, headerKey, isOutputColumn, textOf } from "../core";
import { AddonError } from "./dataSheet";

/** What the picked column is for; each has its own callback in pickedColumn (sidebarApi). */
export type ColumnPurpose = "snapshot" | "schedule" | "calibration";

export interface ColumnQuestion {
  purpose: ColumnPurpose;
  /** The dialog's title, a question: "Which column says who churned?" */
  title: string;
  /** One or two sentences under it: what the column is for. */
  help: string;
  /** The data sheet's header row; the add-on's own output columns are left out of the list. */
  headers: readonly CellValue[];
  /** The column selected at first (a guess), when it is one of the headers. */
  selected?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The dialog's page: the question, the dropdown of columns, Cancel and OK. */
export function columnDialogHtml(q: ColumnQuestion): string {
  // textOf trims: a header of spaces is "", and headerKey(undefined) is "", which no listed name is.
  const names = q.headers.map(textOf).filter((name) => name !== "" && !isOutputColumn(name));
  const selected = headerKey(q.selected);
  const options = names
    .map((name) => {
      const on = headerKey(name) === selected ? " selected" : "";
      return `<option value="${escapeHtml(name)}"${on}>${escapeHtml(name)}</option>`;
    })
    .join("");
  return `<!DOCTYPE html><html><head><base target="_top"><style>
body{font:13px Arial,sans-serif;color:#202124;margin:0 4px}p{margin:0 0 12px}
label{display:block;font-weight:bold;margin-bottom:4px}select{width:100%;padding:6px;font:inherit}
#err{color:#b3261e;min-height:18px;margin:8px 0}.buttons{text-align:right}
button{font:inherit;padding:6px 16px;margin-left:8px;border-radius:4px;border:1px solid #dadce0;background:#fff;cursor:pointer}
button.action{background:#1a73e8;border-color:#1a73e8;color:#fff}button:disabled{opacity:.6}
</style></head><body>
<p>${escapeHtml(q.help)}</p>
<label for="column">Column</label>
<select id="column">${options}</select>
<p id="err" role="alert"></p>
<div class="buttons"><button type="button" id="cancel">Cancel</button><button type="button" id="ok" class="action">OK</button></div>
<script>
var ok = document.getElementById("ok"), err = document.getElementById("err");
document.getElementById("cancel").onclick = function () { google.script.host.close(); };
ok.onclick = function () {
  ok.disabled = true;
  err.textContent = "Working…";
  google.script.run
    .withSuccessHandler(function () { google.script.host.close(); })
    .withFailureHandler(function (e) { ok.disabled = false; err.textContent = e.message; })
    .sidebarCall("pickedColumn", [${JSON.stringify(q.purpose)}, document.getElementById("column").value]);
};
</script></body></html>`;
}

/** Shows the question as a modal dialog over the sheet; the answer arrives at pickedColumn. */
export function askForColumn(q: ColumnQuestion): void {
  if (!q.headers.some((h) => textOf(h) !== "")) {
    throw new AddonError("The data sheet has no column names in its header row: add them, then try again.");
  }
  const html = HtmlService.createHtmlOutput(columnDialogHtml(q)).setWidth(380).setHeight(200);
  SpreadsheetApp.getUi().showModalDialog(html, q.title);
}

/** The picked column as the header row spells it, or a sentence saying it is no longer there. */
export function columnNamed(headers: readonly CellValue[], column: string, sheet: string): string {
  const found = headers.find((h) => headerKey(h) === headerKey(column));
  if (found === undefined) {
    throw new AddonError(
      `There is no column "${column}" in the header row of "${sheet}" any more: close this dialog and try again.`,
    );
  }
  return textOf(found);
}
