import type { Catalogue } from './catalogue';
import { proseNeedles, proseNeedleSets } from './proseNeedles';
import type { Reference } from './reference';
import { between, digitsEnd, digitsValue, isWordCharAt, NO_SEPARATOR, separatorAt } from './referenceScanner';
import { textBlocks, type TextBlocks } from './textBlocks';
import type { TextLayout } from './textLayout';

/** What a catalogue gives the prose grammar: its nouns, names and titles. */
export interface ProseVocabulary {
  /** Singular nouns (`proposition`); the plural adds an s. */
  readonly nouns: readonly string[];
  /** Names that say the catalogue is meant (`États généraux du numérique`, `EGN`). */
  readonly names: readonly string[];
  /** Every proposal's number and official title. */
  readonly titles: readonly { readonly number: number; readonly title: string }[];
}

const SPACE = 0x20;
const TAB = 0x09;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const THIN = 0x2009;
const LF = 0x0a;
const CR = 0x0d;
const DEGREE = 0xb0;
const ORDINAL_O = 0xba;
const SUPER_O = 0x1d52; // ᵒ of nᵒˢ
const SUPER_S = 0x2e2; // ˢ of nᵒˢ
const HYPHEN = 0x2d;
const NB_HYPHEN = 0x2011;
const PERIOD = 0x2e;
const COMMA = 0x2c;

/** Longest gap of punctuation and spaces read between two words of a title. */
const MAX_TITLE_GAP = 12;
/** The words before a noun that an ordinal may take (`vingt et unième`). */
const MAX_ORDINAL_WORDS = 3;
/** Shared by every line without a title: the common case allocates nothing. */
const NONE: readonly Reference[] = Object.freeze([]);

/**
 * The prose grammar of one catalogue: citations as documents write them, beside the id grammar
 * (`ReferenceScanner`), with the same lists and ranges. For the noun « proposition »:
 * - numbered: the noun or its plural (any case), optionally `n°`, `nº`, `N°`, `nos`, `n°s`, `nᵒˢ`,
 *   then a number and the id grammar's lists and ranges: « la proposition n° 12 », « propositions 3,
 *   5 et 12 », « propositions nos 15 à 18 ». Spaces are any of U+0020, U+00A0, U+202F, U+2009, a
 *   tab, and in LaTeX `~`; never a line break.
 * - ordinal: « la première proposition », « deuxième », « seconde » … « soixantième », `1re`, `1ère`,
 *   `2e`, `2ème`, `12ᵉ` before the noun.
 * - context: numbered and ordinal citations count only where the catalogue is named (one of its
 *   names, ignoring case and accents, as a whole word): in the same paragraph, in the one just
 *   before, or in a heading above (the layout says what paragraphs and headings are).
 * - title: a proposal's full title, anywhere, whatever the letter case, accents as composed or
 *   decomposed (NFD), apostrophes, quotation marks and spaces between its words; a title wrapped
 *   over lines is read, its range ends with its first line (a citation is on one line).
 * - not citations: a noun glued to a word (`contre-proposition 4`), a number glued to a word
 *   (`proposition 12bis`, `proposition12`) or a decimal (`proposition 1.2`), an ordinal followed by
 *   « de loi », « de résolution »… (a bill, not a proposal).
 *
 * Linear time: one regular expression of literal words finds the nouns and one word of each title;
 * each hit is then read with bounded look-around (a title costs at most its own length), and each
 * paragraph is folded at most once to look for the names.
 */
export class ProseScanner {
  private readonly finder: RegExp | undefined;
  /** The titles' keywords alone, for `scanTitles` (a line of a document not read whole). */
  private readonly titleFinder: RegExp | undefined;
  /** Every name, ignoring case and accents (see `namePattern`), for `BlockContext`. */
  private readonly names: RegExp | undefined;
  /** Folded words of each title, and which of them (`keyAt`, `keyLast`) its keyword is. */
  private readonly titles: readonly { readonly number: number; readonly words: readonly string[]; readonly keyAt: number; readonly keyLast: number }[];
  /** For each keyword (folded), the titles it opens the search of. */
  private readonly byKeyword = new Map<string, number[]>();
  /** Strings a line must hold (ignoring case) to be worth reading for prose: see `proseNeedles`. */
  readonly needles: readonly string[];
  /** Of `needles`, those of the nouns: a document holding one is read whole (see `proseNeedleSets`). */
  readonly nounNeedles: readonly string[];

