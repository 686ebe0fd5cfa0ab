import type { TextLayout } from './textLayout';
import { CandidateLine, linesHoldNeedle, linesNotIgnored } from './candidateLines';
import type { Reference } from './reference';

/** One citation of a proposal number in an indexed document. */
export interface Citation {
  /** Key of the document (its URI as a string). */
  readonly uri: string;
  readonly number: number;
  /** 0-based line and UTF-16 character of the citation's start, as VS Code's `Position` counts them. */
  readonly line: number;
  readonly character: number;
  /** 0-based line and UTF-16 character of its end (a reference never spans a line: `endLine === line`). */
  readonly endLine: number;
  readonly endCharacter: number;
  /**
   * The line holding the citation, trimmed of surrounding white space, for previews. A line longer
   * than 200 characters is cut to a window of at most 200 that contains the citation, with `…`
   * where it was cut.
   */
  readonly lineText: string;
  /** Whether a proposal with that number exists in the catalogue. */
  readonly exists: boolean;
  /**
   * The catalogue of the citation: its position in the list of catalogues the index's scanner
   * reads (0, the bundled EGN catalogue, for an index of one catalogue).
   */
  readonly catalogue: number;
  /**
   * True for a number only implied by a range (the 4 of `EGN-3 à 5`); its range is that of the
   * range's end (the `5`).
   */
  readonly implied: boolean;
  /**
   * The digits as written, leading zeros dropped, when `number` cannot show them (a number past
   * 2^53 is rounded, or `Infinity`); absent otherwise. See `writtenNumber`.
   */
  readonly digits?: string;
  /**
   * How it was written when it is not an id: `prose` (« la proposition n° 12 ») or `title` (a
   * proposal's full title); absent for an id (`EGN-12`, `EGN n° 12`, a list's numbers).
   */
  readonly form?: 'prose' | 'title';
}

/**
 * A citation's number as its writer wrote it (leading zeros dropped): `400` digits stay 400 digits,
 * never `Infinity` or `1e+22`. What every output that names a reference shows.
 */
export function writtenNumber(citation: { readonly number: number; readonly digits?: string }): string {
  return citation.digits ?? String(citation.number);
}

/** The digits of `ref` that `writtenNumber` needs, when its number cannot show them; else undefined. */
function unshownDigits(ref: Pick<Reference, 'number' | 'digits'>): string | undefined {
  return Number.isSafeInteger(ref.number) ? undefined : ref.digits.replace(/^0+(?=\d)/, '');
}

/** What changed in a `CitationIndex`. */
export interface CitationIndexChange {
  /** The documents whose citations changed (added, changed, deleted, or both ends of a rename). */
  readonly uris: readonly string[];
}

/**
 * What a reader delivers for one document: its candidate lines (see `createLinePrefilter`), or
 * those lines already scanned (`scanDocument`, undefined when it cites nothing).
 */
export type DocumentContent =
  | { readonly kind: 'lines'; readonly lines: readonly CandidateLine[] }
  | { readonly kind: 'scanned'; readonly document: ScannedDocument | undefined };

/**
 * A reference as the index's scanner gives it: with the position of its catalogue when the scanner
 * reads several (a `MultiReferenceScanner` keyed by position); 0 when absent.
 */
export type ScannedReference = Reference & { readonly catalogue?: number };

/**
 * How an index reads a document whose candidate lines hold a prose needle: whole, with its layout
 * (see `wholeTextReading` in documentText.ts, which makes one).
 */
export interface WholeTextReader {
  /** Candidate lines holding one of these (ignoring ASCII case) make the document read whole. */
  readonly needles: readonly string[];
  /** The document's citations, ids and prose; `layout`, or else `uri` (by its extension), gives the layout. */
  read(text: string, uri: string, layout?: TextLayout): ScannedDocument | undefined;
}

/** Something to call `dispose()` on to stop listening. */
export interface Subscription {
  dispose(): void;
}

/** Longest preview, in UTF-16 code units. */
const MAX_PREVIEW = 200;
/** Context kept before a citation when a long line must be cut. */
const PREVIEW_LEAD = 60;

