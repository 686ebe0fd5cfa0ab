import * as assert from 'assert';
import { catalogueProposalFromArgument, proposalFromArgument, proposalsFromArguments } from '../../src/core/proposalArguments';
import { BUNDLED_SOURCE, CatalogueSet } from '../../src/core/catalogueSet';
import { fixtureCatalogue, smallCatalogue } from './catalogueFixture';

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

/** The EGN catalogue and a workspace FRA catalogue of three actions, in use together, and a tree node maker. */
function egnAndFra() {
  const egn = smallCatalogue();
  const fra = fixtureCatalogue([{ id: 'axe', kind: 'theme', title: 'Axe', subthemes: [{ id: undefined, title: 'Axe', proposals: [[1, 'Former'], [2, 'Équiper'], [3, 'Animer']] }] }], 'FRA');
  const set = CatalogueSet.of([{ catalogue: egn, source: BUNDLED_SOURCE }, { catalogue: fra, source: 'file:///w/fra.catalogue.yaml' }]);
  const node = (p: unknown) => ({ kind: 'proposal', id: 'proposal:x', proposal: p });
  return { egn, fra, set, fra3: fra.byNumber(3)!, egn3: egn.byNumber(3)!, node };
}

describe('proposalFromArgument over the catalogues in use (tree rows of every catalogue)', () => {
  const { egn, set, fra3, egn3, node } = egnAndFra();

  it('resolves a workspace catalogue’s tree node to its own proposal, never to the EGN proposal of the same number', () => {
    for (const arg of [node(fra3), node({ id: 'FRA-3', number: 3 }), fra3, 'FRA-3', 'fra-3', { proposal: 'FRA-3' }]) {
      assert.strictEqual(proposalFromArgument(set, arg), fra3, JSON.stringify(arg, (k, v: unknown) => (k === 'theme' || k === 'subtheme' ? undefined : v)));
    }
  });

  it('keeps the EGN meaning of ids, bare numbers and number-only nodes', () => {
    for (const arg of ['EGN-3', 3, node(egn3), node({ number: 3 }), { proposal: 3 }]) {
      assert.strictEqual(proposalFromArgument(set, arg), egn3, JSON.stringify(arg, (k, v: unknown) => (k === 'theme' || k === 'subtheme' ? undefined : v)));
    }
  });

  it('given the EGN catalogue alone, names nothing for an FRA proposal (it used to read it as EGN-3)', () => {
    assert.strictEqual(proposalFromArgument(egn, node(fra3)), undefined);
    assert.strictEqual(proposalsFromArguments(egn, [node(fra3)]).kind, 'invalid');
  });

  it('reads a tree context menu’s clicked node and selection of several catalogues', () => {
    assert.deepStrictEqual(proposalsFromArguments(set, [node(fra3), [node(egn3), { kind: 'theme', id: 'theme:axe' }, node(fra3)]]), { kind: 'proposals', proposals: [egn3, fra3] });
    assert.deepStrictEqual(proposalsFromArguments(set, [node(fra3), [node(fra3)]]), { kind: 'proposals', proposals: [fra3] });
    assert.deepStrictEqual(proposalsFromArguments(set, ['FRA-9']), { kind: 'invalid', value: 'FRA-9' });
  });
});

describe('catalogueProposalFromArgument (a proposal with the catalogue it is of: find citations, panels)', () => {
  const { fra, set, fra3, egn3, node } = egnAndFra();
  const sourceOf = (arg: unknown) => {
    const found = catalogueProposalFromArgument(set, arg);
    return found && { source: found.catalogue.source, prefix: found.catalogue.catalogue.prefix, id: found.proposal.id };
  };

  it('gives a workspace proposal its own catalogue, whatever the argument’s shape', () => {
    for (const arg of ['FRA-3', ' fra-3 ', fra3, node(fra3), node('FRA-3'), { proposal: { id: 'FRA-3', number: 3 } }]) {
      assert.deepStrictEqual(sourceOf(arg), { source: 'file:///w/fra.catalogue.yaml', prefix: 'FRA', id: 'FRA-3' }, JSON.stringify(arg, (k, v: unknown) => (k === 'theme' || k === 'subtheme' ? undefined : v)));
      assert.strictEqual(catalogueProposalFromArgument(set, arg)?.proposal, fra3);
    }
  });

  it('gives EGN ids, bare numbers and number-only nodes the bundled catalogue', () => {
    for (const arg of ['EGN-3', 3, egn3, node(egn3), node({ number: 3 }), { proposal: 3 }]) {
      assert.deepStrictEqual(sourceOf(arg), { source: BUNDLED_SOURCE, prefix: 'EGN', id: 'EGN-3' }, JSON.stringify(arg, (k, v: unknown) => (k === 'theme' || k === 'subtheme' ? undefined : v)));
      assert.strictEqual(catalogueProposalFromArgument(set, arg)?.proposal, egn3);
    }
  });

  it('never reads a stale workspace node by its number (FRA-9 is not EGN-9), and names nothing for other values', () => {
    for (const arg of [node({ id: 'FRA-9', number: 3 }), 'FRA-9', 'EGN-99', 99, 3.5, '', {}, [3], null, undefined]) {
      assert.strictEqual(catalogueProposalFromArgument(set, arg), undefined, String(JSON.stringify(arg)));
    }
  });

  it('reads numbers as nothing when the bundled catalogue did not load', () => {
    const fraOnly = CatalogueSet.of([{ catalogue: fra, source: 'file:///w/fra.catalogue.yaml' }]);
    assert.strictEqual(catalogueProposalFromArgument(fraOnly, 3), undefined);
    assert.strictEqual(catalogueProposalFromArgument(fraOnly, 'FRA-3')?.proposal, fra3);
  });

  it('agrees with proposalFromArgument on every argument', () => {
    for (const arg of ['FRA-3', 'EGN-3', 3, node(fra3), node(egn3), node({ number: 3 }), 'FRA-9', {}]) {
      assert.strictEqual(catalogueProposalFromArgument(set, arg)?.proposal, proposalFromArgument(set, arg));
    }
  });
});
