import type { CheckCatalogue } from './checkPool';
import { ripgrepOutput, ripgrepPaths } from './ripgrepListing';
import { unknownReferencePattern } from './ripgrepPrefilter';

/**
 * Bytes that make a line something else than NUL-free valid UTF-8, in ripgrep's syntax (bytes, not
 * characters): a NUL; a byte that is never UTF-8; a continuation byte at a line start or after an
 * ASCII byte; a lead byte followed by too few continuation bytes (the end of a line included) or
 * too many; an overlong form, a surrogate or a code point past U+10FFFF. A line without any of them
 * is valid UTF-8 (the first error of a decoder is always one of these), so a file where none
 * matches is read as text by `indexableText`: no UTF-16 byte order mark (0xFF and 0xFE are never
 * UTF-8), no NUL in its sample, strict UTF-8 decoding succeeds.
 */
export const NOT_PLAIN_UTF8 = (() => {
  const c = '[\\x80-\\xBF]';
  const end = '(?:[^\\x80-\\xBF]|$)';
  return (
    '(?-u:\\x00|[\\xC0\\xC1\\xF5-\\xFF]|^' + c + '|[\\x00-\\x7F]' + c +
    '|[\\xC2-\\xDF](?:' + end + '|' + c + c + ')' +
    '|[\\xE0-\\xEF](?:' + end + '|' + c + end + '|' + c + c + c + ')' +
    '|[\\xF0-\\xF4](?:' + end + '|' + c + end + '|' + c + c + end + '|' + c + c + c + c + ')' +
    '|\\xE0[\\x80-\\x9F]|\\xED[\\xA0-\\xBF]|\\xF0[\\x80-\\x8F]|\\xF4[\\x90-\\xBF])'
  );
})();

/**
 * The options every search of a check's folder shares: the files `listWithRipgrep` lists, but
 * without following links (the listing follows them; what this search lacks tells it where links lead).
 */
function searchOptions(excludes: readonly string[], maxFileSize: number): string[] {
  const narrowing = excludes.filter((e) => e.startsWith('**/') && !e.includes('!')).flatMap((e) => ['--glob', `!${e}`]);
  return [
    '--no-config', '--no-ignore', '--hidden', '--no-messages',
    // Every byte searched as it is: no binary detection, no decoding of UTF-16 (its NUL bytes flag it).
    '--text', '--encoding', 'none',
    // ripgrep skips files larger than this, as the index does (both: size > limit).
    ...(Number.isFinite(maxFileSize) ? ['--max-filesize', String(Math.floor(maxFileSize))] : []),
    ...narrowing,
  ];
}

/**
 * One ripgrep search of the folder `root` that tells, for every file within `maxFileSize`, whether
 * it needs reading: each file ripgrep searched (every file it lists, links not followed, excluded
 * folders skipped as `listWithRipgrep` skips them, those over the size limit left out) maps to
 * true when a line may cite a proposal missing from `catalogues` (`unknownReferencePattern`) or is
 * not plain UTF-8 (`NOT_PLAIN_UTF8`: binary, UTF-16, Latin-1…). A file that maps to false is text
 * to the index and cites no missing proposal: it counts as checked without being read. Rejects
 * when ripgrep cannot run or reports an error (exit code 2: a file it could not read), so that
 * the caller reads every file instead.
 */
export function searchFolder(rg: string, root: string, excludes: readonly string[], maxFileSize: number, catalogues: readonly CheckCatalogue[]): Promise<Map<string, boolean>> {
  return ripgrepOutput(rg, root, searchFolderArgs(excludes, maxFileSize, catalogues)).then((out) => {
    const counts = new Map<string, boolean>();
    parseCounts(out.toString('utf8'), counts);
    return counts;
  });
}

/** ripgrep's arguments for `searchFolder` (run in the folder): also what `npm run bench:cli` times alone. */
export function searchFolderArgs(excludes: readonly string[], maxFileSize: number, catalogues: readonly CheckCatalogue[]): string[] {
  const patterns = [...(catalogues.length > 0 ? ['-e', unknownReferencePattern(catalogues)] : []), '-e', NOT_PLAIN_UTF8];
  return [...searchOptions(excludes, maxFileSize), '--count', '--include-zero', '--null', ...patterns, '--', '.'];
}

/**
 * Reads the complete `path NUL count LF` records (`--count --null`) of `out` into `counts`
 * (relative POSIX path → count > 0) and returns the incomplete rest. Read record by record, not
 * line by line: a file name may hold a line break, never a NUL.
 */
export function parseCounts(out: string, counts: Map<string, boolean>): string {
  let at = 0;
  for (;;) {
    const nul = out.indexOf('\0', at);
    const lf = nul === -1 ? -1 : out.indexOf('\n', nul);
    if (lf === -1) {
      return out.slice(at);
    }
    let file = out.slice(at, nul);
    if (file.startsWith('./') || file.startsWith('.\\')) {
      file = file.slice(2);
    }
    counts.set(WINDOWS ? file.replace(/\\/g, '/') : file, out.slice(nul + 1, lf) !== '0');
    at = lf + 1;
  }
}

const WINDOWS = process.platform === 'win32';

/**
 * The files under `root` (relative POSIX paths, within `maxFileSize`) that may cite a proposal
 * missing from `catalogues`, by the same search as `searchFolder`: for the workspace catalogues,
 * known only once the folder is listed.
 */
export function filesCiting(rg: string, root: string, excludes: readonly string[], maxFileSize: number, catalogues: readonly CheckCatalogue[]): Promise<Set<string>> {
  const args = [...searchOptions(excludes, maxFileSize), '--files-with-matches', '--null', '-e', unknownReferencePattern(catalogues), '--', '.'];
  return ripgrepPaths(rg, root, args).then((paths) => new Set(paths));
}
