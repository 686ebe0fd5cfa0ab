import { CandidateLine, createLinePrefilter } from '../core/candidateLines';
import { DocumentContent, ScannedReference, scanDocument } from '../core/citationIndex';
import { MultiReferenceScanner } from '../core/multiReferenceScanner';
import { ReferenceScanner } from '../core/referenceScanner';
import type { ReaderWorkerData, ScannerSpec } from './readerProtocol';

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
  const scan = createScan(Array.isArray(spec) ? spec : [spec as ScannerSpec]);
  return {
    fromLines: (lines) => ({ kind: 'scanned', document: scanDocument(scan, lines) }),
    fromText: (text) => ({ kind: 'scanned', document: scanDocument(scan, prefilter(text)) }),
  };
}

/**
 * The scan of these catalogues, as the index's own: one catalogue, its `ReferenceScanner`; several,
 * a `MultiReferenceScanner` whose keys are their positions (`Citation.catalogue`).
 */
export function createScan(specs: readonly ScannerSpec[]): (text: string) => readonly ScannedReference[] {
  const scanners = specs.map((spec) => {
    const numbers = new Set(spec.numbers);
    return new ReferenceScanner(spec.prefix, (n) => numbers.has(n));
  });
  if (scanners.length === 1) {
    return (text) => scanners[0].scan(text);
  }
  const multi = new MultiReferenceScanner(specs.map((spec, catalogue) => ({ prefix: spec.prefix, scanner: scanners[catalogue], catalogue })));
  return (text) => multi.scan(text);
}
