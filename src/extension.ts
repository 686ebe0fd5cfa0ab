import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): { version: 1 } {
  return { version: 1 };
}
