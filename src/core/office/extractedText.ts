import type { TextLayout } from '../textLayout';

/** The kinds of document whose text is extracted rather than read as a text file. */
export type OfficeKind = 'docx' | 'odt' | 'pdf';

/**
 * The text extracted from a Word, LibreOffice or PDF document: one paragraph per line (what the
 * text view shows and what `plan.docx:12:5` counts lines of), its layout for the prose grammar, and
 * for a PDF the page of each line.
 */
export interface ExtractedText {
  readonly kind: OfficeKind;
  /** The paragraphs joined by `\n`; no line holds a `\n` or `\r`. */
  readonly text: string;
  readonly layout: Extract<TextLayout, { kind: 'paragraphLines' }>;
  /** PDF only: the 1-based page of each line (`pages[line]`). */
  readonly pages?: readonly number[];
  /** Set when a cap stopped the extraction: what was kept is the start of the document. */
  readonly truncated?: string;
}

/** What reading one document gave: its text, or why it was skipped (one line for a log). */
export type ExtractionResult = { readonly ok: true; readonly extracted: ExtractedText } | { readonly ok: false; readonly reason: string };

/** The limits that bound what one document may cost, whatever it declares. */
export interface ExtractionLimits {
  /** Bytes inflated from one zip entry (counted as they come, never read from the headers). */
  readonly maxEntryBytes: number;
  /** Bytes inflated from one archive, all entries read. */
  readonly maxArchiveBytes: number;
  /** Entries of one archive looked at before giving up. */
  readonly maxEntries: number;
  /** UTF-16 code units of extracted text kept from one document. */
  readonly maxTextLength: number;
  /** Pages read from one PDF. */
  readonly maxPages: number;
}

/**
 * The default limits: a real plan's `document.xml` is a few hundred KB (images are separate
 * entries, never read), its text well under 1 MB. A zip bomb stops at 16 MB inflated.
 */
export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxEntryBytes: 16 * 1024 * 1024,
  maxArchiveBytes: 32 * 1024 * 1024,
  maxEntries: 10_000,
  maxTextLength: 4 * 1024 * 1024,
  maxPages: 500,
};

/** A reason to skip a document, thrown inside the extractors and turned into an `ExtractionResult`. */
export class ExtractionRefused extends Error {}

/** The kind of document a path names by its extension (case ignored), if it is one. */
export function officeKindOf(path: string): OfficeKind | undefined {
  const m = /\.(docx|odt|pdf)$/i.exec(path);
  return m ? (m[1].toLowerCase() as OfficeKind) : undefined;
}

/**
 * Collects paragraphs into the extracted text, stopping at the text cap. Line breaks inside a
 * paragraph (`w:br`, `text:line-break`) arrive as spaces: one line is one paragraph.
 */
export class ParagraphCollector {
  private readonly lines: string[] = [];
  private readonly headings = new Map<number, number>();
  private length = 0;
  truncated: string | undefined;

  constructor(private readonly maxTextLength: number) {}

  get lineCount(): number {
    return this.lines.length;
  }

  /** Adds one paragraph (a heading when `level` is given); false once the cap is reached. */
  add(text: string, level?: number): boolean {
    if (this.truncated !== undefined) {
      return false;
    }
    const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
    if (this.length + line.length + 1 > this.maxTextLength) {
      this.truncated = `the extracted text passes ${this.maxTextLength.toLocaleString('en')} characters; the rest is not indexed`;
      return false;
    }
    if (level !== undefined) {
      this.headings.set(this.lines.length, level);
    }
    this.lines.push(line);
    this.length += line.length + 1;
    return true;
  }

  /** Marks an already added line as a heading (styles resolved after the body was read). */
  setHeading(line: number, level: number): void {
    this.headings.set(line, level);
  }

  result(kind: OfficeKind, pages?: readonly number[]): ExtractedText {
    return {
      kind,
      text: this.lines.join('\n'),
      layout: { kind: 'paragraphLines', headingLines: this.headings },
      ...(pages ? { pages } : {}),
      ...(this.truncated !== undefined ? { truncated: this.truncated } : {}),
    };
  }
}

/** The line of a log or of `egn-cite`'s stderr for a document skipped or cut short. */
export function extractionNote(name: string, result: ExtractionResult): string | undefined {
  if (!result.ok) {
    return `${name}: skipped, ${result.reason}.`;
  }
  return result.extracted.truncated !== undefined ? `${name}: ${result.extracted.truncated}.` : undefined;
}
