// @ts-check
// `npm run screenshots`: regenerates the pictures the READMEs show, from the UI suite itself (the real
// workbench in headless Chromium, light theme, 1400 × 900 as every UI test), then copies them into
// media/readme/ under the names README.md and README.fr.md use. Run it after a change to what they show,
// look at each picture, and commit them. A unit test (test/unit/readmeImages.test.ts) fails when a picture
// a README names is missing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeScreenshots } from './lib/readmeImages.mjs';
import { repoRoot } from './lib/runtime.mjs';

/** The UI tests that take them (mocha --grep on their titles; the files they are in), with those they follow. */
const tests = [
  'shows the title of EGN-12 when hovering it',
  'opens a proposal clicked in the tree, showing its title',
  'opens from the command palette and shows per-theme bars',
  'shows the view as « EGN 2020 : Propositions »',
  'opens a proposal panel with French headings',
  'opens the coverage report with French headings',
  'shows the hover of EGN-12 with its French actions',
];
const files = ['writing', 'panels', 'coverage', 'french'].map((f) => `out/test/ui/${f}.test.js`);
const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`${[cmd, ...args].join(' ')} exited ${r.status ?? r.signal}\n`);
    process.exit(1);
  }
};
const bin = (/** @type {string} */ name) => path.join(repoRoot, 'node_modules', '.bin', name);
run(process.execPath, ['scripts/build.mjs']);
run(bin('tsc'), ['-p', 'tsconfig.test.json']);
run(bin('mocha'), ['--no-config', '--timeout', '120000', '--reporter', 'spec', '--grep', tests.map(escape).join('|'), ...files]);
const shots = path.join(repoRoot, 'test-results', 'screenshots');
const target = path.join(repoRoot, 'media', 'readme');
fs.mkdirSync(target, { recursive: true });
for (const [name, source] of Object.entries(readmeScreenshots)) {
  fs.copyFileSync(path.join(shots, `${source}.png`), path.join(target, name));
  process.stdout.write(`media/readme/${name} ← test-results/screenshots/${source}.png\n`);
}
