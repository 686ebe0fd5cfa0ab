import type { Catalogue } from './catalogue';
import type { SetReference } from './documentScans';

/**
 * The catalogue of `list` that `refs` cite most (the first of `list` on a tie or when nothing is
 * cited): which catalogue a document's coverage report shows, as the status bar chooses.
 */
export function mostCitedCatalogue(list: readonly Catalogue[], refs: readonly SetReference[]): Catalogue {
  const counts = new Map<string, number>();
  for (const ref of refs) {
    const key = ref.catalogue.catalogue.prefix.toUpperCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = list[0];
  for (const c of list) {
    if ((counts.get(c.prefix.toUpperCase()) ?? 0) > (counts.get(best.prefix.toUpperCase()) ?? 0)) {
      best = c;
    }
  }
  return best;
}
