/**
 * The import graph of our TypeScript: which file imports which, read with the TypeScript compiler
 * (no bundling, no type checking). test/dev/importGraph.test.ts holds it free of cycles: a cycle
 * makes module load order matter (a class used before its module has run) and makes a folder
 * impossible to read, or lift out, one file at a time. Type-only imports count too: they are how
 * two files come to need each other.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** file (relative to the repository, with `/`) → the files it imports, in source order. */
export type ImportGraph = Map<string, string[]>;

/** Every .ts file under the folders, recursively, skipping declaration files. */
export function typeScriptFiles(folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "node_modules") walk(path);
      } else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) files.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return files.map(toKey);
}

const toKey = (path: string) => relative(process.cwd(), resolve(path)).split("\\").join("/");

/** Whether an import or export declaration brings in types only (`import type`, or every name `type`). */
function typeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) {
    const names = statement.exportClause;
    return (
      statement.isTypeOnly ||
      (!!names && ts.isNamedExports(names) && names.elements.every((e) => e.isTypeOnly))
    );
  }
  const clause = statement.importClause;
  if (!clause) return false; // import "./x": run for its effects
  if (clause.isTypeOnly) return true;
  const names = clause.namedBindings;
  return !clause.name && !!names && ts.isNamedImports(names) && names.elements.every((e) => e.isTypeOnly);
}

/**
 * The module specifiers a file imports or re-exports from (import, import type, export ... from);
 * with `valuesOnly`, those that load the module at run time.
 */
export function importSpecifiers(source: string, valuesOnly = false): string[] {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      !(valuesOnly && typeOnly(statement))
    )
      specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers;
}

/** A relative specifier as the file it names (`./a` → a.ts or a/index.ts); packages give undefined. */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")])
    if (candidate.endsWith(".ts") && existsSync(candidate)) return toKey(candidate);
  return undefined;
}

export function importGraph(files: readonly string[], valuesOnly = false): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const imported = importSpecifiers(readFileSync(file, "utf8"), valuesOnly)
      .map((s) => resolveRelative(file, s))
      .filter((f): f is string => f !== undefined);
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

/**
 * The import cycles: each strongly connected group of files that import one another, directly or
 * through others (a file importing itself counts too), sorted, largest first.
 */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative over the files in a stable order.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const to of graph.get(file) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file) as number, index.get(to) as number));
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles.sort((a, b) => b.length - a.length || (a[0] as string).localeCompare(b[0] as string));
}
