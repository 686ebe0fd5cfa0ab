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

  it('registers every command its package.json contributes, so that no menu entry or palette item is dead', async () => {
    const ext = vscode.extensions.getExtension<EgnApi>('egn-tools.egn-numerique-education')!;
    await ext.activate();
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 10, `the manifest contributes commands: ${contributed.join(', ')}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
  });
});
