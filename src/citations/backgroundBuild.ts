import * as vscode from 'vscode';
import type { CitationSource } from './citationSource';

/** Activation finishes, and the first editors settle, before the build starts. */
const START_DELAY_MS = 300;

/** Whether the index may be built without being asked (`egn.index.enabled`). */
function enabled(): boolean {
  return vscode.workspace.getConfiguration('egn.index').get<boolean>('enabled', true);
}

/**
 * Builds the citation index in the background soon after activation, when the workspace has
 * folders and `egn.index.enabled` is on, so that counts, panels and the coverage report are filled
 * without any command; and again when that setting is switched on or a first folder is added.
 * With the setting off, the index is built on first need only.
 */
export function scheduleBackgroundBuild(citations: CitationSource): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = (): void => {
    if (timer || citations.isReady || !enabled() || !(vscode.workspace.workspaceFolders?.length)) {
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      void citations.ready();
    }, START_DELAY_MS);
  };
  start();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.index.enabled')) {
        start();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(start),
    new vscode.Disposable(() => {
      if (timer) {
        clearTimeout(timer);
      }
    }),
  );
}
