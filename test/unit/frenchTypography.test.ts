import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '../../..');

/** French typography the UI strings must follow; code spans, links and URLs are not prose and are skipped. */
const RULES: readonly { readonly what: string; readonly bad: RegExp }[] = [
  { what: 'a plain space or none before ; ! ?', bad: /(?:^|[^\u00a0\u202f]);(?=\s|$)|[^\u00a0\u202f]!(?=\s|$)|[^\u00a0\u202f]\?(?=\s|$)/ },
  { what: 'a plain space or none before :', bad: /(?:^|[^\u00a0\u202f\d]):(?=\s|$)/ },
  { what: 'a plain space or none inside « »', bad: /«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/ },
  { what: 'a plain space or none before %', bad: /(?:\d|\})%| %/ },
  { what: 'a plain space or none after n°', bad: /n°(?![\u00a0\u202f])/ },
  { what: 'English quotation marks', bad: /[“”]/ },
  { what: 'a straight apostrophe (French writes ’)', bad: /'/ },
];

/** The prose of a message: code spans, command links and URLs removed. */
function prose(text: string): string {
  return text.replace(/`[^`]*`/g, '').replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, '');
}

function frenchMessages(): [string, string][] {
  return ['package.nls.fr.json', 'l10n/bundle.l10n.fr.json'].flatMap((file) => {
    const json = JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
    return Object.entries(json).map(([key, value]): [string, string] => [`${file} ${key}`, value]);
  });
}

describe('French typography of the UI strings', () => {
  it('finds the French messages (the check reads something)', () => {
    assert.ok(frenchMessages().length > 50);
  });

  for (const rule of RULES) {
    it(`never has ${rule.what}`, () => {
      const wrong = frenchMessages().filter(([, value]) => rule.bad.test(prose(value))).map(([where, value]) => `${where}: ${value}`);
      assert.deepStrictEqual(wrong, []);
    });
  }

  it('flags a plain space before a colon (the rules can fail)', () => {
    const colon = RULES.find((r) => r.what.includes(':'))!;
    assert.ok(colon.bad.test(prose('Filtre : « pix »')));
    assert.ok(!colon.bad.test(prose('Filtre\u00a0: «\u00a0pix\u00a0»')));
    assert.ok(RULES.some((r) => r.bad.test('« pix »')));
  });
});
