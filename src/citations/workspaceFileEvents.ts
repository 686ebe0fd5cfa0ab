import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import { acceptingFilter, affectsIndexFilters, FolderFilter, relativePath } from './indexFilters';

/** Quiet time after file events before their folders are checked against the disk. */
const RECONCILE_AFTER_MS = 500;

/** What happened to the workspace's files, as the index must hear it. */
export type WorkspaceFileEvent =
  /**
   * A file or folder created, changed or deleted: the disk says which. `created`: it appeared
   * (copied or moved in, or replaced by another of the same name), so a folder is read whole.
   */
  | { readonly kind: 'touched'; readonly uri: vscode.Uri; readonly created: boolean }
  /** Renamed or moved through VS Code (a `WorkspaceEdit`, the Explorer): a folder moves what it holds. */
  | { readonly kind: 'renamed'; readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }
  /** The file watcher's paths cannot be trusted in this workspace folder: read it again whole. */
  | { readonly kind: 'resync'; readonly folder: string };

/**
 * The workspace as the index sees it: file events from the file watcher (one per workspace folder,
 * with its include glob) and from operations made through VS Code, checked against the disk where
 * the watcher is known to err. Says when the settings behind the filters change.
 */
export class WorkspaceFileEvents extends Disposable {
  private readonly events = this.register(new vscode.EventEmitter<WorkspaceFileEvent>());
  readonly onDidChange = this.events.event;
  private readonly filtersChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when the settings or workspace folders behind the index's filters change. */
  readonly onDidChangeFilters = this.filtersChanged.event;
  private filters: ReadonlyMap<string, FolderFilter> = new Map();
  private folderWatchers: vscode.Disposable | undefined;
  private watchedKey = '';
  private readonly touchedFolders = new Set<string>();
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Workspace folders (URI keys) in which a folder was created, deleted or moved: there, the file
   * watcher's paths are no longer to be trusted (see `onFolderEvent`).
   */
  private readonly movedFolders = new Set<string>();
  /** Workspace folders to read again once events quiet down. */
  private readonly resyncFolders = new Set<string>();

