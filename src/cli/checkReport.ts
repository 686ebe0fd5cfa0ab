import type { CheckFormat } from './cliArgs';

/** The rule of a reference to a proposal that does not exist: the editor's diagnostic code. */
export const UNKNOWN_PROPOSAL_RULE = 'egn.unknownProposal';

/** One warning of `egn-cite check`, positions 1-based (columns in UTF-16 units, as editors count). */
export interface Problem {
  /** Path relative to the current folder, POSIX separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly rule: typeof UNKNOWN_PROPOSAL_RULE;
  /** `EGN-41`. */
  readonly reference: string;
  readonly message: string;
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
}

/** Everything a check found, for the formatters. */
export interface CheckResult {
  readonly version: string;
  readonly catalogues: readonly { readonly id: string; readonly prefix: string; readonly title: string; readonly source: string }[];
  /** Files read and scanned. */
  readonly filesChecked: number;
  readonly problems: readonly Problem[];
  /** Every citation; only gathered for `--format json`. */
  readonly citations: readonly ReportedCitation[] | undefined;
}

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
  const lines = result.problems.map((p) => `${p.file}:${p.line}:${p.column}: warning: ${p.message}`);
  const n = result.problems.length;
  const files = `${result.filesChecked} ${result.filesChecked === 1 ? 'file' : 'files'} checked`;
  lines.push(n === 0 ? `No unknown reference (${files}).` : `${n} ${n === 1 ? 'warning' : 'warnings'} (${files}).`);
  return `${lines.join('\n')}\n`;
}

/** A GitHub Actions workflow command: the warning shows on the pull request's diff. */
function toWorkflowCommand(p: Problem): string {
  const props = [`file=${property(p.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${property(p.reference)}`];
  return `::warning ${props.join(',')}::${data(p.message)}\n`;
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
 * rule per kind of warning with its help text, results with 1-based regions; columns count UTF-16
 * code units, as the editor does, and the run says so.
 */
function toSarif(result: CheckResult): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'egn-cite',
            version: result.version,
            rules: [
              {
                id: UNKNOWN_PROPOSAL_RULE,
                name: 'UnknownProposal',
                shortDescription: { text: 'Reference to a proposal that does not exist' },
                fullDescription: { text: RULE_HELP },
                help: { text: RULE_HELP },
                defaultConfiguration: { level: 'warning' },
              },
            ],
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: 0,
          level: 'warning',
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