// Layout of one record in `DocumentEntry.data`: six int32 per record. A record is one citation, or
// the run of numbers a range implies (`EGN-1 à 41` implies 2 to 40: one record, not 39).
const STRIDE = 6;
const F_NUMBER = 0;
const F_LINE = 1;
const F_CHAR = 2;
const F_END_CHAR = 3;
/** How many consecutive numbers, from `F_NUMBER` on, the record stands for (1 but for implied runs). */
const F_SPAN = 4;
/**
 * bit 0: exists, bit 1: implied, bits 2–6: the catalogue (its position in the index's list, see
 * `Citation.catalogue`: at most 21 catalogues are in use, the bundled one and 20 files), bits 7–8:
 * how it was written (`FORM_PROSE`, `FORM_TITLE`, 0 for an id), bits 9…: index of the preview
 * (under 2^22, far above `MAX_RECORDS_PER_DOCUMENT`). Packed so that a citation stays 24 bytes
 * whatever the number of catalogues.
 */
const F_FLAGS = 5;
const CATALOGUE_SHIFT = 2;
const CATALOGUE_MASK = 0x1f;
const FORM_SHIFT = 7;
const FORM_MASK = 0x3;
const FORM_PROSE = 1;
const FORM_TITLE = 2;
const EXCERPT_SHIFT = 9;
const EXISTS = 1;
const IMPLIED = 2;
/** Marks a number too large for an int32; the real value is in `DocumentEntry.wide`. */
const WIDE_NUMBER = -1;
const MAX_INT32 = 0x7fffffff;
/**
 * Records kept per document. A hostile or generated document (1 MB of `EGN-1 à 41 `) would
 * otherwise cost tens of MB and seconds on every query; a real document is far below this.
 */
export const MAX_RECORDS_PER_DOCUMENT = 20_000;

/**
 * What the index keeps of one document.
 *
 * Why this shape: 10,000 documents × 50 citations are 500,000 citations. As plain objects with a
 * preview string each they would cost a few hundred bytes apiece (well over 100 MB); here a
 * citation is 24 bytes in one `Int32Array` per document, and the document's text is not kept:
 * only excerpts of the cited lines, from which previews are cut when `Citation` objects are asked
 * for (find references, a detail panel: rare next to the counts that the tree and status bar read).
 * A short line is one excerpt, shared by all its citations; on a long line the windows of nearby
 * citations (a list `EGN-7, 8 et 9`) are merged into one excerpt, so that no text is stored twice.
 * Excerpts are UTF-8 bytes because French text nearly always holds a character outside Latin-1
 * (’, œ, « »), which makes V8 store a whole string at two bytes per character; UTF-8 keeps
 * accented text near one byte per character.
 */
interface DocumentEntry extends ScannedDocument {
  uri: string;
}

/**
 * A document's citations in the index's compact form, as `scanDocument` makes them: plain typed
 * arrays, so that a worker thread can scan and send them without copying (see src/node/).
 */
export interface ScannedDocument {
  readonly data: Int32Array;
  /** The excerpts, concatenated. */
  readonly excerpts: Uint8Array;
  /** `EXCERPT_STRIDE` int32 per excerpt, see `X_BYTE_END` and the following. */
  readonly excerptMeta: Int32Array;
  /** Numbers that do not fit an int32, by record offset in `data` (practically never present). */
  readonly wide: ReadonlyMap<number, number> | undefined;
  /** The digits of numbers past 2^53 (see `Citation.digits`), by record offset in `data`; usually absent. */
  readonly digits?: ReadonlyMap<number, string>;
  /** Whether citations past `MAX_RECORDS_PER_DOCUMENT` were left out. */
  readonly capped: boolean;
}

// Layout of one excerpt in `DocumentEntry.excerptMeta`.
const EXCERPT_STRIDE = 4;
/** End offset of the excerpt in `excerpts` (it starts where the previous one ends). */
const X_BYTE_END = 0;
/** White space trimmed from the start of the line (UTF-16 units). */
const X_LEAD = 1;
/** Offset in the trimmed line where the excerpt starts. */
const X_BEGIN = 2;
/** Length of the trimmed line: a line no longer than `MAX_PREVIEW` is its own excerpt. */
const X_LINE_LENGTH = 3;

