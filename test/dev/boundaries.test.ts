import { describe, expect, it } from "vitest";
import { boundaryViolations, violationsOf } from "../../dev/boundaries";

describe("the boundaries between the core and its faces", () => {
  it("hold in the whole tree: the sidebar and the CLI import only the core, the core only itself", () => {
    expect(boundaryViolations()).toEqual([]);
  });

  it("refuse a face importing a value from another face", () => {
    const source = 'import { LIVE_HEADER } from "../src/addon/dataSheet";\nimport { h } from "./dom";\n';
    expect(violationsOf("sidebar/main.ts", source)).toEqual([
      "sidebar/main.ts imports src/addon/dataSheet.ts: sidebar/ may import only sidebar/, src/core/, examples/ (and types from src/addon/sidebarApi.ts).",
    ]);
    expect(violationsOf("cli/score.ts", 'import { plainText } from "../src/addon/grid";')).toHaveLength(1);
    expect(violationsOf("cli/score.ts", 'import { h } from "../sidebar/dom";')).toHaveLength(1);
  });

  it("let the sidebar import the server contract's types, and only its types", () => {
    expect(
      violationsOf("sidebar/server.ts", 'import type { SidebarApi } from "../src/addon/sidebarApi";'),
    ).toEqual([]);
    expect(
      violationsOf("sidebar/server.ts", 'import { type SidebarData } from "../src/addon/sidebarApi";'),
    ).toEqual([]);
    expect(
      violationsOf("sidebar/server.ts", 'import { sidebarApi } from "../src/addon/sidebarApi";'),
    ).toHaveLength(1);
  });

  it("refuse the core anything outside itself, packages included", () => {
    expect(violationsOf("src/core/score.ts", 'import { plainText } from "../addon/grid";')).toEqual([
      "src/core/score.ts imports src/addon/grid.ts: src/core/ may import only src/core/.",
    ]);
    expect(violationsOf("src/core/score.ts", 'import { readFileSync } from "node:fs";')).toEqual([
      'src/core/score.ts imports the package "node:fs": src/core/ may import only src/core/.',
    ]);
    expect(violationsOf("src/core/score.ts", 'export { x } from "../../cli/io";')).toHaveLength(1);
    expect(violationsOf("src/core/score.ts", 'import { textOf } from "./cells";')).toEqual([]);
  });

  it("let the CLI use packages, and the add-on and the sidebar the starter rubrics", () => {
    expect(violationsOf("cli/csv.ts", 'import { parse } from "csv-parse";')).toEqual([]);
    expect(
      violationsOf("src/addon/rubricSource.ts", 'import starter from "../../examples/simple-ryg.json";'),
    ).toEqual([]);
    expect(violationsOf("src/addon/menu.ts", 'import { h } from "../../sidebar/dom";')).toHaveLength(1);
  });
});
