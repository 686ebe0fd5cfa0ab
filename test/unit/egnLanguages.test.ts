import * as assert from 'assert';
import { DEFAULT_EGN_LANGUAGES, isEgnDocument, languagesFromSetting } from '../../src/core/egnLanguages';

describe('egn.languages', () => {
  it('reads a list of language ids, and falls back on the defaults for anything else', () => {
    assert.deepStrictEqual(languagesFromSetting(['markdown', 'latex']), ['markdown', 'latex']);
    for (const bad of [undefined, null, 'markdown', 42, ['markdown', 3], {}]) {
      assert.deepStrictEqual(languagesFromSetting(bad), DEFAULT_EGN_LANGUAGES, JSON.stringify(bad));
    }
  });

  it('applies to written documents of a listed language, whatever their scheme, and never to a diff or output view', () => {
    const langs = languagesFromSetting(undefined);
    for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-vfs']) {
      assert.strictEqual(isEgnDocument(langs, 'markdown', scheme), true, scheme);
    }
    for (const scheme of ['git', 'output', 'vscode-scm']) {
      assert.strictEqual(isEgnDocument(langs, 'markdown', scheme), false, scheme);
    }
    assert.strictEqual(isEgnDocument(langs, 'typescript', 'file'), false);
  });
});