const encoder = new TextEncoder();
/** Where `buildExcerpts` encodes; grows to the largest document's excerpts and stays. */
let scratch = new Uint8Array(1 << 16);
const decoder = new TextDecoder('utf-8');

/**
 * The workspace's citations, by document: maps document keys (URI strings) to the citations the
 * scanner finds in their text, and answers "where is proposal N cited" and "how often".
 *
 * Every update is per document (`set`, `delete`, `rename`), so that the index can follow file
 * events incrementally; the result is always what a fresh scan of the current texts would give.
 */
export class CitationIndex {
  private readonly entries = new Map<string, DocumentEntry>();
  /** Citations per number over all documents (implied numbers included), per catalogue; no zero entries. */
  private readonly counts = new Map<number, Map<number, number>>();
  private readonly listeners = new Set<(e: CitationIndexChange) => void>();
  /** Documents sorted by URI; dropped whenever the set of documents changes. */
  private sorted: DocumentEntry[] | undefined;
  private countsSnapshot = new Map<number, ReadonlyMap<number, number>>();
  /** Citations by catalogue then number, for queries; dropped on every change (see `postingsOf`). */
  private postings: Map<number, Map<number, number[]>> | undefined;
  private currentVersion = 0;

  /**
   * @param scan Finds the references in a text (the `ReferenceScanner`'s `scan`, bound, or a
   *   `MultiReferenceScanner`'s whose keys are catalogue positions: see `Citation.catalogue`).
   * @param exists Whether a proposal number exists in a catalogue (given by position). When given,
   *   it decides every citation's `exists` at query time, so that a catalogue's proposals changing
   *   needs no rescan; without it, the scanner's judgement is kept, and an implied number is taken
   *   to exist when the range's end does.
   * @param prefilter Keeps the lines of a text that may hold a reference or an ignore marker
   *   (`createLinePrefilter` of the catalogue's prefixes); every line when not given.
   * @param wholeText With prose read: how `set` reads a text whose candidate lines hold a prose
   *   needle (the prefilter must keep those lines, see `WholeTextReader.needles`).
   */
  constructor(
    private readonly scan: (text: string) => readonly ScannedReference[],
    private readonly exists?: (n: number, catalogue: number) => boolean,
    private readonly prefilter: (text: string) => readonly CandidateLine[] = allLines,
    private readonly wholeText?: WholeTextReader,
  ) {}

  /** Increments on every change of the index's content (not on a `set` that changes nothing). */
  get version(): number {
    return this.currentVersion;
  }

  /** Calls `listener` after every change; `dispose()` the result to stop. */
  onDidChange(listener: (e: CitationIndexChange) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Scans `text` as the current content of `uri`, adding the document or replacing what it held.
   * `layout` is the text's paragraphs and headings when its extension does not say them (the
   * extracted text of a Word, LibreOffice or PDF document), for the prose grammar's context.
   */
  set(uri: string, text: string, layout?: TextLayout): void {
    const lines = this.prefilter(text);
    if (this.wholeText && linesHoldNeedle(lines, this.wholeText.needles)) {
      this.setContent(uri, { kind: 'scanned', document: this.wholeText.read(text, uri, layout) });
      return;
    }
    this.setLines(uri, lines);
  }

  /**
   * Sets the content of `uri` from its candidate lines only (see `createLinePrefilter`), as the
   * fast readers deliver them: every line that may hold a reference or an ignore marker. Gives
   * exactly what `set` gives with the whole text. A document without citations is not kept.
   */
  setLines(uri: string, lines: readonly CandidateLine[]): void {
    this.setContent(uri, { kind: 'lines', lines });
  }

  /**
   * Sets the content of `uri` as a reader delivered it. A `scanned` document must come from
   * `scanDocument` with the same scanner as this index's.
   */
  setContent(uri: string, content: DocumentContent): void {
    const scanned = content.kind === 'lines' ? scanDocument(this.scan, content.lines) : content.document;
    const entry: DocumentEntry | undefined = scanned && { ...scanned, uri };
    const old = this.entries.get(uri);
    if (!entry) {
      this.delete(uri);
      return;
    }
    if (old && sameContent(old, entry)) {
      return;
    }
    if (old) {
      this.uncount(old);
      this.replaceSorted(old, entry);
    } else {
      this.sorted = undefined;
    }
    this.entries.set(uri, entry);
    this.count(entry);
    this.changed([uri]);
  }

