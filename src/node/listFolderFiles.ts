import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileFilter } from '../core/globMatcher';
import type { CancellationFlag } from '../core/indexBuilder';

/** A folder to list: its path on disk and relative to the root (POSIX, '' for the root). */
interface Folder {
  readonly dir: string;
  readonly rel: string;
}

/**
 * The files under `root` that `filter` accepts, as POSIX paths relative to `root`, sorted. Walks
 * the disk with Node's `fs` (the fallback when ripgrep is not there): folders that an exclude
 * pattern covers are never entered; hidden files count and ignore files (`.gitignore`) do not,
 * as with `workspace.findFiles`; symbolic links are followed, each real folder entered once.
 * An unreadable folder is skipped.
 *
 * A real folder reached by several paths (through symbolic links) is listed under the shallowest,
 * the first in code-unit order among equals, whatever order the disk answers in: the same folder
 * always gives the same list. The walk goes one depth at a time so that it can decide this while
 * still reading the folders of a depth in parallel (claiming a folder as each answer arrived made
 * the listing change from run to run).
 */
export async function listFolderFiles(root: string, filter: FileFilter, token?: CancellationFlag): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  let depth: Folder[] = [{ dir: root, rel: '' }];
  while (depth.length > 0 && !token?.isCancellationRequested) {
    const reals = await Promise.all(depth.map((f) => fs.realpath(f.dir).catch(() => undefined)));
    // `depth` is sorted: the first path to a real folder claims it.
    const entered = depth.filter((_, k) => {
      const real = reals[k];
      if (real === undefined || seen.has(real)) {
        return false;
      }
      seen.add(real);
      return true;
    });
    const listed = await Promise.all(entered.map((f) => listOne(f, filter)));
    const next: Folder[] = [];
    for (const one of listed) {
      files.push(...one.files);
      next.push(...one.folders);
    }
    depth = next.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  }
  return files.sort();
}

/** The accepted files and the folders to enter (links followed) of one folder; nothing when unreadable. */
async function listOne(folder: Folder, filter: FileFilter): Promise<{ files: string[]; folders: Folder[] }> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(folder.dir, { withFileTypes: true });
  } catch {
    return { files: [], folders: [] };
  }
  const files: string[] = [];
  const folders: Folder[] = [];
  await Promise.all(entries.map(async (e) => {
    const rel = folder.rel ? `${folder.rel}/${e.name}` : e.name;
    const dir = path.join(folder.dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = await fs.stat(dir);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        return;
      }
    }
    if (isDir) {
      if (!filter.excludesFolder(rel)) {
        folders.push({ dir, rel });
      }
    } else if (isFile && filter.accepts(rel)) {
      files.push(rel);
    }
  }));
  return { files, folders };
}
