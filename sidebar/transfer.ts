/**
 * Import and export of the rubric as JSON (docs/rubric.md's interchange format): paste or pick a
 * file to import, copy or download to export, or start again from a starter rubric. Copy as SQL
 * hands the rubric to a data team as one query for their warehouse.
 */
import { capped, formatProblem, isObject, jsonErrorSentence, parseJson, plural } from "../src/core";
import type { DialectName } from "../src/core/sql";
import { h } from "./dom";
import type { Draft, Json } from "./draft";
import { server } from "./server";
import { type Starter, starterRubrics } from "./starters";

export function rubricJson(draft: Draft): string {
  return JSON.stringify(draft.valid ?? draft.json ?? {}, null, 2);
}

function fileName(draft: Draft): string {
  const name = String((draft.valid ?? draft.json)?.name ?? "rubric");
  return `${
    name
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "rubric"
  }.json`;
}

export function transferSection(draft: Draft, sent: readonly Starter[] | null): HTMLElement {
  const area = h("textarea", {
    id: "rubric-json",
    rows: 8,
    spellcheck: "false",
    placeholder: "Paste rubric JSON here, then press Import.",
  });
  const message = h("div", { class: "msg", role: "status", "aria-live": "polite" });
  const say = (text: string, kind: "ok" | "error" | "warning" = "ok", ...extra: (Node | null)[]) => {
    message.replaceChildren(h("div", { class: kind }, text, ...extra));
    message.className = "msg shown";
  };

  /** Replaces the draft, keeping what it held one click away: an import must never lose edits. */
  const replaceDraft = (json: Json): Node => {
    const before = draft.json;
    draft.replace(json);
    const undo = h("button", { type: "button", class: "link", id: "undo-replace" }, "Undo");
    undo.addEventListener("click", () => {
      draft.replace(before);
      say("Back to the rubric you had before.");
    });
    return undo;
  };

  const importText = (text: string) => {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      say(jsonErrorSentence("That", parsed.error), "error");
      return;
    }
    const json = parsed.value;
    if (!isObject(json)) {
      say("A rubric is a JSON object, { … }, with bands and metrics.", "error");
      return;
    }
    const undo = replaceDraft(json);
    // Listed as `healthscore validate` lists them, by JSON path: unknown fields (typos) too, which
    // Save would leave out, so nothing of the file is dropped without a word.
    const { errors, warnings } = draft.validation;
    const n = errors.length + warnings.length;
    const name = typeof json.name === "string" ? `"${json.name}"` : "the rubric";
    const lines = capped([
      ...errors.map(formatProblem),
      ...warnings.map((w) => `warning: ${formatProblem(w)}`),
    ]);
    if (n)
      say(
        `Imported ${name} with ${plural(n, "problem")}, also shown at each field: `,
        "warning",
        undo,
        h("ul", {}, ...lines.map((line) => h("li", {}, line))),
      );
    else say(`Imported ${name}. Check the preview, then Save. `, "ok", undo);
  };

  const file = h("input", {
    type: "file",
    id: "rubric-file",
    accept: ".json,application/json",
    class: "sr-only",
    tabindex: "-1",
    "aria-label": "Rubric JSON file",
  });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    area.value = await f.text();
    file.value = "";
    importText(area.value);
  });

  /** Shows text in the box and copies it: the Clipboard API first; sandboxed frames may refuse it, where execCommand still works. */
  const copy = (text: string, what: string) => {
    area.value = text;
    area.select();
    navigator.clipboard
      ?.writeText(text)
      .then(() => say(`Copied ${what}.`))
      .catch(() => say(document.execCommand("copy") ? `Copied ${what}.` : "Press Ctrl+C to copy it."));
  };

  const dialect = h("select", { id: "sql-dialect", "aria-label": "SQL dialect" });
  for (const [value, label] of [
    ["bigquery", "BigQuery"],
    ["snowflake", "Snowflake"],
    ["postgres", "PostgreSQL"],
    ["duckdb", "DuckDB"],
  ])
    dialect.append(h("option", { value }, label));
  const table = h("input", {
    id: "sql-table",
    value: "accounts",
    "aria-label": "Table name",
    spellcheck: "false",
  });
  /** The server compiles (the compiler stays out of the sidebar's bundle), from the draft as it stands. */
  const copySql = async () => {
    const rubric = draft.valid;
    if (!rubric) {
      say("Fix the rubric's problems first: each is shown at its field.", "error");
      return;
    }
    const name = table.value.trim() || "accounts";
    const label = dialect.selectedOptions[0]?.textContent;
    say(`Writing the ${label} query…`);
    try {
      const sql = await server.rubricSql(rubric, dialect.value as DialectName, name);
      // The query reads each source from the table of its name (the CLI's --source maps them).
      const sources = Object.keys(rubric.sources ?? {});
      const from = sources.length ? `, each source from the table of its name (${sources.join(", ")})` : "";
      copy(sql, `the rubric as one ${label} query over ${name}${from}`);
    } catch (e) {
      say((e as Error).message, "error");
    }
  };

  const starter = h("select", { id: "starter-pick" });
  starter.append(h("option", { value: "" }, "Choose a starter rubric…"));
  let starters: readonly Starter[] = [];
  let asked = false;
  /** Fetched when the section first opens (they are not in the page: sidebar/starters.ts). */
  const listStarters = () => {
    if (asked) return;
    asked = true;
    starterRubrics(sent).then(
      (list) => {
        starters = list;
        starter.append(...list.map((s, i) => h("option", { value: String(i) }, String(s.rubric.name))));
      },
      (e: Error) => {
        asked = false;
        say(e.message, "error");
      },
    );
  };

  return h(
    "details",
    { class: "section", id: "transfer", ontoggle: listStarters },
    h("summary", {}, h("h2", {}, "Import, export, start over")),
    h(
      "div",
      { class: "section-body" },
      h(
        "p",
        { class: "help" },
        "The rubric as JSON: the same format the command line and other spreadsheets read.",
      ),
      h("label", { for: area.id }, "Rubric JSON"),
      area,
      h(
        "div",
        { class: "buttons" },
        h(
          "button",
          {
            type: "button",
            id: "export-json",
            onclick: () => {
              area.value = rubricJson(draft);
              area.select();
              say("This is the rubric as it stands. Copy it, or download it.");
            },
          },
          "Show JSON",
        ),
        h("button", { type: "button", onclick: () => copy(rubricJson(draft), "the rubric JSON") }, "Copy"),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              const url = URL.createObjectURL(new Blob([rubricJson(draft)], { type: "application/json" }));
              const a = h("a", { href: url, download: fileName(draft) });
              document.body.append(a);
              a.click();
              a.remove();
              setTimeout(() => URL.revokeObjectURL(url), 1000);
            },
          },
          "Download",
        ),
      ),
      h(
        "div",
        { class: "buttons" },
        h(
          "button",
          {
            type: "button",
            id: "import-json",
            onclick: () =>
              area.value.trim()
                ? importText(area.value)
                : say("Paste rubric JSON into the box first.", "error"),
          },
          "Import",
        ),
        h("button", { type: "button", onclick: () => file.click() }, "Import a file…"),
        file,
      ),
      h("label", { for: dialect.id }, "Copy as SQL, for a warehouse: dialect and table"),
      h("div", { class: "row" }, dialect, table),
      h(
        "div",
        { class: "buttons" },
        h("button", { type: "button", id: "copy-sql", onclick: copySql }, "Copy as SQL"),
      ),
      message,
      h("label", { for: starter.id }, "Start over from a starter"),
      h(
        "div",
        { class: "row" },
        starter,
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              const s = starters[Number(starter.value)];
              if (!starter.value || !s) {
                starter.focus();
                return;
              }
              const undo = replaceDraft(s.rubric as Json);
              say(
                `Started from "${String(s.rubric.name)}". Discard brings back the saved rubric. `,
                "ok",
                undo,
              );
            },
          },
          "Use",
        ),
      ),
    ),
  );
}
