import type { Coverage, ThemeCoverage } from './coverage';
import { writtenNumber } from './citationIndex';
import { IGNORE_FILE_MARKER } from './ignoreMarkers';

/**
 * The UI strings of an export, already localized by the caller (the core has no l10n of its own).
 * `{0}`, `{1}`… are replaced by the values each comment names. The catalogue's text (titles) stays
 * French whatever the UI language: it is quoted from the official source.
 */
export interface CoverageLabels {
  /** Heading of the Markdown report. */
  readonly title: string;
  /** `{0}` cited proposals, `{1}` proposals in all, `{2}` percentage (integer). */
  readonly summary: string;
  /** Scope line for the whole workspace: `{0}` documents that cite something. */
  readonly scopeWorkspace: string;
  /** Scope line for chosen documents: `{0}` their names, comma-separated. */
  readonly scopeDocuments: string;
  /** Under a theme's heading: `{0}` cited, `{1}` total. */
  readonly themeSummary: string;
  /** Column of the proposal's id (`EGN-12`). */
  readonly proposal: string;
  readonly number: string;
  readonly proposalTitle: string;
  readonly theme: string;
  readonly subtheme: string;
  /** Column of citation counts. */
  readonly citations: string;
  /** Column saying whether the proposal is cited. */
  readonly cited: string;
  readonly yes: string;
  readonly no: string;
  /** Heading of the uncited proposals. */
  readonly uncited: string;
  /** Said instead of the list when every proposal is cited. */
  readonly allCited: string;
  /** Heading of the per-document table. */
  readonly documents: string;
  /** Column of document names. */
  readonly document: string;
  /** Column of the proposals a document cites. */
  readonly citedProposals: string;
  /** Heading of the references to unknown proposals. */
  readonly unknownReferences: string;
  /** One unknown reference: `{0}` the reference (`EGN-45`), `{1}` document, `{2}` 1-based line. */
  readonly unknownReference: string;
}

/** Turns a document URI into the name shown for it (its workspace-relative path). */
export type DisplayPath = (uri: string) => string;

const BAR_CELLS = 10;

/**
 * The coverage as a Markdown report: a summary line, per group a bar and a table of its proposals,
 * the uncited proposals, the documents and what each cites, and the references to unknown
 * proposals. All text from the catalogue or the workspace is escaped so that it cannot break a
 * table or turn into markup (a file may be named `a|b` or `[x](y)`).
 */
