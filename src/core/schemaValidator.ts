import { CatalogueMessageCode, CatalogueText, catalogueText, renderCatalogueText, schemaErrorMessageCode } from './catalogueMessages';
import { validate } from './generated/catalogueValidator';

/*
 * Validation of catalogue data against data/catalogue.schema.json, with messages written for a
 * person editing the YAML by hand.
 *
 * The validation itself is Ajv's: the schema is compiled at build time into
 * src/core/generated/catalogueValidator.ts (scripts/generateValidator.mjs, Ajv's standalone code), so
 * that nothing compiles at activation and the compiler is not shipped. Ajv's own messages ("must
 * NOT have additional properties") are turned off there; this module writes them from each error's
 * keyword and parameters, uses the schema's `errorMessage` annotations (which VS Code's JSON editor
 * shows too), and suggests the closest allowed name for a misspelt key.
 */

/** A location in a JSON value: property names and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/** One way in which a value does not conform to a schema. */
export interface SchemaViolation {
  /** Where: the path of the offending value (or of the object missing a property). */
  readonly path: JsonPath;
  /** What is wrong, in English, without the path (see `formatJsonPath`). */
  readonly message: string;
  /** The same as a code and arguments, for the editor to show in the user's language. */
  readonly text: CatalogueText;
  /** The schema keyword that failed, e.g. `type`, `required`. */
  readonly keyword: string;
  /**
   * The fault lies in a property name rather than its value (an unknown property): an editor should
   * point at the key.
   */
  readonly onKey: boolean;
}

/**
 * The fields of an Ajv error this module reads (Ajv compiled with `allErrors`, `verbose` and
 * `messages: false`, as scripts/lib/catalogueValidatorSource.mjs does).
 */
