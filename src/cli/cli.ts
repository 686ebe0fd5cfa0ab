/**
 * `egn-cite`'s entry (`dist/cli.js`, package.json `bin`). It starts ripgrep's search of the folders of
 * the command line first (see `EarlySearches`), and only then loads the command itself
 * (`dist/cliMain.js`, src/cli/main.ts): compiling that bundle takes tens of milliseconds, which
 * ripgrep spends searching. This bundle holds only what starting the search needs.
 */
import type * as Main from './main';
import { EarlySearches } from './earlySearch';

const argv = process.argv.slice(2);
const early = EarlySearches.start(argv);
// A bundle of its own, loaded at run time: esbuild leaves this require as it is (build.mjs, `external`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require('./cliMain.js') as typeof Main;
void main(argv, early).then((code) => {
  // exitCode, not exit(): stdout may still be flushing into a pipe.
  process.exitCode = code;
});
