import * as vscode from 'vscode';

/**
 * Registers an internal `egn._*` command through which the integration tests read what the API
 * cannot show them (a status bar item, a webview's HTML, a tree's rows as drawn). Only when the
 * extension runs its tests (`ExtensionMode.Test`): users never get these commands. Not in the
 * manifest.
 */
export function registerTestHook(
  context: Pick<vscode.ExtensionContext, 'extensionMode'>,
  id: `egn._${string}`,
  handler: (...args: unknown[]) => unknown,
): vscode.Disposable {
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return new vscode.Disposable(() => undefined);
  }
  return vscode.commands.registerCommand(id, handler);
}
