import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileFilter } from '../core/globMatcher';
import type { CancellationFlag } from '../core/indexBuilder';

/**
 * The files under `root` that `filter` accepts, as POSIX paths relative to `root`, sorted. Walks
 * the disk with Node's `fs` (the fallback when ripgrep is not there): folders that an exclude
 * pattern covers are never entered; hidden files count and ignore files (`.gitignore`) do not,
 * as with `workspace.findFiles`; symbolic links are followed, each real folder entered once.
 * An unreadable folder is skipped.
 */
export async function listFolderFiles(root: string, filter: FileFilter, token?: CancellationFlag): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string, rel: string): Promise<void> => {
    if (token?.isCancellationRequested) {
      return;
    }
    let real: string;
    let entries: import('node:fs').Dirent[];
    try {
      real = await fs.realpath(dir);
      if (seen.has(real)) {
        return;
      }
      seen.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: Promise<void>[] = [];
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const child = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await fs.stat(child);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (!filter.excludesFolder(childRel)) {
          folders.push(walk(child, childRel));
        }
      } else if (isFile && filter.accepts(childRel)) {
        files.push(childRel);
      }
    }
    await Promise.all(folders);
  };
  await walk(root, '');
  return files.sort();
}
