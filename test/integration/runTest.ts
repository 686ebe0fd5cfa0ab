import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/**
 * Runs the integration suite inside a real VS Code 1.100 extension host. `vscodeExecutablePath`
 * is the project's launcher, which serves code-server's VS Code server and drives it with headless
 * Chromium (these machines cannot download VS Code).
 */
async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '../../..');
  // The suite creates, edits and deletes files: it works on a copy of the fixtures.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-workspace-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'scripts/vscode-launcher.mjs'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: {
        EGN_RESULTS_FILE: process.env.EGN_RESULTS_FILE ?? '',
        EGN_TEST_WORKSPACE: workspace,
      },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
