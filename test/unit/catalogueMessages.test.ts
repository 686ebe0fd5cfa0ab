import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { CATALOGUE_MESSAGES, CatalogueMessageCode, catalogueText, CatalogueTextRenderer, fillTemplate, renderCatalogueText, schemaErrorMessageCode } from '../../src/core/catalogueMessages';
import { CatalogueSet } from '../../src/core/catalogueSet';

const repoRoot = path.resolve(__dirname, '../../..');
const source = (file: string): string => fs.readFileSync(path.join(repoRoot, file), 'utf8');

/** The string literals of the `vscode.l10n.t` calls of a file, in order, unescaped. */
function l10nLiterals(file: string): string[] {
  return [...source(file).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}

/** A renderer that marks each message with its code, as a translation would change every word. */
const MARKING: CatalogueTextRenderer = {
  message: (code, template, args) => `<${code}>${fillTemplate(template, args)}`,
  number: (n, digits) => `#${n.toFixed(digits)}`,
};

const VALID = [
  'id: essai',
  'prefix: ESS',
  'title: "Essai"',
  'groups:',
  '  - id: axe',
  '    title: "Axe"',
  '    proposals:',
  '      - number: 1',
  '        title: "Première action"',
  '',
].join('\n');

/** Broken catalogues, one per family of message (syntax, keys, schema, rules, limits). */
const BROKEN: readonly string[] = [
  '',
  'id: essai\n\tprefix: ESS\n',
  'a: 1\n---\nb: 2\n',
  'id: [unclosed\n',
  'id: essai\nid: encore\n',
  '? [a, b]\n: 1\n',
  VALID.replace('title: "Essai"', 'titel: "Essai"'),
  VALID.replace('prefix: ESS', 'prefix: 9'),
  VALID.replace('number: 1', 'number: 3'),
  VALID.replace('title: "Première action"', 'title: "Première\\u202e action"'),
  VALID.replace('title: "Première action"', 'title: 12'),
  VALID.replace('    proposals:', '    subthemes: []\n    proposals:'),
  VALID.replace('id: essai', 'id: Essai Majuscule'),
  'x: ' + '['.repeat(40) + ']'.repeat(40) + '\n',
  'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
];

describe('Catalogue messages as codes (translated by the editor, English in the CLI)', () => {
  it('gives the editor a literal vscode.l10n.t call for each English template, in the same order', () => {
    assert.deepStrictEqual(l10nLiterals('src/catalogues/catalogueErrorText.ts'), Object.values(CATALOGUE_MESSAGES));
  });

  it('translates every template into French, with the same placeholders', () => {
    const fr = JSON.parse(source('l10n/bundle.l10n.fr.json')) as Record<string, string>;
    const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(',');
    for (const template of Object.values(CATALOGUE_MESSAGES)) {
      assert.ok(template in fr, `not in l10n/bundle.l10n.fr.json: ${template}`);
      assert.strictEqual(placeholders(fr[template]), placeholders(template), template);
    }
  });

  it('has no brace but placeholders in a template (VS Code reads any {…} as a placeholder)', () => {
    const fr = JSON.parse(source('l10n/bundle.l10n.fr.json')) as Record<string, string>;
    for (const template of Object.values(CATALOGUE_MESSAGES)) {
      for (const text of [template, fr[template]]) {
        assert.ok(!/\{(?!\d+\})|(?<!\{\d+)\}/.test(text), text);
      }
    }
  });

  it('has a code for every errorMessage of data/catalogue.schema.json', () => {
    const messages = [...source('data/catalogue.schema.json').matchAll(/"errorMessage":\s*("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]) as string);
    assert.ok(messages.length >= 9, `${messages.length} errorMessages found`);
    for (const m of messages) {
      assert.ok(schemaErrorMessageCode(m), `no code for the schema's errorMessage: ${m}`);
    }
  });

  it('renders nested messages, lists and numbers through the renderer it is given, and English by default', () => {
    const text = catalogueText('atPath', catalogueText('topLevel'), catalogueText('expectedType', catalogueText('typeAlternatives', { items: [catalogueText('typeString'), catalogueText('typeInteger')] }, catalogueText('typeNull')), catalogueText('valueInteger', '3')));
    assert.strictEqual(renderCatalogueText(text), '(top level): expected a string, an integer or null, got the integer 3');
    assert.strictEqual(renderCatalogueText(text, MARKING), '<atPath><topLevel>(top level): <expectedType>expected <typeAlternatives><typeString>a string, <typeInteger>an integer or <typeNull>null, got <valueInteger>the integer 3');
    assert.strictEqual(renderCatalogueText(catalogueText('tooManyTokens', { localeNumber: 200000 }, { localeNumber: 1500 })), 'The file has more than 200,000 YAML tokens (keys, values, punctuation) by here, where a catalogue of 40 proposals has about 1,500. It was not parsed; check that this is the right file.');
    assert.strictEqual(renderCatalogueText(catalogueText('sizeMegabytes', { localeNumber: 10, fractionDigits: 1 }), MARKING), '<sizeMegabytes>#10.0 MB');
    assert.strictEqual(fillTemplate('{0} and {1}', ['{1}', 'x']), '{1} and x', 'an argument is not read again');
  });

  it('gives every error of a broken catalogue a code whose English is its message', () => {
    const seen = new Set<CatalogueMessageCode>();
    for (const text of BROKEN) {
      const result = loadCatalogue(text);
      assert.ok(!result.ok, `loads: ${JSON.stringify(text)}`);
      for (const e of result.errors) {
        assert.ok(e.text, `no code: ${e.message}`);
        assert.strictEqual(renderCatalogueText(e.text), e.message);
        // Every message of it goes through the renderer: nothing is left in English words the renderer did not see.
        const marked = renderCatalogueText(e.text, MARKING);
        assert.ok(marked.startsWith('<'), marked);
        seen.add(e.text.code);
      }
    }
    assert.ok(seen.size >= 8, `only ${[...seen].join(', ')}`);
  });

  it('gives a prefix already taken a code too, at its path', () => {
    const load = (source: string) => ({ source, text: VALID, result: loadCatalogue(VALID) });
    const egn = loadCatalogue(VALID.replace('prefix: ESS', 'prefix: EGN'));
    assert.ok(egn.ok);
    const { problems } = CatalogueSet.resolve(egn.catalogue, [load('file:///w/a.catalogue.yaml'), load('file:///w/b.catalogue.yaml')]);
    const [error] = problems[0].errors;
    assert.strictEqual(error.message, 'prefix: "ESS" is already used by the catalogue a.catalogue.yaml; this catalogue was not loaded. Choose another prefix.');
    assert.ok(error.text);
    assert.strictEqual(renderCatalogueText(error.text, MARKING), '<atPath><placeNamed>prefix: <prefixTaken>"ESS" is already used by <prefixOwnerFile>the catalogue a.catalogue.yaml; this catalogue was not loaded. Choose another prefix.');
  });

  /** The editor's choice for `placeNamed` (its second argument), with English templates. */
  const WRITER: CatalogueTextRenderer = {
    message: (code, template, args) => (code === 'placeNamed' ? args[1] : fillTemplate(template, args)),
    number: (n) => String(n),
  };

  it('names the place of a fault as a writer does (« proposal 2 of group 1 »), keeping the path for the command line', () => {
    const typo = loadCatalogue(VALID.replace('        title: "Première action"\n', '        title: "Première action"\n      - number: 2\n        titel: "Deuxième"\n'));
    assert.ok(!typo.ok);
    const unknown = typo.errors.find((e) => e.message.includes('titel'))!;
    assert.strictEqual(unknown.path, 'groups[0].proposals[1].titel');
    assert.ok(unknown.message.startsWith('groups[0].proposals[1].titel: '), unknown.message);
    assert.strictEqual(renderCatalogueText(unknown.text!, WRITER), 'proposal 2 of group 1, field titel: unknown property "titel" (did you mean "title"?)');
    const missing = typo.errors.find((e) => e.message.includes('required'))!;
    assert.strictEqual(renderCatalogueText(missing.text!, WRITER), 'proposal 2 of group 1: missing the required property "title"');
    const top = loadCatalogue(VALID.replace('prefix: ESS', 'prefix: E'));
    assert.ok(!top.ok);
    assert.match(renderCatalogueText(top.errors[0].text!, WRITER), /^field prefix: /);
  });

  it('reports a quote left open on line 3 on line 3, where it opens, not where the file ends', () => {
    for (const quote of ['"', "'"]) {
      const broken = VALID.replace('title: "Essai"', `title: ${quote}Essai`);
      const result = loadCatalogue(broken);
      assert.ok(!result.ok);
      const [error] = result.errors;
      assert.deepStrictEqual({ line: error.line, column: error.column, code: error.text?.code }, { line: 3, column: 8, code: 'unclosedQuote' }, `${quote}: ${error.message}`);
      assert.ok(error.message.includes(quote));
    }
  });
});
