import type { TextLayout } from '../core/textLayout';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createLinePrefilter, linesNotIgnored, type CandidateLine } from '../core/candidateLines';
import type { Reference } from '../core/reference';
import { CitationIndex } from '../core/citationIndex';
import { indexableText } from '../core/indexBuilder';
import { ReferenceScanner } from '../core/referenceScanner';
import { brokenRule } from '../core/referenceRules';
import { layoutOfPath } from '../core/documentLayout';
import { wholeTextReading, type WholeTextReading } from '../core/documentText';
import type { ProseVocabulary } from '../core/proseScanner';
import { linesHoldNeedle } from '../core/candidateLines';

/** What a check needs of a catalogue; plain data, so that it can be sent to a thread. */
export interface CheckCatalogue {
  readonly prefix: string;
  /** The proposal numbers that exist. */
  readonly numbers: readonly number[];
  /** Its prose vocabulary, when it reads prose (a file holding a prose needle is then read whole). */
  readonly prose?: ProseVocabulary;
}

/** Which citations come back: only those of numbers that do not exist (not implied), or all. */
export type CheckMode = 'unknown' | 'all';

/**
 * One citation: `[catalogue, number, line, character, endLine, endCharacter, flags]`, 0-based in
 * UTF-16 units as VS Code counts them. A tuple: results cross threads by structured clone, where
 * arrays of numbers are far cheaper than objects.
 */
export type CheckedCitation = readonly [number, number, number, number, number, number, number, (string | undefined)?, string?];
/**
 * The eighth element of a `CheckedCitation`, only when the number cannot show the digits as written
 * (past 2^53: rounded, or `Infinity`): those digits, leading zeros dropped (see `writtenNumber`).
 */
function withDigits(citation: CheckedCitation, digits: string | undefined): CheckedCitation {
  return digits === undefined ? citation : [...citation.slice(0, 7), digits] as unknown as CheckedCitation;
}

/** `CheckedCitation` flag: a proposal with that number exists. */
export const EXISTS = 1;
/** `CheckedCitation` flag: a number only implied by a range (the 4 of `EGN-3 à 5`). */
export const IMPLIED = 2;
/**
 * `CheckedCitation` flag: a hint, not a citation: a reference to an existing proposal of any
 * catalogue written in a variant form (`EGN 12`), which the editor hints about when
 * `egn.diagnostics.nonCanonicalHint` is on; its ninth element is the reference as written.
 */
export const HINT = 4;
/** `CheckedCitation` flag: read from prose (« la proposition n° 12 »). */
export const PROSE = 8;
/** `CheckedCitation` flag: a proposal's full title. */
export const TITLE = 16;

/** What became of one file. */
export type CheckedFile =
  | { readonly kind: 'read'; readonly citations: readonly CheckedCitation[] }
  | { readonly kind: 'tooLarge' | 'binary' }
  | { readonly kind: 'failed'; readonly message: string };

/** A batch for a thread. */
interface CheckRequest {
  readonly paths: readonly string[];
  readonly maxFileSize: number;
  /** Whether to report non-canonical references too (see `HINT`). */
  readonly hints: boolean;
}

/** Files per message: large enough that messages cost little, small enough to balance the threads. */
const BATCH = 64;
/** More threads than this only contend for the disk. */
const MAX_THREADS = 8;

/**
 * Checks files as the editor's index reads them, one `CitationIndex` per catalogue with the line
 * prefilter (`createLinePrefilter`), the decoding rules (`indexableText`) and the ignore markers of
 * the index, and keeps what a check reports. Used inside each thread, and on the main thread for a
 * handful of files.
 */
export class FileChecker {
  private readonly indexes: readonly CitationIndex[];
  private readonly scanners: readonly ReferenceScanner[];
  private readonly prefilter: (text: string) => ReturnType<ReturnType<typeof createLinePrefilter>>;
  /** Per catalogue, how a file holding a prose needle is read (whole), as the editor's index reads it. */
  private readonly whole: readonly (WholeTextReading | undefined)[];

