// @ts-check
// `npm run package:cli`: makes egn-cite-<version>.tgz, an npm package of the command line alone, so that
// `npm install -g ./egn-cite-<version>.tgz` or `npx ./egn-cite-<version>.tgz check .` runs it without a
// clone. It holds the production bundles (every library is inside them: the package has no dependency,
// so it installs offline), docs/cli.md as its README, and the LICENSE. Its name, version, license and
// addresses come from the extension's package.json, the one place they are written.
// `--out DIR` writes the tarball there instead of the repository root (test/cli does).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lib/runtime.mjs';

/** The built files the command runs: its entry, the command, check's threads, the readers' thread, the pandoc filter. */
export const cliFiles = ['cli.js', 'cliMain.js', 'checkThread.js', 'readerWorker.js', 'egn-pandoc.js'];

const outArg = process.argv.indexOf('--out');
const outDir = path.resolve(outArg >= 0 ? process.argv[outArg + 1] : repoRoot);
const run = (/** @type {string} */ cmd, /** @type {string[]} */ args, /** @type {string} */ cwd = repoRoot) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    throw new Error(`${[cmd, ...args].join(' ')} exited ${r.status ?? r.signal}`);
  }
  return r.stdout;
};

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-cite-pack-'));
let failed = false;
try {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  fs.mkdirSync(path.join(stage, 'dist'));
  for (const f of cliFiles) {
    fs.copyFileSync(path.join(repoRoot, 'dist', f), path.join(stage, 'dist', f));
  }
  fs.chmodSync(path.join(stage, 'dist', 'cli.js'), 0o755);
  fs.chmodSync(path.join(stage, 'dist', 'egn-pandoc.js'), 0o755);
  fs.copyFileSync(path.join(repoRoot, 'docs', 'cli.md'), path.join(stage, 'README.md'));
  fs.copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(stage, 'LICENSE'));
  const manifest = {
    name: 'egn-cite',
    version: pkg.version,
    description: 'Checks the citations of the EGN 2020 proposals (and of your own catalogues) in policy documents, for CI; and a pandoc filter that writes them as French prose in a Word deliverable.',
    license: pkg.license,
    keywords: ['EGN', 'citation', 'lint', 'pandoc', 'pandoc-filter', 'politique publique'],
    repository: pkg.repository,
    bugs: pkg.bugs,
    homepage: pkg.homepage,
    bin: { 'egn-cite': 'dist/cli.js', 'egn-pandoc': 'dist/egn-pandoc.js' },
    files: cliFiles.map((f) => `dist/${f}`),
    engines: { node: '>=20' },
  };
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.mkdirSync(outDir, { recursive: true });
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir, '--loglevel=error'], stage));
  const { filename, size, files } = packed[0];
  process.stdout.write(`${path.join(outDir, filename)}: ${(size / 1024).toFixed(1)} KB, ${files.length} files\n`);
  for (const f of files) { process.stdout.write(`  ${f.path}\n`); }
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  failed = true;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
  // Leave a development build behind, as the other scripts and the tests expect.
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'ignore' });
}
process.exit(failed ? 1 : 0);
