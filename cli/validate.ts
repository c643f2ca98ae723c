/**
 * `healthscore validate`: every problem in a rubric, errors then warnings; with `--data`, also
 * every column it reads that the data file's header row lacks (and with `--source name=file`, each
 * source file's), by the core's rule, naming the closest header.
 */
import { capped, formatProblem, isObject, sourceNamesRead, validateRubric } from "../src/core";
import { readHeader } from "./csv";
import { CliError, problemsMessage, readJson } from "./io";
import { givenSources } from "./sources";

export interface ValidateArgs {
  rubric: string;
  /** A data file whose header row the rubric's columns must be in. */
  data?: string;
  /** `name=file`, one per source whose header row to check. */
  sources?: readonly string[];
  encoding?: string;
}

export async function validate(args: ValidateArgs): Promise<string> {
  const { rubric: path, data, encoding } = args;
  const json = readJson(path, "rubric file");
  let { rubric, errors, warnings } = validateRubric(json);
  const checked: string[] = [];
  if (data !== undefined || (args.sources ?? []).length > 0) {
    // The header rows are found with the rubric's columns when it is valid (as `score` finds them),
    // so its column problems join the others in one list either way.
    const declared = Object.keys(rubric ? (rubric.sources ?? {}) : sourcesOf(json));
    const files = givenSources(declared, args.sources ?? []);
    const read = rubric ? sourceNamesRead(rubric) : [];
    const sourceHeaders: Record<string, string[]> = {};
    for (const [source, file] of Object.entries(files))
      sourceHeaders[source] = (await readHeader(file, { rubric, encoding, source })).headers;
    const headers = data === undefined ? undefined : (await readHeader(data, { rubric, encoding })).headers;
    ({ rubric, errors, warnings } = validateRubric(json, { headers, sourceHeaders }));
    checked.push(...(data === undefined ? [] : [data]), ...Object.values(files));
    const unchecked = read.filter((name) => files[name] === undefined);
    if (unchecked.length > 0)
      warnings.push({
        path: "",
        message: `the columns of ${unchecked.length === 1 ? "source" : "sources"} ${unchecked.map((n) => `"${n}"`).join(", ")} were not checked: give ${unchecked.length === 1 ? "its file" : "their files"} with ${unchecked.map((n) => `--source ${n}=<${n}.csv>`).join(" ")}`,
      });
  }
  const warningLines = capped(warnings.map((w) => `warning: ${formatProblem(w)}`)).map((line) => `  ${line}`);
  if (!rubric) throw new CliError([problemsMessage(path, errors), ...warningLines].join("\n"));
  const metrics = rubric.metrics.length;
  const columns =
    checked.length === 0
      ? ""
      : `; every column it reads is in the header row of ${checked.length === 1 ? checked[0] : `${checked.slice(0, -1).join(", ")} and ${checked.at(-1)}`}`;
  const summary = `${path}: valid rubric "${rubric.name}" (${rubric.method}, ${metrics} ${metrics === 1 ? "metric" : "metrics"}, ${rubric.bands.length} bands${rubric.segments ? `, ${Object.keys(rubric.segments.rubrics).length} segment rubrics` : ""})${columns}.`;
  return [summary, ...warningLines].join("\n");
}

/** The sources an invalid rubric's JSON declares, so `--source` names can still be checked. */
const sourcesOf = (json: unknown): object => (isObject(json) && isObject(json.sources) ? json.sources : {});
