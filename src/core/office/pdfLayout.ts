import { DEFAULT_EXTRACTION_LIMITS, ParagraphCollector, type ExtractedText, type ExtractionLimits } from './extractedText';

/** One positioned piece of text of a PDF page, as pdf.js's `getTextContent` gives it. */
export interface PdfTextItem {
  readonly str: string;
  /** The text matrix: `transform[5]` is the baseline's y (up), `transform[4]` its x. */
  readonly transform: readonly number[];
  readonly height: number;
  readonly hasEOL: boolean;
}

/** One line of a page: its text and baseline. */
interface PageLine {
  text: string;
  y: number;
  height: number;
}

/** Ligatures that fonts map to one glyph: text, not typography, for the scanner. */
const LIGATURES: Readonly<Record<string, string>> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };

/**
 * The extracted text of a PDF from its pages' text items: items joined into lines, lines into
 * paragraphs where the spacing says so (a gap clearly wider than the page's usual line spacing, or
 * a jump up to a new column, ends a paragraph); a word hyphenated at a line's end is joined
 * (`propo-` / `sition`), a reference cut after its hyphen keeps it (`EGN-` / `12` is `EGN-12`);
 * ligatures become their letters; a `— page N —` line stands between pages. `pages` gives the page
 * of each line.
 */
export function pdfPagesText(pages: Iterable<readonly PdfTextItem[]>, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS, pageCount?: number): ExtractedText {
  const out = new ParagraphCollector(limits.maxTextLength);
  const pageOfLine: number[] = [];
  let page = 0;
  for (const items of pages) {
    page++;
    if (page > 1) {
      if (!out.add(`— page ${page} —`)) {
        break;
      }
      pageOfLine.push(page);
    }
    let stopped = false;
    for (const paragraph of paragraphsOf(linesOf(items))) {
      if (!out.add(paragraph)) {
        stopped = true;
        break;
      }
      pageOfLine.push(page);
    }
    if (stopped) {
      break;
    }
  }
  if (pageCount !== undefined && pageCount > page && out.truncated === undefined) {
    out.truncated = `only the first ${page.toLocaleString('en')} of ${pageCount.toLocaleString('en')} pages are indexed`;
  }
  return out.result('pdf', pageOfLine);
}

function linesOf(items: readonly PdfTextItem[]): PageLine[] {
  const lines: PageLine[] = [];
  let line: PageLine | undefined;
  for (const item of items) {
    if (item.str === '') {
      // pdf.js marks a line's end with an empty item (placed where the next line starts).
      if (item.hasEOL && line) {
        lines.push(line);
        line = undefined;
      }
      continue;
    }
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 10;
    if (line && Math.abs(y - line.y) > Math.max(line.height, height) * 0.5 && line.text.trim() !== '') {
      lines.push(line);
      line = undefined;
    }
    if (!line) {
      line = { text: '', y, height };
    }
    line.text += item.str.replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c] ?? c);
    if (item.hasEOL) {
      lines.push(line);
      line = undefined;
    }
  }
  if (line) {
    lines.push(line);
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

function paragraphsOf(lines: readonly PageLine[]): string[] {
  const paragraphs: string[] = [];
  let text: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.text === '') {
      continue;
    }
    // Lines of one paragraph are set at the font's line spacing (1.2 or so); paragraphs, table
    // rows and headings are further apart. A line higher up than the last starts a new column.
    const gap = i > 0 ? lines[i - 1].y - l.y : 0;
    const breaks = text === undefined || gap <= 0 || gap > Math.max(l.height, lines[i - 1].height) * 1.35;
    if (breaks) {
      if (text !== undefined) {
        paragraphs.push(text);
      }
      text = l.text;
    } else {
      text = joinLines(text!, l.text);
    }
  }
  if (text !== undefined) {
    paragraphs.push(text);
  }
  return paragraphs;
}

/** Two lines of one paragraph: a space between, or the hyphenated word mended. */
function joinLines(before: string, after: string): string {
  if (before.endsWith('-') || before.endsWith('\u00ad')) {
    const hyphenatedWord = /\p{Ll}[-\u00ad]$/u.test(before) && /^\p{Ll}/u.test(after);
    return hyphenatedWord ? before.slice(0, -1) + after : before.endsWith('\u00ad') ? before.slice(0, -1) + after : before + after;
  }
  return `${before} ${after}`;
}
