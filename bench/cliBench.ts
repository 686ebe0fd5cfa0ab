/**
 * `npm run bench:cli`: `egn-cite check` (the built dist/cli.js, a fresh Node process each run, as a
 * CI step runs it) against ripgrep over the same generated 10,000-file / ~50 MB corpus as
 * `npm run bench:index`, in the same run. Prints each tool's best of three, and their ratio, for both
 * paths of the command (with ripgrep, and Node fs only with `--no-ripgrep`), with the machine's load.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { prefilterNeedles } from '../src/core/candidateLines';
import { generateCorpus } from './corpus';

const RG = '/usr/bin/rg';
const RUNS = 3;
const repoRoot = path.resolve(__dirname, '../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

interface Timed {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function time(command: string, args: readonly string[]): Timed {
  const t = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function best(command: string, args: readonly string[]): Timed {
  const runs = Array.from({ length: RUNS }, () => time(command, args));
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function main(): void {
  if (!fs.existsSync(cli)) {
    throw new Error(`${cli} is missing: run npm run build first.`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-cli-bench-'));
  try {
    const corpus = generateCorpus(root);
    // Two references that do not exist, so that the check has something to report.
    fs.appendFileSync(corpus.files[17], '\nVoir aussi EGN-41.\n');
    fs.appendFileSync(corpus.files[9000], '\nEt EGN n° 52.\n');
    console.log(`Corpus: ${corpus.files.length} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB under ${root}; ${os.availableParallelism()} cores`);
    // ripgrep's share of the same job: the lines holding a needle of the editor's line prefilter, in the same files.
    const needles = prefilterNeedles(['EGN']).flatMap((n) => ['-e', n]);
    const rgArgs = ['--count-matches', '--no-messages', '-i', '-F', '-g', '*.{md,markdown,txt,tex,rst,adoc,asciidoc}', ...needles, root];
    const hasRg = fs.existsSync(RG);
    const paths = [
      ...(hasRg ? [{ label: `ripgrep path: listing and file prefilter (--ripgrep ${RG})`, args: [cli, 'check', root, '--no-progress', '--ripgrep', RG] }] : []),
      { label: 'Node path: every file read and scanned (--no-ripgrep)', args: [cli, 'check', root, '--no-progress', '--no-ripgrep'] },
    ];
    const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(', ');
    console.log(`Load average before: ${load()} (1, 5, 15 min)`);
    // Warm the page cache for both, so that neither pays for the first read from disk.
    if (hasRg) {
      time(RG, rgArgs);
    }
    time(process.execPath, paths[0].args);

    const rg = hasRg ? best(RG, rgArgs) : undefined;
    const runs = paths.map((p) => ({ ...p, timed: best(process.execPath, p.args) }));
    for (const { label, timed } of runs) {
      if (timed.status !== 1) {
        throw new Error(`egn-cite check (${label}) exited ${timed.status}, expected 1 (two unknown references): ${timed.stderr}`);
      }
    }
    if (new Set(runs.map((r) => r.timed.stdout)).size !== 1) {
      throw new Error('egn-cite check printed different reports with and without ripgrep');
    }
    // The fixed cost of any run: starting Node and loading the bundle (catalogue, threads and files aside).
    const start = best(process.execPath, [cli, '--version']);
    if (rg) {
      const matches = rg.stdout.split('\n').filter(Boolean).reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
      console.log(`ripgrep: ${rg.ms.toFixed(0)} ms best of ${RUNS} (${RG} --count-matches -i -F with the prefilter's needles, same globs; ${matches} matches)`);
    } else {
      console.log(`ripgrep: ${RG} not found, comparison skipped`);
    }
    for (const { label, timed } of runs) {
      const summary = timed.stdout.trim().split('\n').pop();
      console.log(`egn-cite check, ${label}: ${timed.ms.toFixed(0)} ms best of ${RUNS} (node dist/cli.js, process start included; ${summary})`);
      if (rg) {
        console.log(`  ratio egn-cite / ripgrep: ${(timed.ms / rg.ms).toFixed(2)}x (target 1.5x at most)`);
      }
    }
    console.log(`Starting Node and loading dist/cli.js (egn-cite --version): ${start.ms.toFixed(0)} ms best of ${RUNS}`);
    console.log(`Load average after: ${load()} on ${os.availableParallelism()} cores`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main();
