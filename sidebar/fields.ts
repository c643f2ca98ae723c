/**
 * The editor's field labels, by what holds the field, and the one sentence behind the "?" beside
 * a field (in the words of docs/rubric.md; the whole story is the README's sidebar section, which
 * "Learn more" opens). The one table: problems are worded from it (fieldWords.ts), and the form
 * finds a field's help by the label it shows (form.ts), so a label two kinds share (Label,
 * Column, ID) shares its help, written once. The labels match sidebar/editor.ts and scorerEditor.ts.
 */
type Field = string | { label: string; help: string };

const FIELDS: Record<string, Record<string, Field>> = {
  rubric: {
    name: { label: "Name", help: "What the rubric is called in the sheet, exports and reports." },
    method: {
      label: "Method",
      help: "Weighted averages 0–100 scores by weight; Points adds up each metric's points.",
    },
    missing: {
      label: "A blank or unreadable cell",
      help: "What an empty or unreadable cell counts as, unless its metric says otherwise.",
    },
    key: "Account column of this sheet",
    bands: "Bands",
    groups: "Groups",
    metrics: "Metrics",
    flags: "Flags",
    segments: "Segments",
    sources: "Sources",
  },
  band: {
    label: "Label",
    from: {
      label: "From",
      help: "The lowest score in this band. A score lands in the last band whose From it reaches.",
    },
    color: { label: "Colour", help: "The band's fill in the sheet: #rrggbb." },
    action: {
      label: "Action",
      help: "What the team should do for accounts in this band; shown with each account.",
    },
  },
  metric: {
    column: {
      label: "Column",
      help: "The header of the sheet's column this reads (matched ignoring case and spaces).",
    },
    from: {
      label: "Or computed from a source",
      help: "Instead of a column, a count or latest value from a source sheet, in words.",
    },
    label: { label: "Label", help: "The name shown in reasons and drivers." },
    group: { label: "Group", help: "The dimension this metric counts toward." },
    weight: {
      label: "Weight",
      help: "How much this counts against the others; the share beside it is its part of the score.",
    },
    input: {
      label: "Read the cell as",
      help: "How the cell's value is read before it is scored: a number, text, a checkbox, or days since a date.",
    },
    missing: {
      label: "When the cell is blank",
      help: "Overrides the rubric's rule for a blank or unreadable cell, for this metric.",
    },
    score: {
      label: "Scorer",
      help: "How a value becomes a score: steps, a range, a map of values, a scale or points per unit.",
    },
    actionable: {
      label: "Can the team change it?",
      help: "Plans to the next band only propose metrics the team can move.",
    },
    id: { label: "ID", help: "A stable name used by the JSON and the SQL export; letters, digits and _." },
  },
  flag: {
    column: "Column",
    from: "Or computed from a source",
    label: "Label",
    when: "Equals",
    contains: "Text",
    min: "At least",
    max: "At most",
    cap: { label: "Cap at", help: "While the flag fires, the score is at most this." },
    floor: { label: "Floor at", help: "While the flag fires, the score is at least this." },
    add: { label: "Add", help: "While the flag fires, this is added to the score (negative to subtract)." },
    id: "ID",
  },
  score: {
    type: "Scorer",
    else: "Otherwise",
    worst: { label: "Worst", help: "The value that scores 0; Best scores the top." },
    best: { label: "Best", help: "The value that scores the top; Worst scores 0." },
    points: "Points",
    neutral: "Neutral",
    step: "Step",
    cap: "Cap",
    steps: "Steps",
    values: "Values",
  },
  step: { min: "Min", max: "Max", score: "Score" },
  segments: { column: "Segment column", rubrics: "Segment rubrics" },
  source: { sheet: "Sheet", key: "Its account column", date: "Its date column" },
};

/** The label of field `key` of a `kind` ("metric", "weight" → "Weight"), or undefined. */
export function fieldLabel(kind: string, key: string | number): string | undefined {
  const field = FIELDS[kind]?.[key];
  return typeof field === "object" ? field.label : field;
}

/** The short help behind the "?" beside a field, by the field's label. */
export const FIELD_HELP: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(FIELDS).flatMap((fields) =>
    Object.values(fields).flatMap((f) => (typeof f === "object" ? [[f.label, f.help]] : [])),
  ),
);
