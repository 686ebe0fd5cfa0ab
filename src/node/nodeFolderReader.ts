import type { Catalogue } from '../core/catalogue';
import { proseNeedlesOfVocabularies, proseVocabularyOf } from '../core/documentText';
import type { FastFolderReader } from '../core/fastFolderReader';
import { FileReaderPool } from './fileReaderPool';
import { readFolderCandidates } from './readFolderCandidates';
import { findRipgrep } from './ripgrep';

/** What the reader needs of a catalogue. */
type ReaderCatalogue = Pick<Catalogue, 'prefix' | 'proposals' | 'prose'>;

/**
 * The Node extension host's fast reader: ripgrep from VS Code's own install (`appRoot`), Node's `fs`
 * in worker threads when ripgrep is missing or fails. With several catalogues, every prefix is a
 * needle of the prefilter and the threads scan each (citations keyed by the catalogue's position).
 */
export function createNodeFolderReader(
  appRoot: string | undefined,
  catalogues: ReaderCatalogue | readonly ReaderCatalogue[],
): FastFolderReader {
  const list: readonly ReaderCatalogue[] = Array.isArray(catalogues) ? catalogues : [catalogues as ReaderCatalogue];
  const scanner = list.map((c) => ({ prefix: c.prefix, numbers: c.proposals.map((p) => p.number), prose: proseVocabularyOf(c) }));
  // The prefilter's needles: the prefixes, and the prose needles of catalogues that read prose.
  const prefixes = [...new Set([...list.map((c) => c.prefix), ...proseNeedlesOfVocabularies(scanner)])];
  // The threads scan too, with the extension's grammar and catalogues: the host thread only stores.
  // The index is background work: typing, hover and completion come first on a busy machine.
  const pool = new FileReaderPool({ prefixes, lowPriority: true, scanner });
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
