import { loadCatalogueFile, type CatalogueError } from './catalogueLoader';
import type { CatalogueFile } from './catalogueModel';

/**
 * The snapshot of a catalogue file: the data the loader validated (schema, limits and semantic
 * checks), as JSON, with that data. Built from the YAML by the loader itself, so the data stays
 * exact. Parsing this JSON takes a fraction of a millisecond where parsing and validating the YAML
 * takes tens (hundreds on a busy machine), on every start of the command line and on every
 * activation. Run by scripts/build.mjs, apart from the bundles' `catalogueSnapshot.ts`, which need
 * no YAML parser to read it.
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
