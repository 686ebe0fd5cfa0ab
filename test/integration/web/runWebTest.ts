import { spawn } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RESULTS_MARK } from './marks';

const repoRoot = path.resolve(__dirname, '../../../..');

/** What of the extension a web host loads (as in the .vsix), without `main`. */
const EXTENSION_FILES = ['dist/web', 'dist/egn.code-snippets', 'data', 'media', 'l10n', 'package.nls.json', 'package.nls.fr.json'];

/**
 * A copy of the extension whose package.json has no `main`: with both entries, a remote window
 * prefers the Node host, and this stage is about the browser bundle (shared/notes/french-ui-and-web-worker.md).
 */
function browserOnlyCopy(dir: string): void {
  for (const f of EXTENSION_FILES) {
    fs.cpSync(path.join(repoRoot, f), path.join(dir, f), { recursive: true });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.main;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
}

/** The web suite as one self-contained file for the worker: only `vscode` is left to require. */
async function bundleSuite(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test/integration/web/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    outfile,
    external: ['vscode'],
    alias: { assert: path.join(repoRoot, 'test/integration/web/assertShim.ts') },
    define: { EGN_TEST_GREP: JSON.stringify(process.env.EGN_TEST_GREP ?? '') },
    logLevel: 'warning',
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'dist/web/extension.js'))) {
    throw new Error('dist/web/extension.js is missing: run `npm run build` first.');
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-web-'));
  const extension = path.join(scratch, 'extension');
  const workspace = path.join(scratch, 'workspace');
  // Inside the extension's folder: the workbench runs a suite in the host of the extension holding it.
  const suite = path.join(extension, 'web-test', 'index.js');
  let counts: { passed: number; failed: number } | undefined;
  let code: number | null;
  try {
    browserOnlyCopy(extension);
    fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
    await bundleSuite(suite);
    const launcher = spawn(process.execPath, [
      path.join(repoRoot, 'scripts/vscode-launcher.mjs'),
      `--extensionDevelopmentPath=${extension}`, `--extensionTestsPath=${suite}`, workspace,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    launcher.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const at = line.indexOf(RESULTS_MARK);
        if (at >= 0) {
          counts = JSON.parse(line.slice(at + RESULTS_MARK.length)) as { passed: number; failed: number };
        }
      }
    });
    code = await new Promise<number | null>((resolve) => launcher.on('exit', resolve));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (!counts) {
    console.error(`The web suite reported no results (launcher exit ${code}).`);
    process.exit(1);
  }
  if (process.env.EGN_RESULTS_FILE) {
    fs.writeFileSync(process.env.EGN_RESULTS_FILE, JSON.stringify(counts));
  }
  process.exit(code === 0 && counts.failed === 0 ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
