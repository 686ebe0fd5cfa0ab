import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ENGLISH_COVERAGE_LABELS } from '../../src/cli/englishCoverageLabels';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { CitationIndex } from '../../src/core/citationIndex';
import { computeCoverage } from '../../src/core/coverage';
import { coverageToCsv, coverageToMarkdown } from '../../src/core/coverageExport';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { cleanup, repoRoot, runCli, tempWorkspace } from './cliSupport';

const FIXTURE = path.join(repoRoot, 'test/fixtures/workspace');
/** The fixture's indexed documents (node_modules excluded), as the editor finds them. */
const DOCUMENTS = ['annexes/fiche-action-pix.md', 'annexes/sobriete-numerique.rst', 'compte-rendu-comite-pilotage.md', 'deliberation-conseil-departemental.tex', 'note-projet-ent.txt', 'plan-numerique-academique.md'];

function bundled() {
  const loaded = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'), JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object);
  assert.ok(loaded.ok);
  return loaded.catalogue;
}

/** The coverage of the fixture computed in this process by the core, as the extension computes it. */
function expectedCoverage() {
  const catalogue = bundled();
  const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
  const index = new CitationIndex((t) => scanner.scan(t), (n) => catalogue.byNumber(n) !== undefined);
  for (const d of DOCUMENTS) {
    index.set(pathToFileURL(path.join(FIXTURE, d)).href, fs.readFileSync(path.join(FIXTURE, d), 'utf8'));
  }
  const display = (uri: string): string => path.relative(FIXTURE, new URL(uri).pathname).split(path.sep).join('/');
  return { catalogue, coverage: computeCoverage(catalogue, index), display };
}

interface CoverageJson {
  catalogues: {
    prefix: string;
    cited: number;
    total: number;
    percent: number;
    groups: { id: string; cited: number; total: number; uncited: string[] }[];
    uncited: { id: string }[];
    documents: { path: string; citations: number; cited: string[]; counts: Record<string, number> }[];
    unknownReferences: { path: string; line: number; column: number; reference: string }[];
  }[];
}