  /**
   * @param documents The indexed documents (URIs as strings), to check against the disk.
   */
  constructor(private readonly documents: () => readonly string[]) {
    super();
    this.register({
      dispose: () => {
        this.folderWatchers?.dispose();
        if (this.reconcileTimer) {
          clearTimeout(this.reconcileTimer);
        }
      },
    });
    this.register(vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.fire({ kind: 'touched', uri, created: true }))));
    // Operations made through VS Code (WorkspaceEdit, the Explorer) are reported as such, whatever
    // the file watcher makes of them (a create and a delete close together may cancel out there).
    this.register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.fire({ kind: 'touched', uri, created: false }))));
    this.register(vscode.workspace.onDidRenameFiles((e) => {
      for (const { oldUri, newUri } of e.files) {
        this.fire({ kind: 'renamed', oldUri, newUri });
      }
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsIndexFilters(e)) {
        this.filtersChanged.fire();
      }
    }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.filtersChanged.fire()));
  }

  private fire(event: WorkspaceFileEvent): void {
    this.events.fire(event);
  }

  /**
   * Watches each workspace folder with its own include glob, so that the index hears of the files
   * it reads and not of every build output. Folders need a second, create/delete-only watcher: a
   * folder deleted, moved or copied outside VS Code is reported as the folder alone, whose path no
   * file glob matches (and a folder swapped for another of the same name, as a change).
   */
  watch(filters: ReadonlyMap<string, FolderFilter>): void {
    this.filters = filters;
    // Setting up a recursive watch of a large tree costs the file watcher a walk: keep it when the
    // folders and include globs are the ones already watched.
    const key = JSON.stringify([...filters.values()].map((f) => [f.folder.uri.toString(), f.include]));
    if (this.folderWatchers && key === this.watchedKey) {
      return;
    }
    this.watchedKey = key;
    this.folderWatchers?.dispose();
    const watchers: vscode.Disposable[] = [];
    for (const f of filters.values()) {
      const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f.folder, f.include));
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f.folder, '**/*'));
      // Word, LibreOffice and PDF documents are files too (the Office reader's filter).
      const isIndexable = (uri: vscode.Uri): boolean =>
        acceptingFilter(this.filters, uri) !== undefined || f.officeFilter.accepts(relativePath(f.folder, uri));
      watchers.push(
        files,
        folders,
        files.onDidCreate((uri) => this.onFileEvent(uri, true)),
        files.onDidChange((uri) => this.onFileEvent(uri, false)),
        files.onDidDelete((uri) => this.onFileEvent(uri, false)),
        // What the file watcher already reports is left to it.
        folders.onDidCreate((uri) => !isIndexable(uri) && this.onFolderEvent(uri, true, false)),
        folders.onDidDelete((uri) => !isIndexable(uri) && this.onFolderEvent(uri, false, true)),
        // A folder deleted and made again at once (a swap of names) reaches us as one change.
        folders.onDidChange((uri) => !isIndexable(uri) && this.onFolderEvent(uri, true, true)),
      );
    }
    this.folderWatchers = vscode.Disposable.from(...watchers);
  }

  /** A file created, changed or deleted; its path may be stale (see `onFolderEvent`). */
  private onFileEvent(uri: vscode.Uri, created: boolean): void {
    this.fire({ kind: 'touched', uri, created });
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && this.movedFolders.has(folder.uri.toString())) {
      this.scheduleResync(uri);
    }
  }

  /**
   * A folder (or a path no file glob matches) created, deleted or changed. On Linux the file
   * watcher (inotify) reports one event for a folder moved or renamed, none for the files and
   * subfolders it carries; and afterwards it goes on reporting what happens inside the moved folder
   * under the folder's old path (its watches keep the names they were made with). A move within
   * the workspace always shows its old name going (`gone`: deleted, or swapped): from then on the
   * watcher's paths are trusted no more in that workspace folder, which is read again after this
   * event and after every later one there (the watcher cannot be asked which of its paths are
   * stale). A folder only created (made, or moved in from outside) is watched under its own name.
   */
  private onFolderEvent(uri: vscode.Uri, created: boolean, gone: boolean): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && gone) {
      this.movedFolders.add(folder.uri.toString());
    }
    this.fire({ kind: 'touched', uri, created });
    if (folder && this.movedFolders.has(folder.uri.toString())) {
      this.scheduleResync(uri);
    }
  }

  /** Reads the workspace folder of `uri` again once events quiet down (see `onFolderEvent`). */
  private scheduleResync(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !this.filters.has(folder.uri.toString())) {
      return;
    }
    this.resyncFolders.add(folder.uri.toString());
    this.noteTouched(uri);
  }

  /**
   * Remembers the folder of a file event, to check it once events quiet down: the file watcher
   * coalesces events, and a file reported created, then created again and deleted in one burst,
   * can be reported as nothing at all, which would leave it in the index for good.
   */
  noteTouched(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') {
      return;
    }
    this.touchedFolders.add(vscode.Uri.joinPath(uri, '..').toString());
    if (this.reconcileTimer) {
      clearTimeout(this.reconcileTimer);
    }
    this.reconcileTimer = setTimeout(() => void this.reconcile(), RECONCILE_AFTER_MS);
  }

  /**
   * Asks for the workspace folders marked by `scheduleResync` to be read again, and reports the
   * indexed documents of the touched folders whose files are gone (see `noteTouched`).
   */
  private async reconcile(): Promise<void> {
    this.reconcileTimer = undefined;
    for (const folder of this.resyncFolders) {
      this.fire({ kind: 'resync', folder });
    }
    this.resyncFolders.clear();
    const folders = [...this.touchedFolders];
    this.touchedFolders.clear();
    const documents = this.documents();
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
          this.fire({ kind: 'touched', uri: vscode.Uri.parse(d), created: false });
        }
      }
    }
  }
}
