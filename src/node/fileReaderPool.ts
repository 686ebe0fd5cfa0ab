import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DocumentContent } from '../core/citationIndex';
import { PackedDocuments, unpackScannedDocuments } from '../core/scannedDocumentPack';
import type { CancellationFlag } from '../core/indexBuilder';
import { ContentMaker, createContentMaker } from './contentMaker';
import { readFileCandidates } from './readFileCandidates';
import type { ReaderWorkerData, ReadOutcome, ScannerSpec, ReadRequest, ReadResponse, RipgrepRequest, WorkerRequest, WorkerResponse } from './readerProtocol';
import { RipgrepResult, runRipgrep } from './ripgrep';

/** Files per message to a thread: few enough to spread the work, enough to keep messages rare. */
const BATCH = 48;
/** Idle threads are stopped after this long, so that a quiet window holds no thread. */
const IDLE_MS = 15_000;

/** Options of `FileReaderPool`. */
export interface FileReaderPoolOptions {
  /** The catalogue's reference prefixes (`catalogue.prefix`): see `createLinePrefilter`. */
  readonly prefixes: readonly string[];
  /**
   * Scan in the threads too: `ReferenceScanner(prefix)` knowing these proposal numbers; outcomes
   * are then `scanned` contents (else candidate `lines`). Must match the index's own scanner.
   */
  readonly scanner?: ScannerSpec | readonly ScannerSpec[];
  /** Reader threads; by default the number of cores, between 1 and 4. */
  readonly threads?: number;
  /**
   * The compiled `readerWorker.js`. By default the one next to this module, which is where both
   * `tsc` (out/src/node/) and the extension's bundle (dist/, see scripts/build.mjs) put it. When it
   * is missing, files are read on the calling thread instead: same results, more main-thread time.
   */
  readonly workerScript?: string;
  /**
   * Background work: ripgrep runs at a lower priority, and so do the threads where a thread's
   * priority can be lowered alone (Linux); elsewhere lowering it would slow the whole extension host.
   * When the machine is otherwise idle this changes nothing; when it is busy, the editor comes first.
   */
  readonly lowPriority?: boolean;
}

/** The files of a packed batch, as contents for the index. */
function scannedFiles(paths: readonly string[], packed: PackedDocuments): (readonly [string, DocumentContent])[] {
  const documents = unpackScannedDocuments(packed);
  return paths.map((p, k) => [p, { kind: 'scanned', document: documents[k] }] as const);
}

interface Thread {
  readonly worker: Worker;
  busy: number;
}

/**
 * Reads files from disk for the citation index in a small pool of worker threads, as Node's `fs`
 * allows (not `vscode.workspace.fs`, which costs a round trip per file), or runs ripgrep from one
 * of them. Each thread decodes a file (`indexableText`: UTF-8, UTF-16 with BOM, Latin-1 tolerated,
 * binary skipped), applies `maxFileSize`, keeps only the candidate lines (`createLinePrefilter`)
 * and, with `options.scanner`, scans them too (`scanDocument`): the calling thread then only stores
 * the result with `CitationIndex.setContent`. Pure Node plus `src/core`: no `vscode` import, so that
 * the command line (`src/cli/`) can use it too.
 *
 * ```ts
 * const pool = new FileReaderPool({ prefixes: [catalogue.prefix], scanner: { prefix: catalogue.prefix, numbers } });
 * await pool.read(absolutePaths, maxFileSize, (p, outcome) => {
 *   if (outcome.kind === 'content') { index.setContent(uriOf(p), outcome.content); }
 * });
 * pool.dispose();
 * ```
 */
export class FileReaderPool {
  private threads: Thread[] | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (r: ReadResponse) => void>();
  private readonly ripgrepRuns = new Map<number, (r: WorkerResponse) => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly maker: ContentMaker;
  private disposed = false;
  /** Reads in progress: the threads stop only when none is. */
  private active = 0;

  constructor(private readonly options: FileReaderPoolOptions) {
    this.maker = createContentMaker(this.workerData());
  }

