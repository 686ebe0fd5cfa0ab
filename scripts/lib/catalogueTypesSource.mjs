// @ts-check
// The source of src/core/generated/catalogueFile.ts: the TypeScript types of a catalogue file, generated
// from data/catalogue.schema.json by json-schema-to-typescript (a dev dependency), so that the types the
// loader reads cannot drift from the schema that validates. Used by scripts/generateCatalogueTypes.mjs,
// which writes the file, and by a unit test that checks the committed file is what the schema gives today.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** @type {typeof import('json-schema-to-typescript')} */
const { compile } = require('json-schema-to-typescript');

/** The names of the object definitions, as the loader and the model call them. */
const NAMES = /** @type {Record<string, string>} */ ({
  proposal: 'ProposalEntry',
  subtheme: 'SubThemeEntry',
  group: 'GroupEntry',
  dateEvent: 'DateEntry',
  thematique: 'ThematiqueEntry',
  context: 'ContextEntry',
});

/**
 * `schema` made into what the types need, without changing what they accept:
 * - a `$ref` to a definition that is no object (slug, text, url, date, lists) is replaced by the definition
 *   itself, so that the types say `string` and `ProposalEntry[]` instead of aliases named after
 *   validation rules (one of them would be `Date`, hiding the global);
 * - the group's `allOf` (subthemes or proposals, not both) is dropped: it only adds `required`, which
 *   the optional properties already allow, and would make the generated group type an intersection;
 * - the root and the object definitions are titled with the names the loader and the model use
 *   (the generator names a type after its title).
 * @param {any} schema the parsed data/catalogue.schema.json
 * @returns {any}
 */
function typingSchema(schema) {
  const copy = JSON.parse(JSON.stringify(schema));
  const definitions = copy.definitions ?? {};
  /** @param {any} node @returns {any} */
  const inline = (node) => {
    if (Array.isArray(node)) {
      return node.map(inline);
    }
    if (node === null || typeof node !== 'object') {
      return node;
    }
    const ref = typeof node.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] : undefined;
    if (ref !== undefined && definitions[ref]?.type !== 'object') {
      const siblings = { ...node };
      delete siblings.$ref;
      return inline({ ...definitions[ref], ...siblings });
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
  };
  copy.title = 'CatalogueFile';
  delete copy.$id;
  delete definitions.group?.allOf;
  const typed = inline(copy);
  typed.definitions = Object.fromEntries(Object.entries(typed.definitions ?? {})
    .filter(([, d]) => /** @type {any} */ (d).type === 'object')
    .map(([key, d]) => [key, { ...d, title: NAMES[key] ?? key }]));
  return typed;
}

/**
 * The TypeScript source of the generated types module for `schema`.
 * @param {object} schema the parsed data/catalogue.schema.json
 * @returns {Promise<string>}
 */
export async function catalogueTypesSource(schema) {
  const banner = [
    '// Generated from data/catalogue.schema.json by json-schema-to-typescript: do not edit.',
    '// Regenerate with `npm run generate:types`; a unit test fails while this file is stale.',
  ].join('\n');
  return compile(typingSchema(schema), 'CatalogueFile', {
    bannerComment: banner,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unknownAny: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
