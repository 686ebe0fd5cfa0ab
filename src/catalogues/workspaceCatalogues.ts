import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import { loadCatalogue } from '../core/catalogueLoader';
import { CATALOGUE_SET_LIMITS, CatalogueFileLoad, CatalogueProblem, CatalogueSet } from '../core/catalogueSet';
import { Disposable } from '../core/dispose';
import { SETTING_DEFAULTS } from '../core/generated/settingDefaults';
import { createFileFilter, enabledPatterns, FileFilter } from '../core/globMatcher';

/** The default of `egn.catalogues.include`. */
export const DEFAULT_CATALOGUE_INCLUDE = SETTING_DEFAULTS['egn.catalogues.include'];

/**
 * How long file events are gathered before the catalogues are read again: a save, a rename (a
 * delete and a create) or a checkout of many files makes one reload, well within the second a
 * writer waits for.
 */
const RELOAD_DELAY_MS = 150;

/** How long work waiting for the first load of the workspace's catalogues waits at most (see `settled`). */
const FIRST_LOAD_WAIT_MS = 3000;

/** A file already loaded, kept while its size and modification time stay the same. */
interface CachedFile {
  readonly mtime: number;
  readonly size: number;
  readonly load: CatalogueFileLoad;
}

/**
 * The catalogues in use: the bundled EGN catalogue and the workspace's catalogue files (those
 * matching `egn.catalogues.include`, not excluded by `egn.index.exclude` or `files.exclude`). Reads
 * files as saved on disk, so unsaved edits do not apply until saved; reloads when a catalogue file
 * is created, saved, renamed or deleted, or when those settings change; reports what it could not
 * load through `onDidChangeProblems`. Catalogues are data, read in untrusted workspaces too, within
 * the limits of `CATALOGUE_SET_LIMITS` and `CATALOGUE_LIMITS`.
 */
export class WorkspaceCatalogues extends Disposable {
  private set: CatalogueSet;
  private problemsNow: readonly CatalogueProblem[] = [];
  private readonly cache = new Map<string, CachedFile>();
  private readonly changed = this.register(new vscode.EventEmitter<CatalogueSet>());
  private readonly problemsChanged = this.register(new vscode.EventEmitter<readonly CatalogueProblem[]>());
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The reload running, and whether another was asked for meanwhile. */
  private running: Promise<void> | undefined;
  /** Each folder's filter, by folder URI; rebuilt when the settings or the folders change. */
  private filters = new Map<string, FolderFilter>();
  private again = false;
  /** The first reload, once asked for: what `settled` waits for. */
  private first: Promise<void> | undefined;

  /** Fires with the new set after every reload that changed the catalogues in use. */
  readonly onDidChange = this.changed.event;
  /** Fires after every reload with the files that have problems (empty when none has). */
  readonly onDidChangeProblems = this.problemsChanged.event;

