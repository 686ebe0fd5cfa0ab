import * as vscode from 'vscode';
import type { CancellationFlag } from '../core/indexBuilder';
import { originalOfExtracted } from './extractedTextUri';
import type { IndexedCatalogues } from './indexedCatalogues';
import { FolderFilter, relativePath } from './indexFilters';
import type { OfficeDocuments, OfficeFolder, OfficeIndexSink } from './officeDocuments';

/**
 * Word, LibreOffice and PDF documents in the workspace index: what a build, a file event and a
 * rename do with them, over `OfficeDocuments` (which reads them). Text files never reach here:
 * their filter excludes these documents (`FolderFilter.filter`), `officeFilter` picks them.
 */
export class OfficeIndexing {
  constructor(
    private readonly office: OfficeDocuments,
    private readonly catalogues: IndexedCatalogues,
    private readonly output: vscode.LogOutputChannel,
    private readonly filters: () => ReadonlyMap<string, FolderFilter>,
  ) {}

  /** The index as `OfficeDocuments` writes into it; a superseded build writes nothing. */
  private sink(superseded: () => boolean = () => false): OfficeIndexSink {
    const index = (): IndexedCatalogues['index'] => this.catalogues.index;
    return {
      set: (uri, text, layout) => !superseded() && index().set(uri, text, layout),
      delete: (uri) => !superseded() && index().delete(uri),
      documents: () => index().documents(),
    };
  }

  private folderOf(f: FolderFilter): OfficeFolder {
    return { folder: f.folder, filter: f.officeFilter, exclude: f.exclude, maxFileSize: f.maxFileSize };
  }

  /** Reads a folder's Office documents, after its text files. False when cancelled. */
  async readFolder(f: FolderFilter, stopped: CancellationFlag, superseded: () => boolean): Promise<boolean> {
    const started = Date.now();
    const { indexed, skipped } = await this.office.buildFolder(this.folderOf(f), this.sink(superseded), () => stopped.isCancellationRequested);
    if (indexed + skipped > 0) {
      this.output.info(`${f.folder.name}: ${indexed} Word, LibreOffice or PDF documents read in ${Date.now() - started} ms (${skipped} skipped).`);
    }
    return !stopped.isCancellationRequested;
  }

  /** Whether `uri` is an Office document or its text view, for this class and not the text readers. */
  owns(uri: vscode.Uri): boolean {
    return this.office.owns(uri);
  }

  /** An Office document or its text view brought up to date; true when it was one. */
  refresh(uri: vscode.Uri): boolean {
    if (!this.office.owns(uri)) {
      return false;
    }
    if (originalOfExtracted(uri)) {
      // The text view itself (opened, closed): its document is the file's, already indexed.
      return true;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const f = folder && this.filters().get(folder.uri.toString());
    const inScope = f && f.officeFilter.accepts(relativePath(f.folder, uri)) ? this.folderOf(f) : undefined;
    void this.office.refresh(uri, inScope, this.sink());
    return true;
  }

  /** Forgets the documents at or under `uri` (a file or folder gone, or renamed away). */
  forget(uri: vscode.Uri): void {
    this.office.forget(uri, this.sink());
  }
}