export function coverageToMarkdown(coverage: Coverage, labels: CoverageLabels, relativePath: DisplayPath): string {
  const out: string[] = [];
  const percent = coverage.totalProposals === 0 ? 0 : Math.round((coverage.citedCount * 100) / coverage.totalProposals);
  // The report cites every proposal and quotes the unknown references: saved in the workspace, it
  // would count as a citing document and be warned about. The marker keeps it out of both.
  out.push(`<!-- ${IGNORE_FILE_MARKER} -->`, '');
  out.push(`# ${md(labels.title)}`, '');
  out.push(md(format(labels.summary, coverage.citedCount, coverage.totalProposals, percent)));
  const names = coverage.documents.map((d) => relativePath(d.uri));
  out.push('', md(coverage.scope === 'workspace' ? format(labels.scopeWorkspace, names.length) : format(labels.scopeDocuments, names.join(', '))));

  for (const t of coverage.themes) {
    out.push('', `## ${md(t.theme.title)}`, '', `${bar(t.cited, t.total)} ${md(format(labels.themeSummary, t.cited, t.total))}`, '');
    out.push(...themeTable(t, labels));
  }

  out.push('', `## ${md(labels.uncited)}`, '');
  if (coverage.uncited.length === 0) {
    out.push(md(labels.allCited));
  } else {
    for (const p of coverage.uncited) {
      out.push(`- **${md(p.id)}** — ${md(p.title)}`);
    }
  }

  if (coverage.documents.length > 0) {
    out.push('', `## ${md(labels.documents)}`, '');
    out.push(row([labels.document, labels.citations, labels.citedProposals].map(md)), '| --- | ---: | --- |');
    coverage.documents.forEach((d, k) => {
      const ids = coverage.proposals.filter((_, p) => coverage.matrix[k][p] > 0).map((pc) => pc.proposal.id);
      out.push(row([md(names[k]), String(d.citations), md(ids.join(', '))]));
    });
  }

  if (coverage.unknownReferences.length > 0) {
    out.push('', `## ${md(labels.unknownReferences)}`, '');
    for (const u of coverage.unknownReferences) {
      out.push(`- ${md(format(labels.unknownReference, `${coverage.prefix}-${writtenNumber(u)}`, relativePath(u.uri), u.line + 1))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The coverage of several catalogues as one Markdown report: one section per catalogue, each as
 * `coverageToMarkdown` writes it under its own heading (its ignore marker included, as the CLI's
 * `egn-cite coverage --format markdown` writes it). One catalogue gives exactly `coverageToMarkdown`'s report.
 */
export function coveragesToMarkdown(
  sections: readonly { readonly heading: string; readonly coverage: Coverage }[],
  labels: CoverageLabels,
  relativePath: DisplayPath,
): string {
  return sections.map((section) => coverageToMarkdown(section.coverage, { ...labels, title: section.heading }, relativePath)).join('\n');
}

function themeTable(t: ThemeCoverage, labels: CoverageLabels): string[] {
  // A sub-theme column only for groups that have sub-themes; elsewhere it would stay empty.
  const withSub = t.theme.subthemes.length > 0;
  const head = [labels.proposal, labels.proposalTitle, ...(withSub ? [labels.subtheme] : []), labels.citations].map(md);
  const lines = [row(head), `| --- | --- |${withSub ? ' --- |' : ''} ---: |`];
  for (const { proposal: p, count } of t.proposals) {
    lines.push(row([md(p.id), md(p.title), ...(withSub ? [md(p.subtheme?.title ?? '')] : []), String(count)]));
  }
  return lines;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A bar of `BAR_CELLS` cells, filled in proportion; never full unless complete, never empty unless zero. */
function bar(part: number, total: number): string {
  let filled = total === 0 ? 0 : Math.round((part * BAR_CELLS) / total);
  if (part > 0 && filled === 0) {
    filled = 1;
  } else if (part < total && filled === BAR_CELLS) {
    filled = BAR_CELLS - 1;
  }
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
}

/**
 * Escapes text for a Markdown paragraph, list item or table cell: line breaks become spaces (a
 * break would end the table row), and every character that can start emphasis, code, a link, HTML,
 * an entity, a heading, math (VS Code's preview renders `$…$`) or a cell boundary is
 * backslash-escaped, which CommonMark allows for any ASCII punctuation. `(` and `!` need no escape
 * once `[` has one.
 */
function md(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\\`*_[\]<>#|~&$]/g, '\\$&');
}

/** How a CSV export is written, so that the user's spreadsheet software splits it into columns. */
export interface CsvOptions {
  /**
   * The field separator: `,` (RFC 4180, English locales) or `;` (what spreadsheet software expects
   * where the comma is the decimal separator, as in French).
   */
  readonly separator: ',' | ';';
  /** Start with a UTF-8 byte order mark, without which some spreadsheet software misreads accents. */
  readonly bom: boolean;
}

/** RFC 4180 as written. */
export const RFC4180_CSV: CsvOptions = { separator: ',', bom: false };

/**
 * The CSV options for a display language (`fr`, `fr-CA`, `en`…) and the `egn.export.csvSeparator`
 * setting (`auto`, `comma`, `semicolon`): French gets `;` and a byte order mark, as French
 * spreadsheet software expects; an explicit separator overrides the language's.
 */
export function csvOptionsFor(language: string, separatorSetting: string): CsvOptions {
  const french = /^fr\b/i.test(language);
  const separator = separatorSetting === 'comma' ? ',' : separatorSetting === 'semicolon' ? ';' : french ? ';' : ',';
  return { separator, bom: french || separator === ';' };
}

/**
 * The coverage as CSV (RFC 4180 with the chosen separator: CRLF, quotes doubled, fields with the
 * separator, a quote or a line break quoted): a header, then one row per proposal with its id, number,
 * title, group, sub-theme, citation count, whether it is cited, then its count in each document.
 * No ignore marker: a line before the header would break spreadsheets, and CSV is not indexed by default.
 *
 * Every text cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) is prefixed with `'`: file names come from the workspace and cannot be
 * trusted, and the rule is applied to every cell so that no path around it exists.
 */
export function coverageToCsv(coverage: Coverage, labels: CoverageLabels, relativePath: DisplayPath, options: CsvOptions = RFC4180_CSV): string {
  const sep = options.separator;
  const csvText = (value: string): string => csvCell(value, sep);
  const header = [
    labels.proposal,
    labels.number,
    labels.proposalTitle,
    labels.theme,
    labels.subtheme,
    labels.citations,
    labels.cited,
    ...coverage.documents.map((d) => relativePath(d.uri)),
  ].map(csvText);
  const lines = [header.join(sep)];
  coverage.proposals.forEach(({ proposal: p, count }, column) => {
    const cells = [
      csvText(p.id),
      String(p.number),
      csvText(p.title),
      csvText(p.theme.title),
      csvText(p.subtheme?.title ?? ''),
      String(count),
      csvText(count > 0 ? labels.yes : labels.no),
      ...coverage.matrix.map((r) => String(r[column])),
    ];
    lines.push(cells.join(sep));
  });
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Replaces `{0}`, `{1}`… with the arguments; unknown placeholders stay as written. */
function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, k: string) => (Number(k) < args.length ? String(args[Number(k)]) : whole));
}
