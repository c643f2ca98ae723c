/** The progress line of a long run: rows done and rows per second, on stderr, redrawn in place. */

/** How often the line is redrawn; the first time too, so short runs never show it. */
const EVERY_MS = 250;

export class Progress {
  private rows = 0;
  private readonly started = Date.now();
  private shownAt = this.started;
  private shown = false;

  /** `enabled`: only when stderr is a terminal (and stdout is not the same terminal, where the output itself shows progress). */
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly enabled: boolean,
    private readonly what = "rows",
  ) {}

  add(rows: number): void {
    this.rows += rows;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.shownAt < EVERY_MS) return;
    this.shownAt = now;
    this.shown = true;
    const perSecond = Math.round((this.rows * 1000) / (now - this.started));
    this.stream.write(
      `\r\x1b[K${this.rows.toLocaleString("en-US")} ${this.what} scored, ${perSecond.toLocaleString("en-US")} rows/s`,
    );
  }

  /** Clears the line, so what follows starts clean. */
  end(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
