/**
 * `npm run bench:index`: the workspace citation index on a generated 10,000-file corpus (~50 MB).
 *
 * Prints, from one run: the full build time (directory walk, stat, read, decode, scan, through
 * `buildIndex` with a Node fs host), the same search with ripgrep over the same files, their ratio,
 * the time to update the index after one file changes, and the index's memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { CitationIndex } from '../src/core/citationIndex';
import { createFileFilter } from '../src/core/globMatcher';
import { buildIndex, decode, HostFile, IndexHost } from '../src/core/indexBuilder';
import { loadCatalogue } from '../src/core/catalogueLoader';
import type { Reference } from '../src/core/reference';
import { ReferenceScanner } from '../src/core/referenceScanner';
import { createLinePrefilter } from '../src/core/candidateLines';
import { FileReaderPool } from '../src/node/fileReaderPool';
import { readFolderCandidates } from '../src/node/readFolderCandidates';
import { findRipgrep } from '../src/node/ripgrep';
import { prng } from '../test/support/prng';
import { generateCorpus } from './corpus';
import { runHostBench } from './hostBench';
import { officeBench } from './officeBench';

const CONCURRENCY = 16;
const UPDATES = 500;
const RG = '/usr/bin/rg';
const INCLUDE = '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}';
const EXCLUDE = '**/{node_modules,.git,out,dist,build,_build,target}/**';

/** The bundled catalogue, so that the scanner judges numbers as the extension does. */
const repoRoot = path.resolve(__dirname, '../..');
const loaded = loadCatalogue(
  fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'),
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object,
);
if (!loaded.ok) {
  throw new Error(`data/egn-2020.yaml does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
}
const catalogue = loaded.catalogue;
const exists = (n: number): boolean => catalogue.byNumber(n) !== undefined;
const scanner = new ReferenceScanner(catalogue.prefix, exists);
/** References that start with the prefix (not list continuations): what ripgrep can count too. */
let heads = 0;
function scan(text: string): readonly Reference[] {
  const refs = scanner.scan(text);
  for (const r of refs) {
    if (r.form !== 'continuation') {
      heads++;
    }
  }
  return refs;
}

/** The ripgrep pattern equivalent to the scanner's heads (rg cannot count list continuations). */
const RG_PATTERN = '(?i)(^|[^\\p{L}\\p{N}\\p{M}\\\\])EGN([-\\x{2011}]|[ \\x{a0}\\x{202f}]([nN][°º][ \\x{a0}\\x{202f}]?)?)[0-9]+';

/**
 * The workspace's file system through Node's fs. `async` is how the extension reads (through
 * workspace.fs: one asynchronous call per stat and per read); `sync` makes the same calls
 * synchronously, which drops the thread-pool round trips and shows the floor of one JS thread.
 */
function nodeHost(root: string, mode: 'async' | 'sync'): IndexHost {
  const walk = async (dir: string, out: HostFile[]): Promise<void> => {
    for (const e of await fs.promises.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        await walk(p, out);
      } else if (e.isFile()) {
        out.push({ uri: p, relativePath: path.relative(root, p).split(path.sep).join('/') });
      }
    }
  };
  const findFiles = async (): Promise<HostFile[]> => {
    const out: HostFile[] = [];
    await walk(root, out);
    return out;
  };
  if (mode === 'sync') {
    return { findFiles, stat: async (uri) => fs.statSync(uri), readFile: async (uri) => fs.readFileSync(uri) };
  }
  return {
    findFiles,
    // The callback API: fs.promises.readFile opens, stats and reads in separate round trips to
    // the thread pool and is about twice as slow on many small files.
    stat: (uri) => new Promise((resolve, reject) => fs.stat(uri, (e, st) => (e ? reject(e) : resolve(st)))),
    readFile: (uri) => new Promise((resolve, reject) => fs.readFile(uri, (e, b) => (e ? reject(e) : resolve(b)))),
  };
}

/** A way to collect garbage before reading memory, and what it is. */
function garbageCollector(): { gc: (() => void) | undefined; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) {
    return { gc: exposed, how: 'global.gc (--expose-gc)' };
  }
  try {
    // Without --expose-gc, the flag can still be set at run time; a new context then sees `gc`.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    return { gc, how: 'gc obtained with v8.setFlagsFromString' };
  } catch {
    return { gc: undefined, how: 'process.memoryUsage deltas without gc (noisy)' };
  }
}

function memory(gc: (() => void) | undefined): { heap: number; buffers: number } {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

const ms = (ns: bigint): number => Number(ns) / 1e6;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs ripgrep over the corpus; undefined when it is not installed. */
function ripgrep(root: string): { ms: number; files: number; matches: number } | undefined {
  if (!fs.existsSync(RG)) {
    return undefined;
  }
  const t = process.hrtime.bigint();
  const rg = spawnSync(RG, ['--count-matches', '--no-messages', '-g', '*.{md,markdown,txt,tex,rst,adoc,asciidoc}', '-e', RG_PATTERN, root], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = ms(process.hrtime.bigint() - t);
  if (rg.status !== 0 && rg.status !== 1) {
    throw new Error(`ripgrep failed (${rg.status}): ${rg.stderr.trim()}`);
  }
  const lines = rg.stdout.split('\n').filter((l) => l.length > 0);
  const matches = lines.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
  return { ms: elapsed, files: lines.length, matches };
}

/** The extension's own readers in plain Node: ripgrep's candidate lines, then Node's fs threads. */
async function fastReaders(root: string): Promise<void> {
  const filter = createFileFilter({ include: INCLUDE, exclude: [EXCLUDE], maxFileSize: 1_048_576 });
  const pool = new FileReaderPool({ prefixes: [catalogue.prefix], scanner: { prefix: catalogue.prefix, numbers: catalogue.proposals.map((p) => p.number) } });
  try {
    for (const rg of [findRipgrep(RUNTIME_APP_ROOT()) ?? RG, undefined]) {
      const index = new CitationIndex((t) => scanner.scan(t), exists, createLinePrefilter([catalogue.prefix]));
      const t0 = process.hrtime.bigint();
      const stats = await readFolderCandidates({
        root, filter, include: INCLUDE, excludes: [EXCLUDE], maxFileSize: 1_048_576, prefixes: [catalogue.prefix], ripgrep: rg, pool,
        onFile: (rel, content) => index.setContent(rel, content),
      });
      const elapsed = ms(process.hrtime.bigint() - t0);
      const citations = [...index.countsByNumber().values()].reduce((a, b) => a + b, 0);
      console.log(`Fast reader, ${stats.via}${stats.via === 'ripgrep' ? ` (${rg})` : ` (${os.availableParallelism()} cores)`}: ${elapsed.toFixed(0)} ms for ${stats.read} files, ${citations} citations`);
    }
  } finally {
    pool.dispose();
  }
}

/** VS Code's install in the cached runtime, whose ripgrep the extension uses. */
function RUNTIME_APP_ROOT(): string | undefined {
  const cache = path.join(os.homedir(), '.cache', 'egn-vscode-runtime');
  for (const hash of fs.existsSync(cache) ? fs.readdirSync(cache) : []) {
    const appRoot = path.join(cache, hash, 'node_modules/code-server/lib/vscode');
    if (findRipgrep(appRoot)) {
      return appRoot;
    }
  }
  return undefined;
}

/** The part in the real VS Code again, on a corpus as dense as issue 8's (2,606 citations of `EGN-12`, not 12,390). */
async function hostBenchOfIssueCorpus(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-index-bench-issue-'));
  try {
    generateCorpus(root, 'issue');
    await runHostBench(root, 'issue');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.EGN_BENCH_OFFICE === 'only') {
    // Only the Word, LibreOffice and PDF corpus (bench/officeBench.ts).
    await officeBench((text) => scanner.scan(text));
    return;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-index-bench-'));
  try {
    if (process.env.EGN_BENCH_HOST === 'only') {
      // Only the part in the real VS Code: what users feel, without the plain-Node figures.
      generateCorpus(root);
      await runHostBench(root, 'dense');
      await hostBenchOfIssueCorpus();
      return;
    }
    let t = process.hrtime.bigint();
    const corpus = generateCorpus(root);
    console.log(`Corpus: ${corpus.files.length} files, ${mb(corpus.bytes)}, in nested folders under ${root} (generated in ${ms(process.hrtime.bigint() - t).toFixed(0)} ms)`);

    const { gc, how } = garbageCollector();
    const before = memory(gc);

    const index = new CitationIndex(scan, exists);
    const filter = createFileFilter({
      include: '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}',
      exclude: ['**/{node_modules,.git,out,dist,build,_build,target}/**'],
      maxFileSize: 1_048_576,
    });
    t = process.hrtime.bigint();
    const stats = await buildIndex(nodeHost(root, 'async'), index, filter, { concurrency: CONCURRENCY });
    const buildMs = ms(process.hrtime.bigint() - t);
    const citations = [...index.countsByNumber().values()].reduce((a, b) => a + b, 0);
    console.log(
      `Index build: ${buildMs.toFixed(0)} ms for ${stats.indexed} files (walk, stat, read, decode, scan, index; asynchronous fs as the extension reads; ` +
        `concurrency ${CONCURRENCY}); ${citations} citations; skipped ${stats.skippedExcluded + stats.skippedTooLarge + stats.skippedBinary}, failed ${stats.failed}`,
    );

    const after = memory(gc);
    const heap = after.heap - before.heap;
    const buffers = after.buffers - before.buffers;
    console.log(
      `Index memory (${how}): ${mb(heap + buffers)} = ${mb(heap)} JS heap + ${mb(buffers)} array buffers ` +
        `(the index counts ${mb(index.storedBytes())} in its typed arrays), ${((heap + buffers) / citations).toFixed(0)} bytes per citation`,
    );

    const rg = ripgrep(root);
    if (rg) {
      console.log(
        `ripgrep: ${rg.ms.toFixed(0)} ms for ${rg.files} files, ${rg.matches} matches (${RG} --count-matches, same files and globs); ` +
          `the scanner found ${heads} references starting with the prefix (${heads === rg.matches ? 'same count' : 'COUNTS DIFFER'}), ` +
          `which with list continuations and range numbers make the ${citations} citations`,
      );
    } else {
      console.log(`ripgrep: ${RG} not found, comparison skipped`);
    }

    // The same build with synchronous fs calls; then reading alone, and scanning + indexing alone.
    t = process.hrtime.bigint();
    await buildIndex(nodeHost(root, 'sync'), new CitationIndex(scan, exists), filter, { concurrency: CONCURRENCY });
    const syncMs = ms(process.hrtime.bigint() - t);
    t = process.hrtime.bigint();
    await buildIndex(nodeHost(root, 'async'), { set: () => undefined }, filter, { concurrency: CONCURRENCY });
    const ioMs = ms(process.hrtime.bigint() - t);
    const texts = corpus.files.map((f) => decode(fs.readFileSync(f)));
    const fresh = new CitationIndex(scan, exists);
    t = process.hrtime.bigint();
    texts.forEach((text, k) => fresh.set(corpus.files[k], text));
    const cpuMs = ms(process.hrtime.bigint() - t);
    console.log(`Index build with synchronous fs calls in the host: ${syncMs.toFixed(0)} ms`);
    console.log(`  breakdown: walk + stat + read + decode alone (asynchronous fs) ${ioMs.toFixed(0)} ms; scan + index alone, texts in memory, ${cpuMs.toFixed(0)} ms`);
    if (rg) {
      console.log(`Ratio index build / ripgrep: ${(buildMs / rg.ms).toFixed(2)}x (asynchronous fs), ${(syncMs / rg.ms).toFixed(2)}x (synchronous fs)`);
    }

    // One file changes: read it again and re-index it, as a file watcher event does.
    const rand = prng(7);
    const withRead: number[] = [];
    const setOnly: number[] = [];
    for (let k = 0; k < UPDATES; k++) {
      const file = corpus.files[Math.floor(rand() * corpus.files.length)];
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('EGN-', 'EGN n° '));
      const t0 = process.hrtime.bigint();
      const changed = decode(await fs.promises.readFile(file));
      const t1 = process.hrtime.bigint();
      index.set(file, changed);
      const t2 = process.hrtime.bigint();
      withRead.push(ms(t2 - t0));
      setOnly.push(ms(t2 - t1));
    }
    console.log(`Single-file update: median ${median(withRead).toFixed(3)} ms with the read, ${median(setOnly).toFixed(3)} ms for index.set alone (median of ${UPDATES})`);

    const queries: number[] = [];
    for (const p of catalogue.proposals) {
      const t0 = process.hrtime.bigint();
      index.citationsOf(p.number);
      queries.push(ms(process.hrtime.bigint() - t0));
    }
    console.log(`citationsOf(n): median ${median(queries).toFixed(1)} ms per proposal (about ${Math.round(citations / catalogue.proposals.length)} citations each, previews included)`);

    await fastReaders(root);
    if (process.env.EGN_BENCH_OFFICE !== '0') {
      await officeBench((text) => scanner.scan(text));
    }
    if (process.env.EGN_BENCH_HOST !== '0') {
      await runHostBench(root, 'dense');
      await hostBenchOfIssueCorpus();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    console.log(`Removed ${root}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
