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
 * Writing support in the languages of `egn.languages`: hover, completion, links, go to definition,
 * diagnostics and their quick fixes, and the insert/replace reference commands. The providers are
 * registered again with the new selector when the setting changes.
 */
export function registerWritingSupport(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const languages = new WritingLanguages();
  const hover = new ReferenceHoverProvider(deps);
  const completion = new ReferenceCompletionProvider(deps);
  const links = new ReferenceLinkProvider(deps);
  const definition = new ReferenceDefinitionProvider(deps, context.extensionUri);
  const codeActions = new ReferenceCodeActions(deps);
  return vscode.Disposable.from(
    languages,
    languages.register((selector) => vscode.Disposable.from(
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCompletionItemProvider(selector, completion, ...REFERENCE_TRIGGER_CHARACTERS),
      vscode.languages.registerDocumentLinkProvider(selector, links),
      vscode.languages.registerDefinitionProvider(selector, definition),
      vscode.languages.registerCodeActionsProvider(selector, codeActions, ReferenceCodeActions.metadata),
    )),
    new ReferenceDiagnostics(deps, languages),
    registerInsertReferenceCommand(deps),
    registerReplaceReferenceCommand(deps),
  );
}
