/**
 * A small JSON Schema validator for the subset of keywords that data/catalogue.schema.json uses.
 *
 * Why not a library: the catalogue is validated once at activation and the extension ships without
 * dependencies beyond `yaml`; the subset below is a few hundred lines, and its messages are written for
 * someone editing the YAML by hand. An unsupported keyword is a programming error, reported by
 * throwing `UnsupportedSchemaError`, so that the schema and this validator cannot drift apart silently.
 *
 * Supported: `type` (string or list), `enum`, `const`, `properties`, `required`,
 * `additionalProperties` (boolean or schema), `items` (a single schema), `minItems`, `maxItems`,
 * `uniqueItems`, `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`, `allOf`, `anyOf`, `oneOf`,
 * `not`, `$ref` to `#`, `#/definitions/…` or `#/$defs/…`, and the non-standard `errorMessage` (a
 * string that replaces the messages of a failing schema, as the YAML and JSON editors of VS Code do;
 * a type mismatch keeps its own message because it is always clearer). Keywords next to `$ref` apply
 * too (the 2019-09 rule), which is harmless for draft-07 schemas that only put annotations there.
 */

/** A location in a JSON value: property names and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/** One way in which a value does not conform to a schema. */
export interface SchemaViolation {
  /** Where: the path of the offending value (or of the object missing a property). */
  readonly path: JsonPath;
  /** What is wrong, in English, without the path (see `formatJsonPath`). */
  readonly message: string;
  /** The schema keyword that failed, e.g. `type`, `required`. */
  readonly keyword: string;
  /**
   * The fault lies in a property name rather than its value (an unknown property): an editor should
   * point at the key.
   */
  readonly onKey: boolean;
}

/** Thrown when the schema itself uses a keyword or a reference this validator does not implement. */
export class UnsupportedSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedSchemaError';
  }
}

type SchemaObject = { readonly [keyword: string]: unknown };
type Schema = boolean | SchemaObject;

/** Keywords that only describe or organise a schema and never fail a value. */
const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'markdownDescription', 'default', 'examples',
  'deprecated', 'readOnly', 'writeOnly', 'definitions', '$defs', 'errorMessage',
]);

const ASSERTIONS = new Set([
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems',
  'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'allOf', 'anyOf', 'oneOf', 'not', '$ref',
]);

/** A schema nested deeper than this is certainly a `$ref` cycle that never reaches a value. */
const MAX_REF_DEPTH = 64;

/**
 * Validates `value` against `schema` and returns every violation found (empty when the value
 * conforms). `value` is expected to be plain JSON-like data (what `yaml`'s `toJS()` returns); other
 * objects (dates, binary data, maps) are reported as type mismatches rather than examined.
 *
 * @throws UnsupportedSchemaError when the schema uses something outside the supported subset.
 */
export function validateAgainstSchema(value: unknown, schema: object): SchemaViolation[] {
  return new Validator(schema as SchemaObject).validate(value, schema as Schema, [], 0);
}

/**
 * Formats a path the way a reader of YAML expects: `groups[2].proposals[0].title`; the root is
 * `(top level)`. Property names that are not identifiers are quoted: `["odd key"]`.
 */
export function formatJsonPath(path: JsonPath): string {
  if (path.length === 0) {
    return '(top level)';
  }
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/** Describes a value for a message: its JSON type, and the value itself when it is short. */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  }
  if (typeof value === 'bigint') {
    return `the integer ${value}`;
  }
  if (typeof value === 'boolean') {
    return `the boolean ${value}`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value instanceof Date) {
    return 'a date (quote it to make it text)';
  }
  if (value instanceof Uint8Array) {
    return 'binary data';
  }
  if (value instanceof Map || value instanceof Set) {
    return 'a YAML map or set with non-text keys';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return `a ${typeof value}`;
}

