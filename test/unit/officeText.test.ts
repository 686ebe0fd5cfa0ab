import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { docxText } from '../../src/core/office/docxText';
import { odtText } from '../../src/core/office/odtText';
import { DEFAULT_EXTRACTION_LIMITS, extractionNote } from '../../src/core/office/extractedText';
import { readOfficeDocument } from '../../src/core/office/readOfficeDocument';
import { pdfPagesText } from '../../src/core/office/pdfLayout';
import { readPdfText } from '../../src/pdf/pdfTextReader';

const fixtures = path.join(__dirname, '../../../test/fixtures/office');
const fixture = (name: string): Uint8Array => fs.readFileSync(path.join(fixtures, name));
const ids = (text: string): string[] => [...text.matchAll(/EGN-\d+/g)].map((m) => m[0]);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

/** Runs `f` and gives its result with the time it took and the heap it left grown. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await f();
  return { value, ms: Date.now() - started };
}

/** A zip whose one `name` entry inflates to `total` bytes of `unit` repeated, made chunk by chunk. */
function bomb(name: string, head: string, unit: string, total: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) {
      throw err;
    }
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 1 });
  zip.add(entry);
  entry.push(strToU8(head));
  const block = strToU8(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  for (let done = 0; done < total; done += block.length) {
    entry.push(block);
  }
  entry.push(new Uint8Array(0), true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A PDF of `pages` pages sharing one small content stream: a few KB, however many pages. */
function manyPagesPdf(pages: number): Uint8Array {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const stream = 'BT /F1 12 Tf 72 720 Td (Page citant EGN-7.) Tj ET';
  objects[4] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  for (let i = 0; i < pages; i++) {
    objects[i + 5] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) {
    out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

function randomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('Office documents: text extraction', () => {
  describe('.docx', () => {
    it('reads a pandoc .docx: headings from styles, table cells and the footnote as paragraphs', () => {
      const { text, layout } = docxText(fixture('plan.docx'));
      assert.deepStrictEqual(ids(text), ['EGN-7', 'EGN-12', 'EGN-21', 'EGN-30', 'EGN-3', 'EGN-40']);
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'Plan numérique')), 1);
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'Axe 1')), 2);
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'EGN-7')), undefined);
      assert.ok(text.split('\n').includes('EGN-21'), 'a table cell is a paragraph of its own');
      assert.ok(lineOf(text, 'EGN-40') > lineOf(text, 'EGN-3'), 'footnotes follow the body');
    });

    it('joins runs split by proof marks and bookmarks, keeps insertions, drops deletions, moved-away text and field instructions', () => {
      const { text } = docxText(fixture('word-edits.docx'));
      const lines = text.split('\n');
      assert.ok(lines.includes('Nous retenons EGN-22 pour les écoles.'), text);
      assert.ok(lines.includes('Le plan cite EGN-6.'), text);
      assert.ok(lines.includes('Voir EGN-8 et EGN-9.'), text);
      assert.ok(lines.includes('Colonne\tEGN-10 suite EGN-11'), text);
      assert.ok(lines.includes('Déplacé : EGN-14'), text);
      assert.deepStrictEqual(ids(text), ['EGN-22', 'EGN-6', 'EGN-8', 'EGN-9', 'EGN-10', 'EGN-11', 'EGN-14', 'EGN-15', 'EGN-16', 'EGN-17', 'EGN-18']);
    });

    it('knows headings by their style names, not their localized ids (Titre1, a style based on Titre2, an outline level)', () => {
      const { text, layout } = docxText(fixture('word-edits.docx'));
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'Plan de l’académie')), 1);
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'Axe 1')), 2);
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'Sous-partie')), 3);
      assert.strictEqual(layout.headingLines.get(lineOf(text, 'Colonne')), undefined, 'an id spelled Heading1 whose style is no heading');
      assert.strictEqual(layout.headingLines.size, 3);
    });

    it('reads footnotes and endnotes but not the separator notes', () => {
      const { text } = docxText(fixture('word-edits.docx'));
      const lines = text.split('\n');
      assert.deepStrictEqual(lines.slice(-2), ['La note cite EGN-17.', 'Fin : EGN-18.']);
    });
  });

  describe('.odt', () => {
    for (const name of ['plan.odt', 'plan-libreoffice.odt']) {
      it(`reads ${name} (${name.includes('libre') ? 'LibreOffice’s Save as ODF' : 'pandoc'}): headings, table cells, the note after its paragraph`, () => {
        const { text, layout } = odtText(fixture(name));
        assert.deepStrictEqual(ids(text).sort(), ['EGN-12', 'EGN-21', 'EGN-3', 'EGN-30', 'EGN-40', 'EGN-7']);
        assert.strictEqual(layout.headingLines.get(lineOf(text, 'Plan numérique')), 1);
        assert.strictEqual(layout.headingLines.get(lineOf(text, 'Axe 2')), 2);
        assert.ok(text.split('\n').includes('EGN-30'), text);
      });
    }

    it('leaves out tracked deletions, note marks and comments; reads spaces, tabs, line breaks and notes', () => {
      const { text, layout } = odtText(fixture('tracked.odt'));
      const lines = text.split('\n');
      assert.ok(lines.includes('Supprimé : ; ajouté : EGN-51.'), text);
      assert.ok(lines.includes('EGN-52   et\tEGN-53 EGN-54.'), text);
      assert.ok(lines.includes('Avec une note après EGN-56.'), text);
      assert.strictEqual(lines[lines.indexOf('Avec une note après EGN-56.') + 1], 'La note cite EGN-55.');
      assert.ok(lines.includes('Un commentaire ignoré.'), text);
      assert.deepStrictEqual(ids(text), ['EGN-51', 'EGN-52', 'EGN-53', 'EGN-54', 'EGN-56', 'EGN-55', 'EGN-57', 'EGN-58']);
      assert.deepStrictEqual([...layout.headingLines], [[0, 1], [1, 2]]);
    });
  });

  describe('.pdf', () => {
    it('reads a LibreOffice PDF: pages in order with a page line between them, lines joined into paragraphs', async () => {
      const extracted = await readPdfText(fixture('plan.pdf'), DEFAULT_EXTRACTION_LIMITS);
      const lines = extracted.text.split('\n');
      assert.deepStrictEqual(ids(extracted.text), ['EGN-7', 'EGN-12', 'EGN-21', 'EGN-30', 'EGN-3', 'EGN-40']);
      assert.ok(lines.includes('Le plan reprend la proposition EGN-7 et s’appuie sur EGN-12 pour la formation continue.'), extracted.text);
      const pageLine = lines.indexOf('— page 2 —');
      assert.ok(pageLine > lineOf(extracted.text, 'EGN-30') && pageLine < lineOf(extracted.text, 'EGN-3 '), extracted.text);
      assert.strictEqual(extracted.pages?.length, lines.length);
      assert.strictEqual(extracted.pages?.[lineOf(extracted.text, 'EGN-7')], 1);
      assert.strictEqual(extracted.pages?.[lineOf(extracted.text, 'EGN-40')], 2);
    });

    it('mends a word hyphenated at a line end, keeps a reference cut after its hyphen, spells out ligatures', () => {
      const item = (str: string, y: number, hasEOL = true) => ({ str, transform: [12, 0, 0, 12, 72, y], height: 12, hasEOL });
      const { text } = pdfPagesText([[item('La propo-', 700), item('sition EGN-', 686), item('12 est ﬁnancée.', 672), item('Autre paragraphe', 640), { str: '', transform: [12, 0, 0, 12, 72, 626], height: 0, hasEOL: true }, item('Suite', 626)]]);
      assert.deepStrictEqual(text.split('\n'), ['La proposition EGN-12 est financée.', 'Autre paragraphe Suite']);
    });
  });

  describe('hostile files are skipped with one line naming the file and the reason, in bounded time', () => {
    const skipped = async (name: string, bytes: Uint8Array): Promise<{ note: string; ms: number }> => {
      const { value, ms } = await measured(() => readOfficeDocument(name, bytes, { pdf: readPdfText }));
      assert.strictEqual(value.ok, false, `${name} should be skipped`);
      const note = extractionNote(name, value)!;
      assert.ok(!note.includes('\n'), note);
      return { note, ms };
    };

    it('a zip bomb (a 400 MB document.xml in about 1 MB) stops at the inflate cap', async function () {
      this.timeout(60_000);
      const bytes = bomb('word/document.xml', `<w:document ${'xmlns:w="x"'}><w:body>`, '<w:p><w:r><w:t>EGN-1 </w:t></w:r></w:p>', 400 * 1024 * 1024);
      assert.ok(bytes.length < 4 * 1024 * 1024, `the bomb is ${bytes.length} bytes`);
      const { note, ms } = await skipped('bomb.docx', bytes);
      assert.match(note, /^bomb\.docx: skipped, word\/document\.xml inflates past 16 MB/);
      console.log(`      zip bomb of ${Math.round(bytes.length / 1024)} KB skipped in ${ms} ms`);
    });

    it('a DOCTYPE with entity expansion is refused before any entity is expanded', async () => {
      const lol = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>';
      const { note } = await skipped('lol.docx', zipSync({ 'word/document.xml': strToU8(lol) }));
      assert.strictEqual(note, 'lol.docx: skipped, word/document.xml holds a DOCTYPE (refused: entity expansion).');
      const odt = zipSync({ 'content.xml': strToU8(lol.replace(/w:document/g, 'office:document-content')) });
      assert.match((await skipped('lol.odt', odt)).note, /content\.xml holds a DOCTYPE/);
    });

    it('a truncated archive', async () => {
      const whole = fixture('plan.docx');
      const { note } = await skipped('cut.docx', whole.subarray(0, Math.floor(whole.length / 3)));
      assert.match(note, /^cut\.docx: skipped, a (truncated|damaged) zip archive/);
    });

    it('a .docx or .odt that is not a zip at all', async () => {
      assert.strictEqual((await skipped('texte.docx', strToU8('EGN-7 en texte brut'))).note, 'texte.docx: skipped, not a zip archive.');
      assert.strictEqual((await skipped('texte.odt', randomBytes(5000))).note, 'texte.odt: skipped, not a zip archive.');
    });

    it('a password-protected .docx (an OLE compound file)', async () => {
      const ole = randomBytes(4096);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      assert.match((await skipped('secret.docx', ole)).note, /^secret\.docx: skipped, an OLE compound file, not a zip: a password-protected \(encrypted\)/);
    });

    it('an encrypted .odt (manifest:encryption-data)', async () => {
      const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>';
      const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': [randomBytes(2000), { level: 0 }], 'META-INF/manifest.xml': strToU8(manifest) });
      assert.strictEqual((await skipped('secret.odt', odt)).note, 'secret.odt: skipped, an encrypted (password-protected) document.');
    });

    it('random bytes named .pdf, and random bytes behind a %PDF- header', async () => {
      assert.strictEqual((await skipped('hasard.pdf', randomBytes(20_000))).note, 'hasard.pdf: skipped, not a PDF (no %PDF- header).');
      const fake = randomBytes(20_000, 7);
      fake.set(strToU8('%PDF-1.7\n'));
      const { note, ms } = await skipped('faux.pdf', fake);
      assert.match(note, /^faux\.pdf: skipped, cannot be read \(/);
      assert.ok(ms < 5000, `${ms} ms`);
    });

    it('a PDF of 5,000 pages stops at the page cap and keeps what it read', async function () {
      this.timeout(60_000);
      const bytes = manyPagesPdf(5000);
      const { value, ms } = await measured(() => readOfficeDocument('long.pdf', bytes, { pdf: readPdfText }));
      assert.ok(value.ok);
      assert.strictEqual(extractionNote('long.pdf', value), 'long.pdf: only the first 500 of 5,000 pages are indexed.');
      assert.strictEqual(ids(value.extracted.text).length, 500);
      console.log(`      5,000-page PDF of ${Math.round(bytes.length / 1024)} KB: 500 pages read in ${ms} ms`);
    });

    it('a document whose text passes the text cap keeps the start and says so', () => {
      const paragraph = '<w:p><w:r><w:t>EGN-1 une phrase assez longue pour remplir le texte.</w:t></w:r></w:p>';
      const xml = `<w:document xmlns:w="x"><w:body>${paragraph.repeat(2000)}</w:body></w:document>`;
      const extracted = docxText(zipSync({ 'word/document.xml': strToU8(xml) }), { ...DEFAULT_EXTRACTION_LIMITS, maxTextLength: 10_000 });
      assert.ok(extracted.text.length <= 10_000 && extracted.text.length > 9_000, `${extracted.text.length}`);
      assert.match(extracted.truncated ?? '', /passes 10,000 characters/);
    });
  });
});
