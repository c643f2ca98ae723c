/** `healthscore plan`: for every row, the smallest set of changes that lifts it into the next band (or --target). */
import { ColumnError, isBlankRow, type Plan, PlanError, planner, SourceColumnError } from "../src/core";
import { openCsv } from "./csv";
import { CliError, requireRubric } from "./io";
import { readSources, sourceColumnError } from "./sources";
import { terminalText } from "./table";

export type PlanFormat = "table" | "json";

export interface PlanArgs {
  data: string;
  rubric: string;
  target?: string;
  asOf: string;
  timeZone: string;
  format: PlanFormat;
  encoding?: string;
  /** `name=file` for each source the rubric reads. */
  sources?: readonly string[];
}

export async function plan(args: PlanArgs): Promise<string> {
  const rubric = requireRubric(args.rubric);
  const sources = await readSources(rubric, args.sources ?? [], args.encoding);
  const table = await openCsv(args.data, { rubric, encoding: args.encoding });
  const { headers } = table;
  // The table and the JSON array both list every row, so rows are kept; blank rows are not accounts.
  const rows: string[][] = [];
  const plans: Plan[] = [];
  try {
    const { planRow } = planner(rubric, headers, {
      asOf: args.asOf,
      timeZone: args.timeZone,
      target: args.target,
      sources: sources.tables,
    });
    for await (const batch of table.batches) {
      for (const row of batch) {
        if (isBlankRow(row)) continue;
        rows.push(row);
        plans.push(planRow(row));
      }
    }
  } catch (e) {
    if (e instanceof SourceColumnError) throw sourceColumnError(e, sources);
    if (e instanceof ColumnError) throw new CliError(`${args.data}: ${e.message}`);
    if (e instanceof PlanError) throw new CliError(`--target: ${e.message}`, 2);
    throw e;
  }
  if (args.format === "json") return JSON.stringify(plans.map(toJson), null, 2);
  // Cells, labels and plans printed as the score table prints them: no control character reaches the terminal.
  // Stryker disable next-line StringLiteral: equivalent, a row that is not blank has a first cell
  const names = rows.map((r) => terminalText(r[0] ?? ""));
  const bands = plans.map((p) => terminalText(`${p.band} → ${p.target ?? "-"}`));
  // Stryker disable next-line StringLiteral: equivalent, openCsv refuses a file without a header
  const header = terminalText(headers[0] ?? "");
  // Widest by a loop, not Math.max(...rows): a spread of every row overflows the stack past ~120,000.
  let width = header.length;
  for (const n of names) width = Math.max(width, n.length);
  width = Math.min(40, width);
  let bandWidth = 4;
  for (const b of bands) bandWidth = Math.max(bandWidth, b.length);
  const line = (name: string, band: string, text: string) =>
    `${name.slice(0, width).padEnd(width)}  ${band.padEnd(bandWidth)}  ${terminalText(text)}`;
  const reachable = plans.filter((p) => p.reachable && p.changes.length > 0).length;
  return [
    line(header, "Band → target", "Plan"),
    // Stryker disable next-line StringLiteral: equivalent, names and bands have one entry per plan
    ...plans.map((p, i) => line(names[i] ?? "", bands[i] ?? "", p.why)),
    "",
    `${plans.length} accounts: ${reachable} with a plan, ${plans.filter((p) => !p.reachable).length} out of reach`,
  ].join("\n");
}

/** The contract's JSON: `metric` or `flag`, `column`, `from`, `to` per change (labels are the rubric's). */
function toJson(p: Plan) {
  return {
    band: p.band,
    target: p.target,
    reachable: p.reachable,
    score_after: p.scoreAfter,
    changes: p.changes.map((c) => ({
      ...(c.metric !== undefined ? { metric: c.metric } : { flag: c.flag }),
      column: c.column,
      // Stryker disable next-line ConditionalExpression: equivalent, JSON leaves out a key whose value is undefined
      ...(c.source !== undefined ? { source: c.source } : {}),
      from: c.from,
      to: c.to,
    })),
    why: p.why,
  };
}
