import { BUNDLED_SOURCE, CatalogueSet } from '../core/catalogueSet';
import type { ExtensionDeps } from '../deps';

/** The catalogues in use: the workspace's set, or the bundled catalogue alone when there is none. */
export function cataloguesInUse(deps: ExtensionDeps): CatalogueSet {
  return deps.catalogues?.current ?? CatalogueSet.of([{ catalogue: deps.catalogue, source: BUNDLED_SOURCE }]);
}
