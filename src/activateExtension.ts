import * as vscode from 'vscode';
import { loadBundledCatalogue } from './bundledCatalogue';
import { OpenDocumentScans } from './catalogues/openDocumentScans';
import { registerCatalogues } from './catalogues/registerCatalogues';
import type { WorkspaceCatalogues } from './catalogues/workspaceCatalogues';
import { Catalogue, Proposal } from './core/catalogue';
import type { FastFolderReader } from './core/fastFolderReader';
import { ReferenceScanner } from './core/referenceScanner';
import { ExtensionDeps } from './deps';
import { registerCitationFeatures } from './citations/registerCitationFeatures';
import { WorkspaceCitations } from './citations/workspaceCitations';
import { registerTestHook } from './testHooks';
import { OfficeDocuments } from './citations/officeDocuments';
import { registerExtractedTextView } from './citations/extractedTextView';
import type { OfficeTextReader } from './core/office/readOfficeDocument';
import { registerCoverageReport } from './coverage/registerCoverageReport';
import type { PandocRunner } from './export/pandocRunner';
import { registerPandocExport } from './export/registerPandocExport';
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

/** A catalogue in use, as the public API gives it: the bundled EGN one, or a workspace file's. */
export interface ApiCatalogue {
  readonly id: string;
  readonly prefix: string;
  readonly title: string;
  /** `bundled`, or the URI of the workspace file, as a string. */
  readonly source: string;
  readonly proposals: ApiProposal[];
}

/** The API `activate` returns, for other extensions and for tests. */
export interface EgnApi {
  readonly version: 1;
  /** The EGN proposals (the bundled catalogue). */
  proposals(): ApiProposal[];
  /** Every catalogue in use, the bundled one first. */
  catalogues(): ApiCatalogue[];
  /** Fires when a catalogue file is created, saved, renamed or deleted and the catalogues in use change. */
  readonly onDidChangeCatalogues: vscode.Event<void>;
}

function apiProposal(p: Proposal): ApiProposal {
  return { id: p.id, number: p.number, title: p.title, theme: p.theme.title, subtheme: p.subtheme?.title };
}

function createApi(catalogue: Catalogue | undefined, workspace: WorkspaceCatalogues): EgnApi {
  return {
    version: 1,
    proposals: () => (catalogue?.proposals ?? []).map(apiProposal),
    catalogues: () => workspace.current.catalogues.map((c) => ({
      id: c.catalogue.id,
      prefix: c.catalogue.prefix,
      title: c.catalogue.title,
      source: c.source,
      proposals: c.catalogue.proposals.map(apiProposal),
    })),
    onDidChangeCatalogues: (listener, thisArgs, disposables) => workspace.onDidChange(() => listener.call(thisArgs), undefined, disposables),
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
  /**
   * The fast reader of workspace folders on disk (ripgrep, Node's fs in threads), where the host has one;
   * without it the index reads through `vscode.workspace.fs`, as it must in the web worker.
   */
  readonly createFolderReader?: (catalogues: Catalogue | readonly Catalogue[]) => FastFolderReader;
  /** Runs the user's pandoc for *Export with Pandoc…*, where the host can start a program (not the web worker). */
  readonly pandoc?: PandocRunner;
  /** How Word, LibreOffice and PDF documents are read: in a thread (Node), in place (web, no PDF). */
  readonly createOfficeReader: () => OfficeTextReader;
}

/**
 * Wires the features together for either host; the work itself lives in each feature's folder.
 */
export async function activateExtension(context: vscode.ExtensionContext, host: ExtensionHost): Promise<EgnApi> {
  const output = vscode.window.createOutputChannel('EGN', { log: true });
  context.subscriptions.push(output, vscode.commands.registerCommand('egn.showOutput', () => output.show()));
  output.info(`EGN extension running in the ${host.name} extension host.`);

  const loaded = await loadBundledCatalogue(context.extensionUri);
  const workspaceCatalogues = registerCatalogues(loaded.ok ? loaded.catalogue : undefined, output);
  context.subscriptions.push(workspaceCatalogues.disposable);
  if (!loaded.ok) {
    for (const e of loaded.errors) {
      output.error(`data/egn-2020.yaml:${e.line}:${e.column}: ${e.message}`);
    }
    // An empty view shows its welcome content, which explains the problem.
    context.subscriptions.push(vscode.window.registerTreeDataProvider('egn.catalogue', { getChildren: () => [], getTreeItem: (x: vscode.TreeItem) => x }));
    void vscode.window.showErrorMessage(vscode.l10n.t('The EGN catalogue could not be loaded ({0} errors). See the EGN output for details.', loaded.errors.length), vscode.l10n.t('Show Output'))
      .then((choice) => { if (choice) { output.show(); } });
    return createApi(undefined, workspaceCatalogues.catalogues);
  }

  const catalogue = loaded.catalogue;
  const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
  const scans = new OpenDocumentScans(catalogue, workspaceCatalogues.catalogues);
  const createReader = host.createFolderReader;
  const office = new OfficeDocuments(host.createOfficeReader(), output);
  const citations = new WorkspaceCitations(catalogue, scanner, output, createReader?.(catalogue), workspaceCatalogues.catalogues, createReader && ((list) => createReader(list)), scans, office);
  context.subscriptions.push(citations, scans, office, registerExtractedTextView(office));
  // For the integration test that proves one scan per change.
  context.subscriptions.push(registerTestHook(context, 'egn._documentScans', () => scans.stats));
  const deps: ExtensionDeps = { catalogue, scanner, citations, output, catalogues: workspaceCatalogues.catalogues, scans };
  context.subscriptions.push(
    registerCatalogueView(context, deps),
    registerProposalPanels(context, deps),
    registerOverviewPanel(context, deps),
    registerWritingSupport(context, deps),
    registerCitationFeatures(context, deps),
    registerCoverageReport(context, deps),
    registerPandocExport(context, deps, host.pandoc),
  );
  return createApi(catalogue, workspaceCatalogues.catalogues);
}
