import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, repoRoot, runCli, tempWorkspace } from './cliSupport';

/** The prose fixture (a strategy, a letter, a deliberation), in a temporary folder. */
function proseWorkspace(extra: Readonly<Record<string, string>> = {}): string {
  const dir = path.join(repoRoot, 'test/fixtures/prose');
  const files: Record<string, string> = { ...extra };
  for (const name of fs.readdirSync(dir)) {
    files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return tempWorkspace(files);
}

describe('egn-cite reads prose citations (issue 18)', function () {
  this.timeout(30_000);

  it('check --format json gives each citation\'s form: id, prose or title', () => {
    const root = proseWorkspace();
    try {
      const r = runCli(['check', root, '--format', 'json']);
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { citations: { file: string; line: number; reference: string; form: string; implied: boolean }[] };
      const rows = out.citations.map((c) => `${c.file.replace(/^.*[\\/]/, '')}:${c.line} ${c.reference} ${c.form}${c.implied ? ' implied' : ''}`);
      assert.deepStrictEqual(rows, [
        'deliberation.tex:5 EGN-21 prose', 'deliberation.tex:5 EGN-15 prose', 'deliberation.tex:5 EGN-17 prose', 'deliberation.tex:5 EGN-16 prose implied',
        'deliberation.tex:11 EGN-12 title',
        'lettre.txt:5 EGN-15 prose', 'lettre.txt:5 EGN-12 prose',
        'strategie.md:7 EGN-1 prose', 'strategie.md:10 EGN-2 prose', 'strategie.md:10 EGN-6 prose', 'strategie.md:10 EGN-7 prose', 'strategie.md:10 EGN-8 prose',
        'strategie.md:14 EGN-38 prose', 'strategie.md:14 EGN-38 title', 'strategie.md:16 EGN-12 id',
      ]);
    } finally {
      cleanup(root);
    }
  });

  it('follows the folder\'s egn.prose.enabled and egn.prose.names, as the editor does', () => {
    const forms = (files: Record<string, string>): string[] => {
      const root = tempWorkspace(files);
      try {
        const r = runCli(['check', root, '--format', 'json']);
        assert.strictEqual(r.status, 0, r.stderr);
        return (JSON.parse(r.stdout) as { citations: { reference: string; form: string }[] }).citations.map((c) => `${c.reference} ${c.form}`);
      } finally {
        cleanup(root);
      }
    };
    const note = { 'note.md': 'Aux EGN, la proposition 12 est retenue.\n\nUn paragraphe sans rapport.\n\nLes EGNé retiennent la proposition 7.\n' };
    assert.deepStrictEqual(forms(note), ['EGN-12 prose'], 'without settings: the EGN\'s own names only');
    assert.deepStrictEqual(forms({ ...note, '.vscode/settings.json': '{ "egn.prose.names": ["EGNé"] }' }), ['EGN-12 prose', 'EGN-7 prose']);
    assert.deepStrictEqual(forms({ ...note, '.vscode/settings.json': '{ "egn.prose.enabled": false }' }), []);
    const bad = tempWorkspace({ ...note, '.vscode/settings.json': '{ "egn.prose.names": "EGNé" }' });
    try {
      const r = runCli(['check', bad]);
      assert.strictEqual(r.status, 2, r.stdout);
      assert.match(r.stderr, /settings\.json:1:\d+: "egn\.prose\.names" must be a list of names/);
    } finally {
      cleanup(bad);
    }
  });

  it('warns about a prose citation of a missing number, with ripgrep and without', () => {
    const root = proseWorkspace({ 'manquante.md': 'Aux EGN, la proposition 45 est citée.\n' });
    try {
      for (const args of [['check', root], ['check', root, '--ripgrep', 'none']]) {
        const r = runCli(args);
        assert.strictEqual(r.status, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stdout, /manquante\.md:1:13: warning: EGN-45 does not exist/);
        assert.strictEqual((r.stdout.match(/warning:/g) ?? []).length, 1, r.stdout);
      }
    } finally {
      cleanup(root);
    }
  });

  it('coverage counts prose and title citations as the editor does', () => {
    const root = proseWorkspace();
    try {
      const r = runCli(['coverage', root, '--format', 'json']);
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { catalogues: { cited: number; groups: { proposals: { id: string; citations: number }[] }[] }[] };
      const cited = out.catalogues[0].groups.flatMap((g) => g.proposals).filter((p) => p.citations > 0).map((p) => `${p.id}×${p.citations}`);
      assert.deepStrictEqual(cited, ['EGN-1×1', 'EGN-2×1', 'EGN-6×1', 'EGN-7×1', 'EGN-8×1', 'EGN-12×3', 'EGN-15×2', 'EGN-16×1', 'EGN-17×1', 'EGN-21×1', 'EGN-38×2']);
    } finally {
      cleanup(root);
    }
  });
});
