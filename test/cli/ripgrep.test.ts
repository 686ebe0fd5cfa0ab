import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { chooseRipgrep } from '../../src/cli/ripgrepListing';
import { cleanup, cliPath, repoRoot, runCli, tempWorkspace } from './cliSupport';

/**
 * The ripgrep the tests compare with: the one `egn-cite` itself would pick (rg on the PATH: .ci/run
 * installs Debian's). Without one, these tests fail and say how to get it, rather than pass unseen.
 */
function ripgrep(): string {
  const found = chooseRipgrep({ kind: 'auto' }, { PATH: process.env.PATH });
  assert.ok(found, 'ripgrep (rg) must be on the PATH for these tests: apt-get install ripgrep (.ci/run does)');
  return found.path;
}

/** A workspace with every case where the reading rules matter, and a second catalogue. */
function trickyWorkspace(): string {
  const latin1 = Buffer.from('Référence à EGN-41 dans un texte Latin-1 (é = 0xE9).\n', 'latin1');
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Voir EGN-42 et EGN-3.\r\n', 'utf16le')]);
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('EGN-43\n', 'utf16le').swap16()]);
  return tempWorkspace({
    '.vscode/settings.json': '{\n  // comments allowed\n  "egn.index.maxFileSize": 9000,\n  "files.exclude": { "**/brouillons": true },\n}\n',
    'latin1.md': latin1,
    'utf16le.txt': utf16le,
    'utf16be.txt': utf16be,
    'bom8.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('EGN-44 après un BOM\n')]),
    'crlf.md': 'Ligne un\r\nVoir EGN-45, 46 et EGN-2 à 4.\r\negn n° 47\r\n',
    'ignore-next.md': '<!-- egn-ignore-next-line -->\nEGN-48 cité exprès.\nEGN-49 par erreur.\n',
    'ignore-file.tex': '% egn-ignore-file\nEGN-50\n',
    'binary.md': Buffer.from([0x45, 0x47, 0x4e, 0x2d, 0x35, 0x31, 0x00, 0x01, 0x02]),
    'big.md': `EGN-52 ${'x'.repeat(9000)}\n`,
    'node_modules/pkg/readme.md': 'EGN-53\n',
    'brouillons/note.md': 'EGN-54\n',
    '.cache/hidden.md': 'EGN-55 dans un dossier caché\n',
    'sous/dossier/profond.rst': 'EGN-12 existe ; FRA-99 non ; FRA-1 oui.\n',
    'plain.txt': 'Aucune référence ici.\n',
    // Files without a missing reference, which ripgrep lets the command only probe: each must count
    // (or not) as checked exactly as when it is read.
    'latin1-sans.md': Buffer.from('Aucune référence, en Latin-1 : EGN-12 existe.\n', 'latin1'),
    'nul-tot.md': Buffer.concat([Buffer.from('EGN-12 '), Buffer.from([0]), Buffer.from(' binaire\n')]),
    'nul-tard.md': Buffer.concat([Buffer.from(`${'a'.repeat(8192)}\n`), Buffer.from([0]), Buffer.from('\nEGN-12 et EGN-56\n')]),
    'nul-limite.md': Buffer.concat([Buffer.from('b'.repeat(8191)), Buffer.from([0]), Buffer.from('\n')]),
    'octets.txt': Buffer.from(Array.from({ length: 300 }, (_, k) => 0x80 + (k % 0x40))),
    'utf16-sans.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Rien à signaler.\n', 'utf16le')]),
    'zeros.md': 'EGN-012 est une variante de EGN-12 ; EGN-0 et EGN-007 non.\n',
    'colles.md': 'EGN41 collé, EGN-1234, EGN‑40 (trait insécable), EGN n° 40 et n°9.\n',
    // What ripgrep must flag for reading (not plain UTF-8), each decided by the index's rules.
    'bom8-latin1.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Aucune référence, en Latin-1 après un BOM.\n', 'latin1')]),
    'bom8-octets.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(Array.from({ length: 300 }, (_, k) => 0x80 + (k % 0x40)))]),
    'long-latin1.md': Buffer.concat([Buffer.from(`${'é'.repeat(4200)}\n`), Buffer.from(Array.from({ length: 2000 }, () => 0xe9))]),
    'overlong.txt': Buffer.from([0x41, 0xc0, 0xaf, 0x0a]),
    'surrogate.txt': Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x0a]),
    'tronque.md': Buffer.from([0x41, 0x42, 0xc3]),
    'continuation.md': Buffer.from([0x80, 0x41, 0x0a]),
    'trop-long.md': Buffer.from([0x41, 0xc3, 0xa9, 0xa9, 0x0a]),
    'utf16-cjk.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('漢字漢字', 'utf16le')]),
    'limite.md': 'c'.repeat(9000),
    'limite-plus-un.md': 'd'.repeat(9001),
    'ref.catalogue.yaml': fs.readFileSync(path.join(repoRoot, 'test/fixtures/workspace/academie-exemple.catalogue.yaml')),
  });
}

