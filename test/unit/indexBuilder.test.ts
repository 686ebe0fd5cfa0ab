import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CitationIndex } from '../../src/core/citationIndex';
import { createFileFilter } from '../../src/core/globMatcher';
import { buildIndex, HostFile, IndexHost } from '../../src/core/indexBuilder';
import type { Reference } from '../../src/core/reference';
import { ReferenceScanner } from '../../src/core/referenceScanner';

function tinyScan(text: string): Reference[] {
  return [...text.matchAll(/EGN-(\d+)/g)].map((m) => ({
    number: Number(m[1]),
    digits: m[1],
    start: m.index,
    end: m.index + m[0].length,
    form: 'canonical' as const,
    exists: true,
    implied: [],
  }));
}

const filter = createFileFilter({
  include: '**/*.{md,txt}',
  exclude: ['**/{node_modules,.git}/**'],
  maxFileSize: 1000,
});

interface MemoryFile {
  readonly bytes: Uint8Array;
  /** What `stat` reports, when it differs from the bytes (a file that grew since). */
  readonly statSize?: number;
  readonly failStat?: boolean;
  readonly failRead?: boolean;
}

/**
 * A workspace in memory whose every call resolves after a few turns of the event loop (a fixed
 * pseudo-random number), so that calls overlap as real I/O does, and which records how many
 * calls are in flight at once.
 */
class MemoryHost implements IndexHost {
  inFlight = 0;
  maxInFlight = 0;
  readonly reads: string[] = [];
  readonly stats: string[] = [];
  private seed = 12345;

  constructor(private readonly files: ReadonlyMap<string, MemoryFile>) {}

  findFiles(): Promise<readonly HostFile[]> {
    return Promise.resolve([...this.files.keys()].map((p) => ({ uri: `mem:/${p}`, relativePath: p })));
  }

  stat(uri: string): Promise<{ size: number }> {
    this.stats.push(uri);
    return this.io(() => {
      const f = this.file(uri);
      if (f.failStat) {
        throw new Error(`EACCES: ${uri}`);
      }
      return { size: f.statSize ?? f.bytes.length };
    });
  }

  readFile(uri: string): Promise<Uint8Array> {
    this.reads.push(uri);
    return this.io(() => {
      const f = this.file(uri);
      if (f.failRead) {
        throw new Error(`ENOENT: ${uri}`);
      }
      return f.bytes;
    });
  }

  private file(uri: string): MemoryFile {
    const f = this.files.get(uri.slice('mem:/'.length));
    if (!f) {
      throw new Error(`no such file ${uri}`);
    }
    return f;
  }

