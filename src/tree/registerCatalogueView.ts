import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import type { CatalogueNode } from './catalogueNode';
import { catalogueViewRows } from './catalogueViewRows';
import { CatalogueFilterState, CatalogueTreeProvider } from './catalogueTreeProvider';
import { CitationDecorations } from './citationDecorations';
import { cataloguesInUse } from '../catalogues/cataloguesInUse';
import { copyReference } from './copyReference';
import { revealInCatalogue } from './revealInCatalogue';
import { OPEN_SELECTED_PROPOSAL, openSelectedProposal } from './openSelectedProposal';
import { registerTestHook } from '../testHooks';

function countText(n: number): string {
  return n === 0 ? vscode.l10n.t('no proposal') : n === 1 ? vscode.l10n.t('1 proposal') : vscode.l10n.t('{0} proposals', n);
}

/** What the view says about its filters, in its message (above the rows) and its description (beside its title). */
function describeFilter(state: CatalogueFilterState): { message: string | undefined; description: string | undefined } {
  const count = countText(state.shown);
  if (state.query !== undefined && state.uncitedOnly) {
    return { message: vscode.l10n.t('Filter: “{0}”, uncited only — {1}', state.query, count), description: vscode.l10n.t('“{0}”, uncited', state.query) };
  }
  if (state.query !== undefined) {
    return { message: vscode.l10n.t('Filter: “{0}” — {1}', state.query, count), description: `“${state.query}”` };
  }
  if (state.uncitedOnly) {
    return { message: vscode.l10n.t('Uncited proposals only — {0}', count), description: vscode.l10n.t('uncited') };
  }
  return { message: undefined, description: undefined };
}

/** Shows only the uncited proposals in the catalogue tree, or all of them again. */
async function setUncitedOnly(deps: ExtensionDeps, provider: CatalogueTreeProvider, on: boolean): Promise<void> {
  // Which proposals are uncited is only known once the index is built.
  if (on && !(await deps.citations.ready())) {
    return;
  }
  await vscode.commands.executeCommand('setContext', 'egn.uncitedOnly', on);
  provider.setUncitedOnly(on);
}

/**
 * The catalogue view `egn.catalogue` and its commands: filter, clear the filter, uncited only or
 * all proposals, reveal, copy a reference; in test mode, `egn._catalogueViewRows` (the rows as drawn).
 */
export function registerCatalogueView(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const provider = new CatalogueTreeProvider({
    get current() { return cataloguesInUse(deps); },
    onDidChange: deps.catalogues.onDidChange,
    get problems() { return deps.catalogues.problems; },
    onDidChangeProblems: deps.catalogues.onDidChangeProblems,
  }, deps.citations);
  const decorations = new CitationDecorations(deps.citations, () => cataloguesInUse(deps));
  // The view's first rows wait for the first load of the workspace's catalogues (bounded), so that
  // it does not show the EGN's themes at the top and then move them under a root a moment later.
  let settled = false;
  const firstLoad = deps.catalogues.settled().then(() => { settled = true; });
  const treeDataProvider: vscode.TreeDataProvider<CatalogueNode> = {
    onDidChangeTreeData: provider.onDidChangeTreeData,
    getTreeItem: (node) => provider.getTreeItem(node),
    getParent: (node) => provider.getParent(node),
    getChildren: (node) => (settled || node ? provider.getChildren(node) : firstLoad.then(() => provider.getChildren())),
  };
  const view = vscode.window.createTreeView<CatalogueNode>('egn.catalogue', { treeDataProvider, showCollapseAll: true });
  // What the writer opens stays open after a filter is cleared (the filter opens every group).
  const expansion = [
    view.onDidExpandElement((e) => provider.noteExpanded(e.element, true)),
    view.onDidCollapseElement((e) => provider.noteExpanded(e.element, false)),
  ];

  const showFilter = (state: CatalogueFilterState) => {
    const { message, description } = describeFilter(state);
    view.message = message;
    view.description = description;
    void vscode.commands.executeCommand('setContext', 'egn.filterActive', state.query !== undefined);
  };

  const filter = async (arg?: unknown) => {
    let query = typeof arg === 'string' ? arg : undefined;
    if (query === undefined) {
      query = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Proposals'),
        prompt: vscode.l10n.t('Words of the title, a number, an id such as {0}, or a tag such as PIX (case and accents ignored).', deps.scanner.canonical(deps.catalogue.range.min)),
        placeHolder: vscode.l10n.t('e.g. citoyenneté, 12, PIX'),
        value: provider.filterState.query ?? '',
      });
      if (query === undefined) {
        return provider.filterState;
      }
    }
    provider.setQuery(query);
    // Open the groups that hold matches, for groups the view had already shown closed.
    if (view.visible && provider.filterState.query !== undefined) {
      for (const p of provider.visibleProposals()) {
        const node = provider.nodeOf(p);
        if (node) {
          await view.reveal(node, { select: false, focus: false, expand: false });
        }
      }
    }
    return provider.filterState;
  };

  return vscode.Disposable.from(
    provider,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    view,
    ...expansion,
    provider.onDidChangeFilter(showFilter),
    // A catalogue created, saved or deleted: its rows' badges are asked for again.
    deps.catalogues.onDidChange(() => decorations.refresh()),
    vscode.commands.registerCommand(OPEN_SELECTED_PROPOSAL, () => openSelectedProposal(view)),
    vscode.commands.registerCommand('egn.filterCatalogue', filter),
    vscode.commands.registerCommand('egn.clearFilter', () => provider.setQuery(undefined)),
    vscode.commands.registerCommand('egn.revealInCatalogue', (arg?: unknown) => revealInCatalogue(deps, provider, view, arg)),
    vscode.commands.registerCommand('egn.copyReference', (arg?: unknown) => copyReference(deps, arg)),
    vscode.commands.registerCommand('egn.showUncitedOnly', () => setUncitedOnly(deps, provider, true)),
    vscode.commands.registerCommand('egn.showAllProposals', () => setUncitedOnly(deps, provider, false)),
    registerTestHook(context, 'egn._catalogueViewRows', () => catalogueViewRows(provider, view, decorations)),
  );
}
