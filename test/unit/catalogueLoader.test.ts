import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE_LIMITS, CatalogueError, formatCatalogueError, loadCatalogue } from '../../src/core/catalogueLoader';

/** Tests compile to out/test/unit/, three levels below the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
const realYaml = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object;

/**
 * A hostile file must not take long: the loader runs in the extension host. This is a guard against
 * blow-ups, not a speed measurement (the load times are in `npm run bench:catalogues`): without the
 * loader's guards each of these inputs takes minutes or aborts the process, so the bound is set far
 * above what a machine busy with other work needs (1.9 s was seen with a load average of 14 on 2 cores).
 */
const QUICK_MS = 5000;

/** The real catalogue with one exact piece of text replaced (which must occur exactly once). */
function edit(from: string, to: string, text = realYaml): string {
  assert.strictEqual(text.split(from).length, 2, `the text to replace must occur once: ${JSON.stringify(from)}`);
  return text.replace(from, () => to);
}

/** The 1-based line and column of the `nth` occurrence of `needle`, plus `shift` characters: computed without `yaml`. */
function positionOf(text: string, needle: string, shift = 0, nth = 1): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i < nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  offset += shift;
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: before.split(/\r\n|\r|\n/).length, column: offset - lineStart + 1 };
}

function errorsOf(text: string, withSchema: object = schema): readonly CatalogueError[] {
  const result = loadCatalogue(text, withSchema);
  if (result.ok) {
    return assert.fail('expected the catalogue to be rejected');
  }
  assert.ok(result.errors.length > 0);
  return result.errors;
}

function onlyError(text: string): CatalogueError {
  const errors = errorsOf(text);
  assert.strictEqual(errors.length, 1, `expected one error, got:\n${errors.map(formatCatalogueError).join('\n')}`);
  return errors[0];
}

