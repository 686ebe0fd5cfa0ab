import type { TextLayout } from './textLayout';

/**
 * A text cut into blocks as its layout says: paragraphs (level 0) and headings (level 1 = top),
 * in order, each a range of whole lines. What the prose grammar reads its context from.
 */
export interface TextBlocks {
  readonly start: readonly number[];
  /** One past the block's last character (its last line's end, line break excluded). */
  readonly end: readonly number[];
  readonly level: readonly number[];
  /** The block holding `offset` (the last one starting at or before it), or -1 before the first. */
  blockAt(offset: number): number;
}

const LATEX_LEVELS: Readonly<Record<string, number>> = {
  part: 1, chapter: 2, section: 3, subsection: 4, subsubsection: 5, paragraph: 6, subparagraph: 7,
};
const LATEX_HEADING = /^\s*\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*[[{]/;
const MARKDOWN_ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const MARKDOWN_SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const MARKDOWN_FENCE = /^ {0,3}(```|~~~)/;
const ASCIIDOC_HEADING = /^(={1,6}|#{1,6})[ \t]+\S/;
/** A reStructuredText adornment: one punctuation character repeated, three times at least. */
const RST_ADORNMENT = /^([=\-~^"'`#*+:._<>!$%&(),/;?@[\]{|}])\1{2,}[ \t]*$/;

/**
 * The blocks of `text` under `layout`. Linear in the text: each line is looked at once (a regular
 * expression anchored at its start, on the line alone).
 */
export function textBlocks(text: string, layout: TextLayout): TextBlocks {
  const start: number[] = [];
  const end: number[] = [];
  const level: number[] = [];
  // Line starts and ends (line break excluded): two arrays of numbers, no object per line.
  const ls: number[] = [];
  const le: number[] = [];
  for (let s = 0; s <= text.length;) {
    const nl = text.indexOf('\n', s);
    const next = nl < 0 ? text.length : nl;
    const e = next > s && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    ls.push(s);
    le.push(e);
    if (nl < 0) {
      break;
    }
    s = nl + 1;
  }
  const line = (i: number): string => text.slice(ls[i], le[i]);
  const blank = (i: number): boolean => {
    for (let k = ls[i]; k < le[i]; k++) {
      const c = text.charCodeAt(k);
      if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x202f && c !== 0x0c) {
        return false;
      }
    }
    return true;
  };
  // The paragraph being read: its first line, or -1.
  let open = -1;
  const close = (last: number, lvl = 0): void => {
    if (open >= 0) {
      start.push(ls[open]);
      end.push(le[last]);
      level.push(lvl);
      open = -1;
    }
  };
  const heading = (first: number, last: number, lvl: number): void => {
    start.push(ls[first]);
    end.push(le[last]);
    level.push(lvl);
  };

  if (layout.kind === 'paragraphLines') {
    ls.forEach((_, i) => {
      if (!blank(i) || layout.headingLines.has(i)) {
        heading(i, i, layout.headingLines.get(i) ?? 0);
      }
    });
    return blocksOf(start, end, level);
  }

  let fenced = false;
  const rstStyles = new Map<string, number>();
  for (let i = 0; i < ls.length; i++) {
    if (blank(i)) {
      close(i - 1);
      continue;
    }
    // Only the lines that may be headings are copied out of the text.
    const first = text.charCodeAt(ls[i]);
    const l = layout.kind === 'plaintext' || (layout.kind !== 'restructuredtext' && first !== 0x23 && first !== 0x3d && first !== 0x2d && first !== 0x5c && first !== 0x20 && first !== 0x09 && first !== 0x60 && first !== 0x7e) ? '' : line(i);
    if (layout.kind === 'markdown') {
      if (MARKDOWN_FENCE.test(l)) {
        fenced = !fenced;
      }
      if (!fenced) {
        const atx = MARKDOWN_ATX.exec(l);
        if (atx) {
          close(i - 1);
          heading(i, i, atx[1].length);
          continue;
        }
        const setext = MARKDOWN_SETEXT.exec(l);
        if (setext && open >= 0) {
          close(i, setext[1].startsWith('=') ? 1 : 2);
          continue;
        }
      }
    } else if (layout.kind === 'latex') {
      const m = LATEX_HEADING.exec(l);
      if (m) {
        close(i - 1);
        heading(i, i, LATEX_LEVELS[m[1]]);
        continue;
      }
    } else if (layout.kind === 'asciidoc') {
      const m = ASCIIDOC_HEADING.exec(l);
      if (m) {
        close(i - 1);
        heading(i, i, m[1].length);
        continue;
      }
    } else if (layout.kind === 'restructuredtext') {
      const under = RST_ADORNMENT.exec(l);
      if (under && open === i - 1 && open >= 0) {
        // A title: one line of text, underlined (and maybe overlined, the line before it).
        const over = i >= 2 && RST_ADORNMENT.exec(line(i - 2))?.[1] === under[1] && !blank(i - 2);
        const style = `${under[1]}${over ? 'o' : ''}`;
        if (!rstStyles.has(style)) {
          rstStyles.set(style, rstStyles.size + 1);
        }
        const lvl = rstStyles.get(style) ?? 1;
        if (over && start.length > 0 && end[end.length - 1] === le[i - 2]) {
          // The overline was read as a paragraph of its own: it belongs to this title.
          start.pop();
          end.pop();
          level.pop();
          open = -1;
          heading(i - 2, i, lvl);
        } else {
          close(i, lvl);
        }
        continue;
      }
      if (under && open < 0) {
        // An overline: a block of its own until its title comes.
        open = i;
        close(i);
        continue;
      }
    }
    if (open < 0) {
      open = i;
    }
  }
  close(ls.length - 1);
  return blocksOf(start, end, level);
}

function blocksOf(start: number[], end: number[], level: number[]): TextBlocks {
  return {
    start, end, level,
    blockAt(offset: number): number {
      let lo = 0;
      let hi = start.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (start[mid] <= offset) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - 1;
    },
  };
}