describe('egn-cite coverage', () => {
  it('--format json gives per catalogue and per group cited / total, the uncited list and per-document counts, as the core computes them', () => {
    const r = runCli(['coverage', 'test/fixtures/workspace', '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as CoverageJson;
    const { coverage } = expectedCoverage();
    // The EGN first, then the demo workspace's own catalogue (academie-exemple.catalogue.yaml, prefix FRA).
    assert.deepStrictEqual(out.catalogues.map((x) => x.prefix), ['EGN', 'FRA']);
    const c = out.catalogues[0];
    assert.deepStrictEqual([c.prefix, c.cited, c.total], ['EGN', coverage.citedCount, 40]);
    assert.ok(c.cited > 0 && c.cited < 40, 'the fixture cites some proposals, not all');
    assert.deepStrictEqual(c.groups.map((g) => [g.id, g.cited, g.total]), coverage.themes.map((t) => [t.theme.id, t.cited, t.total]));
    assert.deepStrictEqual(c.uncited.map((p) => p.id), coverage.uncited.map((p) => p.id));
    assert.deepStrictEqual(c.documents.map((d) => d.path), DOCUMENTS.filter((d) => coverage.documents.some((x) => x.uri.endsWith(d))));
    coverage.documents.forEach((d, k) => {
      assert.strictEqual(c.documents[k].citations, d.citations);
      assert.deepStrictEqual(c.documents[k].cited, d.cited.map((n) => `EGN-${n}`));
      const counts = Object.fromEntries(coverage.proposals.flatMap((p, col) => (coverage.matrix[k][col] > 0 ? [[p.proposal.id, coverage.matrix[k][col]]] : [])));
      assert.deepStrictEqual(c.documents[k].counts, counts);
    });
    assert.deepStrictEqual(c.unknownReferences, [{ path: 'plan-numerique-academique.md', line: 34, column: 14, reference: 'EGN-41' }]);
  });

  it('--format markdown is the editor export (English labels) after the ignore marker', () => {
    const r = runCli(['coverage', 'test/fixtures/workspace', '--catalogue', 'EGN']);
    assert.strictEqual(r.status, 0);
    const { coverage, display } = expectedCoverage();
    assert.match(r.stdout, /^<!-- egn-ignore-file -->\n\n# /, 'the report opens with the ignore marker, once');
    assert.strictEqual(r.stdout, coverageToMarkdown(coverage, ENGLISH_COVERAGE_LABELS, display));
  });

  it('a saved Markdown report is not counted as citing what it lists', () => {
    const root = tempWorkspace({ 'plan.md': 'Voir EGN-12.\n' });
    try {
      fs.writeFileSync(path.join(root, 'rapport.md'), runCli(['coverage', root]).stdout);
      const out = JSON.parse(runCli(['coverage', root, '--format', 'json']).stdout) as CoverageJson;
      assert.deepStrictEqual(out.catalogues[0].documents.map((d) => d.path), ['plan.md']);
      assert.strictEqual(out.catalogues[0].cited, 1);
    } finally {
      cleanup(root);
    }
  });

  it('--format csv is the editor export (English labels)', () => {
    const r = runCli(['coverage', 'test/fixtures/workspace', '--format', 'csv', '--catalogue', 'EGN']);
    const { coverage, display } = expectedCoverage();
    assert.strictEqual(r.stdout, coverageToCsv(coverage, ENGLISH_COVERAGE_LABELS, display));
  });

  it('--min-coverage exits 1 below the percentage, naming the catalogue, and 0 at or above it', () => {
    const { coverage } = expectedCoverage();
    const percent = (coverage.citedCount * 100) / coverage.totalProposals;
    const below = runCli(['coverage', 'test/fixtures/workspace', '--min-coverage', String(Math.ceil(percent + 1))]);
    assert.strictEqual(below.status, 1);
    assert.match(below.stderr, new RegExp(`^EGN: ${coverage.citedCount} of 40 proposals cited \\(${Math.round(percent * 10) / 10} %\\), below --min-coverage`));
    assert.strictEqual(runCli(['coverage', 'test/fixtures/workspace', '--min-coverage', String(Math.floor(percent))]).status, 0);
    assert.strictEqual(runCli(['coverage', 'test/fixtures/workspace', '--min-coverage', '101']).status, 2);
  });

  it('names an unknown reference of 400 digits by its digits as written in json and markdown, never EGN-Infinity', () => {
    const digits = '7'.repeat(400);
    const root = tempWorkspace({ 'long.md': `Voir EGN-${digits} et EGN-12345678901234567890.\n` });
    try {
      const json = JSON.parse(runCli(['coverage', root, '--format', 'json']).stdout) as CoverageJson;
      assert.deepStrictEqual(json.catalogues[0].unknownReferences.map((u) => u.reference), [`EGN-${digits}`, 'EGN-12345678901234567890']);
      const md = runCli(['coverage', root, '--format', 'markdown']).stdout;
      assert.ok(md.includes(`EGN-${digits}`) && md.includes('EGN-12345678901234567890'), md.slice(-300));
      assert.doesNotMatch(md, /Infinity|e\+\d/);
    } finally {
      cleanup(root);
    }
  });

  it('--catalogue restricts to one prefix, and an unknown prefix is a usage error', () => {
    assert.strictEqual((JSON.parse(runCli(['coverage', 'test/fixtures/workspace', '--catalogue', 'egn', '--format', 'json']).stdout) as CoverageJson).catalogues.length, 1);
    const r = runCli(['coverage', 'test/fixtures/workspace', '--catalogue', 'XYZ']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /No catalogue has the prefix XYZ: use one of EGN/);
  });
});

describe('egn-cite with workspace catalogues', () => {
  /** A second catalogue for the test: the bundled file under another id and prefix. */
  const secondCatalogue = (prefix: string): string =>
    fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8').replace(/^id: egn-2020$/m, 'id: feuille-de-route').replace(/^prefix: EGN$/m, `prefix: ${prefix}`);

  it('loads *.catalogue.yaml files and checks and covers their prefix beside the EGN', () => {
    const root = tempWorkspace({ 'feuille.catalogue.yaml': secondCatalogue('FRA'), 'plan.md': 'EGN-2, FRA-3 et FRA-77.\n' });
    try {
      const check = runCli(['check', root, '--format', 'json']);
      assert.strictEqual(check.status, 1);
      const out = JSON.parse(check.stdout) as { catalogues: { prefix: string }[]; problems: { reference: string; message: string }[] };
      assert.deepStrictEqual(out.catalogues.map((c) => c.prefix), ['EGN', 'FRA']);
      assert.deepStrictEqual(out.problems.map((p) => [p.reference, p.message]), [['FRA-77', 'FRA-77 does not exist: proposals are numbered FRA-1 to FRA-40.']]);
      const cov = JSON.parse(runCli(['coverage', root, '--format', 'json']).stdout) as CoverageJson;
      assert.deepStrictEqual(cov.catalogues.map((c) => [c.prefix, c.cited]), [['EGN', 1], ['FRA', 1]]);
      assert.strictEqual(runCli(['coverage', root, '--format', 'csv']).status, 2, 'one CSV cannot hold two catalogues');
      assert.strictEqual(runCli(['coverage', root, '--format', 'csv', '--catalogue', 'FRA']).status, 0);
    } finally {
      cleanup(root);
    }
  });

  it('exits 2 on an invalid catalogue or a prefix already taken, naming the file and line', () => {
    const root = tempWorkspace({ 'a.catalogue.yaml': 'id: x\nprefix: [\n', 'plan.md': 'EGN-1\n' });
    try {
      const r = runCli(['check', root]);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /a\.catalogue\.yaml:\d+:\d+: /);
      fs.writeFileSync(path.join(root, 'a.catalogue.yaml'), secondCatalogue('EGN').replace(/^id: egn-2020$/m, 'id: autre'));
      const taken = runCli(['check', root]);
      assert.strictEqual(taken.status, 2);
      assert.match(taken.stderr, /a\.catalogue\.yaml:\d+:1: the prefix EGN is already used by the bundled catalogue/);
    } finally {
      cleanup(root);
    }
  });
});
