import { pdfPagesText, type PdfTextItem } from '../core/office/pdfLayout';
import type { ExtractedText, ExtractionLimits } from '../core/office/extractedText';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on the first PDF met. Its own bundle (dist/pdfText.mjs, built by scripts/build.mjs)
 * keeps its 1.5 MB out of what activation loads. The legacy build, because it runs on Node 20 (the
 * extension host of VS Code 1.100); its worker runs in the same thread (`globalThis.pdfjsWorker`):
 * the caller is already a background thread.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    // pdf.js builds one DOMMatrix when it loads (for rendering, which text extraction never does);
    // Node has none and its polyfill (@napi-rs/canvas, a native package) is not shipped. A stand-in
    // keeps the load from failing; nothing here renders.
    const g = globalThis as { DOMMatrix?: unknown };
    g.DOMMatrix ??= class DOMMatrixStandIn {};
    // Its load also warns that it cannot render, which would reach egn-cite's stderr and the log.
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return loaded;
}

/**
 * The text of a PDF with pdf.js (`getTextContent`), its pages in order, at most `limits.maxPages`.
 * Nothing in the file is run: no scripts (`isEvalSupported: false`, no scripting), no fonts loaded
 * into a renderer, no links followed.
 */
export async function readPdfText(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedText> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const count = doc.numPages;
    const last = Math.min(count, limits.maxPages);
    const pages: PdfTextItem[][] = [];
    let length = 0;
    for (let n = 1; n <= last && length <= limits.maxTextLength; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if ('str' in item) {
          items.push({ str: item.str, transform: item.transform as number[], height: item.height, hasEOL: item.hasEOL });
          length += item.str.length;
        }
      }
      pages.push(items);
      page.cleanup();
    }
    return pdfPagesText(pages, limits, count);
  } finally {
    await task.destroy();
  }
}
