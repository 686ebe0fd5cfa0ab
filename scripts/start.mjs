// @ts-check
// `npm start`: builds the extension and serves a real VS Code (1.100) workbench on 127.0.0.1 with
// the extension loaded and a fresh copy of the demo workspace open. Ctrl+C stops and cleans up.
// `npm start -- --lang fr` (or `EGN_LANG=fr npm start`) shows the workbench and the extension in French.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureRuntime, repoRoot } from './lib/runtime.mjs';
import { startServer, workbenchUrl } from './lib/workbench.mjs';

const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}
const langArg = process.argv.indexOf('--lang');
const lang = (langArg >= 0 ? process.argv[langArg + 1] : process.env.EGN_LANG) || 'en';
if (lang !== 'en' && lang !== 'fr') {
  process.stderr.write(`Unknown display language "${lang}": use en or fr.\n`);
  process.exit(2);
}
const runtime = ensureRuntime();
// A copy, so that edits made while trying the extension never touch the test fixtures.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-demo-'));
fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
// Documents as people write them: prose citations in Markdown, plain text and LaTeX, and a plan as
// Word, LibreOffice and PDF files (made by pandoc and LibreOffice, test/fixtures/office).
fs.cpSync(path.join(repoRoot, 'test/fixtures/prose'), path.join(workspace, 'prose'), { recursive: true });
fs.mkdirSync(path.join(workspace, 'documents-bureautiques'));
for (const name of ['plan.docx', 'plan-libreoffice.odt', 'plan.pdf']) {
  fs.copyFileSync(path.join(repoRoot, 'test/fixtures/office', name), path.join(workspace, 'documents-bureautiques', name));
}
const server = await startServer({ runtime, quiet: !process.env.EGN_VERBOSE, locale: lang });
const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: repoRoot });

process.stdout.write(`
VS Code with the EGN extension is running (display language: ${lang}).
  Open this URL in a browser on this machine:
  ${url}

  Demo workspace (a copy of test/fixtures/workspace, with test/fixtures/prose and Office documents): ${workspace}
  Press Ctrl+C to stop.
`);
if (process.env.DISPLAY && fs.existsSync('/usr/bin/xdg-open')) {
  spawn('/usr/bin/xdg-open', [url], { stdio: 'ignore', detached: true }).unref();
}

let stopping = false;
const stop = async () => {
  if (stopping) { return; }
  stopping = true;
  process.stdout.write('\nStopping…\n');
  await server.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(server.scratch, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