describe('egn-cite with and without ripgrep', function () {
  // Each test runs the command two to five times, on a machine other jobs may share.
  this.timeout(60_000);
  it('check --format json gives the same citations, problems and file count through ripgrep as through Node fs', () => {
    const rg = ripgrep();
    const root = trickyWorkspace();
    try {
      const node = runCli(['check', root, '--format', 'json', '--no-ripgrep']);
      const viaRg = runCli(['check', root, '--format', 'json', '--ripgrep', rg]);
      assert.strictEqual(node.status, 1, node.stderr);
      assert.strictEqual(viaRg.status, 1, viaRg.stderr);
      assert.strictEqual(viaRg.stderr, '');
      const out = JSON.parse(node.stdout) as { filesChecked: number; problems: { file: string; reference: string }[]; catalogues: { prefix: string }[] };
      // The fixture is only worth comparing if the Node path reads it as the editor does.
      assert.deepStrictEqual(out.catalogues.map((c) => c.prefix), ['EGN', 'FRA']);
      assert.deepStrictEqual(
        out.problems.map((p) => `${path.basename(p.file)} ${p.reference}`).sort(),
        ['hidden.md EGN-55', 'nul-tard.md EGN-56', 'zeros.md EGN-0', 'colles.md EGN-1234', 'bom8.md EGN-44', 'crlf.md EGN-45', 'crlf.md EGN-46', 'crlf.md EGN-47', 'ignore-next.md EGN-49', 'latin1.md EGN-41', 'profond.rst FRA-99', 'utf16be.txt EGN-43', 'utf16le.txt EGN-42'].sort(),
      );
      assert.strictEqual(viaRg.stdout, node.stdout);
      // Without json, only the warnings are wanted: ripgrep then also spares the command the files
      // that cannot hold one. Every format, and the count of files checked, must stay the same.
      for (const format of ['text', 'sarif', 'github']) {
        const n = runCli(['check', root, '--format', format, '--no-ripgrep']);
        const r = runCli(['check', root, '--format', format, '--ripgrep', rg]);
        assert.strictEqual(r.stdout, n.stdout, format);
        assert.strictEqual(r.status, n.status, format);
      }
      assert.match(runCli(['check', root, '--ripgrep', rg]).stdout, new RegExp(`^${out.problems.length} warnings \\(${out.filesChecked} files checked\\)\\.$`, 'm'));
    } finally {
      cleanup(root);
    }
  });

  it('coverage --format json is the same through ripgrep as through Node fs', () => {
    const rg = ripgrep();
    const root = trickyWorkspace();
    try {
      const node = runCli(['coverage', root, '--format', 'json', '--no-ripgrep']);
      const viaRg = runCli(['coverage', root, '--format', 'json', '--ripgrep', rg]);
      assert.strictEqual(node.status, 0, node.stderr);
      assert.strictEqual(viaRg.status, 0, viaRg.stderr);
      assert.ok((JSON.parse(node.stdout) as { catalogues: unknown[] }).catalogues.length === 2);
      assert.strictEqual(viaRg.stdout, node.stdout);
    } finally {
      cleanup(root);
    }
  });

  it('lists folders with the ripgrep given by --ripgrep or EGN_RIPGREP', function () {
    if (process.platform === 'win32') {
      this.skip(); // The spy below is a shell script.
    }
    const rg = ripgrep();
    const root = trickyWorkspace();
    const spyDir = fs.mkdtempSync(path.join(root, '..', 'egn-rg-spy-'));
    try {
      const log = path.join(spyDir, 'calls.log');
      const spy = path.join(spyDir, 'rg-spy');
      fs.writeFileSync(spy, `#!/bin/sh\necho "$@" >> '${log}'\nexec '${rg}' "$@"\n`, { mode: 0o755 });
      const expected = runCli(['check', root, '--no-ripgrep']).stdout;
      assert.strictEqual(runCli(['check', root, '--ripgrep', spy]).stdout, expected);
      assert.match(fs.readFileSync(log, 'utf8'), /--files/);
      fs.rmSync(log);
      const viaEnv = spawnCli(['check', root], { ...process.env, EGN_RIPGREP: spy });
      assert.strictEqual(viaEnv, expected);
      assert.match(fs.readFileSync(log, 'utf8'), /--files/);
      fs.rmSync(log);
      // --no-ripgrep wins over the environment.
      assert.strictEqual(spawnCli(['check', root, '--no-ripgrep'], { ...process.env, EGN_RIPGREP: spy }), expected);
      assert.ok(!fs.existsSync(log), 'ripgrep ran despite --no-ripgrep');
    } finally {
      cleanup(spyDir);
      cleanup(root);
    }
  });

  it('falls back on Node fs with the same answers when the ripgrep given cannot run, and says so', () => {
    const root = trickyWorkspace();
    try {
      const expected = runCli(['check', root, '--no-ripgrep']);
      const broken = runCli(['check', root, '--ripgrep', path.join(root, 'no-such-rg')]);
      assert.strictEqual(broken.status, expected.status);
      assert.strictEqual(broken.stdout, expected.stdout);
      assert.match(broken.stderr, /ripgrep \(.*no-such-rg\) could not list .*; listed with Node instead\./);
    } finally {
      cleanup(root);
    }
  });

  it('walks with Node fs, same answers, when symbolic links lead to files to check', function () {
    if (process.platform === 'win32') {
      this.skip(); // Creating links needs privileges there.
    }
    const rg = ripgrep();
    const root = tempWorkspace({ 'vrai/a.md': 'EGN-41\n', 'autre.md': 'EGN-42\n' });
    try {
      fs.symlinkSync('vrai', path.join(root, 'lien'));
      fs.symlinkSync(path.join('vrai', 'a.md'), path.join(root, 'fichier-lie.md'));
      const node = runCli(['check', root, '--format', 'json', '--no-ripgrep']);
      const viaRg = runCli(['check', root, '--format', 'json', '--ripgrep', rg]);
      assert.strictEqual(viaRg.stdout, node.stdout);
      assert.strictEqual(viaRg.stderr, '', 'links are no failure of ripgrep');
      const out = JSON.parse(node.stdout) as { filesChecked: number; problems: { file: string }[] };
      assert.ok(out.filesChecked >= 3);
      // The folder reached twice is listed once, under its first path in order (see listFolderFiles).
      assert.deepStrictEqual(out.problems.map((p) => path.relative(root, path.resolve(repoRoot, p.file))).sort(), ['autre.md', 'fichier-lie.md', 'lien/a.md']);
    } finally {
      cleanup(root);
    }
  });
});

function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): string {
  return spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, env, encoding: 'utf8' }).stdout;
}
