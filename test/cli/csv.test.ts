import { describe, expect, it } from "vitest";
import { cli, file, SIMPLE, SIMPLE_HEADER, simpleRow, tmpPath } from "./cli";

const json = (path: string, ...more: string[]) => cli("score", path, ...SIMPLE, "--format", "json", ...more);
const scores = (stdout: string) => JSON.parse(stdout).map((r: { score: number | null }) => r.score);
const COMMA = [SIMPLE_HEADER, simpleRow(1), simpleRow(2), simpleRow(3)].join("\n");
const expected = scores((await json(file("comma.csv", COMMA))).stdout);

describe("reading the data file", () => {
  it("reads a semicolon-separated file (Excel in much of Europe) as the same table", async () => {
    const r = await json(file("semicolon.csv", COMMA.replace(/,/g, ";")));
    expect(r.stderr).toBe("");
    expect(scores(r.stdout)).toEqual(expected);
  });

  it("reads a tab-separated file", async () => {
    expect(scores((await json(file("tabs.tsv", COMMA.replace(/,/g, "\t")))).stdout)).toEqual(expected);
  });

  it("finds the header below title rows, as the add-on does in the top five rows", async () => {
    const titled = `Customer health export\nGenerated 2026-11-26,,,\n\n${COMMA}`;
    const r = await json(file("titled.csv", titled));
    expect(r.stderr).toBe("");
    expect(scores(r.stdout)).toEqual(expected);
  });

  it("keeps title rows in --format csv, unchanged, above the header", async () => {
    const r = await cli("score", file("titled2.csv", `Q4 export\n${COMMA}`), ...SIMPLE, "--format", "csv");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Q4 export");
    expect(lines[1]).toBe(`${SIMPLE_HEADER},Health Score,Health Band,Health Drivers,Coverage`);
  });

  it("names a Windows-1252 file as such, with the line and what to do", async () => {
    const latin = Buffer.from(`${SIMPLE_HEADER}\nCaf\xe9 Ltd,0.5,3,8,0,10\n`, "latin1");
    const r = await json(file("cp1252.csv", latin));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'is not UTF-8: line 2 has the byte 0xE9 ("é" in Windows-1252, as Excel\'s plain "CSV" saves accented letters)',
    );
    expect(r.stderr).toContain('save it from Excel as "CSV UTF-8", or add --encoding windows-1252.');
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("reads a Windows-1252 file with --encoding windows-1252", async () => {
    const latin = Buffer.from(`${SIMPLE_HEADER}\nCaf\xe9 Ltd,0.5,3,8,0,10\n`, "latin1");
    const r = await cli("score", file("cp1252b.csv", latin), ...SIMPLE, "--encoding", "windows-1252");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Café Ltd");
  });

  it("names a UTF-16 file (Excel's Unicode Text)", async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(COMMA.replace(/,/g, "\t"), "utf16le"),
    ]);
    const r = await json(file("unicode.txt", utf16));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is UTF-16 text (as Excel\'s "Unicode Text" saves it), not UTF-8');
    expect(scores((await json(file("unicode2.txt", utf16), "--encoding", "utf-16le")).stdout)).toEqual(
      expected,
    );
  });

  it("reads a UTF-8 file with a byte-order mark, and accents split across reads", async () => {
    const name = "Ünïcödé ".repeat(200_000); // 1.8 MB of two-byte letters: reads end mid-letter
    const r = await json(file("bom.csv", `\ufeff${SIMPLE_HEADER}\n"${name}",0.5,3,8,0,10\n`));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it("names a row wider than the header (an unquoted comma) and scores nothing on shifted cells", async () => {
    const shifted = `${SIMPLE_HEADER}\n${simpleRow(1)}\nAcme, Inc.,0.5,3,8,0,10\n${simpleRow(3)}\n`;
    const r = await json(file("wide.csv", shifted));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(
      /^healthscore: \S+wide\.csv: row 3 has 7 cells, 1 more than the header \(row 1\) has columns, with "10" in column G: put quotes around a value that holds a comma \("Acme, Inc\."\), or add a header for the extra column\.$/,
    );
  });

  it("reads Excel's trailing empty cells and skips fully blank rows, as the add-on does", async () => {
    const excel = `${SIMPLE_HEADER},,,\n${simpleRow(1)},,,\n,,,,,,,,\n\n${simpleRow(2)}\n${simpleRow(3)},,\n`;
    const r = await json(file("excel.csv", excel));
    expect(r.stderr).toBe("");
    expect(scores(r.stdout)).toEqual(expected);
  });

  it("says a folder is not a data file, in one sentence", async () => {
    const r = await json(tmpPath(""));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^healthscore: Cannot read data file "[^"]+": it is a folder\.$/);
  });

  it("says where a quote is never closed, in one sentence", async () => {
    const r = await json(file("quote.csv", `${SIMPLE_HEADER}\n${simpleRow(1)}\n"Acme,0.5,3,8,0,10\n`));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not valid CSV near line \d+: a value opens a quote \(".*never closes/);
    expect(r.stderr).not.toContain("unexpected error");
  });

  it("counts a row's cells without its trailing blank ones, and keeps a row whose extra cells hold only spaces", async () => {
    const spaces = await json(
      file("spaces.csv", `${SIMPLE_HEADER}\n${simpleRow(1)},  ,\t\n${simpleRow(2)}\n${simpleRow(3)}\n`),
    );
    expect([spaces.stderr, scores(spaces.stdout)]).toEqual(["", expected]);
    const wide = file("wide-spaced.csv", `${SIMPLE_HEADER}\n${simpleRow(1)},x, \n`);
    expect((await json(wide)).stderr).toMatch(
      /: row 2 has 7 cells, 1 more than the header \(row 1\) has columns, with "x" in column G: /,
    );
    const semicolons = file(
      "wide-semicolons.csv",
      `${SIMPLE_HEADER}\n${simpleRow(1)},x\n`.replace(/,/g, ";"),
    );
    expect((await json(semicolons)).stderr).toMatch(
      /: put quotes around a value that holds a semicolon, or add a header/,
    );
  });

  it("names a UTF-16 big-endian file, and a file starting with 0xFF that is not UTF-16", async () => {
    const be = Buffer.from(COMMA, "utf16le").swap16();
    const r = await json(file("unicode-be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(r.stderr).toBe(
      `healthscore: The data file "${tmpPath("unicode-be.txt")}" is UTF-16 text (as Excel's "Unicode Text" saves it), not UTF-8: save it from Excel as "CSV UTF-8", or add --encoding utf-16be.\n`,
    );
    const ff = await json(file("ff.csv", Buffer.concat([Buffer.from([0xff]), Buffer.from(`${COMMA}\n`)])));
    expect(ff.stderr).toContain('is not UTF-8: line 1 has the byte 0xFF ("ÿ" in Windows-1252');
  });

  it("names the line of a byte that is not UTF-8 past the first megabyte, and of a letter cut at the end", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => simpleRow(i)).join("\n");
    const late = Buffer.concat([
      Buffer.from(`${SIMPLE_HEADER}\n${rows}\n`),
      Buffer.from("Caf\xe9,0.5,3,8,0,10\n", "latin1"),
    ]);
    expect(late.length).toBeGreaterThan(1 << 20);
    expect((await json(file("late.csv", late))).stderr).toContain(
      "is not UTF-8: line 40002 has the byte 0xE9",
    );
    const cut = Buffer.concat([Buffer.from(`${COMMA}\nCaf`), Buffer.from([0xc3])]);
    const r = await json(file("cut.csv", cut));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("is not UTF-8: line 5 has the byte 0xC3");
  });

  it("quotes a cell holding a line break when it writes CSV", async () => {
    const text = `${SIMPLE_HEADER}\n"Acme\nInc",0.5,3,8,0,10\n"Beta\rLtd",0.5,3,8,0,10\n`;
    const r = await cli("score", file("breaks.csv", text), ...SIMPLE, "--format", "csv");
    expect(r.stdout).toMatch(/\n"Acme\nInc",0\.5,/);
    expect(r.stdout).toMatch(/\n"Beta\rLtd",0\.5,/);
  });

  it("says an empty data file or source file needs a header row", async () => {
    const empty = file("empty.csv", "\n\n");
    expect((await json(empty)).stderr).toBe(
      `healthscore: The data file "${empty}" is empty: it needs a header row, then one row per account.\n`,
    );
    const sources = ["tickets", "nps"].flatMap((n) => ["--source", `${n}=examples/${n}.csv`]);
    const args = ["examples/customers.csv", "--rubric", "examples/from-activity.json", ...sources];
    const r = await cli("score", ...args, "--source", `logins=${empty}`);
    expect([r.status, r.stderr]).toEqual([
      1,
      `healthscore: The file "${empty}" of source "logins" is empty: it needs a header row, then its rows.\n`,
    ]);
  });
});