class Validator {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: SchemaObject) {}

  validate(value: unknown, schema: Schema, path: JsonPath, refDepth: number): SchemaViolation[] {
    if (schema === true) {
      return [];
    }
    if (schema === false) {
      return [violation(path, 'false', 'is not allowed here')];
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new UnsupportedSchemaError(`A schema must be an object or a boolean, found ${describeValue(schema)}.`);
    }
    for (const keyword of Object.keys(schema)) {
      if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) {
        throw new UnsupportedSchemaError(`The schema keyword "${keyword}" is not supported by this validator.`);
      }
    }

    const typeErrors = this.checkType(value, schema, path);
    if (typeErrors.length > 0) {
      // Nothing else is meaningful on a value of the wrong type, and "expected a string, got the
      // integer 3" says all there is to say: errorMessage does not replace it.
      return typeErrors;
    }

    const errors: SchemaViolation[] = [];
    if (schema.$ref !== undefined) {
      errors.push(...this.validate(value, this.resolve(schema.$ref, refDepth), path, refDepth + 1));
    }
    errors.push(...this.checkValue(value, schema, path));
    if (isPlainObject(value)) {
      errors.push(...this.checkObject(value, schema, path, refDepth));
    }
    if (Array.isArray(value)) {
      errors.push(...this.checkArray(value, schema, path, refDepth));
    }
    errors.push(...this.checkCombinators(value, schema, path, refDepth));

    if (errors.length > 0 && typeof schema.errorMessage === 'string') {
      return [violation(path, 'errorMessage', schema.errorMessage)];
    }
    return errors;
  }

  private resolve(ref: unknown, refDepth: number): Schema {
    if (refDepth > MAX_REF_DEPTH) {
      throw new UnsupportedSchemaError(`The schema's $ref chain is deeper than ${MAX_REF_DEPTH}: it is probably a cycle.`);
    }
    if (ref === '#') {
      return this.root;
    }
    const match = typeof ref === 'string' ? /^#\/(definitions|\$defs)\/([^/]+)$/.exec(ref) : null;
    if (!match) {
      throw new UnsupportedSchemaError(`Only "#", "#/definitions/<name>" and "#/$defs/<name>" references are supported, found ${JSON.stringify(ref)}.`);
    }
    const table = this.root[match[1]];
    const name = match[2].replace(/~1/g, '/').replace(/~0/g, '~');
    const target = isPlainObject(table) && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    if (typeof target !== 'boolean' && !isPlainObject(target)) {
      throw new UnsupportedSchemaError(`The schema reference ${ref} points at nothing.`);
    }
    return target as Schema;
  }

  private checkType(value: unknown, schema: SchemaObject, path: JsonPath): SchemaViolation[] {
    if (schema.type === undefined) {
      return [];
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    for (const t of types) {
      if (typeof t !== 'string' || !TYPE_NAMES.has(t)) {
        throw new UnsupportedSchemaError(`Unknown schema type ${JSON.stringify(t)}.`);
      }
    }
    if (types.some((t) => hasType(value, t as string))) {
      return [];
    }
    const expected = types.map((t) => TYPE_NAMES.get(t as string)).join(' or ');
    return [violation(path, 'type', `expected ${expected}, got ${describeValue(value)}`)];
  }

  /** Keywords that apply to a value whatever its type (enum, const) or to scalars. */
  private checkValue(value: unknown, schema: SchemaObject, path: JsonPath): SchemaViolation[] {
    const errors: SchemaViolation[] = [];
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum)) {
        throw new UnsupportedSchemaError('"enum" must be a list.');
      }
      if (!schema.enum.some((allowed) => deepEqual(allowed, value))) {
        const allowed = schema.enum.map((a) => JSON.stringify(a)).join(', ');
        errors.push(violation(path, 'enum', `must be one of ${allowed}, got ${describeValue(value)}`));
      }
    }
    if (schema.const !== undefined && !deepEqual(schema.const, value)) {
      errors.push(violation(path, 'const', `must be ${JSON.stringify(schema.const)}, got ${describeValue(value)}`));
    }
    if (typeof value === 'string') {
      // JSON Schema counts characters as code points, not UTF-16 units.
      const length = countCodePoints(value);
      const minLength = numberKeyword(schema, 'minLength');
      if (minLength !== undefined && length < minLength) {
        errors.push(violation(path, 'minLength', minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters long, got ${length}`));
      }
      const maxLength = numberKeyword(schema, 'maxLength');
      if (maxLength !== undefined && length > maxLength) {
        errors.push(violation(path, 'maxLength', `must be at most ${maxLength} characters long, got ${length}`));
      }
      if (schema.pattern !== undefined && !this.pattern(schema.pattern).test(value)) {
        errors.push(violation(path, 'pattern', `must match the pattern ${String(schema.pattern)}, got ${describeValue(value)}`));
      }
    }
    if (typeof value === 'number') {
      const minimum = numberKeyword(schema, 'minimum');
      if (minimum !== undefined && value < minimum) {
        errors.push(violation(path, 'minimum', `must be at least ${minimum}, got ${value}`));
      }
      const maximum = numberKeyword(schema, 'maximum');
      if (maximum !== undefined && value > maximum) {
        errors.push(violation(path, 'maximum', `must be at most ${maximum}, got ${value}`));
      }
    }
    return errors;
  }

  private checkObject(value: Record<string, unknown>, schema: SchemaObject, path: JsonPath, refDepth: number): SchemaViolation[] {
    const errors: SchemaViolation[] = [];
    const properties = schema.properties;
    if (properties !== undefined && !isPlainObject(properties)) {
      throw new UnsupportedSchemaError('"properties" must be an object.');
    }
    if (schema.required !== undefined) {
      if (!Array.isArray(schema.required)) {
        throw new UnsupportedSchemaError('"required" must be a list.');
      }
      for (const name of schema.required) {
        if (!Object.prototype.hasOwnProperty.call(value, String(name))) {
          errors.push(violation(path, 'required', `missing the required property "${String(name)}"`));
        }
      }
    }
    const known = properties ? Object.keys(properties) : [];
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      if (properties && Object.prototype.hasOwnProperty.call(properties, key)) {
        errors.push(...this.validate(child, properties[key] as Schema, childPath, refDepth));
      } else if (schema.additionalProperties === false) {
        const suggestion = closest(key, known);
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length > 0 ? ` (allowed: ${known.join(', ')})` : '';
        errors.push({ path: childPath, keyword: 'additionalProperties', message: `unknown property "${key}"${hint}`, onKey: true });
      } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
        errors.push(...this.validate(child, schema.additionalProperties as Schema, childPath, refDepth));
      }
    }
    return errors;
  }

  private checkArray(value: readonly unknown[], schema: SchemaObject, path: JsonPath, refDepth: number): SchemaViolation[] {
    const errors: SchemaViolation[] = [];
    const minItems = numberKeyword(schema, 'minItems');
    if (minItems !== undefined && value.length < minItems) {
      errors.push(violation(path, 'minItems', minItems === 1 ? 'must not be an empty list' : `must have at least ${minItems} items, got ${value.length}`));
    }
    const maxItems = numberKeyword(schema, 'maxItems');
    if (maxItems !== undefined && value.length > maxItems) {
      errors.push(violation(path, 'maxItems', `must have at most ${maxItems} items, got ${value.length}`));
    }
    if (schema.items !== undefined) {
      if (Array.isArray(schema.items)) {
        throw new UnsupportedSchemaError('"items" as a list of schemas (tuples) is not supported.');
      }
      value.forEach((item, i) => errors.push(...this.validate(item, schema.items as Schema, [...path, i], refDepth)));
    }
    if (schema.uniqueItems === true) {
      const seen = new Map<string, number>();
      value.forEach((item, i) => {
        const key = canonicalJson(item);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
        } else {
          errors.push(violation([...path, i], 'uniqueItems', `repeats item ${first} (${describeValue(item)}); items must be unique`));
        }
      });
    }
    return errors;
  }

  private checkCombinators(value: unknown, schema: SchemaObject, path: JsonPath, refDepth: number): SchemaViolation[] {
    const errors: SchemaViolation[] = [];
    if (schema.allOf !== undefined) {
      for (const sub of schemaList(schema, 'allOf')) {
        errors.push(...this.validate(value, sub, path, refDepth));
      }
    }
    if (schema.anyOf !== undefined) {
      const results = schemaList(schema, 'anyOf').map((sub) => this.validate(value, sub, path, refDepth));
      if (!results.some((r) => r.length === 0)) {
        // The alternative that came closest says best what to fix.
        errors.push(...fewest(results, path));
      }
    }
    if (schema.oneOf !== undefined) {
      const results = schemaList(schema, 'oneOf').map((sub) => this.validate(value, sub, path, refDepth));
      const passing = results.filter((r) => r.length === 0).length;
      if (passing === 0) {
        errors.push(...fewest(results, path));
      } else if (passing > 1) {
        errors.push(violation(path, 'oneOf', `must match exactly one of ${results.length} alternatives, but matches ${passing}`));
      }
    }
    if (schema.not !== undefined) {
      if (this.validate(value, schema.not as Schema, path, refDepth).length === 0) {
        errors.push(violation(path, 'not', 'matches a form that is not allowed here'));
      }
    }
    return errors;
  }

  private pattern(source: unknown): RegExp {
    if (typeof source !== 'string') {
      throw new UnsupportedSchemaError('"pattern" must be a string.');
    }
    let re = this.patterns.get(source);
    if (!re) {
      // JSON Schema patterns are ECMA-262 regular expressions; the `u` flag makes `\S`, `.` and
      // classes work on code points, as validators such as Ajv do.
      re = new RegExp(source, 'u');
      this.patterns.set(source, re);
    }
    return re;
  }
}

const TYPE_NAMES = new Map<string, string>([
  ['string', 'a string'],
  ['integer', 'an integer'],
  ['number', 'a number'],
  ['boolean', 'a boolean (true or false)'],
  ['null', 'null'],
  ['array', 'a list'],
  ['object', 'a mapping'],
]);

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return false;
  }
}

/** A JSON object: not null, not a list, and not one of the special objects YAML tags can create. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function violation(path: JsonPath, keyword: string, message: string): SchemaViolation {
  return { path, keyword, message, onKey: false };
}

function numberKeyword(schema: SchemaObject, keyword: string): number | undefined {
  const n = schema[keyword];
  if (n === undefined) {
    return undefined;
  }
  if (typeof n !== 'number') {
    throw new UnsupportedSchemaError(`"${keyword}" must be a number.`);
  }
  return n;
}

function schemaList(schema: SchemaObject, keyword: string): Schema[] {
  const list = schema[keyword];
  if (!Array.isArray(list) || list.length === 0) {
    throw new UnsupportedSchemaError(`"${keyword}" must be a non-empty list of schemas.`);
  }
  return list as Schema[];
}

/**
 * The errors of the alternative that came closest: one whose type fits the value beats any that
 * does not (its errors say what to fix; "expected a string" only says it is another alternative),
 * then the fewest errors, then the first.
 */
function fewest(results: SchemaViolation[][], path: JsonPath): SchemaViolation[] {
  const distance = (r: SchemaViolation[]): number => (r.some((v) => v.keyword === 'type' && v.path.length === path.length) ? 1e6 : 0) + r.length;
  return results.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
      }
    }
    n++;
  }
  return n;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (isPlainObject(value)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function deepEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The allowed name closest to a misspelt one (edit distance at most 2, or a case difference). */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) {
    return 3;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
