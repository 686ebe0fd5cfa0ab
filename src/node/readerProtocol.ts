import type { MessagePort } from 'node:worker_threads';
import type { DocumentContent } from '../core/citationIndex';
import type { PackedDocuments } from '../core/scannedDocumentPack';
import type { ProseVocabulary } from '../core/proseScanner';
import type { RipgrepResult, RipgrepSearch } from './ripgrep';

/** What a reader worker is started with (its `workerData`). */
export interface ReaderWorkerData {
  /** The catalogue prefixes: the worker keeps only lines holding one (or `egn-ignore`). */
  readonly prefixes: readonly string[];
  /**
   * When given, the worker also scans the lines (`scanDocument`) with a `ReferenceScanner` of this
   * prefix that knows these proposal numbers (several catalogues: a `MultiReferenceScanner` keyed by
   * their position in the list), and sends `scanned` contents: the main thread then only stores them.
   */
  readonly scanner?: ScannerSpec | readonly ScannerSpec[];
  /** Run at low priority (see `FileReaderPoolOptions.lowPriority`). */
  readonly lowPriority?: boolean;
}

/** One catalogue as a reader thread scans it: its prefix and its proposal numbers. */
export interface ScannerSpec {
  readonly prefix: string;
  readonly numbers: readonly number[];
  /**
   * Its prose grammar's vocabulary, when it reads prose: a file whose candidate lines hold a prose
   * needle is then read whole (see `wholeTextReading`). The needles must be among `prefixes`.
   */
  readonly prose?: ProseVocabulary;
}

/** A batch of files for a worker to read. */
export interface ReadRequest {
  readonly kind: 'read';
  readonly id: number;
  /** Absolute file system paths. */
  readonly paths: readonly string[];
  /** `egn.index.maxFileSize`: larger files are not read. */
  readonly maxFileSize: number;
}

/** A ripgrep run for a worker to make and parse (see `spawnRipgrep`); the prefixes are the worker's own. */
export interface RipgrepRequest extends Pick<RipgrepSearch, 'rg' | 'root' | 'include' | 'excludes' | 'maxFileSize' | 'lowPriority'> {
  readonly kind: 'ripgrep';
  readonly id: number;
  /**
   * A port to a second thread (its `RipgrepHelpRequest`): chunks of ripgrep's output are shared
   * with it whenever it has room, so that two threads parse and scan.
   */
  readonly helper?: MessagePort;
}

/**
 * Parse and scan the chunks of ripgrep's output that arrive on `port` (see `RipgrepRequest.helper`),
 * answering `RipgrepFiles` for run `id`, then `RipgrepDone` once the port says `end`.
 */
export interface RipgrepHelpRequest {
  readonly kind: 'ripgrepHelp';
  readonly id: number;
  readonly port: MessagePort;
  /** The run's folder and size limit: a file to read whole (prose) is read by the helper itself. */
  readonly root?: string;
  readonly maxFileSize?: number;
}

/** What goes through a helper's port: chunks and `end` one way, `ack` per chunk the other. */
export type HelperMessage = { readonly kind: 'chunk'; readonly chunk: Uint8Array } | { readonly kind: 'end' } | { readonly kind: 'ack' };

/** Stops the ripgrep run `id`. */
export interface CancelRequest {
  readonly kind: 'cancel';
  readonly id: number;
}

export type WorkerRequest = ReadRequest | RipgrepRequest | RipgrepHelpRequest | CancelRequest;

/** What became of one file. */
export type ReadOutcome =
  | { readonly kind: 'content'; readonly content: DocumentContent }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'binary' }
  /** Not a file (a folder, gone meanwhile) or unreadable. */
  | { readonly kind: 'failed'; readonly message: string };

/** A worker's answer to one `ReadRequest`: one outcome per path, in order. */
export interface ReadResponse {
  readonly kind: 'read';
  readonly id: number;
  readonly outcomes: readonly ReadOutcome[];
}

/** Files a ripgrep run has finished (relative paths), and those to recheck with `ReadRequest`s. */
export interface RipgrepFiles {
  readonly kind: 'ripgrepFiles';
  readonly id: number;
  /** Files as candidate lines (a pool that does not scan). */
  readonly files: readonly (readonly [string, DocumentContent])[];
  /** Files scanned in the thread: their paths, and their documents in one transfer. */
  readonly scanned?: { readonly paths: readonly string[]; readonly documents: PackedDocuments };
  readonly recheck: readonly string[];
}

/** The end of a ripgrep run: its result, or why it failed. */
export interface RipgrepDone {
  readonly kind: 'ripgrepDone';
  readonly id: number;
  readonly result?: RipgrepResult;
  readonly error?: string;
  /** The run is over whatever other threads say (its threads were stopped). */
  readonly final?: boolean;
}

export type WorkerResponse = ReadResponse | RipgrepFiles | RipgrepDone;
