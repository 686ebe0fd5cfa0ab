import * as assert from 'assert';
import * as vscode from 'vscode';

describe('Activation', () => {
  it('activates in the real extension host and exposes the version 1 API', async () => {
    const ext = vscode.extensions.getExtension('egn-tools.egn-numerique-education');
    assert.ok(ext, 'the extension under development is installed');
    const api = await ext.activate();
    assert.strictEqual(api.version, 1);
  });
});
