import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { CitationIndex } from '../../src/core/citationIndex';
import { computeCoverage } from '../../src/core/coverage';
import { CoverageLabels, coverageToCsv, coverageToMarkdown, csvOptionsFor } from '../../src/core/coverageExport';
import { readIgnoreMarkers } from '../../src/core/ignoreMarkers';
import type { Reference } from '../../src/core/reference';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { smallCatalogue } from './catalogueFixture';

function tinyScan(text: string): Reference[] {
  return [...text.matchAll(/EGN-(\d+)/g)].map((m) => ({ number: Number(m[1]), digits: m[1], start: m.index, end: m.index + m[0].length, form: 'canonical' as const, exists: true, implied: [] }));
}

const labels: CoverageLabels = {
  title: 'Couverture des propositions',
  summary: '{0} propositions citées sur {1} ({2} %)',
  scopeWorkspace: 'Espace de travail : {0} documents',
  scopeDocuments: 'Documents : {0}',
  themeSummary: '{0} / {1} citées',
  proposal: 'Proposition',
  number: 'Numéro',
  proposalTitle: 'Intitulé',
  theme: 'Thème',
  subtheme: 'Sous-thème',
  citations: 'Citations',
  cited: 'Citée',
  yes: 'oui',
  no: 'non',
  uncited: 'Propositions non citées',
  allCited: 'Toutes les propositions sont citées.',
  documents: 'Documents',
  document: 'Document',
  citedProposals: 'Propositions citées',
  unknownReferences: 'Références inconnues',
  unknownReference: '{0} : {1}, ligne {2}',
};

const relativePath = (uri: string): string => decodeURIComponent(uri.replace('file:///ws/', ''));

/** Hostile file names: a formula, a quote, a comma, a pipe, a line break, a link. */
function coverage(): ReturnType<typeof computeCoverage> {
  const index = new CitationIndex(tinyScan);
  index.set('file:///ws/plan.md', 'EGN-1 EGN-1 EGN-3');
  index.set('file:///ws/=HYPERLINK("http:evil")', 'EGN-4');
  index.set('file:///ws/a,"b".md', 'EGN-6');
  index.set('file:///ws/x|y%0Az.md', 'EGN-1');
  index.set('file:///ws/[clic](javascript:alert).md', 'EGN-9\n\nEGN-45');
  return computeCoverage(smallCatalogue(), index);
}

/** A minimal RFC 4180 reader, to check that the CSV reads back into the cells that were meant. */
function parseCsv(csv: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      assert.ok(c !== '\n' && c !== '\r', `bare line break outside quotes at ${i}`);
      cell += c;
    }
  }
  assert.strictEqual(cell + row.join(''), '', 'the CSV must end with CRLF');
  return rows;
}

describe('coverageToCsv', () => {
  const rows = parseCsv(coverageToCsv(coverage(), labels, relativePath));

  it('writes a header, then one row per proposal with its id, number, title, theme, sub-theme, count and cited flag', () => {
    assert.deepStrictEqual(rows[0].slice(0, 7), ['Proposition', 'Numéro', 'Intitulé', 'Thème', 'Sous-thème', 'Citations', 'Citée']);
    assert.strictEqual(rows.length, 1 + 8);
    assert.deepStrictEqual(rows[1].slice(0, 7), ['EGN-1', '1', 'Organiser une gouvernance', 'Gouvernance', 'Pilotage', '3', 'oui']);
    assert.deepStrictEqual(rows[2].slice(0, 7), ['EGN-2', '2', 'Créer une concertation', 'Gouvernance', 'Pilotage', '0', 'non']);
    assert.deepStrictEqual(rows[4].slice(3, 5), ['Égal accès', '']);
    assert.ok(rows.every((r) => r.length === rows[0].length), 'ragged rows');
  });

  it('adds one column per document holding that document’s count of each proposal', () => {
    const header = rows[0].slice(7);
    const col = (name: string): string[] => rows.slice(1).map((r) => r[7 + header.indexOf(name)]);
    assert.deepStrictEqual(col('plan.md'), ['2', '0', '1', '0', '0', '0', '0', '0']);
    assert.deepStrictEqual(col('x|y\nz.md'), ['1', '0', '0', '0', '0', '0', '0', '0']);
    assert.deepStrictEqual(col('a,"b".md'), ['0', '0', '0', '0', '0', '1', '0', '0']);
  });

  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    const csv = coverageToCsv(coverage(), labels, relativePath);
    assert.ok(csv.includes('"a,""b"".md"'), csv);
    assert.ok(csv.includes('"Former, ""vraiment"", les parents"'));
    assert.ok(csv.includes('"x|y\nz.md"'));
    assert.ok(csv.includes(',Organiser une gouvernance,'), 'a plain field must not be quoted');
  });

  it('defuses cells a spreadsheet would run as a formula, titles and file names alike', () => {
    assert.ok(rows[0].includes(`'=HYPERLINK("http:evil")`), rows[0].join(' ¦ '));
    assert.strictEqual(rows[6][2], `'=Formule officielle`);
    for (const cell of rows.flat()) {
      assert.ok(!/^[=+\-@\t\r]/.test(cell), `unguarded cell ${cell}`);
    }
  });
});