  constructor(catalogues: readonly CheckCatalogue[], private readonly mode: CheckMode) {
    // A table, not a Set: asked once per reference, hundreds of thousands of times in a large workspace.
    const exists = catalogues.map((c) => {
      const table = new Uint8Array(Math.max(0, ...c.numbers) + 1);
      for (const n of c.numbers) {
        table[n] = 1;
      }
      return (n: number): boolean => n < table.length && table[n] === 1;
    });
    this.scanners = catalogues.map((c, k) => new ReferenceScanner(c.prefix, exists[k]));
    this.whole = this.scanners.map((scanner, k) => wholeTextReading((text) => scanner.scan(text), [catalogues[k].prose], (n) => exists[k](n)));
    this.prefilter = createLinePrefilter([...catalogues.map((c) => c.prefix), ...this.whole.flatMap((w) => w?.lineNeedles ?? [])]);
    // Lines are scanned for ids and whole titles (`scanLine`), as the editor's index scans them.
    this.indexes = this.scanners.map((scanner, k) => {
      const whole = this.whole[k];
      return new CitationIndex(whole ? (text) => whole.scanLine(text) : (text) => scanner.scan(text), exists[k], this.prefilter);
    });
  }

  /**
   * Reads one file with the index's rules (over `maxFileSize` or binary: skipped) and returns its
   * citations.
   */
  check(file: string, maxFileSize: number, hints = false): CheckedFile {
    const bytes = readWhole(file, maxFileSize);
    if (!Buffer.isBuffer(bytes)) {
      return bytes;
    }
    return this.checkBytes(file, bytes, hints);
  }

  private checkBytes(file: string, bytes: Buffer, hints: boolean): CheckedFile {
    const text = indexableText(bytes);
    if (text === undefined) {
      return { kind: 'binary' };
    }
    return this.checkText(file, text, hints);
  }

  /**
   * The citations of a text: a file's, or a Word, LibreOffice or PDF document's extracted text.
   * `layout` (an extracted text's paragraphs and headings) is what the prose grammar reads its
   * context by; without it, the file's extension says it.
   */
  checkText(file: string, text: string, hints = false, layout?: TextLayout): CheckedFile {
    const lines = this.prefilter(text);
    const citations: CheckedCitation[] = [];
    if (lines.length === 0) {
      return { kind: 'read', citations };
    }
    if (this.whole.some((w) => w && linesHoldNeedle(lines, w.needles))) {
      return this.checkWholeText(file, text, lines, hints, citations, layout ?? layoutOfPath(file));
    }
    if (this.mode === 'unknown') {
      // Only the warnings (and hints): the index's own steps (candidate lines, ignore markers, one
      // scan per line, since no reference spans a line break) without storing citations and their previews.
      this.scanKept(linesNotIgnored(lines), this.scanners.length, (k, ref, line, start, end, written) => {
        const rule = brokenRule(ref, hints);
        if (rule === 'unknownProposal') {
          const digits = Number.isSafeInteger(ref.number) ? undefined : ref.digits.replace(/^0+(?=\d)/, '');
          citations.push(withDigits([k, ref.number, line, start, line, end, 0], digits));
        } else if (rule === 'nonCanonical') {
          citations.push([k, ref.number, line, start, line, end, EXISTS | HINT, undefined, written()]);
        }
      });
      return { kind: 'read', citations };
    }
    if (hints) {
      // The warnings come from the indexes below.
      this.pushHints(lines, citations);
    }
    const uri = pathToFileURL(file).href;
    this.indexes.forEach((index, k) => {
      index.setLines(uri, lines);
      for (const c of index.documentCitations(uri)) {
        const flags = (c.exists ? EXISTS : 0) | (c.implied ? IMPLIED : 0);
        if (this.mode === 'all' || flags === 0) {
          citations.push(withDigits([k, c.number, c.line, c.character, c.endLine, c.endCharacter, flags], c.digits));
        }
      }
      // The thread keeps no document: only this file's answer mattered.
      index.delete(uri);
    });
    return { kind: 'read', citations };
  }

