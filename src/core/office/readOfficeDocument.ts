import { docxText } from './docxText';
import { DEFAULT_EXTRACTION_LIMITS, ExtractionRefused, officeKindOf, type ExtractedText, type ExtractionLimits, type ExtractionResult } from './extractedText';
import { odtText } from './odtText';

/**
 * Reads a PDF's text (pdf.js, in its own bundle: `src/pdf/pdfTextReader.ts`). Absent where pdf.js
 * is not loaded (the web worker host): PDFs are then skipped with a line saying so.
 */
export type PdfTextReader = (bytes: Uint8Array, limits: ExtractionLimits) => Promise<ExtractedText>;

/** How a host reads documents: its PDF reader, if any, and the limits. */
export interface OfficeReadOptions {
  readonly pdf?: PdfTextReader;
  readonly limits?: ExtractionLimits;
}

/**
 * The extracted text of a Word, LibreOffice or PDF document, or why it is skipped: the one entry
 * point that the editor (Node and web hosts) and `egn-cite` read these documents through. Never
 * throws: a hostile or damaged file gives a reason, one line for a log.
 */
export async function readOfficeDocument(name: string, bytes: Uint8Array, options: OfficeReadOptions = {}): Promise<ExtractionResult> {
  const limits = options.limits ?? DEFAULT_EXTRACTION_LIMITS;
  const kind = officeKindOf(name);
  try {
    switch (kind) {
      case 'docx':
        return { ok: true, extracted: docxText(bytes, limits) };
      case 'odt':
        return { ok: true, extracted: odtText(bytes, limits) };
      case 'pdf':
        if (!isPdf(bytes)) {
          return { ok: false, reason: 'not a PDF (no %PDF- header)' };
        }
        if (!options.pdf) {
          return { ok: false, reason: 'PDF text cannot be read in this host (pdf.js is not loaded here)' };
        }
        return { ok: true, extracted: await options.pdf(bytes, limits) };
      default:
        return { ok: false, reason: 'not a Word, LibreOffice or PDF document' };
    }
  } catch (e) {
    if (e instanceof ExtractionRefused) {
      return { ok: false, reason: e.message };
    }
    // A library's own failure on a damaged file (pdf.js: "Invalid PDF structure"): still one line.
    return { ok: false, reason: `cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A PDF starts with `%PDF-` within its first 1,024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * How a host extracts documents: the Node host and `egn-cite` in a background thread
 * (src/node/officeReader.ts), the web worker host in its own worker (no PDF there).
 */
export interface OfficeTextReader {
  /** A file on the local disk, read where the extraction runs; over `maxFileSize`, `tooLarge`. */
  readFile?(path: string, maxFileSize: number): Promise<ExtractionResult & { readonly tooLarge?: boolean }>;
  /** A document whose bytes the caller read. */
  readBytes(name: string, bytes: Uint8Array): Promise<ExtractionResult>;
  dispose?(): void;
}
