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
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';
import { findRipgrep } from '../../src/node/ripgrep';

/** What the host part measured. */
export interface HostBenchResults {
  readonly ripgrepMs: number[];
  readonly ripgrepFiles: number;
  readonly coldMs: number;
  readonly warmMs: number[];
  readonly locations: number;
  /**
   * The same number of locations (the very ones found) answered by a provider that only returns
   * an array it already holds: what VS Code itself costs to carry them (the practical limit).
   */
  readonly controlMs: number[];
  /** The control again with the first 2,615 of those locations: issue 8's count for `EGN-12`. */
  readonly controlIssueMs: number[];
  readonly rebuildMs: number;
  /**
   * The same rebuild with `egn.prose.enabled` off, right after (issue 18: prose on must cost at most
   * 1.25× this), and the hovers during it.
   */
  readonly proseOffRebuildMs: number;
  readonly proseOffHoverMs: number[];
  /**
   * Hovers with nothing else running, just before the rebuild, in order: the first of the session
   * (code run for the first time, ours and VS Code's), then the baseline of `hoverMs`.
   */
  readonly idleHoverMs: number[];
  readonly hoverMs: number[];
  /**
   * The control of `hoverMs`: hovers while ripgrep searches the workspace again and again, for as
   * long as the rebuild took (what VS Code's own search costs a hover on the same machine).
   */
  readonly ripgrepHoverMs: number[];
  /** Hovers on a reference of a 1 MB document of `EGN-1 à 41 ` repeated, open in an editor and indexed. */
  readonly hostileHoverMs: number[];
  /** Document links of that document (capped), once. */
  readonly hostileLinksMs: number;
  readonly hostileBytes: number;
  readonly rssBytes: number;
  readonly heapBytes: number;
  readonly arrayBufferBytes: number;
}

const INCLUDE = '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}';
/** How many locations issue 8 measured for `EGN-12` on its corpus. */
const ISSUE_LOCATIONS = 2_615;

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

/**
 * With `EGN_BENCH_PROFILE=<folder>`, the extension host's CPU profile of `body` is written there as
 * `<name>.cpuprofile` (open it in Chrome's DevTools or VS Code): where a measured time goes.
 */
