import * as vscode from 'vscode';
import type { CitationSource } from './citationSource';
import { SETTING_DEFAULTS } from '../core/generated/settingDefaults';

/** What the build waits for first: the first load of the workspace's catalogues (see `WorkspaceCatalogues.settled`). */
interface CataloguesLoading {
  settled(): Promise<void>;
}

/** Activation finishes, and the first editors settle, before the build starts. */
const START_DELAY_MS = 300;

/** Whether the index may be built without being asked (`egn.index.enabled`). */
function enabled(): boolean {
  return vscode.workspace.getConfiguration('egn.index').get<boolean>('enabled', SETTING_DEFAULTS['egn.index.enabled']);
}

/**
 * Builds the citation index in the background soon after activation, when the workspace has
 * folders and `egn.index.enabled` is on, so that counts, panels and the coverage report are filled
 * without any command; and again when that setting is switched on or a first folder is added.
 * With the setting off, the index is built on first need only. The first build waits for the first
 * load of the workspace's catalogues (bounded), which would otherwise make it read every file twice:
 * for the bundled catalogue alone, then again for all of them.
 */
export function scheduleBackgroundBuild(citations: CitationSource, catalogues?: CataloguesLoading): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const start = (): void => {
    if (timer || citations.isReady || !enabled() || !(vscode.workspace.workspaceFolders?.length)) {
      return;
    }
    timer = setTimeout(() => {
      void (catalogues?.settled() ?? Promise.resolve()).then(() => {
        timer = undefined;
        if (!disposed && enabled()) {
          void citations.ready();
        }
      });
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
      disposed = true;
      if (timer) {
        clearTimeout(timer);
      }
    }),
  );
}
