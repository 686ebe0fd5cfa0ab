import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository (tests run from out/test/cli/). */
export const repoRoot = path.resolve(__dirname, '../../..');
/** The built command, as users run it. */
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

/** What one run of the command gave. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js …args` in `cwd` (the repository by default), as a CI step would. */
export function runCli(args: readonly string[], cwd = repoRoot): CliRun {
  if (!fs.existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: run npm run build before the CLI tests (npm test runs them after its build stage).`);
  }
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding `files` (relative path → text or bytes); removed by `cleanup`. */
export function tempWorkspace(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-cli-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}

export function cleanup(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}
