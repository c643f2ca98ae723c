/** cli/progress.ts: the line a long `score` redraws on a terminal's stderr. */
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Progress } from "../../cli/progress";

/** A stream that keeps what is written to it. */
function stream(): Writable & { text: () => string } {
  let text = "";
  const w = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return Object.assign(w, { text: () => text });
}

describe("the progress line", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-26T09:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("first shows after a quarter second, with rows done and rows per second, then redraws at most every quarter second", () => {
    const err = stream();
    const progress = new Progress(err, true);
    progress.add(1_000);
    vi.advanceTimersByTime(249);
    progress.add(1_000);
    expect(err.text()).toBe("");
    vi.advanceTimersByTime(1);
    progress.add(500);
    expect(err.text()).toBe("\r\x1b[K2,500 rows scored, 10,000 rows/s");
    vi.advanceTimersByTime(249);
    progress.add(500);
    expect(err.text()).toBe("\r\x1b[K2,500 rows scored, 10,000 rows/s");
    vi.advanceTimersByTime(2_001);
    progress.add(17_000);
    expect(err.text()).toBe(
      "\r\x1b[K2,500 rows scored, 10,000 rows/s\r\x1b[K20,000 rows scored, 8,000 rows/s",
    );
    progress.end();
    progress.end();
    expect(err.text().endsWith("8,000 rows/s\r\x1b[K")).toBe(true);
  });

  it("names what it counts", () => {
    const err = stream();
    const progress = new Progress(err, true, "snapshots");
    vi.advanceTimersByTime(500);
    progress.add(3);
    expect(err.text()).toBe("\r\x1b[K3 snapshots scored, 6 rows/s");
  });

  it("writes nothing when it is off, or when it never showed, not even the clearing at the end", () => {
    const off = stream();
    const disabled = new Progress(off, false);
    vi.advanceTimersByTime(1_000);
    disabled.add(10);
    disabled.end();
    expect(off.text()).toBe("");
    const quick = stream();
    const short = new Progress(quick, true);
    short.add(10);
    short.end();
    expect(quick.text()).toBe("");
  });
});
