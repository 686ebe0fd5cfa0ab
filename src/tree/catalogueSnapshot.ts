import * as vscode from 'vscode';
import type { CatalogueNode } from './catalogueNode';
import type { CatalogueTreeProvider } from './catalogueTreeProvider';

/** One row of the tree as plain data. */
export interface SnapshotItem {
  readonly id: string;
  readonly label: string;
  readonly description: string | undefined;
  readonly contextValue: string | undefined;
  readonly icon: string | undefined;
  readonly command: { readonly command: string; readonly arguments: readonly unknown[] } | undefined;
  readonly children: readonly SnapshotItem[];
}

/** What `egn._catalogueSnapshot` returns: the rows the tree shows and what the view says about them. */
export interface CatalogueSnapshot {
  readonly message: string | undefined;
  readonly description: string | undefined;
  /** Ids of the selected rows. */
  readonly selection: readonly string[];
  readonly items: readonly SnapshotItem[];
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : label?.label ?? '';
}

function snapshotItem(provider: CatalogueTreeProvider, node: CatalogueNode): SnapshotItem {
  const item = provider.getTreeItem(node);
  return {
    id: item.id ?? node.id,
    label: labelText(item.label),
    description: typeof item.description === 'string' ? item.description : undefined,
    contextValue: item.contextValue,
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
    command: item.command ? { command: item.command.command, arguments: item.command.arguments ?? [] } : undefined,
    children: provider.getChildren(node).map((child) => snapshotItem(provider, child)),
  };
}

/**
 * The whole tree as the provider gives it to VS Code, as plain data: what the integration tests
 * read through the internal command `egn._catalogueSnapshot` (not listed in the manifest).
 */
export function catalogueSnapshot(provider: CatalogueTreeProvider, view: vscode.TreeView<CatalogueNode>): CatalogueSnapshot {
  return {
    // The view reports an empty string until a message is first set.
    message: view.message || undefined,
    description: view.description || undefined,
    selection: view.selection.map((n) => n.id),
    items: provider.getChildren().map((node) => snapshotItem(provider, node)),
  };
}