  constructor(vocabulary: ProseVocabulary, private readonly exists: (n: number) => boolean) {
    const nouns = [...new Set(vocabulary.nouns.map((n) => n.trim()).filter((n) => n.length > 0))];
    // Longest first: at one place the regular expression takes the first alternative that matches,
    // and `EGN` must not hide `EGNé` (then refused as glued to a letter).
    const names = [...new Set(vocabulary.names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
    this.names = names.length > 0 ? new RegExp(names.map(namePattern).join('|'), 'giu') : undefined;
    const titles: { number: number; words: string[]; keyAt: number; keyLast: number }[] = [];
    // A noun is found as a noun, never as a title's keyword.
    const writtenKeywords = new Map<string, string>();
    const nounWords = new Set(nouns.flatMap((n) => [foldText(n), `${foldText(n)}s`]));
    for (const t of vocabulary.titles) {
      // Folding keeps letters one for one (it drops marks only), so both splits give the same words.
      const nfc = t.title.normalize('NFC');
      const found = [...nfc.matchAll(/[\p{L}\p{N}]+/gu)];
      const written = found.map((m) => m[0]);
      const words = written.map(foldText);
      if (words.length < 2) {
        continue; // a one-word title would be read in every sentence that holds the word
      }
      // Two words the title writes with one space between them: far rarer in other text than any
      // one word, so that few places are read as a possible title.
      const spaced = (i: number): boolean => nfc.slice((found[i].index ?? 0) + written[i].length, found[i + 1].index) === ' ';
      const keyAt = keywordIndex(written, words, nounWords, spaced);
      const keyLast = keyAt + 1 < words.length && spaced(keyAt) ? keyAt + 1 : keyAt;
      const key = words.slice(keyAt, keyLast + 1).join(' ');
      titles.push({ number: t.number, words, keyAt, keyLast });
      const list = this.byKeyword.get(key) ?? [];
      list.push(titles.length - 1);
      this.byKeyword.set(key, list);
      writtenKeywords.set(key, written.slice(keyAt, keyLast + 1).map(wordPattern).join('[ \\t\\u00a0\\u202f]+'));
    }
    this.titles = titles;
    // Longest first, as for the names: a keyword must not hide a longer one it begins.
    const keywords = [...writtenKeywords.values()].sort((a, b) => b.length - a.length);
    // Three groups whatever is empty: 1 the noun, 2 its plural s, 3 a title's keyword.
    const nounPart = nouns.length > 0 ? `(${nouns.map(wordPattern).join('|')})(s?)` : '(?!)()()';
    const keywordPart = keywords.length > 0 ? `(${keywords.join('|')})` : '(?!)';
    const source = `${nounPart}|${keywordPart}`;
    // Without the `u` flag V8 searches about twice as fast; it is needed only for a non-ASCII word.
    const flags = (s: string): string => ([...s].every((ch) => ch.charCodeAt(0) < 0x80) ? 'gi' : 'giu');
    this.finder = nouns.length + keywords.length > 0 ? new RegExp(source, flags(source)) : undefined;
    const titleSource = `()()${keywordPart}`;
    this.titleFinder = keywords.length > 0 ? new RegExp(titleSource, flags(titleSource)) : undefined;
    this.needles = proseNeedles(vocabulary);
    this.nounNeedles = proseNeedleSets(vocabulary).nouns;
  }

  /**
   * Every prose and title citation in `text`, in order of `start`, ranges never overlapping; with
   * `limit`, reading stops once that many are found.
   */
  scan(written: string, layout: TextLayout, limit = Infinity): Reference[] {
    const finder = this.finder;
    if (!finder) {
      return [];
    }
    // In LaTeX `~` is a space (a tie): read a copy where it is one, offsets unchanged.
    const text = layout.kind === 'latex' && written.includes('~') ? written.replace(/~/g, ' ') : written;
    const found: Reference[] = [];
    let blocks: TextBlocks | undefined;
    let context: BlockContext | undefined;
    finder.lastIndex = 0;
    let lastEnd = 0;
    for (let m = finder.exec(text); m && found.length < limit; m = finder.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < lastEnd || isWordBefore(text, start) || isWordCharAt(text, end)) {
        continue;
      }
      let refs: Reference[] | undefined;
      if (m[1]) {
        if (text.charCodeAt(start - 1) === HYPHEN || text.charCodeAt(start - 1) === NB_HYPHEN) {
          continue; // contre-proposition, sous-proposition: another thing
        }
        refs = this.numberedAt(text, start, end) ?? this.ordinalAt(text, start, end);
        if (refs) {
          blocks ??= textBlocks(text, layout);
          context ??= new BlockContext(text, blocks, this.names);
          if (!context.named(blocks.blockAt(start))) {
            refs = undefined;
          }
        }
      } else if (m[3]) {
        refs = this.titleAt(text, start, end, m[3]);
      }
      if (refs) {
        for (const r of refs) {
          found.push(r);
        }
        lastEnd = refs[refs.length - 1].end;
        finder.lastIndex = Math.max(finder.lastIndex, lastEnd);
      }
    }
    return withoutOverlaps(found);
  }

  /**
   * The whole titles written in `text` (one line of a document that is not read whole): what `scan`
   * finds of them, through one search for their keywords only, and nothing made when there is none.
   */
  scanTitles(text: string): readonly Reference[] {
    const finder = this.titleFinder;
    if (!finder) {
      return NONE;
    }
    finder.lastIndex = 0;
    const first = finder.exec(text);
    if (!first) {
      return NONE;
    }
    const found: Reference[] = [];
    let lastEnd = 0;
    for (let m: RegExpExecArray | null = first; m; m = finder.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < lastEnd || isWordBefore(text, start) || isWordCharAt(text, end)) {
        continue;
      }
      const refs = this.titleAt(text, start, end, m[3]);
      if (refs) {
        found.push(...refs);
        lastEnd = refs[refs.length - 1].end;
        finder.lastIndex = Math.max(finder.lastIndex, lastEnd);
      }
    }
    return withoutOverlaps(found);
  }

