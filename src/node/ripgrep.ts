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

/**
 * Runs ripgrep once over a folder and hands each file's candidate lines (every line holding a
 * catalogue prefix or `egn-ignore`, ignoring case) to `onFile`. Options, and why:
 * `--json` (each line with its number; bytes that are not UTF-8 come as base64, and `binary_offset`
 * tells when a NUL was seen), `--binary` (a NUL does not hide a file's later matches: the file is
 * reported and rechecked), `--no-ignore --hidden --follow` (what `workspace.findFiles` lists),
 * `--max-filesize`, `-i -F` for the needles, and ripgrep's default encoding sniffing (a UTF-8 or
 * UTF-16 byte order mark is honoured and dropped). Rejects when ripgrep cannot run or fails
 * without reporting any file, so that the caller falls back on Node's `fs`.
 */
export function runRipgrep(search: RipgrepSearch): Promise<RipgrepResult> {
  const args = ['--json', '--no-config', '--no-ignore', '--hidden', '--follow', '--binary', '--ignore-case', '--fixed-strings'];
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
    const handle = (json: string): void => {
      if (cancelled) {
        return;
      }
      const m = JSON.parse(json) as RgMessage;
      if (m.type === 'begin') {
        const p = m.data.path.text;
        current = p === undefined ? undefined : { path: relative(p), lines: [], recheck: false };
      } else if (m.type === 'match' && current) {
        const l = m.data.lines;
        let text: string;
        if (l.text !== undefined) {
          text = l.text;
        } else {
          current.recheck = true;
          return;
        }
        text = text.endsWith('\n') ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text;
        current.lines.push({ line: m.data.line_number - 1, text });
      } else if (m.type === 'end' && current) {
        files++;
        if (current.recheck || m.data.binary_offset !== null) {
          search.onRecheck(current.path);
        } else {
          search.onFile(current.path, current.lines);
        }
        current = undefined;
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        if (part) {
          handle(part);
        }
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
      // 0: matches, 1: none. 2 is an error, but also a run that found files and met one unreadable folder.
      if (cancelled || code === 0 || code === 1 || (code === 2 && files > 0)) {
        resolve({ files, cancelled });
      } else {
        reject(new Error(`ripgrep exited with ${code}: ${stderr.trim()}`));
      }
    });
  });
}

/** ripgrep's `--json` messages, as far as they are read here. */
type RgMessage =
  | { readonly type: 'begin'; readonly data: { readonly path: RgData } }
  | { readonly type: 'match'; readonly data: { readonly lines: RgData; readonly line_number: number } }
  | { readonly type: 'end'; readonly data: { readonly binary_offset: number | null } }
  | { readonly type: 'summary' | 'context'; readonly data: unknown };

/** Text, or base64 `bytes` when it is not valid UTF-8. */
interface RgData {
  readonly text?: string;
  readonly bytes?: string;
}

function relative(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}
