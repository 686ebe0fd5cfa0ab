import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { CitationReferenceProvider } from './citationReferenceProvider';
import { scheduleBackgroundBuild } from './backgroundBuild';
import { registerCitationStatusBar } from './citationStatusBar';
import { findCitations } from './findCitationsCommand';
import { registerOnEgnLanguages } from './languageSelector';

/**
 * Find all references on `EGN-n`, `egn.findCitations`, `egn.rebuildIndex`, the status bar count of
 * the active document, and the index's build at startup.
 */
export function registerCitationFeatures(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const provider = new CitationReferenceProvider(deps.scans, deps.citations);
  return vscode.Disposable.from(
    registerOnEgnLanguages((selector) => vscode.languages.registerReferenceProvider(selector, provider)),
    vscode.commands.registerCommand('egn.findCitations', (arg?: unknown) => findCitations(deps, arg)),
    vscode.commands.registerCommand('egn.rebuildIndex', () => deps.citations.rebuild()),
    registerCitationStatusBar(context, deps),
    scheduleBackgroundBuild(deps.citations, deps.catalogues),
  );
}
