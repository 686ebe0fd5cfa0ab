// @ts-check
// Serves a real VS Code workbench (the VS Code server bundled in code-server) on 127.0.0.1 and
// drives it with headless Chromium. Used by the integration-test launcher, the UI tests and
// `npm start`. Facts behind it: shared/notes/real-vscode-offline.md.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureLanguagePack, runtimeRequire } from './runtime.mjs';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {{ port: number, origin: string, scratch: string, stop: () => Promise<void>, output: () => string }} Server
 */

/**
 * Starts the VS Code server in its own process group, with every data folder in a scratch dir.
 * `locale: 'fr'` shows the workbench, and the extension, in French. `restricted: true` keeps workspace
 * trust on, so that a folder opens in Restricted Mode (VS Code trusts a window that runs extension
 * tests whatever this says: only a workbench without `extensionTestsPath` is restricted).
 * @param {{ runtime: string, scratch?: string, settings?: Record<string, unknown>, env?: Record<string, string>, quiet?: boolean, locale?: 'en' | 'fr', restricted?: boolean }} opts
 * @returns {Promise<Server>}
 */
export async function startServer(opts) {
  const scratch = opts.scratch ?? fs.mkdtempSync(path.join(os.tmpdir(), 'egn-vscode-'));
  const dirs = ['user', 'server', 'extensions', 'config', 'data', 'cache', 'tmp'].map((d) => path.join(scratch, d));
  for (const d of dirs) {
    fs.mkdirSync(d, { recursive: true });
  }
  const userSettings = path.join(scratch, 'server', 'data', 'Machine');
  fs.mkdirSync(userSettings, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': opts.restricted === true,
    ...(opts.restricted ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
    ...opts.settings,
  };
  fs.writeFileSync(path.join(userSettings, 'settings.json'), JSON.stringify(settings, null, 2));
  fs.mkdirSync(path.join(dirs[0], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs[0], 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  const serverMain = path.join(opts.runtime, 'node_modules/code-server/lib/vscode/out/server-main.js');
  const args = [
    serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry',
    ...(opts.restricted ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', dirs[0], '--server-data-dir', dirs[1], '--extensions-dir', dirs[2],
  ];
  if (opts.locale && opts.locale !== 'en') {
    args.push('--locale', opts.locale);
    // The server honours a locale only when languagepacks.json names a pack for it (installing a pack
    // as an extension does not write this file): shared/notes/french-ui-and-web-worker.md.
    const pack = ensureLanguagePack(opts.runtime, opts.locale);
    const label = new Intl.DisplayNames([opts.locale], { type: 'language' }).of(opts.locale) ?? opts.locale;
    fs.writeFileSync(path.join(dirs[0], 'languagepacks.json'), JSON.stringify({
      [opts.locale]: { hash: `egn-${opts.locale}-1`, extensions: [{ extensionIdentifier: { id: pack.id }, version: '1.100.0' }], translations: pack.translations, label },
    }));
  }
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs[3], XDG_DATA_HOME: dirs[4], XDG_CACHE_HOME: dirs[5], TMPDIR: dirs[6],
    ...opts.env,
  };
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (/** @type {Buffer} */ d) => {
    const s = d.toString();
    out += s;
    if (out.length > 200_000) {
      out = out.slice(-100_000);
    }
    if (!opts.quiet) {
      process.stderr.write(s.split('\n').filter((l) => l && !/ENOTFOUND|marketplace|gallery/i.test(l)).map((l) => `[vscode-server] ${l}\n`).join(''));
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 60_000;
  await new Promise((resolve, reject) => {
    const poll = () => {
      if (out.includes('Extension host agent listening')) { resolve(undefined); return; }
      if (exited) { reject(new Error(`The VS Code server exited before listening:\n${out}`)); return; }
      if (Date.now() > deadline) { reject(new Error(`The VS Code server did not listen within 60 s:\n${out}`)); return; }
      setTimeout(poll, 50);
    };
    poll();
  });
  const stop = async () => {
    if (exited || child.pid === undefined) { return; }
    const gone = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { if (child.pid) { process.kill(-child.pid, 'SIGKILL'); } } catch { /* gone */ } }, 3000);
    await gone;
    clearTimeout(t);
  };
  return { port, origin: `http://127.0.0.1:${port}`, scratch, stop, output: () => out };
}

/**
 * The workbench URL opening `folder` (or a `.code-workspace` file, for a multi-root workspace), with
 * the extension under development and optionally a test suite.
 * @param {{ port: number, folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} o
 */
export function workbenchUrl(o) {
  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${o.port}${p}`;
  /** @type {[string, string][]} */
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (o.extensionDevelopmentPath) { payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]); }
  if (o.extensionTestsPath) { payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]); }
  const target = o.folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${o.port}/?${target}=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Launches headless Chromium through playwright-core (never a downloaded browser).
 * @param {string} runtime
 * @param {{ colorScheme?: 'light' | 'dark' }} [opts]
 */
export async function launchBrowser(runtime, opts = {}) {
  const { chromium } = runtimeRequire(runtime)('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 900 },
    colorScheme: opts.colorScheme ?? 'light',
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}
