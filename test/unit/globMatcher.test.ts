import * as assert from 'assert';
import picomatch from 'picomatch/posix';
import { compileGlob, createFileFilter, enabledPatterns, isProbablyBinary, requiredAlternatives, requiredLiteral } from '../../src/core/globMatcher';

/** The defaults of `egn.index.include` and `egn.index.exclude` in package.json. */
const DEFAULT_INCLUDE = '**/*.{md,markdown,txt,tex,rst,adoc,asciidoc}';
const DEFAULT_EXCLUDE = '**/{node_modules,.git,out,dist,build,_build,target}/**';

function check(pattern: string, yes: readonly string[], no: readonly string[]): void {
  const m = compileGlob(pattern);
  for (const p of yes) {
    assert.ok(m(p), `${pattern} should match ${p}`);
  }
  for (const p of no) {
    assert.ok(!m(p), `${pattern} should not match ${p}`);
  }
}

describe('compileGlob', () => {
  it('matches the default include at any depth, dot folders included, and only those extensions', () => {
    check(
      DEFAULT_INCLUDE,
      ['a.md', 'annexes/fiche.md', 'x/y/z.tex', '.github/a.md', 'p.asciidoc', 'deep/er/note.txt', 'a.b.rst'],
      ['a.mdx', 'a.md.bak', 'amd', 'md', 'a.markdownx', 'dir.md/x.pdf', 'a.MD'],
    );
  });

  it('keeps `*` and `?` within one path segment', () => {
    check('*.md', ['a.md', '.md', '.hidden.md'], ['x/a.md', 'a.txt']);
    check('doc?.md', ['doc1.md', 'docs.md'], ['doc10.md', 'doc.md', 'doc/.md']);
    check('a*b/c', ['ab/c', 'axxb/c'], ['a/b/c', 'ab/x/c']);
    check('a**b', ['ab', 'axb'], ['a/b']);
  });

  it('lets `**` stand for zero or more whole segments', () => {
    check('a/**/b.md', ['a/b.md', 'a/x/b.md', 'a/x/y/b.md'], ['ab.md', 'xa/b.md', 'a/xb.md', 'a/b.mdx']);
    check('**', ['a', 'a/b/c.md', '.git/HEAD'], []);
    check('docs/**', ['docs/a.md', 'docs/x/y.md', 'docs'], ['docsx/a.md', 'a/docs/b.md']);
    check('**/**/**/a', ['a', 'x/a', 'x/y/a'], ['b', 'xa']);
  });

  it('expands alternatives, nested ones too', () => {
    check('{a,b{c,d}}/x', ['a/x', 'bc/x', 'bd/x'], ['b/x', 'ab/x', 'bcd/x']);
    check('**/{node_modules,.git}/**', ['node_modules/p/r.md', 'a/.git/x'], ['node_modules2/x', 'agit/x']);
    check('{**/*.md,docs/**}', ['x/y.md', 'docs/z.pdf'], ['x/z.pdf']);
  });

  it('reads character classes, ranges and negations within one segment', () => {
    check('[abc].md', ['a.md', 'c.md'], ['d.md', 'ab.md']);
    check('[!a].md', ['b.md', '..md'], ['a.md', '/.md', 'ab.md']);
    check('[^a].md', ['b.md'], ['a.md']);
    check('[a-c]x', ['bx'], ['dx', '-x']);
    check('x[-a]', ['x-', 'xa'], ['xb']);
    check('a[/]b', [], ['a/b']);
  });

  it('takes every other character literally, an unclosed bracket or brace too', () => {
    check('a+b (1).md', ['a+b (1).md'], ['aab (1).md', 'a+b 1.md']);
    check('a.md', ['a.md'], ['aXmd']);
    check('x{y', ['x{y'], ['xy']);
    check('x[y', ['x[y'], ['xy']);
    check('$^|.md', ['$^|.md'], ['.md']);
  });

  it('ignores a leading ./ and matches nothing with an empty pattern', () => {
    check('./a/*.md', ['a/b.md'], []);
    check('', [], ['', 'a']);
  });

  it('ignores case only when asked', () => {
    assert.ok(compileGlob('**/*.md', { ignoreCase: true })('A/B.MD'));
    assert.ok(!compileGlob('**/*.md')('A/B.MD'));
  });

  it('answers on a long path against repeated `**` without exploding', () => {
    const path = `${'x/'.repeat(2000)}b`;
    assert.ok(!compileGlob('**/**/**/**/a')(path));
    assert.ok(compileGlob('**/**/**/**/b')(path));
  });

  it('skips the regular expression only for paths lacking a literal every match contains', () => {
    const patterns = ['**/.git', '**/.DS_Store', '**/Thumbs.db', '**/*.catalogue.{yaml,yml,json}', 'docs/**/*.md', '**/{node_modules,.git}/**', 'a.b*c?d.md', '**/fiche-*.rst', '*.md', 'x{a,b}y.txt', '**/brouillons', 'été/**', '**/{out,dist}', '{a,b}/**/x.md', '**/x{1..3}.md', '**/*.{md,txt}'];
    const paths = ['.git', 'a/.git', 'a/.github/x.md', '.DS_Store', 'x/Thumbs.db', 'ref.catalogue.yaml', 'a/b.catalogue.json', 'catalogue.yaml', 'docs/a.md', 'docs/x/y/z.md', 'doc/a.md', 'node_modules/a', 'a/.git/b', 'a.bXcYd.md', 'a.bcd.md', 's/fiche-1.rst', 'fiche-1.rst', 'p.md', 'xay.txt', 'xy.txt', 'brouillons', 'a/brouillons', 'été/a.md', 'ete/a.md', 'out', 'a/dist', 'a/x/x.md', 'b/c/x.md', 'c/x.md', 'x2.md', 's/x4.md', 'a.txt', 'a.tx', '', 'a/./b.md', 'a/../b.md', './a.md', '**/.git', 'a.b*c?d.md', 'x{a,b}y.txt'];
    assert.deepStrictEqual(['**/.git', '**/*.catalogue.{yaml,yml,json}', 'a.b*c?d.md', '**/{node_modules,.git}/**', '[ab].md'].map(requiredLiteral), ['.git', '.catalogue.', 'd.md', '', '']);
    assert.deepStrictEqual(['**/{node_modules,.git}/**', '**/x{1..3}.md', '**/{a,}/b', '**/.git'].map(requiredAlternatives), [['node_modules', '.git'], [], [], []]);
    for (const pattern of patterns) {
      const plain = picomatch(pattern, { dot: true, noextglob: true });
      const literal = requiredLiteral(pattern);
      const anyOf = requiredAlternatives(pattern);
      for (const path of paths) {
        if (plain(path)) {
          assert.ok(path.includes(literal), `${pattern} matches ${path}, which lacks ${literal}`);
          assert.ok(anyOf.length === 0 || anyOf.some((a) => path.includes(a)), `${pattern} matches ${path}, which has none of ${anyOf.join(' ')}`);
        }
        assert.strictEqual(compileGlob(pattern)(path), plain(path), `${pattern} on ${path}`);
      }
    }
  });
});

