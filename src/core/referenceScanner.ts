import type { Reference, ReferenceForm } from './reference';

const HYPHEN = 0x2d; // -
const NB_HYPHEN = 0x2011; // ‑ (a careful typist's hyphen that never breaks a line)
const EN_DASH = 0x2013; // –
const SPACE = 0x20;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const DEGREE = 0xb0; // °, the sign French writes in n°
const ORDINAL = 0xba; // º, often typed for ° and unambiguous
const LOWER_N = 0x6e;
const UPPER_N = 0x4e;
const LOWER_A = 0x61;
const A_GRAVE = 0xe0; // à
const COMBINING_GRAVE = 0x300; // à typed decomposed (NFD), as macOS sometimes stores it
const LOWER_E = 0x65;
const LOWER_T = 0x74;
const LOWER_O = 0x6f;
const LOWER_U = 0x75;

/** Shared by every reference that implies nothing, so that the common case allocates no array. */
const NONE: readonly number[] = Object.freeze([]);

/** Width beyond which a range such as `EGN-3 à 2021` is not expanded into the numbers between. */
const MAX_RANGE_SPAN = 40;

/** Letters, digits and combining marks of any script: what glues a prefix or number into a word. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * How far before a position `referenceAt` looks for the head of a list reaching it: far longer than
 * any list a person writes (`EGN-1, 2, … et 40` is about 130 characters).
 */
export const REFERENCE_WINDOW = 4_096;

/**
 * Finds references to proposals (`EGN-12`, `EGN n° 12`, `EGN-7, 8 et 9`, `EGN-3 à 5`…) in a text.
 *
 * The one grammar of references: hover, completion, links, diagnostics and the workspace index all
 * go through it, so that they never disagree on what a reference is.
 *
 * Grammar (the prefix is matched ignoring case; "space" is U+0020, U+00A0 or U+202F, exactly one):
 * - head: prefix, then `-` (or U+2011), or a space optionally followed by `n°`/`N°`/`nº` and an optional
 *   space, then ASCII digits. It is `canonical` only when written `EGN-12` exactly (prefix as given, ASCII
 *   hyphen, no leading zero); otherwise `variant`. `EGN-012` is number 12, `variant`. `EGN no 12` is not
 *   read: French writes n°, and "no" is an English word that would make false references.
 * - the prefix must not follow a letter, digit or combining mark, nor a single `\` (a LaTeX control
 *   word such as `\EGN` is a name, not a reference; after the line break `\\` it is text). The digits
 *   must not be followed by a letter, digit or mark (`EGN-12abc` is no reference); any other character
 *   may follow them: `EGN-12.5` is 12.
 * - after a number, a list continues with `, `, ` et ` or ` ou ` and a number (`continuation`); a range
 *   with ` à `, a glued en dash `–` or a glued hyphen `-` (`EGN-3-5`) and a number or a whole head
 *   (`EGN-3 à EGN-5`). A range's end carries in `implied` the numbers strictly between its ends when
 *   start < end and end − start ≤ 40. A range end cannot open another range (`EGN-1 à 3 à 5` stops at 3).
 *   A spaced en dash (`EGN-3 – 5`) is an incise in French, not a range; a comma must be followed by a
 *   space (`EGN-12,5` is a decimal-looking 12, then nothing).
 * - nothing spans a line break, since no separator contains one.
 *
 * Scanning is a single left-to-right pass with constant look-ahead per step, so it takes linear time
 * on any input, however adversarial.
 */
export class ReferenceScanner {
  /** Upper- and lower-case code units of each prefix character, for a case-insensitive match. */
  private readonly upper: readonly number[];
  private readonly lower: readonly number[];
  /**
   * Horspool shift for each code unit seen where the prefix's last character would be: how far the
   * prefix can slide without skipping a match. Looking at one character in `prefix.length` instead
   * of every one is what makes the scan several times faster than a plain character loop.
   */
  private readonly shift: Uint8Array;

