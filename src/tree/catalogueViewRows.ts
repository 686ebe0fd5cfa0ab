import * as vscode from 'vscode';
import type { CatalogueNode } from './catalogueNode';
import type { CatalogueTreeProvider } from './catalogueTreeProvider';

/** One row of the tree as plain data. */
export interface CatalogueViewRow {
  readonly id: string;
  readonly label: string;
  readonly description: string | undefined;
  /** The right-aligned badge of a proposal row (its citation count) and the badge's tooltip. */
  readonly badge: string | undefined;
  readonly badgeTooltip: string | undefined;
  /** The row's tooltip, as plain text. */
  readonly tooltip: string | undefined;
  readonly contextValue: string | undefined;
  readonly icon: string | undefined;
  readonly command: { readonly command: string; readonly arguments: readonly unknown[] } | undefined;
  readonly children: readonly CatalogueViewRow[];
}

/** What `egn._catalogueViewRows` returns: the rows the tree shows and what the view says about them. */
export interface CatalogueViewRows {
  readonly message: string | undefined;
  readonly description: string | undefined;
  /** Ids of the selected rows. */
  readonly selection: readonly string[];
  readonly items: readonly CatalogueViewRow[];
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : label?.label ?? '';
}

function viewRow(provider: CatalogueTreeProvider, decorations: vscode.FileDecorationProvider, node: CatalogueNode): CatalogueViewRow {
  const item = provider.getTreeItem(node);
  const decoration = item.resourceUri ? decorations.provideFileDecoration(item.resourceUri, new vscode.CancellationTokenSource().token) : undefined;
  const d = decoration instanceof vscode.FileDecoration ? decoration : undefined;
  return {
    id: item.id ?? node.id,
    label: labelText(item.label),
    description: typeof item.description === 'string' ? item.description : undefined,
    badge: d?.badge,
    badgeTooltip: d?.tooltip,
    tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
    contextValue: item.contextValue,
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
    command: item.command ? { command: item.command.command, arguments: item.command.arguments ?? [] } : undefined,
    children: provider.getChildren(node).map((child) => viewRow(provider, decorations, child)),
  };
}

/**
 * The whole tree as the provider gives it to VS Code, as plain data: what the integration tests
 * read through the internal command `egn._catalogueViewRows` (not listed in the manifest).
 */
export function catalogueViewRows(provider: CatalogueTreeProvider, view: vscode.TreeView<CatalogueNode>, decorations: vscode.FileDecorationProvider): CatalogueViewRows {
  return {
    // The view reports an empty string until a message is first set.
    message: view.message || undefined,
    description: view.description || undefined,
    selection: view.selection.map((n) => n.id),
    items: provider.getChildren().map((node) => viewRow(provider, decorations, node)),
  };
}
