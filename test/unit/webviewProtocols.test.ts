import * as assert from 'assert';
import { parseCoverageMessage } from '../../src/coverage/coverageProtocol';
import { parseOverviewMessage, parseProposalMessage, parseProposalPanelState } from '../../src/panels/panelProtocol';

// Everything a webview posts is untrusted: the parsers are the only way in, and they are pure.
describe('Webview message protocols', () => {
  it('the proposal panel accepts its own messages and ignores anything outside its protocol', () => {
    assert.deepStrictEqual(parseProposalMessage({ type: 'openProposal', number: 12 }), { type: 'openProposal', number: 12 });
    assert.deepStrictEqual(parseProposalMessage({ type: 'insert', extra: 1 }), { type: 'insert' }, 'extra fields are dropped');
    for (const bad of [null, 'insert', 42, [], {}, { type: 'runCommand', command: 'x' }, { type: 'openProposal', number: '12' }, { type: 'openProposal', number: -1 }, { type: 'openCitation', index: 1.5 }]) {
      assert.strictEqual(parseProposalMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('the overview needs a theme id to reveal a theme', () => {
    assert.strictEqual(parseOverviewMessage({ type: 'revealTheme' }), undefined);
    assert.deepStrictEqual(parseOverviewMessage({ type: 'revealTheme', themeId: 'egal-acces' }), { type: 'revealTheme', themeId: 'egal-acces' });
  });

  it('a restored proposal panel needs a string id in its state', () => {
    assert.strictEqual(parseProposalPanelState({ id: 42 }), undefined);
    assert.deepStrictEqual(parseProposalPanelState({ id: 'EGN-3' }), { id: 'EGN-3' });
  });

  it('the coverage report designates documents by index only, never by URI, and knows two export formats', () => {
    assert.deepStrictEqual(parseCoverageMessage({ type: 'openDocument', index: 0 }), { type: 'openDocument', index: 0 });
    for (const bad of [{ type: 'openDocument', index: -1 }, { type: 'openDocument', index: 'file:///etc/passwd' }, { type: 'openDocument', uri: 'file:///x' }, { type: 'export', format: 'html' }, { type: 'run' }, 'openDocument', null]) {
      assert.strictEqual(parseCoverageMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
