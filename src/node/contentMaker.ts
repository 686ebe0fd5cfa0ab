import { CandidateLine, createLinePrefilter } from '../core/candidateLines';
import { DocumentContent, scanDocument } from '../core/citationIndex';
import { ReferenceScanner } from '../core/referenceScanner';
import type { ReaderWorkerData } from './readerProtocol';

/** Turns candidate lines, or a whole text, into index content, scanned when `data.scanner` says so. */
export interface ContentMaker {
  fromLines(lines: readonly CandidateLine[]): DocumentContent;
  fromText(text: string): DocumentContent;
}

/** The content maker of a reader (a worker thread, or the calling thread when threads cannot run). */
export function createContentMaker(data: ReaderWorkerData): ContentMaker {
  const prefilter = createLinePrefilter(data.prefixes);
  const spec = data.scanner;
  if (!spec) {
    return {
      fromLines: (lines) => ({ kind: 'lines', lines }),
      fromText: (text) => ({ kind: 'lines', lines: prefilter(text) }),
    };
  }
  const numbers = new Set(spec.numbers);
  const scanner = new ReferenceScanner(spec.prefix, (n) => numbers.has(n));
  const scan = (text: string): ReturnType<ReferenceScanner['scan']> => scanner.scan(text);
  return {
    fromLines: (lines) => ({ kind: 'scanned', document: scanDocument(scan, lines) }),
    fromText: (text) => ({ kind: 'scanned', document: scanDocument(scan, prefilter(text)) }),
  };
}
