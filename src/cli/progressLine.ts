/** A run shorter than this shows no progress at all. */
const DELAY_MS = 1000;
/** Redraws at most this often. */
const REDRAW_MS = 100;

/**
 * A one-line progress indicator on stderr (`egn-cite: 1234 of 10000 files`), shown only when
 * `enabled` (an interactive terminal, unless forced) and only once the run has lasted a second:
 * quick runs and CI logs stay quiet. stdout is never touched, so piped output stays clean.
 */
export class ProgressLine {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  /**
   * @param enabled Whether to show anything (see `--progress`).
   * @param stream Where to draw: stderr.
   * @param now The clock, in milliseconds (a test's own).
   */
  constructor(
    private readonly enabled: boolean,
    private readonly stream: Pick<NodeJS.WritableStream, 'write'> = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  report(done: number, total: number): void {
    if (!this.enabled) {
      return;
    }
    const now = this.now();
    if (now - this.started < DELAY_MS || now - this.lastDraw < REDRAW_MS) {
      return;
    }
    this.lastDraw = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[Kegn-cite: ${done} of ${total} files`);
  }

  /** Erases the line, if one was drawn. */
  done(): void {
    if (this.drawn) {
      this.stream.write('\r\x1b[K');
      this.drawn = false;
    }
  }
}
