// The body of one reader thread of `FileReaderPool`: reads the files it is sent, or runs ripgrep,
// and answers with their index content (candidate lines, scanned when asked), so that decoding,
// parsing ripgrep's output and scanning run off the extension host's main thread and only compact
// results cross back.
import { parentPort, workerData } from 'node:worker_threads';
import type { CandidateLine } from '../core/candidateLines';
import type { DocumentContent, ScannedDocument } from '../core/citationIndex';
import { packScannedDocuments } from '../core/scannedDocumentPack';
import { createContentMaker } from './contentMaker';
import { readFileCandidates, readFileCandidatesSync } from './readFileCandidates';
import * as nodePath from 'node:path';
import type { HelperMessage, ReaderWorkerData, ReadRequest, ReadResponse, RipgrepHelpRequest, RipgrepRequest, WorkerRequest, WorkerResponse } from './readerProtocol';
import { lowerPriority, parseRipgrepChunk, spawnRipgrep } from './ripgrep';

/** Reads in flight per thread: enough to overlap the disk's latency. */
const IN_FLIGHT = 8;
/** Files per message from a ripgrep run. */
const RIPGREP_BATCH = 64;

const data = workerData as ReaderWorkerData;
if (data.lowPriority && process.platform === 'linux') {
  // On Linux a thread has its own nice value: this lowers this thread only, not the extension host.
  lowerPriority(0);
}
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

/** Finished files of one ripgrep run, posted to the main thread in batches. */
class FileBatches {
  files = 0;
  private batch: [string, DocumentContent][] = [];
  private scannedPaths: string[] = [];
  private scanned: (ScannedDocument | undefined)[] = [];
  private recheck: string[] = [];

  /** @param whole Where a file to read whole is (ripgrep's folder) and the size limit; else it is rechecked. */
  constructor(private readonly id: number, private readonly whole?: { readonly root: string; readonly maxFileSize: number }) {}

  readonly onFile = (p: string, lines: CandidateLine[]): void => {
    let content: DocumentContent;
    if (maker.needsWholeText(lines)) {
      // Prose needs the file's paragraphs and headings, which ripgrep's lines do not have: read it
      // here, now (a recheck would wait for the end of the run), or recheck it when that fails.
      const outcome = this.whole ? readFileCandidatesSync(nodePath.join(this.whole.root, p), this.whole.maxFileSize, maker.fromText) : undefined;
      if (outcome?.kind !== 'content') {
        this.onRecheck(p);
        return;
      }
      content = outcome.content;
    } else {
      content = maker.fromLines(lines);
    }
    this.files++;
    if (content.kind === 'scanned') {
      this.scannedPaths.push(p);
      this.scanned.push(content.document);
    } else {
      this.batch.push([p, content]);
    }
    if (this.batch.length + this.scanned.length >= RIPGREP_BATCH) {
      this.send();
    }
  };

  readonly onRecheck = (p: string): void => {
    this.files++;
    this.recheck.push(p);
  };

  send(): void {
    if (this.batch.length > 0 || this.scanned.length > 0 || this.recheck.length > 0) {
      const documents = packScannedDocuments(this.scanned);
      const scanned = this.scanned.length > 0 ? { paths: this.scannedPaths, documents } : undefined;
      parentPort?.postMessage(
        { kind: 'ripgrepFiles', id: this.id, files: this.batch, scanned, recheck: this.recheck } satisfies WorkerResponse,
        scanned ? [documents.ints.buffer as ArrayBuffer, documents.bytes.buffer as ArrayBuffer] : [],
      );
      this.batch = [];
      this.scannedPaths = [];
      this.scanned = [];
      this.recheck = [];
    }
  }
}

/** Chunks a helper may hold at once: one being parsed, one waiting. */
const HELPER_ROOM = 2;

async function ripgrep(request: RipgrepRequest): Promise<void> {
  const batches = new FileBatches(request.id, { root: request.root, maxFileSize: request.maxFileSize });
  const helper = request.helper;
  let lent = 0;
  helper?.on('message', (m: HelperMessage) => {
    if (m.kind === 'ack') {
      lent--;
    }
  });
  try {
    const { rg, root, include, excludes, maxFileSize, lowPriority, id } = request;
    const result = await spawnRipgrep(
      { rg, root, include, excludes, maxFileSize, lowPriority, prefixes: data.prefixes, token: { get isCancellationRequested() { return cancelled.has(id); } } },
      (chunk) => {
        // The helper takes a chunk whenever it has room; this thread parses the others meanwhile.
        if (helper && lent < HELPER_ROOM) {
          lent++;
          helper.postMessage({ kind: 'chunk', chunk } satisfies HelperMessage, [chunk.buffer as ArrayBuffer]);
        } else {
          parseRipgrepChunk(chunk, batches);
        }
      },
    );
    batches.send();
    post({ kind: 'ripgrepDone', id: request.id, result: { files: batches.files, cancelled: result.cancelled } });
  } catch (e) {
    post({ kind: 'ripgrepDone', id: request.id, error: e instanceof Error ? e.message : String(e) });
  } finally {
    helper?.postMessage({ kind: 'end' } satisfies HelperMessage);
    helper?.close();
    cancelled.delete(request.id);
  }
}

function ripgrepHelp(request: RipgrepHelpRequest): void {
  const batches = new FileBatches(request.id, request.root !== undefined && request.maxFileSize !== undefined ? { root: request.root, maxFileSize: request.maxFileSize } : undefined);
  request.port.on('message', (m: HelperMessage) => {
    if (m.kind === 'chunk') {
      if (!cancelled.has(request.id)) {
        parseRipgrepChunk(m.chunk, batches);
        batches.send();
      }
      request.port.postMessage({ kind: 'ack' } satisfies HelperMessage);
    } else if (m.kind === 'end') {
      batches.send();
      post({ kind: 'ripgrepDone', id: request.id, result: { files: batches.files, cancelled: cancelled.has(request.id) } });
      cancelled.delete(request.id);
      request.port.close();
    }
  });
}

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'read':
      void read(request);
      break;
    case 'ripgrep':
      void ripgrep(request);
      break;
    case 'ripgrepHelp':
      ripgrepHelp(request);
      break;
    case 'cancel':
      cancelled.add(request.id);
      break;
  }
});
