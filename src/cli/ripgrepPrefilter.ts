import type { CheckCatalogue } from './checkPool';
import { proseNeedleSets } from '../core/proseNeedles';

/**
 * A regular expression (ripgrep's syntax) for a maximal run of ASCII digits that is none of
 * `numbers` written without leading zero: what a reference to a proposal that does not exist has
 * to contain (`ReferenceScanner` reads maximal ASCII digit runs; a run it reads as an existing
 * number is that number's own digits, since a leading zero makes the run match here). Built as the
 * complement of the numbers' digit trie, length by length.
 */
export function unknownDigitsPattern(numbers: readonly number[]): string {
  const written = [...new Set(numbers.filter((n) => Number.isSafeInteger(n) && n >= 0).map(String))];
  const longest = Math.max(1, ...written.map((w) => w.length));
  const parts = [`[0-9]{${longest + 1},}`];
  for (let length = 1; length <= longest; length++) {
    parts.push(notAmong(written.filter((w) => w.length === length), length));
  }
  return `(?:${parts.filter(Boolean).join('|')})`;
}

/** A pattern for the strings of `length` digits that are not in `among` (all of that length); '' when none is. */
function notAmong(among: readonly string[], length: number): string {
  if (among.length === 0) {
    return `[0-9]{${length}}`;
  }
  if (length === 0) {
    return '';
  }
  const alternatives: string[] = [];
  const firsts = new Set(among.map((w) => w[0]));
  const others = [...'0123456789'].filter((d) => !firsts.has(d));
  if (others.length > 0) {
    alternatives.push(`[${others.join('')}]${length > 1 ? `[0-9]{${length - 1}}` : ''}`);
  }
  for (const d of firsts) {
    const rest = notAmong(among.filter((w) => w[0] === d).map((w) => w.slice(1)), length - 1);
    if (rest) {
      alternatives.push(`${d}${rest}`);
    }
  }
  return alternatives.length === 0 ? '' : `(?:${alternatives.join('|')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/**
 * The pattern of a line that may hold a reference to a proposal missing from one of `catalogues`:
 * the prefix (ignoring case), then on the same line a digit run of `unknownDigitsPattern`. Any byte
 * may stand between them (`(?-u:…)`: a Latin-1 `n°` is no valid UTF-8), and the run must not be
 * glued to more digits.
 */
export function unknownReferencePattern(catalogues: readonly CheckCatalogue[]): string {
  // A line holding a prose needle may hold a prose citation of a missing number: its file is read whole.
  // Only the nouns': a title always names a proposal that exists.
  const needles = [...new Set(catalogues.flatMap((c) => (c.prose ? proseNeedleSets(c.prose).nouns : [])))];
  return [
    ...catalogues.map((c) => `(?i:${escapeRegExp(c.prefix)})(?:(?-u:[^\\n])*(?-u:[^0-9\\n]))?${unknownDigitsPattern(c.numbers)}(?:(?-u:[^0-9\\n])|$)`),
    ...(needles.length > 0 ? [`(?i:${needles.map(escapeRegExp).join('|')})`] : []),
  ].join('|');
}
