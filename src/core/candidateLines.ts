import { IGNORE_FILE_HEAD_LINES, IGNORE_FILE_MARKER, IGNORE_NEXT_LINE_MARKER, holdsMarker } from './ignoreMarkers';

/**
 * One line of a document that may hold a reference or an ignore marker. A reference never spans a
 * line (no separator of the grammar holds a line break), so these lines are all the index needs.
 */
export interface CandidateLine {
  /** 0-based line number in the document, as VS Code's `Position` counts lines. */
  readonly line: number;
  /** The line's text, without its line break (`\n` or `\r\n`). */
  readonly text: string;
}

/**
 * What every line the index reads must contain at least one of, ignoring case: each catalogue prefix
 * and the start of the ignore markers. The Node readers and ripgrep (`-i -F -e …`) use exactly these
 * strings, so that each reading path keeps the same lines.
 */
export function prefilterNeedles(prefixes: readonly string[]): string[] {
  return [...new Set([...prefixes, 'egn-ignore'])];
}

/**
 * Returns a function that keeps, of a document's text, the lines holding a needle of
 * `prefilterNeedles(prefixes)` (ignoring case). Lines end at `\n`, a `\r` before it is dropped: the
 * line breaks ripgrep knows (a lone `\r`, an old Mac line break, is not one).
 */
export function createLinePrefilter(prefixes: readonly string[]): (text: string) => CandidateLine[] {
  const needles = prefilterNeedles(prefixes).filter((n) => n.length > 0);
  // One regular expression over the whole text: V8 finds the few matching lines far faster than a
  // split of every line would, and the lines in between are never copied.
  const any = new RegExp(needles.map(escapeRegExp).join('|'), 'gi');
  return (text) => {
    const lines: CandidateLine[] = [];
    any.lastIndex = 0;
    let line = 0;
    let counted = 0;
    for (let m = any.exec(text); m; m = any.exec(text)) {
      const start = text.lastIndexOf('\n', m.index - 1) + 1;
      line += countNewlines(text, counted, start);
      let end = text.indexOf('\n', m.index);
      const next = end < 0 ? text.length : end + 1;
      if (end < 0) {
        end = text.length;
      }
      lines.push({ line, text: text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end) });
      if (end < text.length) {
        line++;
      }
      counted = next;
      any.lastIndex = next;
      if (next >= text.length) {
        break;
      }
    }
    return lines;
  };
}

/**
 * The lines whose references count under the document's ignore markers: none when a line among the
 * first ten holds `egn-ignore-file`, and not the line after one holding `egn-ignore-next-line`.
 * Exact on candidate lines alone, since every line holding a marker is a candidate.
 */
export function linesNotIgnored(lines: readonly CandidateLine[]): readonly CandidateLine[] {
  let anyMarker = false;
  for (const l of lines) {
    if (l.text.length >= 10 && /egn-ignore-/i.test(l.text)) {
      anyMarker = true;
      break;
    }
  }
  if (!anyMarker) {
    return lines;
  }
  const kept: CandidateLine[] = [];
  let ignoreLine = -1;
  for (const l of lines) {
    if (l.line < IGNORE_FILE_HEAD_LINES && holdsMarker(l.text, IGNORE_FILE_MARKER)) {
      return [];
    }
    if (l.line !== ignoreLine) {
      kept.push(l);
    }
    if (holdsMarker(l.text, IGNORE_NEXT_LINE_MARKER)) {
      ignoreLine = l.line + 1;
    }
  }
  return kept;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) {
    n++;
  }
  return n;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether any of `lines` holds one of `needles` (lower-case ASCII words, matched ignoring ASCII
 * case, as ripgrep's `-i` does): the prose grammar's needles, which make a document read whole.
 */
export function linesHoldNeedle(lines: readonly { readonly text: string }[], needles: readonly string[]): boolean {
  if (needles.length === 0) {
    return false;
  }
  return lines.some((l) => {
    const lower = l.text.toLowerCase();
    return needles.some((n) => lower.includes(n));
  });
}
