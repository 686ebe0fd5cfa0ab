import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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
  /** Run ripgrep at a lower priority than the editor's (background work). */
  readonly lowPriority?: boolean;
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
const BINARY_NOTICE_BYTES = Buffer.from(': binary file matches (');

/**
 * ripgrep's arguments for a search. Options, and why: `--null --line-number --with-filename
 * --no-heading` (`path NUL number:text`, the cheapest output to parse: `--json` costs several times
 * ripgrep's own run), `--binary` (a NUL does not hide a file: ripgrep says it met one, and the file
 * is rechecked), `--no-ignore --hidden --follow` (what `workspace.findFiles` lists),
 * `--max-filesize`, `-i -F` for the needles, and ripgrep's default encoding sniffing (a UTF-8 or
 * UTF-16 byte order mark is honoured and dropped).
 */
function ripgrepArgs(search: Omit<RipgrepSearch, 'rg' | 'root' | 'onFile' | 'onRecheck' | 'token'>): string[] {
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
  return args;
}

/** What `parseRipgrepChunk` hands on: a file's candidate lines, or a file to recheck. */
export interface RipgrepFileSink {
  onFile(relativePath: string, lines: CandidateLine[]): void;
  onRecheck(relativePath: string): void;
}

/**
 * Parses a chunk of ripgrep's output made of whole files (see `spawnRipgrep`) and hands each file
 * on; returns how many files it held. Bytes that are not UTF-8 arrive as U+FFFD: such a file is
 * rechecked, since whether it is binary depends on its whole content. Pure (no I/O), so that any
 * thread can parse any chunk.
 */
export function parseRipgrepChunk(chunk: Uint8Array, sink: RipgrepFileSink): number {
  const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
  let files = 0;
  let current: { path: string; lines: CandidateLine[]; recheck: boolean } | undefined;
  const flush = (): void => {
    if (current) {
      files++;
      if (current.recheck) {
        sink.onRecheck(current.path);
      } else {
        sink.onFile(current.path, current.lines);
      }
    }
    current = undefined;
  };
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) {
      to = text.length;
    }
    const nul = text.indexOf('\0', from);
    if (nul < 0 || nul > to) {
      const notice = BINARY_NOTICE.exec(text.slice(from, to));
      if (notice) {
        const p = relative(notice[1]);
        if (current?.path !== p) {
          flush();
          current = { path: p, lines: [], recheck: true };
        }
        current.recheck = true;
      }
    } else {
      const p = relative(text.slice(from, nul));
      if (current?.path !== p) {
        flush();
        current = { path: p, lines: [], recheck: false };
      }
      const colon = text.indexOf(':', nul);
      const end = to > colon + 1 && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
      const line = text.slice(colon + 1, end);
      if (line.includes('\ufffd')) {
        current.recheck = true;
      }
      current.lines.push({ line: Number(text.slice(nul + 1, colon)) - 1, text: line });
    }
    from = to + 1;
  }
  flush();
  return files;
}

/** Output gathered before a chunk is cut: big enough to keep messages rare, small enough to share work. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Cuts ripgrep's output, as it streams in, into chunks that each hold whole files (ripgrep writes a
 * file's lines together, so a cut just before the first line of the last file seen is safe), so that
 * two threads can parse and scan them independently.
 */
class ChunkCutter {
  private parts: Buffer[] = [];
  private length = 0;

  constructor(private readonly onChunk: (chunk: Uint8Array) => void) {}

  push(data: Buffer): void {
    this.parts.push(data);
    this.length += data.length;
    if (this.length >= CHUNK_BYTES) {
      const all = this.take();
      const cut = lastFileStart(all);
      if (cut > 0) {
        // Kept first: handing the chunk on may transfer (detach) its buffer.
        this.keep(all.subarray(cut));
        this.onChunk(all.subarray(0, cut));
      } else {
        this.keep(all);
      }
    }
  }

  end(): void {
    if (this.length > 0) {
      this.onChunk(this.take());
    }
  }

