/**
 * What the *Export with Pandoc…* command needs of the host to run pandoc. Only the Node host has one
 * (src/node/nodePandocRunner.ts): the web worker cannot start a program.
 */
export interface PandocRunner {
  /** pandoc's version (`pandoc 2.17.1.1`), or undefined when no `pandoc` is on the PATH. */
  version(): Promise<string | undefined>;
  /**
   * Runs pandoc with `args` in `cwd`, `stdin` as its input; resolves with its stdout, or rejects
   * with its stderr (a `PandocError`).
   */
  run(args: readonly string[], stdin: string, cwd: string | undefined): Promise<string>;
}

/** pandoc ran and failed: its message. */
export class PandocError extends Error {}
