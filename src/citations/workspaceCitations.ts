import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import type { Citation } from '../core/citationIndex';
import { computeCoverage, Coverage } from '../core/coverage';
import { Disposable } from '../core/dispose';
import type { FastFolderReader } from '../core/fastFolderReader';
import type { OpenDocumentScans } from '../catalogues/openDocumentScans';
import type { ReferenceScanner } from '../core/referenceScanner';
import type { BuildProgress, CitationSource } from './citationSource';
import { IndexBuildRunner } from './indexBuildRunner';
import { CatalogueSource, FolderReaderFactory, IndexedCatalogues } from './indexedCatalogues';
import { FolderFilter, readIndexFilters } from './indexFilters';
import { IndexUpdater } from './indexUpdater';
import { OpenDocumentFollower } from './openDocumentFollower';
import type { OfficeDocuments } from './officeDocuments';
import { OfficeIndexing } from './officeIndexing';
import { WorkspaceFileEvents, WorkspaceFileEvent } from './workspaceFileEvents';

export type { CatalogueSource, FolderReaderFactory } from './indexedCatalogues';

/** Bursts of index changes (a branch switch, a build) reach the listeners as one event. */
const CHANGE_DEBOUNCE_MS = 50;

/**
 * The workspace citation index, glued to VS Code: built on first `ready()` (at startup, see
 * `scheduleBackgroundBuild`) with its progress in the status bar and, past a few seconds, a
 * cancellable notification; then kept right by file events, renames, and the unsaved text of open
 * documents, in every folder of a multi-root workspace. Folders on disk are read by the fast reader
 * (ripgrep, Node's fs) when the host has one; other schemes through `workspace.fs`.
 *
 * It only wires its parts, one job each: `IndexedCatalogues` (which catalogues, index and reader),
 * `IndexBuildRunner` (builds and their progress), `WorkspaceFileEvents` (watchers, renames, checks
 * against the disk), `IndexUpdater` (one URI brought up to date), `OpenDocumentFollower` (unsaved
 * text), `indexFilters.ts` (settings to file filters); and answers the queries, by prefix.
 */