  /** Documents whose citations were cut at `MAX_RECORDS_PER_DOCUMENT`, for a note in a log. */
  cappedDocuments(): readonly string[] {
    return [...this.entries.values()].filter((e) => e.capped).map((e) => e.uri);
  }

  /** Forgets a document. Does nothing if it is not indexed. */
  delete(uri: string): void {
    const old = this.entries.get(uri);
    if (!old) {
      return;
    }
    this.entries.delete(uri);
    this.uncount(old);
    this.sorted = undefined;
    this.changed([uri]);
  }

  /**
   * Moves a document's citations to a new key, as a file rename does, without rescanning. A
   * document already at `newUri` is replaced (and forgotten when `oldUri` cites nothing).
   */
  rename(oldUri: string, newUri: string): void {
    const entry = this.entries.get(oldUri);
    if (oldUri === newUri) {
      return;
    }
    if (!entry) {
      // The moved document cites nothing, and it replaces whatever was at `newUri`.
      this.delete(newUri);
      return;
    }
    const replaced = this.entries.get(newUri);
    if (replaced) {
      this.uncount(replaced);
    }
    this.entries.delete(oldUri);
    entry.uri = newUri;
    this.entries.set(newUri, entry);
    this.sorted = undefined;
    this.changed([oldUri, newUri]);
  }

  /** Forgets every document. */
  clear(): void {
    if (this.entries.size === 0) {
      return;
    }
    const uris = [...this.entries.keys()];
    this.entries.clear();
    this.counts.clear();
    this.sorted = undefined;
    this.changed(uris);
  }

  /**
   * Every citation of `number`, sorted by document URI (code unit order), then by position; the
   * first `limit` only when given. With `previews: false`, `lineText` is left empty: decoding
   * previews is most of a query's cost, and a list of locations (find all references) does not
   * show them.
   */
  citationsOf(number: number, options: { readonly previews?: boolean; readonly limit?: number; readonly catalogue?: number } = {}): readonly Citation[] {
    const previews = options.previews !== false;
    const entries = this.sortedEntries();
    const all = this.postingsOf(options.catalogue ?? 0, number);
    // A page (a proposal panel lists a page, then "show all" through find all references).
    const places = options.limit === undefined ? all : all.slice(0, 2 * Math.max(0, Math.floor(options.limit)));
    const result = new Array<Citation>(places.length / 2);
    let last: DecodedExcerpt | undefined;
    let lastEntry = -1;
    for (let k = 0; k < places.length; k += 2) {
      const e = places[k];
      if (previews && e !== lastEntry) {
        last = { excerpt: -1, text: '' };
        lastEntry = e;
      }
      result[k / 2] = this.materialize(entries[e], places[k + 1], number, last);
    }
    return result;
  }

  /**
   * Where `number` is cited: pairs (index in `sortedEntries()`, record offset), in order. All
   * numbers' lists are made in one pass over the records, on the first query after a change, so
   * that the next queries cost only their results.
   */
  private postingsOf(catalogue: number, number: number): readonly number[] {
    if (!this.postings) {
      const byCatalogue = new Map<number, Map<number, number[]>>();
      this.sortedEntries().forEach((entry, e) => {
        const data = entry.data;
        for (let i = 0; i < data.length; i += STRIDE) {
          const first = numberAt(entry, i);
          let postings = byCatalogue.get(catalogueOf(data, i));
          if (!postings) {
            postings = new Map();
            byCatalogue.set(catalogueOf(data, i), postings);
          }
          for (let k = 0; k < data[i + F_SPAN]; k++) {
            let list = postings.get(first + k);
            if (!list) {
              list = [];
              postings.set(first + k, list);
            }
            list.push(e, i);
          }
        }
      });
      this.postings = byCatalogue;
    }
    return this.postings.get(catalogue)?.get(number) ?? [];
  }

