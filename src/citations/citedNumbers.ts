import type { Reference } from '../core/reference';

/**
 * The distinct existing proposal numbers that a document's references cite, ascending: numbers
 * only implied by a range (the 4 of `EGN-3 à 5`) count, numbers that do not exist do not.
 * Pure, so that the status bar's figure is testable without reading the status bar.
 */
export function citedNumbers(references: readonly Reference[], exists: (n: number) => boolean): number[] {
  const cited = new Set<number>();
  for (const ref of references) {
    if (ref.exists) {
      cited.add(ref.number);
    }
    for (const n of ref.implied) {
      if (exists(n)) {
        cited.add(n);
      }
    }
  }
  return [...cited].sort((a, b) => a - b);
}