  /**
   * @param prefix The catalogue's reference prefix (`EGN`), as written in canonical references.
   * @param exists Whether a proposal with that number exists in the catalogue.
   */
  constructor(
    private readonly prefix: string,
    private readonly exists: (n: number) => boolean,
  ) {
    if (prefix.length === 0) {
      throw new Error('ReferenceScanner: the prefix must not be empty.');
    }
    const upper: number[] = [];
    const lower: number[] = [];
    for (const ch of prefix.split('')) {
      // A character whose case mapping changes length (ß → SS) can only match as written.
      const u = ch.toUpperCase();
      const l = ch.toLowerCase();
      upper.push(u.length === 1 ? u.charCodeAt(0) : ch.charCodeAt(0));
      lower.push(l.length === 1 ? l.charCodeAt(0) : ch.charCodeAt(0));
    }
    this.upper = upper;
    this.lower = lower;
    const m = prefix.length;
    // Shifts above 255 are capped: a shorter slide is always safe, only slower.
    this.shift = new Uint8Array(0x10000).fill(Math.min(m, 255));
    for (let k = 0; k < m - 1; k++) {
      const slide = Math.min(m - 1 - k, 255);
      this.shift[upper[k]] = slide;
      this.shift[lower[k]] = slide;
    }
  }

  /** The canonical reference to proposal `n`, e.g. `EGN-12`. */
  canonical(n: number): string {
    return `${this.prefix}-${n}`;
  }

  /**
   * The id a reference names, for messages and hovers: the canonical form, its digits as written
   * without leading zeros, so that a number too long for a `number` shows as typed (`EGN-1000…0`),
   * never as `EGN-Infinity` or `EGN-1e+22`.
   */
  writtenId(ref: Pick<Reference, 'digits'>): string {
    return `${this.prefix}-${ref.digits.replace(/^0+(?=\d)/, '')}`;
  }

  /**
   * Every reference in `text`, in order of `start`, with offsets in UTF-16 code units of `text`.
   * Ranges never overlap. With `limit`, reading stops once that many are found (the last chain read
   * is kept whole).
   */
  scan(text: string, limit = Infinity): Reference[] {
    const found: Reference[] = [];
    this.collect(text, text.length, found, 0, limit);
    return found;
  }

  /**
   * The reference whose range contains `offset`, the end included so that a cursor just after
   * `EGN-12` still designates it (what a hover or a go-to-definition needs).
   */
  referenceAt(text: string, offset: number): Reference | undefined {
    const found: Reference[] = [];
    // A list that starts before the offset may reach it; one that starts after it cannot. On a very
    // long line (a generated file, a megabyte without a line break) only the window before the offset
    // is read, so that a hover costs the same anywhere on the line. A head found there is judged on
    // the real text before it (glued to a word or not); only a list longer than the window would be
    // missed.
    const from = Math.max(0, offset - REFERENCE_WINDOW);
    this.collect(text, offset, found, from);
    let atEnd: Reference | undefined;
    for (const ref of found) {
      if (ref.start <= offset && offset < ref.end) {
        return ref;
      }
      if (ref.end === offset) {
        atEnd = ref;
      }
    }
    return atEnd;
  }

  /**
   * Whether the text just before the cursor is a reference being typed: the prefix (not glued to a
   * preceding word), a separator (`-`, space, `n°`, `n° `) and optionally letters or digits typed to
   * filter the proposals. `replaceStart` is where the prefix starts, so that accepting a completion
   * replaces `EGN-citoy` with `EGN-12`. Undefined after an ordinary hyphen (`auto-`).
   */
  completionContext(textBeforeCursor: string): { replaceStart: number; query: string } | undefined {
    const t = textBeforeCursor;
    let queryStart = t.length;
    for (let w = wordCharLengthBefore(t, queryStart); w > 0; w = wordCharLengthBefore(t, queryStart)) {
      queryStart -= w;
    }
    const query = t.slice(queryStart);
    const q = queryStart;
    const c = t.charCodeAt(q - 1);
    // Each candidate is where the separator would start; the prefix must end right there.
    const candidates: number[] = [];
    if (c === HYPHEN || c === NB_HYPHEN) {
      candidates.push(q - 1);
    } else if (c === DEGREE || c === ORDINAL) {
      if (isN(t.charCodeAt(q - 2)) && isSpace(t.charCodeAt(q - 3))) {
        candidates.push(q - 3);
      }
    } else if (isSpace(c)) {
      const d = t.charCodeAt(q - 2);
      if ((d === DEGREE || d === ORDINAL) && isN(t.charCodeAt(q - 3)) && isSpace(t.charCodeAt(q - 4))) {
        candidates.push(q - 4);
      }
      candidates.push(q - 1);
    }
    for (const sepStart of candidates) {
      const start = sepStart - this.prefix.length;
      if (start >= 0 && this.prefixAt(t, start) && !this.gluedBefore(t, start)) {
        return { replaceStart: start, query };
      }
    }
    return undefined;
  }

