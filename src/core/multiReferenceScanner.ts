import type { Reference } from './reference';
import { REFERENCE_WINDOW, type ReferenceScanner } from './referenceScanner';

/** A reference found by `MultiReferenceScanner`, with the catalogue (or any key) it belongs to. */
export type KeyedReference<K> = Reference & {
  /** What the scanner was given for this prefix: a catalogue, typically. */
  readonly catalogue: K;
};

/** One prefix to scan for, with its own scanner (the one grammar of references, per catalogue). */
export interface PrefixScanner<K> {
  readonly prefix: string;
  readonly scanner: ReferenceScanner;
  readonly catalogue: K;
}

const HYPHEN = 0x2d;
const NB_HYPHEN = 0x2011;
const SPACE = 0x20;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const DEGREE = 0xb0;
const ORDINAL = 0xba;
const SEPARATORS = [HYPHEN, NB_HYPHEN, SPACE, NBSP, NNBSP];
const SPACES = [SPACE, NBSP, NNBSP];
const DIGITS = Array.from({ length: 10 }, (_, i) => 0x30 + i);

/**
 * Finds the references of several catalogues in a text, each with its catalogue, in order of
 * `start`. Each catalogue keeps its own `ReferenceScanner`, unchanged: this only decides where
 * they need to look.
 *
 * Running every scanner over the whole text costs one pass per catalogue (20 catalogues, 20 passes),
 * and one regular expression of all prefixes runs at about 100 MB/s in V8. Instead, one
 * Horspool-style pass finds the heads of references of any prefix: the grammar's heads end in
 * `PREFIX SEP DIGIT` or `PREFIX SPACE n °`, rare characters (a digit, a degree sign) that the pass
 * stops on, skipping up to the shortest prefix's length plus two characters at each step. At each
 * head found, the catalogue's own scanner reads the chain (`ReferenceScanner.chainFrom`: word
 * boundaries, lists, ranges), so the result is the same as scanning the whole text with each scanner
 * and merging by offset (a unit test checks it on random texts).
 */
export class MultiReferenceScanner<K> {
  /**
   * The scanners by prefix, for each prefix length (the index): up to `MAX_CODED` characters by the
   * number `prefixCode` gives, which needs no string; longer ones by the upper-case prefix.
   */
  private readonly byCode: (Map<number, PrefixScanner<K>> | undefined)[] = [];
  private readonly byText: (Map<string, PrefixScanner<K>> | undefined)[] = [];
  private readonly longest: number;
  /** Length of the window the head search slides: the shortest prefix plus two. */
  private readonly window: number;
  /** How far the window may slide for the code unit at its end; 0 where a head may end. */
  private readonly shift: Uint8Array;

  constructor(readonly entries: readonly PrefixScanner<K>[]) {
    const seen = new Set<string>();
    for (const e of entries) {
      const key = e.prefix.toUpperCase();
      if (seen.has(key)) {
        throw new Error(`MultiReferenceScanner: the prefix ${e.prefix} is given twice; prefixes must be unique.`);
      }
      seen.add(key);
      const n = key.length;
      const code = prefixCode(key, key.length, key.length);
      if (n <= MAX_CODED && code !== undefined) {
        (this.byCode[n] ??= new Map()).set(code, e);
      } else {
        (this.byText[n] ??= new Map()).set(key, e);
      }
    }
    this.longest = Math.max(0, ...entries.map((e) => e.prefix.length));
    const shortest = Math.min(...entries.map((e) => e.prefix.length), 253);
    this.window = shortest + 2;
    this.shift = headShifts(entries.map((e) => e.prefix), this.window);
  }

  /**
   * Every reference in `text`, of every catalogue, in order of `start`; ranges never overlap. With
   * `limit`, reading stops once that many are found (the last chain read is kept whole), so that a
   * capped scan of a huge document costs what the cap allows, not what the document holds.
   */
  scan(text: string, limit = Infinity): KeyedReference<K>[] {
    return this.scanRange(text, 0, text.length, limit);
  }

