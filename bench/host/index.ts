/**
 * The part of `npm run bench:index` that runs inside the real VS Code extension host, on the
 * generated corpus opened as the workspace (with `egn.index.enabled: false`, so that the first
 * Shift+F12 builds the index, as it did before the build at startup). Measures what a user feels,
 * in one run: ripgrep over the same files (best of 3), the cold and warm find all references,
 * hover latency while the index is rebuilt, and the extension host's memory. Writes them as JSON
 * to `EGN_BENCH_RESULTS`; `bench/hostBench.ts` prints them.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { findRipgrep } from '../../src/node/ripgrep';

/** What the host part measured. */
export interface HostBenchResults {
  readonly ripgrepMs: number[];
  readonly ripgrepFiles: number;
  readonly coldMs: number;
  readonly warmMs: number[];
  readonly locations: number;
  readonly rebuildMs: number;
  readonly hoverMs: number[];
  readonly rssBytes: number;
  readonly heapBytes: number;
  readonly arrayBufferBytes: number;
}

const INCLUDE = '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}';

function ripgrepOnce(rg: string, cwd: string): Promise<{ ms: number; files: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(rg, ['--count-matches', '--no-config', '--no-ignore', '--hidden', '-i', '-F', '-e', 'EGN', '-g', INCLUDE, '.'], { cwd });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      out += c;
    });
    child.on('error', reject);
    child.on('close', () => resolve({ ms: performance.now() - started, files: out.split('\n').filter((l) => l).length }));
  });
}

export async function run(): Promise<void> {
  const resultsFile = process.env.EGN_BENCH_RESULTS;
  if (!resultsFile) {
    throw new Error('EGN_BENCH_RESULTS is not set.');
  }
  const ext = vscode.extensions.getExtension('egn-tools.egn-numerique-education');
  if (!ext) {
    throw new Error('The extension is not loaded.');
  }
  await ext.activate();
  const folder = vscode.workspace.workspaceFolders?.[0];
  const rg = findRipgrep(vscode.env.appRoot);
  if (!folder || !rg) {
    throw new Error(`No workspace folder or no ripgrep under ${vscode.env.appRoot}.`);
  }
  const ripgrepMs: number[] = [];
  let ripgrepFiles = 0;
  for (let k = 0; k < 3; k++) {
    const r = await ripgrepOnce(rg, folder.uri.fsPath);
    ripgrepMs.push(r.ms);
    ripgrepFiles = r.files;
  }

  const probe = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Voir EGN-12.' });
  const at = new vscode.Position(0, 6);
  const references = async (): Promise<{ ms: number; count: number }> => {
    const t = performance.now();
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', probe.uri, at);
    return { ms: performance.now() - t, count: locations?.length ?? 0 };
  };
  const cold = await references();
  const warmMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    warmMs.push((await references()).ms);
  }

  // Hover while the whole index is rebuilt: the writer's experience during a build at startup.
  const hoverMs: number[] = [];
  let building = true;
  const t = performance.now();
  const rebuild = Promise.resolve(vscode.commands.executeCommand('egn.rebuildIndex')).then(() => {
    building = false;
  });
  while (building) {
    const h = performance.now();
    await vscode.commands.executeCommand('vscode.executeHoverProvider', probe.uri, at);
    hoverMs.push(performance.now() - h);
    await new Promise((r) => setTimeout(r, 5));
  }
  await rebuild;
  const rebuildMs = performance.now() - t;
  const m = process.memoryUsage();
  const results: HostBenchResults = {
    ripgrepMs, ripgrepFiles, coldMs: cold.ms, warmMs, locations: cold.count, rebuildMs, hoverMs,
    rssBytes: m.rss, heapBytes: m.heapUsed, arrayBufferBytes: m.arrayBuffers,
  };
  fs.writeFileSync(resultsFile, JSON.stringify(results));
}