  constructor(private readonly bundled: Catalogue | undefined, private readonly output: vscode.LogOutputChannel) {
    super();
    this.set = CatalogueSet.resolve(bundled, []).set;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    this.register(watcher.onDidCreate((uri) => this.onFileEvent(uri)));
    this.register(watcher.onDidChange((uri) => this.onFileEvent(uri)));
    this.register(watcher.onDidDelete((uri) => this.onFileEvent(uri)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
      this.filters.clear();
      this.scheduleReload();
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.catalogues.include') || e.affectsConfiguration('egn.index.exclude') || e.affectsConfiguration('files.exclude')) {
        this.filters.clear();
        this.scheduleReload();
      }
    }));
    // The pending reload's timer goes with the rest.
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** The catalogues in use now: the bundled one first. */
  get current(): CatalogueSet {
    return this.set;
  }

  /** The files that could not be loaded at the last reload, with their errors. */
  get problems(): readonly CatalogueProblem[] {
    return this.problemsNow;
  }

  /**
   * Finds and reads every catalogue file again (files unchanged on disk are not parsed again) and
   * resolves once the new set is in use. `fromScratch` forgets what was loaded before.
   */
  reload(fromScratch = false): Promise<void> {
    if (fromScratch) {
      this.cache.clear();
    }
    const run = this.startReload();
    this.first ??= run;
    return run;
  }

  /**
   * Resolves once the first load of the workspace's catalogues has ended (started now if none
   * was), or after `maxWaitMs`, whichever comes first: what the work that depends on which
   * catalogues are in use waits for at startup (the tree's first rows, the index's first build), so
   * that it is not done for the bundled catalogue alone and again a moment later. Never rejects.
   */
  settled(maxWaitMs = FIRST_LOAD_WAIT_MS): Promise<void> {
    this.first ??= this.reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([this.first, new Promise<void>((resolve) => { timer = setTimeout(resolve, maxWaitMs); })]).finally(() => clearTimeout(timer));
  }

  /** Starts a reload, or asks the one running for another round: a file may have changed since it read it. */
  private startReload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.loadAll();
        } catch (e) {
          this.output.error(`Catalogues could not be reloaded: ${e instanceof Error ? e.message : String(e)}`);
        }
      } while (this.again && !this.isDisposed);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private onFileEvent(uri: vscode.Uri): void {
    const key = uri.toString();
    const f = this.filterFor(uri);
    // A deleted folder comes as one event for the folder: any catalogue below it is gone too.
    if (this.cache.has(key) || [...this.cache.keys()].some((k) => k.startsWith(`${key}/`)) || (f && f.filter.accepts(relativePath(f.folder, uri)))) {
      this.scheduleReload();
    }
  }

  private scheduleReload(): void {
    if (this.isDisposed) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, RELOAD_DELAY_MS);
  }

  private async loadAll(): Promise<void> {
    const uris = await this.findCatalogueFiles();
    const loads: CatalogueFileLoad[] = [];
    const seen = new Set<string>();
    for (const uri of uris) {
      const source = uri.toString();
      seen.add(source);
      const load = await this.loadFile(uri);
      if (load) {
        loads.push(load);
      }
    }
    for (const key of [...this.cache.keys()]) {
      if (!seen.has(key)) {
        this.cache.delete(key);
      }
    }
    if (this.isDisposed) {
      return;
    }
    const before = this.set;
    const { set, problems } = CatalogueSet.resolve(this.bundled, loads, before);
    this.set = set;
    this.problemsNow = problems;
    for (const p of problems) {
      for (const e of p.errors.slice(0, 3)) {
        this.output.warn(`${p.source}:${e.line}:${e.column}: ${e.message}`);
      }
    }
    if (!sameCatalogues(before, set)) {
      this.output.info(`Catalogues in use: ${set.catalogues.map((c) => c.catalogue.prefix).join(', ')}.`);
      this.changed.fire(set);
    }
    this.problemsChanged.fire(problems);
  }

  /** Reads and loads one file, or reuses what was loaded while it has not changed on disk. */
  private async loadFile(uri: vscode.Uri): Promise<CatalogueFileLoad | undefined> {
    const source = uri.toString();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined; // deleted between the search and now: the next event reloads
    }
    const cached = this.cache.get(source);
    if (cached && cached.mtime === stat.mtime && cached.size === stat.size) {
      return cached.load;
    }
    let load: CatalogueFileLoad;
    if (stat.size > CATALOGUE_SET_LIMITS.maxFileBytes) {
      // Not read at all: a hostile 10 MB file costs a stat.
      const message = `The catalogue file is too large: ${(stat.size / (1024 * 1024)).toFixed(1)} MB, more than the 1 MB a catalogue may have. It was not read.`;
      load = { source, text: '', result: { ok: false, errors: [{ line: 1, column: 1, message }] } };
    } else {
      let text: string;
      try {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch (e) {
        return { source, text: '', result: { ok: false, errors: [{ line: 1, column: 1, message: `The catalogue file could not be read: ${e instanceof Error ? e.message : String(e)}` }] } };
      }
      load = { source, text, result: loadCatalogue(text) };
    }
    this.cache.set(source, { mtime: stat.mtime, size: stat.size, load });
    return load;
  }

  /** The catalogue files of every workspace folder, under each folder's settings. */
  private async findCatalogueFiles(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const f = this.folderFilter(folder);
      // egn.index.exclude narrows the search; files.exclude is applied by the filter afterwards.
      const exclude = f.exclude ? new vscode.RelativePattern(folder, f.exclude) : null;
      // More than the limit, so that the files over it are reported rather than silently missing.
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, f.include), exclude, CATALOGUE_SET_LIMITS.maxFiles * 5);
      found.push(...uris.filter((uri) => f.filter.accepts(relativePath(folder, uri))));
    }
    return found;
  }

  private filterFor(uri: vscode.Uri): (FolderFilter & { folder: vscode.WorkspaceFolder }) | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && { ...this.folderFilter(folder), folder };
  }

  /** The folder's filter, built once per change of settings: file events come by the thousand. */
  private folderFilter(folder: vscode.WorkspaceFolder): FolderFilter {
    const key = folder.uri.toString();
    let f = this.filters.get(key);
    if (!f) {
      f = folderFilter(folder);
      this.filters.set(key, f);
    }
    return f;
  }
}

interface FolderFilter {
  readonly include: string;
  readonly exclude: string;
  readonly filter: FileFilter;
}

/** The catalogue filter of a workspace folder, from that folder's own settings. */
function folderFilter(folder: vscode.WorkspaceFolder): FolderFilter {
  const include = vscode.workspace.getConfiguration('egn.catalogues', folder).get<string>('include', DEFAULT_CATALOGUE_INCLUDE) || DEFAULT_CATALOGUE_INCLUDE;
  const exclude = vscode.workspace.getConfiguration('egn.index', folder).get<string>('exclude', SETTING_DEFAULTS['egn.index.exclude']);
  const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude');
  const filter = createFileFilter({ include, exclude: [exclude, ...enabledPatterns(filesExclude)], maxFileSize: CATALOGUE_SET_LIMITS.maxFileBytes });
  return { include, exclude, filter };
}

function relativePath(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): string {
  if (!folder) {
    return uri.path;
  }
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

/** Whether two sets hold the same catalogue objects from the same sources, in the same order. */
function sameCatalogues(a: CatalogueSet, b: CatalogueSet): boolean {
  return a.catalogues.length === b.catalogues.length && a.catalogues.every((c, i) => c.catalogue === b.catalogues[i].catalogue && c.source === b.catalogues[i].source);
}