  /**
   * The references of the chain (a head and the list or range after it) whose prefix starts at
   * `start`, and where reading stopped; undefined when no reference starts there (no prefix, glued to
   * a word, no number). For a caller that finds heads itself, as `MultiReferenceScanner` does for
   * several prefixes at once: `scan` equals reading the chain at each head it finds, in order, skipping
   * heads inside a chain already read.
   */
  chainFrom(text: string, start: number): { readonly references: Reference[]; readonly end: number } | undefined {
    if (!this.prefixAt(text, start) || this.gluedBefore(text, start)) {
      return undefined;
    }
    const references: Reference[] = [];
    const end = this.chainAt(text, start, references);
    return end > start ? { references, end } : undefined;
  }

  /**
   * Appends to `found` every reference of every chain (head and its list) whose head starts at or
   * before `lastHeadStart` (and at or after `from`).
   */
  private collect(text: string, lastHeadStart: number, found: Reference[], from = 0, max = Infinity): void {
    const last = this.prefix.length - 1;
    const last0 = this.upper[last];
    const last1 = this.lower[last];
    const shift = this.shift;
    const limit = Math.min(text.length - this.prefix.length, lastHeadStart);
    let i = from;
    while (i <= limit && found.length < max) {
      const c = text.charCodeAt(i + last);
      if ((c === last0 || c === last1) && this.prefixAt(text, i) && !this.gluedBefore(text, i)) {
        const end = this.chainAt(text, i, found);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i += shift[c];
    }
  }

  /**
   * Reads the head reference starting at `start` (where the prefix is) and the list or range that
   * follows it. Returns the offset where reading stopped, or `start` when there is no reference.
   */
  private chainAt(text: string, start: number, found: Reference[]): number {
    const head = this.headAt(text, start, undefined);
    if (!head) {
      return start;
    }
    found.push(head);
    let p = head.end;
    let previous = head.number;
    let afterRange = false;
    for (;;) {
      const sep = separatorAt(text, p);
      if (sep === NO_SEPARATOR) {
        return p;
      }
      // Decoded by hand: an object per separator would dominate the cost of reference-dense text.
      const range = (sep & 1) === 1;
      const q = sep >>> 1;
      if (range && afterRange) {
        return p;
      }
      let ref: Reference | undefined;
      if (isDigit(text.charCodeAt(q))) {
        const end = digitsEnd(text, q);
        if (isWordCharAt(text, end)) {
          return p;
        }
        const value = digitsValue(text, q, end);
        ref = this.reference(value, text.slice(q, end), q, end, 'continuation', range ? between(previous, value) : NONE);
      } else if (range && this.prefixAt(text, q)) {
        ref = this.headAt(text, q, previous);
      }
      if (!ref) {
        return p;
      }
      found.push(ref);
      p = ref.end;
      previous = ref.number;
      afterRange = range;
    }
  }

  /**
   * The head reference whose prefix starts at `start`, if any. `rangeStart` is the number a range
   * separator before it opened (`EGN-3 à EGN-5`), so that it carries the numbers in between.
   */
  private headAt(text: string, start: number, rangeStart: number | undefined): Reference | undefined {
    let p = start + this.prefix.length;
    let c = text.charCodeAt(p);
    let canonicalSeparator = false;
    if (c === HYPHEN || c === NB_HYPHEN) {
      canonicalSeparator = c === HYPHEN;
      p++;
    } else if (isSpace(c)) {
      p++;
      c = text.charCodeAt(p);
      const d = text.charCodeAt(p + 1);
      if (isN(c) && (d === DEGREE || d === ORDINAL)) {
        p += 2;
        if (isSpace(text.charCodeAt(p))) {
          p++;
        }
      }
    } else {
      return undefined;
    }
    if (!isDigit(text.charCodeAt(p))) {
      return undefined;
    }
    const end = digitsEnd(text, p);
    if (isWordCharAt(text, end)) {
      return undefined;
    }
    const value = digitsValue(text, p, end);
    const noLeadingZero = text.charCodeAt(p) !== 0x30 || end - p === 1;
    const form: ReferenceForm =
      canonicalSeparator && noLeadingZero && text.startsWith(this.prefix, start) ? 'canonical' : 'variant';
    const implied = rangeStart === undefined ? NONE : between(rangeStart, value);
    return this.reference(value, text.slice(p, end), start, end, form, implied);
  }

  private reference(
    number: number,
    digits: string,
    start: number,
    end: number,
    form: ReferenceForm,
    implied: readonly number[],
  ): Reference {
    return { number, digits, start, end, form, exists: this.exists(number), implied };
  }

  /** Whether the prefix, ignoring case, is written at `i`. */
  private prefixAt(text: string, i: number): boolean {
    const n = this.upper.length;
    if (i + n > text.length) {
      return false;
    }
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(i + k);
      if (c !== this.upper[k] && c !== this.lower[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the prefix at `i` is the tail of a longer word (`XEGN`) or a LaTeX control word (`\EGN`). */
  private gluedBefore(text: string, i: number): boolean {
    if (wordCharLengthBefore(text, i) > 0) {
      return true;
    }
    // `\EGN` is a control word, but in `\\EGN` the `\\` is a line break and EGN is text.
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) {
      backslashes++;
    }
    return backslashes % 2 === 1;
  }
}

/** `separatorAt` found no separator. The helpers below are shared with the prose grammar (`proseScanner.ts`): the same lists and ranges. */
export const NO_SEPARATOR = -1;

/**
 * The list or range separator starting at `p`, if any (see the grammar on `ReferenceScanner`):
 * `NO_SEPARATOR`, or the offset where the next number would start times two, plus one for a range.
 */
export function separatorAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === COMMA) {
    return isSpace(text.charCodeAt(p + 1)) ? (p + 2) * 2 : NO_SEPARATOR;
  }
  if (c === EN_DASH || c === HYPHEN || c === NB_HYPHEN) {
    return (p + 1) * 2 + 1;
  }
  if (!isSpace(c)) {
    return NO_SEPARATOR;
  }
  const a = text.charCodeAt(p + 1);
  const b = text.charCodeAt(p + 2);
  if (a === A_GRAVE && isSpace(b)) {
    return (p + 3) * 2 + 1;
  }
  const after = text.charCodeAt(p + 3);
  if (a === LOWER_A && b === COMBINING_GRAVE && isSpace(after)) {
    return (p + 4) * 2 + 1;
  }
  if (((a === LOWER_E && b === LOWER_T) || (a === LOWER_O && b === LOWER_U)) && isSpace(after)) {
    return (p + 4) * 2;
  }
  return NO_SEPARATOR;
}

/** Offset one past the run of ASCII digits starting at `p`. */
export function digitsEnd(text: string, p: number): number {
  let end = p;
  while (isDigit(text.charCodeAt(end))) {
    end++;
  }
  return end;
}

/** The value of the digits in `[start, end)`. */
export function digitsValue(text: string, start: number, end: number): number {
  if (end - start > 15) {
    // Past 2^53 digit-by-digit arithmetic drifts; Number() rounds such a (never existing) number exactly.
    return Number(text.slice(start, end));
  }
  let value = 0;
  for (let i = start; i < end; i++) {
    value = value * 10 + (text.charCodeAt(i) - 0x30);
  }
  return value;
}

/** The numbers strictly between the ends of a range, when it is a plausible range. */
export function between(from: number, to: number): readonly number[] {
  if (!(from < to) || to - from > MAX_RANGE_SPAN) {
    return NONE;
  }
  const numbers: number[] = [];
  for (let n = from + 1; n < to; n++) {
    numbers.push(n);
  }
  return numbers;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === NBSP || c === NNBSP;
}

function isN(c: number): boolean {
  return c === LOWER_N || c === UPPER_N;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** Whether the character (code point) starting at `i` is a letter, digit or combining mark. */
export function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    return isAsciiAlnum(c);
  }
  if (Number.isNaN(c)) {
    return false;
  }
  const cp = text.codePointAt(i) ?? c;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * The length in code units (1 or 2) of the letter, digit or combining mark that ends just before
 * `i`, or 0 when the character there is none of those (or `i` is the start).
 */
export function wordCharLengthBefore(text: string, i: number): number {
  if (i <= 0) {
    return 0;
  }
  const c = text.charCodeAt(i - 1);
  if (c < 0x80) {
    return isAsciiAlnum(c) ? 1 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) {
      return WORD_CHAR.test(text.slice(i - 2, i)) ? 2 : 0;
    }
  }
  return WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
}
