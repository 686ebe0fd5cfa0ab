import type { CatalogueFile } from './catalogueModel';

/**
 * The prefix and proposal numbers of a catalogue snapshot (`catalogueSnapshot`'s JSON), read
 * without building the catalogue: what `egn-cite check` needs to start ripgrep's search before the
 * rest of the command has loaded (src/cli/earlySearch.ts). Imports types only, so that the
 * command's first bundle stays small.
 */
export function snapshotNumbers(json: string): SnapshotNumbers {
  const file = JSON.parse(json) as CatalogueFile;
  const proposals = file.groups.flatMap((g) => [...(g.proposals ?? []), ...(g.subthemes ?? []).flatMap((s) => s.proposals)]);
  const numbers = proposals.map((p) => p.number);
  const prose = file.prose && { nouns: file.prose.nouns, names: file.prose.names, titles: proposals.map((p) => ({ number: p.number, title: p.title })) };
  return prose ? { prefix: file.prefix, numbers, prose } : { prefix: file.prefix, numbers };
}

/** What `snapshotNumbers` reads: the prefix, the numbers and, when the file has one, the prose vocabulary. */
export interface SnapshotNumbers {
  readonly prefix: string;
  readonly numbers: readonly number[];
  readonly prose?: { readonly nouns: readonly string[]; readonly names: readonly string[]; readonly titles: readonly { readonly number: number; readonly title: string }[] };
}

/** See catalogueSnapshot.ts: defined by scripts/build.mjs in every bundle, undefined in the tests compiled by tsc. */
declare const EGN_BUNDLED_CATALOGUE_SNAPSHOT: string | undefined;

/** `snapshotNumbers` of the bundled catalogue's snapshot; undefined where no bundle defines it. */
export function bundledSnapshotNumbers(): SnapshotNumbers | undefined {
  return typeof EGN_BUNDLED_CATALOGUE_SNAPSHOT === 'string' ? snapshotNumbers(EGN_BUNDLED_CATALOGUE_SNAPSHOT) : undefined;
}
