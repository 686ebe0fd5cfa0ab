// @ts-check
// Packages the extension (production build) into a temporary .vsix and checks that it holds only
// what runs and stays small. Used by `npm test`; `npm run package` makes the real one.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lib/runtime.mjs';

// The budget catches files that should not ship and runaway growth. Raised from 250 KB to 300 KB when
// the catalogue faults were translated, the catalogue snapshot went into both bundles (Node and web)
// and the per-document scan cache came: the .vsix then weighed 258 KB.
const maxBytes = 300 * 1024;
const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-vsix-')), 'egn.vsix');
const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.status}`);
  }
  return r.stdout;
};
let failed = false;
try {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  const files = run(vsce, ['ls', '--no-dependencies']).split('\n').filter(Boolean);
  run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', out]);
  const size = fs.statSync(out).size;
  console.log(`vsix: ${files.length} files, ${(size / 1024).toFixed(1)} KB`);
  for (const f of files) { console.log(`  ${f}`); }
  const forbidden = files.filter((f) => /^(src|test|scripts|node_modules|out|bench)\/|\.map$|\.ts$/.test(f));
  if (forbidden.length > 0) {
    console.error(`The .vsix holds files that do not run: ${forbidden.join(', ')}`);
    failed = true;
  }
  for (const needed of ['dist/extension.js', 'dist/web/extension.js', 'dist/readerWorker.js', 'dist/egn.code-snippets', 'data/egn-2020.yaml', 'data/catalogue.schema.json', 'package.nls.fr.json', 'l10n/bundle.l10n.fr.json']) {
    if (!files.includes(needed)) { console.error(`The .vsix lacks ${needed}`); failed = true; }
  }
  if (size > maxBytes) {
    console.error(`The .vsix is ${size} bytes, over the ${maxBytes}-byte budget.`);
    failed = true;
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  failed = true;
} finally {
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  // Leave a development build behind, as the other stages expect.
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'ignore' });
}
process.exit(failed ? 1 : 0);