  private async io<T>(answer: () => T): Promise<T> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.seed = (this.seed * 1103515245 + 12345) >>> 0;
    const turns = (this.seed >>> 16) % 5;
    try {
      for (let k = 0; k <= turns; k++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return answer();
    } finally {
      this.inFlight--;
    }
  }
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function workspace(n: number): Map<string, MemoryFile> {
  const files = new Map<string, MemoryFile>();
  for (let k = 0; k < n; k++) {
    files.set(`dossier${k % 7}/note${k}.md`, { bytes: text(`Note ${k} : voir EGN-${(k % 40) + 1}.`) });
  }
  return files;
}

describe('buildIndex', () => {
  it('indexes every file and never has more reads in flight than the concurrency', async () => {
    for (const concurrency of [1, 4, 16]) {
      const host = new MemoryHost(workspace(120));
      const index = new CitationIndex(tinyScan);
      const stats = await buildIndex(host, index, filter, { concurrency });
      assert.strictEqual(stats.indexed, 120);
      assert.strictEqual(index.documents().length, 120);
      assert.ok(host.maxInFlight <= concurrency, `${host.maxInFlight} in flight with concurrency ${concurrency}`);
      // Equal, not just below: the builder really does use the concurrency it is given.
      assert.strictEqual(host.maxInFlight, concurrency);
    }
  });

  it('reports progress after every file up to the total', async () => {
    const progress: [number, number][] = [];
    await buildIndex(new MemoryHost(workspace(30)), new CitationIndex(tinyScan), filter, {
      concurrency: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    assert.deepStrictEqual(progress, Array.from({ length: 30 }, (_, k) => [k + 1, 30]));
  });

  it('stops early when cancelled, without starting new reads', async () => {
    const host = new MemoryHost(workspace(200));
    const index = new CitationIndex(tinyScan);
    const token = { isCancellationRequested: false };
    const stats = await buildIndex(host, index, filter, {
      concurrency: 4,
      token,
      onProgress: (done) => {
        if (done === 20) {
          token.isCancellationRequested = true;
        }
      },
    });
    assert.strictEqual(stats.cancelled, true);
    assert.ok(stats.indexed >= 20 && stats.indexed < 24, `${stats.indexed} indexed`);
    // The 20 files done, plus at most the 3 other workers' files already started.
    assert.ok(host.stats.length <= 23, `${host.stats.length} files touched`);
    assert.strictEqual(host.reads.length, stats.indexed);
    assert.strictEqual(index.documents().length, stats.indexed);
  });

  it('counts unreadable files as failures and indexes all the others', async () => {
    const files = workspace(20);
    files.set('perdu.md', { bytes: text('EGN-1'), failRead: true });
    files.set('interdit.md', { bytes: text('EGN-1'), failStat: true });
    const index = new CitationIndex(tinyScan);
    const stats = await buildIndex(new MemoryHost(files), index, filter, { concurrency: 3 });
    assert.strictEqual(stats.failed, 2);
    assert.strictEqual(stats.indexed, 20);
    assert.deepStrictEqual(stats.failures.map((f) => f.uri).sort(), ['mem:/interdit.md', 'mem:/perdu.md']);
    assert.match(stats.failures.find((f) => f.uri === 'mem:/perdu.md')?.message ?? '', /ENOENT/);
  });

  it('counts a scanner error on one file as a failure, not a crash', async () => {
    const index = new CitationIndex((t) => {
      if (t.includes('piège')) {
        throw new Error('scanner bug');
      }
      return tinyScan(t);
    });
    const files = workspace(5);
    files.set('piege.md', { bytes: text('piège EGN-1') });
    const stats = await buildIndex(new MemoryHost(files), index, filter, { concurrency: 2 });
    assert.deepStrictEqual([stats.indexed, stats.failed], [5, 1]);
  });

  it('skips binary, too large and excluded files, the excluded ones without any I/O', async () => {
    const files = new Map<string, MemoryFile>([
      ['ok.md', { bytes: text('EGN-1') }],
      ['binaire.md', { bytes: new Uint8Array([0x45, 0x47, 0x4e, 0, 1, 2]) }],
      ['gros.md', { bytes: new Uint8Array(1001).fill(0x61) }],
      ['grossi.md', { bytes: new Uint8Array(2000).fill(0x61), statSize: 10 }],
      ['limite.md', { bytes: text(`EGN-5 ${'a'.repeat(994)}`) }],
      ['node_modules/p/README.md', { bytes: text('EGN-2') }],
      ['image.png', { bytes: text('EGN-3') }],
    ]);
    const host = new MemoryHost(files);
    const index = new CitationIndex(tinyScan);
    const stats = await buildIndex(host, index, filter, { concurrency: 2 });
    assert.deepStrictEqual(
      { indexed: stats.indexed, large: stats.skippedTooLarge, binary: stats.skippedBinary, excluded: stats.skippedExcluded, failed: stats.failed },
      { indexed: 2, large: 2, binary: 1, excluded: 2, failed: 0 },
    );
    assert.deepStrictEqual(index.documents(), ['mem:/limite.md', 'mem:/ok.md']);
    assert.ok(!host.stats.some((u) => u.includes('node_modules') || u.endsWith('.png')));
    assert.ok(!host.reads.includes('mem:/gros.md'), 'a file too large by stat must not be read');
  });

  it('drops a UTF-8 byte order mark and decodes UTF-16 text', async () => {
    const le = (s: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const files = new Map<string, MemoryFile>([
      ['bom.md', { bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...text('EGN-4 é')]) }],
      ['utf16.txt', { bytes: le('Vu EGN-5 à l’école') }],
    ]);
    const index = new CitationIndex(tinyScan);
    await buildIndex(new MemoryHost(files), index, filter, { concurrency: 1 });
    assert.deepStrictEqual(index.documentCitations('mem:/bom.md').map((c) => [c.number, c.character, c.lineText]), [[4, 0, 'EGN-4 é']]);
    assert.deepStrictEqual(index.documentCitations('mem:/utf16.txt').map((c) => [c.number, c.character, c.lineText]), [[5, 3, 'Vu EGN-5 à l’école']]);
  });

  it('indexes a Latin-1 text despite its invalid UTF-8, and skips noise without NUL as binary', async () => {
    let seed = 9;
    const noise = Uint8Array.from({ length: 900 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return ((seed >>> 16) % 255) + 1;
    });
    const files = new Map<string, MemoryFile>([
      ['latin1.txt', { bytes: Uint8Array.from('Le numérique à l’école : EGN-12.', (c) => (c === '’' ? 0x92 : c.charCodeAt(0))) }],
      ['bruit.md', { bytes: noise }],
    ]);
    const index = new CitationIndex(tinyScan);
    const stats = await buildIndex(new MemoryHost(files), index, filter, { concurrency: 2 });
    assert.deepStrictEqual([stats.indexed, stats.skippedBinary], [1, 1]);
    assert.deepStrictEqual(index.documentCitations('mem:/latin1.txt').map((c) => [c.number, c.character]), [[12, 25]]);
  });

  it('handles an empty workspace', async () => {
    const stats = await buildIndex(new MemoryHost(new Map()), new CitationIndex(tinyScan), filter, { concurrency: 4 });
    assert.deepStrictEqual([stats.found, stats.indexed, stats.cancelled], [0, 0, false]);
  });
});

describe('buildIndex over the demo workspace on disk, with the real scanner', () => {
  const root = path.resolve(__dirname, '../../../test/fixtures/workspace');

  /** Every file under the folder, as VS Code's findFiles would list them without exclusions. */
  function diskHost(): IndexHost {
    const walk = (dir: string): HostFile[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? walk(p) : [{ uri: `file://${p}`, relativePath: path.relative(root, p).split(path.sep).join('/') }];
      });
    return {
      findFiles: () => Promise.resolve(walk(root)),
      stat: (uri) => fs.promises.stat(uri.slice('file://'.length)),
      readFile: (uri) => fs.promises.readFile(uri.slice('file://'.length)),
    };
  }

  it('indexes the documents of the nested folder and none of node_modules', async () => {
    const scanner = new ReferenceScanner('EGN', (n) => n >= 1 && n <= 40);
    const index = new CitationIndex((t) => scanner.scan(t));
    const defaults = createFileFilter({
      include: '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}',
      exclude: ['**/{node_modules,.git,out,dist,build,_build,target}/**'],
      maxFileSize: 1048576,
    });
    const stats = await buildIndex(diskHost(), index, defaults, { concurrency: 4 });
    const relative = index.documents().map((u) => path.relative(root, u.slice('file://'.length)).split(path.sep).join('/'));
    assert.ok(relative.some((p) => p.startsWith('annexes/')), relative.join(', '));
    assert.ok(relative.length >= 4, relative.join(', '));
    assert.ok(!relative.some((p) => p.includes('node_modules')), relative.join(', '));
    assert.ok(stats.skippedExcluded >= 1, 'the node_modules README must be skipped by the filter');
    assert.strictEqual(stats.failed, 0);
    assert.ok(index.citedNumbers().length > 5);
  });
});