export class WorkspaceCitations extends Disposable implements CitationSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly catalogues: IndexedCatalogues;
  private readonly runner: IndexBuildRunner;
  private readonly files: WorkspaceFileEvents;
  private readonly updater: IndexUpdater;
  /** Word, LibreOffice and PDF documents, when the host reads them. */
  private readonly office: OfficeIndexing | undefined;
  readonly onDidChangeProgress: vscode.Event<void>;
  private filters: ReadonlyMap<string, FolderFilter> = new Map();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** URIs touched while a build runs, replayed once it finishes. */
  private readonly pending = new Set<string>();
  private listening = false;

  /**
   * @param catalogues The catalogues in use, when the index covers workspace catalogues too: the
   *   index is rebuilt when their prefixes change, and re-resolves which citations exist when only
   *   their proposals do. Without it, the index covers `catalogue` alone.
   * @param createReader Makes the fast reader again for a new list of catalogues.
   * @param office Reads Word, LibreOffice and PDF documents (src/citations/officeDocuments.ts).
   * @param scans The references of open documents: an open document's unsaved text is not scanned
   *   again here. Without it, the index scans the text itself.
   */
  constructor(
    catalogue: Catalogue,
    scanner: ReferenceScanner,
    private readonly output: vscode.LogOutputChannel,
    fastReader?: FastFolderReader,
    catalogues?: CatalogueSource,
    createReader?: FolderReaderFactory,
    scans?: OpenDocumentScans,
    office?: OfficeDocuments,
  ) {
    super();
    this.catalogues = new IndexedCatalogues(catalogue, scanner, fastReader, catalogues, createReader, scans?.prose);
    this.office = office && new OfficeIndexing(office, this.catalogues, output, () => this.filters);
    this.runner = this.register(new IndexBuildRunner(this.catalogues, output, {
      prepare: () => {
        this.startListening();
        this.filters = readIndexFilters(office !== undefined);
        this.files.watch(this.filters);
        return this.filters.values();
      },
      finish: () => this.onBuildRead(),
      built: () => this.onBuilt(),
      readMore: (f, stopped, superseded) => this.office ? this.office.readFolder(f, stopped, superseded) : Promise.resolve(true),
    }));
    this.onDidChangeProgress = this.runner.onDidChangeProgress;
    this.files = this.register(new WorkspaceFileEvents(() => this.catalogues.index.documents()));
    this.updater = new IndexUpdater({
      catalogues: this.catalogues,
      runner: this.runner,
      filters: () => this.filters,
      touched: (uri) => this.files.noteTouched(uri),
      scans,
      office: this.office,
    });
    this.register(this.catalogues.onDidChangeContent(() => this.scheduleChange()));
    this.register(this.catalogues.onDidChange((change) => this.onCataloguesChanged(change)));
    this.register({
      dispose: () => {
        if (this.changeTimer) {
          clearTimeout(this.changeTimer);
        }
      },
    });
    // After the build is stopped (the runner first): its reader and index go last.
    this.register(this.catalogues);
    this.register(this.changed);
  }

  /** The file events and open documents are followed from the first build on. */
  private startListening(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    this.register(this.files.onDidChange((e) => this.onFileEvent(e)));
    this.register(this.files.onDidChangeFilters(() => {
      if (this.runner.isBuilt) {
        void this.rebuild();
      }
    }));
    this.register(new OpenDocumentFollower(this.updater, (uri, action) => this.whenBuilt(uri, action), () => this.runner.generation));
  }

  private onFileEvent(e: WorkspaceFileEvent): void {
    switch (e.kind) {
      case 'touched':
        this.whenBuilt(e.uri, () => void this.updater.refresh(e.uri, e.created));
        return;
      case 'renamed':
        if (!this.runner.isBuilt) {
          // Queued for after the build: the old name is then gone, the new one read.
          this.whenBuilt(e.oldUri, () => undefined);
          this.whenBuilt(e.newUri, () => undefined);
        } else {
          this.updater.rename(e.oldUri, e.newUri);
        }
        return;
      case 'resync':
        if (this.runner.isBuilt) {
          this.updater.resync(e.folder);
        }
        return;
    }
  }

  /** Runs `action` now if the index is built; queues the URI for after the build otherwise. */
  private whenBuilt(uri: vscode.Uri, action: () => void): void {
    if (this.runner.isBuilt) {
      action();
    } else if (this.runner.isStarted) {
      this.pending.add(uri.toString());
    }
  }

  /**
   * The folders are read. Unsaved changes count; a saved open document is what the build just read
   * from disk (and a document whose file is gone counts no more, as after any rebuild).
   */
  private onBuildRead(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty) {
        this.updater.refreshFromDocument(document);
      }
    }
  }

  /** The build is done: what happened meanwhile is replayed, and listeners hear of it once. */
  private onBuilt(): void {
    const replay = [...this.pending];
    this.pending.clear();
    for (const uri of replay) {
      void this.updater.refresh(vscode.Uri.parse(uri), true);
    }
    this.fireChange();
  }

  /**
   * A new set of catalogues: when the prefixes are the same, only which citations exist may have
   * changed (re-resolved at query time); otherwise every document is read again with the new ones.
   */
  private onCataloguesChanged(change: 'existence' | 'replaced'): void {
    this.fireChange();
    if (change === 'replaced' && this.runner.isStarted) {
      this.output.info(`Catalogues in use: ${this.catalogues.list.map((c) => c.prefix).join(', ')}; the citation index is rebuilt.`);
      void this.rebuild();
    }
  }

  indexedCatalogues(): readonly Catalogue[] {
    return this.catalogues.list;
  }

  citationsOfProposal(prefix: string, number: number, options?: { readonly previews?: boolean; readonly limit?: number }): readonly Citation[] {
    const position = this.catalogues.positionOf(prefix);
    return position === undefined ? [] : this.catalogues.index.citationsOf(number, { ...options, catalogue: position });
  }

  countOf(prefix: string, number: number): number {
    return this.countsOf(prefix).get(number) ?? 0;
  }

  countsOf(prefix: string): ReadonlyMap<number, number> {
    const position = this.catalogues.positionOf(prefix);
    return position === undefined ? new Map() : this.catalogues.index.countsByNumber(position);
  }

  coverageOf(prefix: string, scope?: { readonly uris: readonly string[] }): Coverage | undefined {
    const position = this.catalogues.positionOf(prefix);
    return position === undefined ? undefined : computeCoverage(this.catalogues.list[position], this.catalogues.index, scope, position);
  }

  documentCountsByPrefix(uri: string): ReadonlyMap<string, number> {
    const result = new Map<string, number>();
    for (const [position, count] of this.catalogues.index.documentCatalogueCounts(uri)) {
      const c = this.catalogues.list[position];
      if (c) {
        result.set(c.prefix, count);
      }
    }
    return result;
  }

  get isReady(): boolean {
    return this.runner.isBuilt;
  }

  get progress(): BuildProgress | undefined {
    return this.runner.progress;
  }

  get version(): number {
    return this.catalogues.version;
  }

  ready(): Promise<boolean> {
    return this.runner.ready();
  }

  rebuild(): Promise<boolean> {
    return this.runner.rebuild();
  }

  private scheduleChange(): void {
    if (!this.runner.isBuilt) {
      // The end of the build fires once for all of it.
      return;
    }
    if (this.changeTimer) {
      clearTimeout(this.changeTimer);
    }
    this.changeTimer = setTimeout(() => this.fireChange(), CHANGE_DEBOUNCE_MS);
  }

  private fireChange(): void {
    this.changeTimer = undefined;
    this.changed.fire();
  }
}
