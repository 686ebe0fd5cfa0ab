/**
 * Office documents in `npm run bench:index`: a generated corpus of 1,000 .docx, 200 .odt and 100 PDF
 * of a few pages, read as the extension's Node host reads them (`OfficeReader`: one background
 * thread, the core extractors, pdf.js from its bundle) into a `CitationIndex`. Prints the build
 * time, documents per second, the main thread's event-loop delay during the build (what a hover in
 * the extension host would wait on), and a baseline from the same run: only inflating the same
 * archives' XML and searching it for references (the practical limit of reading them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { CitationIndex } from '../src/core/citationIndex';
import { ReferenceScanner } from '../src/core/referenceScanner';
import { OfficeReader } from '../src/node/officeReader';
import { prng } from '../test/support/prng';
import { runHostBench } from './hostBench';

const DOCX = 1_000;
const ODT = 200;
const PDF = 100;
/** Documents in flight at once, as `OfficeDocuments` keeps them. */
const IN_FLIGHT = 4;

const WORDS = 'le plan académique numérique accompagne les enseignants dans la formation continue des équipes et des élèves'.split(' ');

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  if (rand() < 0.35) {
    words.splice(Math.floor(rand() * n), 0, `EGN-${1 + Math.floor(rand() * 40)}`);
  }
  return `${words.join(' ')}.`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function docx(rand: () => number): Uint8Array {
  const paragraphs: string[] = [];
  for (let k = 0; k < 120; k++) {
    const text = escapeXml(sentence(rand));
    // Word's split runs: the text in two or three runs.
    const cut = Math.floor(text.length / 2);
    const style = k % 30 === 0 ? '<w:pPr><w:pStyle w:val="Titre1"/></w:pPr>' : '';
    paragraphs.push(`<w:p>${style}<w:r><w:t xml:space="preserve">${text.slice(0, cut)}</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">${text.slice(cut)}</w:t></w:r></w:p>`);
  }
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style></w:styles>`),
    'word/media/image1.png': [new Uint8Array(20_000).map(() => Math.floor(rand() * 256)), { level: 0 }],
  });
}

function odt(rand: () => number): Uint8Array {
  const paragraphs = Array.from({ length: 120 }, (_, k) => (k % 30 === 0 ? `<text:h text:outline-level="1">${escapeXml(sentence(rand))}</text:h>` : `<text:p>${escapeXml(sentence(rand))}</text:p>`));
  const O = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${O}><office:body><office:text>${paragraphs.join('')}</office:text></office:body></office:document-content>`),
    'META-INF/manifest.xml': strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
  });
}

