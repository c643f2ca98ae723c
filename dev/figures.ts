/** `npm run figures`: rewrites the sizes quoted in docs/architecture.md from the build just made. */
import { readFileSync, writeFileSync } from "node:fs";
import { ARCHITECTURE_DOC, fileSize, replaceBlock, SIZED_FILES, sizesTable } from "./docFigures";

const table = sizesTable(SIZED_FILES.map((f) => fileSize(f.file)));
writeFileSync(ARCHITECTURE_DOC, replaceBlock(readFileSync(ARCHITECTURE_DOC, "utf8"), "sizes", table));
console.log(`${ARCHITECTURE_DOC}: sizes rewritten\n${table}`);
