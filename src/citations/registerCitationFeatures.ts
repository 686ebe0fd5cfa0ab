import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { CitationReferenceProvider } from './citationReferenceProvider';
import { scheduleBackgroundBuild } from './backgroundBuild';
import { registerCitationStatusBar } from './citationStatusBar';
import { findCitations } from './findCitationsCommand';
import { registerOnEgnLanguages } from './languageSelector';

/** Shows only the uncited proposals in the catalogue tree, or all of them again. */
async function setUncitedOnly(deps: ExtensionDeps, on: boolean): Promise<void> {
  // Which proposals are uncited is only known once the index is built.
  if (on && !(await deps.citations.ready())) {
    return;
  }
  await vscode.commands.executeCommand('setContext', 'egn.uncitedOnly', on);
  try {
    await vscode.commands.executeCommand('egn._setUncitedOnly', on);
  } catch (e) {
    deps.output.error(`egn._setUncitedOnly failed: ${String(e)}`);
  }
}

/**
 * Find all references on `EGN-n`, `egn.findCitations`, the uncited-only switch of the tree and
 * the status bar count of the active document, and the index's build at startup.
 */
export function registerCitationFeatures(_context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const provider = new CitationReferenceProvider(deps.scans, deps.citations);
  return vscode.Disposable.from(
    registerOnEgnLanguages((selector) => vscode.languages.registerReferenceProvider(selector, provider)),
    vscode.commands.registerCommand('egn.findCitations', (arg?: unknown) => findCitations(deps, arg)),
    vscode.commands.registerCommand('egn.showUncitedOnly', () => setUncitedOnly(deps, true)),
    vscode.commands.registerCommand('egn.showAllProposals', () => setUncitedOnly(deps, false)),
    vscode.commands.registerCommand('egn.rebuildIndex', () => deps.citations.rebuild()),
    registerCitationStatusBar(deps),
    scheduleBackgroundBuild(deps.citations, deps.catalogues),
  );
}
