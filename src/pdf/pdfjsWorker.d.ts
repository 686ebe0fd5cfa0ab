/** pdf.js's worker module, imported to run its worker in the same thread (see pdfTextReader.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