describe('createFileFilter', () => {
  const filter = createFileFilter({ include: DEFAULT_INCLUDE, exclude: [DEFAULT_EXCLUDE], maxFileSize: 1000 });

  it('never counts node_modules, .git or build output with the default patterns', () => {
    for (const p of [
      'node_modules/paquet-exemple/README.md',
      'a/node_modules/x.md',
      '.git/COMMIT_EDITMSG.txt',
      'out/a.md',
      'dist/x/a.md',
      'build/a.md',
      'docs/_build/a.rst',
      'target/a.txt',
    ]) {
      assert.ok(!filter.accepts(p), p);
    }
  });

  it('accepts the policy documents, including in nested folders and near-miss folder names', () => {
    for (const p of ['plan-numerique-academique.md', 'annexes/fiche-action-pix.md', 'annexes/sobriete-numerique.rst', 'outils/a.md', 'node_modules2/a.md', 'my.git/a.txt', 'node_modules.md']) {
      assert.ok(filter.accepts(p), p);
    }
    assert.ok(!filter.accepts('image.png'));
  });

  it('excludes what lies inside a folder that files.exclude names, as the Explorer hides it', () => {
    const patterns = enabledPatterns({ '**/.git': true, '**/brouillons': true, '**/*.tmp.md': false, '**/*.js': { when: '$(basename).ts' } });
    assert.deepStrictEqual(patterns, ['**/.git', '**/brouillons']);
    const f = createFileFilter({ include: DEFAULT_INCLUDE, exclude: [DEFAULT_EXCLUDE, ...patterns], maxFileSize: 1000 });
    assert.ok(!f.accepts('brouillons/v1.md'));
    assert.ok(!f.accepts('a/brouillons/b/v1.md'));
    assert.ok(f.accepts('brouillons.md'));
    assert.ok(f.accepts('x.tmp.md'), 'a pattern switched off must not exclude');
  });

  it('honours a custom include and exclude', () => {
    const f = createFileFilter({ include: 'plans/**/*.md', exclude: ['**/archive/**', ''], maxFileSize: 10 });
    assert.ok(f.accepts('plans/2021/a.md'));
    assert.ok(!f.accepts('plans/archive/a.md'));
    assert.ok(!f.accepts('notes/a.md'));
    assert.ok(f.accepts('./plans/a.md'));
  });

  it('skips files larger than the maximum size, keeping one of exactly that size', () => {
    assert.ok(filter.acceptsSize(0));
    assert.ok(filter.acceptsSize(1000));
    assert.ok(!filter.acceptsSize(1001));
  });
});

