/** How `egn.insertReference` writes references (the setting `egn.reference.format`). */
export type ReferenceFormat = 'id' | 'idAndTitle' | 'sentence';

/** What formatting needs to know of a proposal. */
export interface FormattableProposal {
  readonly id: string;
  readonly number: number;
  readonly title: string;
}

const FORMATS: readonly ReferenceFormat[] = ['id', 'idAndTitle', 'sentence'];

/** How straight quotes in inserted titles are written (the setting `egn.reference.quotes`). */
export type QuoteStyle = 'asWritten' | 'french';

/** The markup of the document a reference goes into: where it allows, the "os" of "nos" is raised. */
export type ReferenceMarkup = 'plain' | 'markdown' | 'latex';

/** What else shapes an inserted reference. */
export interface ReferenceStyle {
  readonly quotes: QuoteStyle;
  readonly markup: ReferenceMarkup;
}

const PLAIN: ReferenceStyle = { quotes: 'asWritten', markup: 'plain' };

/** The quote style a setting value names; anything else falls back to `asWritten` (the official text). */
export function parseQuoteStyle(value: unknown): QuoteStyle {
  return value === 'french' ? 'french' : 'asWritten';
}

/** The markup of a VS Code language id: Markdown and LaTeX can raise letters; the rest stays plain text. */
export function markupOf(languageId: string): ReferenceMarkup {
  return languageId === 'markdown' ? 'markdown' : languageId === 'latex' || languageId === 'tex' ? 'latex' : 'plain';
}

const NBSP = '\u00a0';

/**
 * Straight double quotes turned into French quotation marks, with the no-break spaces French
 * typography puts inside: `le "Pass’ connexion éducation" pour tous` → `le « Pass’ connexion éducation » pour tous`.
 * Quotes are paired in order; an unpaired one stays as written. Apostrophes are left alone.
 */
export function frenchQuotes(text: string): string {
  return text.replace(/"([^"]*)"/g, (_, inner: string) => `«${NBSP}${inner.trim()}${NBSP}»`);
}

/** The format a setting value names; anything else (a typo in settings.json) falls back to `id`. */
export function parseReferenceFormat(value: unknown): ReferenceFormat {
  return FORMATS.find((f) => f === value) ?? 'id';
}

/** "nos", the plural of "n°", its "os" raised where the markup can. */
const PLURAL_NUMERO: Readonly<Record<ReferenceMarkup, string>> = {
  plain: 'nos',
  markdown: 'n<sup>os</sup>',
  latex: 'n\\textsuperscript{os}',
};

/**
 * Joins items the way French lists them: `a`, `a et b`, `a, b et c`.
 */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/**
 * Writes one or several references in `format`, sorted by number, each proposal once:
 * - `id`: `EGN-12`; several `EGN-3, EGN-5 et EGN-12`;
 * - `idAndTitle`: `EGN-12 (<title>)`; several `EGN-3 (<title>), EGN-5 (<title>) et EGN-12 (<title>)`;
 * - `sentence`: `proposition n° 12 (EGN-12)`; several `propositions nos 3, 5 et 12 (EGN-3, EGN-5 et EGN-12)`,
 *   as French usage writes the plural of n°, with the "os" raised in Markdown (`n<sup>os</sup>`) and
 *   LaTeX (`n\textsuperscript{os}`), and a no-break space before the numbers.
 * With `quotes: 'french'`, the titles' straight quotes become « » (see `frenchQuotes`).
 * Returns the empty string for no proposal.
 */
export function formatReferences(proposals: readonly FormattableProposal[], format: ReferenceFormat, style: ReferenceStyle = PLAIN): string {
  const seen = new Set<number>();
  const sorted = [...proposals]
    .sort((a, b) => a.number - b.number)
    .filter((p) => !seen.has(p.number) && seen.add(p.number));
  if (sorted.length === 0) {
    return '';
  }
  switch (format) {
    case 'id':
      return frenchList(sorted.map((p) => p.id));
    case 'idAndTitle':
      return frenchList(sorted.map((p) => `${p.id} (${style.quotes === 'french' ? frenchQuotes(p.title) : p.title})`));
    case 'sentence': {
      const numero = sorted.length === 1 ? 'proposition n°' : `propositions ${PLURAL_NUMERO[style.markup]}`;
      return `${numero}${NBSP}${frenchList(sorted.map((p) => String(p.number)))} (${frenchList(sorted.map((p) => p.id))})`;
    }
  }
}

/** Characters of a word or of a reference (`EGN-13`, `FRA-2`): text glued to one of them reads as one token. */
const TOKEN_CHAR = /[\p{L}\p{N}_-]/u;
/** Before an inserted reference, these want a space between them and it (`Voir,` `EGN-3)` `»`). */
const WANTS_SPACE_AFTER = /[\p{L}\p{N}_)\]»,;:.!?]/u;
/** After an inserted reference, these want a space between it and them. */
const WANTS_SPACE_BEFORE = /[\p{L}\p{N}_(«[]/u;

/** Where and what to insert so that a reference sits apart from the text around it. */
export interface FittedInsertion {
  /** How many characters after the cursor the insertion moves to (out of the word or reference it was inside). */
  readonly skip: number;
  /** The text to insert, with the spaces that keep it apart. */
  readonly text: string;
}

/**
 * Fits `text` (references as `formatReferences` writes them) between `before` and `after`, the text of
 * the line on either side of the cursor or the selection, so that the insertion never glues a reference to
 * a word or to another reference (`Voir EGN-13|` → `Voir EGN-13 EGN-12`, not `EGN-13EGN-12`) and never
 * changes what was there: a cursor inside a word or a reference (`EGN-1|3`) inserts after it, and a space
 * is added only where none is.
 */
export function fitInsertion(before: string, after: string, text: string): FittedInsertion {
  let skip = 0;
  if (before !== '' && TOKEN_CHAR.test(before[before.length - 1]) && after !== '' && TOKEN_CHAR.test(after[0])) {
    while (skip < after.length && TOKEN_CHAR.test(after[skip])) {
      skip++;
    }
  }
  const left = skip > 0 ? after[skip - 1] : before[before.length - 1];
  const right = after[skip];
  const spaceBefore = left !== undefined && WANTS_SPACE_AFTER.test(left) && !text.startsWith(' ');
  const spaceAfter = right !== undefined && WANTS_SPACE_BEFORE.test(right) && !text.endsWith(' ');
  return { skip, text: `${spaceBefore ? ' ' : ''}${text}${spaceAfter ? ' ' : ''}` };
}
