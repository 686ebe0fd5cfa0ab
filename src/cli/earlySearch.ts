/**
 * The first thing `egn-cite check` does, as soon as its script is loaded (main.ts imports this module
 * before any other): start ripgrep's search of each folder of the command line (see `searchFolder`),
 * so that ripgrep works while the rest of the command is still loading. Only what that needs is
 * loaded before: the arguments, each folder's settings, the bundled catalogue's snapshot. An early
 * search is only a head start: the check uses it when it would have started the very same search
 * (same folder, patterns and size limit, see `takeEarlySearch`), and starts its own otherwise; any
 * problem here (a bad argument or settings file) is left for the check to report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { bundledCatalogueSnapshot } from '../core/catalogueSnapshot';
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

const searches = new Map<string, EarlySearch>();

function startEarlySearches(argv: readonly string[]): void {
  const args = parseCliArgs(argv);
  // `json` lists every citation: every file is read, no search is needed.
  if (args.command !== 'check' || args.format === 'json') {
    return;
  }
  const rg = chooseRipgrep(args.ripgrep);
  const bundled = bundledCatalogueSnapshot();
  if (!rg || !bundled) {
    return;
  }
  const catalogue = { prefix: bundled.prefix, numbers: bundled.proposals.map((p) => p.number) };
  for (const given of args.paths) {
    const root = path.resolve(given);
    if (searches.has(root) || !fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      continue;
    }
    const settings = readWorkspaceSettings(root);
    const excludes = folderExcludes(settings, args.exclude);
    const found = searchFolder(rg.path, root, excludes, settings.maxFileSize, [catalogue]).catch(() => undefined);
    searches.set(root, { rg: rg.path, excludes, maxFileSize: settings.maxFileSize, prefix: catalogue.prefix, found });
  }
}

/**
 * The search started early in `root`, when it is the one the check would start (same ripgrep,
 * exclude patterns, size limit and catalogue); once only.
 */
export function takeEarlySearch(rg: string, root: string, excludes: readonly string[], maxFileSize: number, prefix: string): Promise<Map<string, boolean> | undefined> | undefined {
  const early = searches.get(root);
  searches.delete(root);
  const same = early !== undefined && early.rg === rg && early.maxFileSize === maxFileSize && early.prefix === prefix && early.excludes.length === excludes.length && early.excludes.every((e, k) => e === excludes[k]);
  return same ? early.found : undefined;
}

try {
  // Only when this is the command itself (dist/cli.js run by Node), not a test importing it nor a thread.
  if (isMainThread && require.main === module) {
    startEarlySearches(process.argv.slice(2));
  }
} catch {
  // The check itself reports whatever went wrong.
}
