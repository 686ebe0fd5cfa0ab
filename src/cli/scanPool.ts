import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DocumentScanner, type FileScan, type ScanCatalogue, type ScanMode } from './scanDocument';

/** What each worker is started with. */
interface WorkerSetup {
  readonly egnCiteScanWorker: true;
  readonly catalogues: readonly ScanCatalogue[];
  readonly maxFileSize: number;
  readonly mode: ScanMode;
}

/** Files sent to a worker at a time: large enough that messages cost little, small enough to balance the load. */
const BATCH = 128;
/** Below this many files, starting threads costs more than it saves: the main thread scans alone. */
const MIN_FILES_FOR_WORKERS = 400;
/** More threads than this only contend for the disk. */
const MAX_WORKERS = 8;

/** Options of `scanFiles`. */
export interface ScanOptions {
  readonly catalogues: readonly ScanCatalogue[];
  readonly maxFileSize: number;
  readonly mode: ScanMode;
  /** Called as files are done. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Overrides the number of worker threads (0: scan in the main thread). */
  readonly workers?: number;
}

/**
 * Reads and scans `files` (absolute paths), spread over worker threads that each read with Node's
 * synchronous fs and scan with the same `DocumentScanner`: reading and scanning run in parallel on
 * every core, as ripgrep does. The results come back in the order of `files`.
 *
 * The worker threads run this same script (`dist/cli.js`, or this module when compiled by tsc):
 * loading it in a worker serves scans (see `isScanWorker`).
 */
export async function scanFiles(files: readonly string[], options: ScanOptions): Promise<FileScan[]> {
  const threads = options.workers ?? (files.length < MIN_FILES_FOR_WORKERS ? 0 : Math.min(MAX_WORKERS, os.availableParallelism()));
  const results = new Array<FileScan>(files.length);
  if (threads === 0) {
    const scanner = new DocumentScanner(options.catalogues, options.maxFileSize);
    files.forEach((f, k) => {
      results[k] = scanner.scanFile(f, options.mode);
      options.onProgress?.(k + 1, files.length);
    });
    return results;
  }
  const setup: WorkerSetup = { egnCiteScanWorker: true, catalogues: options.catalogues, maxFileSize: options.maxFileSize, mode: options.mode };
  let next = 0;
  let done = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: setup });
      let batchStart = 0;
      const sendNext = (): void => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        batchStart = next;
        next = Math.min(files.length, next + BATCH);
        worker.postMessage(files.slice(batchStart, next));
      };
      worker.on('message', (batch: FileScan[]) => {
        batch.forEach((r, k) => {
          results[batchStart + k] = r;
        });
        done += batch.length;
        options.onProgress?.(done, files.length);
        sendNext();
      });
      worker.on('error', reject);
      worker.on('online', sendNext);
    });
  await Promise.all(Array.from({ length: Math.min(threads, Math.ceil(files.length / BATCH)) }, runWorker));
  return results;
}

/**
 * When this script runs as a scan worker, serves batches of files until terminated and returns
 * true; in the main thread, returns false at once.
 */
function runScanWorkerIfAny(): boolean {
  const setup = workerData as WorkerSetup | undefined;
  if (isMainThread || !parentPort || !setup?.egnCiteScanWorker) {
    return false;
  }
  const scanner = new DocumentScanner(setup.catalogues, setup.maxFileSize);
  const port = parentPort;
  port.on('message', (batch: string[]) => {
    port.postMessage(batch.map((f) => scanner.scanFile(f, setup.mode)));
  });
  return true;
}

/** True in a scan worker thread, where this module serves scans and the command must not run. */
export const isScanWorker = runScanWorkerIfAny();
