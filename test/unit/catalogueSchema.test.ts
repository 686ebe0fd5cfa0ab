import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { describeValue, formatJsonPath, UnsupportedSchemaError, validateAgainstSchema } from '../../src/core/schemaValidator';

/** Tests compile to out/test/unit/, three levels below the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as Record<string, unknown>;

/** Messages of the violations, as `path: message`. */
function check(value: unknown, s: object): string[] {
  return validateAgainstSchema(value, s).map((v) => `${formatJsonPath(v.path)}: ${v.message}`);
}

describe('The catalogue schema (data/catalogue.schema.json)', () => {
  it('accepts the real catalogue', () => {
    const data: unknown = parse(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
    assert.deepStrictEqual(check(data, schema), []);
  });

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

describe('validateAgainstSchema', () => {
  it('checks types, telling integers from numbers and lists from mappings', () => {
    assert.deepStrictEqual(check('3', { type: 'integer' }), ['(top level): expected an integer, got the string "3"']);
    assert.deepStrictEqual(check(3.5, { type: 'integer' }), ['(top level): expected an integer, got the number 3.5']);
    assert.deepStrictEqual(check(3, { type: 'number' }), []);
    assert.deepStrictEqual(check([], { type: 'object' }), ['(top level): expected a mapping, got a list']);
    assert.deepStrictEqual(check(null, { type: ['string', 'null'] }), []);
    assert.deepStrictEqual(check(new Date(0), { type: 'string' }), ['(top level): expected a string, got a date (quote it to make it text)']);
    assert.deepStrictEqual(check(new Uint8Array(2), { type: 'object' }), ['(top level): expected a mapping, got binary data']);
  });

  it('checks enum, const, pattern, lengths and bounds', () => {
    assert.deepStrictEqual(check('c', { enum: ['a', 'b'] }), ['(top level): must be one of "a", "b", got the string "c"']);
    assert.deepStrictEqual(check(2, { const: 1 }), ['(top level): must be 1, got the integer 2']);
    assert.deepStrictEqual(check('A', { type: 'string', pattern: '^[a-z]+$' }), ['(top level): must match the pattern ^[a-z]+$, got the string "A"']);
    assert.deepStrictEqual(check('', { type: 'string', minLength: 1 }), ['(top level): must not be empty']);
    assert.deepStrictEqual(check('😀😀', { type: 'string', maxLength: 2 }), [], 'lengths count code points');
    assert.deepStrictEqual(check('abc', { type: 'string', maxLength: 2 }), ['(top level): must be at most 2 characters long, got 3']);
    assert.deepStrictEqual(check(0, { type: 'integer', minimum: 1, maximum: 9 }), ['(top level): must be at least 1, got 0']);
    assert.deepStrictEqual(check(10, { type: 'integer', minimum: 1, maximum: 9 }), ['(top level): must be at most 9, got 10']);
  });

  it('checks required and unknown properties, pointing unknown ones at their key', () => {
    const s = { type: 'object', additionalProperties: false, required: ['title'], properties: { title: { type: 'string' }, tags: { type: 'array' } } };
    assert.deepStrictEqual(check({ titel: 'x' }, s), ['(top level): missing the required property "title"', 'titel: unknown property "titel" (did you mean "title"?)']);
    assert.deepStrictEqual(check({ title: 'x', zzzzzz: 1 }, s), ['zzzzzz: unknown property "zzzzzz" (allowed: title, tags)']);
    const [unknown] = validateAgainstSchema({ title: 'x', Tags: [] }, s);
    assert.deepStrictEqual({ path: unknown.path, onKey: unknown.onKey, keyword: unknown.keyword }, { path: ['Tags'], onKey: true, keyword: 'additionalProperties' });
    assert.deepStrictEqual(check({ a: 1, b: 'x' }, { type: 'object', additionalProperties: { type: 'integer' } }), ['b: expected an integer, got the string "x"']);
  });

  it('checks list items with their index in the path, sizes and uniqueness', () => {
    const s = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'object', properties: { n: { type: 'integer' } } } };
    assert.deepStrictEqual(check([], s), ['(top level): must not be an empty list']);
    assert.deepStrictEqual(check([{ n: 1 }, { n: 'x' }], s), ['[1].n: expected an integer, got the string "x"']);
    assert.deepStrictEqual(check([{ n: 1 }, { n: 1 }], s), ['[1]: repeats item 0 (a mapping); items must be unique']);
    assert.deepStrictEqual(check([1, 2, 3], { type: 'array', maxItems: 2 }), ['(top level): must have at most 2 items, got 3']);
  });

  it('follows $ref into definitions and $defs', () => {
    const s = { definitions: { slug: { type: 'string', pattern: '^[a-z]+$' } }, $defs: { n: { type: 'integer' } }, type: 'object', properties: { id: { $ref: '#/definitions/slug' }, n: { $ref: '#/$defs/n' } } };
    assert.deepStrictEqual(check({ id: 'ok', n: 1 }, s), []);
    assert.deepStrictEqual(check({ id: 'NO', n: 'x' }, s), ['id: must match the pattern ^[a-z]+$, got the string "NO"', 'n: expected an integer, got the string "x"']);
  });

  it('combines schemas with allOf, anyOf, oneOf and not', () => {
    const either = { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] };
    assert.deepStrictEqual(check({ a: 1 }, either), []);
    assert.deepStrictEqual(check({ a: 1, b: 2 }, either), ['(top level): must match exactly one of 2 alternatives, but matches 2']);
    assert.deepStrictEqual(check({}, either), ['(top level): missing the required property "a"']);
    assert.deepStrictEqual(check(5, { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 10 }] }), ['(top level): must be at least 10, got 5']);
    assert.deepStrictEqual(check(5, { allOf: [{ type: 'integer' }, { minimum: 6 }] }), ['(top level): must be at least 6, got 5']);
    assert.deepStrictEqual(check('x', { not: { type: 'string' } }), ['(top level): matches a form that is not allowed here']);
  });

  it('replaces the messages of a failing schema by its errorMessage, except a type mismatch', () => {
    const s = { type: 'string', pattern: '^\\S+$', errorMessage: 'must be one word' };
    assert.deepStrictEqual(check('two words', s), ['(top level): must be one word']);
    assert.deepStrictEqual(check(7, s), ['(top level): expected a string, got the integer 7']);
  });

  it('throws on a keyword or a reference it does not implement, rather than ignoring it', () => {
    assert.throws(() => validateAgainstSchema('x', { type: 'string', format: 'email' }), UnsupportedSchemaError);
    assert.throws(() => validateAgainstSchema('x', { $ref: 'other.json#/x' }), /Only "#", "#\/definitions\/<name>"/);
    assert.throws(() => validateAgainstSchema('x', { $ref: '#/definitions/missing' }), /points at nothing/);
    assert.throws(() => validateAgainstSchema('x', { definitions: { a: { $ref: '#/definitions/a' } }, $ref: '#/definitions/a' }), /cycle/);
    assert.throws(() => validateAgainstSchema([1], { items: [{ type: 'integer' }] }), /tuples/);
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
