/**
 * Fast reading of a workspace folder on disk for the citation index, in plain Node (no `vscode`):
 * the one entry point that the extension (through `NodeFolderReader`) and the command line share.
 *
 * ```ts
 * import { readFolderCandidates } from './readFolderCandidates';
 * import { FileReaderPool } from './fileReaderPool';
 * import { findRipgrep } from './ripgrep';
 * const numbers = catalogue.proposals.map((p) => p.number);
 * const pool = new FileReaderPool({ prefixes: [catalogue.prefix], scanner: { prefix: catalogue.prefix, numbers } });
 * const stats = await readFolderCandidates({
 *   root, filter: createFileFilter({ include, exclude: excludes, maxFileSize }), include, excludes, maxFileSize,
 *   prefixes: [catalogue.prefix], ripgrep: findRipgrep(appRoot) ?? 'rg on the PATH, or undefined', pool,
 *   onFile: (relativePath, content) => index.setContent(keyOf(relativePath), content),
 * });
 * pool.dispose();
 * ```
 * `index` is a `CitationIndex` of the same scanner, built with `createLinePrefilter([catalogue.prefix])`:
 * `setContent` with what the readers deliver gives exactly what `set` gives with the whole text.
 * @module
 */
import * as path from 'node:path';
import type { DocumentContent } from '../core/citationIndex';
import type { FileFilter } from '../core/globMatcher';
import type { BuildFailure, CancellationFlag } from '../core/indexBuilder';
import type { FileReaderPool } from './fileReaderPool';
import { listFolderFiles } from './listFolderFiles';
import type { ReadOutcome } from './readerProtocol';

/** Options of `readFolderCandidates`. */
export interface FolderReadOptions {
  /** Absolute path of the folder. */
  readonly root: string;
  /** Decides which files count (include, exclude, `files.exclude`); always applied. */
  readonly filter: FileFilter;
  /** The include glob and exclude globs of `filter`, for ripgrep to narrow its listing. */
  readonly include: string;
  readonly excludes: readonly string[];
  readonly maxFileSize: number;
  /** The catalogue prefixes (`catalogue.prefix`). */
  readonly prefixes: readonly string[];
  /** A ripgrep executable, or undefined to read with Node's `fs` only. */
  readonly ripgrep: string | undefined;
  /** The reader threads (Node's `fs`), for the fallback and for files ripgrep cannot judge. */
  readonly pool: FileReaderPool;
  readonly token?: CancellationFlag;
  /** A file's content for the index. Files that cite nothing may be left out. */
  onFile(relativePath: string, content: DocumentContent): void;
  /** Files done, of `total` when known (ripgrep does not tell in advance). */
  onProgress?(done: number, total: number | undefined): void;
}

/** What a folder read did. */
export interface FolderReadStats {
  /** `ripgrep`, or `node` when there was none or it failed (`ripgrepError` then says why). */
  readonly via: 'ripgrep' | 'node';
  readonly ripgrepError?: string;
  /** Files handed to `onFile`. */
  readonly read: number;
  readonly skippedTooLarge: number;
  readonly skippedBinary: number;
  readonly failures: readonly BuildFailure[];
  readonly cancelled: boolean;
}

/**
 * Reads the candidate lines of every file of a folder that `filter` accepts: with ripgrep when
 * given (only files holding a needle come back), else by listing the folder and reading each file in
 * `pool`'s threads. Both give the same lines for every file that cites something.
 */
export async function readFolderCandidates(options: FolderReadOptions): Promise<FolderReadStats> {
  let ripgrepError: string | undefined;
  if (options.ripgrep) {
    try {
      return await viaRipgrep(options, options.ripgrep);
    } catch (e) {
      ripgrepError = e instanceof Error ? e.message : String(e);
    }
  }
  const relPaths = await listFolderFiles(options.root, options.filter, options.token);
  const stats = await readWithPool(options, relPaths, 0);
  return { via: 'node', ripgrepError, ...stats };
}

async function viaRipgrep(options: FolderReadOptions, rg: string): Promise<FolderReadStats> {
  const recheck: string[] = [];
  let read = 0;
  const search = { rg, root: options.root, include: options.include, excludes: options.excludes, maxFileSize: options.maxFileSize };
  const result = await options.pool.ripgrep(search, (files, rechecks) => {
    for (const [rel, content] of files) {
      if (options.filter.accepts(rel)) {
        options.onFile(rel, content);
        read++;
      }
    }
    recheck.push(...rechecks.filter((rel) => options.filter.accepts(rel)));
    options.onProgress?.(read, undefined);
  }, options.token);
  const more = await readWithPool(options, recheck, read);
  return { ...more, via: 'ripgrep', cancelled: result.cancelled || more.cancelled };
}

async function readWithPool(
  options: FolderReadOptions,
  relPaths: readonly string[],
  doneBefore: number,
): Promise<Omit<FolderReadStats, 'via' | 'ripgrepError'>> {
  const byPath = new Map(relPaths.map((rel) => [path.join(options.root, ...rel.split('/')), rel]));
  let read = doneBefore;
  let done = doneBefore;
  let skippedTooLarge = 0;
  let skippedBinary = 0;
  const failures: BuildFailure[] = [];
  await options.pool.read([...byPath.keys()], options.maxFileSize, (p, outcome: ReadOutcome) => {
    const rel = byPath.get(p) ?? p;
    done++;
    switch (outcome.kind) {
      case 'content':
        options.onFile(rel, outcome.content);
        read++;
        break;
      case 'tooLarge':
        skippedTooLarge++;
        break;
      case 'binary':
        skippedBinary++;
        break;
      case 'failed':
        failures.push({ uri: rel, message: outcome.message });
        break;
    }
    // The total is known only when the pool reads the whole folder.
    options.onProgress?.(done, doneBefore === 0 ? relPaths.length : undefined);
  }, options.token);
  return { read, skippedTooLarge, skippedBinary, failures, cancelled: options.token?.isCancellationRequested ?? false };
}
