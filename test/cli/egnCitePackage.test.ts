import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { demoWarnings, packCli, repoRoot, run, version, type PackedCli } from './packedCli';

describe('egn-cite as an npm package (npm run package:cli, installed offline)', () => {
  let packed: PackedCli;

  before(function () {
    this.timeout(300_000);
    packed = packCli();
  });
  after(() => { packed?.dispose(); });

  it('holds the built command, its README and licence, and declares no dependency', () => {
    const listed = run('tar', ['tzf', packed.tarball], packed.scratch);
    assert.strictEqual(listed.status, 0, listed.stderr);
    assert.deepStrictEqual(listed.stdout.split('\n').filter(Boolean).sort(), [
      'package/LICENSE', 'package/README.md', 'package/dist/checkThread.js', 'package/dist/cli.js', 'package/dist/cliMain.js',
      'package/dist/egn-pandoc.js', 'package/dist/readerWorker.js', 'package/package.json',
    ]);
    const extracted = path.join(packed.scratch, 'extracted');
    fs.mkdirSync(extracted);
    assert.strictEqual(run('tar', ['xzf', packed.tarball, '-C', extracted], packed.scratch).status, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(extracted, 'package/package.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(pkg.name, 'egn-cite');
    assert.strictEqual(pkg.version, version);
    assert.deepStrictEqual(pkg.bin, { 'egn-cite': 'dist/cli.js', 'egn-pandoc': 'dist/egn-pandoc.js' });
    assert.strictEqual(pkg.dependencies, undefined);
    assert.strictEqual(pkg.devDependencies, undefined);
    assert.strictEqual(fs.readFileSync(path.join(extracted, 'package/README.md'), 'utf8'), fs.readFileSync(path.join(repoRoot, 'docs/cli.md'), 'utf8'));
  });

  it('installs with npm install -g into a scratch prefix, offline, and egn-cite check there finds the demo workspace\'s two unknown references', () => {
    const bin = packed.install();
    assert.ok(fs.existsSync(path.join(bin, 'egn-pandoc')), 'egn-pandoc is installed beside it, for pandoc --filter egn-pandoc');
    const dir = packed.workspace('installed');
    const checked = run(path.join(bin, 'egn-cite'), ['check', '.'], dir);
    assert.strictEqual(checked.status, 1, `${checked.stdout}${checked.stderr}`);
    assert.deepStrictEqual(checked.stdout.trim().split('\n'), [...demoWarnings, '2 warnings (6 files checked).']);
    assert.strictEqual(run(path.join(bin, 'egn-cite'), ['--version'], dir).stdout.trim(), version);
  });

  it('runs with npx ./egn-cite-<version>.tgz check . from a scratch folder, offline', () => {
    const dir = packed.workspace('npx');
    fs.copyFileSync(packed.tarball, path.join(dir, path.basename(packed.tarball)));
    const checked = run('npx', ['--yes', `./${path.basename(packed.tarball)}`, 'check', '.'], dir, packed.npmEnv);
    assert.strictEqual(checked.status, 1, `${checked.stdout}${checked.stderr}`);
    assert.deepStrictEqual(checked.stdout.trim().split('\n'), [...demoWarnings, '2 warnings (6 files checked).']);
  });
});
