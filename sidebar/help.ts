/**
 * The short help behind the "?" beside a field, by the field's label: one sentence in the words of
 * docs/rubric.md. The whole story is in the README's sidebar section ("Learn more").
 */
export const FIELD_HELP: Readonly<Record<string, string>> = {
  Name: "What the rubric is called in the sheet, exports and reports.",
  Method: "Weighted averages 0–100 scores by weight; Points adds up each metric's points.",
  "A blank or unreadable cell":
    "What an empty or unreadable cell counts as, unless its metric says otherwise.",
  From: "The lowest score in this band. A score lands in the last band whose From it reaches.",
  Colour: "The band's fill in the sheet: #rrggbb.",
  Action: "What the team should do for accounts in this band; shown with each account.",
  Column: "The header of the sheet's column this reads (matched ignoring case and spaces).",
  "Or computed from a source": "Instead of a column, a count or latest value from a source sheet, in words.",
  Label: "The name shown in reasons and drivers.",
  Group: "The dimension this metric counts toward.",
  Weight: "How much this counts against the others; the share beside it is its part of the score.",
  "Read the cell as":
    "How the cell's value is read before it is scored: a number, text, a checkbox, or days since a date.",
  "When the cell is blank": "Overrides the rubric's rule for a blank or unreadable cell, for this metric.",
  Scorer: "How a value becomes a score: steps, a range, a map of values, a scale or points per unit.",
  "Can the team change it?": "Plans to the next band only propose metrics the team can move.",
  ID: "A stable name used by the JSON and the SQL export; letters, digits and _.",
  "Cap at": "While the flag fires, the score is at most this.",
  "Floor at": "While the flag fires, the score is at least this.",
  Add: "While the flag fires, this is added to the score (negative to subtract).",
  Worst: "The value that scores 0; Best scores the top.",
  Best: "The value that scores the top; Worst scores 0.",
};
