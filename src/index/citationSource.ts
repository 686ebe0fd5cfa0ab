import type * as vscode from 'vscode';
import type { Citation } from '../core/citationIndex';

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
  /** Every citation of a proposal number in the workspace, sorted by document then position. */
  citationsOf(number: number): readonly Citation[];
  /** Citation count per proposal number (numbers never cited are absent). */
  counts(): ReadonlyMap<number, number>;
}
