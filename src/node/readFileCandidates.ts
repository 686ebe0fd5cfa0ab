import { promises as fs, readFileSync, statSync } from 'node:fs';
import type { DocumentContent } from '../core/citationIndex';
import { indexableText } from '../core/indexBuilder';
import type { ReadOutcome } from './readerProtocol';

/**
 * Reads one file from disk as the index needs it: skipped when larger than `maxFileSize` (by its
 * size on disk, then by the bytes read, since a file can grow in between) or binary, else its text
 * turned into index content by `contentOf` (candidate lines, scanned or not). The same decisions as
 * `buildIndex` over `workspace.fs`.
 */
export async function readFileCandidates(
  path: string,
  maxFileSize: number,
  contentOf: (text: string, path: string) => DocumentContent,
): Promise<ReadOutcome> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) {
      return { kind: 'failed', message: 'not a file' };
    }
    if (stat.size > maxFileSize) {
      return { kind: 'tooLarge' };
    }
    const bytes = await fs.readFile(path);
    if (bytes.length > maxFileSize) {
      return { kind: 'tooLarge' };
    }
    const text = indexableText(bytes);
    return text === undefined ? { kind: 'binary' } : { kind: 'content', content: contentOf(text, path) };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * `readFileCandidates`, synchronously: for a reader thread that meets, in ripgrep's output, a file
 * it must read whole (prose), where blocking costs nothing and a round trip to the calling thread
 * would wait for the end of ripgrep's run.
 */
export function readFileCandidatesSync(path: string, maxFileSize: number, contentOf: (text: string, path: string) => DocumentContent): ReadOutcome {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      return { kind: 'failed', message: 'not a file' };
    }
    if (stat.size > maxFileSize) {
      return { kind: 'tooLarge' };
    }
    const bytes = readFileSync(path);
    if (bytes.length > maxFileSize) {
      return { kind: 'tooLarge' };
    }
    const text = indexableText(bytes);
    return text === undefined ? { kind: 'binary' } : { kind: 'content', content: contentOf(text, path) };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
