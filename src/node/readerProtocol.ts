import type { CandidateLine } from '../core/candidateLines';

/** What a reader worker is started with (its `workerData`). */
export interface ReaderWorkerData {
  /** The catalogue prefixes: the worker keeps only lines holding one (or `egn-ignore`). */
  readonly prefixes: readonly string[];
}

/** A batch of files for a worker to read. */
export interface ReadRequest {
  readonly id: number;
  /** Absolute file system paths. */
  readonly paths: readonly string[];
  /** `egn.index.maxFileSize`: larger files are not read. */
  readonly maxFileSize: number;
}

/** What became of one file. */
export type ReadOutcome =
  | { readonly kind: 'lines'; readonly lines: readonly CandidateLine[] }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'binary' }
  /** Not a file (a folder, gone meanwhile) or unreadable. */
  | { readonly kind: 'failed'; readonly message: string };

/** A worker's answer to one `ReadRequest`: one outcome per path, in order. */
export interface ReadResponse {
  readonly id: number;
  readonly outcomes: readonly ReadOutcome[];
}
