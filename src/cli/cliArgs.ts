import { parseArgs } from 'node:util';
import type { RipgrepChoice } from './ripgrepListing';

/** Output formats of `egn-cite check`. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
/** Output formats of `egn-cite coverage`. */
export const COVERAGE_FORMATS = ['markdown', 'csv', 'json'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** Options shared by both commands. */
interface CommonArgs {
  /** Folders (or files) to look at, as given; `.` when none is. */
  readonly paths: readonly string[];
  /** Replaces `egn.index.include` when given. */
  readonly include: string | undefined;
  /** Replace `egn.index.exclude` when given (each one a glob). */
  readonly exclude: readonly string[] | undefined;
  /** `--progress`/`--no-progress` force the progress line on or off; undefined: only on a terminal. */
  readonly progress: boolean | undefined;
  /** `--ripgrep PATH` or `--no-ripgrep`; `auto` otherwise (see `chooseRipgrep`). */
  readonly ripgrep: RipgrepChoice;
}

/** A parsed `egn-cite check` command line. */
export interface CheckArgs extends CommonArgs {
  readonly command: 'check';
  readonly format: CheckFormat;
  /** ESLint's `--max-warnings`: more warnings than this fail the run; undefined: any warning fails it. */
  readonly maxWarnings: number | undefined;
}

/** A parsed `egn-cite coverage` command line. */
export interface CoverageArgs extends CommonArgs {
  readonly command: 'coverage';
  readonly format: CoverageFormat;
  /** Fail when some reported catalogue is cited below this percentage. */
  readonly minCoverage: number | undefined;
  /** Report on the catalogue of this prefix only. */
  readonly catalogue: string | undefined;
}

/** What the command line asks for, or why it cannot be understood. */
export type CliArgs =
  | CheckArgs
  | CoverageArgs
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'error'; readonly message: string };

/** The usage text of `--help` and of usage errors. */
export const USAGE = `Usage: egn-cite <command> [options] [PATH...]

Commands:
  check [PATH...]      Report references to proposals that do not exist (default PATH: .)
  coverage [PATH...]   Report which proposals the documents cite

Options of both commands:
  --include GLOB       Files to read (default: egn.index.include of PATH/.vscode/settings.json,
                       else **/*.{md,markdown,txt,tex,rst,adoc,asciidoc,docx,odt,pdf})
  --exclude GLOB       Files and folders to skip, repeatable (default: egn.index.exclude and files.exclude)
  --progress / --no-progress
                       Progress on stderr (default: on a terminal, once a run takes over a second)
  --ripgrep PATH       List folders with this ripgrep (default: EGN_RIPGREP, else rg on the PATH,
                       else VS Code's own); the answers are the same with or without it
  --no-ripgrep         List folders with Node's fs only
  -h, --help           Show this help
  -v, --version        Show the version

check:
  --format FORMAT      text (default), json, sarif or github (workflow commands)
  --max-warnings N     Exit 1 only when there are more than N warnings

coverage:
  --format FORMAT      markdown (default), csv or json
  --min-coverage P     Exit 1 when a catalogue is cited below P % (0 to 100)
  --catalogue PREFIX   Report on one catalogue only (e.g. EGN)

Exit codes: 0 nothing found, 1 problems found (or coverage below --min-coverage),
2 usage or configuration error.`;

/** Parses the arguments after `node dist/cli.js`. Never throws: mistakes come back as `error`. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        include: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        'min-coverage': { type: 'string' },
        catalogue: { type: 'string' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        ripgrep: { type: 'string' },
        'no-ripgrep': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return { command: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { command: 'help' };
  }
  if (values.version) {
    return { command: 'version' };
  }
  const [command, ...paths] = positionals;
  if (command === undefined) {
    return { command: 'error', message: 'No command given: use check or coverage.' };
  }
  const common: CommonArgs = {
    paths: paths.length > 0 ? paths : ['.'],
    include: values.include,
    exclude: values.exclude,
    progress: values['no-progress'] ? false : values.progress,
    ripgrep: values['no-ripgrep'] ? { kind: 'none' } : values.ripgrep !== undefined ? { kind: 'path', path: values.ripgrep } : { kind: 'auto' },
  };
  const onlyFor = (option: string, owner: string): CliArgs => ({ command: 'error', message: `--${option} belongs to ${owner}, not to ${command}.` });
  if (command === 'check') {
    if (values['min-coverage'] !== undefined) {
      return onlyFor('min-coverage', 'coverage');
    }
    if (values.catalogue !== undefined) {
      return onlyFor('catalogue', 'coverage');
    }
    const format = values.format ?? 'text';
    if (!isOneOf(format, CHECK_FORMATS)) {
      return { command: 'error', message: `Unknown --format "${format}" for check: use ${CHECK_FORMATS.join(', ')}.` };
    }
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = wholeNumber(values['max-warnings']);
      if (maxWarnings === undefined) {
        return { command: 'error', message: `--max-warnings needs a whole number of 0 or more, not "${values['max-warnings']}".` };
      }
    }
    return { ...common, command: 'check', format, maxWarnings };
  }
  if (command === 'coverage') {
    if (values['max-warnings'] !== undefined) {
      return onlyFor('max-warnings', 'check');
    }
    const format = values.format ?? 'markdown';
    if (!isOneOf(format, COVERAGE_FORMATS)) {
      return { command: 'error', message: `Unknown --format "${format}" for coverage: use ${COVERAGE_FORMATS.join(', ')}.` };
    }
    let minCoverage: number | undefined;
    if (values['min-coverage'] !== undefined) {
      const raw = values['min-coverage'].trim().replace(/\s*%$/, '');
      minCoverage = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
      if (!(minCoverage >= 0 && minCoverage <= 100)) {
        return { command: 'error', message: `--min-coverage needs a percentage from 0 to 100, not "${values['min-coverage']}".` };
      }
    }
    return { ...common, command: 'coverage', format, minCoverage, catalogue: values.catalogue };
  }
  return { command: 'error', message: `Unknown command "${command}": use check or coverage.` };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
