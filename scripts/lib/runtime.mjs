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
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtimeSpec = path.join(repoRoot, 'test', 'runtime');

/** Debian packages the runtime needs, with the file that proves each is there. */
const systemPackages = [
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'headless browser that drives the VS Code workbench' },
  { pkg: 'ripgrep', file: '/usr/bin/rg', why: "replaces the rg binary VS Code's installer would download" },
  { pkg: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h', why: 'headers to build the kerberos native module' },
  { pkg: 'pandoc', file: '/usr/bin/pandoc', why: 'runs the egn-pandoc filter in the cli stage and the Export with Pandoc tests' },
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
  ensureLanguagePack(dir, 'fr');
  fs.writeFileSync(marker, new Date().toISOString());
  return dir;
}

/** Display languages the workbench can be started in, besides English, and the npm package of each pack. */
export const languagePackPackages = /** @type {const} */ ({ fr: '@codingame/monaco-vscode-language-pack-fr' });

/**
 * The folder of a VS Code language pack for `locale`, built (once) inside the runtime cache from the
 * npm package pinned in test/runtime: code-server ships no language pack and these machines cannot
 * reach the Marketplace. Version 4.3.2 of that package is VS Code 1.88's strings, keyed by module,
 * which 1.100 still reads for about 71 % of its keys (the rest stay English); later versions are
 * unkeyed arrays that 1.100 cannot use.
 * @param {string} runtime
 * @param {keyof typeof languagePackPackages} locale
 * @returns {{ dir: string, id: string, translations: Record<string, string> }}
 */
export function ensureLanguagePack(runtime, locale) {
  const dir = path.join(runtime, 'language-packs', locale);
  const name = `vscode-language-pack-${locale}`;
  const id = `egn-tests.${name}`;
  const manifest = path.join(dir, 'package.json');
  const source = path.join(runtime, 'node_modules', languagePackPackages[locale], 'translations');
  if (!fs.existsSync(manifest)) {
    log(`building the ${locale} language pack into ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
    // The workbench strings are an ES module's default export; the built-in extensions' are JSON already.
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `
      const { default: contents } = await import(${JSON.stringify(pathToFileURL(path.join(source, 'main.i18n.json.js')).href)});
      process.stdout.write(JSON.stringify({ version: '1.0.0', contents }));`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new Error(`Building the ${locale} language pack failed: ${r.stderr}`);
    }
    fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), r.stdout);
    fs.cpSync(path.join(source, 'extensions'), path.join(dir, 'translations', 'extensions'), { recursive: true });
    const translations = [{ id: 'vscode', path: './translations/main.i18n.json' }];
    for (const f of fs.readdirSync(path.join(dir, 'translations', 'extensions'))) {
      translations.push({ id: f.replace(/\.i18n\.json$/, ''), path: `./translations/extensions/${f}` });
    }
    const label = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    fs.writeFileSync(manifest, JSON.stringify({
      name, publisher: 'egn-tests', version: '1.100.0', engines: { vscode: '^1.100.0' },
      contributes: { localizations: [{ languageId: locale, languageName: locale, localizedLanguageName: label, translations }] },
    }, null, 2));
  }
  /** @type {{ contributes: { localizations: { translations: { id: string, path: string }[] }[] } }} */
  const pack = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  /** @type {Record<string, string>} */
  const translations = {};
  for (const t of pack.contributes.localizations[0].translations) {
    translations[t.id] = path.join(dir, t.path);
  }
  return { dir, id, translations };
}

/** `require` rooted in the runtime folder, to load playwright-core from it. */
export function runtimeRequire(dir = runtimeDir()) {
  return createRequire(path.join(dir, 'package.json'));
}
