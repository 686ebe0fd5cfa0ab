// @ts-check
// Installs, on demand and into a cache outside the extension's own dependencies, the real VS Code
// (code-server's VS Code 1.100 server) and the browser driver the tests and `npm start` use.
// See ../../test/runtime/package.json for the pinned versions and its lockfile.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtimeSpec = path.join(repoRoot, 'test', 'runtime');

/** Debian packages the runtime needs, with the file that proves each is there. */
const systemPackages = [
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'headless browser that drives the VS Code workbench' },
  { pkg: 'ripgrep', file: '/usr/bin/rg', why: "replaces the rg binary VS Code's installer would download" },
  { pkg: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h', why: 'headers to build the kerberos native module' },
];

function log(msg) {
  process.stderr.write(`[runtime] ${msg}\n`);
}

/** Installs missing Debian packages (as root), or says exactly what is missing. */
export function ensureSystemPackages() {
  const missing = systemPackages.filter((p) => !fs.existsSync(p.file));
  if (missing.length === 0) {
    return;
  }
  const names = missing.map((p) => p.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    const lines = missing.map((p) => `  - ${p.pkg}: ${p.why}`).join('\n');
    throw new Error(`Missing system packages:\n${lines}\nInstall them with: sudo apt-get install -y ${names.join(' ')}`);
  }
  log(`installing Debian packages: ${names.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
}

/** The cache folder for this exact runtime lockfile. */
export function runtimeDir() {
  const lock = fs.readFileSync(path.join(runtimeSpec, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const base = process.env.EGN_RUNTIME_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'egn-vscode-runtime');
  return path.join(base, hash);
}

/**
 * Makes sure the runtime is installed and returns its folder.
 * @returns {string}
 */
export function ensureRuntime() {
  ensureSystemPackages();
  const dir = runtimeDir();
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker)) {
    return dir;
  }
  log(`installing the VS Code runtime into ${dir} (once; about a minute)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) {
    fs.copyFileSync(path.join(runtimeSpec, f), path.join(dir, f));
  }
  // @vscode/ripgrep's postinstall downloads rg from GitHub; these machines are offline, so its
  // download cache is pre-seeded with Debian's rg.
  const tmp = os.tmpdir();
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(rgCache, { recursive: true });
  const rgTar = path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!fs.existsSync(rgTar)) {
    execFileSync('tar', ['czf', rgTar, '-C', '/usr/bin', 'rg']);
  }
  const env = {
    ...process.env,
    npm_config_nodedir: fs.existsSync('/usr/include/node/node.h') ? '/usr' : (process.env.npm_config_nodedir ?? ''),
    npm_config_yes: 'true',
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit', env });
  if (r.status !== 0) {
    throw new Error(`Installing the VS Code runtime failed (npm ci exited ${r.status}). See the output above.`);
  }
  const serverMain = path.join(dir, 'node_modules/code-server/lib/vscode/out/server-main.js');
  if (!fs.existsSync(serverMain)) {
    throw new Error(`The VS Code runtime installed but ${serverMain} is missing.`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
  return dir;
}

/** `require` rooted in the runtime folder, to load playwright-core from it. */
export function runtimeRequire(dir = runtimeDir()) {
  return createRequire(path.join(dir, 'package.json'));
}