  /** « proposition n° 12 », « propositions 6, 7 et 8 » whose noun spans [start, nounEnd). */
  private numberedAt(text: string, start: number, nounEnd: number): Reference[] | undefined {
    let p = skipSpaces(text, nounEnd);
    if (p === nounEnd) {
      return undefined;
    }
    const numero = numeroEnd(text, p);
    if (numero > p) {
      const q = skipSpaces(text, numero);
      // `nos` is French for "our" too: only a number right after it makes it the abbreviation.
      p = q;
    }
    if (!isDigit(text.charCodeAt(p))) {
      return undefined;
    }
    const end = digitsEnd(text, p);
    if (gluedAfterNumber(text, end)) {
      return undefined;
    }
    const value = digitsValue(text, p, end);
    const refs: Reference[] = [this.reference(value, text.slice(p, end), start, end, 'prose', [])];
    let previous = value;
    let afterRange = false;
    let at = end;
    for (;;) {
      const sep = separatorAt(text, at);
      if (sep === NO_SEPARATOR) {
        break;
      }
      const range = (sep & 1) === 1;
      const q = sep >>> 1;
      if ((range && afterRange) || !isDigit(text.charCodeAt(q))) {
        break;
      }
      const e = digitsEnd(text, q);
      if (gluedAfterNumber(text, e)) {
        break;
      }
      const v = digitsValue(text, q, e);
      refs.push(this.reference(v, text.slice(q, e), q, e, 'prose', range ? between(previous, v) : []));
      previous = v;
      afterRange = range;
      at = e;
    }
    return refs;
  }

