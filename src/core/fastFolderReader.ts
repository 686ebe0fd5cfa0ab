import type { DocumentContent } from './citationIndex';
import type { FileFilter } from './globMatcher';
import type { BuildFailure, CancellationFlag } from './indexBuilder';

/** A folder on disk to read for the citation index. */
export interface FolderReadRequest {
  /** Absolute file system path of the folder. */
  readonly root: string;
  /** `egn.index.include` and the exclude globs behind `filter`, for a reader that can narrow by glob. */
  readonly include: string;
  readonly excludes: readonly string[];
  /** Decides which files count; always applied. */
  readonly filter: FileFilter;
  readonly maxFileSize: number;
  readonly token?: CancellationFlag;
  /** One file's content (see `CitationIndex.setContent`); files citing nothing may be left out. */
  onFile(relativePath: string, content: DocumentContent): void;
  /** Files done, of `total` when the reader knows it in advance. */
  onProgress?(done: number, total: number | undefined): void;
}

/** What reading a folder did, for the log. */
export interface FolderReadSummary {
  /** How it was read (`ripgrep`, `node`). */
  readonly via: string;
  /** Why a faster way was not used, if it failed. */
  readonly fallbackReason?: string;
  readonly read: number;
  readonly skippedTooLarge: number;
  readonly skippedBinary: number;
  readonly failures: readonly BuildFailure[];
  readonly cancelled: boolean;
}

/** One file read for the index: its content, or skipped (missing, too large, binary). */
export type FileReadResult = { readonly kind: 'content'; readonly content: DocumentContent } | { readonly kind: 'skipped' };

/**
 * Reads folders and files on the local disk faster than `workspace.fs` can (ripgrep, Node's `fs` in
 * threads). The Node extension host gets one (src/node/nodeFolderReader.ts); the web worker host
 * has none and reads everything through `workspace.fs`.
 */
export interface FastFolderReader {
  readFolder(request: FolderReadRequest): Promise<FolderReadSummary>;
  /** One file by absolute path, with the same decisions as a folder read. */
  readFile(path: string, maxFileSize: number): Promise<FileReadResult>;
  dispose(): void;
}
