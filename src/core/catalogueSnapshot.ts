import type { Catalogue } from './catalogue';
import { buildCatalogue, type CatalogueFile } from './catalogueModel';

/**
 * The bundled catalogue (data/egn-2020.yaml) as JSON, which scripts/build.mjs makes with
 * `catalogueSnapshot` (./catalogueSnapshotMaker.ts) and puts in every bundle (esbuild `define`). Undefined where nothing defines
 * it (the tests compiled by tsc): the YAML is loaded then.
 */
declare const EGN_BUNDLED_CATALOGUE_SNAPSHOT: string | undefined;

/** The catalogue of a snapshot made by `catalogueSnapshot`: the same model `loadCatalogue` builds. */
export function catalogueFromSnapshot(json: string): Catalogue {
  return buildCatalogue(JSON.parse(json) as CatalogueFile);
}

let bundled: Catalogue | undefined;

/**
 * The bundled catalogue from the snapshot the build put in this bundle (built once); undefined when
 * there is none. Imports no YAML parser: the command line reads it before loading anything else.
 */
export function bundledCatalogueSnapshot(): Catalogue | undefined {
  if (!bundled && typeof EGN_BUNDLED_CATALOGUE_SNAPSHOT === 'string') {
    bundled = catalogueFromSnapshot(EGN_BUNDLED_CATALOGUE_SNAPSHOT);
  }
  return bundled;
}
