/**
 * `npm run bench:cli`: `egn-cite check` (the built dist/cli.js, a fresh Node process each run, as a
 * CI step runs it) against ripgrep over the same generated 10,000-file / ~50 MB corpus as
 * `npm run bench:index`, in the same run. The tools take turns, round after round, so that a change
 * of the machine's load hits them alike. Prints each tool's best, their ratio (best over best, and
 * the lowest and highest ratio of a round), the CPU time (user + sys, children included, when
 * /usr/bin/time is there: steadier than wall-clock time on a shared machine), for both paths of the
 * command (with ripgrep, and Node fs only with `--no-ripgrep`), with the machine's load.
 *
 * It also times what bounds the ripgrep path from below, on the same files in the same rounds: the
 * check's own ripgrep search alone, and a Node process that does nothing but start that search and
 * wait for it (no bundle, no listing, no report). No Node command doing the check can beat the latter.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { prefilterNeedles } from '../src/core/candidateLines';
import { loadBundledCatalogue } from '../src/cli/cliCatalogues';
import { searchFolderArgs } from '../src/cli/ripgrepCheck';
import { folderExcludes, readWorkspaceSettings } from '../src/cli/workspaceSettings';
import { generateCorpus } from './corpus';

const RG = '/usr/bin/rg';
const RUNS = 5;
const TIME = '/usr/bin/time';
const repoRoot = path.resolve(__dirname, '../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

interface Timed {
  readonly ms: number;
  /** User + sys CPU time of the process and its children, when /usr/bin/time measured it. */
  readonly cpuMs: number | undefined;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const hasTime = fs.existsSync(TIME);

function time(command: string, args: readonly string[], cwd?: string): Timed {
  const report = path.join(os.tmpdir(), `egn-cli-bench-time-${process.pid}`);
  const [cmd, argv] = hasTime ? [TIME, ['-o', report, '-f', '%U %S', command, ...args]] : [command, args];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  let cpuMs: number | undefined;
  if (hasTime) {
    const [user, sys] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuMs = (user + sys) * 1000;
    fs.rmSync(report, { force: true });
  }
  return { ms, cpuMs, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fastest(runs: readonly Timed[]): Timed {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function cpu(runs: readonly Timed[]): string {
  const values = runs.map((r) => r.cpuMs).filter((c): c is number => c !== undefined);
  return values.length === 0 ? 'CPU time not measured' : `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms of CPU`;
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
    // The check's search of the folder, with the folder's default settings and the bundled catalogue.
    const settings = readWorkspaceSettings(root);
    const numbers = loadBundledCatalogue(() => path.join(repoRoot, 'data')).proposals.map((p) => p.number);
    const searchArgs = searchFolderArgs(folderExcludes(settings, undefined), settings.maxFileSize, [{ prefix: 'EGN', numbers }]);
    const floorScript = `const c = require('child_process').spawn(${JSON.stringify(RG)}, ${JSON.stringify(searchArgs)}, { stdio: 'ignore' }); c.on('exit', () => {});`;
    const bounds = hasRg
      ? [
          { label: "the check's ripgrep search alone", command: RG, args: searchArgs },
          { label: 'Node starting that search and waiting for it (the floor of any Node command)', command: process.execPath, args: ['-e', floorScript] },
        ]
      : [];
    const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(', ');
    console.log(`Load average before: ${load()} (1, 5, 15 min)`);
    // Warm the page cache for both, so that neither pays for the first read from disk.
    if (hasRg) {
      time(RG, rgArgs);
    }
    time(process.execPath, paths[0].args);

    // Round after round, each tool in turn.
    const rgRuns: Timed[] = [];
    const cliRuns = paths.map(() => [] as Timed[]);
    const boundRuns = bounds.map(() => [] as Timed[]);
    for (let round = 0; round < RUNS; round++) {
      if (hasRg) {
        rgRuns.push(time(RG, rgArgs));
      }
      paths.forEach((p, k) => cliRuns[k].push(time(process.execPath, p.args)));
      bounds.forEach((b, k) => boundRuns[k].push(time(b.command, b.args, root)));
    }
    const rg = hasRg ? fastest(rgRuns) : undefined;
    const runs = paths.map((p, k) => ({ ...p, all: cliRuns[k], timed: fastest(cliRuns[k]) }));
    for (const { label, timed } of runs) {
      if (timed.status !== 1) {
        throw new Error(`egn-cite check (${label}) exited ${timed.status}, expected 1 (two unknown references): ${timed.stderr}`);
      }
    }
    if (new Set(runs.map((r) => r.timed.stdout)).size !== 1) {
      throw new Error('egn-cite check printed different reports with and without ripgrep');
    }
    // The fixed cost of any run: starting Node and loading the bundle (catalogue, threads and files aside).
    const start = fastest(Array.from({ length: RUNS }, () => time(process.execPath, [cli, '--version'])));
    if (rg) {
      const matches = rg.stdout.split('\n').filter(Boolean).reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
      console.log(`ripgrep: ${rg.ms.toFixed(0)} ms best of ${RUNS} (${RG} --count-matches -i -F with the prefilter's needles, same globs; ${matches} matches); ${cpu(rgRuns)}`);
    } else {
      console.log(`ripgrep: ${RG} not found, comparison skipped`);
    }
    for (const { label, timed, all } of runs) {
      const summary = timed.stdout.trim().split('\n').pop();
      console.log(`egn-cite check, ${label}: ${timed.ms.toFixed(0)} ms best of ${RUNS} (node dist/cli.js, process start included; ${summary}); ${cpu(all)}`);
      if (rg) {
        const ratios = all.map((r, k) => r.ms / rgRuns[k].ms);
        console.log(`  ratio egn-cite / ripgrep: ${(timed.ms / rg.ms).toFixed(2)}x best over best; ${Math.min(...ratios).toFixed(2)}x–${Math.max(...ratios).toFixed(2)}x round by round (target 1.5x at most)`);
      }
    }
    bounds.forEach((b, k) => {
      const best = fastest(boundRuns[k]);
      console.log(`${b.label}: ${best.ms.toFixed(0)} ms best of ${RUNS}${rg ? `, ${(best.ms / rg.ms).toFixed(2)}x ripgrep` : ''}; ${cpu(boundRuns[k])}`);
    });
    console.log(`Starting Node and loading dist/cli.js (egn-cite --version): ${start.ms.toFixed(0)} ms best of ${RUNS}`);
    console.log(`Load average after: ${load()} on ${os.availableParallelism()} cores`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main();
