import * as vscode from 'vscode';
import { MAX_RECORDS_PER_DOCUMENT } from '../core/citationIndex';
import { Disposable } from '../core/dispose';
import { buildIndex, CancellationFlag, IndexHost } from '../core/indexBuilder';
import type { BuildProgress } from './citationSource';
import type { IndexedCatalogues } from './indexedCatalogues';
import { FolderFilter, relativePath } from './indexFilters';

/** Files read at the same time during a build: enough to hide latency, few enough not to flood the host. */
const CONCURRENCY = 16;
/** A build still running after this long also shows a cancellable notification. */
const NOTIFY_AFTER_MS = 3000;
/** Progress reaches the status bar at most this often. */
const PROGRESS_INTERVAL_MS = 100;

/** What a build asks of its owner before and after reading the folders. */
export interface BuildHooks {
  /** Settings read again, watchers set: the folders to read. */
  prepare(): Iterable<FolderFilter>;
  /** The folders are read; the index is about to be declared built. */
  finish(): void;
  /** The index is declared built. */
  built(): void;
  /** Reads what the text readers leave of a folder (Word, LibreOffice, PDF); false when cancelled. */
  readMore?(f: FolderFilter, stopped: CancellationFlag, superseded: () => boolean): Promise<boolean>;
}

/**
 * Builds the workspace citation index: every folder read in turn (the fast reader for folders on
 * disk, `workspace.fs` otherwise), progress for the status bar, and past a few seconds a
 * cancellable notification. A build supersedes the one before (`generation`); so does `dispose`.
 */
export class IndexBuildRunner extends Disposable {
  private readonly progressChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when a build starts, progresses (throttled) or ends. */
  readonly onDidChangeProgress = this.progressChanged.event;
  private currentProgress: BuildProgress | undefined;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private buildCancel: vscode.CancellationTokenSource | undefined;
  private building: Promise<boolean> | undefined;
  private built = false;
  /** Bumped by every (re)build, so that a superseded build's late results are dropped. */
  #generation = 0;

  constructor(
    private readonly catalogues: IndexedCatalogues,
    private readonly output: vscode.LogOutputChannel,
    private readonly hooks: BuildHooks,
  ) {
    super();
    this.register({
      dispose: () => {
        this.#generation++;
        this.buildCancel?.cancel();
        if (this.progressTimer) {
          clearTimeout(this.progressTimer);
        }
      },
    });
  }

  /** True once a build has finished (false again while a rebuild runs). */
  get isBuilt(): boolean {
    return this.built;
  }

  /** Whether a build is running or done. */
  get isStarted(): boolean {
    return this.built || this.building !== undefined;
  }

  get progress(): BuildProgress | undefined {
    return this.currentProgress;
  }

  /** The current build's number: work started under another is stale. */
  get generation(): number {
    return this.#generation;
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

  private async build(): Promise<boolean> {
    const generation = ++this.#generation;
    const folders = [...this.hooks.prepare()];
    const index = this.catalogues.index;
    const started = Date.now();
    this.buildCancel?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.buildCancel = cancel;
    const superseded = (): boolean => generation !== this.#generation;
    const stopped: CancellationFlag = { get isCancellationRequested() { return cancel.token.isCancellationRequested || superseded(); } };
    const notify = setTimeout(() => this.notifyProgress(generation, cancel), NOTIFY_AFTER_MS);
    let ok = true;
    index.clear();
    let doneBefore = 0;
    this.setProgress({ done: 0, total: undefined });
    try {
      for (const f of folders) {
        const done = await this.readFolder(f, stopped, cancel.token, superseded, (done, total) => {
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
      this.catalogues.index.clear();
      this.building = undefined;
      this.output.info('Citation index build cancelled.');
      return false;
    }
    this.hooks.finish();
    this.built = true;
    this.hooks.built();
    const built = this.catalogues.index;
    this.output.info(`Citation index built: ${built.documentCount} documents citing proposals, in ${Date.now() - started} ms.`);
    for (const uri of built.cappedDocuments()) {
      this.output.warn(`${uri}: too many citations; only the first ${MAX_RECORDS_PER_DOCUMENT} are kept.`);
    }
    return true;
  }

  /**
   * Reads one workspace folder into the index, as a build does; false when cancelled. `accept`
   * says whether a file read may be written (a resync leaves some alone).
   */
  async readFolder(
    f: FolderFilter,
    stopped: CancellationFlag,
    token: vscode.CancellationToken,
    superseded: () => boolean,
    onProgress: (done: number, total: number | undefined) => void,
    accept: (uri: string) => boolean = () => true,
  ): Promise<boolean> {
    const started = Date.now();
    const reader = this.catalogues.reader;
    const index = this.catalogues.index;
    if (reader && f.folder.uri.scheme === 'file') {
      const folderUri = f.folder.uri;
      const summary = await reader.readFolder({
        root: folderUri.fsPath,
        include: f.include,
        excludes: f.excludes,
        filter: f.filter,
        maxFileSize: f.maxFileSize,
        token: stopped,
        onFile: (rel, content) => {
          const uri = vscode.Uri.joinPath(folderUri, rel).toString();
          // A superseded build must not write into the index its successor fills.
          if (!superseded() && accept(uri)) {
            index.setContent(uri, content);
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
      return !summary.cancelled && (await this.readMore(f, stopped, superseded));
    }
    const sink = {
      set: (uri: string, text: string) => {
        if (!superseded() && accept(uri)) {
          index.set(uri, text);
        }
      },
    };
    const stats = await buildIndex(hostFor(f, token), sink, f.filter, { concurrency: CONCURRENCY, token: stopped, onProgress });
    for (const failure of stats.failures) {
      this.output.warn(`Could not index ${failure.uri}: ${failure.message}`);
    }
    this.output.info(`${f.folder.name}: ${stats.indexed} documents indexed of ${stats.found} found through workspace.fs in ${Date.now() - started} ms (${stats.skippedTooLarge} too large, ${stats.skippedBinary} binary, ${stats.skippedExcluded} excluded, ${stats.failed} unreadable).`);
    return !stats.cancelled && (await this.readMore(f, stopped, superseded));
  }

  private async readMore(f: FolderFilter, stopped: CancellationFlag, superseded: () => boolean): Promise<boolean> {
    return this.hooks.readMore ? this.hooks.readMore(f, stopped, superseded) : true;
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
    if (generation !== this.#generation || !this.currentProgress) {
      return;
    }
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing EGN citations'), cancellable: true },
      (progress, token) => new Promise<void>((resolve) => {
        const cancelled = token.onCancellationRequested(() => cancel.cancel());
        const report = (): void => {
          const p = this.currentProgress;
          if (!p || generation !== this.#generation) {
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
}

/** The files of one workspace folder, as the core builder reads them. */
function hostFor(f: FolderFilter, token: vscode.CancellationToken): IndexHost {
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

/** The progress of a build, in words. */
function progressMessage(p: BuildProgress): string {
  return p.total === undefined ? vscode.l10n.t('{0} files read', p.done) : vscode.l10n.t('{0} of {1} files', p.done, p.total);
}
