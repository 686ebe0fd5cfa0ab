import type { Reference } from './reference';

/** Marks a whole document as outside the citation index and the diagnostics (exported reports carry it). */
export const IGNORE_FILE_MARKER = 'egn-ignore-file';
/** Marks the line after the one that holds it: its references are neither indexed nor diagnosed. */
export const IGNORE_NEXT_LINE_MARKER = 'egn-ignore-next-line';
/** `egn-ignore-file` counts only in a document's first lines, where linters and spell checkers look too. */
export const IGNORE_FILE_HEAD_LINES = 10;

/**
 * The markers of one document. Markers are plain words, so that every format can hold them in its own
 * comment syntax (`<!-- egn-ignore-file -->`, `% egn-ignore-file`, `.. egn-ignore-file`,
 * `// egn-ignore-file`) or, in plain text, on a line of their own. A marker must stand as a word: it may not
 * be glued to letters, digits, `-` or `_` on either side (`egn-ignore-files` is no marker).
 */
export interface IgnoreMarkers {
  /** The document opts out entirely. */
  readonly ignoreFile: boolean;
  /**
   * Offset ranges `[start, end)` of the lines whose references are ignored (each line after an
   * `egn-ignore-next-line`), in ascending order, without their line break.
   */
  readonly ignoredLines: readonly (readonly [number, number])[];
}

const NONE: IgnoreMarkers = Object.freeze({ ignoreFile: false, ignoredLines: Object.freeze([]) });

/** Cheap test that lets the common document skip the line walk: no `egn-ignore` anywhere. */
const ANY_MARKER = /egn-ignore-/i;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}\p{M}_-]/u.test(c);
}

/** Whether `line` holds `marker` as a word (case-insensitive, as the prefix of a reference is). */
export function holdsMarker(line: string, marker: string): boolean {
  const lower = line.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(marker, from);
    if (at < 0) {
      return false;
    }
    if (!isWordChar(line[at - 1]) && !isWordChar(line[at + marker.length])) {
      return true;
    }
    from = at + 1;
  }
}

/** Reads the ignore markers of a document's text. Linear in the text; allocates nothing when there is none. */
export function readIgnoreMarkers(text: string): IgnoreMarkers {
  if (!ANY_MARKER.test(text)) {
    return NONE;
  }
  const ignoredLines: (readonly [number, number])[] = [];
  let ignoreNext = false;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length + 1 : end + 1;
    if (end < 0) {
      end = text.length;
    }
    const contentEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const line = text.slice(start, contentEnd);
    if (lineNo < IGNORE_FILE_HEAD_LINES && holdsMarker(line, IGNORE_FILE_MARKER)) {
      return { ignoreFile: true, ignoredLines: [] };
    }
    if (ignoreNext) {
      ignoredLines.push([start, contentEnd]);
    }
    ignoreNext = holdsMarker(line, IGNORE_NEXT_LINE_MARKER);
    lineNo++;
    start = next;
  }
  return ignoredLines.length === 0 ? NONE : { ignoreFile: false, ignoredLines };
}

/**
 * The references of `text` that its markers leave in: none for an ignored document, and none that starts
 * on an ignored line. `refs` are in ascending order of `start`, as the scanner returns them.
 */
export function withoutIgnored<R extends Pick<Reference, 'start'>>(markers: IgnoreMarkers, refs: readonly R[]): readonly R[] {
  if (markers.ignoreFile) {
    return [];
  }
  const lines = markers.ignoredLines;
  if (lines.length === 0) {
    return refs;
  }
  const kept: R[] = [];
  let i = 0;
  for (const ref of refs) {
    while (i < lines.length && lines[i][1] < ref.start) {
      i++;
    }
    if (i < lines.length && lines[i][0] <= ref.start && ref.start <= lines[i][1]) {
      continue;
    }
    kept.push(ref);
  }
  return kept;
}
