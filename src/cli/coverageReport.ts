import type { Catalogue } from '../core/catalogue';
import type { Coverage } from '../core/coverage';
import { coverageToCsv, coverageToMarkdown, type DisplayPath } from '../core/coverageExport';
import { writtenNumber } from '../core/citationIndex';
import { IGNORE_FILE_MARKER } from '../core/ignoreMarkers';
import type { CoverageFormat } from './cliArgs';
import { ENGLISH_COVERAGE_LABELS } from './englishCoverageLabels';

/** One catalogue's coverage, as the command line reports it. */
export interface CatalogueCoverage {
  readonly catalogue: Catalogue;
  /** `bundled` or the catalogue file's path. */
  readonly source: string;
  readonly coverage: Coverage;
}

/** Share of a catalogue's proposals cited, in percent (unrounded). */
export function citedPercent(c: Coverage): number {
  return c.totalProposals === 0 ? 100 : (c.citedCount * 100) / c.totalProposals;
}

/**
 * The coverage report in `format`: Markdown and CSV are the editor's exports (English labels),
 * JSON is for scripts. The Markdown report starts with the ignore marker, so that a report saved
 * in the workspace is not counted as citing every proposal it lists.
 */
export function formatCoverage(reports: readonly CatalogueCoverage[], format: CoverageFormat, display: DisplayPath): string {
  switch (format) {
    case 'markdown':
      return reports.map((r) => markdownOf(r, display)).join('\n');
    case 'csv':
      // A CSV holds one table: the caller asks for --catalogue when there are several.
      return reports.map((r) => coverageToCsv(r.coverage, labelsFor(r.catalogue), display)).join('');
    case 'json':
      return `${JSON.stringify({ catalogues: reports.map((r) => jsonOf(r, display)) }, null, 2)}\n`;
  }
}

function markdownOf(r: CatalogueCoverage, display: DisplayPath): string {
  const report = coverageToMarkdown(r.coverage, labelsFor(r.catalogue), display);
  return report.includes(IGNORE_FILE_MARKER) ? report : `<!-- ${IGNORE_FILE_MARKER} -->\n\n${report}`;
}

/** The editor's labels; only the title names the catalogue, and it names the EGN. */
function labelsFor(catalogue: Catalogue): typeof ENGLISH_COVERAGE_LABELS {
  return catalogue.prefix === 'EGN' ? ENGLISH_COVERAGE_LABELS : { ...ENGLISH_COVERAGE_LABELS, title: `Coverage of ${catalogue.title} (${catalogue.prefix})` };
}

function jsonOf({ catalogue, source, coverage: c }: CatalogueCoverage, display: DisplayPath): object {
  return {
    id: catalogue.id,
    prefix: catalogue.prefix,
    title: catalogue.title,
    source,
    cited: c.citedCount,
    total: c.totalProposals,
    percent: Math.round(citedPercent(c) * 10) / 10,
    groups: c.themes.map((t) => ({
      id: t.theme.id,
      title: t.theme.title,
      cited: t.cited,
      total: t.total,
      uncited: t.proposals.filter((p) => p.count === 0).map((p) => p.proposal.id),
      proposals: t.proposals.map((p) => ({ id: p.proposal.id, number: p.proposal.number, citations: p.count })),
    })),
    uncited: c.uncited.map((p) => ({ id: p.id, number: p.number, title: p.title })),
    documents: c.documents.map((d, k) => ({
      path: display(d.uri),
      citations: d.citations,
      cited: d.cited.map((n) => `${c.prefix}-${n}`),
      counts: Object.fromEntries(c.proposals.flatMap((p, column) => (c.matrix[k][column] > 0 ? [[p.proposal.id, c.matrix[k][column]]] : []))),
    })),
    unknownReferences: c.unknownReferences.map((u) => ({ path: display(u.uri), line: u.line + 1, column: u.character + 1, reference: `${c.prefix}-${writtenNumber(u)}` })),
  };
}
