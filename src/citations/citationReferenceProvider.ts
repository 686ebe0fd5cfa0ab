import * as vscode from 'vscode';
import type { OpenDocumentScans } from '../catalogues/openDocumentScans';
import type { Citation } from '../core/citationIndex';
import type { CitationSource } from './citationSource';

/** Parsed document URIs: parsing thousands of URI strings per query is most of its cost. */
const uris = new Map<string, vscode.Uri>();
/** Past this many, the URI cache starts over rather than grow with every file ever indexed. */
const MAX_CACHED_URIS = 100_000;

function uriOf(key: string): vscode.Uri {
  let uri = uris.get(key);
  if (!uri) {
    if (uris.size >= MAX_CACHED_URIS) {
      uris.clear();
    }
    uri = vscode.Uri.parse(key);
    uris.set(key, uri);
  }
  return uri;
}

/** Where a citation is, as VS Code's `Location`. */
export function citationLocation(c: Citation): vscode.Location {
  return new vscode.Location(uriOf(c.uri), new vscode.Range(c.line, c.character, c.endLine, c.endCharacter));
}

/** The last answer, per index: Shift+F12 pressed again on the same number costs nothing. */
const lastAnswer = new WeakMap<CitationSource, { version: number; prefix: string; number: number; locations: vscode.Location[] }>();

/**
 * Every citation of a proposal of the catalogue of `prefix` (`EGN`, `FRA`) as `Location`s, cached
 * until the index changes.
 */
export function citationLocations(citations: CitationSource, number: number, prefix: string): vscode.Location[] {
  const last = lastAnswer.get(citations);
  const key = prefix.toUpperCase();
  if (last && last.version === citations.version && last.number === number && last.prefix === key) {
    return last.locations;
  }
  const found = citations.citationsOfProposal(key, number, { previews: false });
  const locations = found.map(citationLocation);
  lastAnswer.set(citations, { version: citations.version, prefix: key, number, locations });
  return locations;
}

/**
 * Find all references (Shift+F12) on `EGN-12` (or `FRA-1`, any catalogue in use): every citation of
 * that proposal in the workspace.
 * A proposal has no declaration in the workspace, so only citations are returned.
 */
export class CitationReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    /** The open documents' shared scans: the reference under the cursor, of any catalogue in use (`FRA-1` too). */
    private readonly scans: Pick<OpenDocumentScans, 'referenceAt'>,
    private readonly citations: CitationSource,
  ) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const ref = this.scans.referenceAt(document, position, 'references');
    if (!ref) {
      return undefined;
    }
    if (!(await this.citations.ready()) || token.isCancellationRequested) {
      return undefined;
    }
    return citationLocations(this.citations, ref.number, ref.catalogue.catalogue.prefix);
  }
}
