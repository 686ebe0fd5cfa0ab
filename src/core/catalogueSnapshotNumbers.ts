import type { CatalogueFile } from './catalogueModel';

/**
 * The prefix and proposal numbers of a catalogue snapshot (`catalogueSnapshot`'s JSON), read
 * without building the catalogue: what `egn-cite check` needs to start ripgrep's search before the
 * rest of the command has loaded (src/cli/earlySearch.ts). Imports types only, so that the
 * command's first bundle stays small.
 */
export function snapshotNumbers(json: string): { readonly prefix: string; readonly numbers: readonly number[] } {
  const file = JSON.parse(json) as CatalogueFile;
  const numbers = file.groups.flatMap((g) => [...(g.proposals ?? []), ...(g.subthemes ?? []).flatMap((s) => s.proposals)]).map((p) => p.number);
  return { prefix: file.prefix, numbers };
}

/** See catalogueSnapshot.ts: defined by scripts/build.mjs in every bundle, undefined in the tests compiled by tsc. */
declare const EGN_BUNDLED_CATALOGUE_SNAPSHOT: string | undefined;

/** `snapshotNumbers` of the bundled catalogue's snapshot; undefined where no bundle defines it. */
export function bundledSnapshotNumbers(): { readonly prefix: string; readonly numbers: readonly number[] } | undefined {
  return typeof EGN_BUNDLED_CATALOGUE_SNAPSHOT === 'string' ? snapshotNumbers(EGN_BUNDLED_CATALOGUE_SNAPSHOT) : undefined;
}
