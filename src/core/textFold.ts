/**
 * Text folding for search: the proposals are French titles with accents, ligatures and typographic
 * apostrophes, while people type on any keyboard. Folding both sides to one plain form lets
 * `education` find "Éducation" and `l'ecole` find "l’École".
 */

/** Apostrophe look-alikes: typographic (’ ‘ ‛), modifier letter (ʼ), prime (′), grave and acute accents used as quotes. */
const APOSTROPHES = /[\u2019\u2018\u201B\u02BC\u2032`\u00B4]/g;
/** Double-quote look-alikes, so that a query typed with « » or “ ” finds a title written with "…" (the page itself mixes them). */
const DOUBLE_QUOTES = /[\u00AB\u00BB\u201C\u201D\u201E\u201F\u2033]/g;
/** Hyphen and dash look-alikes (hyphen, non-breaking hyphen, figure dash, en dash, em dash, bar, minus). */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
/** Combining marks left by the Unicode decomposition: the accents themselves. */
const COMBINING_MARKS = /\p{M}/gu;
/** Any run of white space, including no-break (U+00A0) and narrow no-break (U+202F) spaces that French typography puts before « : ; ! ? ». */
const SPACES = /\s+/gu;

/**
 * Folds `s` to the plain form that search compares: lower case, no diacritics, `œ`/`æ` spelt
 * `oe`/`ae`, one apostrophe (`'`), one double quote (`"`), one dash (`-`), single ordinary
 * spaces, trimmed.
 *
 * Lower-casing comes first so that letters whose lower case decomposes (İ) lose their mark too.
 * The decomposition is NFKD rather than NFD so that compatibility forms (ligatures such as `ﬁ`,
 * full-width letters, superscripts) fold as well.
 */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/** The folded, non-empty, whitespace-separated words of a search query. */
export function foldedWords(query: string): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ');
}
