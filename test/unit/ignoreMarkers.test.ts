import * as assert from 'assert';
import { readIgnoreMarkers, withoutIgnored } from '../../src/core/ignoreMarkers';
import { ReferenceScanner } from '../../src/core/referenceScanner';

const scanner = new ReferenceScanner('EGN', (n) => n >= 1 && n <= 40);

function keptNumbers(text: string): number[] {
  return withoutIgnored(readIgnoreMarkers(text), scanner.scan(text)).map((r) => r.number);
}

describe('ignore markers', () => {
  it('leave every reference of a document without markers', () => {
    assert.deepStrictEqual(keptNumbers('EGN-1 puis EGN-2\nEGN-3'), [1, 2, 3]);
  });

  for (const [format, line] of [
    ['Markdown', '<!-- egn-ignore-file -->'],
    ['LaTeX', '% egn-ignore-file'],
    ['reStructuredText', '.. egn-ignore-file'],
    ['AsciiDoc', '// egn-ignore-file'],
    ['plain text', 'egn-ignore-file'],
  ]) {
    it(`drop every reference of a document marked ${format}-style in its first lines`, () => {
      assert.deepStrictEqual(keptNumbers(`# Titre\n${line}\nEGN-12 et EGN-41\n`), []);
    });
  }

  it('ignore a file marker that comes after the first ten lines', () => {
    const text = `${'ligne\n'.repeat(10)}<!-- egn-ignore-file -->\nEGN-12\n`;
    assert.strictEqual(readIgnoreMarkers(text).ignoreFile, false);
    assert.deepStrictEqual(keptNumbers(text), [12]);
  });

  it('drop the references of the line after egn-ignore-next-line only', () => {
    const text = 'EGN-1\n<!-- egn-ignore-next-line -->\nEGN-41 et EGN-2\nEGN-3\n';
    assert.deepStrictEqual(keptNumbers(text), [1, 3]);
  });

  it('drop a list or range that starts on an ignored line, continuations included', () => {
    assert.deepStrictEqual(keptNumbers('% egn-ignore-next-line\nEGN-7, 8 et 9 ; EGN-3 à 5\nEGN-10'), [10]);
  });

  it('read markers across CRLF line breaks and on the last line without a newline', () => {
    assert.deepStrictEqual(keptNumbers('EGN-1\r\negn-ignore-next-line\r\nEGN-2\r\nEGN-3'), [1, 3]);
    assert.deepStrictEqual(keptNumbers('EGN-1\negn-ignore-next-line\nEGN-2'), [1]);
  });

  it('read markers ignoring case, as the reference prefix', () => {
    assert.deepStrictEqual(keptNumbers('EGN-IGNORE-FILE\nEGN-5'), []);
  });

  it('do not take a longer word for a marker', () => {
    assert.deepStrictEqual(keptNumbers('egn-ignore-files\nEGN-5\nxegn-ignore-next-line\nEGN-6'), [5, 6]);
    assert.deepStrictEqual(keptNumbers('egn-ignore-next-line2\nEGN-6'), [6]);
  });

  it('let a marker on the last line ignore nothing', () => {
    assert.deepStrictEqual(keptNumbers('EGN-4\negn-ignore-next-line'), [4]);
  });

  it('chain: a marker on an ignored line ignores the next one too', () => {
    assert.deepStrictEqual(keptNumbers('egn-ignore-next-line\negn-ignore-next-line EGN-1\nEGN-2\nEGN-3'), [3]);
  });
});
