import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import { scannedDocumentOf } from '../core/documentScans';
import type { OpenDocumentScans } from '../catalogues/openDocumentScans';
import type { IndexBuildRunner } from './indexBuildRunner';
import type { IndexedCatalogues } from './indexedCatalogues';
import { acceptingFilter, FolderFilter } from './indexFilters';
import type { OfficeIndexing } from './officeIndexing';
import { readIndexableText } from './readIndexableText';

/** How much of an open document is looked at for a NUL, as `isProbablyBinary` does on disk. */
const BINARY_SAMPLE = 8192;

/** What the updater reads of its owner. */
export interface IndexUpdaterContext {
  readonly catalogues: IndexedCatalogues;
  readonly runner: IndexBuildRunner;
  /** The filters of the workspace folders, as the last build read them. */
  filters(): ReadonlyMap<string, FolderFilter>;
  /** Called for every URI refreshed, so that its folder is checked against the disk later. */
  touched(uri: vscode.Uri): void;
  /** The references of open documents; without it, the index scans their text itself. */
  readonly scans?: OpenDocumentScans;
  /** Word, LibreOffice and PDF documents, kept by their own reader. */
  readonly office?: OfficeIndexing;
}

/**
 * Keeps the built index right, one URI at a time: brings a file or folder up to date with the disk
 * or its open document, moves what a rename moved, reads a workspace folder again without clearing
 * the index. Events for one URI are handled asynchronously and may finish out of order: a ticket
 * per URI lets only the latest write its answer.
 */
export class IndexUpdater {
  /** The latest ticket per URI being refreshed (see `ticket`). */
  private readonly latest = new Map<string, number>();
  private tickets = 0;
  /** The URIs refreshed on their own while a resync reads: their answer is newer than its. */
  private refreshedDuringResync: Set<string> | undefined;
  private readonly resyncQueue = new Set<string>();
  private resyncing: Promise<void> | undefined;

  constructor(private readonly context: IndexUpdaterContext) {}

  private get index() {
    return this.context.catalogues.index;
  }

  /** Whether `uri` belongs to the index under its folder's settings. */
  accepts(uri: vscode.Uri): FolderFilter | undefined {
    return acceptingFilter(this.context.filters(), uri);
  }

