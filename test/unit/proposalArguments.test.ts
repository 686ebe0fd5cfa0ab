import * as assert from 'assert';
import { proposalFromArgument, proposalsFromArguments } from '../../src/core/proposalArguments';
import { smallCatalogue } from './catalogueFixture';

describe('proposalFromArgument (the one resolver of command arguments)', () => {
  const catalogue = smallCatalogue();
  const p3 = catalogue.byNumber(3)!;

  it('reads an id, a number, a proposal, a tree node and a panel message alike', () => {
    for (const arg of ['EGN-3', ' EGN-3 ', 3, p3, { proposal: p3 }, { proposal: 'EGN-3' }, { proposal: 3 }, { id: 'EGN-3' }]) {
      assert.strictEqual(proposalFromArgument(catalogue, arg), p3, JSON.stringify(arg, (k, v: unknown) => (k === 'theme' || k === 'subtheme' ? undefined : v)));
    }
  });

  it('names no proposal for anything else', () => {
    for (const arg of [undefined, null, '', 'EGN-99', 99, 3.5, {}, { proposal: {} }, [3], true]) {
      assert.strictEqual(proposalFromArgument(catalogue, arg), undefined, String(arg));
    }
  });

  it('agrees with proposalsFromArguments for one argument', () => {
    assert.deepStrictEqual(proposalsFromArguments(catalogue, ['EGN-3']), { kind: 'proposals', proposals: [p3] });
    assert.deepStrictEqual(proposalsFromArguments(catalogue, ['EGN-99']), { kind: 'invalid', value: 'EGN-99' });
  });
});
