import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The string literals passed to `vscode.l10n.t` / `l10n.t` in src/ (the message form). */
function l10nKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const call = /\bl10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;
  for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) {
      const literal = m[1];
      // Evaluate the literal's escapes the way the compiler does (only plain literals are matched).
      const value = literal.startsWith('`') ? literal.slice(1, -1) : (JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal) as string);
      keys.set(value, path.relative(repoRoot, file));
    }
  }
  return keys;
}

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
}

describe('Localization', () => {
  it('finds the strings of the UI in the sources (the scan itself works)', () => {
    assert.ok(l10nKeys().size > 0, 'no vscode.l10n.t call found in src/: the scan is broken');
  });

  it('translates every vscode.l10n.t string of src/ into French', () => {
    const fr = readJson('l10n/bundle.l10n.fr.json');
    const missing = [...l10nKeys()].filter(([k]) => !(k in fr)).map(([k, f]) => `${f}: ${k}`);
    assert.deepStrictEqual(missing, [], `missing in l10n/bundle.l10n.fr.json:\n${missing.join('\n')}`);
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