  /** « la première proposition », « 12e proposition » whose noun spans [nounStart, nounEnd). */
  private ordinalAt(text: string, nounStart: number, nounEnd: number): Reference[] | undefined {
    // Up to three words before the noun, each separated by one space or hyphen.
    const words: { start: number; folded: string }[] = [];
    let p = nounStart;
    for (let k = 0; k < MAX_ORDINAL_WORDS; k++) {
      const sep = text.charCodeAt(p - 1);
      const spaced = isSpace(sep);
      if (!(spaced || (k > 0 && (sep === HYPHEN || sep === NB_HYPHEN)))) {
        break;
      }
      let s = p - 1;
      while (s > 0 && s > p - 1 - 24 && isWordBefore(text, s)) {
        s--;
      }
      if (s === p - 1) {
        break;
      }
      words.unshift({ start: s, folded: foldText(text.slice(s, p - 1)) });
      p = s;
    }
    for (let n = words.length; n >= 1; n--) {
      const group = words.slice(words.length - n);
      const value = ordinalValue(group.map((w) => w.folded));
      if (value !== undefined) {
        if (followedByBill(text, nounEnd)) {
          return undefined;
        }
        return [this.reference(value, String(value), group[0].start, nounEnd, 'prose', [])];
      }
    }
    return undefined;
  }

  /** A full title through the keyword at [start, end), if one is written there. */
  private titleAt(text: string, start: number, end: number, keyword: string): Reference[] | undefined {
    const candidates = this.byKeyword.get(foldText(keyword));
    if (!candidates) {
      return undefined;
    }
    let best: Reference | undefined;
    for (const t of candidates) {
      const title = this.titles[t];
      const range = matchTitle(text, start, end, title.words, title.keyAt, title.keyLast);
      if (range && (!best || range[1] - range[0] > best.end - best.start)) {
        best = this.reference(title.number, String(title.number), range[0], range[1], 'title', []);
      }
    }
    return best && [best];
  }

  private reference(number: number, digits: string, start: number, end: number, form: 'prose' | 'title', implied: readonly number[]): Reference {
    return { number, digits, start, end, form, exists: this.exists(number), implied };
  }
}

/**
 * `found` in order of start, ranges never overlapping: where a title and a numbered citation overlap
 * (a title holding the noun), the title is kept.
 */
function withoutOverlaps(found: Reference[]): Reference[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Reference[] = [];
  for (const r of found) {
    let last = kept[kept.length - 1];
    if (last && r.start < last.end) {
      if (r.form !== 'title' || last.form === 'title') {
        continue;
      }
      while (last && r.start < last.end) {
        kept.pop();
        last = kept[kept.length - 1];
      }
    }
    kept.push(r);
  }
  return kept;
}

/** Whether each block of a text names the catalogue, or stands where one before or above does. */
class BlockContext {
  /** Whether each block asked about holds a name: each block is searched once, alone. */
  private readonly own = new Map<number, boolean>();
  /** For each block, the nearest heading above it (or -1), computed on the first call. */
  private parents: Int32Array | undefined;

  constructor(private readonly text: string, private readonly blocks: TextBlocks, private readonly names: RegExp | undefined) {}

  /** Whether block `b` is in the catalogue's context: it, the block before it, or a heading above it names it. */
  named(b: number): boolean {
    if (b < 0) {
      return false;
    }
    if (this.holdsName(b) || (b > 0 && this.holdsName(b - 1))) {
      return true;
    }
    const parents = (this.parents ??= headingParents(this.blocks));
    for (let h = parents[b]; h >= 0; h = parents[h]) {
      if (this.holdsName(h)) {
        return true;
      }
    }
    return false;
  }

  /** Whether block `b`'s own text holds a name of the catalogue, as a whole word. */
  private holdsName(b: number): boolean {
    let own = this.own.get(b);
    if (own === undefined) {
      own = false;
      const names = this.names;
      // The block alone: a search of the whole text from here could run far past its end.
      const block = this.text.slice(this.blocks.start[b], this.blocks.end[b]);
      if (names) {
        names.lastIndex = 0;
        for (let m = names.exec(block); m && !own; m = names.exec(block)) {
          own = !isWordBefore(block, m.index) && !isWordCharAt(block, m.index + m[0].length);
        }
      }
      this.own.set(b, own);
    }
    return own;
  }
}

