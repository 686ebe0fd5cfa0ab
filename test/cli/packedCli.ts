import * as assert from 'assert';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repository root (tests compile to out/test/cli). */
export const repoRoot = path.resolve(__dirname, '../../..');
export const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The two unknown references the demo workspace holds on purpose, as `egn-cite check` prints them. */
export const demoWarnings = [
  'compte-rendu-comite-pilotage.md:18:30: warning: FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12.',
  'plan-numerique-academique.md:34:14: warning: EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.',
];

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** egn-cite's tarball made by `npm run package:cli` in a scratch folder, and what a user does with it. */
export interface PackedCli {
  readonly scratch: string;
  readonly tarball: string;
  /** npm offline, with its cache in the scratch folder: what is installed comes from the tarball. */
  readonly npmEnv: NodeJS.ProcessEnv;
  /** `npm install -g` into a scratch prefix; returns its bin folder. */
  install(): string;
  /** A fresh copy of the demo workspace (the one `npm start` opens), the folder a user runs the command in. */
  workspace(name: string): string;
  dispose(): void;
}

export function packCli(): PackedCli {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-cite-package-'));
  const npmEnv = { npm_config_cache: path.join(scratch, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const packed = run(process.execPath, ['scripts/packageCli.mjs', '--out', scratch], repoRoot);
  assert.strictEqual(packed.status, 0, `${packed.stdout}${packed.stderr}`);
  const tarball = path.join(scratch, `egn-cite-${version}.tgz`);
  assert.ok(fs.existsSync(tarball), packed.stdout);
  let bin: string | undefined;
  return {
    scratch,
    tarball,
    npmEnv,
    install() {
      if (!bin) {
        const prefix = path.join(scratch, 'prefix');
        const installed = run('npm', ['install', '-g', '--prefix', prefix, tarball], scratch, npmEnv);
        assert.strictEqual(installed.status, 0, `${installed.stdout}${installed.stderr}`);
        bin = path.join(prefix, 'bin');
      }
      return bin;
    },
    workspace(name) {
      const dir = path.join(scratch, name);
      fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), dir, { recursive: true });
      return dir;
    },
    dispose() {
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}
