// The body of one reader thread of `FileReaderPool`: reads the files it is sent and answers with
// their candidate lines, so that decoding and the line prefilter run off the extension host's
// main thread and only the few lines that matter cross back.
import { parentPort, workerData } from 'node:worker_threads';
import { createLinePrefilter } from '../core/candidateLines';
import { readFileCandidates } from './readFileCandidates';
import type { ReaderWorkerData, ReadRequest, ReadResponse } from './readerProtocol';

/** Reads in flight per thread: enough to overlap the disk's latency. */
const IN_FLIGHT = 8;

const data = workerData as ReaderWorkerData;
const prefilter = createLinePrefilter(data.prefixes);

parentPort?.on('message', (request: ReadRequest) => {
  void (async () => {
    const outcomes = new Array<ReadResponse['outcomes'][number]>(request.paths.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < request.paths.length) {
        const k = next++;
        outcomes[k] = await readFileCandidates(request.paths[k], request.maxFileSize, prefilter);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, request.paths.length) }, lane));
    const response: ReadResponse = { id: request.id, outcomes };
    parentPort?.postMessage(response);
  })();
});
