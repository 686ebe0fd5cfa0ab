import type { CandidateLine } from './candidateLines';
import type { CatalogueSet, LoadedCatalogue } from './catalogueSet';
import { MAX_RECORDS_PER_DOCUMENT, ScannedDocument, scanDocument, ScannedReference } from './citationIndex';
import { IgnoreMarkers, readIgnoreMarkers, withoutIgnored } from './ignoreMarkers';
import { layoutOfLanguage } from './documentLayout';
import { PROSE_OFF, ProseSettings, withProse } from './documentText';
import type { KeyedReference } from './multiReferenceScanner';
import type { TextLayout } from './textLayout';

const PLAIN_TEXT: TextLayout = { kind: 'plaintext' };

/** A reference of any catalogue in use, with its catalogue. */
export type SetReference = KeyedReference<LoadedCatalogue>;

/** What the cache needs of an open document: VS Code's `TextDocument` has it. */
export interface VersionedText {
  /** The document's URI, as a string (the cache's key). */
  readonly uri: string;
  /** Increments on every change of the text while the document is open. */
  readonly version: number;
  /**
   * What stands for this opening of the document (VS Code's `TextDocument` object): a document closed
   * and opened again, or an untitled name given again, starts over at version 1 with another
   * object, and must not get the scan of the old one, even if the close was not heard yet.
   */
  readonly identity?: object;
  /** The document's language (VS Code's language id), for the prose grammar's layout; plain text when absent. */
  readonly languageId?: string;
  getText(): string;
}

/**
 * References kept per document, as the citation index keeps records: a hostile or generated
 * document (1 MB of `EGN-1 à 41 `) would otherwise cost tens of MB on every change.
 */
export const MAX_SCANNED_REFERENCES = MAX_RECORDS_PER_DOCUMENT;

/** Text scanned at a time, cut at a line break: the scan can stop at the cap without reading the rest. */
const CHUNK = 64 * 1024;

/** One scan of one version of a document, with every catalogue of one set. */
export interface DocumentScan {
  readonly uri: string;
  readonly version: number;
  /** The catalogues the scan was made with. */
  readonly set: CatalogueSet;
  /** The prose settings it was made with (prose citations are in `references` when enabled). */
  readonly prose: ProseSettings;
  /**
   * Every reference, ignored or not, in order of `start` (document offsets): what the writer sees
   * (hover, links, definition, quick fixes) whatever the markers say.
   */
  readonly references: readonly SetReference[];
  /** The references the markers leave in: what counts (index, coverage, status bar, warnings). */
  readonly counted: readonly SetReference[];
  readonly markers: IgnoreMarkers;
  /** Whether references past `MAX_SCANNED_REFERENCES` were left out. */
  readonly capped: boolean;
}

/** How the cache was used, for tests and benchmarks: whole-document scans, and reads by reader. */
export interface DocumentScanStats {
  readonly scans: number;
  readonly reads: Readonly<Record<string, number>>;
}

/**
 * The one per-document cache of scan results that every feature reads (as the markdown language
 * service's document-info cache): document URI + version → the references of every catalogue in
 * use, ignore markers applied. A document is scanned at most once per version, on the first read
 * after a change, whichever feature reads first. An entry made with another catalogue set than the
 * current one is stale (the set is compared on each read, so that the order in which listeners
 * hear of a new set does not matter). The glue deletes an entry when its document closes: a
 * document reopened starts again at version 1 with maybe another text.
 */
export class DocumentScans {
  private readonly entries = new Map<string, DocumentScan>();
  /** The `identity` each entry was made for. */
  private readonly identities = new Map<string, object | undefined>();
  private scanCount = 0;
  private readonly readCounts = new Map<string, number>();

  /**
   * @param catalogues The catalogue set in use now (read on every access).
   * @param prose The prose settings in use now (read on every access; a new object makes entries stale).
   */
  constructor(private readonly catalogues: () => CatalogueSet, private readonly prose: () => ProseSettings = () => PROSE_OFF) {}

  /**
   * The scan of `document` at its current version, made now if there is none. `reader` names who
   * reads, for `stats` only.
   */
  get(document: VersionedText, reader: string): DocumentScan {
    this.readCounts.set(reader, (this.readCounts.get(reader) ?? 0) + 1);
    const set = this.catalogues();
    const prose = this.prose();
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.set === set && cached.prose === prose && this.identities.get(document.uri) === document.identity) {
      return cached;
    }
    if (cached && (cached.set !== set || cached.prose !== prose)) {
      // A new catalogue set makes every entry stale: free them all now, not one by one.
      this.clear();
    }
    const entry = scanText(document.uri, document.version, document.getText(), set, layoutOfLanguage(document.languageId ?? 'plaintext'), prose);
    this.scanCount++;
    this.entries.set(document.uri, entry);
    this.identities.set(document.uri, document.identity);
    return entry;
  }

  /**
   * The reference (ignored or not) whose range holds `offset`, its end included, as
   * `ReferenceScanner.referenceAt` says. Past the cap of a huge document, only the offset's line is
   * scanned, so that hover always answers.
   */
  referenceAt(document: VersionedText, offset: number, reader: string): SetReference | undefined {
    const scan = this.get(document, reader);
    const refs = scan.references;
    const last = refs[refs.length - 1];
    if (scan.capped && (!last || offset > last.end)) {
      return scan.set.scanner.referenceAt(document.getText(), offset);
    }
    // The first reference ending at or after `offset`; the next one may start right there.
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (refs[mid].end < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const at = refs[lo];
    if (!at || at.start > offset) {
      return undefined;
    }
    const next = refs[lo + 1];
    // `EGN-7,8`: the offset 5 ends EGN-7 and starts 8; the reference it is inside wins.
    return at.end === offset && next && next.start === offset ? next : at;
  }

  /** Forgets `uri` (its document closed). */
  delete(uri: string): void {
    this.entries.delete(uri);
    this.identities.delete(uri);
  }

  /** Forgets every document. */
  clear(): void {
    this.entries.clear();
    this.identities.clear();
  }

  /** How many whole-document scans were made, and how many reads each reader made. */
  get stats(): DocumentScanStats {
    return { scans: this.scanCount, reads: Object.fromEntries(this.readCounts) };
  }
}

