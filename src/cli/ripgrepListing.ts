import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileFilter } from '../core/globMatcher';
import { findRipgrep } from '../node/ripgrep';

/** Where the command line's ripgrep comes from: `--ripgrep PATH`, `--no-ripgrep`, or neither. */
export type RipgrepChoice = { readonly kind: 'path'; readonly path: string } | { readonly kind: 'none' } | { readonly kind: 'auto' };

/** The ripgrep to list folders with, and whether the user named it (a failure is then worth a word). */
export interface ChosenRipgrep {
  readonly path: string;
  readonly explicit: boolean;
}

const WINDOWS = process.platform === 'win32';
const EXE = WINDOWS ? 'rg.exe' : 'rg';

/**
 * The ripgrep of a run: `--ripgrep PATH`, else `EGN_RIPGREP`, else `rg` on the PATH, else the one
 * VS Code bundles (`@vscode/ripgrep`) in a usual install; undefined with `--no-ripgrep` or when none
 * is found (folders are then walked with Node's `fs`). Only existence is checked here: a ripgrep
 * that does not run makes the listing fall back on Node's `fs`.
 */
export function chooseRipgrep(choice: RipgrepChoice, env: NodeJS.ProcessEnv = process.env): ChosenRipgrep | undefined {
  if (choice.kind === 'none') {
    return undefined;
  }
  if (choice.kind === 'path') {
    return { path: choice.path, explicit: true };
  }
  const fromEnv = env.EGN_RIPGREP?.trim();
  if (fromEnv) {
    return { path: fromEnv, explicit: true };
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isFile(path.join(dir, EXE))) {
      return { path: path.join(dir, EXE), explicit: false };
    }
  }
  for (const appRoot of vscodeAppRoots(env)) {
    const bundled = findRipgrep(appRoot);
    if (bundled) {
      return { path: bundled, explicit: false };
    }
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The application folders of usual VS Code installs (desktop, code-server), whose ripgrep we may borrow. */
function vscodeAppRoots(env: NodeJS.ProcessEnv): string[] {
  switch (process.platform) {
    case 'win32': {
      const local = env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
      const programs = env.ProgramFiles ?? 'C:\\Program Files';
      return [path.join(local, 'Programs', 'Microsoft VS Code', 'resources', 'app'), path.join(programs, 'Microsoft VS Code', 'resources', 'app')];
    }
    case 'darwin':
      return ['/Applications/Visual Studio Code.app/Contents/Resources/app', path.join(os.homedir(), 'Applications', 'Visual Studio Code.app', 'Contents', 'Resources', 'app')];
    default:
      return ['/usr/share/code/resources/app', '/usr/lib/code-server/lib/vscode', '/snap/code/current/usr/share/code/resources/app'];
  }
}

/**
 * The files under `root` that `filter` accepts, sorted, as `listFolderFiles` gives them, but listed by
 * ripgrep (`rg --files`, one native process, instead of a walk of the disk in JavaScript). ripgrep
 * lists every file (`--no-ignore --hidden --follow`, as `workspace.findFiles`), `filter` decides.
 * Exclude patterns anchored anywhere (`**∕…`, as `runRipgrep` passes them) keep ripgrep out of
 * excluded folders. The Node walk enters a real folder reached through several symbolic links
 * once; so that both always list the same files, ripgrep also lists without following links, and
 * when the two listings differ (a link leads to an accepted file) this rejects and the caller walks
 * with Node's `fs`. Rejects too when ripgrep cannot run or reports an error. `unlinked`, when it
 * resolves, stands for the listing without links (see `searchFolder`), which is then not run.
 */
export async function listWithRipgrep(rg: string, root: string, filter: FileFilter, excludes: readonly string[], unlinked?: Promise<ReadonlyMap<string, unknown> | undefined>): Promise<string[]> {
  const narrowing = excludes.filter((e) => e.startsWith('**/') && !e.includes('!')).flatMap((e) => ['--glob', `!${e}`]);
  const base = ['--no-config', '--files', '--no-ignore', '--hidden', '--null', '--no-messages', ...narrowing];
  // Filtered and sorted as soon as listed, while `unlinked` (a longer search) may still be running.
  const listing = rgFiles(rg, root, ['--follow', ...base]).then((followed) => ({ followed, accepted: followed.filter((rel) => filter.accepts(rel)).sort() }));
  const [{ followed, accepted }, known] = await Promise.all([listing, unlinked]);
  if (known) {
    // The files ripgrep found without following links (some other search of the same folder, up to
    // a size limit): an accepted file it lacks is either larger, or reached through a link.
    const real = fs.realpathSync(root);
    const throughLink = (rel: string): boolean => {
      try {
        return fs.realpathSync(path.join(root, rel)) !== path.join(real, rel);
      } catch {
        return true;
      }
    };
    if (accepted.some((rel) => !known.has(rel) && throughLink(rel))) {
      throw new LinkedFilesError();
    }
    return accepted;
  }
  const direct = await ripgrepOutput(rg, root, [...base, '--', '.']);
  // Following links only adds paths: as many paths either way means the same ones, and no link
  // leads anywhere (the common case, decided without reading the second list).
  if (countNuls(direct) !== followed.length) {
    const acceptedDirect = toPaths(direct).reduce((n, rel) => (filter.accepts(rel) ? n + 1 : n), 0);
    if (acceptedDirect !== accepted.length) {
      throw new LinkedFilesError();
    }
  }
  return accepted;
}

/** `listWithRipgrep` met symbolic links to accepted files: not a failure of ripgrep, the Node walk just decides. */
export class LinkedFilesError extends Error {
  constructor() {
    super('symbolic links lead to files to check');
  }
}

/** The relative POSIX paths that one `rg --files` run prints. */
function rgFiles(rg: string, root: string, args: readonly string[]): Promise<string[]> {
  return ripgrepPaths(rg, root, [...args, '--', '.']);
}

/**
 * Runs ripgrep in `root` with `args` (which must make it print NUL-separated paths: `--files`, or
 * `--files-with-matches --null`) and returns those paths, relative and POSIX. Exit code 1 (nothing listed)
 * is an empty answer; 2 (an unreadable folder, a broken link, an unread file) rejects, so that the caller
 * falls back on the Node walk or leaves nothing unscanned.
 */
export function ripgrepPaths(rg: string, root: string, args: readonly string[]): Promise<string[]> {
  return ripgrepOutput(rg, root, args).then(toPaths);
}

/** The NUL-separated paths of ripgrep's output, relative and POSIX. */
function toPaths(out: Buffer): string[] {
  const paths = out.toString('utf8').split('\0');
  const result: string[] = [];
  for (const p of paths) {
    if (p !== '') {
      const posix = WINDOWS ? p.replace(/\\/g, '/') : p;
      result.push(posix.startsWith('./') ? posix.slice(2) : posix);
    }
  }
  return result;
}

function countNuls(out: Buffer): number {
  let n = 0;
  for (let at = out.indexOf(0); at !== -1; at = out.indexOf(0, at + 1)) {
    n++;
  }
  return n;
}

/** What ripgrep prints on stdout, with `ripgrepPaths`'s handling of its exit codes. */
export function ripgrepOutput(rg: string, root: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // ripgrep writes into a file, not a pipe: through a pipe, its hundreds of kilobytes would reach
    // Node in thousands of small chunks (one write per file searched), each an event to handle;
    // a file takes them at ripgrep's pace and is read once at the end.
    let file: string | undefined;
    let fd: number;
    try {
      file = path.join(os.tmpdir(), `egn-cite-${process.pid}-${++outputs}.out`);
      fd = fs.openSync(file, 'wx+', 0o600);
    } catch (e) {
      reject(e);
      return;
    }
    const release = (): void => {
      fs.closeSync(fd);
      fs.rmSync(file as string, { force: true });
    };
    let child;
    try {
      child = spawn(rg, args, { cwd: root, stdio: ['ignore', fd, 'ignore'], windowsHide: true });
    } catch (e) {
      release();
      reject(e);
      return;
    }
    if (!WINDOWS) {
      // Both processes hold it open: the name can go now, so that nothing is left if the run is cut short.
      fs.rmSync(file, { force: true });
    }
    let settled = false;
    child.on('error', (e) => {
      if (!settled) {
        settled = true;
        release();
        reject(e);
      }
    });
    child.on('close', (code) => {
      if (settled) {
        return;
      }
      settled = true;
      try {
        if (code !== 0 && code !== 1) {
          reject(new Error(`ripgrep exited with ${code}`));
          return;
        }
        const size = fs.fstatSync(fd).size;
        const out = Buffer.allocUnsafe(size);
        let read = 0;
        while (read < size) {
          const n = fs.readSync(fd, out, read, size - read, read);
          if (n === 0) {
            break;
          }
          read += n;
        }
        resolve(out.subarray(0, read));
      } catch (e) {
        reject(e);
      } finally {
        release();
      }
    });
  });
}

/** Output files made so far by this process (their names must differ). */
let outputs = 0;
