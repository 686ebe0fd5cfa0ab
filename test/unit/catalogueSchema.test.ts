import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import { pathToFileURL } from 'url';
import { describeValue, formatJsonPath, validateCatalogueData, violationsFromAjv } from '../../src/core/schemaValidator';

/** Tests compile to out/test/unit/, three levels below the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as Record<string, unknown>;

describe('The catalogue schema (data/catalogue.schema.json)', () => {
  it('closes every object it describes: no property goes unchecked', () => {
    const open: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        node.forEach((n, i) => visit(n, `${where}[${i}]`));
      } else if (typeof node === 'object' && node !== null) {
        const o = node as Record<string, unknown>;
        if (o.type === 'object' && o.additionalProperties !== false) {
          open.push(where);
        }
        for (const [k, v] of Object.entries(o)) {
          visit(v, `${where}/${k}`);
        }
      }
    };
    visit(schema, '#');
    assert.deepStrictEqual(open, []);
  });

  it('is the file the catalogue points its YAML editor at', () => {
    const yaml = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');
    assert.strictEqual(yaml.split('\n')[0], '# yaml-language-server: $schema=./catalogue.schema.json');
  });
});

describe('violationsFromAjv: Ajv errors as sentences for a person editing YAML', () => {
  /**
   * Compiles `s` with the options the build uses for the catalogue schema (here, at test time, to
   * try the messages on small schemas) and returns `path: message` for `value`.
   */
  function check(value: unknown, s: object): string[] {
    const ajv = new Ajv({ allErrors: true, verbose: true, messages: false, strict: true, strictRequired: false, unicodeRegExp: true, keywords: ['errorMessage'] });
    const validate = ajv.compile(s);
    return validate(value) ? [] : violationsFromAjv(validate.errors ?? []).map((v) => `${formatJsonPath(v.path)}: ${v.message}`);
  }

  it('says what type was expected and what was found', () => {
    assert.deepStrictEqual(check('3', { type: 'integer' }), ['(top level): expected an integer, got the string "3"']);
    assert.deepStrictEqual(check(3.5, { type: 'integer' }), ['(top level): expected an integer, got the number 3.5']);
    assert.deepStrictEqual(check([], { type: 'object' }), ['(top level): expected a mapping, got a list']);
    assert.deepStrictEqual(check({}, { type: 'array' }), ['(top level): expected a list, got a mapping']);
  });

  it('explains enum, const, pattern, lengths and bounds', () => {
    assert.deepStrictEqual(check('c', { enum: ['a', 'b'] }), ['(top level): must be one of "a", "b", got the string "c"']);
    assert.deepStrictEqual(check(2, { const: 1 }), ['(top level): must be 1, got the integer 2']);
    assert.deepStrictEqual(check('A', { type: 'string', pattern: '^[a-z]+$' }), ['(top level): must match the pattern ^[a-z]+$, got the string "A"']);
    assert.deepStrictEqual(check('', { type: 'string', minLength: 1 }), ['(top level): must not be empty']);
    assert.deepStrictEqual(check('😀😀', { type: 'string', maxLength: 2 }), [], 'lengths count code points');
    assert.deepStrictEqual(check('abc', { type: 'string', maxLength: 2 }), ['(top level): must be at most 2 characters long, got 3']);
    assert.deepStrictEqual(check(0, { type: 'integer', minimum: 1, maximum: 9 }), ['(top level): must be at least 1, got 0']);
    assert.deepStrictEqual(check(10, { type: 'integer', minimum: 1, maximum: 9 }), ['(top level): must be at most 9, got 10']);
  });

  it('names a missing property, and points an unknown one at its key with the closest allowed name', () => {
    const s = { type: 'object', additionalProperties: false, required: ['title'], properties: { title: { type: 'string' }, tags: { type: 'array' } } };
    assert.deepStrictEqual(check({ titel: 'x' }, s), ['(top level): missing the required property "title"', 'titel: unknown property "titel" (did you mean "title"?)']);
    assert.deepStrictEqual(check({ title: 'x', zzzzzz: 1 }, s), ['zzzzzz: unknown property "zzzzzz" (allowed: title, tags)']);
    const ajv = new Ajv({ allErrors: true, verbose: true, messages: false });
    const validate = ajv.compile(s);
    validate({ title: 'x', Tags: [] });
    const [unknown] = violationsFromAjv(validate.errors ?? []);
    assert.deepStrictEqual({ path: unknown.path, onKey: unknown.onKey, keyword: unknown.keyword }, { path: ['Tags'], onKey: true, keyword: 'additionalProperties' });
  });

  it('gives list items their index in the path, and says which item repeats which', () => {
    const s = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'object', properties: { n: { type: 'integer' } } } };
    assert.deepStrictEqual(check([], s), ['(top level): must not be an empty list']);
    assert.deepStrictEqual(check([{ n: 1 }, { n: 'x' }], s), ['[1].n: expected an integer, got the string "x"']);
    assert.deepStrictEqual(check([{ n: 1 }, { n: 1 }], s), ['[1]: repeats item 0 (a mapping); items must be unique']);
    assert.deepStrictEqual(check([1, 2, 3], { type: 'array', maxItems: 2 }), ['(top level): must have at most 2 items, got 3']);
  });

  it('says a failing oneOf once, without the errors of each alternative, and uses its errorMessage', () => {
    const either = { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] };
    assert.deepStrictEqual(check({ a: 1 }, either), []);
    assert.deepStrictEqual(check({ a: 1, b: 2 }, either), ['(top level): must match exactly one of 2 alternatives, but matches 2']);
    assert.deepStrictEqual(check({}, either), ['(top level): must match exactly one of 2 alternatives, but matches none']);
    const said = { type: 'object', allOf: [{ oneOf: [{ required: ['a'] }, { required: ['b'] }], errorMessage: 'must have a or b' }] };
    assert.deepStrictEqual(check({}, said), ['(top level): must have a or b']);
    assert.deepStrictEqual(check('x', { not: { type: 'string' } }), ['(top level): matches a form that is not allowed here']);
  });

  it('replaces the messages of a failing schema by its errorMessage, once, except a type mismatch', () => {
    const s = { type: 'string', pattern: '^\\S+$', maxLength: 3, errorMessage: 'must be one short word' };
    assert.deepStrictEqual(check('two words', s), ['(top level): must be one short word']);
    assert.deepStrictEqual(check(7, s), ['(top level): expected a string, got the integer 7']);
  });
});

