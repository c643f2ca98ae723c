/** `healthscore validate`: every problem in a rubric, errors then warnings. */
import { capped, formatProblem } from "../src/core";
import { CliError, loadRubric, problemsMessage } from "./io";

export function validate(path: string): string {
  const { rubric, errors, warnings } = loadRubric(path);
  const warningLines = capped(warnings.map((w) => `warning: ${formatProblem(w)}`)).map((line) => `  ${line}`);
  if (!rubric) throw new CliError([problemsMessage(path, errors), ...warningLines].join("\n"));
  const metrics = rubric.metrics.length;
  const summary = `${path}: valid rubric "${rubric.name}" (${rubric.method}, ${metrics} ${metrics === 1 ? "metric" : "metrics"}, ${rubric.bands.length} bands${rubric.segments ? `, ${Object.keys(rubric.segments.rubrics).length} segment rubrics` : ""}).`;
  return [summary, ...warningLines].join("\n");
}