  /**
   * The reference whose range contains `offset` (its end included, as `ReferenceScanner.referenceAt`
   * says), of whichever catalogue. Only the line holding `offset` is looked at.
   */
  referenceAt(text: string, offset: number): KeyedReference<K> | undefined {
    // lastIndexOf treats a negative start as 0 and would find a line break at offset 0.
    const lineStart = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    const newline = text.indexOf('\n', Math.max(0, offset));
    const lineEnd = newline < 0 ? text.length : newline;
    // On a very long line, only a window around the offset (see `REFERENCE_WINDOW`).
    const from = Math.max(lineStart, offset - REFERENCE_WINDOW);
    const to = Math.min(lineEnd, Math.max(0, offset) + REFERENCE_WINDOW);
    let atEnd: KeyedReference<K> | undefined;
    for (const ref of this.scanRange(text, from, to)) {
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
   * Whether the text before the cursor is a reference being typed (`FRA-`, `EGN n° 1`), and of which
   * catalogue; see `ReferenceScanner.completionContext`.
   */
  completionContext(textBeforeCursor: string): { replaceStart: number; query: string; catalogue: K } | undefined {
    let best: { replaceStart: number; query: string; catalogue: K } | undefined;
    for (const entry of this.entries) {
      const context = entry.scanner.completionContext(textBeforeCursor);
      // Two prefixes can both end at the separator only when one ends the other (`RA`, `FRA`):
      // the one starting first is what was typed, since the shorter one is glued to a letter.
      if (context && (!best || context.replaceStart < best.replaceStart)) {
        best = { ...context, catalogue: entry.catalogue };
      }
    }
    return best;
  }

  /** The references whose head lies in [from, to), `to` being at most a line end or the end of the text. */
  private scanRange(text: string, from: number, to: number, limit = Infinity): KeyedReference<K>[] {
    const found: KeyedReference<K>[] = [];
    const shift = this.shift;
    /** Where the last chain read of each catalogue ended: a head before it was part of that chain. */
    const chainEnds = new Map<PrefixScanner<K>, number>();
    let j = from + this.window - 1;
    while (j < to && found.length < limit) {
      const step = shift[text.charCodeAt(j)];
      if (step !== 0) {
        j += step;
        continue;
      }
      const head = this.headEndingAt(text, j, from);
      if (head && head.start >= (chainEnds.get(head.entry) ?? 0)) {
        const chain = head.entry.scanner.chainFrom(text, head.start);
        if (chain) {
          for (const ref of chain.references) {
            found.push(keyed(ref, head.entry.catalogue));
          }
          chainEnds.set(head.entry, chain.end);
          // A chain ends before the next head of another catalogue, which starts with a letter where a
          // chain goes on with a number; the one overlap is a prefix spelt like a list word (`ET`,
          // `OU`): `EGN-7 et 9` is read as EGN-7 and EGN-9, not as ET-9.
          j = Math.max(j + 1, chain.end + this.window - 1);
          continue;
        }
      }
      j++;
    }
    return found;
  }

  /**
   * The head (`PREFIX SEP` before the digit at `j`, or `PREFIX SPACE n` before the degree sign at
   * `j`) of a known prefix, or undefined. Whether it is glued to a word is for the scanner to say.
   */
  private headEndingAt(text: string, j: number, from: number): { start: number; entry: PrefixScanner<K> } | undefined {
    const c = text.charCodeAt(j);
    let prefixEnd: number;
    if (c >= 0x30 && c <= 0x39) {
      const sep = text.charCodeAt(j - 1);
      if (sep !== HYPHEN && sep !== SPACE && sep !== NBSP && sep !== NNBSP && sep !== NB_HYPHEN) {
        return undefined;
      }
      prefixEnd = j - 1;
    } else if (c === DEGREE || c === ORDINAL) {
      const n = text.charCodeAt(j - 1);
      const sp = text.charCodeAt(j - 2);
      if ((n !== 0x6e && n !== 0x4e) || (sp !== SPACE && sp !== NBSP && sp !== NNBSP)) {
        return undefined;
      }
      prefixEnd = j - 2;
    } else {
      return undefined;
    }
    // Read backwards from the separator. Where two prefixes match (`RA` and `FRA` in `FRA-1`), the
    // longer one is the reference: the shorter one is glued to the letters before it.
    let found: { start: number; entry: PrefixScanner<K> } | undefined;
    let code = 0;
    let weight = 1;
    const longest = Math.min(this.longest, prefixEnd - from);
    for (let k = 1; k <= longest; k++) {
      const unit = alnumCode(text.charCodeAt(prefixEnd - k));
      if (unit === 0) {
        break; // prefixes are letters and digits: no longer one can match
      }
      let entry: PrefixScanner<K> | undefined;
      if (k <= MAX_CODED) {
        code += unit * weight;
        weight *= CODE_BASE;
        entry = this.byCode[k]?.get(code);
      }
      entry ??= this.byText[k]?.get(text.slice(prefixEnd - k, prefixEnd).toUpperCase());
      if (entry) {
        found = { start: prefixEnd - k, entry };
      }
    }
    return found;
  }
}

/** Digits and ASCII letters as 1–36, ignoring case; 0 for anything else. */
const CODE_BASE = 37;
/** Prefixes this long at most are looked up by number: 37^10 stays below 2^53, so the codes are exact. */
const MAX_CODED = 10;

function alnumCode(c: number): number {
  if (c >= 0x30 && c <= 0x39) {
    return c - 0x30 + 1;
  }
  const upper = c & ~0x20;
  return upper >= 0x41 && upper <= 0x5a ? upper - 0x41 + 11 : 0;
}

/**
 * The number of the `length` characters ending at `end` of an upper- or lower-case prefix, read
 * backwards as `MultiReferenceScanner` reads text; undefined when one is not a letter or digit.
 */
function prefixCode(text: string, end: number, length: number): number | undefined {
  let code = 0;
  let weight = 1;
  for (let k = 1; k <= length; k++) {
    const unit = alnumCode(text.charCodeAt(end - k));
    if (unit === 0) {
      return undefined;
    }
    code += unit * weight;
    weight *= CODE_BASE;
  }
  return code;
}

/**
 * The Horspool shift of every code unit for heads of `prefixes` seen through a window of `window`
 * characters ending on the head's digit or degree sign: 0 for a code unit that may end a head, else
 * how far the window can slide without passing one (the distance from the end of the nearest
 * position where it may occur in the last `window` characters of some head).
 */
function headShifts(prefixes: readonly string[], window: number): Uint8Array {
  const shift = new Uint8Array(0x10000).fill(Math.min(window, 255));
  const classes = (chars: string): number[][] => chars.split('').map((ch) => [ch.toUpperCase().charCodeAt(0), ch.toLowerCase().charCodeAt(0)]);
  for (const prefix of prefixes) {
    const shapes: number[][][] = [
      [...classes(prefix), SEPARATORS, DIGITS],
      [...classes(prefix), SPACES, [0x6e, 0x4e], [DEGREE, ORDINAL]],
    ];
    for (const shape of shapes) {
      const tail = shape.slice(-window);
      tail.forEach((codes, k) => {
        const distance = tail.length - 1 - k;
        for (const code of codes) {
          shift[code] = Math.min(shift[code], distance);
        }
      });
    }
  }
  return shift;
}

/** `ref` with its catalogue (a copy: references stay plain objects of one shape). */
export function keyed<K>(ref: Reference, catalogue: K): KeyedReference<K> {
  return { number: ref.number, digits: ref.digits, start: ref.start, end: ref.end, form: ref.form, exists: ref.exists, implied: ref.implied, catalogue };
}
