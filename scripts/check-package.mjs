// @ts-check
// Packages the extension (production build) into a temporary .vsix and checks that it holds only
// what runs and stays small. Used by `npm test`; `npm run package` makes the real one.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readmeImageProblems } from './lib/readmeImages.mjs';
import { repoRoot } from './lib/runtime.mjs';

// The budget catches files that should not ship and runaway growth. Raised from 250 KB to 300 KB when
// the catalogue faults were translated, the catalogue snapshot went into both bundles (Node and web)
// and the per-document scan cache came: the .vsix then weighed 258 KB. Raised to 1 MB when PDF reading
// came (pdf.js in its own bundle, dist/pdfText.mjs, loaded on the first PDF): 750 KB then; issue 19's
// ceiling is 2.5 MB.
const maxBytes = 1024 * 1024;
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
const fail = (/** @type {string} */ msg) => { console.error(msg); failed = true; };

/** The manifest as a Marketplace reviewer reads it, before vsce sees it. */
function checkManifest() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // The icon: a PNG of 128 × 128 (the width and height are the IHDR chunk's, bytes 16 to 24).
  const icon = fs.readFileSync(path.join(repoRoot, pkg.icon ?? 'missing'), { flag: 'r' });
  const png = icon.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (!png || icon.readUInt32BE(16) !== 128 || icon.readUInt32BE(20) !== 128) {
    fail(`${pkg.icon} is not a 128 × 128 PNG (npm run icon draws it from media/egn.svg).`);
  }
  // One place: bugs and homepage are the repository's pages, and egn-cite's package takes all three from here.
  const repo = String(pkg.repository?.url ?? '').replace(/\.git$/, '');
  if (!/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(repo)) { fail(`package.json repository.url is not a GitHub repository: ${repo}`); }
  if (pkg.bugs?.url !== `${repo}/issues`) { fail(`package.json bugs.url should be ${repo}/issues`); }
  if (pkg.homepage !== `${repo}#readme`) { fail(`package.json homepage should be ${repo}#readme`); }
  if (/^0\./.test(pkg.version) && pkg.preview !== true) { fail('A 0.x version is a preview: set "preview": true.'); }
  // Keep a Changelog: the version released is a section of its own, under Unreleased.
  const changelog = fs.readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8');
  const sections = [...changelog.matchAll(/^## \[?([^\]\s]+)\]?/gm)].map((m) => m[1]);
  if (sections[0] !== 'Unreleased' || sections[1] !== pkg.version) {
    fail(`CHANGELOG.md should start with "## [Unreleased]" then "## [${pkg.version}] - <date>" (package.json's version); it has ${sections.slice(0, 2).join(', ')}`);
  }
  const both = Object.keys(pkg.dependencies ?? {}).filter((d) => d in (pkg.devDependencies ?? {}));
  if (both.length > 0) { fail(`In both dependencies and devDependencies: ${both.join(', ')}`); }
  for (const p of readmeImageProblems(repoRoot)) { fail(p); }
}

try {
  checkManifest();
  run(process.execPath, ['scripts/build.mjs', '--production']);
  const files = run(vsce, ['ls', '--no-dependencies']).split('\n').filter(Boolean);
  run(vsce, ['package', '--no-dependencies', '--out', out]);
  const size = fs.statSync(out).size;
  console.log(`vsix: ${files.length} files, ${(size / 1024).toFixed(1)} KB`);
  for (const f of files) { console.log(`  ${f}`); }
  const forbidden = files.filter((f) => /^(src|test|scripts|node_modules|out|bench)\/|\.map$|\.ts$/.test(f));
  if (forbidden.length > 0) {
    console.error(`The .vsix holds files that do not run: ${forbidden.join(', ')}`);
    failed = true;
  }
  for (const needed of ['dist/extension.js', 'dist/web/extension.js', 'dist/readerWorker.js', 'dist/egn.code-snippets', 'data/egn-2020.yaml', 'data/catalogue.schema.json', 'package.nls.fr.json', 'l10n/bundle.l10n.fr.json', 'media/icon.png']) {
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
