import * as assert from 'assert';
import { Citation, CitationIndex, CitationIndexChange, MAX_RECORDS_PER_DOCUMENT } from '../../src/core/citationIndex';
import type { Reference } from '../../src/core/reference';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { prng } from '../support/prng';

/**
 * A scanner small enough to trust by reading: `EGN-n`, and `EGN-a à b` whose end implies the
 * numbers between. The index must not care which scanner it is given.
 */
function tinyScan(text: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of text.matchAll(/EGN-(\d+)(?: à (\d+))?/g)) {
    const a = Number(m[1]);
    const start = m.index;
    refs.push({ number: a, digits: String(a), start, end: start + 4 + m[1].length, form: 'canonical', exists: a >= 1 && a <= 40, implied: [] });
    if (m[2] !== undefined) {
      const b = Number(m[2]);
      const end = start + m[0].length;
      const implied: number[] = [];
      for (let n = a + 1; n < b; n++) {
        implied.push(n);
      }
      refs.push({ number: b, digits: String(b), start: end - m[2].length, end, form: 'continuation', exists: b >= 1 && b <= 40, implied });
    }
  }
  return refs;
}

const exists = (n: number): boolean => n >= 1 && n <= 40;

const WORDS = ['le', 'numérique', 'école', 'l’éducation', 'élèves', 'académie', 'ENT', 'Pix', 'égal', 'accès', '😀', '𝔼𝔾ℕ', 'EGN', 'EGN12', '«', '»'];
// A lone `\r` is no line break for the index, as for ripgrep (see `createLinePrefilter`).
const BREAKS = ['\n', '\r\n', '\n\n'];

function randomText(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const parts: string[] = [];
  const n = Math.floor(rand() * 60);
  for (let k = 0; k < n; k++) {
    const r = rand();
    if (r < 0.12) {
      parts.push(`EGN-${Math.floor(rand() * 46)}`);
    } else if (r < 0.15) {
      parts.push(`EGN-${Math.floor(rand() * 40)} à ${Math.floor(rand() * 46)}`);
    } else if (r < 0.22) {
      parts.push(pick(BREAKS) + (rand() < 0.3 ? '   ' : ''));
    } else if (r < 0.24) {
      // A long line, so that previews must be cut around the citation.
      parts.push('x'.repeat(150 + Math.floor(rand() * 200)));
    } else {
      parts.push(pick(WORDS));
    }
    parts.push(rand() < 0.8 ? ' ' : '');
  }
  return parts.join('');
}

