import type { CitationIndex } from './citationIndex';
import { FileFilter, isProbablyBinary, utf16Bom } from './globMatcher';

/** A candidate file of the workspace. */
export interface HostFile {
  /** Key of the document in the index (its URI as a string). */
  readonly uri: string;
  /** Path relative to its workspace folder, POSIX separators; what the filter's globs see. */
  readonly relativePath: string;
}

/** The file system as the index builder needs it (VS Code's `workspace.fs` in the extension). */
export interface IndexHost {
  /** The candidate files, usually already narrowed by the include and exclude globs. */
  findFiles(): Promise<readonly HostFile[]>;
  stat(uri: string): Promise<{ readonly size: number }>;
  readFile(uri: string): Promise<Uint8Array>;
}

/** A cancellation flag, such as VS Code's `CancellationToken`. */
export interface CancellationFlag {
  readonly isCancellationRequested: boolean;
}

/** Options of `buildIndex`. */
export interface BuildOptions {
  /** How many files may be read at once (at least 1). */
  readonly concurrency: number;
  readonly token?: CancellationFlag;
  /** Called after each file, read or skipped: `done` of `total` files. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A file that could not be read. */
export interface BuildFailure {
  readonly uri: string;
  readonly message: string;
}

/** What a build did. */
export interface BuildStats {
  /** Candidate files found by the host. */
  readonly found: number;
  readonly indexed: number;
  readonly skippedTooLarge: number;
  readonly skippedBinary: number;
  readonly skippedExcluded: number;
  readonly failed: number;
  /** The failures, for a log. */
  readonly failures: readonly BuildFailure[];
  /** True when the token stopped the build before every file was handled. */
  readonly cancelled: boolean;
}

/**
 * Reads the workspace's candidate files into `index`, at most `options.concurrency` at a time,
 * skipping those the filter excludes, those too large (by `stat`, then by the bytes actually read,
 * since a file can grow in between) and binary ones. Text is decoded as UTF-8 (a BOM is dropped),
 * or as UTF-16 when a UTF-16 BOM says so.
 *
 * A file that cannot be read (deleted meanwhile, no permission) is counted in `failed`; it never
 * stops the build. The index is not cleared first: a full rebuild clears it before. When cancelled,
 * the files already read stay in the index; the caller decides whether a partial index is kept.
 */
export async function buildIndex(
  host: IndexHost,
  index: Pick<CitationIndex, 'set'>,
  filter: FileFilter,
  options: BuildOptions,
): Promise<BuildStats> {
  const files = await host.findFiles();
  const total = files.length;
  const stats = { indexed: 0, skippedTooLarge: 0, skippedBinary: 0, skippedExcluded: 0, failed: 0 };
  const failures: BuildFailure[] = [];
  const cancelled = (): boolean => options.token?.isCancellationRequested ?? false;
  let next = 0;
  let done = 0;

  const handle = async (file: HostFile): Promise<void> => {
    if (!filter.accepts(file.relativePath)) {
      stats.skippedExcluded++;
      return;
    }
    try {
      const { size } = await host.stat(file.uri);
      if (!filter.acceptsSize(size)) {
        stats.skippedTooLarge++;
        return;
      }
      const bytes = await host.readFile(file.uri);
      if (!filter.acceptsSize(bytes.length)) {
        stats.skippedTooLarge++;
        return;
      }
      const text = indexableText(bytes);
      if (text === undefined) {
        stats.skippedBinary++;
      } else {
        index.set(file.uri, text);
        stats.indexed++;
      }
    } catch (e) {
      stats.failed++;
      failures.push({ uri: file.uri, message: e instanceof Error ? e.message : String(e) });
    }
  };

  // A fixed pool of workers pulling from one queue: never more than `concurrency` reads at once,
  // and a slow file holds up one worker only.
  const worker = async (): Promise<void> => {
    while (next < files.length && !cancelled()) {
      const file = files[next++];
      await handle(file);
      done++;
      options.onProgress?.(done, total);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, files.length));
  await Promise.all(Array.from({ length: workers }, worker));

  return { found: total, ...stats, failures, cancelled: done < total && cancelled() };
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** What `isProbablyBinary` looks at; a NUL there means binary. */
const SAMPLE = 8192;

/**
 * The text of a file, or undefined when it is binary (see `isProbablyBinary`). Valid UTF-8, by far
 * the common case, is decoded natively in one go; the byte-by-byte check of `isProbablyBinary`
 * runs only for files that are not. Every reading path (workspace.fs, Node's fs, ripgrep's
 * rechecks) decides through this one function.
 */
export function indexableText(bytes: Uint8Array): string | undefined {
  if (utf16Bom(bytes) !== undefined) {
    return decode(bytes);
  }
  if (bytes.subarray(0, SAMPLE).indexOf(0) !== -1) {
    return undefined;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Invalid UTF-8 somewhere: a legacy encoding (still worth indexing) or a binary file.
  }
  return isProbablyBinary(bytes) ? undefined : utf8.decode(bytes);
}

/** Text of a file: UTF-8 (BOM dropped, invalid bytes replaced), or UTF-16 after its BOM. */
export function decode(bytes: Uint8Array): string {
  const bom = utf16Bom(bytes);
  // TextDecoder drops the byte order mark of its own encoding (ignoreBOM is false by default).
  return bom ? new TextDecoder(bom).decode(bytes) : utf8.decode(bytes);
}
