import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { zipSync, strToU8 } from 'fflate';
import { docxText } from '../../src/core/office/docxText';
import { cleanup, repoRoot, runCli, tempWorkspace } from './cliSupport';

const fixtures = path.join(repoRoot, 'test/fixtures/office');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(fixtures, name));

interface JsonCitation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reference: string;
  readonly page?: number;
}

function citationsByFile(root: string): Map<string, JsonCitation[]> {
  const run = runCli(['check', '--format', 'json', '.'], root);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const byFile = new Map<string, JsonCitation[]>();
  for (const c of (JSON.parse(run.stdout) as { citations: JsonCitation[] }).citations) {
    byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  }
  return byFile;
}

/** What word-edits.docx reads as once Word's edits are resolved, typed by hand. */
const WORD_EDITS_TYPED = [
  'Plan de l’académie de Lyon',
  'Axe 1 : les écoles',
  'Nous retenons EGN-22 pour les écoles.',
  'Le plan cite EGN-6.',
  'Voir EGN-8 et EGN-9.',
  'Colonne\tEGN-10 suite EGN-11',
  'Déplacé : EGN-14',
  'Cellule EGN-15',
  'Cellule EGN-16',
  'Sous-partie',
  'Note ici.',
  'La note cite EGN-17.',
  'Fin : EGN-18.',
].join('\n');

describe('egn-cite on Word, LibreOffice and PDF documents', function () {
  this.timeout(60_000);

  it('reads prose citations in Word and LibreOffice documents as in the same text typed in .md, their context given by heading styles; a PDF, without headings, keeps its titles', () => {
    const root = tempWorkspace({
      'prose-plan.md': fixture('prose-plan.md'),
      'prose-plan.docx': fixture('prose-plan.docx'),
      'prose-plan.odt': fixture('prose-plan.odt'),
      'prose-plan.pdf': fixture('prose-plan.pdf'),
    });
    try {
      const run = runCli(['check', '--format', 'json', '.'], root);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const all = (JSON.parse(run.stdout) as { citations: (JsonCitation & { number: number; form: string })[] }).citations;
      const read = (file: string): string[] => all.filter((c) => c.file === file).map((c) => `${c.number}:${c.form}`);
      // « la première proposition » under a heading naming the EGN, « la proposition n° 21 et les
      // propositions 6, 7 et 8 » two headings below it, a quoted title; never « la proposition de loi n° 30 ».
      const typed = ['1:prose', '21:prose', '6:prose', '7:prose', '8:prose', '38:title'];
      assert.deepStrictEqual(read('prose-plan.md'), typed);
      assert.deepStrictEqual(read('prose-plan.docx'), typed);
      assert.deepStrictEqual(read('prose-plan.odt'), typed);
      assert.deepStrictEqual(read('prose-plan.pdf'), ['38:title']);
    } finally {
      cleanup(root);
    }
  });

  it('finds in each document the citations of the same text typed in a .md file, in order', () => {
    const root = tempWorkspace({
      'plan.md': fixture('plan.md'),
      'plan.docx': fixture('plan.docx'),
      'plan.odt': fixture('plan.odt'),
      'lo/plan.odt': fixture('plan-libreoffice.odt'),
      'plan.pdf': fixture('plan.pdf'),
      'word-edits.docx': fixture('word-edits.docx'),
      'word-edits.md': WORD_EDITS_TYPED,
    });
    try {
      const byFile = citationsByFile(root);
      const refs = (file: string): string[] => (byFile.get(file) ?? []).map((c) => c.reference);
      assert.deepStrictEqual(refs('plan.md'), ['EGN-7', 'EGN-12', 'EGN-21', 'EGN-30', 'EGN-3', 'EGN-40']);
      for (const file of ['plan.docx', 'plan.odt', 'lo/plan.odt', 'plan.pdf']) {
        assert.deepStrictEqual(refs(file), refs('plan.md'), file);
      }
      assert.deepStrictEqual(refs('word-edits.docx'), refs('word-edits.md'));
      // The typed text is the extracted text: the same positions, line and column.
      assert.deepStrictEqual(byFile.get('word-edits.docx')!.map((c) => [c.line, c.column]), byFile.get('word-edits.md')!.map((c) => [c.line, c.column]));
    } finally {
      cleanup(root);
    }
  });

  it('places a citation at its paragraph’s line in the extracted text, and gives a PDF citation its page', () => {
    const root = tempWorkspace({ 'plan.docx': fixture('plan.docx'), 'plan.pdf': fixture('plan.pdf') });
    try {
      const byFile = citationsByFile(root);
      const lines = docxText(fixture('plan.docx')).text.split('\n');
      for (const c of byFile.get('plan.docx')!) {
        assert.strictEqual(lines[c.line - 1].slice(c.column - 1, c.column - 1 + c.reference.length), c.reference);
        assert.strictEqual(c.page, undefined);
      }
      assert.deepStrictEqual(byFile.get('plan.pdf')!.map((c) => [c.reference, c.page]), [['EGN-7', 1], ['EGN-12', 1], ['EGN-21', 1], ['EGN-30', 1], ['EGN-3', 2], ['EGN-40', 2]]);
    } finally {
      cleanup(root);
    }
  });

  it('skips each hostile document with one stderr line naming it, and still reads every other file', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const lol = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>';
    const root = tempWorkspace({
      'notes.md': 'Voir EGN-5.',
      'plan.docx': fixture('plan.docx'),
      'secret.docx': ole,
      'lol.docx': zipSync({ 'word/document.xml': strToU8(lol) }),
      'cut.odt': fixture('plan.odt').subarray(0, 3000),
      'texte.odt': 'pas un zip',
      'hasard.pdf': new Uint8Array(4096).map((_, i) => (i * 7919) % 251),
    });
    try {
      const run = runCli(['coverage', '--format', 'json', '.'], root);
      assert.strictEqual(run.status, 0, run.stderr);
      const lines = run.stderr.trim().split('\n').sort();
      assert.deepStrictEqual(lines.map((l) => l.slice(0, l.indexOf(':'))), ['cut.odt', 'hasard.pdf', 'lol.docx', 'secret.docx', 'texte.odt']);
      assert.ok(lines.every((l) => / skipped, /.test(l)), run.stderr);
      const cited = (JSON.parse(run.stdout) as { catalogues: { cited: number }[] }).catalogues[0].cited;
      // notes.md's EGN-5 and plan.docx's six proposals.
      assert.strictEqual(cited, 7);
    } finally {
      cleanup(root);
    }
  });

  it('applies egn.index.maxFileSize to the document’s file, with a line saying so', () => {
    const root = tempWorkspace({ '.vscode/settings.json': JSON.stringify({ 'egn.index.maxFileSize': 5000 }), 'plan.docx': fixture('plan.docx'), 'note.md': 'Voir EGN-5.' });
    try {
      const run = runCli(['check', '--format', 'json', '.'], root);
      assert.strictEqual(run.stderr, 'plan.docx: skipped, larger than egn.index.maxFileSize (5,000 bytes).\n');
      assert.deepStrictEqual((JSON.parse(run.stdout) as { citations: JsonCitation[] }).citations.map((c) => c.file), ['note.md']);
    } finally {
      cleanup(root);
    }
  });
});
