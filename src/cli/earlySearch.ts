/**
 * The first thing `egn-cite check` does (dist/cli.js, src/cli/cli.ts), before the rest of the command
 * is even loaded: start ripgrep's search of each folder of the command line (see `searchFolder`), so
 * that ripgrep works while the command loads. Only what that needs is in the first bundle: the
 * arguments, each folder's settings, the bundled catalogue's numbers. An early search is only a head
 * start: the check uses it when it would have started the very same search (same folder, patterns
 * and size limit, see `take`), and starts its own otherwise; any problem here (a bad argument or
 * settings file) is left for the check to report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledSnapshotNumbers } from '../core/catalogueSnapshotNumbers';
import { parseCliArgs } from './cliArgs';
import { searchFolder } from './ripgrepCheck';
import { chooseRipgrep } from './ripgrepListing';
import { folderExcludes, readWorkspaceSettings } from './workspaceSettings';

/** A search started early, with what it was started with. */
interface EarlySearch {
  readonly rg: string;
  readonly excludes: readonly string[];
  readonly maxFileSize: number;
  readonly prefix: string;
  readonly found: Promise<Map<string, boolean> | undefined>;
}

/** The searches started for one command line. */
export class EarlySearches {
  private readonly searches = new Map<string, EarlySearch>();

  /** Starts the searches `argv` (without `node` and the script) calls for; none for other commands. */
  static start(argv: readonly string[]): EarlySearches {
    const early = new EarlySearches();
    try {
      early.startAll(argv);
    } catch {
      // The check itself reports whatever went wrong.
    }
    return early;
  }

  private startAll(argv: readonly string[]): void {
    const args = parseCliArgs(argv);
    // `json` lists every citation: every file is read, no search is needed.
    if (args.command !== 'check' || args.format === 'json') {
      return;
    }
    const rg = chooseRipgrep(args.ripgrep);
    const catalogue = bundledSnapshotNumbers();
    if (!rg || !catalogue) {
      return;
    }
    for (const given of args.paths) {
      const root = path.resolve(given);
      if (this.searches.has(root) || !fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
        continue;
      }
      const settings = readWorkspaceSettings(root);
      const excludes = folderExcludes(settings, args.exclude);
      const found = searchFolder(rg.path, root, excludes, settings.maxFileSize, [catalogue]).catch(() => undefined);
      this.searches.set(root, { rg: rg.path, excludes, maxFileSize: settings.maxFileSize, prefix: catalogue.prefix, found });
    }
  }

  /**
   * The search started early in `root`, when it is the one the check would start (same ripgrep,
   * exclude patterns, size limit and catalogue); once only.
   */
  take(rg: string, root: string, excludes: readonly string[], maxFileSize: number, prefix: string): Promise<Map<string, boolean> | undefined> | undefined {
    const early = this.searches.get(root);
    this.searches.delete(root);
    const same = early !== undefined && early.rg === rg && early.maxFileSize === maxFileSize && early.prefix === prefix && early.excludes.length === excludes.length && early.excludes.every((e, k) => e === excludes[k]);
    return same ? early.found : undefined;
  }
}
