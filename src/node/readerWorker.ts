// The body of one reader thread of `FileReaderPool`: reads the files it is sent, or runs ripgrep,
// and answers with their index content (candidate lines, scanned when asked), so that decoding,
// parsing ripgrep's output and scanning run off the extension host's main thread and only compact
// results cross back.
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentContent } from '../core/citationIndex';
import { createContentMaker } from './contentMaker';
import { readFileCandidates } from './readFileCandidates';
import type { ReaderWorkerData, ReadRequest, ReadResponse, RipgrepRequest, WorkerRequest, WorkerResponse } from './readerProtocol';
import { runRipgrep } from './ripgrep';

/** Reads in flight per thread: enough to overlap the disk's latency. */
const IN_FLIGHT = 8;
/** Files per message from a ripgrep run. */
const RIPGREP_BATCH = 64;

const data = workerData as ReaderWorkerData;
const maker = createContentMaker(data);
const cancelled = new Set<number>();

function post(message: WorkerResponse): void {
  parentPort?.postMessage(message);
}

async function read(request: ReadRequest): Promise<void> {
  const outcomes = new Array<ReadResponse['outcomes'][number]>(request.paths.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < request.paths.length) {
      const k = next++;
      outcomes[k] = await readFileCandidates(request.paths[k], request.maxFileSize, maker.fromText);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, request.paths.length) }, lane));
  post({ kind: 'read', id: request.id, outcomes });
}

async function ripgrep(request: RipgrepRequest): Promise<void> {
  let files: [string, DocumentContent][] = [];
  let recheck: string[] = [];
  const send = (): void => {
    if (files.length > 0 || recheck.length > 0) {
      post({ kind: 'ripgrepFiles', id: request.id, files, recheck });
      files = [];
      recheck = [];
    }
  };
  try {
    const result = await runRipgrep({
      ...request,
      prefixes: data.prefixes,
      token: { get isCancellationRequested() { return cancelled.has(request.id); } },
      onFile: (p, lines) => {
        files.push([p, maker.fromLines(lines)]);
        if (files.length >= RIPGREP_BATCH) {
          send();
        }
      },
      onRecheck: (p) => recheck.push(p),
    });
    send();
    post({ kind: 'ripgrepDone', id: request.id, result });
  } catch (e) {
    post({ kind: 'ripgrepDone', id: request.id, error: e instanceof Error ? e.message : String(e) });
  } finally {
    cancelled.delete(request.id);
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'read':
      void read(request);
      break;
    case 'ripgrep':
      void ripgrep(request);
      break;
    case 'cancel':
      cancelled.add(request.id);
      break;
  }
});
