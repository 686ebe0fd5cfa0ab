import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CandidateLine } from '../../src/core/candidateLines';
import { CitationIndex } from '../../src/core/citationIndex';
import { createLinePrefilter } from '../../src/core/candidateLines';
import { createFileFilter } from '../../src/core/globMatcher';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { FileReaderPool } from '../../src/node/fileReaderPool';
import { readFolderCandidates } from '../../src/node/readFolderCandidates';
import { parseRipgrepChunk, spawnRipgrep } from '../../src/node/ripgrep';
import { prng } from '../support/prng';
import { testRipgrep } from '../support/testRipgrep';

/** What a parse gave: every file's candidate lines, and the files to recheck. */
function parsed(chunks: readonly Uint8Array[]): { files: Map<string, CandidateLine[]>; recheck: string[] } {
  const files = new Map<string, CandidateLine[]>();
  const recheck: string[] = [];
  for (const chunk of chunks) {
    parseRipgrepChunk(chunk, {
      onFile: (p, lines) => {
        assert.ok(!files.has(p), `${p} came in two pieces`);
        files.set(p, lines);
      },
      onRecheck: (p) => recheck.push(p),
    });
  }
  return { files, recheck: recheck.sort() };
}

/**
 * A folder whose ripgrep output is several megabytes, over hundreds of files of very different
 * sizes (one line to thousands), with CRLF files, a UTF-16 file and files holding a NUL byte after
 * matching lines (ripgrep then adds a notice line for the file).
 */
function writeBigFolder(root: string): void {
  const rand = prng(4_11_2020);
  for (let k = 0; k < 400; k++) {
    const lines: string[] = [];
    const count = k % 50 === 0 ? 3_000 : 1 + Math.floor(rand() * 40);
    for (let l = 0; l < count; l++) {
      lines.push(rand() < 0.7 ? `Ligne ${l} : voir EGN-${1 + Math.floor(rand() * 40)} et l’élève n° ${l}.` : `Sans référence ${l}.`);
    }
    const dir = path.join(root, `dossier-${k % 7}`);
    fs.mkdirSync(dir, { recursive: true });
    let bytes = Buffer.from(lines.join(k % 3 === 0 ? '\r\n' : '\n'));
    if (k % 97 === 0) {
      bytes = Buffer.concat([bytes, Buffer.from('\nEGN-3 avant un octet nul\n\0 et après EGN-4\n')]);
    }
    if (k % 89 === 0) {
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\n'), 'utf16le')]);
    }
    fs.writeFileSync(path.join(dir, `fiche-${k}.md`), bytes);
  }
}

describe('ripgrep output shared between two threads', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-rg-chunks-'));
    writeBigFolder(root);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const search = (): Parameters<typeof spawnRipgrep>[0] => ({ rg: testRipgrep(), root, include: '**/*.md', excludes: [], maxFileSize: 10_000_000, prefixes: ['EGN'] });

  it('cuts the output only between files: each file comes whole in one chunk, and the chunks read as the whole output', async () => {
    const chunks: Uint8Array[] = [];
    await spawnRipgrep(search(), (chunk) => chunks.push(chunk.slice()));
    assert.ok(chunks.length > 4, `only ${chunks.length} chunks: the folder is too small to test cutting`);
    const whole = Buffer.concat(chunks);
    const one = parsed([whole]);
    const many = parsed(chunks);
    assert.deepStrictEqual([...many.files.keys()].sort(), [...one.files.keys()].sort());
    for (const [p, lines] of one.files) {
      assert.deepStrictEqual(many.files.get(p), lines, p);
    }
    assert.deepStrictEqual(many.recheck, one.recheck);
    assert.ok(one.recheck.length > 0, 'the files holding a NUL byte are to be rechecked');
    assert.ok(one.files.size > 300);
  });

  it('gives the same index with one reader thread and with two sharing ripgrep’s output', async () => {
    const exists = (n: number): boolean => n >= 1 && n <= 40;
    const scanner = new ReferenceScanner('EGN', exists);
    const dumps: string[][] = [];
    for (const threads of [1, 2]) {
      const pool = new FileReaderPool({ prefixes: ['EGN'], threads, scanner: { prefix: 'EGN', numbers: Array.from({ length: 40 }, (_, k) => k + 1) } });
      try {
        const index = new CitationIndex((t) => scanner.scan(t), exists, createLinePrefilter(['EGN']));
        const s = search();
        const stats = await readFolderCandidates({
          ...s, ripgrep: s.rg, excludes: [], filter: createFileFilter({ include: s.include, exclude: [], maxFileSize: s.maxFileSize }), pool,
          onFile: (rel, content) => index.setContent(rel, content),
        });
        assert.strictEqual(stats.via, 'ripgrep', stats.ripgrepError);
        dumps.push(index.documents().flatMap((uri) => index.documentCitations(uri).map((c) => `${uri}:${c.line}:${c.character} ${c.number} ${c.lineText}`)));
      } finally {
        pool.dispose();
      }
    }
    assert.ok(dumps[0].length > 10_000);
    assert.deepStrictEqual(dumps[1], dumps[0]);
  });
});

describe('the index reads in the background at low priority', function () {
  this.timeout(30_000);
  const niceOfThreads = (): number[] =>
    fs.readdirSync('/proc/self/task').map((t) => Number(fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')[16]));

  it('runs ripgrep and (on Linux) its reader threads niced, never the calling thread', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-nice-'));
    try {
      fs.writeFileSync(path.join(root, 'a.md'), 'Voir EGN-12.\n');
      // A stand-in for ripgrep that writes down its own niceness, then runs the real one.
      const niceFile = path.join(root, 'nice.txt');
      const fakeRg = path.join(root, 'rg.sh');
      fs.writeFileSync(fakeRg, `#!/bin/sh\nnice > '${niceFile}'\nexec '${testRipgrep()}' "$@"\n`, { mode: 0o755 });
      const before = os.getPriority(0);
      const pool = new FileReaderPool({ prefixes: ['EGN'], threads: 2, lowPriority: true, scanner: { prefix: 'EGN', numbers: [12] } });
      try {
        const files: string[] = [];
        const stats = await readFolderCandidates({
          root, include: '**/*.md', excludes: [], maxFileSize: 1_000_000, prefixes: ['EGN'], ripgrep: fakeRg, pool,
          filter: createFileFilter({ include: '**/*.md', exclude: [], maxFileSize: 1_000_000 }),
          onFile: (rel) => files.push(rel),
        });
        assert.strictEqual(stats.via, 'ripgrep', stats.ripgrepError);
        assert.deepStrictEqual(files, ['a.md']);
        assert.ok(Number(fs.readFileSync(niceFile, 'utf8')) >= 10, `ripgrep ran at nice ${fs.readFileSync(niceFile, 'utf8').trim()}`);
        assert.strictEqual(os.getPriority(0), before, 'the calling thread keeps its priority');
        if (process.platform === 'linux') {
          assert.ok(niceOfThreads().filter((n) => n >= 10).length >= 2, `thread nice values: ${niceOfThreads().join(' ')}`);
        }
      } finally {
        pool.dispose();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
