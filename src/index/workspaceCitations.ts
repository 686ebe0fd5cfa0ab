import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import { Citation, CitationIndex } from '../core/citationIndex';
import { computeCoverage, Coverage } from '../core/coverage';
import { createFileFilter, enabledPatterns, FileFilter } from '../core/globMatcher';
import { buildIndex, IndexHost } from '../core/indexBuilder';
import type { ReferenceScanner } from '../core/referenceScanner';
import type { CitationSource } from './citationSource';
import { readIndexableText } from './readIndexableText';

/** Files read at the same time during a build: enough to hide latency, few enough not to flood the host. */
const CONCURRENCY = 16;
/** An open document is rescanned after this pause in typing. */
const TYPING_DEBOUNCE_MS = 150;
/** Bursts of index changes (a branch switch, a build) reach the listeners as one event. */
const CHANGE_DEBOUNCE_MS = 50;

/** The filter of one workspace folder, from that folder's settings. */
interface FolderFilter {
  readonly folder: vscode.WorkspaceFolder;
  readonly include: string;
  readonly exclude: string;
  readonly filter: FileFilter;
}

/**
 * The workspace citation index, glued to VS Code: built lazily on first `ready()` with a
 * cancellable progress notification, then kept right by file events, renames, and the unsaved
 * text of open documents, in every folder of a multi-root workspace.
 */
export class WorkspaceCitations implements CitationSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly index: CitationIndex;
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

  constructor(
    private readonly catalogue: Catalogue,
    scanner: ReferenceScanner,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.index = new CitationIndex((text) => scanner.scan(text), (n) => catalogue.byNumber(n) !== undefined);
    this.index.onDidChange(() => this.scheduleChange());
  }

  get isReady(): boolean {
    return this.built;
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

  citationsOf(number: number): readonly Citation[] {
    return this.index.citationsOf(number);
  }

  counts(): ReadonlyMap<number, number> {
    return this.index.countsByNumber();
  }

  coverage(scope?: { readonly uris: readonly string[] }): Coverage {
    return computeCoverage(this.catalogue, this.index, scope);
  }

  dispose(): void {
    this.generation++;
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
    const started = Date.now();
    const ok = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing EGN citations'), cancellable: true },
      async (progress, token) => {
        const superseded = (): boolean => generation !== this.generation;
        const stopped = { get isCancellationRequested() { return token.isCancellationRequested || superseded(); } };
        // A superseded build must not write into the index its successor fills.
        const sink = {
          set: (uri: string, text: string) => {
            if (!superseded()) {
              this.index.set(uri, text);
            }
          },
        };
        this.index.clear();
        let reported = 0;
        for (const f of this.filters.values()) {
          const stats = await buildIndex(this.hostFor(f, token), sink, f.filter, {
            concurrency: CONCURRENCY,
            token: stopped,
            onProgress: (done, total) => {
              // One report per percent at most: a report per file would flood the notification.
              const percent = Math.floor((100 * done) / total);
              if (percent > reported) {
                progress.report({ message: vscode.l10n.t('{0} of {1} files', done, total), increment: percent - reported });
                reported = percent;
              }
            },
          });
          reported = 0;
          for (const failure of stats.failures) {
            this.output.warn(`Could not index ${failure.uri}: ${failure.message}`);
          }
          this.output.info(`${f.folder.name}: ${stats.indexed} documents indexed of ${stats.found} found (${stats.skippedTooLarge} too large, ${stats.skippedBinary} binary, ${stats.skippedExcluded} excluded, ${stats.failed} unreadable).`);
          if (stats.cancelled || stopped.isCancellationRequested) {
            return false;
          }
        }
        return true;
      },
    );
    if (generation !== this.generation) {
      // A newer build replaced this one; its result is the one that counts.
      return this.building ?? false;
    }
    if (!ok) {
      this.index.clear();
      this.building = undefined;
      this.output.info('Citation index build cancelled.');
      return false;
    }
    // Open documents count with their current (possibly unsaved) text.
    for (const document of vscode.workspace.textDocuments) {
      this.refreshFromDocument(document);
    }
    const replay = [...this.pending];
    this.pending.clear();
    this.built = true;
    for (const uri of replay) {
      void this.refresh(vscode.Uri.parse(uri), true);
    }
    this.output.info(`Citation index built: ${this.index.documents().length} documents in ${Date.now() - started} ms.`);
    this.fireChange();
    return true;
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
      const filter = createFileFilter({
        include,
        exclude: [exclude, ...enabledPatterns(filesExclude)],
        maxFileSize: egn.get<number>('maxFileSize', 1_048_576),
      });
      filters.set(folder.uri.toString(), { folder, include, exclude, filter });
    }
    return filters;
  }

  /** Whether `uri` belongs to the index under its folder's settings. */
  private accepts(uri: vscode.Uri): FolderFilter | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const f = folder && this.filters.get(folder.uri.toString());
    return f && f.filter.accepts(relativePath(f.folder, uri)) ? f : undefined;
  }

  private startListening(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.whenBuilt(uri, () => void this.refresh(uri, true))),
      watcher.onDidChange((uri) => this.whenBuilt(uri, () => void this.refresh(uri, false))),
      watcher.onDidDelete((uri) => this.whenBuilt(uri, () => void this.refresh(uri, false))),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.onRename(oldUri, newUri);
        }
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.whenBuilt(d.uri, () => this.refreshFromDocument(d))),
      vscode.workspace.onDidChangeTextDocument((e) => this.whenBuilt(e.document.uri, () => this.scheduleTyping(e.document))),
      vscode.workspace.onDidCloseTextDocument((d) => this.whenBuilt(d.uri, () => void this.refreshFromDisk(d.uri, this.generation))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.built && (e.affectsConfiguration('egn.index') || e.affectsConfiguration('files.exclude'))) {
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
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open && !open.isClosed) {
      this.refreshFromDocument(open);
      return;
    }
    let stat: vscode.FileStat | undefined;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      // Gone: a file, or a whole folder.
      for (const d of this.index.documents()) {
        if (d === key || d.startsWith(`${key}/`)) {
          this.index.delete(d);
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
        for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), exclude)) {
          await this.refreshFromDisk(file, generation);
        }
      }
      return;
    }
    await this.refreshFromDisk(uri, this.generation);
  }

  /** Indexes a file as it is on disk, or forgets it if it no longer qualifies. */
  private async refreshFromDisk(uri: vscode.Uri, generation: number): Promise<void> {
    const key = uri.toString();
    const f = this.accepts(uri);
    if (!f) {
      this.index.delete(key);
      return;
    }
    const text = await readIndexableText(vscode.workspace.fs, uri, f.filter);
    if (generation !== this.generation) {
      return;
    }
    if (text === undefined) {
      this.index.delete(key);
    } else {
      this.index.set(key, text);
    }
  }

  /** An open document counts with its current text, saved or not. */
  private refreshFromDocument(document: vscode.TextDocument): void {
    if (this.accepts(document.uri)) {
      this.index.set(document.uri.toString(), document.getText());
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
      if (!document.isClosed) {
        this.refreshFromDocument(document);
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

/** The POSIX path of `uri` relative to its workspace folder. */
function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.replace(/^\/+/, '');
}