async function profiled<T>(name: string, body: () => Promise<T>): Promise<T> {
  const folder = process.env.EGN_BENCH_PROFILE;
  if (!folder) {
    return body();
  }
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await body();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
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

  // A Markdown probe, as a writer's document; `EGN_BENCH_PROBE_LANGUAGE=plaintext` keeps VS Code's
  // Markdown extension (and its language server, which reads every .md file) from starting during the
  // first query: what that start costs the first query.
  const probe = await vscode.workspace.openTextDocument({ language: process.env.EGN_BENCH_PROBE_LANGUAGE || 'markdown', content: 'Voir EGN-12.' });
  const at = new vscode.Position(0, 6);
  const references = async (): Promise<{ ms: number; count: number }> => {
    const t = performance.now();
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', probe.uri, at);
    return { ms: performance.now() - t, count: locations?.length ?? 0 };
  };
  const cold = await profiled('cold-references', references);
  const warmMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    warmMs.push((await profiled(`warm-references-${k}`, references)).ms);
  }
  // The control: a JSON document (not a language the extension serves) whose provider hands back
  // the locations found above, already built.
  const found = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', probe.uri, at)) ?? [];
  const control = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "EGN": 12 }' });
  const controlProvider = vscode.languages.registerReferenceProvider({ language: 'json' }, { provideReferences: () => found });
  const controlMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    const got = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', control.uri, new vscode.Position(0, 4));
    controlMs.push(performance.now() - t0);
    if ((got?.length ?? 0) < found.length) {
      throw new Error(`The control provider gave ${got?.length ?? 0} locations, not ${found.length}.`);
    }
  }
  controlProvider.dispose();
  const issueCount = Math.min(ISSUE_LOCATIONS, found.length);
  const fewer = found.slice(0, issueCount);
  const fewerProvider = vscode.languages.registerReferenceProvider({ language: 'json' }, { provideReferences: () => fewer });
  const controlIssueMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    const got = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', control.uri, new vscode.Position(0, 4));
    controlIssueMs.push(performance.now() - t0);
    if ((got?.length ?? 0) !== issueCount) {
      throw new Error(`The control provider gave ${got?.length ?? 0} locations, not ${issueCount}.`);
    }
  }
  fewerProvider.dispose();

  const hover = async (): Promise<number> => {
    const h = performance.now();
    await vscode.commands.executeCommand('vscode.executeHoverProvider', probe.uri, at);
    return performance.now() - h;
  };
  const idleHoverMs: number[] = [];
  for (let k = 0; k < 30; k++) {
    idleHoverMs.push(await hover());
    await new Promise((r) => setTimeout(r, 5));
  }
  // Hover while the whole index is rebuilt: the writer's experience during a build at startup.
  const hoverMs: number[] = [];
  let building = true;
  const t = performance.now();
  await profiled('rebuild-with-hovers', async () => {
    const rebuild = Promise.resolve(vscode.commands.executeCommand('egn.rebuildIndex')).then(() => {
      building = false;
    });
    while (building) {
      hoverMs.push(await hover());
      await new Promise((r) => setTimeout(r, 5));
    }
    await rebuild;
  });
  const rebuildMs = performance.now() - t;
  // Prose off (issue 18): the setting's change rebuilds the index by itself; then the same measure.
  const prose = vscode.workspace.getConfiguration('egn.prose');
  await prose.update('enabled', false, vscode.ConfigurationTarget.Workspace);
  await vscode.commands.executeCommand('egn.rebuildIndex');
  const proseOffHoverMs: number[] = [];
  building = true;
  const tOff = performance.now();
  const rebuildOff = Promise.resolve(vscode.commands.executeCommand('egn.rebuildIndex')).then(() => {
    building = false;
  });
  while (building) {
    proseOffHoverMs.push(await hover());
    await new Promise((r) => setTimeout(r, 5));
  }
  await rebuildOff;
  const proseOffRebuildMs = performance.now() - tOff;
  await prose.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
  await vscode.commands.executeCommand('egn.rebuildIndex');
  const m = process.memoryUsage();
  const ripgrepHoverMs: number[] = [];
  const searchUntil = performance.now() + rebuildMs;
  let searching = true;
  const searches = (async () => {
    while (performance.now() < searchUntil) {
      await ripgrepOnce(rg, folder.uri.fsPath);
    }
    searching = false;
  })();
  while (searching) {
    ripgrepHoverMs.push(await hover());
    await new Promise((r) => setTimeout(r, 5));
  }
  await searches;

  // A hostile document: 1 MB of `EGN-1 à 41 ` (3.5 million implied citations), on disk and open.
  const hostileUri = vscode.Uri.joinPath(folder.uri, 'hostile.md');
  const hostileText = 'EGN-1 à 41 '.repeat(Math.floor(1_040_000 / Buffer.byteLength('EGN-1 à 41 ')));
  await vscode.workspace.fs.writeFile(hostileUri, Buffer.from(hostileText));
  const hostile = await vscode.workspace.openTextDocument(hostileUri);
  await vscode.window.showTextDocument(hostile);
  let l = performance.now();
  await vscode.commands.executeCommand('vscode.executeLinkProvider', hostile.uri);
  const hostileLinksMs = performance.now() - l;
  const hostileHoverMs: number[] = [];
  const hostileHover = async (k: number): Promise<void> => {
    l = performance.now();
    await vscode.commands.executeCommand('vscode.executeHoverProvider', hostile.uri, new vscode.Position(0, 11 * (k * 997) + 2));
    hostileHoverMs.push(performance.now() - l);
  };
  await profiled('hostile-first-hover', () => hostileHover(0));
  for (let k = 1; k < 30; k++) {
    await hostileHover(k);
  }
  const results: HostBenchResults = {
    ripgrepMs, ripgrepFiles, coldMs: cold.ms, warmMs, controlMs, controlIssueMs, locations: cold.count, rebuildMs, proseOffRebuildMs, proseOffHoverMs, idleHoverMs, hoverMs, ripgrepHoverMs, hostileHoverMs, hostileLinksMs, hostileBytes: Buffer.byteLength(hostileText),
    rssBytes: m.rss, heapBytes: m.heapUsed, arrayBufferBytes: m.arrayBuffers,
  };
  fs.writeFileSync(resultsFile, JSON.stringify(results));
}
