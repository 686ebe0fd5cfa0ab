import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import type { CorpusDensity } from './corpus';
import type { HostBenchResults } from './host';

const repoRoot = path.resolve(__dirname, '../..');

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** p50 / p99 of a series of hovers, and its slowest three (a p99 of few samples is one of them). */
function hoverFigures(xs: readonly number[]): string {
  const slowest = [...xs].sort((a, b) => b - a).slice(0, 3);
  return `${percentile(xs, 50).toFixed(1)} ms / ${percentile(xs, 99).toFixed(1)} ms; ${slowest.map((h) => h.toFixed(0)).join(', ')} ms`;
}

/**
 * Opens `corpus` in the real VS Code (code-server's server, as `npm test` runs it) with the
 * extension under development, runs bench/host/index.ts in its extension host and prints a table.
 * The corpus gets `egn.index.enabled: false` in .vscode/settings.json for the cold measurement.
 * `EGN_BENCH_HOST=only` runs just this part; `EGN_BENCH_PROFILE=<folder>` also writes the extension
 * host's CPU profiles of each measurement there; `EGN_BENCH_PROBE_LANGUAGE=plaintext` queries from a
 * plain-text document, so that VS Code's Markdown extension does not start during the first query.
 */
export async function runHostBench(corpus: string, density: CorpusDensity, corpusLabel?: string): Promise<void> {
  const runtime = (await import(path.join(repoRoot, 'scripts/lib/runtime.mjs'))) as { ensureRuntime(): void };
  runtime.ensureRuntime();
  fs.mkdirSync(path.join(corpus, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(corpus, '.vscode', 'settings.json'), JSON.stringify({ 'egn.index.enabled': false }));
  const resultsFile = path.join(os.tmpdir(), `egn-host-bench-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  await runTests({
    vscodeExecutablePath: path.join(repoRoot, 'scripts/vscode-launcher.mjs'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(__dirname, 'host', 'index.js'),
    launchArgs: [corpus],
    extensionTestsEnv: { EGN_BENCH_RESULTS: resultsFile, EGN_BENCH_PROFILE: process.env.EGN_BENCH_PROFILE, EGN_BENCH_PROBE_LANGUAGE: process.env.EGN_BENCH_PROBE_LANGUAGE },
  });
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as HostBenchResults;
  fs.rmSync(resultsFile, { force: true });
  const rg = Math.min(...r.ripgrepMs);
  const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const rows: [string, string][] = [
    ['ripgrep over the same files (best of 3)', `${rg.toFixed(0)} ms (${r.ripgrepFiles} files)`],
    [`first find all references on EGN-12 (builds the index)`, `${r.coldMs.toFixed(0)} ms (${r.locations} locations)`],
    ['ratio first find all references / ripgrep', `${(r.coldMs / rg).toFixed(2)}`],
    ['second find all references (median of 7; best)', `${percentile(r.warmMs, 50).toFixed(1)} ms; ${Math.min(...r.warmMs).toFixed(1)} ms`],
    [
      'the same locations from a provider that returns them ready (VS Code’s own cost; median of 7)',
      `${percentile(r.controlMs, 50).toFixed(1)} ms; ratio second find all references / this: ${(percentile(r.warmMs, 50) / percentile(r.controlMs, 50)).toFixed(2)}`,
    ],
    ['the same, with the first 2,615 of those locations (issue 8’s count; median of 7)', `${percentile(r.controlIssueMs, 50).toFixed(1)} ms`],
    ['rebuild of the index (egn.rebuildIndex), prose on (the default)', `${r.rebuildMs.toFixed(0)} ms`],
    ['the same rebuild with egn.prose.enabled off, right after; ratio prose on / off', `${r.proseOffRebuildMs.toFixed(0)} ms; ${(r.rebuildMs / r.proseOffRebuildMs).toFixed(2)}`],
    [`hover during the prose-off rebuild, p50 / p99 (${r.proseOffHoverMs.length} hovers; the slowest three)`, hoverFigures(r.proseOffHoverMs)],
    [`hover with nothing running: the session's first, then p50 / p99 of ${r.idleHoverMs.length - 1} more; the slowest three`, `${r.idleHoverMs[0].toFixed(1)} ms, then ${hoverFigures(r.idleHoverMs.slice(1))}`],
    [`hover during the rebuild, p50 / p99 (${r.hoverMs.length} hovers; the slowest three)`, hoverFigures(r.hoverMs)],
    [`the control: hover while ripgrep searches the same files without pause for as long (${r.ripgrepHoverMs.length} hovers; the slowest three)`, hoverFigures(r.ripgrepHoverMs)],
    [
      `hover in a ${mb(r.hostileBytes)} document of \`EGN-1 à 41 \` repeated: the first (after its links), then p50 / p99 of ${r.hostileHoverMs.length - 1} more; its document links`,
      `${r.hostileHoverMs[0].toFixed(1)} ms, then ${percentile(r.hostileHoverMs.slice(1), 50).toFixed(1)} ms / ${percentile(r.hostileHoverMs.slice(1), 99).toFixed(1)} ms; ${r.hostileLinksMs.toFixed(0)} ms`,
    ],
    ['extension host memory after the rebuild (RSS; JS heap; array buffers)', `${mb(r.rssBytes)}; ${mb(r.heapBytes)}; ${mb(r.arrayBufferBytes)}`],
  ];
  const corpusName = corpusLabel ?? (density === 'dense' ? 'the dense corpus (three sentences of four cite a proposal)' : 'a corpus as dense as issue 8\'s (about a fifth of the references)');
  console.log(`\nIn the real VS Code 1.100 extension host (code-server server, headless Chromium workbench), on ${corpusName}, queried from a ${process.env.EGN_BENCH_PROBE_LANGUAGE || 'markdown'} document:`);
  console.log('| measure | value |\n|---|---|');
  for (const [k, v] of rows) {
    console.log(`| ${k} | ${v} |`);
  }
}