/** A PDF of `pages` pages, each with its own content stream of 40 lines (Helvetica). */
function pdf(rand: () => number, pages: number): Uint8Array {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  for (let i = 0; i < pages; i++) {
    const lines = Array.from({ length: 40 }, (_, k) => `1 0 0 1 56 ${780 - k * 18} Tm (${sentence(rand).normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '')}) Tj`);
    const stream = `BT /F1 10 Tf ${lines.join(' ')} ET`;
    objects[4 + 2 * i] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`;
    objects[5 + 2 * i] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}


/** Reads `files` through the extension's office thread into an index; ms, documents and citations. */
async function build(files: readonly string[], scan: (t: string) => ReturnType<ReferenceScanner['scan']>): Promise<{ ms: number; indexed: number; citations: number; delayP99: number; delayMax: number }> {
  const reader = new OfficeReader(path.resolve(__dirname, '../src/node/officeWorker.js'));
  const index = new CitationIndex(scan);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let next = 0;
  let indexed = 0;
  const started = performance.now();
  delay.enable();
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < files.length) {
        const file = files[next++];
        const r = await reader.readFile(file, 10 * 1024 * 1024);
        if (r.ok) {
          index.set(file, r.extracted.text, r.extracted.layout);
          indexed++;
        }
      }
    }));
  } finally {
    delay.disable();
    reader.dispose();
  }
  const ms = performance.now() - started;
  const citations = [...index.countsByNumber().values()].reduce((a, b) => a + b, 0);
  return { ms, indexed, citations, delayP99: delay.percentile(99) / 1e6, delayMax: delay.max / 1e6 };
}

/** The baseline: inflate each archive's text part (no other entry) and search its XML; no PDF. */
function baseline(files: readonly string[]): { ms: number; matches: number } {
  const started = performance.now();
  let matches = 0;
  const utf8 = new TextDecoder();
  for (const file of files) {
    const part = file.endsWith('.docx') ? 'word/document.xml' : 'content.xml';
    const xml = utf8.decode(unzipSync(fs.readFileSync(file), { filter: (f) => f.name === part })[part]);
    matches += xml.match(/EGN-\d+/g)?.length ?? 0;
  }
  return { ms: performance.now() - started, matches };
}

export async function officeBench(scan: (t: string) => ReturnType<ReferenceScanner['scan']>): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-office-bench-'));
  try {
    const rand = prng(19);
    const files: Record<'docx' | 'odt' | 'pdf', string[]> = { docx: [], odt: [], pdf: [] };
    let bytes = 0;
    const write = (kind: 'docx' | 'odt' | 'pdf', k: number, data: Uint8Array): void => {
      const dir = path.join(root, `dossier-${k % 20}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `plan-${k}.${kind}`);
      fs.writeFileSync(file, data);
      files[kind].push(file);
      bytes += data.length;
    };
    for (let k = 0; k < DOCX; k++) {write('docx', k, docx(rand));}
    for (let k = 0; k < ODT; k++) {write('odt', k, odt(rand));}
    for (let k = 0; k < PDF; k++) {write('pdf', k, pdf(rand, 3 + (k % 4)));}
    console.log(`\nOffice corpus: ${DOCX} .docx, ${ODT} .odt, ${PDF} PDF (3 to 6 pages), ${(bytes / 1024 / 1024).toFixed(1)} MB under ${root}`);
    const archives = [...files.docx, ...files.odt];
    // Warm the page cache and the thread's code once, so that neither side pays it.
    baseline(archives.slice(0, 20));
    await build([...files.docx.slice(0, 5), ...files.pdf.slice(0, 2)], scan);
    const base = baseline(archives);
    const zipped = await build(archives, scan);
    const pdfs = await build(files.pdf, scan);
    const all = await build([...archives, ...files.pdf], scan);
    const row = (label: string, r: { ms: number; indexed: number; citations: number; delayP99: number; delayMax: number }): string =>
      `${label}: ${r.ms.toFixed(0)} ms for ${r.indexed} documents (${((r.indexed * 1000) / r.ms).toFixed(0)} documents/s), ${r.citations} citations; main thread's event-loop delay p99 ${r.delayP99.toFixed(1)} ms, max ${r.delayMax.toFixed(1)} ms`;
    console.log(`Baseline, .docx + .odt: inflate the text part and search its XML, in process: ${base.ms.toFixed(0)} ms for ${archives.length} archives (${((archives.length * 1000) / base.ms).toFixed(0)} /s), ${base.matches} EGN-n in the XML`);
    console.log(row('Office thread, .docx + .odt (extract, paragraphs, headings, index)', zipped));
    console.log(`Ratio .docx + .odt / baseline: ${(zipped.ms / base.ms).toFixed(2)}x`);
    console.log(row('Office thread, PDF (pdf.js getTextContent, lines, pages)', pdfs));
    console.log(row('Office thread, the whole corpus', all));
    if (process.env.EGN_BENCH_HOST !== '0') {
      // The same corpus in the real extension host: the build (egn.rebuildIndex) and hovers during it.
      await runHostBench(root, 'dense', `the Office corpus above (${DOCX} .docx, ${ODT} .odt, ${PDF} PDF; ripgrep's rows count no file: it cannot read them)`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
