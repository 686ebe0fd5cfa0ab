import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import { BUNDLED_SOURCE, CatalogueSet } from '../core/catalogueSet';
import { Disposable } from '../core/dispose';
import { DocumentScan, DocumentScans, SetReference, VersionedText } from '../core/documentScans';
import { ProseSettingsWatch } from './proseSettings';

/** Who reads the scans (counted in `stats`, for the test that proves one scan per change). */
export type ScanReader = 'index' | 'diagnostics' | 'statusBar' | 'hover' | 'links' | 'definition' | 'codeActions' | 'coverage' | 'reveal' | 'references';

/** The catalogues in use, as `WorkspaceCatalogues` gives them. */
interface CatalogueSetSource {
  readonly current: CatalogueSet;
}

/**
 * The one cache of the references of open documents (`DocumentScans`), owned here and read by
 * every feature: the index, the warnings, the status bar, hover, links, definition, quick fixes and
 * the document coverage. An entry goes when its document closes.
 */
export class OpenDocumentScans extends Disposable {
  private readonly scans: DocumentScans;
  /** `egn.prose.*`: the scans read prose with them; the index reads them here too. */
  readonly prose: ProseSettingsWatch;

  /**
   * @param bundled The bundled catalogue, alone in use when there is no catalogue source.
   * @param catalogues Every catalogue in use; entries made with an older set are stale.
   */
  constructor(bundled: Catalogue, catalogues: CatalogueSetSource | undefined) {
    super();
    const alone = CatalogueSet.of([{ catalogue: bundled, source: BUNDLED_SOURCE }]);
    this.prose = this.register(new ProseSettingsWatch());
    this.scans = new DocumentScans(() => catalogues?.current ?? alone, () => this.prose.current);
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.scans.delete(d.uri.toString())));
    this.register({ dispose: () => this.scans.clear() });
  }

  /** The references of `document` at its current version, scanned now if not yet. */
  of(document: vscode.TextDocument, reader: ScanReader): DocumentScan {
    return this.scans.get(versioned(document), reader);
  }

  /** The reference (ignored or not) at `position`, of any catalogue in use. */
  referenceAt(document: vscode.TextDocument, position: vscode.Position, reader: ScanReader): SetReference | undefined {
    return this.scans.referenceAt(versioned(document), document.offsetAt(position), reader);
  }

  /** Whole-document scans made so far and reads by reader (the internal command `egn._documentScans`). */
  get stats(): DocumentScans['stats'] {
    return this.scans.stats;
  }
}

function versioned(document: vscode.TextDocument): VersionedText {
  return { uri: document.uri.toString(), version: document.version, identity: document, languageId: document.languageId, getText: () => document.getText() };
}
