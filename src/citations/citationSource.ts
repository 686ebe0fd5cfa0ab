import type * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import type { Citation } from '../core/citationIndex';
import type { Coverage } from '../core/coverage';

/** How far a build of the index is. */
export interface BuildProgress {
  /** Files read so far. */
  readonly done: number;
  /** Files to read, when known in advance (ripgrep reports files as it goes). */
  readonly total: number | undefined;
}

/** The workspace citation index as the features see it. */
export interface CitationSource extends vscode.Disposable {
  /** Fires after the index changed: first build done, a file created, changed, deleted or renamed. */
  readonly onDidChange: vscode.Event<void>;
  /** True once the first build has finished. */
  readonly isReady: boolean;
  /** The build in progress, if any. */
  readonly progress: BuildProgress | undefined;
  /** Fires when a build starts, progresses (throttled) or ends. */
  readonly onDidChangeProgress: vscode.Event<void>;
  /** Changes whenever the index's content changes: a key for caching query results. */
  readonly version: number;
  /**
   * Builds the index on first call (progress in the status bar, a cancellable notification past a
   * few seconds); later calls resolve at once, or with the build in progress. Resolves false when
   * the user cancelled the build.
   */
  ready(): Promise<boolean>;
  /** Forgets everything and builds the index again (`egn.rebuildIndex`). Resolves like `ready()`. */
  rebuild(): Promise<boolean>;
  /**
   * The catalogues the index covers, bundled (EGN) first: every catalogue in use. The methods below
   * name a catalogue by its prefix (ignoring case); an unknown prefix gives nothing.
   */
  indexedCatalogues(): readonly Catalogue[];
  /**
   * Every citation in the workspace of the proposal `number` of the catalogue of `prefix` (`FRA`, 1),
   * sorted by document then position; `previews: false` leaves `lineText` empty, for a much cheaper
   * list of places; `limit` keeps the first ones only (a page: `countOf` gives the total).
   */
  citationsOfProposal(prefix: string, number: number, options?: { readonly previews?: boolean; readonly limit?: number }): readonly Citation[];
  /** How many times the workspace cites the proposal `number` of the catalogue of `prefix` (0 when never). */
  countOf(prefix: string, number: number): number;
  /** Citation count per proposal number of the catalogue of `prefix` (numbers never cited are absent). */
  countsOf(prefix: string): ReadonlyMap<number, number>;
  /**
   * How much of the catalogue of `prefix` is cited: in the whole workspace, or in the documents given
   * (URIs as strings; each is a row of the report even when it cites nothing); undefined when the
   * index does not cover it.
   */
  coverageOf(prefix: string, scope?: { readonly uris: readonly string[] }): Coverage | undefined;
  /** Citations of each catalogue (by prefix, as the catalogue spells it) in one document; absent when none. */
  documentCountsByPrefix(uri: string): ReadonlyMap<string, number>;
}

/**
 * Whether the index counts the catalogue of `prefix` (the bundled one, and each workspace catalogue in use),
 * built yet or not: the one check behind the tree's badges and the panels' "cited in this workspace" section
 * (which says "not indexed yet" until `isReady`, then fills in).
 */
export function indexCovers(citations: CitationSource, prefix: string): boolean {
  const wanted = prefix.toUpperCase();
  return citations.indexedCatalogues().some((c) => c.prefix.toUpperCase() === wanted);
}