/**
 * For each block, the nearest heading above it of a lower level (for a heading) or any level (for
 * a paragraph), or -1: the chain of headings a paragraph stands under.
 */
function headingParents(blocks: TextBlocks): Int32Array {
  const n = blocks.start.length;
  const parents = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let b = 0; b < n; b++) {
    const level = blocks.level[b];
    if (level > 0) {
      while (stack.length > 0 && blocks.level[stack[stack.length - 1]] >= level) {
        stack.pop();
      }
    }
    parents[b] = stack.length > 0 ? stack[stack.length - 1] : -1;
    if (level > 0) {
      stack.push(b);
    }
  }
  return parents;
}

/**
 * Whether the title of `words` is written through the keyword at [start, end) (its `keyAt`-th
 * word): the words before it and after it, folded, with only spaces, punctuation and quotes between
 * them, never a blank line. The range, its end cut at the first line's end, or undefined.
 */
function matchTitle(text: string, start: number, end: number, words: readonly string[], keyAt: number, keyLast: number): [number, number] | undefined {
  let first = start;
  for (let k = keyAt - 1; k >= 0; k--) {
    const wordEnd = gapBefore(text, first);
    if (wordEnd < 0) {
      return undefined;
    }
    let s = wordEnd;
    while (s > 0 && isWordBefore(text, s)) {
      s--;
    }
    if (s === wordEnd || !foldedEquals(text, s, wordEnd, words[k])) {
      return undefined;
    }
    first = s;
  }
  let last = end;
  for (let k = keyLast + 1; k < words.length; k++) {
    const wordStart = gapAfter(text, last);
    if (wordStart < 0) {
      return undefined;
    }
    let e = wordStart;
    while (e < text.length && isWordCharAt(text, e)) {
      e++;
    }
    if (e === wordStart || !foldedEquals(text, wordStart, e, words[k])) {
      return undefined;
    }
    last = e;
  }
  if (isWordBefore(text, first) || isWordCharAt(text, last)) {
    return undefined;
  }
  const lineEnd = text.indexOf('\n', first);
  const cut = lineEnd >= 0 && lineEnd < last ? (text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd) : last;
  return [first, cut];
}

/** Where the word before the gap ending at `p` ends, or -1 when the gap is too long or holds a blank line. */
function gapBefore(text: string, p: number): number {
  let q = p;
  let breaks = 0;
  while (q > 0 && p - q <= MAX_TITLE_GAP && !isWordBefore(text, q)) {
    if (text.charCodeAt(q - 1) === LF && ++breaks > 1) {
      return -1;
    }
    q--;
  }
  return q === p || p - q > MAX_TITLE_GAP || q === 0 ? -1 : q;
}

/** Where the word after the gap starting at `p` starts, or -1 (see `gapBefore`). */
function gapAfter(text: string, p: number): number {
  let q = p;
  let breaks = 0;
  while (q < text.length && q - p <= MAX_TITLE_GAP && !isWordCharAt(text, q)) {
    if (text.charCodeAt(q) === LF && ++breaks > 1) {
      return -1;
    }
    q++;
  }
  return q === p || q - p > MAX_TITLE_GAP || q >= text.length ? -1 : q;
}

/** Whether text[start, end), folded, is `word`. */
function foldedEquals(text: string, start: number, end: number, word: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === 0) {
      continue;
    }
    if (word.charCodeAt(k) !== f) {
      return false;
    }
    k++;
  }
  return k === word.length;
}

