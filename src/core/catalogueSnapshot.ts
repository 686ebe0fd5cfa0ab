import type { Catalogue } from './catalogue';
import { loadCatalogueFile, type CatalogueError } from './catalogueLoader';
import { buildCatalogue, type CatalogueFile } from './catalogueModel';

/**
 * The bundled catalogue (data/egn-2020.yaml) as JSON, which scripts/build.mjs makes with
 * `catalogueSnapshot` and puts in every bundle (esbuild `define`). Undefined where nothing defines
 * it (the tests compiled by tsc): the YAML is loaded then.
 */
declare const EGN_BUNDLED_CATALOGUE_SNAPSHOT: string | undefined;

/**
 * The snapshot of a catalogue file: the data the loader validated (schema, limits and semantic
 * checks), as JSON, with that data. Built from the YAML by the loader itself, so the data stays
 * exact. Parsing this JSON takes a fraction of a millisecond where parsing and validating the YAML takes tens (hundreds on a busy machine), on every start of
 * the command line and on every activation.
 */
export function catalogueSnapshot(yamlText: string): { readonly ok: true; readonly json: string; readonly file: CatalogueFile } | { readonly ok: false; readonly errors: readonly CatalogueError[] } {
  const loaded = loadCatalogueFile(yamlText);
  if (!loaded.ok) {
    return loaded;
  }
  // YAML's core schema gives plain data (no dates, no special numbers): JSON holds it exactly, which
  // scripts/build.mjs and a unit test check by reading the snapshot back.
  return { ok: true, json: JSON.stringify(loaded.file), file: loaded.file };
}

/** The catalogue of a snapshot made by `catalogueSnapshot`: the same model `loadCatalogue` builds. */
export function catalogueFromSnapshot(json: string): Catalogue {
  return buildCatalogue(JSON.parse(json) as CatalogueFile);
}

/** The bundled catalogue from the snapshot the build put in this bundle; undefined when there is none. */
export function bundledCatalogueSnapshot(): Catalogue | undefined {
  return typeof EGN_BUNDLED_CATALOGUE_SNAPSHOT === 'string' ? catalogueFromSnapshot(EGN_BUNDLED_CATALOGUE_SNAPSHOT) : undefined;
}
