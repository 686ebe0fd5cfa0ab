import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalogue } from '../core/catalogue';
import { loadCatalogue } from '../core/catalogueLoader';
import { bundledCatalogueSnapshot } from '../core/catalogueSnapshot';

/** A loaded catalogue and where it comes from. */
export interface LoadedCatalogue {
  readonly catalogue: Catalogue;
  /** `bundled`, or the path of the workspace file, as shown to the user. */
  readonly source: string;
}

/** Problems of catalogue files, each `file:line:column: message`. */
export class CatalogueLoadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/**
 * The folder of the bundled catalogue: `data/` beside `dist/` (the built command) or the repository
 * root above `out/src/cli/` (the compiled tests), found by looking up from this script's folder.
 */
export function bundledDataDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'egn-2020.yaml'))) {
      return path.join(dir, 'data');
    }
    if (path.dirname(dir) === dir) {
      throw new CatalogueLoadError([`data/egn-2020.yaml: not found above ${from}; the command must stay beside the data/ folder of its repository.`]);
    }
  }
}

/** The catalogue in `file`, or undefined with its problems added to `problems`. */
function loadFile(file: string, shown: string, problems: string[]): Catalogue | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`${shown}:1:1: cannot read the catalogue: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const result = loadCatalogue(text);
  if (!result.ok) {
    problems.push(...result.errors.map((e) => `${shown}:${e.line}:${e.column}: ${e.message}`));
    return undefined;
  }
  return result.catalogue;
}

let bundledCatalogue: Catalogue | undefined;

/**
 * The bundled catalogue: the snapshot the build put in the command (see `catalogueSnapshot`), else
 * data/egn-2020.yaml in `dataDir()` (the tests compiled by tsc). Throws a `CatalogueLoadError`
 * when it does not load.
 */
export function loadBundledCatalogue(dataDir: () => string): Catalogue {
  if (!bundledCatalogue) {
    const problems: string[] = [];
    const file = bundledCatalogueSnapshot() === undefined ? path.join(dataDir(), 'egn-2020.yaml') : undefined;
    bundledCatalogue = file === undefined ? bundledCatalogueSnapshot() : loadFile(file, file, problems);
    if (!bundledCatalogue) {
      throw new CatalogueLoadError(problems);
    }
  }
  return bundledCatalogue;
}

/**
 * Loads the bundled catalogue (from the snapshot the build put in the command, see
 * `catalogueSnapshot`; else from `dataDir()`, the same YAML as the extension's), then, once the
 * listing resolves, the workspace catalogue files (those matching `egn.catalogues.include`), in the
 * order given, with the same loader. A file that does not load, or whose prefix is already taken, is a
 * configuration error: every problem is reported with its file, line and column, and nothing is
 * checked against a half-known set of catalogues.
 *
 * @param display Turns an absolute path into the name shown in messages.
 */
export async function loadCatalogues(dataDir: () => string, workspaceFiles: Promise<readonly string[]>, display: (file: string) => string): Promise<LoadedCatalogue[]> {
  const problems: string[] = [];
  // The bundled catalogue is ready while the workspace is still being listed.
  const loaded: LoadedCatalogue[] = [{ catalogue: loadBundledCatalogue(dataDir), source: 'bundled' }];
  for (const file of await workspaceFiles) {
    const shown = display(file);
    const catalogue = loadFile(file, shown, problems);
    if (!catalogue) {
      continue;
    }
    const taken = loaded.find((l) => l.catalogue.prefix.toUpperCase() === catalogue.prefix.toUpperCase());
    if (taken) {
      const line = lineOf(fs.readFileSync(file, 'utf8'), /^\s*"?prefix"?\s*:/m);
      problems.push(`${shown}:${line}:1: the prefix ${catalogue.prefix} is already used by ${taken.source === 'bundled' ? 'the bundled catalogue' : taken.source}.`);
      continue;
    }
    loaded.push({ catalogue, source: shown });
  }
  if (problems.length > 0) {
    throw new CatalogueLoadError(problems);
  }
  return loaded;
}

/** 1-based line of the first match of `re` in `text`, or 1. */
function lineOf(text: string, re: RegExp): number {
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}