/** The `nº`, `n°`, `nos`, `n°s`, `nᵒˢ` at `p`: where it ends, or `p` when there is none. */
function numeroEnd(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c !== 0x6e && c !== 0x4e) {
    return p;
  }
  const d = text.charCodeAt(p + 1);
  if (d === DEGREE || d === ORDINAL_O) {
    return text.charCodeAt(p + 2) === 0x73 ? p + 3 : p + 2;
  }
  if (d === SUPER_O) {
    return text.charCodeAt(p + 2) === SUPER_S ? p + 3 : p + 2;
  }
  if ((d === 0x6f || d === 0x4f) && (text.charCodeAt(p + 2) === 0x73 || text.charCodeAt(p + 2) === 0x53) && !isWordCharAt(text, p + 3)) {
    return p + 3; // nos, the plural abbreviation
  }
  return p;
}

/** A number glued to a word (`12bis`) or the integer part of a decimal (`1.2`, `1,2`). */
function gluedAfterNumber(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return isWordCharAt(text, end) || ((c === PERIOD || c === COMMA) && isDigit(text.charCodeAt(end + 1)));
}

/** « de loi », « de résolution »…: what makes « la première proposition » a bill or a motion. */
const BILL = /^[\s\u00a0\u202f]+d(?:e|u|es)[\s\u00a0\u202f]+(?:loi|r[ée]solution|directive|r[èe]glement|d[ée]cision|budget)(?![\p{L}\p{N}])/iu;

function followedByBill(text: string, nounEnd: number): boolean {
  return BILL.test(text.slice(nounEnd, nounEnd + 40).normalize('NFC'));
}

/** Spaces after `p` (at least none): ` `, no-break ones, a tab; where they end. */
function skipSpaces(text: string, p: number): number {
  let q = p;
  while (q < p + 8 && isSpace(text.charCodeAt(q))) {
    q++;
  }
  return q;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === NBSP || c === NNBSP || c === THIN || c === TAB;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whether the character before `i` is a letter, digit or mark (a low surrogate pair counted as letter). */
function isWordBefore(text: string, i: number): boolean {
  if (i <= 0) {
    return false;
  }
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    return isWordCharAt(text, i - 2);
  }
  return isWordCharAt(text, i - 1);
}

const ORDINALS = ordinalTable();

/** The number an ordinal of folded words names (`premiere`, `vingt et unieme`, `12e`), if any. */
function ordinalValue(words: readonly string[]): number | undefined {
  if (words.length === 1) {
    const m = /^(\d{1,3})(?:e|eme|er|re|ere|nd|nde)$/.exec(words[0]);
    if (m && !m[1].startsWith('0')) {
      return Number(m[1]);
    }
  }
  return ORDINALS.get(words.join('-'));
}

/** French ordinals from « premier » to « soixantième », folded, words joined with `-`. */
function ordinalTable(): ReadonlyMap<string, number> {
  const map = new Map<string, number>([['premier', 1], ['premiere', 1], ['second', 2], ['seconde', 2]]);
  const units = ['', 'unieme', 'deuxieme', 'troisieme', 'quatrieme', 'cinquieme', 'sixieme', 'septieme', 'huitieme', 'neuvieme'];
  const teens = ['dixieme', 'onzieme', 'douzieme', 'treizieme', 'quatorzieme', 'quinzieme', 'seizieme', 'dix-septieme', 'dix-huitieme', 'dix-neuvieme'];
  units.forEach((u, n) => n >= 2 && map.set(u, n));
  teens.forEach((t, k) => map.set(t, 10 + k));
  const tens: [string, string, number][] = [['vingt', 'vingtieme', 20], ['trente', 'trentieme', 30], ['quarante', 'quarantieme', 40], ['cinquante', 'cinquantieme', 50]];
  for (const [ten, tenth, value] of tens) {
    map.set(tenth, value);
    map.set(`${ten}-et-unieme`, value + 1);
    for (let n = 2; n <= 9; n++) {
      map.set(`${ten}-${units[n]}`, value + n);
    }
  }
  map.set('soixantieme', 60);
  return map;
}