  /**
   * Every citation in one document, in order of position (a range's implied numbers after its
   * end); empty if the document is not indexed. `implied: false` leaves the implied numbers out.
   */
  documentCitations(uri: string, options: { readonly implied?: boolean; readonly catalogue?: number } = {}): readonly Citation[] {
    const entry = this.entries.get(uri);
    if (!entry) {
      return [];
    }
    const result: Citation[] = [];
    const last = { excerpt: -1, text: '' };
    const data = entry.data;
    for (let i = 0; i < data.length; i += STRIDE) {
      if (options.implied === false && (data[i + F_FLAGS] & IMPLIED) !== 0) {
        continue;
      }
      if (options.catalogue !== undefined && catalogueOf(data, i) !== options.catalogue) {
        continue;
      }
      const first = numberAt(entry, i);
      for (let k = 0; k < data[i + F_SPAN]; k++) {
        result.push(this.materialize(entry, i, first + k, last));
      }
    }
    return result;
  }

  /**
   * Citation count per number over all documents, for one catalogue (by position, 0 when not
   * given). Numbers never cited are absent.
   */
  countsByNumber(catalogue = 0): ReadonlyMap<number, number> {
    // A snapshot, so that a caller holding it never sees it change under its feet.
    let snapshot = this.countsSnapshot.get(catalogue);
    if (!snapshot) {
      snapshot = new Map(this.counts.get(catalogue));
      this.countsSnapshot.set(catalogue, snapshot);
    }
    return snapshot;
  }

  /**
   * Citation count per number in one document, for one catalogue (0 when not given); cheaper than
   * `documentCitations`: no previews.
   */
  documentCounts(uri: string, catalogue = 0): ReadonlyMap<number, number> {
    const counts = new Map<number, number>();
    const entry = this.entries.get(uri);
    if (entry) {
      forEachNumber(entry, (n, c) => {
        if (c === catalogue) {
          counts.set(n, (counts.get(n) ?? 0) + 1);
        }
      });
    }
    return counts;
  }

  /** Citations per catalogue (by position) in one document, implied numbers included. */
  documentCatalogueCounts(uri: string): ReadonlyMap<number, number> {
    const counts = new Map<number, number>();
    const entry = this.entries.get(uri);
    if (entry) {
      forEachNumber(entry, (_, c) => counts.set(c, (counts.get(c) ?? 0) + 1));
    }
    return counts;
  }

  /** The distinct numbers of one catalogue (0 when not given) cited in `uri`, or in the whole index without it, ascending. */
  citedNumbers(uri?: string, catalogue = 0): readonly number[] {
    const numbers = uri === undefined ? [...(this.counts.get(catalogue)?.keys() ?? [])] : [...this.documentCounts(uri, catalogue).keys()];
    return numbers.sort((a, b) => a - b);
  }

  /**
   * Bytes held in the typed arrays of the index (citations and excerpts), without the JS objects
   * around them: for logs and the benchmark, to watch that storage stays compact.
   */
  storedBytes(): number {
    let bytes = 0;
    for (const e of this.entries.values()) {
      bytes += e.data.byteLength + e.excerpts.byteLength + e.excerptMeta.byteLength;
    }
    return bytes;
  }

  /** Whether `uri` is indexed. */
  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** How many documents are indexed (those citing something): without sorting them as `documents()` does. */
  get documentCount(): number {
    return this.entries.size;
  }

  /** The indexed documents' URIs, sorted (code unit order). */
  documents(): readonly string[] {
    return this.sortedEntries().map((e) => e.uri);
  }

  private sortedEntries(): readonly DocumentEntry[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return this.sorted;
  }

  /**
   * Puts a document's new entry where its old one was in the sorted list, so that a change of
   * content (every keystroke in an open document) does not cost a sort of every document.
   */
  private replaceSorted(old: DocumentEntry, entry: DocumentEntry): void {
    const sorted = this.sorted;
    if (!sorted) {
      return;
    }
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const u = sorted[mid].uri;
      if (u === old.uri) {
        sorted[mid] = entry;
        return;
      }
      if (u < old.uri) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    this.sorted = undefined;
  }