/** Line and character of `offset` computed the slow, obvious way. */
function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      i++;
      line++;
      lineStart = i + 1;
    } else if (c === '\r' || c === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Every citation the tiny scanner implies for one text, straight from the scanner. */
function expectedCitations(uri: string, text: string): { uri: string; number: number; line: number; character: number; implied: boolean }[] {
  return tinyScan(text).flatMap((r) => [
    { uri, number: r.number, ...naivePosition(text, r.start), implied: false },
    ...r.implied.map((n) => ({ uri, number: n, ...naivePosition(text, r.start), implied: true })),
  ]);
}

/** A citation as `expectedCitations` describes it. */
function brief(c: Citation): { uri: string; number: number; line: number; character: number; implied: boolean } {
  return { uri: c.uri, number: c.number, line: c.line, character: c.character, implied: c.implied };
}

function assertSameIndex(actual: CitationIndex, expected: CitationIndex, numbers: Iterable<number>, where: string): void {
  assert.deepStrictEqual(actual.documents(), expected.documents(), `${where}: documents`);
  assert.deepStrictEqual([...actual.countsByNumber()].sort((a, b) => a[0] - b[0]), [...expected.countsByNumber()].sort((a, b) => a[0] - b[0]), `${where}: counts`);
  assert.deepStrictEqual(actual.citedNumbers(), expected.citedNumbers(), `${where}: cited numbers`);
  for (const n of numbers) {
    assert.deepStrictEqual(actual.citationsOf(n), expected.citationsOf(n), `${where}: citations of ${n}`);
  }
  for (const uri of expected.documents()) {
    assert.deepStrictEqual(actual.documentCitations(uri), expected.documentCitations(uri), `${where}: citations in ${uri}`);
  }
}

function fullBuild(docs: ReadonlyMap<string, string>): CitationIndex {
  const fresh = new CitationIndex(tinyScan, exists);
  for (const [uri, text] of docs) {
    fresh.set(uri, text);
  }
  return fresh;
}

describe('CitationIndex', () => {
  it('after 2,000 random creates, changes, deletes and renames equals a fresh build of the final documents', () => {
    const rand = prng(20201104);
    const index = new CitationIndex(tinyScan, exists);
    const truth = new Map<string, string>();
    const uri = (): string => `file:///ws/${rand() < 0.3 ? 'annexes/' : ''}doc${Math.floor(rand() * 40)}.md`;
    const existing = (): string | undefined => [...truth.keys()][Math.floor(rand() * truth.size)];
    const kinds = { create: 0, change: 0, delete: 0, rename: 0 };
    let queries = 0;
    const numbers = Array.from({ length: 50 }, (_, k) => k);
    for (let op = 1; op <= 2000; op++) {
      const r = rand();
      if (r < 0.3 || truth.size === 0) {
        const u = uri();
        const text = randomText(rand);
        truth.set(u, text);
        index.set(u, text);
        kinds.create++;
      } else if (r < 0.65) {
        const u = existing() ?? uri();
        const text = randomText(rand);
        truth.set(u, text);
        index.set(u, text);
        kinds.change++;
      } else if (r < 0.82) {
        // Sometimes a document that is not there: deleting it must change nothing.
        const u = rand() < 0.8 ? (existing() ?? uri()) : uri();
        truth.delete(u);
        index.delete(u);
        kinds.delete++;
      } else {
        const from = existing() ?? uri();
        const to = uri();
        const text = truth.get(from);
        if (text !== undefined && from !== to) {
          truth.delete(from);
          truth.set(to, text);
        }
        index.rename(from, to);
        kinds.rename++;
      }
      if (op % 250 === 0) {
        assertSameIndex(index, fullBuild(truth), numbers, `after operation ${op}`);
      }
      if (rand() < 0.3) {
        // Queries between updates, so that whatever the index caches for them must follow updates.
        const n = Math.floor(rand() * 46);
        const want = [...truth]
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .flatMap(([u, t]) => expectedCitations(u, t).filter((c) => c.number === n));
        assert.deepStrictEqual(
          index.citationsOf(n).map(brief),
          want,
          `citations of ${n} after operation ${op}`,
        );
        // A document that cites nothing is not kept.
        assert.deepStrictEqual(index.documents(), [...truth].filter(([u, t]) => expectedCitations(u, t).length > 0).map(([u]) => u).sort(), `documents after operation ${op}`);
        assert.strictEqual(index.documentCount, index.documents().length, `document count after operation ${op}`);
        queries++;
      }
    }
    // The sequence must really have exercised every operation.
    assert.ok(queries > 300, `only ${queries} queries`);
    for (const [kind, n] of Object.entries(kinds)) {
      assert.ok(n > 100, `${kind}: only ${n} operations`);
    }
    assertSameIndex(index, fullBuild(truth), numbers, 'at the end');

    // And both agree with the scanner itself, so that they cannot be wrong in the same way.
    const expected = [...truth].flatMap(([u, text]) => expectedCitations(u, text));
    for (const n of numbers) {
      const want = expected
        .filter((c) => c.number === n)
        .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.character - b.character));
      assert.deepStrictEqual(
        index.citationsOf(n).map(brief),
        want,
        `citations of ${n} against the scanner`,
      );
      assert.strictEqual(index.countsByNumber().get(n), want.length === 0 ? undefined : want.length);
    }
    assert.ok(index.citedNumbers().length > 30, 'the random texts cite too few numbers to prove anything');
  });

  it('gives every citation the line and UTF-16 character of both ends, with CRLF and astral characters', () => {
    const rand = prng(7);
    const index = new CitationIndex(tinyScan, exists);
    let checked = 0;
    for (let k = 0; k < 200; k++) {
      const text = randomText(rand);
      index.set('file:///t.md', text);
      const want = tinyScan(text).flatMap((r) => Array.from({ length: 1 + r.implied.length }, () => [naivePosition(text, r.start), naivePosition(text, r.end)]));
      const got = index.documentCitations('file:///t.md').map((c) => [{ line: c.line, character: c.character }, { line: c.endLine, character: c.endCharacter }]);
      assert.deepStrictEqual(got, want, JSON.stringify(text));
      checked += got.length;
    }
    assert.ok(checked > 500, `only ${checked} citations checked`);
  });

  it('previews every citation with its trimmed line, or a window of it around the citation', () => {
    const rand = prng(11);
    const index = new CitationIndex(tinyScan, exists);
    let cut = 0;
    for (let k = 0; k < 300; k++) {
      const text = randomText(rand);
      const lines = text.split(/\r?\n/);
      index.set('u', text);
      for (const c of index.documentCitations('u')) {
        const line = lines[c.line];
        const trimmed = line.trim();
        if (trimmed.length <= 200) {
          assert.strictEqual(c.lineText, trimmed);
          continue;
        }
        cut++;
        const p = c.lineText;
        assert.ok(p.length <= 200, `${p.length} characters`);
        const before = p.startsWith('…');
        const after = p.endsWith('…');
        const body = p.slice(before ? 1 : 0, after ? -1 : undefined);
        const at = trimmed.indexOf(body);
        assert.ok(at >= 0, `not a piece of its line: ${p}`);
        const lead = line.length - line.trimStart().length;
        const cited = line.slice(c.character, c.endCharacter);
        assert.ok(at <= c.character - lead && c.character - lead + cited.length <= at + body.length, `the window misses the citation: ${p}`);
        assert.strictEqual(before, at > 0);
        assert.strictEqual(after, at + body.length < trimmed.length);
      }
    }
    assert.ok(cut > 50, `only ${cut} long-line previews checked`);
  });

  it('cuts the right window for each of many citations close together on one long line', () => {
    const index = new CitationIndex(tinyScan, exists);
    const parts = Array.from({ length: 60 }, (_, k) => `EGN-${k + 1} ${'y'.repeat(k % 3 === 0 ? 150 : 5)}`);
    index.set('u', parts.join(' '));
    for (const c of index.documentCitations('u')) {
      assert.ok(c.lineText.length <= 200);
      assert.match(c.lineText, new RegExp(`EGN-${c.number}\\b`));
    }
  });

  it('stores the text around nearby citations once, and never more text than the cited lines hold', () => {
    const index = new CitationIndex(tinyScan, exists);
    // 40 citations within 400 characters of a 5,000-character line: 40 windows of 200 would be
    // 8,000 bytes; merged they are the 460 around them.
    const list = Array.from({ length: 40 }, (_, k) => `EGN-${k + 1}`).join(', ');
    index.set('u', `${'a'.repeat(2300)} ${list} ${'b'.repeat(2300)}`);
    const citationBytes = 40 * 24;
    assert.ok(index.storedBytes() - citationBytes < 700, `${index.storedBytes()} bytes`);
    index.set('u', `${'EGN-1 '.repeat(30)}\n${'EGN-2 '.repeat(30)}`);
    assert.ok(index.storedBytes() - 60 * 24 <= 2 * 180 + 64, `${index.storedBytes()} bytes`);
  });

  it('counts a surrogate pair as two characters, as VS Code positions do', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('u', 'a\r\n😀 EGN-12\nb 𝔼 EGN-3');
    const [a, b] = index.documentCitations('u');
    assert.deepStrictEqual([a.line, a.character, a.endCharacter], [1, 3, 9]);
    assert.deepStrictEqual([b.line, b.character, b.endCharacter], [2, 5, 10]);
    assert.strictEqual(a.lineText, '😀 EGN-12');
    assert.strictEqual(b.lineText, 'b 𝔼 EGN-3');
  });

  it('counts the numbers a range implies, with the range end’s position', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('u', 'Voir EGN-3 à 5.');
    const cites = index.documentCitations('u');
    assert.deepStrictEqual(
      cites.map((c) => [c.number, c.character, c.endCharacter, c.implied]),
      [[3, 5, 10, false], [5, 13, 14, false], [4, 13, 14, true]],
    );
    assert.deepStrictEqual([...index.countsByNumber()].sort(), [[3, 1], [4, 1], [5, 1]]);
    assert.deepStrictEqual(index.citedNumbers('u'), [3, 4, 5]);
  });

  it('judges whether an implied number exists with the catalogue, not with the range end', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('u', 'EGN-38 à 42');
    const byNumber = new Map(index.documentCitations('u').map((c) => [c.number, c.exists]));
    assert.deepStrictEqual([...byNumber].sort((a, b) => a[0] - b[0]), [[38, true], [39, true], [40, true], [41, false], [42, false]]);
  });

  it('sorts citations of a number by document, then offset', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('file:///b.md', 'EGN-1 puis EGN-1');
    index.set('file:///a.md', 'x EGN-1');
    index.set('file:///B.md', 'EGN-1');
    assert.deepStrictEqual(
      index.citationsOf(1).map((c) => `${c.uri}@${c.line}:${c.character}`),
      ['file:///B.md@0:0', 'file:///a.md@0:2', 'file:///b.md@0:0', 'file:///b.md@0:11'],
    );
  });

  it('trims previews and cuts a long line to a window of at most 200 characters around the citation', () => {
    const index = new CitationIndex(tinyScan, exists);
    const long = `${'a'.repeat(300)} EGN-7 ${'b'.repeat(300)}`;
    index.set('u', `  \t EGN-1 au début  \n${long}\nEGN-9 ${'c'.repeat(250)}\n${'d'.repeat(250)} EGN-2`);
    const [first, middle, start, end] = index.documentCitations('u');
    assert.strictEqual(first.lineText, 'EGN-1 au début');
    for (const c of [middle, start, end]) {
      assert.ok(c.lineText.length <= 200, `${c.lineText.length} characters`);
      assert.ok(c.lineText.includes(`EGN-${c.number}`), c.lineText);
    }
    assert.ok(middle.lineText.startsWith('…') && middle.lineText.endsWith('…'));
    assert.ok(start.lineText.startsWith('EGN-9') && start.lineText.endsWith('…'));
    assert.ok(end.lineText.startsWith('…') && end.lineText.endsWith('EGN-2'));
  });

  it('never splits a surrogate pair when cutting a preview', () => {
    const index = new CitationIndex(tinyScan, exists);
    for (let shift = 0; shift < 4; shift++) {
      index.set('u', `${'x'.repeat(shift)}${'😀'.repeat(150)} EGN-4 ${'😀'.repeat(150)}`);
      const [c] = index.documentCitations('u');
      assert.ok(c.lineText.length <= 200);
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(c.lineText), `lone surrogate at shift ${shift}`);
    }
  });

  it('gives a page of citations with limit, the same first ones as the whole list, and places without previews', () => {
    const index = new CitationIndex(tinyScan, exists);
    for (let k = 0; k < 30; k++) {
      index.set(`file:///d${String(k).padStart(2, '0')}.md`, 'EGN-7 et EGN-7\nEGN-7');
    }
    const all = index.citationsOf(7);
    assert.strictEqual(all.length, 90);
    assert.deepStrictEqual(index.citationsOf(7, { limit: 25 }), all.slice(0, 25));
    const places = index.citationsOf(7, { previews: false });
    assert.deepStrictEqual(places.map((c) => ({ ...c, lineText: '' })), all.map((c) => ({ ...c, lineText: '' })));
    assert.ok(places.every((c) => c.lineText === ''));
  });

  it('stores a range once however many numbers it implies, and caps a hostile document with a note', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('u', 'EGN-1 à 41');
    // Head, end and one run for 2…40: 3 records of 24 bytes, not 41 citations.
    assert.strictEqual(index.documentCitations('u').length, 41);
    assert.ok(index.storedBytes() < 3 * 24 + 64, `${index.storedBytes()} bytes`);
    assert.strictEqual(index.countsByNumber().get(20), 1);
    index.set('hostile', 'EGN-1 à 41 '.repeat(100_000));
    assert.deepStrictEqual(index.cappedDocuments(), ['hostile']);
    assert.ok(index.storedBytes() < 1_000_000, `${index.storedBytes()} bytes for a capped document`);
    assert.strictEqual(index.countsByNumber().get(1), 1 + Math.ceil(MAX_RECORDS_PER_DOCUMENT / 3));
  });

  it('keeps numbers too large for 32 bits exact', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('u', 'EGN-99999999999 et EGN-2147483648');
    assert.deepStrictEqual(index.citedNumbers('u'), [2147483648, 99999999999]);
    assert.strictEqual(index.citationsOf(99999999999).length, 1);
  });

  it('answers a query after a change of content with the new citations', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('a', 'EGN-1');
    index.set('b', 'EGN-1');
    assert.strictEqual(index.citationsOf(1).length, 2);
    index.set('a', 'EGN-2');
    assert.deepStrictEqual(index.citationsOf(1).map((c) => c.uri), ['b']);
    assert.deepStrictEqual(index.citationsOf(2).map((c) => c.uri), ['a']);
  });

  it('moves citations on rename without rescanning, replacing a document already at the new key', () => {
    let scans = 0;
    const index = new CitationIndex((t) => {
      scans++;
      return tinyScan(t);
    }, exists);
    index.set('a', 'EGN-1');
    index.set('b', 'EGN-2 EGN-2');
    index.rename('a', 'b');
    assert.strictEqual(scans, 2);
    assert.deepStrictEqual(index.documents(), ['b']);
    assert.deepStrictEqual(index.citationsOf(1).map((c) => c.uri), ['b']);
    assert.deepStrictEqual([...index.countsByNumber()], [[1, 1]]);
  });

  it('counts versions and notifies listeners of real changes only', () => {
    const index = new CitationIndex(tinyScan, exists);
    const events: CitationIndexChange[] = [];
    const sub = index.onDidChange((e) => events.push(e));
    index.set('a', 'EGN-1');
    index.set('a', 'EGN-1');
    index.delete('nothing');
    index.rename('nothing', 'x');
    index.rename('a', 'b');
    index.delete('b');
    index.set('c', 'rien');
    index.set('c', 'EGN-3');
    index.set('c', 'plus rien');
    index.set('e', 'EGN-4');
    index.clear();
    sub.dispose();
    index.set('d', 'EGN-2');
    // A document that cites nothing is not kept: setting one changes nothing, emptying one deletes it.
    assert.deepStrictEqual(events.map((e) => e.uris), [['a'], ['a', 'b'], ['b'], ['c'], ['c'], ['e'], ['e']]);
    assert.strictEqual(index.version, 8);
  });

  it('hands out a counts snapshot that later changes do not alter', () => {
    const index = new CitationIndex(tinyScan, exists);
    index.set('a', 'EGN-1');
    const before = index.countsByNumber();
    index.set('b', 'EGN-1');
    assert.strictEqual(before.get(1), 1);
    assert.strictEqual(index.countsByNumber().get(1), 2);
  });

  it('still notifies every listener when one throws, then reports the error', () => {
    const index = new CitationIndex(tinyScan, exists);
    let second = 0;
    index.onDidChange(() => {
      throw new Error('boom');
    });
    index.onDidChange(() => second++);
    assert.throws(() => index.set('a', 'EGN-1'), /boom/);
    assert.strictEqual(second, 1);
    assert.strictEqual(index.citationsOf(1).length, 1);
  });

  it('answers for unknown documents with empty results', () => {
    const index = new CitationIndex(tinyScan, exists);
    const none: readonly Citation[] = index.documentCitations('nope');
    assert.deepStrictEqual([none, index.citedNumbers('nope'), [...index.documentCounts('nope')]], [[], [], []]);
  });

  describe('with the real ReferenceScanner', () => {
    const scanner = new ReferenceScanner('EGN', exists);
    const scan = (text: string): readonly Reference[] => scanner.scan(text);

    it('indexes lists, ranges and variants, each number with its own range and line', () => {
      const index = new CitationIndex(scan, exists);
      const text = 'Plan\r\nVoir EGN-7, 8 et 9.\r\n\tPuis EGN n° 3 à 5 et egn-40 à 42.';
      index.set('file:///plan.md', text);
      assert.deepStrictEqual(
        index.documentCitations('file:///plan.md').map((c) => [c.number, text.split(/\r?\n/)[c.line].slice(c.character, c.endCharacter), c.line, c.character, c.implied, c.exists]),
        [
          [7, 'EGN-7', 1, 5, false, true],
          [8, '8', 1, 12, false, true],
          [9, '9', 1, 17, false, true],
          [3, 'EGN n° 3', 2, 6, false, true],
          [5, '5', 2, 17, false, true],
          [4, '5', 2, 17, true, true],
          [40, 'egn-40', 2, 22, false, true],
          [42, '42', 2, 31, false, false],
          [41, '42', 2, 31, true, false],
        ],
      );
      assert.strictEqual(index.citationsOf(4)[0].lineText, 'Puis EGN n° 3 à 5 et egn-40 à 42.');
    });

    it('after 1,000 random operations equals a fresh build, as with the small scanner', () => {
      const rand = prng(404);
      const index = new CitationIndex(scan, exists);
      const truth = new Map<string, string>();
      const forms = ['EGN-12', 'EGN 3', 'EGN n° 7', 'EGN-7, 8 et 9', 'EGN-3 à 5', 'EGN-38 à 45', '\\EGN-1', 'EGN-2abc'];
      const text = (): string =>
        randomText(rand).replace(/EGN-\d+( à \d+)?/g, () => forms[Math.floor(rand() * forms.length)]);
      for (let op = 0; op < 1000; op++) {
        const u = `file:///d${Math.floor(rand() * 25)}.md`;
        const r = rand();
        if (r < 0.6) {
          const t = text();
          truth.set(u, t);
          index.set(u, t);
        } else if (r < 0.8) {
          truth.delete(u);
          index.delete(u);
        } else {
          const to = `file:///d${Math.floor(rand() * 25)}.md`;
          const t = truth.get(u);
          if (t !== undefined && to !== u) {
            truth.delete(u);
            truth.set(to, t);
          }
          index.rename(u, to);
        }
      }
      const fresh = new CitationIndex(scan, exists);
      for (const [u, t] of truth) {
        fresh.set(u, t);
      }
      assertSameIndex(index, fresh, Array.from({ length: 50 }, (_, k) => k), 'real scanner');
      assert.ok(index.countsByNumber().get(8) !== undefined && index.countsByNumber().get(4) !== undefined);
    });
  });
});
