import picomatch from 'picomatch/posix';

/**
 * VS Code-style glob patterns over workspace-relative POSIX paths, and the file filter of the
 * citation index (`egn.index.include`, `egn.index.exclude`, `files.exclude`, `egn.index.maxFileSize`).
 *
 * The globs are picomatch's (its POSIX entry: no `path`, no `process`, so the web bundle takes it
 * too), set to VS Code's dialect: `**` any number of path segments (none included), `*` any run of
 * characters within a segment, `?` one character, `{a,b}` alternatives (nested allowed), `[abc]`,
 * `[a-z]`, `[!a]` / `[^a]`. As in VS Code, `*` also matches a leading dot (`dot`): `**\/*.md`
 * matches `.github/x.md`. Case counts unless the caller says the file system ignores it.
 */

/** A compiled glob. */
export type GlobMatcher = (relativePath: string) => boolean;

/** Options of `compileGlob`. */
export interface GlobOptions {
  /** Match ignoring case (what a case-insensitive file system wants). Default false. */
  readonly ignoreCase?: boolean;
}

/**
 * Compiles a glob into a matcher of whole workspace-relative POSIX paths (`annexes/fiche.md`).
 * An empty pattern matches nothing. A leading `./` or `/` is ignored: the pattern is relative.
 */
export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
  const p = pattern.replace(/^\.?\/+/, '');
  if (p.length === 0) {
    return () => false;
  }
  // `noextglob`: VS Code has no `+(a|b)` patterns, so `a+b (1).md` is a file name, not an extglob.
  const glob = toPicomatch(p);
  const re = picomatch.makeRe(glob, { dot: true, nocase: options.ignoreCase ?? false, noextglob: true });
  // What `picomatch(glob, options)` answers with these options (no `windows`, `format`, `ignore` nor
  // `matchBase`): no empty path matches, the glob itself does, else its regular expression decides;
  // without the two result objects and the match array its matcher makes on every call, which cost
  // more than the test itself over 10,000 paths.
  const matcher: GlobMatcher = (path) => path !== '' && (path === glob || re.test(path));
  // A path without the pattern's longest literal cannot match: a substring test (nanoseconds) spares
  // most paths the regular expression (a microsecond or more), e.g. `**/.git` on 10,000 documents.
  // Not when ignoring case: a regular expression's case folding is not the strings' own.
  const literal = options.ignoreCase ? '' : requiredLiteral(p);
  if (literal.length >= 2) {
    return (path) => path.includes(literal) && matcher(path);
  }
  const anyOf = options.ignoreCase ? [] : requiredAlternatives(p);
  return anyOf.length === 0 ? matcher : (path) => anyOf.some((a) => path.includes(a)) && matcher(path);
}

/**
 * The alternatives of the first `{…}` group outside any other, when each is a plain run (`PLAIN`,
 * no `..` range): every path the glob matches contains one of them (`**∕{node_modules,.git}/**`).
 * Empty when there is no such group.
 */
export function requiredAlternatives(pattern: string): string[] {
  if (pattern.startsWith('!') || pattern.includes('[')) {
    return [];
  }
  const m = /^[^{}]*\{([^{}]*)\}/.exec(pattern);
  if (!m || pattern.slice(0, m.index + m[0].length - m[1].length - 2).includes('\\')) {
    return [];
  }
  const alternatives = m[1].split(',');
  const plain = alternatives.every((a) => a.length > 0 && !a.includes('..') && [...a].every((c) => PLAIN.test(c)));
  return plain && alternatives.length > 1 ? alternatives : [];
}

/** Characters that stand for themselves in any glob (letters, digits, `.`, `_`, `-`, space): nothing else is trusted. */
const PLAIN = /^[\p{L}\p{N}._\- ]$/u;

/**
 * The longest run of plain characters (`PLAIN`) of a glob outside any `{…}` group (so no `/`, which
 * `**` may stand for or swallow): every path the glob matches contains it. '' for a negated pattern, a
 * pattern with a character class (whose `]` rules are subtle), or when there is none.
 */
export function requiredLiteral(pattern: string): string {
  if (pattern.startsWith('!') || pattern.includes('[')) {
    return '';
  }
  let best = '';
  let run = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') {
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
    }
    const plain = depth === 0 && PLAIN.test(c);
    if (plain) {
      run += c;
      if (run.length > best.length) {
        best = run;
      }
    } else {
      run = '';
      if (c === '\\') {
        i++; // the escaped character is left out too
      }
    }
  }
  return best;
}

/**
 * Where picomatch's dialect differs from VS Code's (src/vs/base/common/glob.ts), the pattern is
 * rewritten into picomatch's way of saying what VS Code means: `[!a]` is a negated class (picomatch
 * reads it as a literal), a `/` inside a class is dropped (VS Code: "glob split matching is not
 * allowed within character ranges"), and parentheses are characters of a file name, not a group.
 */
function toPicomatch(pattern: string): string {
  return pattern
    .replace(/\[([!^]?)(\]?[^\]]*)\]/g, (_, negate: string, body: string) => `[${negate ? '^' : ''}${body.replace(/\//g, '')}]`)
    .replace(/[()]/g, '\\$&');
}

/**
 * The patterns of a `files.exclude`-like setting that are switched on. An entry whose value is an
 * object (`{ "when": "$(basename).ts" }`) depends on sibling files, which a filter over one path
 * cannot see; it is left out rather than guessed.
 */
