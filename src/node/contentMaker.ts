import { CandidateLine, createLinePrefilter, linesHoldNeedle } from '../core/candidateLines';
import { DocumentContent, ScannedReference, scanDocument } from '../core/citationIndex';
import { layoutOfPath } from '../core/documentLayout';
import { wholeTextReading } from '../core/documentText';
import { MultiReferenceScanner } from '../core/multiReferenceScanner';
import { ReferenceScanner } from '../core/referenceScanner';
import type { ReaderWorkerData, ScannerSpec } from './readerProtocol';

/** Turns candidate lines, or a whole text, into index content, scanned when `data.scanner` says so. */
export interface ContentMaker {
  fromLines(lines: readonly CandidateLine[]): DocumentContent;
  /** `path` gives the layout (by its extension) of a text read whole for prose. */
  fromText(text: string, path: string): DocumentContent;
  /**
   * Whether a file of these candidate lines must be read whole (they hold a prose needle): ripgrep
   * gives lines only, so such a file is read again by `fromText`.
   */
  needsWholeText(lines: readonly CandidateLine[]): boolean;
}

/** The content maker of a reader (a worker thread, or the calling thread when threads cannot run). */
export function createContentMaker(data: ReaderWorkerData): ContentMaker {
  const prefilter = createLinePrefilter(data.prefixes);
  const spec = data.scanner;
  if (!spec) {
    return {
      fromLines: (lines) => ({ kind: 'lines', lines }),
      fromText: (text) => ({ kind: 'lines', lines: prefilter(text) }),
      needsWholeText: () => false,
    };
  }
  const specs = Array.isArray(spec) ? spec : [spec as ScannerSpec];
  const scan = createScan(specs);
  const numbers = specs.map((s) => new Set(s.numbers));
  const whole = wholeTextReading(scan, specs.map((s) => s.prose), (n, k) => numbers[k]?.has(n) ?? false);
  const needles = whole?.needles ?? [];
  // Lines are scanned for ids and, with prose, whole titles; a text holding a noun is read whole.
  const scanLine = whole ? (text: string) => whole.scanLine(text) : scan;
  return {
    fromLines: (lines) => ({ kind: 'scanned', document: scanDocument(scanLine, lines) }),
    fromText: (text, path) => {
      const lines = prefilter(text);
      return { kind: 'scanned', document: whole && linesHoldNeedle(lines, needles) ? whole.read(text, layoutOfPath(path)) : scanDocument(scanLine, lines) };
    },
    needsWholeText: (lines) => linesHoldNeedle(lines, needles),
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