/** Which word of a title stands for it in the search: the longest ASCII-only one (ripgrep's needle is ASCII). */
function keywordIndex(written: readonly string[], folded: readonly string[], nouns: ReadonlySet<string>, spaced: (i: number) => boolean): number {
  let best = 0;
  let bestScore = -Infinity;
  written.forEach((w, i) => {
    // Best: two ASCII words with a space between (a search without the `u` flag, few false hits),
    // the shorter of them as long as can be (short words are the common ones: de, la, les).
    const pair = i + 1 < written.length && spaced(i);
    const next = pair ? written[i + 1] : '';
    const ascii = /^[a-z]+$/i.test(w) && (!pair || /^[a-z]+$/i.test(next));
    const noun = nouns.has(folded[i]) || (pair && nouns.has(folded[i + 1]));
    const score = (noun ? -10_000 : 0) + (ascii ? 2000 : 0) + (pair ? 1000 : 0) + 10 * Math.min(w.length, pair ? next.length : w.length) + w.length + next.length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * A regular expression source matching a name ignoring case and accents (`ETATS GENERAUX` is
 * `États généraux`, composed or decomposed), any run of spaces between its words, either apostrophe.
 */
function namePattern(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFC')) {
    const base = ch.normalize('NFD').charAt(0);
    if (/\s/u.test(ch)) {
      out += '[\\s\\u00a0\\u202f]+';
    } else if (ch === "'" || ch === '’') {
      out += "['’ʼ]";
    } else if (base !== ch) {
      out += `(?:${ch}|${base}\\p{M}*)`;
    } else {
      out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return out;
}

/**
 * A regular expression source matching `word` ignoring case, each accented letter composed or
 * decomposed (the `i` and `u` flags give the case).
 */
function wordPattern(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out += nfd.length > 1 ? `(?:${esc(ch)}|${esc(nfd)})` : esc(ch);
  }
  return out;
}


let FOLD: Uint16Array | undefined;

/**
 * The folded code unit of `c`: lower case, accents dropped (0 for a combining mark, which is
 * dropped), ’ as ', no-break and thin spaces as a space, superscript ᵉ ʳ ᵒ ˢ as letters.
 */
function foldUnit(c: number): number {
  const table = (FOLD ??= foldTable());
  return table[c];
}

function foldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = c;
  }
  for (let c = 0x41; c < 0x250; c++) {
    const base = String.fromCharCode(c).normalize('NFD').toLowerCase();
    if (base.length >= 1 && base.charCodeAt(0) < 0x250) {
      t[c] = base.charCodeAt(0);
    }
  }
  for (let c = 0x300; c < 0x370; c++) {
    t[c] = 0;
  }
  for (const c of [0x2019, 0x2018, 0x2bc]) {
    t[c] = 0x27;
  }
  for (const c of [NBSP, NNBSP, THIN, TAB, 0x2002, 0x2003, 0x2007, 0x2008, LF, CR]) {
    t[c] = SPACE;
  }
  t[0x1d49] = 0x65; // ᵉ
  t[0x2b3] = 0x72; // ʳ
  t[SUPER_O] = 0x6f;
  t[SUPER_S] = 0x73;
  for (let c = 0x41; c <= 0x5a; c++) {
    t[c] = c + 0x20;
  }
  return t;
}

/** `s` folded (see `foldUnit`), runs of spaces made one. */
export function foldText(s: string): string {
  const units: number[] = [];
  let out = '';
  let lastSpace = false;
  for (let i = 0; i < s.length; i++) {
    const f = foldUnit(s.charCodeAt(i));
    if (f === 0 || (f === SPACE && lastSpace)) {
      continue;
    }
    lastSpace = f === SPACE;
    units.push(f);
    if (units.length === 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/**
 * The prose grammar of `catalogue`, or undefined when its file declares no `prose` block. `extraNames`
 * (the `egn.prose.names` setting, for the bundled catalogue) are names besides the file's.
 */
export function proseScannerOf(catalogue: Catalogue, extraNames: readonly string[] = []): ProseScanner | undefined {
  if (!catalogue.prose) {
    return undefined;
  }
  return new ProseScanner(
    { nouns: catalogue.prose.nouns, names: [...catalogue.prose.names, ...extraNames], titles: catalogue.proposals.map((p) => ({ number: p.number, title: p.title })) },
    (n) => catalogue.byNumber(n) !== undefined,
  );
}
