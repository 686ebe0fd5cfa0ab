/** How `egn.insertReference` writes references (the setting `egn.reference.format`). */
export type ReferenceFormat = 'id' | 'idAndTitle' | 'sentence';

/** What formatting needs to know of a proposal. */
export interface FormattableProposal {
  readonly id: string;
  readonly number: number;
  readonly title: string;
}

const FORMATS: readonly ReferenceFormat[] = ['id', 'idAndTitle', 'sentence'];

/** The format a setting value names; anything else (a typo in settings.json) falls back to `id`. */
export function parseReferenceFormat(value: unknown): ReferenceFormat {
  return FORMATS.find((f) => f === value) ?? 'id';
}

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
 * - `sentence`: `proposition n° 12 (EGN-12)`; several `propositions n° 3, 5 et 12 (EGN-3, EGN-5 et EGN-12)`,
 *   with a no-break space after `n°`, as French typography wants.
 * Returns the empty string for no proposal.
 */
export function formatReferences(proposals: readonly FormattableProposal[], format: ReferenceFormat): string {
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
      return frenchList(sorted.map((p) => `${p.id} (${p.title})`));
    case 'sentence': {
      const noun = sorted.length === 1 ? 'proposition' : 'propositions';
      return `${noun} n°\u00a0${frenchList(sorted.map((p) => String(p.number)))} (${frenchList(sorted.map((p) => p.id))})`;
    }
  }
}