export function enabledPatterns(setting: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(setting ?? {})
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
}

/** Decides which workspace files the citation index reads. */
export interface FileFilter {
  /**
   * Whether a file at this workspace-relative POSIX path belongs to the index: it matches the
   * include pattern, and neither it nor any folder above it matches an exclude pattern (so that
   * `files.exclude`'s `**\/node_modules` excludes what is inside the folder, as in the Explorer).
   */
  accepts(relativePath: string): boolean;
  /** Whether a file of this many bytes is small enough to index. */
  acceptsSize(bytes: number): boolean;
  /**
   * Whether nothing below this folder (workspace-relative POSIX path) can be accepted, because it or
   * a folder above it matches an exclude pattern: a walk of the disk need not enter it.
   */
  excludesFolder(relativePath: string): boolean;
}

/** Settings of `createFileFilter`. */
export interface FileFilterSettings {
  /** `egn.index.include`. */
  readonly include: string;
  /** `egn.index.exclude` and the enabled `files.exclude` patterns (see `enabledPatterns`). */
  readonly exclude: readonly string[];
  /** `egn.index.maxFileSize`, in bytes: larger files are skipped. */
  readonly maxFileSize: number;
  readonly ignoreCase?: boolean;
}

/** Folders whose exclusion a filter remembers. */
const FOLDER_MEMO = 4096;

/** Builds the filter of the citation index from its settings. */
export function createFileFilter(settings: FileFilterSettings): FileFilter {
  const options = { ignoreCase: settings.ignoreCase ?? false };
  const include = compileGlob(settings.include, options);
  const excludes = settings.exclude.filter((p) => p.trim().length > 0).map((p) => compileGlob(p, options));
  const excluded = (path: string): boolean => excludes.some((m) => m(path));
  // Whether a folder or one above it is excluded. The folders above a file are shared by its
  // siblings: each is matched once, not once per file (10,000 files in a few hundred folders).
  // Bounded, for a tree of countless folders.
  const folders = new Map<string, boolean>();
  const excludedFolder = (path: string): boolean => {
    let answer = folders.get(path);
    if (answer === undefined) {
      const slash = path.lastIndexOf('/');
      answer = excluded(path) || (slash !== -1 && excludedFolder(path.slice(0, slash)));
      if (folders.size >= FOLDER_MEMO) {
        folders.clear();
      }
      folders.set(path, answer);
    }
    return answer;
  };
  return {
    accepts(relativePath: string): boolean {
      // Most paths come clean (POSIX, relative): rewritten only when they are not.
      const path = relativePath.includes('\\') || relativePath.startsWith('.') || relativePath.startsWith('/') ? relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '') : relativePath;
      if (!include(path) || excluded(path)) {
        return false;
      }
      const slash = path.lastIndexOf('/');
      return slash === -1 || !excludedFolder(path.slice(0, slash));
    },
    acceptsSize(bytes: number): boolean {
      return bytes <= settings.maxFileSize;
    },
    excludesFolder(relativePath: string): boolean {
      const path = relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/\/+$/, '');
      if (path === '') {
        return false;
      }
      if (excluded(path)) {
        return true;
      }
      for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
        if (excluded(path.slice(0, slash))) {
          return true;
        }
      }
      return false;
    },
  };
}

/** How much of a file `isProbablyBinary` looks at. */
const SAMPLE = 8192;
/**
 * Share of the sample in invalid UTF-8 beyond which a file is binary. A French text saved in
 * Latin-1 or Windows-1252 has an invalid byte per accented letter (a few percent), and its
 * references are ASCII, so it still deserves indexing; random or compressed bytes are around half
 * invalid.
 */
const INVALID_UTF8_SHARE = 0.2;

/**
 * Whether bytes look like a binary file rather than text: a NUL in the first 8 KB, or more than a
 * fifth of those bytes invalid as UTF-8. A UTF-16 byte order mark means text (its NULs are the high
 * bytes of ASCII characters).
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes) !== undefined) {
    return false;
  }
  const n = Math.min(bytes.length, SAMPLE);
  let invalid = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b === 0) {
      return true;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i, n);
    if (length > 0) {
      i += length;
    } else if (length === 0) {
      // A sequence cut by the end of the sample is not evidence of anything.
      break;
    } else {
      invalid++;
      i++;
    }
  }
  return n > 0 && invalid / n > INVALID_UTF8_SHARE;
}

/** The encoding a UTF-16 byte order mark announces, if the bytes start with one. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return 'utf-16le';
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return 'utf-16be';
  }
  return undefined;
}

/**
 * Length of the valid UTF-8 sequence starting at `i` (a byte ≥ 0x80), 0 when it is cut by `end`,
 * -1 when it is invalid (stray continuation, overlong form, surrogate, beyond U+10FFFF).
 */
function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i];
  let length: number;
  let min: number;
  let max = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) {
    length = 2;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    min = b === 0xe0 ? 0xa0 : 0x80;
    max = b === 0xed ? 0x9f : 0xbf;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    min = b === 0xf0 ? 0x90 : 0x80;
    max = b === 0xf4 ? 0x8f : 0xbf;
  } else {
    return -1;
  }
  for (let k = 1; k < length; k++) {
    if (i + k >= end) {
      return 0;
    }
    const c = bytes[i + k];
    const lo = k === 1 ? min : 0x80;
    const hi = k === 1 ? max : 0xbf;
    if (c < lo || c > hi) {
      return -1;
    }
  }
  return length;
}