  /**
   * Reads `paths` (absolute), calling `onFile` once per path as results come in (in no particular
   * order). Stops handing out work once `token` is cancelled; resolves when every batch handed out
   * has answered.
   */
  async read(
    paths: readonly string[],
    maxFileSize: number,
    onFile: (path: string, outcome: ReadOutcome) => void,
    token?: CancellationFlag,
  ): Promise<void> {
    const threads = this.start();
    this.active++;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    let next = 0;
    const lane = async (thread: Thread | undefined): Promise<void> => {
      while (next < paths.length && !token?.isCancellationRequested && !this.disposed) {
        const batch = paths.slice(next, next + BATCH);
        next += batch.length;
        const outcomes = thread ? await this.send(thread, batch, maxFileSize) : await this.readHere(batch, maxFileSize);
        batch.forEach((p, k) => onFile(p, outcomes[k]));
      }
    };
    try {
      // Two batches per thread in flight, so that a thread never waits for the next message.
      await Promise.all(threads ? threads.flatMap((t) => [lane(t), lane(t)]) : [lane(undefined)]);
    } finally {
      this.active--;
      this.scheduleIdle();
    }
  }

  /** Reads one file the same way, on the calling thread (for single files after the build). */
  readOne(filePath: string, maxFileSize: number): Promise<ReadOutcome> {
    return readFileCandidates(filePath, maxFileSize, this.maker.fromText);
  }

  /**
   * Runs ripgrep (see `runRipgrep`) in a reader thread, so that parsing its output and scanning the
   * lines stay off the calling thread; `onFiles` receives finished files in batches. Rejects when
   * ripgrep cannot run.
   */
  async ripgrep(
    request: Omit<RipgrepRequest, 'kind' | 'id'>,
    onFiles: (files: readonly (readonly [string, DocumentContent])[], recheck: readonly string[]) => void,
    token?: CancellationFlag,
  ): Promise<RipgrepResult> {
    const threads = this.start();
    if (!threads) {
      const files: [string, DocumentContent][] = [];
      const recheck: string[] = [];
      const result = await runRipgrep({
        ...request,
        lowPriority: this.options.lowPriority,
        prefixes: this.options.prefixes,
        token,
        // A file holding a prose needle is read again whole (its paragraphs), as the threads do.
        onFile: (p, lines) => (this.maker.needsWholeText(lines) ? recheck.push(p) : files.push([p, this.maker.fromLines(lines)])),
        onRecheck: (p) => recheck.push(p),
      });
      onFiles(files, recheck);
      return result;
    }
    // The least busy thread runs ripgrep; a second one, when there is one, parses and scans half
    // of its output (`RipgrepRequest.helper`).
    const [thread, helper] = [...threads].sort((a, b) => a.busy - b.busy);
    const involved = helper ? [thread, helper] : [thread];
    const id = this.nextId++;
    this.active++;
    for (const t of involved) {
      t.busy++;
    }
    const watch = setInterval(() => {
      if (token?.isCancellationRequested) {
        for (const t of involved) {
          t.worker.postMessage({ kind: 'cancel', id } satisfies WorkerRequest);
        }
      }
    }, 50);
    try {
      return await new Promise<RipgrepResult>((resolve, reject) => {
        let waitingFor = involved.length;
        let files = 0;
        let cancelled = false;
        let error: string | undefined;
        this.ripgrepRuns.set(id, (r) => {
          if (r.kind === 'ripgrepFiles') {
            onFiles(r.scanned ? [...r.files, ...scannedFiles(r.scanned.paths, r.scanned.documents)] : r.files, r.recheck);
          } else if (r.kind === 'ripgrepDone') {
            files += r.result?.files ?? 0;
            cancelled ||= r.result?.cancelled ?? false;
            error ??= r.result ? undefined : (r.error ?? 'ripgrep failed');
            waitingFor = r.final ? 0 : waitingFor - 1;
            if (waitingFor === 0) {
              this.ripgrepRuns.delete(id);
              if (error === undefined) {
                resolve({ files, cancelled });
              } else {
                reject(new Error(error));
              }
            }
          }
        });
        if (helper) {
          const channel = new MessageChannel();
          helper.worker.postMessage({ kind: 'ripgrepHelp', id, port: channel.port2, root: request.root, maxFileSize: request.maxFileSize } satisfies WorkerRequest, [channel.port2]);
          thread.worker.postMessage({ kind: 'ripgrep', id, ...request, lowPriority: this.options.lowPriority, helper: channel.port1 } satisfies WorkerRequest, [channel.port1]);
        } else {
          thread.worker.postMessage({ kind: 'ripgrep', id, ...request, lowPriority: this.options.lowPriority } satisfies WorkerRequest);
        }
      });
    } finally {
      clearInterval(watch);
      for (const t of involved) {
        t.busy--;
      }
      this.active--;
      this.scheduleIdle();
    }
  }

