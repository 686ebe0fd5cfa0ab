import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFileFilter, type FileFilter } from '../core/globMatcher';

/** A file the command line reads. */
export interface FoundFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to its root (the folder given on the command line), POSIX separators: what globs see. */
  readonly relativePath: string;
}

/**
 * Lists the files under `root` that `filter` accepts, as the editor's index finds them in a
 * workspace folder: `include` and `exclude` globs over root-relative paths, excluded folders not
 * entered at all (a `node_modules` is never listed file by file). Symbolic links are followed, as
 * VS Code's search does by default, each real folder once (a link loop ends). Entries that cannot
 * be read are skipped: the editor does not index them either. Sorted by relative path, so that
 * every output is in a stable order.
 */
export function findFiles(root: string, filter: FileFilter, exclude: readonly string[]): FoundFile[] {
  // A folder is skipped when it, or a folder above it, matches an exclude pattern: what
  // `filter.accepts` checks for each file, decided once per folder here.
  const folders = createFileFilter({ include: '**', exclude, maxFileSize: Infinity });
  const out: FoundFile[] = [];
  // Real paths of the linked folders entered, so that a link loop ends (plain folders cannot loop).
  const linked = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      const child = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(child);
          isDir = st.isDirectory();
          isFile = st.isFile();
          const real = fs.realpathSync(child);
          if (isDir && (linked.has(real) || `${fs.realpathSync(root)}${path.sep}`.startsWith(`${real}${path.sep}`))) {
            continue;
          }
          linked.add(real);
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (folders.accepts(childRel)) {
          walk(child, childRel);
        }
      } else if (isFile && filter.accepts(childRel)) {
        out.push({ path: child, relativePath: childRel });
      }
    }
  };
  walk(root, '');
  return out.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}
