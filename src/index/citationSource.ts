import type * as vscode from 'vscode';
import type { Citation } from '../core/citationIndex';
import type { Coverage } from '../core/coverage';

/** The workspace citation index as the features see it. */
export interface CitationSource extends vscode.Disposable {
  /** Fires after the index changed: first build done, a file created, changed, deleted or renamed. */
  readonly onDidChange: vscode.Event<void>;
  /** True once the first build has finished. */
  readonly isReady: boolean;
  /**
   * Builds the index on first call, with a cancellable progress notification; later calls resolve
   * at once. Resolves false when the user cancelled the build.
   */
  ready(): Promise<boolean>;
  /** Forgets everything and builds the index again (`egn.rebuildIndex`). Resolves like `ready()`. */
  rebuild(): Promise<boolean>;
  /** Every citation of a proposal number in the workspace, sorted by document then position. */
  citationsOf(number: number): readonly Citation[];
  /** Citation count per proposal number (numbers never cited are absent). */
  counts(): ReadonlyMap<number, number>;
  /**
   * How much of the catalogue is cited: in the whole workspace, or in the documents given (URIs as
   * strings; each is a row of the report even when it cites nothing).
   */
  coverage(scope?: { readonly uris: readonly string[] }): Coverage;
}