  /** The gathered bytes, in a buffer of their own (not Node's shared pool), so that it can be transferred. */
  private take(): Uint8Array {
    const all = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      all.set(p, at);
      at += p.length;
    }
    this.parts = [];
    this.length = 0;
    return all;
  }

  private keep(rest: Uint8Array): void {
    if (rest.length > 0) {
      const copy = Buffer.from(rest);
      this.parts = [copy];
      this.length = copy.length;
    }
  }
}

/**
 * Where the output's last file starts: the start of the run of whole lines, at the end of `bytes`,
 * that belong to the same path as its last whole line; 0 when there is no safe cut.
 */
function lastFileStart(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lastNewline = buf.lastIndexOf(10);
  if (lastNewline < 0) {
    return 0;
  }
  const lineStart = (end: number): number => buf.lastIndexOf(10, end - 1) + 1;
  let start = lineStart(lastNewline);
  const path = pathOf(buf, start, lastNewline);
  if (path === undefined) {
    return 0;
  }
  while (start > 0) {
    const previous = lineStart(start - 1);
    const p = pathOf(buf, previous, start - 1);
    if (p === undefined || !p.equals(path)) {
      return start;
    }
    start = previous;
  }
  return 0;
}

/** The path bytes of one output line (before its NUL, or before a binary notice), if it has one. */
function pathOf(buf: Buffer, start: number, end: number): Buffer | undefined {
  const nul = buf.indexOf(0, start);
  if (nul >= 0 && nul < end) {
    return buf.subarray(start, nul);
  }
  const notice = buf.lastIndexOf(BINARY_NOTICE_BYTES, end);
  return notice >= start ? buf.subarray(start, notice) : undefined;
}

/**
 * Runs ripgrep once over a folder and hands its output to `onChunk` in chunks of whole files (see
 * `parseRipgrepChunk`): every line holding a catalogue prefix or `egn-ignore`, ignoring case.
 * Resolves when ripgrep has ended. Rejects when ripgrep cannot run or fails without writing
 * anything, so that the caller falls back on Node's `fs`.
 */
export function spawnRipgrep(
  search: Omit<RipgrepSearch, 'onFile' | 'onRecheck'>,
  onChunk: (chunk: Uint8Array) => void,
): Promise<{ readonly cancelled: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(search.rg, ripgrepArgs(search), { cwd: search.root, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (search.lowPriority && child.pid !== undefined) {
      lowerPriority(child.pid);
    }
    let cancelled = false;
    let wrote = false;
    let stderr = '';
    const cutter = new ChunkCutter((chunk) => {
      if (!cancelled) {
        onChunk(chunk);
      }
    });
    const timer = setInterval(() => {
      if (search.token?.isCancellationRequested && !cancelled) {
        cancelled = true;
        child.kill();
      }
    }, 50);
    child.stdout.on('data', (data: Buffer) => {
      wrote = true;
      cutter.push(data);
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
      cutter.end();
      // 0: matches, 1: none. 2 is an error, but also a run that found files and met one unreadable folder.
      if (cancelled || code === 0 || code === 1 || (code === 2 && wrote)) {
        resolve({ cancelled });
      } else {
        reject(new Error(`ripgrep exited with ${code}: ${stderr.trim()}`));
      }
    });
  });
}

/**
 * Runs ripgrep once over a folder, parses its output on this thread and hands each file's candidate
 * lines to `onFile` (see `spawnRipgrep`, `parseRipgrepChunk`).
 */
export async function runRipgrep(search: RipgrepSearch): Promise<RipgrepResult> {
  let files = 0;
  const { cancelled } = await spawnRipgrep(search, (chunk) => {
    files += parseRipgrepChunk(chunk, search);
  });
  return { files, cancelled };
}

/** The niceness of background work: below the editor's, far from the lowest. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the priority of a process, or of the calling thread with `pid` 0 (only meaningful on Linux,
 * where a thread's nice value is its own). Best effort: a system that refuses leaves it as it was.
 */
export function lowerPriority(pid: number): void {
  try {
    os.setPriority(pid, Math.max(os.getPriority(pid), BACKGROUND_NICE));
  } catch {
    // Not allowed here: the work runs at normal priority.
  }
}

function relative(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}
