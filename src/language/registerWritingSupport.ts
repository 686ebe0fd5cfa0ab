import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';

/** Placeholder until this feature lands. */
export function registerWritingSupport(_context: vscode.ExtensionContext, _deps: ExtensionDeps): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