  /** The non-canonical hints of every catalogue on the lines the markers keep, by the one rule table. */
  private pushHints(lines: readonly CandidateLine[], citations: CheckedCitation[]): void {
    this.scanKept(linesNotIgnored(lines), this.scanners.length, (k, ref, line, start, end, written) => {
      if (brokenRule(ref, true) === 'nonCanonical') {
        citations.push([k, ref.number, line, start, line, end, EXISTS | HINT, undefined, written()]);
      }
    });
  }

  /**
   * A file holding a prose needle: every catalogue's citations as the editor's index reads them
   * (ids and prose, the whole text under the layout of its extension), and the hints of variants.
   */
  private checkWholeText(file: string, text: string, lines: readonly CandidateLine[], hints: boolean, citations: CheckedCitation[], layout: TextLayout): CheckedFile {
    if (hints) {
      this.pushHints(lines, citations);
    }
    const uri = pathToFileURL(file).href;
    this.indexes.forEach((index, k) => {
      const whole = this.whole[k];
      index.setContent(uri, whole ? { kind: 'scanned', document: whole.read(text, layout) } : { kind: 'lines', lines });
      for (const c of index.documentCitations(uri)) {
        const flags = (c.exists ? EXISTS : 0) | (c.implied ? IMPLIED : 0) | (c.form === 'prose' ? PROSE : c.form === 'title' ? TITLE : 0);
        if (this.mode === 'all' || (flags & (EXISTS | IMPLIED)) === 0) {
          citations.push(withDigits([k, c.number, c.line, c.character, c.endLine, c.endCharacter, flags], c.digits));
        }
      }
      index.delete(uri);
    });
    return { kind: 'read', citations };
  }

  /**
   * Scans `kept` lines with the first `count` scanners and calls `found` with each reference, its
   * 0-based line and its start and end on that line, and its text as written. The lines are joined
   * by line breaks and scanned in one call (a call per line costs more than the scan itself); a
   * reference never spans a line break, so each is found as on its own line.
   */
  private scanKept(kept: readonly CandidateLine[], count: number, found: (k: number, ref: Reference, line: number, start: number, end: number, written: () => string) => void): void {
    if (kept.length === 0) {
      return;
    }
    const joined = kept.length === 1 ? kept[0].text : kept.map((l) => l.text).join('\n');
    this.scanners.slice(0, count).forEach((scanner, k) => {
      let at = 0;
      let lineStart = 0;
      for (const ref of scanner.scan(joined)) {
        while (at + 1 < kept.length && lineStart + kept[at].text.length < ref.start) {
          lineStart += kept[at].text.length + 1;
          at++;
        }
        found(k, ref, kept[at].line, ref.start - lineStart, ref.end - lineStart, () => joined.slice(ref.start, ref.end));
      }
    });
  }
}

/**
 * The script a thread runs: `checkThread.js` beside this one (dist/ after `npm run build`, out/src/cli/
 * after tsc), a small bundle that boots several times faster than the whole command; else this
 * module itself, which serves checks just as well when loaded in a thread.
 */
function threadScript(): string {
  const small = path.join(__dirname, 'checkThread.js');
  return fs.existsSync(small) ? small : __filename;
}

/**
 * A whole file's bytes, or why not: over `maxFileSize`, or unreadable. Synchronous reads: in a thread
 * of its own, blocking costs nothing, and it saves the round trips of asynchronous fs through libuv's
 * pool (half the time on many small files).
 */
function readWhole(file: string, maxFileSize: number): Buffer | CheckedFile {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > maxFileSize) {
      return { kind: 'tooLarge' };
    }
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, bytes, read, size - read, null);
      if (n === 0) {
        break;
      }
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  } finally {
    if (fd !== undefined) {
      fs.closeSync(fd);
    }
  }
}

/** Options of `CheckThreads.check`. */
export interface CheckOptions {
  readonly catalogues: readonly CheckCatalogue[];
  readonly maxFileSize: number;
  readonly mode: CheckMode;
  readonly onProgress?: (done: number, total: number) => void;
  /** Report non-canonical references of the bundled catalogue too (see `HINT`). */
  readonly hints?: boolean;
}

