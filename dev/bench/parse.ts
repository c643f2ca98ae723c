/**
 * The command-line bench's baseline: `node build/bench-parse.js file.csv` parses the file with
 * csv-parse, streamed with the options the CLI uses, and does nothing else.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let records = 0;
const parser = createReadStream(process.argv[2] as string, { highWaterMark: 1 << 20 }).pipe(
  parse({ delimiter: ",", bom: true, relax_column_count: true, relax_quotes: true }),
);
for await (const _ of parser) records++;
if (records === 0) throw new Error("bench-parse: no records");
