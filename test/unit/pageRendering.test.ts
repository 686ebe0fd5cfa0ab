import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { CitationIndex } from '../../src/core/citationIndex';
import { computeCoverage } from '../../src/core/coverage';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { ENGLISH_COVERAGE_LABELS } from '../../src/cli/englishCoverageLabels';
import { CoveragePageText, renderCoverageBody } from '../../src/coverage/coveragePage';
import type { ProposalPageLabels } from '../../src/panels/proposalPage';
import { renderProposalBody } from '../../src/panels/proposalPage';
import { type OverviewPageLabels, renderOverviewBody } from '../../src/panels/overviewPage';
import { hasContext } from '../../src/core/catalogue';

/** Tests compile to out/test/unit/, three levels below the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
const HOSTILE = '<img src=x onerror=alert(1)> </script><script>alert(2)</script>';

/** Labels that name themselves: the renderer's own markup is what is under test, not the wording. */
const labels = new Proxy({}, {
  get: (_target, key) => (typeof key === 'string' && /^(sameGroup|sharingTag|cited|line|openUrlTitle|showAll|shownOf)$/.test(key) ? (...args: unknown[]) => `${key}(${args.join(',')})` : String(key)),
}) as ProposalPageLabels;

describe('Proposal page rendering (pure, no VS Code)', () => {
  const yaml = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8')
    .replace('"Certifier les compétences numériques des élèves avec PIX"', `'${HOSTILE}'`)
    .replace('tags: [PIX]\n          - number: 14', `tags: [PIX, '${HOSTILE}']\n          - number: 14`);
  const loaded = loadCatalogue(yaml, {});
  if (!loaded.ok) {
    throw new Error(JSON.stringify(loaded.errors));
  }
  const catalogue = loaded.catalogue;

  it('shows a hostile title, tag, citation path and preview as text, never as markup', () => {
    const page = { lines: [{ path: 'a<b>.md', line: 3, preview: HOSTILE }], total: 1 };
    const body = renderProposalBody(catalogue, catalogue.byNumber(13)!, labels, page);
    assert.ok(!/<img|<\/?script/i.test(body), 'no element from the catalogue or the workspace');
    assert.ok(body.includes('&#60;img src=x onerror=alert(1)&#62;'), 'the hostile title is shown, escaped');
    assert.ok(body.includes('a&#60;b&#62;.md'), 'the document path is shown, escaped');
  });

  it('escapes the hostile title where a neighbour lists it (siblings, related, pager)', () => {
    const body = renderProposalBody(catalogue, catalogue.byNumber(12)!, labels, undefined);
    assert.ok(!/<img|<\/?script/i.test(body));
    assert.ok(body.includes('&#60;img'), 'the neighbour EGN-13 appears, escaped');
  });
});

describe('Coverage page rendering (pure, no VS Code)', () => {
  it('shows a hostile document name as text and designates documents by index, never by URI', () => {
    const loaded = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'), {});
    if (!loaded.ok) {
      throw new Error(JSON.stringify(loaded.errors));
    }
    const catalogue = loaded.catalogue;
    const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
    const index = new CitationIndex((t) => scanner.scan(t), (n) => catalogue.byNumber(n) !== undefined);
    const hostile = 'file:///w/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3C%2Fscript%3E.md';
    index.set(hostile, `EGN-12 et EGN-45, puis EGN-${'7'.repeat(400)}`);
    const text: CoveragePageText = {
      labels: ENGLISH_COVERAGE_LABELS, heading: 'h', scope: 's', byTheme: 't', coverage: 'c', matrix: 'm', matrixCaption: 'mc', exportMarkdown: 'em', exportCsv: 'ec',
      noDocuments: 'n', openProposal: 'Open {0}', openDocument: 'Open {0}', percentCited: '{0} %', percent: '{0} %', scrollHint: 'scroll',
    };
    const html = renderCoverageBody(computeCoverage(catalogue, index), text, (uri) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)));
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;&#60;/script&#62;.md'), 'the name is shown, as text');
    assert.ok(!/<img|<\/script/i.test(html), 'no markup from the name');
    assert.ok(!html.includes(hostile) && !html.includes('file:///'), 'no URI reaches the page: documents are designated by index');
    assert.match(html, /data-action="openDocument" data-index="0"/, 'the document is designated by its index');
    assert.ok(html.includes(`EGN-${'7'.repeat(400)}`) && !/Infinity|e\+/.test(html), 'an unknown reference keeps its digits as written');
  });
});

describe('Overview page rendering (pure, no VS Code)', () => {
  const loaded = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
  const overviewLabels = new Proxy({}, {
    get: (_target, key) => (key === 'date' ? (d: { start: string }) => `date(${d.start})` : typeof key === 'string' && /^(place|revealTheme|commonProposals|updated)$/.test(key) ? (...args: unknown[]) => `${key}(${args.join(',')})` : String(key)),
  }) as OverviewPageLabels;

  it('lists the themes of the consultation in the tree\'s order (the catalogue\'s themes)', () => {
    assert.ok(loaded.ok && hasContext(loaded.catalogue));
    const catalogue = loaded.catalogue;
    const html = renderOverviewBody(catalogue, overviewLabels);
    const shown = [...html.matchAll(/data-theme="([^"]+)"/g)].map((m) => m[1]).filter((id) => catalogue.themes.find((t) => t.id === id)?.kind === 'theme');
    assert.deepStrictEqual(shown, catalogue.themes.filter((t) => t.kind === 'theme').map((t) => t.id));
  });

  it('says a date once when the source\'s words already hold it (« consultation nationale lancée en juin 2020 »)', () => {
    assert.ok(loaded.ok && hasContext(loaded.catalogue));
    const html = renderOverviewBody(loaded.catalogue, overviewLabels);
    assert.ok(html.includes('consultation nationale lancée en <strong>juin 2020</strong>'), html);
    assert.ok(!html.includes('date(2020-06)'), 'no date said before the words that hold it');
    assert.ok(html.includes('<strong>date(2020-11-04)</strong> — '), 'a date the words do not hold is still said');
  });
});
