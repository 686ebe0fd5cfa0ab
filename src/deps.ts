import type * as vscode from 'vscode';
import type { OpenDocumentScans } from './catalogues/openDocumentScans';
import type { WorkspaceCatalogues } from './catalogues/workspaceCatalogues';
import type { CatalogueWithContext } from './core/catalogue';
import type { ReferenceScanner } from './core/referenceScanner';
import type { CitationSource } from './citations/citationSource';

/** What every feature's `registerX(context, deps)` receives from `extension.ts`. */
export interface ExtensionDeps {
  /** The bundled EGN catalogue. */
  readonly catalogue: CatalogueWithContext;
  /** The one grammar of references; every feature uses it, none has its own regular expression. */
  readonly scanner: ReferenceScanner;
  /** The workspace citation index (built lazily, on first need). */
  readonly citations: CitationSource;
  readonly output: vscode.LogOutputChannel;
  /** Every catalogue in use (the bundled one and the workspace's), and its changes. */
  readonly catalogues: WorkspaceCatalogues;
  /** The references of open documents, scanned once per version; every feature reads them here. */
  readonly scans: OpenDocumentScans;
}
