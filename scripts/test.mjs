// @ts-check
// `npm test`: type check, lint, unit tests, egn-cite as users run it (test/cli: dist/cli.js, its npm package, the pandoc filter), integration tests in a real VS Code extension host,
// UI tests in headless Chromium; then one line `N passed, M failed` that sums every suite.
// A stage that fails without counts of its own (build, type check, lint, a crashed suite) counts
// as one failure, so a broken build can never read as green.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureRuntime, repoRoot } from './lib/runtime.mjs';

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-results-'));
const only = process.env.EGN_TEST_STAGES?.split(',');
let passed = 0;
let failed = 0;
/** @type {string[]} */
const summary = [];

/**
 * @param {string} name
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ counts?: boolean }} [opts]
 */
function stage(name, cmd, args, opts = {}) {
  if (only && !only.includes(name)) { return; }
  process.stdout.write(`\n=== ${name}: ${[cmd, ...args].join(' ')}\n`);
  const resultsFile = path.join(resultsDir, `${name}.json`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, EGN_RESULTS_FILE: resultsFile },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (opts.counts) {
    if (fs.existsSync(resultsFile)) {
      const c = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      passed += c.passed;
      failed += c.failed;
      // A runner that reports no failure but exits non-zero crashed after counting.
      const crashed = r.status !== 0 && c.failed === 0;
      if (crashed) { failed++; }
      summary.push(`${name}: ${c.passed} passed, ${c.failed + (crashed ? 1 : 0)} failed (${secs} s)`);
    } else {
      failed++;
      summary.push(`${name}: did not report results (exit ${r.status ?? r.signal}) — counted as 1 failure (${secs} s)`);
    }
  } else if (r.status !== 0) {
    failed++;
    summary.push(`${name}: FAILED (exit ${r.status ?? r.signal}) — counted as 1 failure (${secs} s)`);
  } else {
    summary.push(`${name}: ok (${secs} s)`);
  }
}

const node = process.execPath;
const bin = (/** @type {string} */ name) => path.join(repoRoot, 'node_modules', '.bin', name);

stage('build', node, ['scripts/build.mjs']);
// The compiled tests start from an empty out/: a test whose source was deleted must not run on.
if (!only || only.includes('types')) {
  fs.rmSync(path.join(repoRoot, 'out'), { recursive: true, force: true });
}
stage('types', bin('tsc'), ['-p', 'tsconfig.test.json']);
// The webview scripts of media/ are type-checked too (checkJs, @types/vscode-webview).
stage('types', bin('tsc'), ['-p', 'media/jsconfig.json']);
stage('lint', bin('eslint'), ['.']);
stage('package', node, ['scripts/check-package.mjs']);
stage('unit', bin('mocha'), ['--config', '.mocharc.json'], { counts: true });
let runtimeOk = true;
// Debian's packages (chromium, ripgrep, pandoc…) come with the runtime: the cli stage needs pandoc.
if (!only || only.includes('cli') || only.includes('integration') || only.includes('ui') || only.includes('web')) {
  try {
    ensureRuntime();
  } catch (e) {
    runtimeOk = false;
    failed++;
    summary.push(`runtime: ${e instanceof Error ? e.message : e} — counted as 1 failure`);
  }
}
// egn-cite as users run it (test/cli): dist/cli.js made by the build stage, its npm package installed offline,
// and pandoc running its filter.
stage('cli', bin('mocha'), ['--config', 'test/cli/.mocharc.json'], { counts: true });
if (runtimeOk) {
  stage('integration', node, ['out/test/integration/runTest.js'], { counts: true });
  stage('ui', bin('mocha'), ['--config', 'test/ui/.mocharc.json'], { counts: true });
  // The browser bundle in the web-worker extension host (vscode.dev's), from a copy without `main`.
  stage('web', node, ['out/test/integration/web/runWebTest.js'], { counts: true });
}
fs.rmSync(resultsDir, { recursive: true, force: true });
process.stdout.write(`\n${summary.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
