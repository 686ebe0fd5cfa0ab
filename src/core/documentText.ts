import type { Catalogue } from './catalogue';
import { linesHoldNeedle, type CandidateLine } from './candidateLines';
import type { CatalogueSet, LoadedCatalogue } from './catalogueSet';
import { BUNDLED_SOURCE } from './catalogueSet';
import { scanDocument, type ScannedDocument, type ScannedReference, type WholeTextReader } from './citationIndex';
import { layoutOfPath } from './documentLayout';
import { readIgnoreMarkers, withoutIgnored } from './ignoreMarkers';
import { keyed, type KeyedReference } from './multiReferenceScanner';
import type { Reference } from './reference';
import { ProseScanner, proseScannerOf, type ProseVocabulary } from './proseScanner';
import type { TextLayout } from './textLayout';

/** The prose settings (`egn.prose.enabled`, `egn.prose.names`). */
export interface ProseSettings {
  readonly enabled: boolean;
  /** Names of the EGN besides the bundled catalogue's own (« EGNé »). */
  readonly names: readonly string[];
}

/** Prose read, no extra name: the settings' defaults. */
export const PROSE_DEFAULTS: ProseSettings = Object.freeze({ enabled: true, names: Object.freeze([]) });
/** Ids only. */
export const PROSE_OFF: ProseSettings = Object.freeze({ enabled: false, names: Object.freeze([]) });

const memo = new WeakMap<CatalogueSet, Map<string, readonly (ProseScanner | undefined)[]>>();

/**
 * The prose grammar of each catalogue of `set` (in the set's order; undefined for a catalogue without
 * a `prose` block), made once per set and names.
 */
export function proseScannersOf(set: CatalogueSet, settings: ProseSettings): readonly (ProseScanner | undefined)[] {
  if (!settings.enabled) {
    return [];
  }
  let bySettings = memo.get(set);
  if (!bySettings) {
    bySettings = new Map();
    memo.set(set, bySettings);
  }
  const key = JSON.stringify(settings.names);
  let scanners = bySettings.get(key);
  if (!scanners) {
    scanners = set.catalogues.map((c) => proseScannerOf(c.catalogue, c.source === BUNDLED_SOURCE ? settings.names : []));
    bySettings.set(key, scanners);
  }
  return scanners;
}

/**
 * What a line must hold (ignoring ASCII case) for the document to need reading as a whole text for
 * prose: each catalogue's nouns and one word of each title. Empty when prose is off.
 */
export function proseNeedlesOf(set: CatalogueSet, settings: ProseSettings): readonly string[] {
  return [...new Set(proseScannersOf(set, settings).flatMap((s) => s?.needles ?? []))];
}

/**
 * Whether any of `lines` holds one of `needles` (ignoring ASCII case): then the document is read as
 * a whole text, its layout giving the prose grammar its paragraphs and headings.
 */
export function holdsProseNeedle(lines: readonly { readonly text: string }[], needles: readonly string[]): boolean {
  return linesHoldNeedle(lines, needles);
}

/**
 * Every citation of `text`: the ids of every catalogue of `set` and, with prose on, what the prose
 * grammar reads under `layout`, in order of `start`. The one entry point for a whole text: open
 * documents, files the index reads whole, and the text extracted from Word, LibreOffice and PDF files
 * (with a `paragraphLines` layout).
 */
export function scanDocumentText(text: string, layout: TextLayout, set: CatalogueSet, prose: ProseSettings, limit = Infinity): KeyedReference<LoadedCatalogue>[] {
  return withProse(text, layout, set, prose, set.scanner.scan(text, limit), limit);
}

/**
 * `ids` (the id references of `text`, in order) with the prose citations of `text` merged in:
 * a prose citation overlapping an id is dropped, and so is one that an id of the same proposal
 * follows in brackets (« la proposition n° 12 (EGN-12) » is one citation, as the quick fix writes it).
 */
