import * as assert from 'assert';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, repoRoot, runCli, tempWorkspace } from './cliSupport';

/**
 * The SARIF 2.1.0 schema as Microsoft's SARIF SDK team ships it (@microsoft/jest-sarif), a JSON
 * Schema draft-04 document: validated with Ajv's draft-04 class.
 */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object;
  // unicodeRegExp off: one pattern of the schema (a language tag) is not valid with the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; help: { text: string } }[] } };
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
  }[];
}

describe('egn-cite check --format sarif', () => {
  const validate = sarifValidator();

  it('the validator rejects a log that breaks the schema (so that a pass means something)', () => {
    assert.strictEqual(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.strictEqual(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] }), false);
  });

  it('validates against the SARIF 2.1.0 schema, with the rule, its help text and a 1-based region per result', () => {
    const r = runCli(['check', 'test/fixtures/workspace', '--format', 'sarif']);
    assert.strictEqual(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'egn-cite');
    assert.deepStrictEqual(run.tool.driver.rules.map((rule) => rule.id), ['egn.unknownProposal']);
    assert.match(run.tool.driver.rules[0].help.text, /egn-ignore-next-line/);
    assert.deepStrictEqual(run.results.map((res) => [res.ruleId, res.level, res.message.text, res.locations[0].physicalLocation.artifactLocation.uri, res.locations[0].physicalLocation.region]), [
      [
        'egn.unknownProposal',
        'warning',
        'FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12.',
        'test/fixtures/workspace/compte-rendu-comite-pilotage.md',
        { startLine: 18, startColumn: 30, endLine: 18, endColumn: 36 },
      ],
      [
        'egn.unknownProposal',
        'warning',
        'EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.',
        'test/fixtures/workspace/plan-numerique-academique.md',
        { startLine: 34, startColumn: 14, endLine: 34, endColumn: 20 },
      ],
    ]);
  });

  it('stays valid with no result and with file names that need escaping in a URI', () => {
    const root = tempWorkspace({ 'é t#é.md': 'EGN-99\n', 'ok.md': 'EGN-1\n' });
    try {
      const log = JSON.parse(runCli(['check', root, '--format', 'sarif']).stdout) as SarifLog;
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
      assert.ok(uri.endsWith('/%C3%A9%20t%23%C3%A9.md'), uri);
      assert.strictEqual(decodeURIComponent(uri.split('/').pop()!), 'é t#é.md');
      fs.rmSync(path.join(root, 'é t#é.md'));
      const empty = JSON.parse(runCli(['check', root, '--format', 'sarif']).stdout) as SarifLog;
      assert.ok(validate(empty), JSON.stringify(validate.errors));
      assert.deepStrictEqual(empty.runs[0].results, []);
    } finally {
      cleanup(root);
    }
  });

  it('with egn.diagnostics.nonCanonicalHint on, adds the non-canonical rule with its help text and a note per variant, and stays valid', () => {
    const root = tempWorkspace({
      '.vscode/settings.json': '{ "egn.diagnostics.nonCanonicalHint": true }',
      'a.md': 'Voir EGN 12, egn-3 et EGN-41.\nPuis EGN n° 7 et EGN-5.\n',
    });
    try {
      const r = runCli(['check', '.', '--format', 'sarif'], root);
      assert.strictEqual(r.status, 1, r.stderr);
      const log = JSON.parse(r.stdout) as SarifLog;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const rules = log.runs[0].tool.driver.rules;
      assert.deepStrictEqual(rules.map((rule) => rule.id), ['egn.unknownProposal', 'egn.nonCanonical']);
      assert.match(rules[1].help.text, /egn\.diagnostics\.nonCanonicalHint/);
      const results = log.runs[0].results as (SarifLog['runs'][0]['results'][0] & { ruleIndex: number })[];
      assert.deepStrictEqual(results.map((res) => [res.ruleId, res.ruleIndex, res.level, res.message.text, res.locations[0].physicalLocation.region.startLine, res.locations[0].physicalLocation.region.startColumn]), [
        ['egn.nonCanonical', 1, 'note', '"EGN 12" is usually written EGN-12.', 1, 6],
        ['egn.nonCanonical', 1, 'note', '"egn-3" is usually written EGN-3.', 1, 14],
        ['egn.unknownProposal', 0, 'warning', 'EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.', 1, 23],
        ['egn.nonCanonical', 1, 'note', '"EGN n° 7" is usually written EGN-7.', 2, 6],
      ]);
      // Off (the default), neither the rule nor the notes.
      fs.writeFileSync(path.join(root, '.vscode/settings.json'), '{ "egn.diagnostics.nonCanonicalHint": false }');
      const off = JSON.parse(runCli(['check', '.', '--format', 'sarif'], root).stdout) as SarifLog;
      assert.deepStrictEqual(off.runs[0].tool.driver.rules.map((rule) => rule.id), ['egn.unknownProposal']);
      assert.deepStrictEqual(off.runs[0].results.map((res) => res.ruleId), ['egn.unknownProposal']);
    } finally {
      cleanup(root);
    }
  });

  it('uses paths relative to the folder it runs in, as code scanning expects', () => {
    const log = JSON.parse(runCli(['check', '.', '--format', 'sarif'], path.join(repoRoot, 'test/fixtures/workspace')).stdout) as SarifLog;
    assert.deepStrictEqual(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri), ['compte-rendu-comite-pilotage.md', 'plan-numerique-academique.md']);
  });
});
