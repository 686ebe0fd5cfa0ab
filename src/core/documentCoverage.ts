import type { Catalogue } from './catalogue';
import { CitationIndex } from './citationIndex';
import { computeCoverage, Coverage } from './coverage';
import { DocumentScan, scannedDocumentOf } from './documentScans';

/**
 * One document's coverage of one catalogue, from the document's current text and its shared scan
 * (`DocumentScans`): only its own citations, saved or not, counted as the workspace report counts
 * them (the same `computeCoverage` over an index of this one document). Nothing is scanned again.
 */
export function documentCoverage(catalogue: Catalogue, uri: string, text: string, scan: DocumentScan): Coverage {
  const prefix = catalogue.prefix.toUpperCase();
  // An index of this one document and this one catalogue (position 0), fed the scan.
  const one = new CitationIndex(() => [], (n) => catalogue.byNumber(n) !== undefined);
  one.setContent(uri, { kind: 'scanned', document: scannedDocumentOf(scan, text, (c) => (c.catalogue.prefix.toUpperCase() === prefix ? 0 : undefined)) });
  return computeCoverage(catalogue, one, { uris: [uri] });
}