describe('coverageToCsv in French (csvOptionsFor)', () => {
  it('uses a semicolon and a byte order mark in French, a comma and none in English', () => {
    assert.deepStrictEqual(csvOptionsFor('fr', 'auto'), { separator: ';', bom: true });
    assert.deepStrictEqual(csvOptionsFor('fr-CA', 'auto'), { separator: ';', bom: true });
    assert.deepStrictEqual(csvOptionsFor('en', 'auto'), { separator: ',', bom: false });
    assert.deepStrictEqual(csvOptionsFor('fro', 'auto'), { separator: ',', bom: false }, 'only the fr language tag');
  });

  it('lets egn.export.csvSeparator override the language', () => {
    assert.deepStrictEqual(csvOptionsFor('fr', 'comma'), { separator: ',', bom: true });
    assert.deepStrictEqual(csvOptionsFor('en', 'semicolon'), { separator: ';', bom: true });
  });

  it('writes the BOM first and splits on semicolons into the same cells as the comma form', () => {
    const csv = coverageToCsv(coverage(), labels, relativePath, csvOptionsFor('fr', 'auto'));
    assert.strictEqual(csv.charCodeAt(0), 0xfeff);
    const rows = parseCsv(csv.slice(1), ';');
    assert.deepStrictEqual(rows, parseCsv(coverageToCsv(coverage(), labels, relativePath)));
    assert.deepStrictEqual(rows[1].slice(5, 7), ['3', 'oui']);
    assert.ok(csv.includes(';Organiser une gouvernance;'), 'a plain field is not quoted');
  });
});

