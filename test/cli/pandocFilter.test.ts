import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { docxText } from '../../src/core/office/docxText';
import { packCli, run, type PackedCli } from './packedCli';

const NBSP = '\u00a0';

/**
 * Debian's pandoc turns the demo workspace's plan into a .docx through the installed `egn-pandoc`
 * (found on the PATH, as `--filter egn-pandoc` finds it after `npm install -g`), and the .docx is read
 * back with the extension's own reader (what the index and egn-cite read of a Word document).
 */
describe('pandoc --filter egn-pandoc: the demo plan as a Word deliverable', () => {
  let packed: PackedCli;
  let bin: string;
  let dir: string;

  before(function () {
    this.timeout(300_000);
    const version = run('pandoc', ['--version'], process.cwd());
    assert.strictEqual(version.status, 0, 'pandoc is not installed: apt-get install pandoc (.ci/run does)');
    packed = packCli();
    bin = packed.install();
    dir = packed.workspace('pandoc');
  });
  after(() => { packed?.dispose(); });

  /** Makes `<name>.docx` from `source` with the filter (and pandoc's `args`), and returns its text. */
  function deliverable(source: string, name: string, args: string[] = []): string {
    const made = run('pandoc', [source, '--filter', 'egn-pandoc', ...args, '-o', `${name}.docx`], dir, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    assert.strictEqual(made.status, 0, made.stderr);
    return docxText(fs.readFileSync(path.join(dir, `${name}.docx`))).text;
  }

  it('writes the plan\'s references as French prose, with no-break spaces, and leaves unknown references and code as written', () => {
    const text = deliverable('plan-numerique-academique.md', 'plan');
    for (const expected of [
      `conformément à la proposition n°${NBSP}1.`,
      `(proposition n°${NBSP}2)`,
      `Certification des compétences numériques : propositions nos${NBSP}7 et 13, avec PIX.`,
      `voir proposition n°${NBSP}12.`,
      `reprennent les propositions nos${NBSP}9, 10 et 11.`,
      `répond aux propositions nos${NBSP}15 à 18.`,
      '(EGN-23)',
      'La référence EGN-41 citée',
    ]) {
      assert.ok(text.includes(expected), `«${expected}» not in:\n${text}`);
    }
    assert.doesNotMatch(text, /EGN-(1|2|4|6|7|9|12|13|15|18|21)\b/, 'every known reference outside code is rewritten');
    assert.doesNotMatch(text, /Propositions citées/, 'no annex unless asked');
  });

  it('appends « Propositions citées » (number, title, theme) with egn-annexe: true, and puts titles in footnotes with egn-titles: footnote', () => {
    const text = deliverable('plan-numerique-academique.md', 'plan-annexe', ['-M', 'egn-annexe=true', '-M', 'egn-titles=footnote']);
    const annex = text.slice(text.indexOf('Propositions citées'));
    assert.ok(text.includes('Propositions citées'), text);
    assert.match(annex, /12\s+Développer la citoyenneté numérique et renforcer l’éducation aux médias et à l’information en s’appuyant sur le CLEMI\s+Enseigner et apprendre le numérique/);
    assert.match(annex, /21\s+Accompagner et former les familles/);
    assert.doesNotMatch(annex, /\b41\b/, 'an unknown number is not a cited proposal');
    assert.ok(text.includes(`Proposition n°${NBSP}12${NBSP}: «${NBSP}Développer la citoyenneté numérique`), `the footnote of EGN-12:\n${text}`);
  });

  it('writes idAndTitle when the metadata asks, and the annex where the document\'s egn-annexe div is', () => {
    fs.writeFileSync(path.join(dir, 'note.md'), [
      '---', 'title: Note de cadrage', 'egn-format: idAndTitle', '---', '',
      'Le projet répond à EGN n° 12 et à FRA-2.', '', '::: egn-annexe', ':::', '', 'Fin de la note.', '',
    ].join('\n'));
    const text = deliverable('note.md', 'note');
    assert.ok(text.includes('EGN-12 (Développer la citoyenneté numérique'), text);
    assert.ok(text.includes('FRA-2 (Ouvrir un parcours de formation hybride pour les directeurs d’école)'), 'the workspace catalogue of the folder is read');
    assert.ok(text.indexOf('Propositions citées') < text.indexOf('Fin de la note.'), text);
  });
});
