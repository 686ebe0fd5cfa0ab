import * as vscode from 'vscode';
import type { IndexHost } from '../../../src/core/indexBuilder';

export { until } from '../../support/until';

/** The test workspace: a temporary copy of test/fixtures/workspace. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('The integration tests need the fixture workspace open.');
  }
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens a workspace file in an editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...relativePath.split('/')));
  return vscode.window.showTextDocument(doc);
}

/** Position of the first occurrence of `needle` in a document (+ `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  if (i < 0) {
    throw new Error(`"${needle}" not found in ${doc.uri.path.split('/').pop()}`);
  }
  return doc.positionAt(i + offset);
}

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension('egn-tools.egn-numerique-education');
  if (!ext) {
    throw new Error('The extension under development is not installed in this host.');
  }
  await ext.activate();
  return ext;
}

/** Closes every tab, reverting edits first so that no "Save changes?" dialog can block the suite. */
export async function closeAllEditors(): Promise<void> {
  const tabCount = (): number => vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
  for (let left = tabCount(); left > 0; left--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The ids of the EGN catalogue's theme rows, in the tree's order (the official page's). */
export const EGN_THEME_IDS = [
  'theme:gouvernance-anticipation',
  'theme:enseigner-apprendre',
  'theme:egal-acces',
  'theme:travailler-ensemble',
  'theme:numerique-responsable',
  'theme:propositions-communes',
];

/** The files of `root` matching `include`, read through `workspace.fs`: the index's path for virtual workspaces. */
export function workspaceFsHost(root: vscode.Uri, include: string): IndexHost {
  return {
    findFiles: async () => (await vscode.workspace.findFiles(new vscode.RelativePattern(root, include)))
      .map((uri) => ({ uri: uri.toString(), relativePath: uri.path.slice(root.path.length + 1) })),
    stat: async (uri) => vscode.workspace.fs.stat(vscode.Uri.parse(uri)),
    readFile: async (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
  };
}
