import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { proposalNumberPath, proposalPosition } from '../../src/core/proposalLocation';
import { ReferenceScanner } from '../../src/core/referenceScanner';

const DEMO = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/workspace/academie-exemple.catalogue.yaml'), 'utf8');

describe('proposalLocation: where a proposal is written in its catalogue file', () => {
  const result = loadCatalogue(DEMO);
  assert.ok(result.ok);
  const catalogue = result.catalogue;
  const lines = DEMO.split('\n');

  it('places every demo proposal on the line of its own `number:` key', () => {
    for (const p of catalogue.proposals) {
      const { line, character } = proposalPosition(DEMO, catalogue, p);
      assert.strictEqual(lines[line].slice(character), `number: ${p.number}`, p.id);
    }
  });

  it('gives the path through the sub-theme for a proposal of a group with sub-themes', () => {
    const p = catalogue.proposals.find((q) => q.subtheme !== undefined);
    assert.ok(p, 'the demo has a group with sub-themes');
    const path = proposalNumberPath(catalogue, p);
    assert.strictEqual(path?.[2], 'subthemes');
  });

  it('falls back to the start of the file when the text no longer has the proposal', () => {
    const p = catalogue.proposals[catalogue.proposals.length - 1];
    assert.deepStrictEqual(proposalPosition('id: x\n', catalogue, p), { line: 0, character: 0 });
  });
});

describe('Reference digits: a reference shows as written', () => {
  const scanner = new ReferenceScanner('EGN', (n) => n >= 1 && n <= 40);

  it('keeps 400 digits as typed instead of EGN-Infinity, and 22 digits instead of EGN-1e+22', () => {
    const long = `1${'0'.repeat(399)}`;
    const [ref] = scanner.scan(`Voir EGN-${long}.`);
    assert.strictEqual(ref.number, Infinity);
    assert.strictEqual(ref.digits, long);
    assert.strictEqual(scanner.writtenId(ref), `EGN-${long}`);
    const [big] = scanner.scan(`EGN-1${'0'.repeat(22)}`);
    assert.strictEqual(scanner.writtenId(big), `EGN-1${'0'.repeat(22)}`);
  });

  it('writes the digits of list continuations and drops leading zeros as the canonical form does', () => {
    const refs = scanner.scan('EGN n° 007, 041 et 99999999999999999999');
    assert.deepStrictEqual(refs.map((r) => r.digits), ['007', '041', '99999999999999999999']);
    assert.deepStrictEqual(refs.map((r) => scanner.writtenId(r)), ['EGN-7', 'EGN-41', 'EGN-99999999999999999999']);
    assert.strictEqual(scanner.writtenId(scanner.scan('EGN-0')[0]), 'EGN-0');
  });
});