  private count(entry: DocumentEntry): void {
    forEachNumber(entry, (n, catalogue) => {
      let counts = this.counts.get(catalogue);
      if (!counts) {
        counts = new Map();
        this.counts.set(catalogue, counts);
      }
      counts.set(n, (counts.get(n) ?? 0) + 1);
    });
  }

  private uncount(entry: DocumentEntry): void {
    forEachNumber(entry, (n, catalogue) => {
      const counts = this.counts.get(catalogue);
      const c = (counts?.get(n) ?? 0) - 1;
      if (c > 0) {
        counts?.set(n, c);
      } else {
        counts?.delete(n);
        if (counts?.size === 0) {
          this.counts.delete(catalogue);
        }
      }
    });
  }

  /**
   * Tells the listeners that citations may now exist or not (a catalogue's proposals changed):
   * `exists` is read at query time, so nothing is rescanned.
   */
  existenceChanged(): void {
    if (this.entries.size > 0) {
      this.changed([...this.entries.keys()]);
    }
  }

  private changed(uris: readonly string[]): void {
    this.currentVersion++;
    this.postings = undefined;
    this.countsSnapshot = new Map();
    const event: CitationIndexChange = { uris };
    let failure: unknown;
    let failed = false;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // One faulty listener must not keep the others stale; its error still surfaces.
        if (!failed) {
          failure = e;
          failed = true;
        }
      }
    }
    if (failed) {
      throw failure;
    }
  }

  private materialize(entry: DocumentEntry, i: number, number: number, last: DecodedExcerpt | undefined): Citation {
    const d = entry.data;
    const flags = d[i + F_FLAGS];
    const implied = (flags & IMPLIED) !== 0;
    const catalogue = catalogueOf(d, i);
    // Read now, so that a catalogue edited since the scan is followed; without a catalogue test, the
    // scanner's judgement stands, and an implied number follows the range's end.
    const exists = this.exists ? this.exists(number, catalogue) : (flags & EXISTS) !== 0;
    return {
      uri: entry.uri,
      number,
      catalogue,
      line: d[i + F_LINE],
      character: d[i + F_CHAR],
      endLine: d[i + F_LINE],
      endCharacter: d[i + F_END_CHAR],
      lineText: last ? preview(entry, flags >>> EXCERPT_SHIFT, d[i + F_CHAR], last) : '',
      exists,
      implied,
      ...(entry.digits?.has(i) ? { digits: entry.digits.get(i) } : {}),
      ...formOf(flags),
    };
  }
}

/**
 * Scans a document's candidate lines into the index's compact form, ignore markers applied; undefined
 * when it cites nothing. Pure: reader threads call it with a scanner of their own.
 */
export function scanDocument(
scan: (text: string, line: number) => readonly ScannedReference[],
candidates: readonly CandidateLine[],
): ScannedDocument | undefined {
  const records: number[] = [];
  const lineTexts: string[] = [];
  let wide: Map<number, number> | undefined;
  let digits: Map<number, string> | undefined;
  let capped = false;
  const push = (n: number, line: number, character: number, endCharacter: number, span: number, flags: number, catalogue: number): void => {
    const fits = n >= 0 && n <= MAX_INT32 && Number.isInteger(n);
    if (!fits) {
      (wide ??= new Map()).set(records.length, n);
    }
    records.push(fits ? n : WIDE_NUMBER, line, character, endCharacter, span, flags | ((catalogue & CATALOGUE_MASK) << CATALOGUE_SHIFT));
  };
  for (const candidate of linesNotIgnored(candidates)) {
    const refs = scan(candidate.text, candidate.line);
    if (refs.length === 0) {
      continue;
    }
    const before = records.length;
    for (const ref of refs) {
      if (records.length >= MAX_RECORDS_PER_DOCUMENT * STRIDE) {
        capped = true;
        break;
      }
      const catalogue = ref.catalogue ?? 0;
      const written = unshownDigits(ref);
      if (written !== undefined) {
        (digits ??= new Map()).set(records.length, written);
      }
      const form = ref.form === 'prose' ? FORM_PROSE << FORM_SHIFT : ref.form === 'title' ? FORM_TITLE << FORM_SHIFT : 0;
      push(ref.number, candidate.line, ref.start, ref.end, 1, form | (ref.exists ? EXISTS : 0), catalogue);
      if (ref.implied.length > 0) {
        // `between` gives consecutive numbers: one record for the run.
        push(ref.implied[0], candidate.line, ref.start, ref.end, ref.implied.length, form | IMPLIED | (ref.exists ? EXISTS : 0), catalogue);
      }
    }
    if (records.length > before) {
      lineTexts.push(candidate.text);
    }
    if (capped) {
      break;
    }
  }
  if (records.length === 0) {
    return undefined;
  }
  const data = Int32Array.from(records);
  const { excerpts, excerptMeta } = buildExcerpts(lineTexts, data);
  return { data, excerpts, excerptMeta, wide, capped, ...(digits ? { digits } : {}) };
}

