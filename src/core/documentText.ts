import type { CatalogueSet, LoadedCatalogue } from './catalogueSet';
import { BUNDLED_SOURCE } from './catalogueSet';
import { keyed, type KeyedReference } from './multiReferenceScanner';
import { ProseScanner, proseScannerOf } from './proseScanner';
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
  if (needles.length === 0) {
    return false;
  }
  return lines.some((l) => {
    const lower = l.text.toLowerCase();
    return needles.some((n) => lower.includes(n));
  });
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
  const found: KeyedReference<LoadedCatalogue>[] = [];
  scanners.forEach((scanner, k) => {
    if (scanner) {
      for (const r of scanner.scan(text, layout, limit)) {
        found.push(keyed(r, set.catalogues[k]));
      }
    }
  });
  if (found.length === 0) {
    return [...ids];
  }
  found.sort((a, b) => a.start - b.start);
  const merged: KeyedReference<LoadedCatalogue>[] = [];
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
