/** cli/io.ts: why a file cannot be read, in words a person can act on. */
import { describe, expect, it } from "vitest";
import { cannotRead } from "../../cli/io";

const why = (code: string, message = `${code}: something`) =>
  cannotRead("data.csv", "data file", Object.assign(new Error(message), { code })).message;

describe("cannotRead", () => {
  it("says what each reason to fail means for the user, and the system's words otherwise", () => {
    expect(why("ENOENT")).toBe('Cannot read data file "data.csv": no such file.');
    expect(why("EISDIR")).toBe('Cannot read data file "data.csv": it is a folder.');
    expect(why("EACCES")).toBe(
      'Cannot read data file "data.csv": you may not read it (check its permissions).',
    );
    expect(why("EPERM")).toBe(
      'Cannot read data file "data.csv": you may not read it (check its permissions).',
    );
    expect(why("EIO", "EIO: i/o error, read")).toBe(
      'Cannot read data file "data.csv": EIO: i/o error, read.',
    );
  });
});
