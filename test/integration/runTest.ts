import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '../../..');

interface Counts { passed: number; failed: number }

/**
 * Runs one suite inside a real VS Code 1.100 extension host. `vscodeExecutablePath` is the project's
 * launcher, which serves code-server's VS Code server and drives it with headless Chromium (these
 * machines cannot download VS Code). Returns the suite's counts, or undefined if it reported none.
 */
async function runSuite(suite: string, workspace: string, testWorkspace: string): Promise<{ counts?: Counts; ok: boolean }> {
  const resultsFile = path.join(os.tmpdir(), `egn-${suite}-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  let ok = true;
  try {
    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'scripts/vscode-launcher.mjs'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, suite, 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { EGN_RESULTS_FILE: resultsFile, EGN_TEST_WORKSPACE: testWorkspace },
    });
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    ok = false;
  }
  const counts = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Counts) : undefined;
  fs.rmSync(resultsFile, { force: true });
  return { counts, ok };
}

async function main(): Promise<void> {
  // The suites create, edit and delete files: they work on copies of the fixtures.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-workspace-'));
  const single = path.join(scratch, 'single');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), single, { recursive: true });
  const multi = path.join(scratch, 'multiroot');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/multiroot'), multi, { recursive: true });
  const workspaceFile = path.join(multi, 'plan.code-workspace');
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'academie' }, { path: 'departement' }] }, null, 2));

  const total: Counts = { passed: 0, failed: 0 };
  let ok = true;
  try {
    for (const [suite, target, root] of [['suite', single, single], ['multiroot', workspaceFile, multi]] as const) {
      const r = await runSuite(suite, target, root);
      ok &&= r.ok;
      if (r.counts) {
        total.passed += r.counts.passed;
        total.failed += r.counts.failed;
      } else {
        console.error(`The ${suite} suite reported no results.`);
        total.failed++;
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (process.env.EGN_RESULTS_FILE) {
    fs.writeFileSync(process.env.EGN_RESULTS_FILE, JSON.stringify(total));
  }
  if (!ok || total.failed > 0) {
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