describe('coverageToMarkdown', () => {
  it('starts with the egn-ignore-file marker, so that a saved report neither counts nor is warned about', () => {
    const text = coverageToMarkdown(coverage(), labels, relativePath);
    const markers = readIgnoreMarkers(text);
    assert.strictEqual(markers.ignoreFile, true);
    assert.strictEqual(text.split('\n')[0], '<!-- egn-ignore-file -->');
  });

  const markdown = coverageToMarkdown(coverage(), labels, relativePath);

  it('opens with the title and a summary of how many proposals are cited', () => {
    assert.ok(markdown.startsWith('<!-- egn-ignore-file -->\n\n# Couverture des propositions\n\n5 propositions citées sur 8 (63 %)\n'), markdown.slice(0, 120));
    assert.ok(markdown.includes('Espace de travail : 5 documents'));
  });

  it('gives each theme a bar and a table of its proposals with their counts', () => {
    assert.ok(markdown.includes('## Gouvernance\n\n███████░░░ 2 / 3 citées\n'), markdown);
    assert.ok(markdown.includes('## Égal accès\n\n█████░░░░░ 1 / 2 citées\n'));
    assert.ok(markdown.includes('| EGN-1 | Organiser une gouvernance | Pilotage | 3 |'));
    // A group without sub-themes has no sub-theme column.
    assert.ok(markdown.includes('| EGN-4 | Équiper les élèves | 1 |'));
  });

  it('lists the uncited proposals', () => {
    const section = markdown.split('## Propositions non citées\n\n')[1].split('\n\n')[0];
    assert.deepStrictEqual(section.split('\n'), [
      '- **EGN-2** — Créer une concertation',
      '- **EGN-5** — Former, "vraiment", les parents',
      '- **EGN-7** — Soutenir la recherche',
    ]);
  });

  it('escapes pipes, line breaks, links and HTML so that no table breaks and no markup appears', () => {
    assert.ok(markdown.includes('| EGN-3 | Anticiper \\| prévoir | Anticipation | 1 |'));
    assert.ok(markdown.includes('| x\\|y z.md | 1 | EGN-1 |'), markdown);
    assert.ok(markdown.includes('\\[clic\\](javascript:alert).md'));
    // Every table row has as many unescaped cell separators as its header.
    for (const table of markdown.split(/\n\n/).filter((b) => b.startsWith('| '))) {
      const lines = table.split('\n');
      const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
      for (const l of lines) {
        assert.strictEqual(cells(l), cells(lines[0]), `broken row: ${l}`);
      }
    }
  });

  it('lists references to unknown proposals with their document and 1-based line', () => {
    assert.ok(markdown.includes('## Références inconnues\n\n- EGN-45 : \\[clic\\](javascript:alert).md, ligne 3\n'), markdown);
  });

  it('names an unknown reference of 400 digits (or 20) by its digits as written, never EGN-Infinity nor EGN-1e+22', () => {
    const catalogue = smallCatalogue();
    const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
    const index = new CitationIndex((t) => scanner.scan(t), (n) => catalogue.byNumber(n) !== undefined);
    const digits = '9'.repeat(400);
    index.set('file:///ws/long.md', `EGN-00${digits}\nEGN-12345678901234567890\n`);
    const md = coverageToMarkdown(computeCoverage(catalogue, index), labels, relativePath);
    assert.ok(md.includes(`- EGN-${digits} : long.md, ligne 1`), 'the 400 digits, leading zeros dropped');
    assert.ok(md.includes('- EGN-12345678901234567890 : long.md, ligne 2'));
    assert.doesNotMatch(md, /Infinity|e\+\d/);
  });

  it('says when every proposal is cited instead of an empty list', () => {
    const index = new CitationIndex(tinyScan);
    index.set('all', 'EGN-1 EGN-2 EGN-3 EGN-4 EGN-5 EGN-6 EGN-7 EGN-9');
    const md = coverageToMarkdown(computeCoverage(smallCatalogue(), index), labels, relativePath);
    assert.ok(md.includes('## Propositions non citées\n\nToutes les propositions sont citées.\n'));
    assert.ok(md.includes('██████████ 3 / 3 citées'));
    assert.ok(!md.includes('Références inconnues'));
  });

  it('names the documents of a scoped report', () => {
    const index = new CitationIndex(tinyScan);
    index.set('file:///ws/plan.md', 'EGN-1');
    const md = coverageToMarkdown(computeCoverage(smallCatalogue(), index, { uris: ['file:///ws/plan.md'] }), labels, relativePath);
    assert.ok(md.includes('\nDocuments : plan.md\n'));
    assert.ok(md.includes('░░░░░░░░░░ 0 / 2 citées'), 'a theme with nothing cited has an empty bar');
  });
});

describe('exports of the EGN 2020 catalogue', () => {
  const root = path.resolve(__dirname, '../../..');
  const loaded = loadCatalogue(
    fs.readFileSync(path.join(root, 'data/egn-2020.yaml'), 'utf8'),
    JSON.parse(fs.readFileSync(path.join(root, 'data/catalogue.schema.json'), 'utf8')) as object,
  );
  if (!loaded.ok) {
    throw new Error('the bundled catalogue does not load');
  }
  const catalogue = loaded.catalogue;
  const index = new CitationIndex(tinyScan);
  index.set('file:///ws/plan.md', 'EGN-25 EGN-37 EGN-38');
  const c = computeCoverage(catalogue, index);

  it('gives back every official title letter for letter when the CSV is read', () => {
    const rows = parseCsv(coverageToCsv(c, labels, relativePath));
    assert.strictEqual(rows.length, 41);
    assert.deepStrictEqual(rows.slice(1).map((r) => r[2]), catalogue.proposals.map((p) => p.title));
    assert.ok(catalogue.proposals.some((p) => /["’,]/.test(p.title)), 'the catalogue has titles that need quoting');
  });

  it('writes one Markdown table per group, each with one row per proposal', () => {
    const md = coverageToMarkdown(c, labels, relativePath);
    for (const t of catalogue.themes) {
      const section = md.split(`## ${t.title.replace(/[\\`*_[\]<>#|~&$]/g, '\\$&')}\n`)[1];
      assert.ok(section !== undefined, `no section for ${t.id}`);
      const rows = section.split('\n\n')[1].split('\n');
      assert.strictEqual(rows.length, 2 + t.proposals.length, t.id);
    }
  });
});
