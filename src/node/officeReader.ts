import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ExtractionResult } from '../core/office/extractedText';
import type { OfficeRequest, OfficeResponse } from './officeProtocol';

/** Stop the thread after this long without work: a build's documents come in one burst. */
const IDLE_MS = 30_000;
/** A document still not answered after this long is given up (a pathological PDF). */
const DOCUMENT_TIMEOUT_MS = 20_000;

/** What the office thread answers, with whether the file was over the size limit. */
export type OfficeReadResult = ExtractionResult & { readonly tooLarge?: boolean };

/**
 * Extracts documents' text in one background thread (`officeWorker.js`), used by the extension's
 * Node host and by `egn-cite`: the same thread code, the same core reader. One thread: a build
 * reads its text files first, on the other threads; Office documents are fewer and come after.
 * A thread that dies or hangs answers every waiting document as unreadable and is replaced.
 */
export class OfficeReader {
  private worker: Worker | undefined;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: OfficeReadResult) => void; timer: ReturnType<typeof setTimeout> }>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly script: string = defaultScript()) {}

  /** The text of the file at `filePath`, read and extracted in the thread. */
  readFile(filePath: string, maxFileSize: number): Promise<OfficeReadResult> {
    return this.request({ name: path.basename(filePath), path: filePath, maxFileSize });
  }

  /** The text of a document whose bytes were read by the caller (`workspace.fs`). */
  readBytes(name: string, bytes: Uint8Array): Promise<OfficeReadResult> {
    return this.request({ name, bytes, maxFileSize: Number.MAX_SAFE_INTEGER });
  }

  private request(r: Omit<OfficeRequest, 'id'>): Promise<OfficeReadResult> {
    const worker = this.start();
    const id = ++this.next;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fail(`no answer in ${DOCUMENT_TIMEOUT_MS / 1000} s`), DOCUMENT_TIMEOUT_MS);
      this.waiting.set(id, { resolve, timer });
      worker.postMessage({ ...r, id } satisfies OfficeRequest);
    });
  }

  private start(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const worker = new Worker(this.script);
    worker.on('message', (m: OfficeResponse) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (w) {
        clearTimeout(w.timer);
        w.resolve({ ...m.result, ...(m.tooLarge ? { tooLarge: true } : {}) });
      }
      if (this.waiting.size === 0) {
        this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
        this.idleTimer.unref?.();
      }
    });
    worker.on('error', (e) => this.fail(e.message));
    worker.on('exit', () => this.fail('the document thread exited'));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Answers every waiting document as unreadable and drops the thread (a new one on next need). */
  private fail(reason: string): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    this.stop();
    for (const w of waiting) {
      clearTimeout(w.timer);
      w.resolve({ ok: false, reason: `cannot be read (${reason})` });
    }
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
  }

  dispose(): void {
    this.fail('reading stopped');
  }
}

/** `officeWorker.js` beside this module: dist/ in the bundles, out/src/node/ in the tests. */
function defaultScript(): string {
  return path.join(__dirname, 'officeWorker.js');
}
