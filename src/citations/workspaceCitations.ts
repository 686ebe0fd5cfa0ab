import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import type { CatalogueSet } from '../core/catalogueSet';
import { MultiReferenceScanner } from '../core/multiReferenceScanner';
import { createLinePrefilter } from '../core/candidateLines';
import { cataloguesWithProse, indexWholeTextReader, PROSE_OFF } from '../core/documentText';
import { Citation, CitationIndex, MAX_RECORDS_PER_DOCUMENT, ScannedReference } from '../core/citationIndex';
import { computeCoverage, Coverage } from '../core/coverage';
import { createFileFilter, enabledPatterns, FileFilter } from '../core/globMatcher';
import type { FastFolderReader } from '../core/fastFolderReader';
import { buildIndex, CancellationFlag, IndexHost } from '../core/indexBuilder';
import { scannedDocumentOf } from '../core/documentScans';
import type { OpenDocumentScans } from '../catalogues/openDocumentScans';
import { ReferenceScanner } from '../core/referenceScanner';
import type { BuildProgress, CitationSource } from './citationSource';
import { readIndexableText } from './readIndexableText';

/** Files read at the same time during a build: enough to hide latency, few enough not to flood the host. */
const CONCURRENCY = 16;
/** An open document is rescanned after this pause in typing. */
const TYPING_DEBOUNCE_MS = 150;
/** Bursts of index changes (a branch switch, a build) reach the listeners as one event. */
const CHANGE_DEBOUNCE_MS = 50;
/** A build still running after this long also shows a cancellable notification. */
const NOTIFY_AFTER_MS = 3000;
/** Progress reaches the status bar at most this often. */
const PROGRESS_INTERVAL_MS = 100;
/** How much of an open document is looked at for a NUL, as `isProbablyBinary` does on disk. */
const BINARY_SAMPLE = 8192;
/** Quiet time after file events before their folders are checked against the disk. */
const RECONCILE_AFTER_MS = 500;

/** The catalogues in use and their changes (`deps.catalogues`). */
export interface CatalogueSource {
  readonly current: CatalogueSet;
  readonly onDidChange: vscode.Event<unknown>;
}

/** Makes the fast reader of these catalogues (the host's `createFolderReader`). */
export type FolderReaderFactory = (catalogues: readonly Catalogue[]) => FastFolderReader | undefined;

/** The filter of one workspace folder, from that folder's settings. */
interface FolderFilter {
  readonly folder: vscode.WorkspaceFolder;
  readonly include: string;
  readonly exclude: string;
  /** `egn.index.exclude` and the enabled `files.exclude` patterns. */
  readonly excludes: readonly string[];
  readonly maxFileSize: number;
  readonly filter: FileFilter;
}

/**
 * The workspace citation index, glued to VS Code: built on first `ready()` (at startup, see
 * `scheduleBackgroundBuild`) with its progress in the status bar and, past a few seconds, a
 * cancellable notification; then kept right by file events, renames, and the unsaved text of open
 * documents, in every folder of a multi-root workspace. Folders on disk are read by the fast reader
 * (ripgrep, Node's fs) when the host has one; other schemes through `workspace.fs`.
 */
