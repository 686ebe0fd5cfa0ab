import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parentPort } from 'worker_threads';
import { readOfficeDocument, type PdfTextReader } from '../core/office/readOfficeDocument';
import type { OfficeRequest, OfficeResponse } from './officeProtocol';

/**
 * The thread that extracts the text of Word, LibreOffice and PDF documents (src/node/officeReader.ts
 * starts it), so that inflating, parsing and pdf.js never run on the extension host's thread.
 */

let pdfReader: Promise<PdfTextReader> | undefined;

/**
 * pdf.js's bundle, imported on the first PDF: `dist/pdfText.mjs` beside this thread's bundle, or
 * the compiled module when running from `out/` (unit tests). Imported by a path computed at run
 * time, so that the bundler leaves pdf.js in its own bundle.
 */
function pdf(): Promise<PdfTextReader> {
  pdfReader ??= (async () => {
    const bundled = path.join(__dirname, 'pdfText.mjs');
    const file = fs.existsSync(bundled) ? bundled : path.join(__dirname, '../pdf/pdfTextReader.js');
    const module = (await import(pathToFileURL(file).href)) as { readPdfText: PdfTextReader };
    return module.readPdfText;
  })();
  return pdfReader;
}

parentPort?.on('message', (request: OfficeRequest) => {
  void (async () => {
    let response: OfficeResponse;
    try {
      let bytes = request.bytes;
      if (!bytes) {
        const stat = await fs.promises.stat(request.path!);
        if (stat.size > request.maxFileSize) {
          parentPort!.postMessage({ id: request.id, result: { ok: false, reason: `larger than egn.index.maxFileSize (${request.maxFileSize.toLocaleString('en')} bytes)` }, tooLarge: true } satisfies OfficeResponse);
          return;
        }
        bytes = new Uint8Array(await fs.promises.readFile(request.path!));
      }
      const result = await readOfficeDocument(request.name, bytes, { pdf: async (b, limits) => (await pdf())(b, limits) });
      response = { id: request.id, result };
    } catch (e) {
      response = { id: request.id, result: { ok: false, reason: `cannot be read (${e instanceof Error ? e.message : String(e)})` } };
    }
    parentPort!.postMessage(response);
  })();
});
