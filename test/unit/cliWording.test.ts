import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { NON_CANONICAL_RULE, NON_CANONICAL_TEMPLATE, nonCanonicalText, UNKNOWN_PROPOSAL_RULE } from '../../src/cli/checkReport';
import { ENGLISH_COVERAGE_LABELS } from '../../src/cli/englishCoverageLabels';
import { SETTING_DEFAULTS } from '../../src/core/generated/settingDefaults';
import { UNKNOWN_PROPOSAL_TEMPLATE, unknownProposalText } from '../../src/core/unknownProposalText';

const repoRoot = path.resolve(__dirname, '../../..');
const source = (file: string): string => fs.readFileSync(path.join(repoRoot, file), 'utf8');

/** The string literals of the `vscode.l10n.t` calls of a file, in order. */
function l10nLiterals(file: string): string[] {
  return [...source(file).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
}

describe('egn-cite says what the editor says', () => {
  it('words an unknown reference as the editor does (its l10n key), with the catalogue range', () => {
    assert.deepStrictEqual(l10nLiterals('src/language/unknownProposalMessage.ts'), [UNKNOWN_PROPOSAL_TEMPLATE]);
    assert.ok(UNKNOWN_PROPOSAL_TEMPLATE in (JSON.parse(source('l10n/bundle.l10n.fr.json')) as object), 'the editor translates it');
    assert.strictEqual(unknownProposalText({ prefix: 'FRA', range: { min: 1, max: 12 } }, 13), 'FRA-13 does not exist: proposals are numbered FRA-1 to FRA-12.');
  });

  it('names its rule after the editor diagnostic code', () => {
    assert.match(source('src/language/referenceDiagnostics.ts'), new RegExp(`UNKNOWN_PROPOSAL_CODE = '${UNKNOWN_PROPOSAL_RULE.replace('.', '\\.')}'`));
    assert.match(source('src/language/referenceDiagnostics.ts'), new RegExp(`NON_CANONICAL_CODE = '${NON_CANONICAL_RULE.replace('.', '\\.')}'`));
  });

  it('words a non-canonical reference as the editor hint does (its l10n key)', () => {
    assert.ok(l10nLiterals('src/language/referenceDiagnostics.ts').includes(NON_CANONICAL_TEMPLATE));
    assert.ok(NON_CANONICAL_TEMPLATE in (JSON.parse(source('l10n/bundle.l10n.fr.json')) as object), 'the editor translates it');
    assert.strictEqual(nonCanonicalText('EGN n° 7', 'EGN-7'), '"EGN n° 7" is usually written EGN-7.');
  });

  it('labels the coverage report with the English keys of the editor export, in the same order', () => {
    assert.deepStrictEqual(Object.values(ENGLISH_COVERAGE_LABELS), l10nLiterals('src/coverage/coverageLabels.ts'));
  });

  it('uses the defaults package.json declares for the settings it reads, from the one table the editor reads too', async () => {
    const manifest = JSON.parse(source('package.json')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    const properties = manifest.contributes.configuration.properties;
    for (const key of ['egn.index.include', 'egn.index.exclude', 'egn.index.maxFileSize', 'egn.catalogues.include', 'egn.diagnostics.nonCanonicalHint'] as const) {
      assert.deepStrictEqual(SETTING_DEFAULTS[key], properties[key].default, key);
    }
    // Every declared default is in the table, and the committed table is what the build generates.
    assert.deepStrictEqual(Object.keys(SETTING_DEFAULTS), Object.keys(properties).filter((k) => properties[k].default !== undefined));
    const generator = pathToFileURL(path.join(repoRoot, 'scripts/lib/settingDefaultsSource.mjs')).href;
    const { settingDefaultsSource } = (await import(generator)) as { settingDefaultsSource: (m: object) => string };
    assert.ok(source('src/core/generated/settingDefaults.ts') === settingDefaultsSource(manifest), 'src/core/generated/settingDefaults.ts is stale: run npm run generate:settings (or npm run build)');
  });
});