describe('isProbablyBinary', () => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('takes French UTF-8 text, even cut in the middle of a character at 8 KB, for text', () => {
    assert.ok(!isProbablyBinary(utf8('Les élèves et l’École : « EGN-12 ».\n'.repeat(500))));
    assert.ok(!isProbablyBinary(new Uint8Array(0)));
    const cut = new Uint8Array(9000).fill(0x61);
    cut.set(utf8('é'), 8191);
    assert.ok(!isProbablyBinary(cut));
  });

  it('takes a NUL in the first 8 KB for binary, and one beyond it for nothing', () => {
    const early = new Uint8Array(10000).fill(0x61);
    early[8191] = 0;
    assert.ok(isProbablyBinary(early));
    const late = new Uint8Array(10000).fill(0x61);
    late[8192] = 0;
    assert.ok(!isProbablyBinary(late));
  });

  it('keeps a Latin-1 French text (a few invalid bytes) but rejects random bytes without NUL', () => {
    const latin1 = Uint8Array.from('Le numérique à l’école élève la qualité : EGN-3 à 5. '.repeat(100), (c) => (c.charCodeAt(0) > 0xff ? 0x92 : c.charCodeAt(0)));
    assert.ok(!isProbablyBinary(latin1));
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return ((seed >>> 16) % 255) + 1;
    });
    assert.ok(isProbablyBinary(random));
  });

  it('takes UTF-16 text with a byte order mark for text despite its NULs', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x45, 0, 0x47, 0, 0x4e, 0]);
    assert.ok(!isProbablyBinary(le));
    assert.ok(isProbablyBinary(new Uint8Array([0x45, 0, 0x47, 0])));
  });

  it('rejects overlong forms and encoded surrogates as invalid UTF-8', () => {
    // 0xC0 0xAF is an overlong '/', 0xED 0xA0 0x80 a surrogate: neither is text.
    const bad = new Uint8Array(300);
    for (let i = 0; i < 300; i += 5) {
      bad.set([0xc0, 0xaf, 0xed, 0xa0, 0x80], i);
    }
    assert.ok(isProbablyBinary(bad));
  });
});
