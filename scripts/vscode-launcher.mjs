#!/usr/bin/env node
// @ts-check
// An "executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): it turns
// `--extensionDevelopmentPath=… --extensionTestsPath=… <folder>` into a real VS Code 1.100 workbench
// served on 127.0.0.1 and driven by headless Chromium, and exits with the suite's exit code.
import * as path from 'node:path';
import { format } from 'node:util';
import { ensureRuntime } from './lib/runtime.mjs';
import { launchBrowser, startServer, workbenchUrl } from './lib/workbench.mjs';

const args = process.argv.slice(2);
const value = (/** @type {string} */ name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionDevelopmentPath = value('extensionDevelopmentPath');
const extensionTestsPath = value('extensionTestsPath');
const folder = args.find((a) => !a.startsWith('-'));
if (!extensionDevelopmentPath || !extensionTestsPath || !folder) {
  process.stderr.write('usage: vscode-launcher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE FOLDER\n');
  process.exit(2);
}
// Workbench chatter unrelated to the suite (the offline gallery, sockets, caches).
const workbenchNoise = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|ChatSessionStore|Request to '|\[Service Worker\]|getaddrinfo ENOTFOUND|Started local extension host|Extension host \(|\[Extension Host\] Error: getaddrinfo)/;
const timeoutMs = Number(process.env.EGN_TEST_TIMEOUT_MS || 15 * 60_000);

const runtime = ensureRuntime();
const server = await startServer({ runtime, quiet: !process.env.EGN_VERBOSE });
const browser = await launchBrowser(runtime);
/** @type {number} */
let code;
try {
  const page = await browser.context.newPage();
  /** @type {(code: number) => void} */
  let finish = () => undefined;
  const done = new Promise((resolve) => { finish = resolve; });
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown[]} */ parts) => {
    const text = Array.isArray(parts) ? format(...parts) : String(parts);
    if (process.env.EGN_VERBOSE || !workbenchNoise.test(text)) {
      process.stdout.write(`${level === 'error' ? '[workbench error] ' : ''}${text}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (/** @type {number} */ c) => { finish(c); });
  page.on('pageerror', (e) => { if (process.env.EGN_VERBOSE) { process.stderr.write(`[page] ${e}\n`); } });
  const url = workbenchUrl({
    port: server.port,
    folder: path.resolve(folder),
    extensionDevelopmentPath: path.resolve(extensionDevelopmentPath),
    extensionTestsPath: path.resolve(extensionTestsPath),
  });
  await page.goto(url);
  const timer = setTimeout(() => {
    process.stderr.write(`The test suite did not finish within ${timeoutMs / 1000} s.\n${server.output().slice(-4000)}\n`);
    finish(1);
  }, timeoutMs);
  code = /** @type {number} */ (await done);
  clearTimeout(timer);
} catch (e) {
  process.stderr.write(`The VS Code launcher failed: ${e instanceof Error ? e.stack : e}\n`);
  code = 1;
} finally {
  await browser.close();
  await server.stop();
}
process.exit(code);
