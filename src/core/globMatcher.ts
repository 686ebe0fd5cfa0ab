/**
 * VS Code-style glob patterns over workspace-relative POSIX paths, and the file filter of the
 * citation index (`egn.index.include`, `egn.index.exclude`, `files.exclude`, `egn.index.maxFileSize`).
 *
 * The glob dialect is VS Code's: `**` any number of path segments (none included), `*` any run of
 * characters within a segment, `?` one character within a segment, `{a,b}` alternatives (nested
 * allowed), `[abc]`, `[a-z]`, `[!a]` / `[^a]` one character of (or not of) a set. As in VS Code,
 * `*` also matches a leading dot: `**\/*.md` matches `.github/x.md`.
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
  const source = new GlobParser(p).parse();
  const re = new RegExp(`^(?:${source})$`, options.ignoreCase ? 'is' : 's');
  return (path) => re.test(path);
}

/** Translates a glob into the source of an equivalent regular expression. */
class GlobParser {
  private i = 0;

  constructor(private readonly p: string) {}

  parse(): string {
    return this.sequence(false);
  }

  /** A run of the pattern, up to its end, or up to the `,` or `}` closing an alternative. */
  private sequence(inBraces: boolean): string {
    const p = this.p;
    let out = '';
    while (this.i < p.length) {
      const c = p[this.i];
      if (inBraces && (c === ',' || c === '}')) {
        break;
      }
      if (c === '/' && p.startsWith('/**', this.i) && this.sequenceEndsAt(this.i + 3, inBraces)) {
        // A trailing `/**`: the folder itself and everything below it.
        out += '(?:/.*)?';
        this.i += 3;
      } else if (c === '*' && p[this.i + 1] === '*' && this.segmentStartsAt(this.i, inBraces) && this.segmentEndsAt(this.i + 2, inBraces)) {
        if (p[this.i + 2] === '/') {
          // `**/`: zero or more whole segments. Each repetition must end at a `/` and `[^/]*` cannot
          // cross one, so the expression never backtracks badly.
          out += '(?:[^/]*/)*';
          this.i += 3;
          // `**/**/` is `**/`; kept, the repeats would make a path split ambiguously between them.
          while (p.startsWith('**/', this.i)) {
            this.i += 3;
          }
        } else {
          out += '.*';
          this.i += 2;
        }
      } else if (c === '*') {
        while (p[this.i] === '*') {
          this.i++;
        }
        out += '[^/]*';
      } else if (c === '?') {
        out += '[^/]';
        this.i++;
      } else if (c === '[') {
        out += this.characterClass();
      } else if (c === '{') {
        out += this.alternatives();
      } else {
        out += escapeRegExp(c);
        this.i++;
      }
    }
    return out;
  }

  /** Whether the current sequence (the pattern, or one alternative in braces) ends at `at`. */
  private sequenceEndsAt(at: number, inBraces: boolean): boolean {
    return at >= this.p.length || (inBraces && (this.p[at] === ',' || this.p[at] === '}'));
  }

  private segmentStartsAt(at: number, inBraces: boolean): boolean {
    const before = this.p[at - 1];
    return at === 0 || before === '/' || (inBraces && (before === '{' || before === ','));
  }

  private segmentEndsAt(at: number, inBraces: boolean): boolean {
    const after = this.p[at];
    return at >= this.p.length || after === '/' || (inBraces && (after === ',' || after === '}'));
  }

  /** `{a,b,…}`; an unclosed `{` is a literal brace. */
  private alternatives(): string {
    const open = this.i;
    this.i++;
    const options: string[] = [];
    for (;;) {
      options.push(this.sequence(true));
      const c = this.p[this.i];
      if (c === ',') {
        this.i++;
      } else if (c === '}') {
        this.i++;
        return `(?:${options.join('|')})`;
      } else {
        this.i = open + 1;
        return '\\{';
      }
    }
  }

  /** `[…]` within one segment; an unclosed `[` is a literal bracket. */
  private characterClass(): string {
    const p = this.p;
    let j = this.i + 1;
    let negate = false;
    if (p[j] === '!' || p[j] === '^') {
      negate = true;
      j++;
    }
    const first = j;
    // A `]` right after the opening is a member, as in POSIX brackets.
    while (j < p.length && (p[j] !== ']' || j === first)) {
      j++;
    }
    if (j >= p.length) {
      this.i++;
      return '\\[';
    }
    let body = '';
    for (let k = first; k < j; k++) {
      const c = p[k];
      // Keep ranges (`a-z`); escape everything else that means something inside a class.
      body += c === '-' && k > first && k < j - 1 ? '-' : c.replace(/[\\\]^[-]/g, '\\$&');
    }
    this.i = j + 1;
    // A class never matches the separator: globs match within a segment.
    return negate ? `[^/${body}]` : `(?:(?!/)[${body}])`;
  }
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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

/** Builds the filter of the citation index from its settings. */
export function createFileFilter(settings: FileFilterSettings): FileFilter {
  const options = { ignoreCase: settings.ignoreCase ?? false };
  const include = compileGlob(settings.include, options);
  const excludes = settings.exclude.filter((p) => p.trim().length > 0).map((p) => compileGlob(p, options));
  const excluded = (path: string): boolean => excludes.some((m) => m(path));
  return {
    accepts(relativePath: string): boolean {
      const path = relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '');
      if (!include(path) || excluded(path)) {
        return false;
      }
      for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
        if (excluded(path.slice(0, slash))) {
          return false;
        }
      }
      return true;
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
