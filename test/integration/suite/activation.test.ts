import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EgnApi } from '../../../src/extension';

describe('Activation', () => {
  it('activates in the real extension host and its version 1 API returns the 40 proposals in order', async () => {
    const ext = vscode.extensions.getExtension<EgnApi>('egn-tools.egn-numerique-education');
    assert.ok(ext, 'the extension under development is installed');
    const api = await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(api.version, 1);
    const proposals = api.proposals();
    assert.deepStrictEqual(proposals.map((p) => p.id), Array.from({ length: 40 }, (_, i) => `EGN-${i + 1}`));
    assert.deepStrictEqual(proposals[11], {
      id: 'EGN-12',
      number: 12,
      title: 'Développer la citoyenneté numérique et renforcer l’éducation aux médias et à l’information en s’appuyant sur le CLEMI',
      theme: 'Enseigner et apprendre le numérique et avec le numérique',
      subtheme: 'Apprendre',
    });
    // Proposals of a group without sub-themes have none.
    assert.strictEqual(proposals[14].subtheme, undefined);
    assert.strictEqual(proposals[39].theme, 'Propositions communes à plusieurs thématiques');
  });

  it('runs in a remote extension host, as a code-server user has it', () => {
    assert.ok(vscode.env.remoteName, 'the tests run in the served VS Code, whose extension host is remote');
  });
});
