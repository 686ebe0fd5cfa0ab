import type { CheckFormat } from './cliArgs';
import type { CitationForm } from '../core/reference';

/** The rule of a reference to a proposal that does not exist: the editor's diagnostic code. */
export const UNKNOWN_PROPOSAL_RULE = 'egn.unknownProposal';
/**
 * The rule of a reference to an existing proposal written otherwise than `EGN-12` (`EGN 12`,
 * `egn-12`, `EGN n° 12`): the editor's hint when `egn.diagnostics.nonCanonicalHint` is on.
 */
export const NON_CANONICAL_RULE = 'egn.nonCanonical';

/** The English wording of the editor's hint (its `vscode.l10n.t` key, kept equal by a unit test). */
export const NON_CANONICAL_TEMPLATE = '"{0}" is usually written {1}.';

/** `"EGN 12" is usually written EGN-12.` */
export function nonCanonicalText(written: string, canonical: string): string {
  return NON_CANONICAL_TEMPLATE.replace('{0}', () => written).replace('{1}', () => canonical);
}

/** One warning of `egn-cite check`, positions 1-based (columns in UTF-16 units, as editors count). */
export interface Problem {
  /** Path relative to the current folder, POSIX separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly rule: typeof UNKNOWN_PROPOSAL_RULE | typeof NON_CANONICAL_RULE;
  /** `warning` (a missing proposal, as the editor warns) or `note` (the editor's hint). */
  readonly level: 'warning' | 'note';
  /** `EGN-41`; for a hint, the canonical form. */
  readonly reference: string;
  readonly message: string;
  /** In a PDF, the page of the line (lines count in the extracted text: see docs/office.md). */
  readonly page?: number;
}

/** One citation, for `--format json`; positions as in `Problem`. */
export interface ReportedCitation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly prefix: string;
  /** The number (`null` in JSON for a number past what a double holds: see `reference`). */
  readonly number: number;
  /** `EGN-41`, the digits as written (leading zeros dropped), whatever their length. */
  readonly reference: string;
  /** A proposal with that number exists. */
  readonly exists: boolean;
  /** A number only implied by a range (the 4 of `EGN-3 à 5`); its position is the range's end. */
  readonly implied: boolean;
  /** In a PDF, the page of the line (lines count in the extracted text: see docs/office.md). */
  readonly page?: number;
  /** How it was written: an id (`EGN-12`), prose (« la proposition n° 12 ») or a proposal's title. */
  readonly form: CitationForm;
}

/** Everything a check found, for the formatters. */
export interface CheckResult {
  readonly version: string;
  readonly catalogues: readonly { readonly id: string; readonly prefix: string; readonly title: string; readonly source: string }[];
  /** Files read and scanned. */
  readonly filesChecked: number;
  /** Whether the settings turn `egn.diagnostics.nonCanonicalHint` on for some file. */
  readonly hints: boolean;
  readonly problems: readonly Problem[];
  /** Every citation; only gathered for `--format json`. */
  readonly citations: readonly ReportedCitation[] | undefined;
}

const NON_CANONICAL_HELP =
  'The reference names an existing proposal in a form other than the canonical one (EGN 12, egn-12, EGN n° 12 for EGN-12). ' +
  'Every form is recognized; writing EGN-12 keeps a document consistent and easy to search. This hint is shown because ' +
  'egn.diagnostics.nonCanonicalHint is on in the settings; turn it off to stop it.';

const RULE_HELP =
  'A reference names a number that its catalogue does not have: usually a typo (EGN-41 for EGN-14), ' +
  'or a proposal of another catalogue. Correct the number. To keep a reference on purpose (a quotation, ' +
  'an example), put egn-ignore-next-line on the line above it, or egn-ignore-file in the first ten lines of the file.';

/** The output of `egn-cite check` in `format`. */
export function formatCheck(result: CheckResult, format: CheckFormat): string {
  switch (format) {
    case 'text':
      return toText(result);
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(result), null, 2)}\n`;
    case 'github':
      return result.problems.map(toWorkflowCommand).join('');
  }
}

/** `path:line:column: warning: message`, the shape compilers print and editors' problem matchers read. */
function toText(result: CheckResult): string {
  const lines = result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.level}: ${p.message}`);
  const n = result.problems.filter((p) => p.level === 'warning').length;
  const notes = result.problems.length - n;
  const files = `${result.filesChecked} ${result.filesChecked === 1 ? 'file' : 'files'} checked`;
  const hinted = notes === 0 ? '' : `, ${notes} ${notes === 1 ? 'note' : 'notes'}`;
  lines.push(n === 0 ? `No unknown reference${hinted} (${files}).` : `${n} ${n === 1 ? 'warning' : 'warnings'}${hinted} (${files}).`);
  return `${lines.join('\n')}\n`;
}

/** A GitHub Actions workflow command: the warning shows on the pull request's diff. */
function toWorkflowCommand(p: Problem): string {
  const props = [`file=${property(p.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${property(p.reference)}`];
  return `::${p.level === 'note' ? 'notice' : 'warning'} ${props.join(',')}::${data(p.message)}\n`;
}

/** Escapes a workflow command's message, as the Actions toolkit does. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, as the Actions toolkit does. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * SARIF 2.1.0, as code scanning (GitHub, Azure DevOps) and the SARIF viewers read it: one run, one
 * rule per kind of diagnostic with its help text (the hint's only when the settings turn it on), results with 1-based regions; columns count UTF-16
 * code units, as the editor does, and the run says so.
 */
function toSarif(result: CheckResult): object {
  const rules = [
    {
      id: UNKNOWN_PROPOSAL_RULE,
      name: 'UnknownProposal',
      shortDescription: { text: 'Reference to a proposal that does not exist' },
      fullDescription: { text: RULE_HELP },
      help: { text: RULE_HELP },
      defaultConfiguration: { level: 'warning' },
    },
    // Only when the settings ask for the hints, as the editor shows them only then.
    ...(result.hints
      ? [
          {
            id: NON_CANONICAL_RULE,
            name: 'NonCanonicalReference',
            shortDescription: { text: 'Reference not written in the canonical form' },
            fullDescription: { text: NON_CANONICAL_HELP },
            help: { text: NON_CANONICAL_HELP },
            defaultConfiguration: { level: 'note' },
          },
        ]
      : []),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'egn-cite',
            version: result.version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: rules.findIndex((r) => r.id === p.rule),
          level: p.level,
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: p.file.split('/').map(encodeURIComponent).join('/') },
                region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}