/**
 * Scans `text` with every catalogue of `set`, in chunks of whole lines, up to the cap; with prose
 * on, the prose grammar reads it too, in the paragraphs and headings of `layout` (see `withProse`).
 */
export function scanText(uri: string, version: number, text: string, set: CatalogueSet, layout: TextLayout = PLAIN_TEXT, prose: ProseSettings = PROSE_OFF): DocumentScan {
  const references: SetReference[] = [];
  let capped = false;
  for (let from = 0; from < text.length && !capped;) {
    // A reference never spans a line, so a chunk that ends at a line break finds what the whole text would.
    let to = from + CHUNK >= text.length ? text.length : text.indexOf('\n', from + CHUNK);
    to = to < 0 ? text.length : to;
    const found = set.scanner.scan(from === 0 && to === text.length ? text : text.slice(from, to), MAX_SCANNED_REFERENCES - references.length + 1);
    for (const ref of found) {
      if (references.length >= MAX_SCANNED_REFERENCES) {
        capped = true;
        break;
      }
      references.push(from === 0 ? ref : { ...ref, start: ref.start + from, end: ref.end + from });
    }
    from = to;
  }
  const all = prose.enabled ? withProse(text, layout, set, prose, references, MAX_SCANNED_REFERENCES) : references;
  capped ||= all.length >= MAX_SCANNED_REFERENCES && references.length < all.length;
  const markers = readIgnoreMarkers(text);
  const counted = withoutIgnored(markers, all);
  return Object.freeze({ uri, version, set, prose, references: all, counted, markers, capped });
}

/**
 * The citation index's compact form of `scan`'s counted references (see `scanDocument`), without
 * scanning again: each is placed on its line and given the position of its catalogue in the index's
 * list (`position`; a catalogue without one is left out). Undefined when nothing is cited.
 */
export function scannedDocumentOf(scan: DocumentScan, text: string, position: (loaded: LoadedCatalogue) => number | undefined): ScannedDocument | undefined {
  const lines: CandidateLine[] = [];
  const lineRefs: ScannedReference[][] = [];
  let line = 0;
  let lineStart = 0;
  for (const ref of scan.counted) {
    const catalogue = position(ref.catalogue);
    if (catalogue === undefined) {
      continue;
    }
    // Walk to the reference's line: linear in the text over the whole loop.
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < ref.start; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    if (lines.length === 0 || lines[lines.length - 1].line !== line) {
      let end = text.indexOf('\n', lineStart);
      end = end < 0 ? text.length : end;
      lines.push({ line, text: text.slice(lineStart, end > lineStart && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end) });
      lineRefs.push([]);
    }
    lineRefs[lineRefs.length - 1].push({
      number: ref.number, digits: ref.digits, start: ref.start - lineStart, end: ref.end - lineStart,
      form: ref.form, exists: ref.exists, implied: ref.implied, catalogue,
    });
  }
  // `scanDocument` asks for the references of each line, which are known already (by line number:
  // a prose citation depends on its paragraph, so two lines of the same text may differ). The
  // markers were applied above; `scanDocument` applies them again to these lines, which changes
  // nothing: the line after a marker holds no counted reference.
  const byLine = new Map<number, ScannedReference[]>();
  lines.forEach((l, i) => byLine.set(l.line, lineRefs[i]));
  return scanDocument((_text, line) => byLine.get(line) ?? [], lines);
}

/**
 * The citation index's form of a whole text read from disk or extracted from a document (Word,
 * LibreOffice, PDF): its ids and, with prose on, its prose citations under `layout`, ignore
 * markers applied. What a reader delivers as `{ kind: 'scanned' }` content for a document whose
 * candidate lines hold a prose needle (`holdsProseNeedle`).
 */
export function scannedDocumentOfText(text: string, layout: TextLayout, set: CatalogueSet, prose: ProseSettings, position: (loaded: LoadedCatalogue) => number | undefined): ScannedDocument | undefined {
  return scannedDocumentOf(scanText('', 0, text, set, layout, prose), text, position);
}