describe('validateCatalogueData (the schema compiled at build time)', () => {
  it('accepts the real catalogue and a minimal one without context, kinds or icons', () => {
    const data: unknown = parse(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
    assert.deepStrictEqual(validateCatalogueData(data), []);
    const minimal = { id: 'feuille-de-route', prefix: 'FRA', title: 'Feuille de route', groups: [{ id: 'axe-1', title: 'Axe 1', proposals: [{ number: 1, title: 'Action' }] }] };
    assert.deepStrictEqual(validateCatalogueData(minimal), []);
  });

  it('accepts the optional description, source, version, and a proposal\'s url and description', () => {
    const data = {
      id: 'x', prefix: 'X1', title: 'X', description: 'Deux lignes.\nDeuxième.', source: 'https://example.org/x', version: '2024-09',
      groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, title: 'A', url: 'http://example.org/a', description: 'Plus long.' }] }],
    };
    assert.deepStrictEqual(validateCatalogueData(data), []);
  });

  it('rejects prefixes that are not 2 to 12 ASCII letters or digits starting with a letter', () => {
    const withPrefix = (prefix: string) => validateCatalogueData({ id: 'x', prefix, title: 'X', groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, title: 'A' }] }] })
      .map((v) => `${formatJsonPath(v.path)}: ${v.message}`);
    for (const ok of ['EGN', 'FRA', 'fra', 'Ab', 'SNUM2023', 'ABCDEFGHIJKL']) {
      assert.deepStrictEqual(withPrefix(ok), [], ok);
    }
    for (const bad of ['E', '1AB', 'ABCDEFGHIJKLM', 'É1', 'A-B', 'A B', '']) {
      assert.deepStrictEqual(withPrefix(bad), ['prefix: must be 2 to 12 ASCII letters or digits, starting with a letter (e.g. EGN or FRA)'], bad);
    }
  });

  it('accepts only http and https addresses in url and source', () => {
    const withUrl = (url: string) => validateCatalogueData({ id: 'x', prefix: 'XX', title: 'X', source: url, groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, title: 'A', url }] }] })
      .map((v) => formatJsonPath(v.path));
    assert.deepStrictEqual(withUrl('https://example.org/a?b#c'), []);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'data:text/html,x', 'https://', 'http:// x', 'ftp://example.org']) {
      assert.deepStrictEqual(withUrl(bad), ['source', 'groups[0].proposals[0].url'], bad);
    }
  });

  it('suggests the key meant by a misspelt one, at any depth', () => {
    const data = { id: 'x', prefix: 'XX', title: 'X', groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, titel: 'A' }] }] };
    assert.deepStrictEqual(validateCatalogueData(data).map((v) => `${formatJsonPath(v.path)}: ${v.message}`), [
      'groups[0].proposals[0]: missing the required property "title"',
      'groups[0].proposals[0].titel: unknown property "titel" (did you mean "title"?)',
    ]);
  });
});

describe('The generated validator (src/core/generated/catalogueValidator.ts)', () => {
  it('is what Ajv generates from the schema today: regenerate it with npm run generate:validator', async () => {
    const generator = pathToFileURL(path.join(repoRoot, 'scripts/lib/catalogueValidatorSource.mjs')).href;
    const { catalogueValidatorSource } = (await import(generator)) as { catalogueValidatorSource: (schema: object) => string };
    const committed = fs.readFileSync(path.join(repoRoot, 'src/core/generated/catalogueValidator.ts'), 'utf8');
    assert.ok(committed === catalogueValidatorSource(schema), 'src/core/generated/catalogueValidator.ts is stale: run npm run generate:validator');
  });
});

describe('The generated file types (src/core/generated/catalogueFile.ts)', () => {
  it('are what json-schema-to-typescript generates from the schema today: regenerate them with npm run generate:types', async () => {
    const generator = pathToFileURL(path.join(repoRoot, 'scripts/lib/catalogueTypesSource.mjs')).href;
    const { catalogueTypesSource } = (await import(generator)) as { catalogueTypesSource: (schema: object) => Promise<string> };
    const committed = fs.readFileSync(path.join(repoRoot, 'src/core/generated/catalogueFile.ts'), 'utf8');
    assert.ok(committed === (await catalogueTypesSource(schema)), 'src/core/generated/catalogueFile.ts is stale: run npm run generate:types');
  });
});

describe('formatJsonPath and describeValue', () => {
  it('formats paths as a YAML reader reads them', () => {
    assert.strictEqual(formatJsonPath([]), '(top level)');
    assert.strictEqual(formatJsonPath(['groups', 2, 'proposals', 0, 'title']), 'groups[2].proposals[0].title');
    assert.strictEqual(formatJsonPath(['odd key', 1]), '["odd key"][1]');
  });

  it('shows short values and cuts long strings', () => {
    assert.strictEqual(describeValue(true), 'the boolean true');
    assert.strictEqual(describeValue('x'.repeat(50)), `the string "${'x'.repeat(40)}…"`);
  });
});