export function withProse(
  text: string, layout: TextLayout, set: CatalogueSet, prose: ProseSettings,
  ids: readonly KeyedReference<LoadedCatalogue>[], limit = Infinity,
): KeyedReference<LoadedCatalogue>[] {
  const scanners = proseScannersOf(set, prose);
  return mergeProse(text, ids, proseOf(text, layout, scanners, (k) => set.catalogues[k], limit), limit);
}

/** The prose citations of `text` by each scanner, keyed by `keyOf` its position, in order of start. */
function proseOf<K>(text: string, layout: TextLayout, scanners: readonly (ProseScanner | undefined)[], keyOf: (k: number) => K, limit: number): KeyedReference<K>[] {
  const found: KeyedReference<K>[] = [];
  scanners.forEach((scanner, k) => {
    if (scanner) {
      for (const r of scanner.scan(text, layout, limit)) {
        found.push(keyed(r, keyOf(k)));
      }
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

/** `ids` and `prose` (both in order) merged, as `withProse` says. */
function mergeProse<K, R extends Reference & { readonly catalogue: K }>(text: string, ids: readonly R[], prose: readonly R[], limit: number): R[] {
  if (prose.length === 0) {
    return [...ids];
  }
  const found = prose;
  const merged: R[] = [];
  let i = 0;
  let lastEnd = 0;
  for (const p of found) {
    while (i < ids.length && ids[i].end <= p.start) {
      merged.push(ids[i]);
      lastEnd = ids[i].end;
      i++;
    }
    const next = ids[i];
    if (p.start < lastEnd || (next && next.start < p.end)) {
      continue; // overlaps an id, or another catalogue's prose
    }
    if (next && next.catalogue === p.catalogue && next.number === p.number && /^[\s\u00a0\u202f»”"']*\(?[\s\u00a0\u202f]*$/.test(text.slice(p.end, next.start)) && next.start - p.end <= 6) {
      continue; // the id in brackets is this citation
    }
    merged.push(p);
    lastEnd = p.end;
  }
  for (; i < ids.length; i++) {
    merged.push(ids[i]);
  }
  return merged.length > limit ? merged.slice(0, limit) : merged;
}

/**
 * `catalogues` as the prose settings make them, for the index and its reader threads (which know
 * catalogues, not settings): without a `prose` block when prose is off; the first one (the bundled
 * catalogue, at position 0 of the index) with the names of `egn.prose.names` added. Unchanged
 * objects where nothing changes.
 */
export function cataloguesWithProse(catalogues: readonly Catalogue[], settings: ProseSettings): readonly Catalogue[] {
  return catalogues.map((c, k) => {
    if (!c.prose) {
      return c;
    }
    if (!settings.enabled) {
      return Object.freeze({ ...c, prose: undefined });
    }
    if (k === 0 && settings.names.length > 0) {
      return Object.freeze({ ...c, prose: Object.freeze({ nouns: c.prose.nouns, names: [...c.prose.names, ...settings.names] }) });
    }
    return c;
  });
}

/** What a reader thread needs to read prose for a catalogue: plain data, sent to the thread as is. */
export function proseVocabularyOf(catalogue: Pick<Catalogue, 'prose' | 'proposals'>): ProseVocabulary | undefined {
  return catalogue.prose && {
    nouns: [...catalogue.prose.nouns],
    names: [...catalogue.prose.names],
    titles: catalogue.proposals.map((p) => ({ number: p.number, title: p.title })),
  };
}

/**
 * How the index reads a document whose candidate lines hold a prose needle (`holdsProseNeedle`):
 * as a whole text, ids by the index's own scan (citations keyed by catalogue position) and prose by
 * each catalogue's grammar under `layout`, ignore markers applied, into the index's compact form.
 * The one whole-text path of the reader threads, `workspace.fs` and the command line.
 */
export interface WholeTextReading {
  /** Lines holding one of these (ignoring case: the nouns') make the document read whole. */
  readonly needles: readonly string[];
  /** What the line filter keeps besides the prefixes: every prose needle (titles' too). */
  readonly lineNeedles: readonly string[];
  read(text: string, layout: TextLayout): ScannedDocument | undefined;
  /**
   * A candidate line's citations when the document is not read whole: ids and whole titles on the
   * line (keyed by catalogue position); the scan an index of these catalogues uses for lines.
   */
  scanLine(text: string): readonly ScannedReference[];
}

/**
 * The whole-text reading of catalogues by position (`scan` is the index's id scan, keyed the
 * same way), or undefined when none reads prose.
 */
export function wholeTextReading(scan: (text: string) => readonly ScannedReference[], prose: readonly (ProseVocabulary | undefined)[], exists: (n: number, catalogue: number) => boolean): WholeTextReading | undefined {
  const scanners = prose.map((v, k) => v && new ProseScanner(v, (n) => exists(n, k)));
  if (!scanners.some((s) => s !== undefined)) {
    return undefined;
  }
  const needles = [...new Set(scanners.flatMap((s) => s?.nounNeedles ?? []))];
  const lineNeedles = [...new Set(scanners.flatMap((s) => s?.needles ?? []))];
  return {
    needles,
    lineNeedles,
    scanLine(text) {
      const ids = scan(text);
      let titles: (ScannedReference & { catalogue: number })[] | undefined;
      for (let k = 0; k < scanners.length; k++) {
        for (const r of scanners[k]?.scanTitles(text) ?? []) {
          (titles ??= []).push({ ...r, catalogue: k });
        }
      }
      // Most lines hold no title: their ids go as the scan gave them, not copied.
      return titles ? mergeProse(text, ids.map((r) => ({ ...r, catalogue: r.catalogue ?? 0 })), titles.sort((a, b) => a.start - b.start), Infinity) : ids;
    },
    read(text, layout) {
      const ids = scan(text).map((r) => ({ ...r, catalogue: r.catalogue ?? 0 }));
      const all = mergeProse(text, ids, proseOf(text, layout, scanners, (k) => k, Infinity), Infinity);
      return documentOfReferences(text, withoutIgnored(readIgnoreMarkers(text), all));
    },
  };
}

/** `refs` (whole-text offsets, in order, on one line each) placed on their lines, in the index's form. */
export function documentOfReferences(text: string, refs: readonly ScannedReference[]): ScannedDocument | undefined {
  const lines: CandidateLine[] = [];
  const byLine = new Map<number, ScannedReference[]>();
  let line = 0;
  let lineStart = 0;
  for (const ref of refs) {
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < ref.start; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    let list = byLine.get(line);
    if (!list) {
      let end = text.indexOf('\n', lineStart);
      end = end < 0 ? text.length : end;
      lines.push({ line, text: text.slice(lineStart, end > lineStart && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end) });
      list = [];
      byLine.set(line, list);
    }
    list.push({ ...ref, start: ref.start - lineStart, end: ref.end - lineStart });
  }
  // The markers were applied: `scanDocument` applies them again to these lines, which changes nothing.
  return scanDocument((_text, l) => byLine.get(l) ?? [], lines);
}

/**
 * The `WholeTextReader` of an index of `catalogues` (by position, prose settings applied with
 * `cataloguesWithProse`), or undefined when none reads prose: a document is laid out by its
 * URI's extension (`layoutOfPath`).
 */
export function indexWholeTextReader(scan: (text: string) => readonly ScannedReference[], catalogues: readonly Catalogue[]): (WholeTextReader & Pick<WholeTextReading, 'lineNeedles' | 'scanLine'>) | undefined {
  const reading = wholeTextReading(scan, catalogues.map(proseVocabularyOf), (n, k) => catalogues[k]?.byNumber(n) !== undefined);
  return reading && { needles: reading.needles, lineNeedles: reading.lineNeedles, scanLine: (text) => reading.scanLine(text), read: (text, uri, layout) => reading.read(text, layout ?? layoutOfPath(uri)) };
}

/** The prose needles of these vocabularies (see `ProseScanner.needles`), for a prefilter. */
export function proseNeedlesOfVocabularies(vocabularies: readonly { readonly prose?: ProseVocabulary }[]): readonly string[] {
  // Every needle, the titles' too: what the line filter (and ripgrep) keep.
  return [...new Set(vocabularies.flatMap((v) => (v.prose ? new ProseScanner(v.prose, () => true).needles : [])))];
}