/** Every line of a text, for an index built without a prefilter. */
function allLines(text: string): CandidateLine[] {
  return text.split('\n').map((t, line) => ({ line, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
}

/** Calls `f` once per citation of the document: every number of every record, with its catalogue. */
function forEachNumber(entry: DocumentEntry, f: (n: number, catalogue: number) => void): void {
  const data = entry.data;
  for (let i = 0; i < data.length; i += STRIDE) {
    const first = numberAt(entry, i);
    const span = data[i + F_SPAN];
    const catalogue = catalogueOf(data, i);
    for (let k = 0; k < span; k++) {
      f(first + k, catalogue);
    }
  }
}

/** `{ form }` for a citation written in prose or as a title (see `Citation.form`), `{}` for an id. */
function formOf(flags: number): { readonly form?: 'prose' | 'title' } {
  const form = (flags >>> FORM_SHIFT) & FORM_MASK;
  return form === FORM_PROSE ? { form: 'prose' } : form === FORM_TITLE ? { form: 'title' } : {};
}

function catalogueOf(data: Int32Array, i: number): number {
  return (data[i + F_FLAGS] >>> CATALOGUE_SHIFT) & CATALOGUE_MASK;
}

function numberAt(entry: DocumentEntry, i: number): number {
  const n = entry.data[i + F_NUMBER];
  return n === WIDE_NUMBER ? (entry.wide?.get(i) ?? n) : n;
}

/** The last excerpt decoded: consecutive citations often share one (a line, a list). */
interface DecodedExcerpt {
  excerpt: number;
  text: string;
}

/** The preview of a citation at `character` of its line, cut from excerpt `x`. */
function preview(entry: DocumentEntry, x: number, character: number, last: DecodedExcerpt): string {
  const meta = entry.excerptMeta;
  const m = x * EXCERPT_STRIDE;
  if (last.excerpt !== x) {
    const from = x === 0 ? 0 : meta[m - EXCERPT_STRIDE + X_BYTE_END];
    last.text = decoder.decode(entry.excerpts.subarray(from, meta[m + X_BYTE_END]));
    last.excerpt = x;
  }
  const excerpt = last.text;
  const lineLength = meta[m + X_LINE_LENGTH];
  if (lineLength <= MAX_PREVIEW) {
    return excerpt;
  }
  const begin = meta[m + X_BEGIN];
  const w = previewWindow(lineLength, character - meta[m + X_LEAD], (k) => excerpt.charCodeAt(k - begin));
  return (w.cutBefore ? '…' : '') + excerpt.slice(w.from - begin, w.to - begin) + (w.cutAfter ? '…' : '');
}

/**
 * Stores the excerpts the citations' previews need and writes each citation's excerpt index into
 * its flags. Each cited line is trimmed once, however many citations it holds.
 */
function buildExcerpts(lineTexts: readonly string[], data: Int32Array): { excerpts: Uint8Array; excerptMeta: Int32Array } {
  const meta: number[] = [];
  let size = 0;
  const store = (excerpt: string, lead: number, begin: number, lineLength: number): number => {
    // Encoded straight into a shared scratch buffer: no array per excerpt for the GC to collect.
    if (scratch.length - size < excerpt.length * 3) {
      const bigger = new Uint8Array(Math.max(scratch.length * 2, size + excerpt.length * 3));
      bigger.set(scratch.subarray(0, size));
      scratch = bigger;
    }
    size += encoder.encodeInto(excerpt, scratch.subarray(size)).written;
    meta.push(size, lead, begin, lineLength);
    return meta.length / EXCERPT_STRIDE - 1;
  };
  // Records come in order of position, so the records of one line are consecutive; `lineTexts`
  // holds each cited line once, in that order.
  let lineIndex = 0;
  for (let first = 0; first < data.length; ) {
    const line = data[first + F_LINE];
    let last = first;
    while (last + STRIDE < data.length && data[last + STRIDE + F_LINE] === line) {
      last += STRIDE;
    }
    const raw = lineTexts[lineIndex++];
    const trimmed = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    if (trimmed.length <= MAX_PREVIEW) {
      const x = store(trimmed, lead, 0, trimmed.length);
      for (let i = first; i <= last; i += STRIDE) {
        data[i + F_FLAGS] |= x << EXCERPT_SHIFT;
      }
    } else {
      // Merge the windows that overlap or touch into one excerpt each.
      const charAt = (k: number): number => trimmed.charCodeAt(k);
      let groupStart = first;
      let w = previewWindow(trimmed.length, data[first + F_CHAR] - lead, charAt);
      let begin = w.rawFrom;
      let end = w.rawTo;
      const flush = (upTo: number): void => {
        const x = store(trimmed.slice(begin, end), lead, begin, trimmed.length);
        for (let i = groupStart; i < upTo; i += STRIDE) {
          data[i + F_FLAGS] |= x << EXCERPT_SHIFT;
        }
      };
      for (let i = first + STRIDE; i <= last; i += STRIDE) {
        w = previewWindow(trimmed.length, data[i + F_CHAR] - lead, charAt);
        if (w.rawFrom <= end) {
          end = Math.max(end, w.rawTo);
        } else {
          flush(i);
          groupStart = i;
          begin = w.rawFrom;
          end = w.rawTo;
        }
      }
      flush(last + STRIDE);
    }
    first = last + STRIDE;
  }
  return { excerpts: scratch.slice(0, size), excerptMeta: Int32Array.from(meta) };
}

/**
 * Where to cut the preview of a citation at `start` in a trimmed line of `length` code units longer
 * than `MAX_PREVIEW`: at most `MAX_PREVIEW` units holding the citation with some context before it
 * (a citation is far shorter than the window), room kept for `…` where the line is cut, and no
 * surrogate pair split. `rawFrom`/`rawTo` bound every unit the cut looks at, `charAt` included.
 */
function previewWindow(
  length: number,
  start: number,
  charAt: (k: number) => number,
): { rawFrom: number; rawTo: number; from: number; to: number; cutBefore: boolean; cutAfter: boolean } {
  const rawFrom = Math.max(0, Math.min(start - PREVIEW_LEAD, length - (MAX_PREVIEW - 1)));
  const rawTo = Math.min(length, rawFrom + MAX_PREVIEW);
  const cutBefore = rawFrom > 0;
  const cutAfter = rawTo < length;
  let from = cutBefore ? rawFrom + 1 : rawFrom;
  let to = cutAfter ? rawTo - 1 : rawTo;
  if (isLowSurrogate(charAt(from))) {
    from++;
  }
  if (isHighSurrogate(charAt(to - 1))) {
    to--;
  }
  return { rawFrom, rawTo, from, to, cutBefore, cutAfter };
}

function sameContent(a: DocumentEntry, b: DocumentEntry): boolean {
  return (
    sameArray(a.data, b.data) &&
    sameArray(a.excerpts, b.excerpts) &&
    sameArray(a.excerptMeta, b.excerptMeta) &&
    sameWide(a.wide, b.wide) &&
    sameWide(a.digits, b.digits)
  );
}

function sameArray(a: Int32Array | Uint8Array, b: Int32Array | Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

function sameWide<T>(a: ReadonlyMap<number, T> | undefined, b: ReadonlyMap<number, T> | undefined): boolean {
  if (!a || !b) {
    return a === b;
  }
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
