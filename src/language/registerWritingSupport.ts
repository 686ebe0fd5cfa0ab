import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { WritingLanguages } from './documentSelector';
import { registerInsertReferenceCommand } from './insertReferenceCommand';
import { ReferenceCodeActions } from './referenceCodeActions';
import { REFERENCE_TRIGGER_CHARACTERS, ReferenceCompletionProvider } from './referenceCompletionProvider';
import { ReferenceDefinitionProvider } from './referenceDefinitionProvider';
import { ReferenceDiagnostics } from './referenceDiagnostics';
import { ReferenceHoverProvider } from './referenceHoverProvider';
import { ReferenceLinkProvider } from './referenceLinkProvider';
import { registerReplaceReferenceCommand } from './replaceReferenceCommand';

/**
 * Writing support in the languages of `egn.languages`: hover, completion, links, diagnostics and their quick fixes, and the insert/replace reference commands. The providers are
 * registered again with the new selector when the setting changes.
 *
 * No definition for EGN references: such a reference is a link to its panel, and Ctrl+click on a
 * reference that is both a link and a definition runs both (the panel and the extension's data file
 * in a split). A writer should only ever land in the panel, never in the extension's own (writable)
 * files. A workspace catalogue's reference has both, with the same target: the proposal's line in
 * the writer's own catalogue file.
 */
export function registerWritingSupport(_context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const languages = new WritingLanguages();
  const hover = new ReferenceHoverProvider(deps);
  const completion = new ReferenceCompletionProvider(deps);
  const links = new ReferenceLinkProvider(deps);
  const definitions = new ReferenceDefinitionProvider(deps);
  const codeActions = new ReferenceCodeActions(deps);
  return vscode.Disposable.from(
    languages,
    languages.registerProviders((selector) => vscode.Disposable.from(
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCompletionItemProvider(selector, completion, ...REFERENCE_TRIGGER_CHARACTERS),
      vscode.languages.registerDocumentLinkProvider(selector, links),
      vscode.languages.registerDefinitionProvider(selector, definitions),
      vscode.languages.registerCodeActionsProvider(selector, codeActions, ReferenceCodeActions.metadata),
    )),
    new ReferenceDiagnostics(deps, languages),
    registerInsertReferenceCommand(deps),
    registerReplaceReferenceCommand(deps),
  );
}
