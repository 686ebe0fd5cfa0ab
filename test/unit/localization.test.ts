import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';

const repoRoot = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * The messages of every `vscode.l10n.t` call in src/, extracted by `@vscode/l10n-dev` (what `npm run
 * l10n:export` writes to bundle.l10n.json), so that the test reads the sources exactly as the tool does.
 */
async function l10nKeys(): Promise<Set<string>> {
  const files = sourceFiles(path.join(repoRoot, 'src')).map((f) => ({ contents: fs.readFileSync(f, 'utf8'), extension: '.ts' }));
  return new Set(Object.keys(await getL10nJson(files)));
}

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
}

describe('Localization', () => {
  let keys: Set<string>;
  before(async function () {
    // The extractor parses TypeScript with tree-sitter (WebAssembly): several seconds on a busy machine.
    this.timeout(120_000);
    keys = await l10nKeys();
  });

  it('finds the strings of the UI in the sources (the extraction itself works)', () => {
    assert.ok(keys.size > 50, `only ${keys.size} vscode.l10n.t messages found in src/: the extraction is broken`);
    assert.ok(keys.has('Show Output'), 'a message known to be in src/extension.ts is extracted');
  });

  it('translates every vscode.l10n.t string of src/ into French', () => {
    const fr = readJson('l10n/bundle.l10n.fr.json');
    const missing = [...keys].filter((k) => !(k in fr));
    assert.deepStrictEqual(missing, [], `missing in l10n/bundle.l10n.fr.json:\n${missing.join('\n')}`);
  });

  it('keeps no stale French translation of a message the sources no longer use', () => {
    const fr = readJson('l10n/bundle.l10n.fr.json');
    const stale = Object.keys(fr).filter((k) => !keys.has(k));
    assert.deepStrictEqual(stale, [], `in l10n/bundle.l10n.fr.json but in no vscode.l10n.t call:\n${stale.join('\n')}`);
  });

  it('keeps the placeholders {0}, {1}… of each message in its French translation', () => {
    const fr = readJson('l10n/bundle.l10n.fr.json');
    const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');
    const wrong = Object.entries(fr).filter(([en, f]) => placeholders(en) !== placeholders(f)).map(([en]) => en);
    assert.deepStrictEqual(wrong, []);
  });

  it('gives every %key% of package.json an English and a French text', () => {
    const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    const en = readJson('package.nls.json');
    const fr = readJson('package.nls.fr.json');
    assert.deepStrictEqual(keys.filter((k) => !(k in en)), [], 'missing in package.nls.json');
    assert.deepStrictEqual(keys.filter((k) => !(k in fr)), [], 'missing in package.nls.fr.json');
    assert.deepStrictEqual(Object.keys(fr).filter((k) => !(k in en)), [], 'French keys without English text');
  });
});
