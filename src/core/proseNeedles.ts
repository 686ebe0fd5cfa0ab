/**
 * What a line must hold (ignoring ASCII case) for a document to be worth reading whole for prose:
 * each noun, and one word of each title. ASCII only, so that ripgrep's `-i -F` and a lower-cased
 * `includes` find them alike in composed and decomposed (NFD) text. Names are not needles: a
 * numbered or ordinal citation holds its noun, and the names matter only once a file is read.
 *
 * Its own module, free of the grammar, so that `egn-cite`'s first bundle (which starts ripgrep
 * before the rest of the command loads) can compute them.
 */
export function proseNeedles(vocabulary: { readonly nouns: readonly string[]; readonly titles: readonly { readonly title: string }[] }): string[] {
  const nouns = new Set(vocabulary.nouns.flatMap((n) => [n.toLowerCase(), `${n.toLowerCase()}s`]));
  const needles = vocabulary.nouns.map(asciiNeedle);
  for (const { title } of vocabulary.titles) {
    const words = title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !nouns.has(w.toLowerCase()));
    // The longest all-ASCII word; else the longest ASCII run of any word.
    const ascii = words.filter((w) => /^[a-z]+$/i.test(w)).sort((a, b) => b.length - a.length)[0];
    const needle = ascii && ascii.length >= 3 ? ascii.toLowerCase() : words.map(asciiNeedle).sort((a, b) => b.length - a.length)[0];
    if (needle) {
      needles.push(needle);
    }
  }
  return [...new Set(needles.filter((n) => n.length >= 3))];
}

/** The longest run of ASCII letters of `word`, lower-cased (`priorit` for `priorité`). */
function asciiNeedle(word: string): string {
  const runs = word.toLowerCase().split(/[^a-z]+/).filter((r) => r.length >= 3);
  return runs.reduce((a, b) => (b.length > a.length ? b : a), '');
}
