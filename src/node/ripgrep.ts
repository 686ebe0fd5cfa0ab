import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CandidateLine } from '../core/candidateLines';
import { prefilterNeedles } from '../core/candidateLines';
import type { CancellationFlag } from '../core/indexBuilder';

/**
 * The ripgrep that ships with VS Code under `appRoot` (desktop, remote server and code-server all
 * carry `@vscode/ripgrep`), or undefined when there is none.
 */
export function findRipgrep(appRoot: string | undefined): string | undefined {
  if (!appRoot) {
    return undefined;
  }
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  for (const modules of ['node_modules', 'node_modules.asar.unpacked']) {
    const candidate = path.join(appRoot, modules, '@vscode', 'ripgrep', 'bin', exe);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** One run of ripgrep over a folder. */
export interface RipgrepSearch {
  /** The `rg` executable. */
  readonly rg: string;
  /** Absolute path of the folder searched. */
  readonly root: string;
  /** `egn.index.include`: narrows what ripgrep lists (the caller's filter still decides). */
  readonly include: string;
  /** Exclude patterns; those ripgrep reads the same way (`**∕…`) narrow the listing. */
  readonly excludes: readonly string[];
  readonly maxFileSize: number;
  /** The catalogue prefixes: lines holding none of `prefilterNeedles(prefixes)` are not sent. */
  readonly prefixes: readonly string[];
  readonly token?: CancellationFlag;
  /** A file's candidate lines (relative POSIX path), once ripgrep has finished that file. */
  onFile(relativePath: string, lines: CandidateLine[]): void;
  /**
   * A file ripgrep cannot judge as the index does (a NUL found, or bytes that are not UTF-8): it
   * must be read by `readFileCandidates`, whose binary test needs the whole file.
   */
  onRecheck(relativePath: string): void;
}

/** What ripgrep did. */
export interface RipgrepResult {
  /** Files with at least one candidate line. */
  readonly files: number;
  readonly cancelled: boolean;
}

/** How ripgrep (13 and later) reports a file it stopped reading at a NUL byte. */
const BINARY_NOTICE = /^(.*): binary file matches \(found "\\0" byte around offset \d+\)$/;

/**
 * Runs ripgrep once over a folder and hands each file's candidate lines (every line holding a
 * catalogue prefix or `egn-ignore`, ignoring case) to `onFile`. Options, and why: `--null
 * --line-number --with-filename --no-heading` (`path NUL number:text`, the cheapest output to
 * parse: `--json` costs several times ripgrep's own run), `--binary` (a NUL does not hide a file:
 * ripgrep says it met one, and the file is rechecked), `--no-ignore --hidden --follow` (what
 * `workspace.findFiles` lists), `--max-filesize`, `-i -F` for the needles, and ripgrep's default
 * encoding sniffing (a UTF-8 or UTF-16 byte order mark is honoured and dropped). Bytes that are not
 * UTF-8 arrive as U+FFFD; such a file is rechecked too, since whether it is binary depends on its
 * whole content. Rejects when ripgrep cannot run or fails without reporting any file, so that the
 * caller falls back on Node's `fs`.
 */
export function runRipgrep(search: RipgrepSearch): Promise<RipgrepResult> {
  const args = ['--no-config', '--no-ignore', '--hidden', '--follow', '--binary', '--ignore-case', '--fixed-strings'];
  args.push('--null', '--line-number', '--with-filename', '--no-heading', '--color', 'never');
  args.push('--max-filesize', String(Math.max(0, Math.floor(search.maxFileSize))));
  if (search.include.trim()) {
    args.push('--glob', search.include);
  }
  for (const e of search.excludes) {
    // Only patterns that mean the same to ripgrep and to our glob matcher: anchored anywhere.
    if (e.startsWith('**/') && !e.includes('!')) {
      args.push('--glob', `!${e}`);
    }
  }
  for (const needle of prefilterNeedles(search.prefixes)) {
    args.push('-e', needle);
  }
  args.push('--', '.');
  return new Promise((resolve, reject) => {
    const child = spawn(search.rg, args, { cwd: search.root, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let files = 0;
    let cancelled = false;
    let stderr = '';
    let rest = '';
    let current: { path: string; lines: CandidateLine[]; recheck: boolean } | undefined;
    const timer = setInterval(() => {
      if (search.token?.isCancellationRequested && !cancelled) {
        cancelled = true;
        child.kill();
      }
    }, 50);
    // ripgrep writes each file's output at once: a new path means the previous file is complete.
    const flush = (): void => {
      if (current && !cancelled) {
        files++;
        if (current.recheck) {
          search.onRecheck(current.path);
        } else {
          search.onFile(current.path, current.lines);
        }
      }
      current = undefined;
    };
    const handle = (line: string): void => {
      const nul = line.indexOf('\0');
      if (nul < 0) {
        const notice = BINARY_NOTICE.exec(line);
        if (notice) {
          const p = relative(notice[1]);
          if (current?.path !== p) {
            flush();
            current = { path: p, lines: [], recheck: true };
          }
          current.recheck = true;
        }
        return;
      }
      const p = relative(line.slice(0, nul));
      if (current?.path !== p) {
        flush();
        current = { path: p, lines: [], recheck: false };
      }
      const colon = line.indexOf(':', nul);
      let text = line.slice(colon + 1);
      if (text.endsWith('\r')) {
        text = text.slice(0, -1);
      }
      if (text.includes('\ufffd')) {
        current.recheck = true;
      }
      current.lines.push({ line: Number(line.slice(nul + 1, colon)) - 1, text });
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        handle(part);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (rest) {
        handle(rest);
      }
      flush();
      // 0: matches, 1: none. 2 is an error, but also a run that found files and met one unreadable folder.
      if (cancelled || code === 0 || code === 1 || (code === 2 && files > 0)) {
        resolve({ files, cancelled });
      } else {
        reject(new Error(`ripgrep exited with ${code}: ${stderr.trim()}`));
      }
    });
  });
}

function relative(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}