  /** Something renamed or moved through VS Code: a folder moves every indexed document below it. */
  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const office = this.context.office;
    if (office) {
      // A document's text view is keyed by its own URI: the old name goes, the new one is read (a
      // renamed folder's documents come back through the file watcher's create of the folder).
      office.forget(oldUri);
      if (office.refresh(newUri)) {
        return;
      }
    }
    const oldKey = oldUri.toString();
    const moved = this.index.documents().filter((d) => d === oldKey || d.startsWith(`${oldKey}/`));
    for (const d of moved) {
      const target = vscode.Uri.parse(newUri.toString() + d.slice(oldKey.length));
      if (this.accepts(target)) {
        this.index.rename(d, target.toString());
        // The move answers at once; the disk confirms. A file moved then deleted at once may reach
        // the watcher as nothing at all (its create and delete cancel out), and would stay forever.
        void this.refresh(target, false);
      } else {
        this.index.delete(d);
      }
    }
    if (moved.length === 0) {
      void this.refresh(newUri, true);
    }
  }

  /**
   * Brings one URI (a file or a folder) up to date with the open document or the disk. A folder
   * that appeared (`created`: copied or moved in) is read whole: the watcher may report only it.
   */
  async refresh(uri: vscode.Uri, created: boolean): Promise<void> {
    if (this.context.office?.refresh(uri)) {
      return;
    }
    const key = uri.toString();
    this.context.touched(uri);
    const ticket = this.ticket(key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    // Unsaved text counts wherever its file went. A saved document is its file, read from disk: its
    // text may lag behind a change made outside VS Code until the editor reloads it.
    if (open && !open.isClosed && open.isDirty) {
      this.refreshFromDocument(open);
      return;
    }
    let stat: vscode.FileStat | undefined;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      stat = undefined;
    }
    if (!this.isLatest(key, ticket)) {
      // A later event for the same URI is being handled: its answer is the newer one.
      return;
    }
    if (!stat) {
      // Gone: a file, or a whole folder, except for the unsaved documents that were in it.
      this.context.office?.forget(uri);
      for (const d of this.index.documents()) {
        if (d === key || d.startsWith(`${key}/`)) {
          this.index.delete(d);
        }
      }
      for (const d of vscode.workspace.textDocuments) {
        const k = d.uri.toString();
        if (d.isDirty && (k === key || k.startsWith(`${key}/`))) {
          this.refreshFromDocument(d);
        }
      }
      return;
    }
    if (stat.type & vscode.FileType.Directory) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const f = folder && this.context.filters().get(folder.uri.toString());
      if (created && f) {
        const generation = this.context.runner.generation;
        // egn.index.exclude keeps a fresh node_modules/ from being listed file by file.
        const exclude = f.exclude ? new vscode.RelativePattern(f.folder, f.exclude) : null;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), exclude);
        // What the folder held before (a folder replaced by another of the same name) goes.
        const present = new Set(found.map((u) => u.toString()));
        const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
        for (const d of this.index.documents()) {
          if (d.startsWith(`${key}/`) && !present.has(d) && !unsaved.has(d)) {
            this.index.delete(d);
          }
        }
        for (const file of found) {
          await this.refreshFromDisk(file, generation);
        }
      }
      return;
    }
    await this.refreshFromDisk(uri, this.context.runner.generation);
  }

  /**
   * Takes a ticket for handling `key`: events for one URI are handled asynchronously (stat, read)
   * and may finish out of order; only the latest one may write its answer.
   */
  private ticket(key: string): number {
    this.refreshedDuringResync?.add(key);
    const t = ++this.tickets;
    this.latest.set(key, t);
    return t;
  }

  /** Whether `ticket` is still the latest for `key`; forgets the key once its latest is done. */
  private isLatest(key: string, ticket: number, done = false): boolean {
    const latest = this.latest.get(key) === ticket;
    if (latest && done) {
      this.latest.delete(key);
    }
    return latest;
  }

  /** Indexes a file as it is on disk, or forgets it if it no longer qualifies. */
  async refreshFromDisk(uri: vscode.Uri, generation: number): Promise<void> {
    if (this.context.office?.refresh(uri)) {
      return;
    }
    const key = uri.toString();
    const ticket = this.ticket(key);
    const f = this.accepts(uri);
    if (!f) {
      this.isLatest(key, ticket, true);
      this.index.delete(key);
      return;
    }
    const reader = this.context.catalogues.reader;
    if (reader && uri.scheme === 'file') {
      const read = await reader.readFile(uri.fsPath, f.maxFileSize);
      if (generation !== this.context.runner.generation || !this.isLatest(key, ticket, true)) {
        return;
      }
      if (read.kind === 'content') {
        this.index.setContent(key, read.content);
      } else {
        this.index.delete(key);
      }
      return;
    }
    const text = await readIndexableText(vscode.workspace.fs, uri, f.filter);
    if (generation !== this.context.runner.generation || !this.isLatest(key, ticket, true)) {
      return;
    }
    if (text === undefined) {
      this.index.delete(key);
    } else {
      this.index.set(key, text);
    }
  }

  /**
   * An open document counts with its current text, saved or not, under the same rules as a file
   * on disk: over `egn.index.maxFileSize` or binary, it is not indexed.
   */
  refreshFromDocument(document: vscode.TextDocument): void {
    if (this.context.office?.owns(document.uri)) {
      return;
    }
    // The document's text is newer than any read of its file still in flight.
    this.latest.delete(document.uri.toString());
    const f = this.accepts(document.uri);
    if (!f) {
      return;
    }
    const text = document.getText();
    const scans = this.context.scans;
    if (tooLarge(text, f.maxFileSize) || text.slice(0, BINARY_SAMPLE).includes('\0')) {
      this.index.delete(document.uri.toString());
    } else if (scans) {
      // The scan the other features read (one per version); the index only places it by catalogue.
      const scan = scans.of(document, 'index');
      const list = this.context.catalogues.list;
      const position = (loaded: { readonly catalogue: Catalogue }): number | undefined => {
        const k = list.indexOf(loaded.catalogue);
        return k < 0 ? undefined : k;
      };
      this.index.setContent(document.uri.toString(), { kind: 'scanned', document: scannedDocumentOf(scan, text, position) });
    } else {
      this.index.set(document.uri.toString(), text);
    }
  }

  /** Reads the workspace folder (URI key) again, after those already asked for. */
  resync(folder: string): void {
    this.resyncQueue.add(folder);
    this.resyncing ??= this.runResyncs().finally(() => { this.resyncing = undefined; });
  }

  /**
   * Reads the queued workspace folders again, as a build would, without clearing the index: what
   * is read replaces what was indexed, what was indexed and is no longer found goes. An unsaved
   * document keeps its text, and a file refreshed on its own meanwhile is left to that refresh.
   */
  private async runResyncs(): Promise<void> {
    const runner = this.context.runner;
    while (this.resyncQueue.size > 0) {
      const keys = [...this.resyncQueue];
      this.resyncQueue.clear();
      for (const key of keys) {
        const f = this.context.filters().get(key);
        if (!f || !runner.isBuilt) {
          continue;
        }
        const generation = runner.generation;
        const superseded = (): boolean => generation !== runner.generation;
        const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
        const seen = new Set<string>();
        const refreshed = new Set<string>();
        this.refreshedDuringResync = refreshed;
        const accept = (uri: string): boolean => {
          seen.add(uri);
          return !unsaved.has(uri) && !refreshed.has(uri);
        };
        const cancel = new vscode.CancellationTokenSource();
        const done = await runner.readFolder(f, { get isCancellationRequested() { return superseded(); } }, cancel.token, superseded, () => undefined, accept)
          .finally(() => {
            cancel.dispose();
            this.refreshedDuringResync = undefined;
          });
        if (!done || superseded()) {
          return;
        }
        const prefix = key.endsWith('/') ? key : `${key}/`;
        for (const d of this.index.documents()) {
          if (d.startsWith(prefix) && !seen.has(d) && !refreshed.has(d) && !unsaved.has(d)) {
            // Not found by the listing: gone, or no longer included; `refresh` asks the disk.
            void this.refresh(vscode.Uri.parse(d), false);
          }
        }
        for (const document of vscode.workspace.textDocuments) {
          if (document.isDirty && document.uri.toString().startsWith(prefix)) {
            this.refreshFromDocument(document);
          }
        }
      }
    }
  }
}

/** Whether `text`, saved as UTF-8, would be over `maxBytes`: a UTF-8 byte per UTF-16 unit at least. */
function tooLarge(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) {
    return true;
  }
  return text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes;
}