export class WorkspaceCitations implements CitationSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly progressChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeProgress = this.progressChanged.event;
  private currentProgress: BuildProgress | undefined;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private buildCancel: vscode.CancellationTokenSource | undefined;
  private index: CitationIndex;
  private indexSubscription: { dispose(): void };
  /** The versions used by the indexes replaced so far (see `version`). */
  private versionBase = 0;
  /**
   * The catalogues the index reads, by position (`Citation.catalogue`): the bundled EGN catalogue
   * first, then the workspace's, as `CatalogueSet` orders them.
   */
  private catalogueList: readonly Catalogue[];
  private filters = new Map<string, FolderFilter>();
  private building: Promise<boolean> | undefined;
  private built = false;
  /** Bumped by every (re)build, so that a superseded build's late results are dropped. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** URIs touched while a build runs, replayed once it finishes. */
  private pending = new Set<string>();
  private listening = false;
  private folderWatchers: vscode.Disposable | undefined;
  private watchedKey = '';
  /** The latest ticket per URI being refreshed (see `ticket`). */
  private readonly latest = new Map<string, number>();
  private readonly touchedFolders = new Set<string>();
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined;
  private tickets = 0;

  /**
   * @param catalogues The catalogues in use, when the index covers workspace catalogues too: the
   *   index is rebuilt when their prefixes change, and re-resolves which citations exist when only
   *   their proposals do. Without it, the index covers `catalogue` alone.
   * @param createReader Makes the fast reader again for a new list of catalogues.
   * @param scans The references of open documents: an open document's unsaved text is not scanned
   *   again here. Without it, the index scans the text itself.
   */
  constructor(
    private readonly catalogue: Catalogue,
    private readonly scanner: ReferenceScanner,
    private readonly output: vscode.LogOutputChannel,
    private fastReader?: FastFolderReader,
    private readonly catalogues?: CatalogueSource,
    private readonly createReader?: FolderReaderFactory,
    private readonly scans?: OpenDocumentScans,
  ) {
    this.catalogueList = this.cataloguesInUse();
    // A reader for the list, unless the one given reads it (one catalogue, prose settings as its file says).
    if ((this.catalogueList.length > 1 || this.catalogueList[0] !== catalogue) && createReader) {
      this.fastReader?.dispose();
      this.fastReader = createReader(this.catalogueList);
    }
    this.index = this.makeIndex();
    this.indexSubscription = this.index.onDidChange(() => this.scheduleChange());
    if (catalogues) {
      this.disposables.push(catalogues.onDidChange(() => this.onCataloguesChanged()));
    }
    // Prose (issue 18): new egn.prose.* settings read every document again.
    if (scans) {
      this.disposables.push(scans.prose.onDidChange(() => this.onCataloguesChanged(true)));
    }
  }

  /** The catalogues to index, bundled first; `catalogue` alone without a catalogue source. */
  private cataloguesInUse(): readonly Catalogue[] {
    return cataloguesWithProse(this.cataloguesInUseAsLoaded(), this.scans?.prose.current ?? PROSE_OFF); // prose (issue 18)
  }

  private cataloguesInUseAsLoaded(): readonly Catalogue[] {
    const set = this.catalogues?.current;
    if (!set || set.bundled?.catalogue.prefix.toUpperCase() !== this.catalogue.prefix.toUpperCase()) {
      return [this.catalogue];
    }
    // The bundled catalogue is the one the extension was given (`deps.catalogue`), at position 0.
    return [this.catalogue, ...set.catalogues.filter((c) => c !== set.bundled).map((c) => c.catalogue)];
  }

  /** An index of `catalogueList`: one catalogue keeps the one scanner; several are read in one pass. */
  private makeIndex(): CitationIndex {
    const list = this.catalogueList;
    let scan: (text: string) => readonly ScannedReference[];
    if (list.length === 1) {
      scan = (text) => this.scanner.scan(text);
    } else {
      const multi = new MultiReferenceScanner(
        list.map((c, position) => ({
          prefix: c.prefix,
          scanner: position === 0 ? this.scanner : new ReferenceScanner(c.prefix, (n) => c.byNumber(n) !== undefined),
          catalogue: position,
        })),
      );
      scan = (text) => multi.scan(text);
    }
    // Prose (issue 18): the prefilter also keeps the lines of prose needles; lines are scanned for ids
    // and titles, and a text holding a noun is read whole.
    const whole = indexWholeTextReader(scan, list);
    // Read at query time: a catalogue whose proposals changed (same prefix) needs no rescan.
    return new CitationIndex(whole?.scanLine ?? scan, (n, position) => this.catalogueList[position]?.byNumber(n) !== undefined, createLinePrefilter([...list.map((c) => c.prefix), ...(whole?.lineNeedles ?? [])]), whole);
  }

  /**
   * A new set of catalogues: when the prefixes are the same, only which citations exist may have
   * changed (re-resolved at query time); otherwise every document is read again with the new ones.
   */
  private onCataloguesChanged(proseChanged = false): void {
    const before = this.catalogueList.map((c) => c.prefix.toUpperCase()).join('\n');
    const list = this.cataloguesInUse();
    this.catalogueList = list;
    if (!proseChanged && list.map((c) => c.prefix.toUpperCase()).join('\n') === before) {
      this.index.existenceChanged();
      this.fireChange();
      return;
    }
    if (this.createReader) {
      this.fastReader?.dispose();
      this.fastReader = this.createReader(list);
    }
    this.indexSubscription.dispose();
    this.versionBase += this.index.version + 1;
    this.index = this.makeIndex();
    this.indexSubscription = this.index.onDidChange(() => this.scheduleChange());
    this.fireChange();
    if (this.built || this.building) {
      this.output.info(`Catalogues in use: ${list.map((c) => c.prefix).join(', ')}; the citation index is rebuilt.`);
      void this.rebuild();
    }
  }

  /** The position of the catalogue of `prefix` in the index (ignoring case), if indexed. */
  private positionOf(prefix: string): number | undefined {
    const key = prefix.toUpperCase();
    const k = this.catalogueList.findIndex((c) => c.prefix.toUpperCase() === key);
    return k < 0 ? undefined : k;
  }

  /** The catalogues the index covers, bundled first. */
  indexedCatalogues(): readonly Catalogue[] {
    return this.catalogueList;
  }

  citationsOfProposal(prefix: string, number: number, options?: { readonly previews?: boolean; readonly limit?: number }): readonly Citation[] {
    const position = this.positionOf(prefix);
    return position === undefined ? [] : this.index.citationsOf(number, { ...options, catalogue: position });
  }

  countOf(prefix: string, number: number): number {
    return this.countsOf(prefix).get(number) ?? 0;
  }

  countsOf(prefix: string): ReadonlyMap<number, number> {
    const position = this.positionOf(prefix);
    return position === undefined ? new Map() : this.index.countsByNumber(position);
  }

  coverageOf(prefix: string, scope?: { readonly uris: readonly string[] }): Coverage | undefined {
    const position = this.positionOf(prefix);
    return position === undefined ? undefined : computeCoverage(this.catalogueList[position], this.index, scope, position);
  }

  documentCountsByPrefix(uri: string): ReadonlyMap<string, number> {
    const result = new Map<string, number>();
    for (const [position, count] of this.index.documentCatalogueCounts(uri)) {
      const c = this.catalogueList[position];
      if (c) {
        result.set(c.prefix, count);
      }
    }
    return result;
  }

  get isReady(): boolean {
    return this.built;
  }

  get progress(): BuildProgress | undefined {
    return this.currentProgress;
  }

  get version(): number {
    // Monotonic across the indexes this one replaced: callers cache answers by version.
    return this.versionBase + this.index.version;
  }

  ready(): Promise<boolean> {
    if (this.built) {
      return Promise.resolve(true);
    }
    this.building ??= this.build();
    return this.building;
  }

  rebuild(): Promise<boolean> {
    this.built = false;
    this.building = this.build();
    return this.building;
  }

  citationsOf(number: number, options?: { readonly previews?: boolean; readonly limit?: number }): readonly Citation[] {
    return this.index.citationsOf(number, options);
  }

  counts(): ReadonlyMap<number, number> {
    return this.index.countsByNumber();
  }

  coverage(scope?: { readonly uris: readonly string[] }): Coverage {
    return computeCoverage(this.catalogue, this.index, scope);
  }

  dispose(): void {
    this.generation++;
    this.indexSubscription.dispose();
    this.buildCancel?.cancel();
    this.fastReader?.dispose();
    if (this.progressTimer) {
      clearTimeout(this.progressTimer);
    }
    if (this.reconcileTimer) {
      clearTimeout(this.reconcileTimer);
    }
    this.progressChanged.dispose();
    for (const t of this.typingTimers.values()) {
      clearTimeout(t);
    }
    if (this.changeTimer) {
      clearTimeout(this.changeTimer);
    }
    vscode.Disposable.from(...this.disposables).dispose();
    this.changed.dispose();
  }

  private async build(): Promise<boolean> {
    const generation = ++this.generation;
    this.startListening();
    this.filters = this.readFilters();
    this.watchFolders();
    const started = Date.now();
    this.buildCancel?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.buildCancel = cancel;
    const superseded = (): boolean => generation !== this.generation;
    const stopped: CancellationFlag = { get isCancellationRequested() { return cancel.token.isCancellationRequested || superseded(); } };
    const notify = setTimeout(() => this.notifyProgress(generation, cancel), NOTIFY_AFTER_MS);
    let ok = true;
    this.index.clear();
    let doneBefore = 0;
    this.setProgress({ done: 0, total: undefined });
    try {
      for (const f of this.filters.values()) {
        const done = await this.buildFolder(f, stopped, cancel.token, superseded, (done, total) => {
          this.setProgress({ done: doneBefore + done, total: total === undefined ? undefined : doneBefore + total });
        });
        doneBefore = this.currentProgress?.done ?? doneBefore;
        if (!done || stopped.isCancellationRequested) {
          ok = false;
          break;
        }
      }
    } finally {
      clearTimeout(notify);
      cancel.dispose();
      if (!superseded()) {
        this.buildCancel = undefined;
        this.setProgress(undefined);
      }
    }
    if (superseded()) {
      // A newer build replaced this one; its result is the one that counts.
      return this.building ?? false;
    }
    if (!ok) {
      this.index.clear();
      this.building = undefined;
      this.output.info('Citation index build cancelled.');
      return false;
    }
    // Unsaved changes count; a saved open document is what the build just read from disk (and a
    // document whose file is gone counts no more, as after any rebuild).
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty) {
        this.refreshFromDocument(document);
      }
    }
    const replay = [...this.pending];
    this.pending.clear();
    this.built = true;
    for (const uri of replay) {
      void this.refresh(vscode.Uri.parse(uri), true);
    }
    this.output.info(`Citation index built: ${this.index.documentCount} documents citing proposals, in ${Date.now() - started} ms.`);
    for (const uri of this.index.cappedDocuments()) {
      this.output.warn(`${uri}: too many citations; only the first ${MAX_RECORDS_PER_DOCUMENT} are kept.`);
    }
    this.fireChange();
    return true;
  }

  /** Reads one workspace folder into the index. False when cancelled. */
  private async buildFolder(
    f: FolderFilter,
    stopped: CancellationFlag,
    token: vscode.CancellationToken,
    superseded: () => boolean,
    onProgress: (done: number, total: number | undefined) => void,
  ): Promise<boolean> {
    const started = Date.now();
    if (this.fastReader && f.folder.uri.scheme === 'file') {
      const folderUri = f.folder.uri;
      const summary = await this.fastReader.readFolder({
        root: folderUri.fsPath,
        include: f.include,
        excludes: f.excludes,
        filter: f.filter,
        maxFileSize: f.maxFileSize,
        token: stopped,
        onFile: (rel, content) => {
          // A superseded build must not write into the index its successor fills.
          if (!superseded()) {
            this.index.setContent(vscode.Uri.joinPath(folderUri, rel).toString(), content);
          }
        },
        onProgress,
      });
      if (summary.fallbackReason) {
        this.output.warn(`${f.folder.name}: read with Node's fs, not ripgrep (${summary.fallbackReason}).`);
      }
      for (const failure of summary.failures) {
        this.output.warn(`Could not index ${failure.uri}: ${failure.message}`);
      }
      this.output.info(`${f.folder.name}: ${summary.read} documents read by ${summary.via} in ${Date.now() - started} ms (${summary.skippedTooLarge} too large, ${summary.skippedBinary} binary, ${summary.failures.length} unreadable).`);
      return !summary.cancelled;
    }
    const sink = {
      set: (uri: string, text: string) => {
        if (!superseded()) {
          this.index.set(uri, text);
        }
      },
    };
    const stats = await buildIndex(this.hostFor(f, token), sink, f.filter, { concurrency: CONCURRENCY, token: stopped, onProgress });
    for (const failure of stats.failures) {
      this.output.warn(`Could not index ${failure.uri}: ${failure.message}`);
    }
    this.output.info(`${f.folder.name}: ${stats.indexed} documents indexed of ${stats.found} found through workspace.fs in ${Date.now() - started} ms (${stats.skippedTooLarge} too large, ${stats.skippedBinary} binary, ${stats.skippedExcluded} excluded, ${stats.failed} unreadable).`);
    return !stats.cancelled;
  }

  /** Progress for the status bar; reported at most every `PROGRESS_INTERVAL_MS`, its end at once. */
  private setProgress(progress: BuildProgress | undefined): void {
    this.currentProgress = progress;
    if (progress === undefined || progress.done === 0) {
      if (this.progressTimer) {
        clearTimeout(this.progressTimer);
        this.progressTimer = undefined;
      }
      this.progressChanged.fire();
      return;
    }
    this.progressTimer ??= setTimeout(() => {
      this.progressTimer = undefined;
      this.progressChanged.fire();
    }, PROGRESS_INTERVAL_MS);
  }

  /** A build that takes long gets a notification, from which it can be cancelled. */
  private notifyProgress(generation: number, cancel: vscode.CancellationTokenSource): void {
    if (generation !== this.generation || !this.currentProgress) {
      return;
    }
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing EGN citations'), cancellable: true },
      (progress, token) => new Promise<void>((resolve) => {
        const cancelled = token.onCancellationRequested(() => cancel.cancel());
        const report = (): void => {
          const p = this.currentProgress;
          if (!p || generation !== this.generation) {
            sub.dispose();
            cancelled.dispose();
            resolve();
            return;
          }
          progress.report({ message: progressMessage(p) });
        };
        const sub = this.onDidChangeProgress(report);
        report();
      }),
    );
  }

  /** The files of one workspace folder, as the core builder reads them. */
  private hostFor(f: FolderFilter, token: vscode.CancellationToken): IndexHost {
    return {
      findFiles: async () => {
        // egn.index.exclude narrows the search; files.exclude is applied by the filter afterwards.
        const exclude = f.exclude ? new vscode.RelativePattern(f.folder, f.exclude) : null;
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(f.folder, f.include), exclude, undefined, token);
        return uris.map((uri) => ({ uri: uri.toString(), relativePath: relativePath(f.folder, uri) }));
      },
      stat: async (uri) => vscode.workspace.fs.stat(vscode.Uri.parse(uri)),
      readFile: async (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
    };
  }

  /** The index filter of every workspace folder, from each folder's own settings. */
  private readFilters(): Map<string, FolderFilter> {
    const filters = new Map<string, FolderFilter>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const egn = vscode.workspace.getConfiguration('egn.index', folder);
      const include = egn.get<string>('include', '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}');
      const exclude = egn.get<string>('exclude', '');
      const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude');
      const excludes = [exclude, ...enabledPatterns(filesExclude)].filter((p) => p.trim().length > 0);
      const maxFileSize = egn.get<number>('maxFileSize', 1_048_576);
      const filter = createFileFilter({ include, exclude: excludes, maxFileSize });
      filters.set(folder.uri.toString(), { folder, include, exclude, excludes, maxFileSize, filter });
    }
    return filters;
  }

  /** Whether `uri` belongs to the index under its folder's settings. */
  private accepts(uri: vscode.Uri): FolderFilter | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const f = folder && this.filters.get(folder.uri.toString());
    return f && f.filter.accepts(relativePath(f.folder, uri)) ? f : undefined;
  }

  /**
   * Watches each workspace folder with its own include glob, so that the index hears of the files
   * it reads and not of every build output. Folders need a second, create/delete-only watcher: a
   * folder deleted, moved or copied outside VS Code is reported as the folder alone, whose path no
   * file glob matches (and a folder swapped for another of the same name, as a change).
   */
  private watchFolders(): void {
    // Setting up a recursive watch of a large tree costs the file watcher a walk: keep it when the
    // folders and include globs are the ones already watched.
    const key = JSON.stringify([...this.filters.values()].map((f) => [f.folder.uri.toString(), f.include]));
    if (this.folderWatchers && key === this.watchedKey) {
      return;
    }
    this.watchedKey = key;
    this.folderWatchers?.dispose();
    const watchers: vscode.Disposable[] = [];
    for (const f of this.filters.values()) {
      const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f.folder, f.include));
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f.folder, '**/*'));
      const isIndexable = (uri: vscode.Uri): boolean => this.accepts(uri) !== undefined;
      watchers.push(
        files,
        folders,
        files.onDidCreate((uri) => this.whenBuilt(uri, () => void this.refresh(uri, true))),
        files.onDidChange((uri) => this.whenBuilt(uri, () => void this.refresh(uri, false))),
        files.onDidDelete((uri) => this.whenBuilt(uri, () => void this.refresh(uri, false))),
        // What the file watcher already reports is left to it.
        folders.onDidCreate((uri) => !isIndexable(uri) && this.whenBuilt(uri, () => void this.refresh(uri, true))),
        folders.onDidDelete((uri) => !isIndexable(uri) && this.whenBuilt(uri, () => void this.refresh(uri, false))),
        // A folder deleted and made again at once (a swap of names) reaches us as one change.
        folders.onDidChange((uri) => !isIndexable(uri) && this.whenBuilt(uri, () => void this.refresh(uri, true))),
      );
    }
    this.folderWatchers = vscode.Disposable.from(...watchers);
  }

  private startListening(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    this.disposables.push(
      new vscode.Disposable(() => this.folderWatchers?.dispose()),
      // Operations made through VS Code (WorkspaceEdit, the Explorer) are reported as such, whatever
      // the file watcher makes of them (a create and a delete close together may cancel out there).
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.whenBuilt(uri, () => void this.refresh(uri, true)))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.whenBuilt(uri, () => void this.refresh(uri, false)))),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.onRename(oldUri, newUri);
        }
      }),
      // An opened document is its file's text until edited; `refresh` decides as for any event.
      vscode.workspace.onDidOpenTextDocument((d) => this.whenBuilt(d.uri, () => void this.refresh(d.uri, false))),
      vscode.workspace.onDidChangeTextDocument((e) => this.whenBuilt(e.document.uri, () => this.scheduleTyping(e.document))),
      vscode.workspace.onDidCloseTextDocument((d) => this.whenBuilt(d.uri, () => void this.refreshFromDisk(d.uri, this.generation))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const affectsIndex = ['include', 'exclude', 'maxFileSize'].some((k) => e.affectsConfiguration(`egn.index.${k}`));
        if (this.built && (affectsIndex || e.affectsConfiguration('files.exclude'))) {
          void this.rebuild();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.built) {
          void this.rebuild();
        }
      }),
    );
  }

  /** Runs `action` now if the index is built; queues the URI for after the build otherwise. */
  private whenBuilt(uri: vscode.Uri, action: () => void): void {
    if (this.built) {
      action();
    } else if (this.building) {
      this.pending.add(uri.toString());
    }
  }

  private onRename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    if (!this.built) {
      // Queued for after the build: the old name is then gone, the new one read.
      this.whenBuilt(oldUri, () => undefined);
      this.whenBuilt(newUri, () => undefined);
      return;
    }
    const oldKey = oldUri.toString();
    // A renamed folder moves every indexed document below it.
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
  private async refresh(uri: vscode.Uri, created: boolean): Promise<void> {
    const key = uri.toString();
    this.noteTouched(uri);
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
      const f = folder && this.filters.get(folder.uri.toString());
      if (created && f) {
        const generation = this.generation;
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
    await this.refreshFromDisk(uri, this.generation);
  }

  /**
   * Remembers the folder of a file event, to check it once events quiet down: the file watcher
   * coalesces events, and a file reported created, then created again and deleted in one burst,
   * can be reported as nothing at all, which would leave it in the index for good.
   */
  private noteTouched(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') {
      return;
    }
    this.touchedFolders.add(vscode.Uri.joinPath(uri, '..').toString());
    if (this.reconcileTimer) {
      clearTimeout(this.reconcileTimer);
    }
    this.reconcileTimer = setTimeout(() => void this.reconcile(), RECONCILE_AFTER_MS);
  }

  /** Forgets the indexed documents of the touched folders whose files are gone (see `noteTouched`). */
  private async reconcile(): Promise<void> {
    this.reconcileTimer = undefined;
    const folders = [...this.touchedFolders];
    this.touchedFolders.clear();
    const documents = this.index.documents();
    for (const folder of folders) {
      const inFolder = documents.filter((d) => d.startsWith(`${folder}/`) && !d.slice(folder.length + 1).includes('/'));
      if (inFolder.length === 0) {
        continue;
      }
      let names: Set<string>;
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(folder));
        names = new Set(entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name));
      } catch {
        names = new Set();
      }
      for (const d of inFolder) {
        if (!names.has(decodeURIComponent(d.slice(folder.length + 1)))) {
          void this.refresh(vscode.Uri.parse(d), false);
        }
      }
    }
  }

  /**
   * Takes a ticket for handling `key`: events for one URI are handled asynchronously (stat, read)
   * and may finish out of order; only the latest one may write its answer.
   */
  private ticket(key: string): number {
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
  private async refreshFromDisk(uri: vscode.Uri, generation: number): Promise<void> {
    const key = uri.toString();
    const ticket = this.ticket(key);
    const f = this.accepts(uri);
    if (!f) {
      this.isLatest(key, ticket, true);
      this.index.delete(key);
      return;
    }
    if (this.fastReader && uri.scheme === 'file') {
      const read = await this.fastReader.readFile(uri.fsPath, f.maxFileSize);
      if (generation !== this.generation || !this.isLatest(key, ticket, true)) {
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
    if (generation !== this.generation || !this.isLatest(key, ticket, true)) {
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
  private refreshFromDocument(document: vscode.TextDocument): void {
    // The document's text is newer than any read of its file still in flight.
    this.latest.delete(document.uri.toString());
    const f = this.accepts(document.uri);
    if (!f) {
      return;
    }
    const text = document.getText();
    if (tooLarge(text, f.maxFileSize) || text.slice(0, BINARY_SAMPLE).includes('\0')) {
      this.index.delete(document.uri.toString());
    } else if (this.scans) {
      // The scan the other features read (one per version); the index only places it by catalogue.
      const scan = this.scans.of(document, 'index');
      const list = this.catalogueList;
      const position = (loaded: { readonly catalogue: Catalogue }): number | undefined => {
        const k = list.indexOf(loaded.catalogue);
        return k < 0 ? undefined : k;
      };
      this.index.setContent(document.uri.toString(), { kind: 'scanned', document: scannedDocumentOf(scan, text, position) });
    } else {
      this.index.set(document.uri.toString(), text);
    }
  }

  private scheduleTyping(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const previous = this.typingTimers.get(key);
    if (previous) {
      clearTimeout(previous);
    }
    this.typingTimers.set(key, setTimeout(() => {
      this.typingTimers.delete(key);
      // Back to its saved state (undo, save), a document is its file again, which may be gone.
      if (!document.isClosed && document.isDirty) {
        this.refreshFromDocument(document);
      } else {
        void this.refresh(document.uri, false);
      }
    }, TYPING_DEBOUNCE_MS));
  }

  private scheduleChange(): void {
    if (!this.built) {
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

/** Whether `text`, saved as UTF-8, would be over `maxBytes`: a UTF-8 byte per UTF-16 unit at least. */
function tooLarge(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) {
    return true;
  }
  return text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes;
}

/** The progress of a build, in words. */
function progressMessage(p: BuildProgress): string {
  return p.total === undefined ? vscode.l10n.t('{0} files read', p.done) : vscode.l10n.t('{0} of {1} files', p.done, p.total);
}

/** The POSIX path of `uri` relative to its workspace folder. */
function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.replace(/^\/+/, '');
}