  private workerData(): ReaderWorkerData {
    return { prefixes: this.options.prefixes, scanner: this.options.scanner, lowPriority: this.options.lowPriority };
  }

  /** Stops the threads. A `read` in progress resolves, its unread files as failed. */
  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private async readHere(batch: readonly string[], maxFileSize: number): Promise<ReadOutcome[]> {
    return Promise.all(batch.map((p) => readFileCandidates(p, maxFileSize, this.maker.fromText)));
  }

  private send(thread: Thread, paths: readonly string[], maxFileSize: number): Promise<readonly ReadOutcome[]> {
    const id = this.nextId++;
    thread.busy++;
    return new Promise((resolve) => {
      this.waiting.set(id, (r) => {
        thread.busy--;
        resolve(r.outcomes);
      });
      const request: ReadRequest = { kind: 'read', id, paths, maxFileSize };
      thread.worker.postMessage(request);
    });
  }

  /** The threads, started on first need; undefined when threads cannot run here. */
  private start(): Thread[] | undefined {
    if (this.threads) {
      return this.threads;
    }
    const script = this.options.workerScript ?? path.join(__dirname, 'readerWorker.js');
    if (!fs.existsSync(script)) {
      return undefined;
    }
    const count = this.options.threads ?? Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
    const workerData = this.workerData();
    try {
      this.threads = Array.from({ length: count }, () => {
        const worker = new Worker(script, { workerData });
        const thread: Thread = { worker, busy: 0 };
        worker.on('message', (r: WorkerResponse) => {
          if (r.kind === 'read') {
            const done = this.waiting.get(r.id);
            this.waiting.delete(r.id);
            done?.(r);
          } else {
            this.ripgrepRuns.get(r.id)?.(r);
          }
        });
        worker.on('error', (e) => this.failThread(thread, e));
        worker.on('exit', () => this.failThread(thread, new Error('reader thread exited')));
        return thread;
      });
    } catch {
      this.stop();
      return undefined;
    }
    return this.threads;
  }

  /**
   * A thread that died (out of memory, killed) must not leave a read waiting forever: every
   * pending batch is answered as failed and the pool starts fresh threads next time.
   */
  private failThread(thread: Thread, e: Error): void {
    if (!this.threads?.includes(thread)) {
      return;
    }
    this.stop(e.message);
  }

  private scheduleIdle(): void {
    if (this.disposed || this.active > 0) {
      return;
    }
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
    this.idleTimer.unref?.();
  }

  /** Stops the threads; batches still waiting are answered as failed, never left hanging. */
  private stop(reason = 'reading stopped'): void {
    const threads = this.threads;
    this.threads = undefined;
    for (const t of threads ?? []) {
      void t.worker.terminate();
    }
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const [id, done] of waiting) {
      done({ kind: 'read', id, outcomes: new Array<ReadOutcome>(BATCH).fill({ kind: 'failed', message: reason }) });
    }
    const runs = [...this.ripgrepRuns];
    this.ripgrepRuns.clear();
    for (const [id, done] of runs) {
      done({ kind: 'ripgrepDone', id, error: reason, final: true });
    }
  }
}
