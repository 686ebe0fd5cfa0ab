import * as assert from 'assert';
import { CATALOGUE_LIMITS, CatalogueError, formatCatalogueError, loadCatalogue, LoadResult } from '../../src/core/catalogueLoader';
import { DEFAULT_GROUP_ICON } from '../../src/core/catalogueModel';
import { generatedCatalogueYaml } from '../support/generatedCatalogue';

/** A writer's own catalogue: no context, no kinds, no icons. */
const ROADMAP = `# yaml-language-server: $schema=https://example.org/catalogue.schema.json
id: feuille-de-route
prefix: FRA
title: "Feuille de route du numérique éducatif"
version: "2025-09"
source: https://example.org/feuille-de-route
description: |
  Trois axes.
  Douze actions.
groups:
  - id: axe-1
    title: "Former"
    proposals:
      - number: 1
        title: "Former les enseignants"
        url: https://example.org/action-1
        description: "Un plan de formation."
      - number: 2
        title: "Accompagner les directeurs"
  - id: axe-2
    title: "Équiper"
    subthemes:
      - id: ecoles
        title: "Écoles"
        proposals:
          - number: 3
            title: "Équiper les écoles"
`;

function loaded(text: string): LoadResult & { ok: true } {
  const result = loadCatalogue(text);
  assert.ok(result.ok, result.ok ? '' : result.errors.map(formatCatalogueError).join('\n'));
  return result;
}

function errorsOf(text: string): readonly CatalogueError[] {
  const result = loadCatalogue(text);
  assert.ok(!result.ok, 'expected the catalogue to be rejected');
  return result.errors;
}

/** 1-based line and column of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function at(error: CatalogueError): { line: number; column: number } {
  return { line: error.line, column: error.column };
}

describe('Custom catalogues (a writer\'s own file beside the EGN)', () => {
  it('loads a catalogue without context, kinds or icons, with its description, source, version and urls', () => {
    const { catalogue } = loaded(ROADMAP);
    assert.strictEqual(catalogue.prefix, 'FRA');
    assert.strictEqual(catalogue.context, undefined);
    assert.strictEqual(catalogue.version, '2025-09');
    assert.strictEqual(catalogue.source, 'https://example.org/feuille-de-route');
    assert.strictEqual(catalogue.description, 'Trois axes.\nDouze actions.\n');
    assert.deepStrictEqual(catalogue.themes.map((t) => [t.kind, t.icon]), [['theme', DEFAULT_GROUP_ICON], ['theme', DEFAULT_GROUP_ICON]]);
    assert.strictEqual(catalogue.byId('fra-1')?.url, 'https://example.org/action-1');
    assert.strictEqual(catalogue.byId('FRA-1')?.description, 'Un plan de formation.');
    assert.strictEqual(catalogue.byId('FRA 3')?.subtheme?.title, 'Écoles');
    assert.strictEqual(catalogue.byId('FRA-2')?.url, undefined);
  });

  it('loads the same catalogue written as JSON', () => {
    const json = JSON.stringify({ id: 'x', prefix: 'PNE', title: 'Plan', groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, title: 'A' }] }] }, null, 2);
    assert.strictEqual(loaded(json).catalogue.byNumber(1)?.id, 'PNE-1');
  });

  it('rejects a bidirectional override written as a YAML escape, at the title that holds it', () => {
    const text = ROADMAP.replace('"Accompagner les directeurs"', '"a\\u202eb"');
    const [error] = errorsOf(text);
    assert.deepStrictEqual(at(error), positionOf(text, '"a\\u202eb"'));
    assert.strictEqual(error.message, 'groups[0].proposals[1].title: the text holds U+202E (RIGHT-TO-LEFT OVERRIDE), a bidirectional control character that makes text display in another order than it reads; remove it');
  });

  it('rejects every bidi embedding, override and isolate, and C0/C1 controls, in any string or key', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x0, 0x1b, 0x7f, 0x85, 0x9f, 0xd]) {
      const escape = `\\u${code.toString(16).padStart(4, '0')}`;
      const text = ROADMAP.replace('"Équiper les écoles"', `"Équiper${escape}"`);
      const errors = errorsOf(text);
      assert.strictEqual(errors.length, 1, escape);
      assert.deepStrictEqual(at(errors[0]), positionOf(text, `"Équiper${escape}"`), escape);
      assert.match(errors[0].message, new RegExp(`U\\+${code.toString(16).toUpperCase().padStart(4, '0')}`), escape);
    }
    const key = ROADMAP.replace('version: "2025-09"', 'version: "2025-09"\n"x\\u2066": 1');
    assert.match(errorsOf(key)[0].message, /the key holds U\+2066/);
    // A raw bidi character in the file, not an escape, is caught too.
    assert.match(errorsOf(ROADMAP.replace('Former les', 'Former\u202d les'))[0].message, /U\+202D/);
  });

  it('keeps tabs and line breaks in a description: they are text, not controls', () => {
    assert.strictEqual(loaded(ROADMAP.replace('description: "Un plan de formation."', 'description: "Un\\tplan\\nde formation."')).catalogue.byNumber(1)?.description, 'Un\tplan\nde formation.');
  });

  it('rejects a javascript: url at its line, saying what an address must be', () => {
    const text = ROADMAP.replace('url: https://example.org/action-1', 'url: "javascript:alert(1)"');
    const [error] = errorsOf(text);
    assert.deepStrictEqual(at(error), positionOf(text, '"javascript:alert(1)"'));
    assert.strictEqual(error.message, 'groups[0].proposals[0].url: must be a web address starting with http:// or https://, at most 2000 characters');
  });

  it('points a misspelt key at its line and column, suggesting the key meant', () => {
    const text = ROADMAP.replace('        title: "Accompagner les directeurs"', '        titel: "Accompagner les directeurs"');
    const errors = errorsOf(text);
    assert.deepStrictEqual(errors.map((e) => e.message), [
      'groups[0].proposals[1]: missing the required property "title"',
      'groups[0].proposals[1].titel: unknown property "titel" (did you mean "title"?)',
    ]);
    assert.deepStrictEqual(at(errors[1]), positionOf(text, 'titel:'));
  });

  it('rejects a prefix that is not 2 to 12 letters or digits, on the prefix line', () => {
    const text = ROADMAP.replace('prefix: FRA', 'prefix: F-R');
    const [error] = errorsOf(text);
    assert.deepStrictEqual(at(error), positionOf(text, 'F-R'));
    assert.strictEqual(error.message, 'prefix: must be 2 to 12 ASCII letters or digits, starting with a letter (e.g. EGN or FRA)');
  });

  it('loads 5,000 proposals and refuses 5,001, pointing at groups', () => {
    assert.strictEqual(loaded(generatedCatalogueYaml('BIG', CATALOGUE_LIMITS.maxProposals)).catalogue.proposals.length, 5000);
    const text = generatedCatalogueYaml('BIG', CATALOGUE_LIMITS.maxProposals + 1);
    const errors = errorsOf(text);
    assert.deepStrictEqual(errors.map((e) => e.message), ['groups: the catalogue has 5,001 proposals, more than the 5,000 a catalogue may have; split it into several files']);
    assert.deepStrictEqual(at(errors[0]), positionOf(text, 'groups:'));
  });

  it('refuses a file over 1 MB before parsing it', () => {
    const text = ROADMAP + `# ${'x'.repeat(CATALOGUE_LIMITS.maxCharacters)}\n`;
    assert.match(errorsOf(text)[0].message, /^The catalogue file is too large: 1\.0 MB of text, more than the 1\.0 MB/);
  });
});
