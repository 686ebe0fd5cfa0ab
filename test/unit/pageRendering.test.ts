import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import type { ProposalPageLabels } from '../../src/panels/proposalPage';
import { renderProposalBody } from '../../src/panels/proposalPage';

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