function assertAt(error: CatalogueError, expected: { line: number; column: number }): void {
  assert.deepStrictEqual({ line: error.line, column: error.column }, expected, formatCatalogueError(error));
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** A small deterministic pseudo-random generator, so that junk is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function junk(length: number, seed: number, alphabet = (r: () => number) => String.fromCharCode(32 + Math.floor(r() * 95))): string {
  const r = random(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += i % 70 === 69 ? '\n' : alphabet(r);
  }
  return out;
}

describe('loadCatalogue', () => {
  describe('on a valid file', () => {
    it('loads the real catalogue', () => {
      const result = loadCatalogue(realYaml, schema);
      assert.ok(result.ok, result.ok ? '' : result.errors.map(formatCatalogueError).join('\n'));
      assert.strictEqual(result.catalogue.proposals.length, 40);
    });

    it('loads it with CRLF line endings and a byte order mark, and still counts lines right', () => {
      const crlf = `\uFEFF${realYaml.replace(/\n/g, '\r\n')}`;
      assert.ok(loadCatalogue(crlf, schema).ok);
      const broken = edit('number: 40\r\n', 'number: 41\r\n', crlf);
      assertAt(onlyError(broken), positionOf(broken, 'number: 41', 8));
    });

    it('accepts ordinary YAML aliases: only their abuse is refused', () => {
      const text = edit('title: "Certifier les compétences numériques des professeurs avec PIX"\n            tags: [PIX]', 'title: "Certifier les compétences numériques des professeurs avec PIX"\n            tags: &pix [PIX]')
        .replace('title: "Certifier les compétences numériques des élèves avec PIX"\n            tags: [PIX]', 'title: "Certifier les compétences numériques des élèves avec PIX"\n            tags: *pix');
      const result = loadCatalogue(text, schema);
      assert.ok(result.ok);
      assert.deepStrictEqual(result.catalogue.byNumber(13)?.tags, ['PIX']);
    });
  });

  describe('on values of the wrong type', () => {
    it('reports a number written as a word, at the word', () => {
      const text = edit('          - number: 12\n', '          - number: "douze"\n');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[1].subthemes[1].proposals[1].number: expected an integer, got the string "douze"');
      assert.strictEqual(error.path, 'groups[1].subthemes[1].proposals[1].number');
      assertAt(error, positionOf(text, '"douze"'));
    });

    it('reports a title written as a number, at the number', () => {
      const text = edit('title: "Renforcer la formation initiale et continue"', 'title: 42');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[1].subthemes[0].proposals[0].title: expected a string, got the integer 42');
      assertAt(error, positionOf(text, 'title: 42', 7));
    });

    it('reports a fractional, a zero and an unknown kind with what is allowed', () => {
      const fractional = edit('number: 1\n', 'number: 1.5\n');
      assert.strictEqual(onlyError(fractional).message, 'groups[0].subthemes[0].proposals[0].number: expected an integer, got the number 1.5');
      const zero = edit('number: 1\n', 'number: 0\n');
      assert.strictEqual(onlyError(zero).message, 'groups[0].subthemes[0].proposals[0].number: must be at least 1, got 0');
      const kind = edit('kind: common', 'kind: commune');
      const error = onlyError(kind);
      assert.strictEqual(error.message, 'groups[5].kind: must be one of "theme", "common", got the string "commune"');
      assertAt(error, positionOf(kind, 'kind: commune', 6));
    });

    it('reports a malformed id and an empty title with the rule they break', () => {
      const id = edit('id: egal-acces', 'id: Egal Acces');
      assert.match(onlyError(id).message, /^groups\[2\]\.id: must be a lowercase slug/);
      const title = edit('title: "Socle"', 'title: ""');
      const error = onlyError(title);
      assert.match(error.message, /^groups\[4\]\.subthemes\[4\]\.title: must be non-empty text on one line/);
      assertAt(error, positionOf(title, 'title: ""', 7));
    });
  });

  describe('on a structure the schema forbids', () => {
    it('reports a missing title at the proposal that lacks it', () => {
      const text = edit('\n            title: "Certifier les compétences numériques des élèves avec PIX"', '');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[1].subthemes[1].proposals[2]: missing the required property "title"');
      assertAt(error, positionOf(text, 'number: 13'));
    });

    it('reports an unknown property at its key, suggesting the likely one', () => {
      const text = edit('    icon: globe\n', '    icon: globe\n    iconn: map\n');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[2].iconn: unknown property "iconn" (did you mean "icon"?)');
      assertAt(error, positionOf(text, 'iconn'));
    });

    it('reports a group that has both sub-themes and proposals', () => {
      const text = edit('    icon: layers\n', '    icon: layers\n    subthemes:\n      - id: extra\n        title: "Extra"\n        proposals:\n          - number: 41\n            title: "Extra"\n');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[5]: must have either "subthemes" or "proposals", not both and not neither');
      assertAt(error, positionOf(text, 'id: propositions-communes'));
    });

    it('reports a repeated tag', () => {
      const text = edit('tags: [CNED]', 'tags: [CNED, CNED]');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[1].subthemes[1].proposals[0].tags[1]: repeats item 0 (the string "CNED"); items must be unique');
      assertAt(error, positionOf(text, 'CNED]'));
    });
  });

  describe('on rules beyond the schema', () => {
    it('reports a duplicate number at its second use, and the number it leaves missing', () => {
      const text = edit('number: 13\n', 'number: 12\n');
      const errors = errorsOf(text);
      assert.deepStrictEqual(errors.map((e) => e.message), [
        'groups[1].subthemes[1].proposals[2].number: proposal number 12 is already used by groups[1].subthemes[1].proposals[1].number; each proposal appears once, in one group',
        'groups[1].subthemes[1].proposals[3].number: proposal 13 is missing: numbers must run from 1 to 40 without gaps, each proposal in a group',
      ]);
      assertAt(errors[0], positionOf(text, 'number: 12', 8, 2));
      assertAt(errors[1], positionOf(text, 'number: 14', 8));
    });

    it('reports a gap in the numbering at the first number after it', () => {
      const text = edit('number: 40\n', 'number: 41\n');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[5].proposals[1].number: proposal 40 is missing: numbers must run from 1 to 41 without gaps, each proposal in a group');
      assertAt(error, positionOf(text, 'number: 41', 8));
    });

    it('reports a proposal removed from its group as missing', () => {
      const text = edit('      - number: 39\n        title: "Mettre en place des tiers lieux ouverts"\n', '');
      const error = onlyError(text);
      assert.match(error.message, /: proposal 39 is missing: /);
      assertAt(error, positionOf(text, 'number: 40', 8));
    });

    it('reports a duplicate theme or sub-theme id', () => {
      const text = edit('id: socle', 'id: gouvernance');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'groups[4].subthemes[4].id: the id "gouvernance" is already used by groups[0].subthemes[0].id; theme and sub-theme ids must be unique');
      assertAt(error, positionOf(text, 'id: gouvernance\n', 4, 2));
    });

    it('reports a thématique naming an unknown theme, listing the themes', () => {
      const text = edit('theme: egal-acces', 'theme: egal-acess');
      const error = onlyError(text);
      assert.strictEqual(
        error.message,
        'context.thematiques[1].theme: unknown theme "egal-acess": no theme has that id. The themes are: gouvernance-anticipation, enseigner-apprendre, egal-acces, travailler-ensemble, numerique-responsable',
      );
      assertAt(error, positionOf(text, 'egal-acess'));
    });

    it('reports a thématique naming a sub-theme or the common proposals', () => {
      assert.match(onlyError(edit('theme: egal-acces', 'theme: socle')).message, /unknown theme "socle": that is a sub-theme, not a theme\./);
      assert.match(onlyError(edit('theme: egal-acces', 'theme: propositions-communes')).message, /that is the group of common proposals, not a theme\./);
    });

    it('reports a period that ends before it starts', () => {
      const text = edit('end: "2020-10-16"', 'end: "2020-09-01"');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'context.dates[1].end: ends (2020-09-01) before it starts (2020-09-14)');
      assertAt(error, positionOf(text, '"2020-09-01"'));
    });
  });

  describe('on broken YAML', () => {
    it('reports a syntax error on the line where it is', () => {
      const text = edit('title: "Socle"', 'title: "Socle');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'The quoted text that starts here is never closed: add the closing " at its end.');
      assertAt(error, positionOf(text, '"Socle'));
    });

    it('reports a key repeated in a mapping, at the repetition', () => {
      const text = edit('    icon: layers\n', '    icon: layers\n    title: "Autre"\n');
      const error = onlyError(text);
      assert.strictEqual(error.message, 'The key "title" appears twice in the same mapping; each key may appear only once.');
      assertAt(error, positionOf(text, 'title: "Autre"'));
    });

    it('reports tabs used for indentation, several documents, and keys that are not names', () => {
      assert.strictEqual(onlyError('id: egn\ngroups:\n\t- x\n').message, 'A tab is used for indentation; YAML indents with spaces only.');
      const twoDocs = onlyError('id: a\n---\nid: b\n');
      assert.strictEqual(twoDocs.message, 'The file holds more than one YAML document (a second "---"); a catalogue is a single document.');
      const complexKey = onlyError('? [a, b]\n: 1\n');
      assert.strictEqual(complexKey.message, 'A mapping key is a list; keys must be plain names such as "title".');
      assertAt(complexKey, { line: 1, column: 3 });
      assert.strictEqual(onlyError(': orphan\n').message, 'A mapping key is missing or null; keys must be plain names such as "title".');
    });

    it('reports an empty file and a file that is not a mapping', () => {
      assert.strictEqual(onlyError('').message, 'The catalogue file is empty.');
      assert.strictEqual(onlyError('  \n\n').message, 'The catalogue file is empty.');
      const list = onlyError('- a\n- b\n');
      assert.strictEqual(list.message, '(top level): expected a mapping, got a list');
      assertAt(list, { line: 1, column: 1 });
    });
  });

  describe('on junk and hostile input', () => {
    it('refuses 10 MB of junk at once, by its size', () => {
      const text = junk(1024 * 1024, 1).repeat(10);
      const { value: error, ms } = timed(() => onlyError(text));
      assert.strictEqual(error.message, 'The catalogue file is too large: 10.0 MB of text, more than the 1.0 MB a catalogue may have. It was not parsed; check that this is the right file.');
      assertAt(error, { line: 1, column: 1 });
      assert.ok(ms < 200, `took ${ms} ms`);
    });

    it('reports random junk under the size limit with at most the error cap, quickly', () => {
      for (const seed of [2, 3, 4]) {
        const text = junk(CATALOGUE_LIMITS.maxCharacters - 1, seed);
        const { value: errors, ms } = timed(() => errorsOf(text));
        assert.ok(ms < QUICK_MS, `seed ${seed}: took ${ms} ms`);
        assert.ok(errors.length <= CATALOGUE_LIMITS.maxErrors + 1);
        for (const e of errors) {
          assert.ok(e.line >= 1 && e.column >= 1 && e.message.length > 0 && e.message.length < 400, formatCatalogueError(e));
        }
      }
    });

    it('caps the errors it lists and says how many more there are', () => {
      const proposals = Array.from({ length: 120 }, (_, i) => `      - number: "n${i}"\n        title: "T"\n`).join('');
      const text = edit('    proposals:\n      - number: 39\n', `    proposals:\n${proposals}      - number: 39\n`);
      const errors = errorsOf(text);
      assert.strictEqual(errors.length, CATALOGUE_LIMITS.maxErrors + 1);
      assert.strictEqual(errors[errors.length - 1].message, `${120 - CATALOGUE_LIMITS.maxErrors} more errors not shown.`);
      const lines = errors.map((e) => e.line);
      assert.deepStrictEqual(lines, [...lines].sort((a, b) => a - b), 'errors come in source order');
    });

    it('refuses a YAML alias bomb ("billion laughs") at its first alias, quickly', () => {
      let text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
      for (let i = 1; i <= 9; i++) {
        const previous = i === 1 ? 'a' : `b${i - 1}`;
        text += `b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
      }
      const { value: error, ms } = timed(() => onlyError(text));
      assert.match(error.message, /^The file expands YAML aliases \(\*name\) more than 100 times, the way "billion laughs" attacks exhaust memory; it was rejected\./);
      assertAt(error, positionOf(text, '*a'));
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    });

    it('refuses binary data, naming the first forbidden character', () => {
      const png = onlyError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('latin1'));
      assert.strictEqual(png.message, 'The file holds the control character U+0089, which YAML does not allow: it looks like binary data, not a YAML catalogue.');
      assertAt(png, { line: 1, column: 1 });
      const nul = onlyError('id: egn\ntitle: "a\u0000b"\n');
      assert.match(nul.message, /control character U\+0000/);
      assertAt(nul, { line: 2, column: 10 });
    });

    it('refuses bytes that were not UTF-8, and random bytes, quickly', () => {
      const latin1 = onlyError(Buffer.from('title: "\xe9ducation"\n', 'latin1').toString('utf8'));
      assert.match(latin1.message, /^The file is not valid UTF-8 text: it holds U\+FFFD/);
      assertAt(latin1, { line: 1, column: 9 });
      const r = random(5);
      const bytes = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(r() * 256)));
      const { value: error, ms } = timed(() => onlyError(bytes.toString('utf8')));
      assert.match(error.message, /control character|not valid UTF-8/);
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    });

    it('refuses deep bracket nesting before parsing it (it would abort the process)', () => {
      const text = '['.repeat(100_000);
      const { value: error, ms } = timed(() => onlyError(text));
      assert.strictEqual(error.message, `The file is nested more than ${CATALOGUE_LIMITS.maxDepth} levels deep here; a catalogue needs about 10. It was not parsed: such depth is junk or an attack.`);
      assertAt(error, { line: 1, column: CATALOGUE_LIMITS.maxDepth + 1 });
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
      assert.match(onlyError(`title: "[[[["\nx: ${'{a: '.repeat(40)}`).message, /nested more than/);
      assert.ok(errorsOf(`x: "${'['.repeat(100)}"\n`).every((e) => !e.message.includes('nested')), 'brackets in quotes do not count');
    });

    it('refuses deep indentation before parsing it', () => {
      const stairs = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
      const error = onlyError(stairs);
      assert.match(error.message, /^The file is nested more than \d+ levels deep here/);
      assertAt(error, { line: CATALOGUE_LIMITS.maxDepth + 1, column: CATALOGUE_LIMITS.maxDepth + 1 });
      assert.match(onlyError('- '.repeat(50_000)).message, /nested more than/);
    });

    it('refuses a file of too many tokens before parsing it, quickly', () => {
      const text = '!a '.repeat(110_000);
      const { value: error, ms } = timed(() => onlyError(text));
      assert.match(error.message, /^The file has more than 200,000 YAML tokens/);
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    });

    it('refuses a file of too many flow collections before parsing it, quickly', () => {
      const text = '{}'.repeat(60_000);
      const { value: error, ms } = timed(() => onlyError(text));
      assert.match(error.message, /^The file opens more than 15,000 flow collections/);
      assert.ok(ms < QUICK_MS, `took ${ms} ms`);
    });

    it('stays quick on the costliest junk the limits let through', () => {
      const units = ['{}', '[,]', `[${'['.repeat(30)}x${']'.repeat(31)}\n`, `- ${'['.repeat(31)}x${']'.repeat(31)}\n`, '!a ', '&a ', '-\n', '? [a]\n: 1\n'];
      for (const unit of units) {
        // Just under the token limit (each unit is at most 66 tokens) and the flow collection limit.
        const opens = unit.split('').filter((c) => c === '[' || c === '{').length;
        const times = Math.min(Math.floor((CATALOGUE_LIMITS.maxTokens - 100) / 66), opens === 0 ? Infinity : Math.floor((CATALOGUE_LIMITS.maxFlowCollections - 1) / opens));
        const text = unit.repeat(times);
        const { ms } = timed(() => loadCatalogue(text, schema));
        assert.ok(ms < QUICK_MS, `${JSON.stringify(unit)}: took ${ms} ms`);
      }
    });

    it('leaves the stack trace setting as it found it', () => {
      const before = Error.stackTraceLimit;
      errorsOf(junk(10_000, 6));
      assert.strictEqual(Error.stackTraceLimit, before);
    });
  });

  describe('never throws', () => {
    it('returns an error for text that is not a string', () => {
      for (const bad of [undefined, null, 42, {}]) {
        const result = loadCatalogue(bad as unknown as string, schema);
        assert.ok(!result.ok);
        assert.match(result.errors[0].message, /^The catalogue must be given as text/);
      }
    });
  });

  describe('formatCatalogueError', () => {
    it('puts the position before the message', () => {
      assert.strictEqual(formatCatalogueError({ line: 3, column: 7, message: 'wrong' }), 'line 3, column 7: wrong');
    });
  });
});
