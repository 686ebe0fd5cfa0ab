import * as vscode from 'vscode';
import { loadBundledCatalogue } from './bundledCatalogue';
import { Catalogue } from './core/catalogue';
import { ReferenceScanner } from './core/referenceScanner';
import { ExtensionDeps } from './deps';
import { registerCitationFeatures } from './index/registerCitationFeatures';
import { WorkspaceCitations } from './index/workspaceCitations';
import { registerCoverageReport } from './index/registerCoverageReport';
import { registerWritingSupport } from './language/registerWritingSupport';
import { registerOverviewPanel } from './panels/registerOverviewPanel';
import { registerProposalPanels } from './panels/registerProposalPanels';
import { registerCatalogueView } from './tree/registerCatalogueView';

/** A proposal as the public API gives it to other extensions. */
export interface ApiProposal {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly theme: string;
  readonly subtheme: string | undefined;
}

/** The API `activate` returns, for other extensions and for tests. */
export interface EgnApi {
  readonly version: 1;
  proposals(): ApiProposal[];
}

function createApi(catalogue: Catalogue | undefined): EgnApi {
  return {
    version: 1,
    proposals: () => (catalogue?.proposals ?? []).map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      theme: p.theme.title,
      subtheme: p.subtheme?.title,
    })),
  };
}

/**
 * What differs between the extension hosts, chosen by each entry point: `src/extension.ts` (Node,
 * desktop and remote) and `src/web/extension.ts` (the web worker of vscode.dev and github.dev).
 * Everything else is shared, so this module and what it imports must not need Node.
 */
export interface ExtensionHost {
  /** Which host runs the extension, written to the EGN output so that a bug report says it. */
  readonly name: 'node' | 'web';
}

/**
 * Wires the features together for either host; the work itself lives in each feature's folder.
 */
export async function activateExtension(context: vscode.ExtensionContext, host: ExtensionHost): Promise<EgnApi> {
  const output = vscode.window.createOutputChannel('EGN', { log: true });
  context.subscriptions.push(output, vscode.commands.registerCommand('egn.showOutput', () => output.show()));
  output.info(`EGN extension running in the ${host.name} extension host.`);

  const loaded = await loadBundledCatalogue(context.extensionUri);
  if (!loaded.ok) {
    for (const e of loaded.errors) {
      output.error(`data/egn-2020.yaml:${e.line}:${e.column}: ${e.message}`);
    }
    // An empty view shows its welcome content, which explains the problem.
    context.subscriptions.push(vscode.window.registerTreeDataProvider('egn.catalogue', { getChildren: () => [], getTreeItem: (x: vscode.TreeItem) => x }));
    void vscode.window.showErrorMessage(vscode.l10n.t('The EGN catalogue could not be loaded ({0} errors). See the EGN output for details.', loaded.errors.length), vscode.l10n.t('Show Output'))
      .then((choice) => { if (choice) { output.show(); } });
    return createApi(undefined);
  }

  const catalogue = loaded.catalogue;
  const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
  const citations = new WorkspaceCitations(catalogue, scanner, output);
  context.subscriptions.push(citations);
  const deps: ExtensionDeps = { catalogue, scanner, citations, output };
  context.subscriptions.push(
    registerCatalogueView(context, deps),
    registerProposalPanels(context, deps),
    registerOverviewPanel(context, deps),
    registerWritingSupport(context, deps),
    registerCitationFeatures(context, deps),
    registerCoverageReport(context, deps),
  );
  return createApi(catalogue);
}