/** Messages to a check thread: its catalogues first, then batches of files. */
type CheckMessage = { readonly kind: 'setup'; readonly catalogues: readonly CheckCatalogue[]; readonly mode: CheckMode } | ({ readonly kind: 'batch' } & CheckRequest);

/**
 * Threads that each read with Node's synchronous fs and check with `FileChecker`: reading, decoding
 * and scanning run on every core at once, as ripgrep does. They are started first thing (a thread
 * takes a while to boot), while the main thread lists the files and loads the catalogues. The threads
 * run `checkThread.js` (see `threadScript`), which loads this module; loaded in a thread, it serves
 * checks (see `isCheckThread`).
 */
export class CheckThreads {
  private readonly workers: Worker[];
  /** A thread that failed (it could not start, or crashed): the check fails with it rather than hang. */
  private failure: Error | undefined;

  /** @param count Threads to start; by default one per core. */
  constructor(count = Math.min(MAX_THREADS, os.availableParallelism())) {
    this.workers = Array.from({ length: Math.max(0, count) }, () => {
      const worker = new Worker(threadScript(), { workerData: { egnCiteCheckThread: true } });
      worker.on('error', (e) => {
        this.failure = e;
      });
      return worker;
    });
  }

  /** Checks `files` (absolute paths); the results come back in the order of `files`. */
  async check(files: readonly string[], options: CheckOptions): Promise<CheckedFile[]> {
    const results = new Array<CheckedFile>(files.length);
    const threads = this.workers.slice(0, Math.ceil(files.length / BATCH));
    if (threads.length === 0 || files.length <= BATCH) {
      // A few files: the round trip to a thread would cost more than reading them here.
      const checker = new FileChecker(options.catalogues, options.mode);
      files.forEach((f, k) => {
        results[k] = checker.check(f, options.maxFileSize, options.hints ?? false);
        options.onProgress?.(k + 1, files.length);
      });
      return results;
    }
    let next = 0;
    let done = 0;
    const lane = (worker: Worker): Promise<void> =>
      new Promise((resolve, reject) => {
        let batchStart = 0;
        const sendNext = (): void => {
          if (next >= files.length) {
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve();
            return;
          }
          batchStart = next;
          next = Math.min(files.length, next + BATCH);
          const message: CheckMessage = { kind: 'batch', paths: files.slice(batchStart, next), maxFileSize: options.maxFileSize, hints: options.hints ?? false };
          worker.postMessage(message);
        };
        const onMessage = (batch: CheckedFile[]): void => {
          batch.forEach((r, k) => {
            results[batchStart + k] = r;
          });
          done += batch.length;
          options.onProgress?.(done, files.length);
          sendNext();
        };
        if (this.failure) {
          reject(this.failure);
          return;
        }
        worker.on('message', onMessage);
        worker.on('error', reject);
        const setup: CheckMessage = { kind: 'setup', catalogues: options.catalogues, mode: options.mode };
        worker.postMessage(setup);
        sendNext();
      });
    await Promise.all(threads.map(lane));
    return results;
  }

  /** Stops the threads. */
  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** In a check thread, serves batches until terminated and returns true; on the main thread, false. */
function serveChecksIfThread(): boolean {
  const data = workerData as { egnCiteCheckThread?: boolean } | undefined;
  if (isMainThread || !parentPort || !data?.egnCiteCheckThread) {
    return false;
  }
  const port = parentPort;
  let checker: FileChecker | undefined;
  port.on('message', (message: CheckMessage) => {
    if (message.kind === 'setup') {
      checker = new FileChecker(message.catalogues, message.mode);
    } else if (checker) {
      const c = checker;
      port.postMessage(message.paths.map((f) => c.check(f, message.maxFileSize, message.hints)));
    }
  });
  return true;
}

/** True in a check thread, where this module serves checks and the command itself must not run. */
export const isCheckThread = serveChecksIfThread();