export interface AjvErrorLike {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The schema holding the failed keyword (Ajv's `verbose`). */
  readonly parentSchema?: unknown;
  /** The value that failed (Ajv's `verbose`). */
  readonly data?: unknown;
}

/**
 * Validates parsed catalogue data (what `yaml`'s `toJS()` returns) against
 * data/catalogue.schema.json and returns every violation found, empty when the data conforms.
 */
export function validateCatalogueData(value: unknown): SchemaViolation[] {
  if (validateCatalogueSchema(value)) {
    return [];
  }
  return violationsFromAjv(validateCatalogueSchema.errors ?? []);
}

/** The generated validator, typed: Ajv's standalone code is plain JavaScript (`// @ts-nocheck`). */
const validateCatalogueSchema = validate as unknown as ((data: unknown) => boolean) & { readonly errors?: readonly AjvErrorLike[] | null };

/**
 * Turns Ajv's errors into violations with person-friendly messages: one message per failing
 * schema and value; the schema's `errorMessage` in place of the keyword's own message (except a type
 * mismatch, whose own message is always clearer); a failing `oneOf`/`anyOf`/`not` said once,
 * without the errors of each of its alternatives.
 */
export function violationsFromAjv(errors: readonly AjvErrorLike[]): SchemaViolation[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'not');
  const insideCombinator = (e: AjvErrorLike): boolean =>
    combinators.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && e.instancePath.startsWith(c.instancePath));
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  for (const e of errors) {
    if (insideCombinator(e)) {
      continue;
    }
    const path = parsePointer(e.instancePath);
    const onKey = e.keyword === 'additionalProperties';
    const fullPath = onKey ? [...path, String(e.params.additionalProperty)] : e.keyword === 'uniqueItems' ? [...path, Number(e.params.i)] : path;
    const text = messageOf(e);
    const message = renderCatalogueText(text);
    const key = `${JSON.stringify(fullPath)}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ path: fullPath, message, text, keyword: e.keyword, onKey });
    }
  }
  return out;
}

function messageOf(e: AjvErrorLike): CatalogueText {
  const schema = isRecord(e.parentSchema) ? e.parentSchema : {};
  if (typeof schema.errorMessage === 'string' && e.keyword !== 'type' && e.keyword !== 'required' && e.keyword !== 'additionalProperties') {
    const code = schemaErrorMessageCode(schema.errorMessage);
    // Every errorMessage of the schema has its code (a unit test checks it); should one be added
    // without, it is still said, in English.
    return code ? catalogueText(code) : catalogueText('verbatim', schema.errorMessage);
  }
  const p = e.params;
  const got = describeValueText(e.data);
  switch (e.keyword) {
    case 'type':
      return catalogueText('expectedType', typeNames(p.type), got);
    case 'enum':
      return catalogueText('mustBeOneOf', (Array.isArray(p.allowedValues) ? p.allowedValues : []).map((v) => JSON.stringify(v)).join(', '), got);
    case 'const':
      return catalogueText('mustBe', String(JSON.stringify(p.allowedValue)), got);
    case 'pattern':
      return catalogueText('mustMatchPattern', String(p.pattern), got);
    case 'minLength':
      return p.limit === 1 ? catalogueText('mustNotBeEmpty') : catalogueText('minLength', String(p.limit), lengthOf(e.data));
    case 'maxLength':
      return catalogueText('maxLength', String(p.limit), lengthOf(e.data));
    case 'minimum':
      return catalogueText('minimum', String(p.limit), String(e.data));
    case 'maximum':
      return catalogueText('maximum', String(p.limit), String(e.data));
    case 'required':
      return catalogueText('required', String(p.missingProperty));
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
      const suggestion = closest(name, known);
      return suggestion
        ? catalogueText('unknownPropertyDidYouMean', name, suggestion)
        : known.length > 0 ? catalogueText('unknownPropertyAllowed', name, known.join(', ')) : catalogueText('unknownProperty', name);
    }
    case 'minItems':
      return p.limit === 1 ? catalogueText('mustNotBeEmptyList') : catalogueText('minItems', String(p.limit), Array.isArray(e.data) ? e.data.length : '?');
    case 'maxItems':
      return catalogueText('maxItems', String(p.limit), Array.isArray(e.data) ? e.data.length : '?');
    case 'uniqueItems':
      return catalogueText('uniqueItems', String(p.j), describeValueText(Array.isArray(e.data) ? e.data[Number(p.i)] : undefined));
    case 'oneOf': {
      const count = Array.isArray(schema.oneOf) ? schema.oneOf.length : 0;
      const passing = Array.isArray(p.passingSchemas) ? p.passingSchemas.length : 0;
      return passing === 0 ? catalogueText('oneOfNone', count) : catalogueText('oneOfSeveral', count, passing);
    }
    case 'anyOf':
      return catalogueText('anyOf');
    case 'not':
      return catalogueText('not');
    default:
      return catalogueText('otherKeyword', e.keyword);
  }
}

function typeNames(type: unknown): CatalogueText | string {
  const names: Readonly<Record<string, CatalogueMessageCode>> = {
    string: 'typeString', integer: 'typeInteger', number: 'typeNumber', object: 'typeObject', array: 'typeArray', boolean: 'typeBoolean', null: 'typeNull',
  };
  const list = (Array.isArray(type) ? type : String(type).split(',')).map((t): CatalogueText | string => {
    const code = names[String(t)];
    return code ? catalogueText(code) : String(t);
  });
  if (list.length <= 1) {
    return list[0] ?? catalogueText('typeUnknown');
  }
  return catalogueText('typeAlternatives', { items: list.slice(0, -1) }, list[list.length - 1]);
}

function lengthOf(value: unknown): number | string {
  return typeof value === 'string' ? [...value].length : '?';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/groups/0/title` → `['groups', 0, 'title']` (JSON Pointer, RFC 6901). */
function parsePointer(pointer: string): JsonPath {
  if (pointer === '') {
    return [];
  }
  return pointer.slice(1).split('/').map((s) => {
    const segment = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d{0,8})$/.test(segment) ? Number(segment) : segment;
  });
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
  return renderCatalogueText(describeValueText(value));
}

/** `describeValue` as a code and arguments. */
function describeValueText(value: unknown): CatalogueText {
  if (value === null) {
    return catalogueText('valueNull');
  }
  if (value === undefined) {
    return catalogueText('valueNothing');
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return catalogueText('valueString', JSON.stringify(shown));
  }
  if (typeof value === 'number') {
    return catalogueText(Number.isInteger(value) ? 'valueInteger' : 'valueNumber', String(value));
  }
  if (typeof value === 'bigint') {
    return catalogueText('valueInteger', String(value));
  }
  if (typeof value === 'boolean') {
    return catalogueText('valueBoolean', String(value));
  }
  if (Array.isArray(value)) {
    return catalogueText('valueList');
  }
  if (value instanceof Date) {
    return catalogueText('valueDate');
  }
  if (value instanceof Uint8Array) {
    return catalogueText('valueBinary');
  }
  if (value instanceof Map || value instanceof Set) {
    return catalogueText('valueMapOrSet');
  }
  if (typeof value === 'object') {
    return catalogueText('valueMapping');
  }
  return catalogueText('valueOther', typeof value);
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

/**
 * Levenshtein distance, or 3 ("too far") as soon as the lengths alone say so: hand-written because it
 * is ten lines and only ever compares a key with the few names a mapping allows.
 */
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
