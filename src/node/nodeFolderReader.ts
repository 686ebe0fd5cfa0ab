import type { FastFolderReader } from '../core/fastFolderReader';
import { FileReaderPool } from './fileReaderPool';
import { readFolderCandidates } from './readFolderCandidates';
import { findRipgrep } from './ripgrep';

/**
 * The Node extension host's fast reader: ripgrep from VS Code's own install (`appRoot`), Node's `fs`
 * in worker threads when ripgrep is missing or fails.
 */
export function createNodeFolderReader(
  appRoot: string | undefined,
  catalogue: { readonly prefix: string; readonly proposals: readonly { readonly number: number }[] },
): FastFolderReader {
  const prefixes = [catalogue.prefix];
  // The threads scan too, with the extension's grammar and catalogue: the host thread only stores.
  const pool = new FileReaderPool({ prefixes, scanner: { prefix: catalogue.prefix, numbers: catalogue.proposals.map((p) => p.number) } });
  const ripgrep = findRipgrep(appRoot);
  return {
    async readFolder(request) {
      const stats = await readFolderCandidates({ ...request, prefixes, ripgrep, pool });
      const fallbackReason = ripgrep ? stats.ripgrepError : `no ripgrep under ${appRoot ?? '(no appRoot)'}`;
      return { ...stats, fallbackReason };
    },
    async readFile(path, maxFileSize) {
      const outcome = await pool.readOne(path, maxFileSize);
      return outcome.kind === 'content' ? outcome : { kind: 'skipped' };
    },
    dispose: () => pool.dispose(),
  };
}
