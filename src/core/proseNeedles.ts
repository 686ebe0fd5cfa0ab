/**
 * What a line must hold (ignoring case) for a document to be worth reading whole for prose: each
 * noun, and for each title two pairs of its words (see `titleNeedles`). ripgrep's `-i -F`, the
 * prefilter's regular expression and a lower-cased `includes` find them alike. Names are not needles: a
 * numbered or ordinal citation holds its noun, and the names matter only once a file is read.
 *
 * Its own module, free of the grammar, so that `egn-cite`'s first bundle (which starts ripgrep
 * before the rest of the command loads) can compute them.
 */
export function proseNeedles(vocabulary: ProseNeedleVocabulary): string[] {
  const sets = proseNeedleSets(vocabulary);
  return [...new Set([...sets.nouns, ...sets.titles])];
}

/** What `proseNeedles` needs of a catalogue. */
export type ProseNeedleVocabulary = { readonly nouns: readonly string[]; readonly titles: readonly { readonly title: string }[] };

/**
 * The needles apart: a line holding a noun's makes the document read whole (a numbered citation
 * needs its paragraphs); a title's only makes the line worth reading (a title is read on its line).
 */
export function proseNeedleSets(vocabulary: ProseNeedleVocabulary): { readonly nouns: readonly string[]; readonly titles: readonly string[] } {
  const nounSet = new Set(vocabulary.nouns.flatMap((n) => [n.toLowerCase(), `${n.toLowerCase()}s`]));
  const nouns = [...new Set(vocabulary.nouns.map(asciiNeedle).filter((n) => n.length >= 3))];
  const titles = [...new Set(vocabulary.titles.flatMap(({ title }) => titleNeedles(title, nounSet)).filter((n) => n.length >= 3))];
  return { nouns, titles };
}

/**
 * A title's needles: two pairs of words of four letters or more that it writes with one space
 * between them (ASCII ones first), apart from each other (`ressources` alone is in many sentences; `compte ressources`
 * is rare), so that a title wrapped over two lines still holds one of them. A title without such a
 * pair gives its longest ASCII word.
 *
 * A title written on disk with another space than U+0020 between the words of both pairs, or in
 * decomposed (NFD) accents where a pair has an accent, is not found by the index's line filter (an
 * open document is read whole, and finds it).
 */
function titleNeedles(title: string, nouns: ReadonlySet<string>): string[] {
  const words = [...title.matchAll(/[\p{L}\p{N}]+/gu)];
  const pairs: { at: number; needle: string; score: number }[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i][0];
    const b = words[i + 1][0];
    const between = title.slice((words[i].index ?? 0) + a.length, words[i + 1].index);
    if (between === ' ' && a.length >= 4 && b.length >= 4 && !FUNCTION_WORDS.has(a.toLowerCase()) && !FUNCTION_WORDS.has(b.toLowerCase()) && /^\p{L}+$/u.test(a) && /^\p{L}+$/u.test(b) && !nouns.has(a.toLowerCase()) && !nouns.has(b.toLowerCase())) {
      // ASCII pairs first: they match composed and decomposed text alike.
      const ascii = /^[a-z]+$/i.test(a) && /^[a-z]+$/i.test(b);
      pairs.push({ at: i, needle: `${a} ${b}`.normalize('NFC').toLowerCase(), score: (ascii ? 10_000 : 0) + Math.min(a.length, b.length) * 100 + a.length + b.length });
    }
  }
  // The best pair, and the best one not overlapping it (a wrap breaks at most one).
  const sorted = [...pairs].sort((x, y) => y.score - x.score);
  const first = sorted[0];
  const second = first && sorted.find((p) => Math.abs(p.at - first.at) >= 2);
  if (first) {
    return second ? [first.needle, second.needle] : [first.needle];
  }
  return [longestWord(words.map((w) => w[0]), nouns)];
}

/** French words of four letters or more that any sentence may hold: never half of a title's needle. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['pour', 'dans', 'avec', 'tous', 'toutes', 'tout', 'plus', 'leur', 'leurs', 'sans', 'sous', 'entre', 'vers', 'chez', 'mieux', 'autour', 'notre', 'votre', 'cette', 'dont']);

/** The longest all-ASCII word (else the longest ASCII run of any word), lower-cased. */
function longestWord(words: readonly string[], nouns: ReadonlySet<string>): string {
  const kept = words.filter((w) => !nouns.has(w.toLowerCase()));
  const ascii = kept.filter((w) => /^[a-z]+$/i.test(w)).sort((a, b) => b.length - a.length)[0];
  return ascii && ascii.length >= 3 ? ascii.toLowerCase() : kept.map(asciiNeedle).sort((a, b) => b.length - a.length)[0] ?? '';
}

/** The longest run of ASCII letters of `word`, lower-cased (`priorit` for `priorité`). */
function asciiNeedle(word: string): string {
  const runs = word.toLowerCase().split(/[^a-z]+/).filter((r) => r.length >= 3);
  return runs.reduce((a, b) => (b.length > a.length ? b : a), '');
}
