/**
 * `egn-cite`: the extension's checks on the command line and in CI. Built by `npm run build` into
 * `dist/cliMain.js`, which `dist/cli.js` (src/cli/cli.ts) loads once ripgrep's search has started. `check` reads in threads of `dist/checkThread.js` (see `CheckThreads`); `coverage`
 * reads through the extension's own reader pool (`dist/readerWorker.js`) into its `CitationIndex`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalogue } from '../core/catalogue';
import { CitationIndex, writtenNumber } from '../core/citationIndex';
import { computeCoverage } from '../core/coverage';
import { createLinePrefilter } from '../core/candidateLines';
import { createFileFilter, type FileFilter } from '../core/globMatcher';
import { ReferenceScanner } from '../core/referenceScanner';
import { unknownProposalText } from '../core/unknownProposalText';
import { FileReaderPool } from '../node/fileReaderPool';
import { listFolderFiles } from '../node/listFolderFiles';
import { CheckThreads, EXISTS, FileChecker, HINT, IMPLIED, PROSE, TITLE, type CheckCatalogue, type CheckedFile, type CheckMode } from './checkPool';
import { isOfficeTarget, readOfficeTargets } from './officeTargets';
import { cataloguesWithProse, indexWholeTextReader, PROSE_DEFAULTS, proseVocabularyOf, type ProseSettings } from '../core/documentText';
import { linesHoldNeedle } from '../core/candidateLines';
import { indexableText } from '../core/indexBuilder';
import { formatCheck, NON_CANONICAL_RULE, nonCanonicalText, UNKNOWN_PROPOSAL_RULE, type CheckResult, type Problem, type ReportedCitation } from './checkReport';
import type { EarlySearches } from './earlySearch';
import { parseCliArgs, USAGE, type CheckArgs, type CoverageArgs } from './cliArgs';
import { bundledDataDir, CatalogueLoadError, loadBundledCatalogue, loadCatalogues, type LoadedCatalogue } from './cliCatalogues';
import { citedPercent, formatCoverage, type CatalogueCoverage } from './coverageReport';
import { ProgressLine } from './progressLine';
import { filesCiting, searchFolder } from './ripgrepCheck';
import { chooseRipgrep, LinkedFilesError, listWithRipgrep, type ChosenRipgrep } from './ripgrepListing';
import { folderExcludes, readWorkspaceSettings, SettingsError } from './workspaceSettings';
import { REFERENCE_RULES, type ReferenceRule } from '../core/referenceRules';

/** Exit codes, as Foam's and ESLint's. */
const OK = 0;
const PROBLEMS = 1;
const USAGE_ERROR = 2;
/** More reader threads than this only contend for the disk. */
const MAX_THREADS = 8;

/** A usage or configuration error: printed on stderr, exit code 2. */
class UsageError extends Error {}

/** A file to read, with the folder it was found under. */
interface Target {
  readonly path: string;
  /** The folder given on the command line (or the file's own folder). */
  readonly root: string;
  readonly relativePath: string;
  readonly maxFileSize: number;
  /** Listed by ripgrep in `root` (not named on the command line, not walked by Node). */
  readonly byRipgrep: boolean;
  /** Whether its folder's settings turn `egn.diagnostics.nonCanonicalHint` on for it. */
  readonly hints: boolean;
}

/** What the command line's PATHs designate. */
interface Workspace {
  readonly targets: readonly Target[];
  readonly catalogues: readonly LoadedCatalogue[];
  /** The folders among the PATHs. */
  readonly roots: readonly string[];
  /** The folders that ripgrep listed, with their exclude patterns: ripgrep may search them too. */
  readonly ripgrepFolders: readonly { readonly root: string; readonly excludes: readonly string[] }[];
  readonly ripgrep: ChosenRipgrep | undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Path relative to the current folder, POSIX: what a terminal, a problem matcher and GitHub expect. */
function shown(file: string): string {
  const rel = toPosix(path.relative(process.cwd(), file));
  return rel === '' ? '.' : rel;
}

/** What one PATH of the command line holds. */
interface PathContent {
  readonly targets: readonly Target[];
  readonly catalogueFiles: readonly string[];
  /** The PATH itself, when it is a folder. */
  readonly root: string | undefined;
  readonly excludes: readonly string[];
  /** Whether ripgrep listed the folder (else Node's fs did). */
  readonly byRipgrep: boolean;
  /** `egn.prose.*` of the folder's settings (of the current folder for a file). */
  readonly prose: ProseSettings;
}

/** What a listed path is to the check (bits): a document to read, a catalogue file to load. */
const DOCUMENT = 1;
const CATALOGUE = 2;

/**
 * A folder about to be listed, with its settings: where a search of its files may start at once.
 * It may give the files ripgrep finds there without following links (see `listWithRipgrep`).
 */
type FolderHook = (root: string, excludes: readonly string[], maxFileSize: number) => Promise<ReadonlyMap<string, unknown> | undefined> | undefined;

/** Lists what one PATH holds, with its folder's settings; `onFolder` hears of it before the listing starts. */
async function listPath(given: string, args: CheckArgs | CoverageArgs, rg: ChosenRipgrep | undefined, onFolder?: FolderHook): Promise<PathContent> {
  const abs = path.resolve(given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch (e) {
    throw new UsageError(`Cannot read ${given}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : e instanceof Error ? e.message : String(e)}.`);
  }
  if (!stat.isDirectory()) {
    // A file named on the command line is checked whatever the globs say, as ESLint does.
    const settings = readWorkspaceSettings(process.cwd());
    const target = { path: abs, root: path.dirname(abs), relativePath: path.basename(abs), maxFileSize: settings.maxFileSize, byRipgrep: false, hints: settings.nonCanonicalHint(path.basename(abs)) };
    return { targets: [target], catalogueFiles: [], root: undefined, excludes: [], byRipgrep: false, prose: settings.prose };
  }
  const settings = readWorkspaceSettings(abs);
  const exclude = folderExcludes(settings, args.exclude);
  const unlinked = onFolder?.(abs, exclude, settings.maxFileSize);
  const documents = createFileFilter({ include: args.include ?? settings.include, exclude, maxFileSize: settings.maxFileSize });
  // Catalogue files are excluded by the same patterns as documents (egn.index.exclude, files.exclude).
  const catalogues = createFileFilter({ include: settings.cataloguesInclude, exclude, maxFileSize: Infinity });
  // One walk for both, with the editor's fast-path listing: same globs, excluded folders never entered.
  // Each path is matched once (globs are the listing's main cost): what it is, remembered.
  const kinds = new Map<string, number>();
  const either: FileFilter = {
    accepts: (rel) => {
      const kind = (documents.accepts(rel) ? DOCUMENT : 0) | (catalogues.accepts(rel) ? CATALOGUE : 0);
      kinds.set(rel, kind);
      return kind !== 0;
    },
    acceptsSize: documents.acceptsSize,
    excludesFolder: (rel) => documents.excludesFolder(rel),
  };
  const targets: Target[] = [];
  const catalogueFiles: string[] = [];
  const listed = await listFolder(abs, either, exclude, rg, unlinked);
  for (const rel of listed.files) {
    const file = path.sep === '/' ? `${abs === '/' ? '' : abs}/${rel}` : path.join(abs, ...rel.split('/'));
    const kind = kinds.get(rel) ?? 0;
    if (kind & CATALOGUE) {
      catalogueFiles.push(file);
    }
    if (kind & DOCUMENT) {
      targets.push({ path: file, root: abs, relativePath: rel, maxFileSize: settings.maxFileSize, byRipgrep: listed.byRipgrep, hints: settings.nonCanonicalHint(rel) });
    }
  }
  return { targets, catalogueFiles, root: abs, excludes: exclude, byRipgrep: listed.byRipgrep, prose: settings.prose };
}

/**
 * The files of a folder that `filter` accepts: listed by ripgrep when there is one (a native walk,
 * several times faster than Node's on a large tree), else, or when it fails, by Node's `fs`. Both
 * give the same list (see `listWithRipgrep`); reading the files stays with the threads either way.
 */
async function listFolder(root: string, filter: FileFilter, excludes: readonly string[], rg: ChosenRipgrep | undefined, unlinked?: Promise<ReadonlyMap<string, unknown> | undefined>): Promise<{ files: string[]; byRipgrep: boolean }> {
  if (rg) {
    try {
      return { files: await listWithRipgrep(rg.path, root, filter, excludes, unlinked), byRipgrep: true };
    } catch (e) {
      if (rg.explicit && !(e instanceof LinkedFilesError)) {
        process.stderr.write(`egn-cite: ripgrep (${rg.path}) could not list ${shown(root)} (${e instanceof Error ? e.message : String(e)}); listed with Node instead.\n`);
      }
    }
  }
  return { files: await listFolderFiles(root, filter), byRipgrep: false };
}

/** Finds the files and loads the catalogues of the PATHs, with each folder's settings. */
async function openWorkspace(args: CheckArgs | CoverageArgs, rg = chooseRipgrep(args.ripgrep), onFolder?: FolderHook): Promise<Workspace> {
  const listing = Promise.all(args.paths.map((given) => listPath(given, args, rg, onFolder)));
  const loaded = await loadCatalogues(bundledDataDir, listing.then((all) => all.flatMap((p) => p.catalogueFiles)), shown);
  const all = await listing;
  // The catalogues' prose vocabulary as `egn.prose.*` make it (the first PATH's settings, as the
  // editor reads its window's): none when off, the bundled catalogue's names extended.
  const withProse = cataloguesWithProse(loaded.map((l) => l.catalogue), all[0]?.prose ?? PROSE_DEFAULTS);
  const catalogues = loaded.map((l, k) => (withProse[k] === l.catalogue ? l : { ...l, catalogue: withProse[k] }));
  // The same file reached through two PATHs counts once.
  const targets = all.length === 1 ? all[0].targets : [...new Map(all.flatMap((p) => p.targets).map((t) => [t.path, t])).values()];
  return {
    targets,
    catalogues,
    roots: all.flatMap((p) => (p.root === undefined ? [] : [p.root])),
    ripgrepFolders: all.flatMap((p) => (p.root !== undefined && p.byRipgrep ? [{ root: p.root, excludes: p.excludes }] : [])),
    ripgrep: rg,
  };
}

/** The workspace's citations: one index per catalogue, keyed by file URI, as the editor's. */
interface IndexedWorkspace {
  readonly indexes: readonly CitationIndex[];
  /** Every file read (cites something or not), by URI, with its target. */
  readonly read: ReadonlyMap<string, Target>;
}

/**
 * Reads every target with the editor's fast path (src/node: worker threads, Node fs, the line
 * prefilter) into one `CitationIndex` per catalogue, so that every answer is the editor index's.
 */
async function indexWorkspace(ws: Workspace, progress: ProgressLine): Promise<IndexedWorkspace> {
  // Prose (issue 18): the prose needles are needles of the prefilter too; a file whose lines hold one is read whole.
  const wholes = ws.catalogues.map(({ catalogue }) => {
    const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
    return { scanner, whole: indexWholeTextReader((text) => scanner.scan(text), [catalogue]) };
  });
  const needles = [...new Set(wholes.flatMap((w) => w.whole?.needles ?? []))];
  const prefixes = [...ws.catalogues.map((l) => l.catalogue.prefix), ...new Set(wholes.flatMap((w) => w.whole?.lineNeedles ?? []))];
  const prefilter = createLinePrefilter(prefixes);
  const indexes = ws.catalogues.map(({ catalogue }, k) => {
    const exists = (n: number): boolean => catalogue.byNumber(n) !== undefined;
    const { scanner, whole } = wholes[k];
    return new CitationIndex(whole?.scanLine ?? ((text) => scanner.scan(text)), exists, prefilter, whole);
  });
  const read = new Map<string, Target>();
  const officeTargets = ws.targets.filter(isOfficeTarget);
  const textTargets = ws.targets.filter((t) => !isOfficeTarget(t));
  const byPath = new Map(textTargets.map((t) => [t.path, t]));
  // A command line owns the machine for its run: a reader thread per core (the extension keeps one for its host).
  const pool = new FileReaderPool({ prefixes, threads: Math.max(1, Math.min(MAX_THREADS, os.availableParallelism())) });
  let done = 0;
  try {
    for (const maxFileSize of new Set(textTargets.map((t) => t.maxFileSize))) {
      const paths = textTargets.filter((t) => t.maxFileSize === maxFileSize).map((t) => t.path);
      await pool.read(paths, maxFileSize, (file, outcome) => {
        progress.report(++done, textTargets.length);
        const target = byPath.get(file) as Target;
        if (outcome.kind === 'failed') {
          process.stderr.write(`${shown(file)}: cannot be read (${outcome.message}); skipped.\n`);
          return;
        }
        if (outcome.kind !== 'content') {
          return;
        }
        const uri = pathToFileURL(file).href;
        read.set(uri, target);
        // Without a scanner the threads send candidate lines, which every catalogue's index scans;
        // a file holding a prose needle is read again whole, here (few files do).
        const content = outcome.content;
        const text = content.kind === 'lines' && linesHoldNeedle(content.lines, needles) ? wholeText(file, maxFileSize) : undefined;
        for (const index of indexes) {
          if (text !== undefined) {
            index.set(uri, text);
          } else {
            index.setContent(uri, content);
          }
        }
      });
    }
  } finally {
    pool.dispose();
    progress.done();
  }
  // office: Word, LibreOffice and PDF documents, by their extracted text (the editor's reader).
  for (const [t, extracted] of await readOfficeTargets(officeTargets, shown)) {
    const uri = pathToFileURL(t.path).href;
    read.set(uri, t);
    for (const index of indexes) {
      index.set(uri, extracted.text, extracted.layout);
    }
  }
  return { indexes, read };
}

/** A file's text as the index decodes it, or undefined when it can no longer be read as it was. */
function wholeText(file: string, maxFileSize: number): string | undefined {
  try {
    const bytes = fs.readFileSync(file);
    return bytes.length > maxFileSize ? undefined : indexableText(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The version of the nearest package.json above the command: the repository's in a clone (dist/cli.js,
 * out/src/cli/ in tests), egn-cite's own in its npm package (scripts/packageCli.mjs), which has no data/.
 */
function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string };
      return pkg.version ?? '0.0.0';
    } catch {
      if (path.dirname(dir) === dir) {
        return '0.0.0';
      }
    }
  }
}

function progressFor(args: CheckArgs | CoverageArgs): ProgressLine {
  return new ProgressLine(args.progress ?? (process.stderr.isTTY === true));
}

async function check(args: CheckArgs, early: EarlySearches | undefined): Promise<number> {
  const mode = args.format === 'json' ? 'all' : 'unknown';
  const rg = chooseRipgrep(args.ripgrep);
  // With ripgrep and only the warnings wanted, ripgrep searches every folder while it is listed,
  // and only the few files it flags are read (see `searchFolder`). Otherwise every file is read:
  // the threads are started first, to boot while the files are listed and the catalogues loaded.
  const first = mode === 'all' || !rg ? new CheckThreads() : undefined;
  let late: CheckThreads | undefined;
  try {
    return await checkWith(args, mode, rg, early, (files) => first ?? (late ??= new CheckThreads(files > THREADS_WORTH ? undefined : 0)));
  } finally {
    await Promise.all([first?.dispose(), late?.dispose()]);
  }
}

/** Fewer files than this are read on the main thread: starting threads would take longer. */
const THREADS_WORTH = 256;

async function checkWith(args: CheckArgs, mode: CheckMode, rg: ChosenRipgrep | undefined, early: EarlySearches | undefined, threadsFor: (files: number) => CheckThreads): Promise<number> {
  // The second of quiet counts from the start of the run, listing included.
  const progress = progressFor(args);
  const searches = new Map<string, { excludes: readonly string[]; maxFileSize: number; found: Promise<Map<string, boolean> | undefined> }>();
  // The bundled catalogue is known before anything is listed: its search starts with the listing.
  const bundled = mode === 'unknown' && rg ? [checkCatalogue(loadBundledCatalogue(bundledDataDir))] : [];
  const opened = await openWorkspace(args, rg, rg && bundled.length > 0 ? (root, excludes, maxFileSize) => {
    const found = early?.take(rg.path, root, excludes, maxFileSize, bundled[0].prefix) ?? searchFolder(rg.path, root, excludes, maxFileSize, bundled).catch(() => undefined);
    searches.set(root, { excludes, maxFileSize, found });
    return found;
  } : undefined);
  // Word, LibreOffice and PDF documents are read by their text (after the text files), never by
  // ripgrep's search or the text threads.
  const officeTargets = opened.targets.filter(isOfficeTarget);
  const ws = officeTargets.length === 0 ? opened : { ...opened, targets: opened.targets.filter((t) => !isOfficeTarget(t)) };
  const catalogues = ws.catalogues.map((l) => checkCatalogue(l.catalogue));
  const clean = mode === 'unknown' && rg ? await cleanTargets(ws, rg, searches, catalogues.slice(bundled.length)) : undefined;
  const checked = new Array<CheckedFile>(ws.targets.length);
  const toRead = ws.targets.flatMap((_, k) => {
    if (clean?.[k]) {
      checked[k] = CLEAN;
      return [];
    }
    return [k];
  });
  const threads = threadsFor(toRead.length);
  // One pass per size limit and hint setting (each folder has its own; nearly always they are all the same).
  let before = 0;
  try {
    for (const group of new Set(toRead.map((k) => `${ws.targets[k].maxFileSize} ${ws.targets[k].hints}`))) {
      const positions = toRead.filter((k) => `${ws.targets[k].maxFileSize} ${ws.targets[k].hints}` === group);
      const { maxFileSize, hints } = ws.targets[positions[0]];
      const found = await threads.check(positions.map((k) => ws.targets[k].path), {
        catalogues,
        maxFileSize,
        mode,
        hints,
        onProgress: (done) => progress.report(before + done, toRead.length),
      });
      positions.forEach((k, i) => {
        checked[k] = found[i];
      });
      before += positions.length;
    }
  } finally {
    progress.done();
  }
  // office: the documents' extracted text, checked as a text file's; a PDF's lines know their page.
  const targets = [...ws.targets, ...officeTargets];
  const pagesOf = new Map<number, readonly number[]>();
  if (officeTargets.length > 0) {
    const extracted = await readOfficeTargets(officeTargets, shown);
    const checker = new FileChecker(catalogues, mode);
    officeTargets.forEach((t, i) => {
      const e = extracted.get(t);
      checked[ws.targets.length + i] = e ? checker.checkText(t.path, e.text, t.hints, e.layout) : { kind: 'binary' };
      if (e?.pages) {
        pagesOf.set(ws.targets.length + i, e.pages);
      }
    });
  }
  const problems: Problem[] = [];
  const citations: ReportedCitation[] = [];
  const filesChecked = checked.reduce((n, outcome) => (outcome.kind === 'read' ? n + 1 : n), 0);
  // Only the files with something to say are named (and sorted): most have nothing.
  const order = targets.flatMap((t, k) => (checked[k].kind === 'failed' || (checked[k].kind === 'read' && (checked[k] as { citations: readonly unknown[] }).citations.length > 0) ? [{ file: shown(t.path), k }] : [])).sort((a, b) => compare(a.file, b.file));
  for (const { file, k } of order) {
    const outcome = checked[k];
    const pages = pagesOf.get(k);
    if (outcome.kind === 'failed') {
      process.stderr.write(`${file}: cannot be read (${outcome.message}); skipped.\n`);
    }
    if (outcome.kind !== 'read') {
      continue;
    }
    // By catalogue, then position: hints found apart from the citations (json) fall in their place.
    const found = [...outcome.citations].sort((a, b) => a[0] - b[0] || a[2] - b[2] || a[3] - b[3]);
    for (const [c, number, line, character, endLine, endCharacter, flags, digits, written] of found) {
      const catalogue = ws.catalogues[c].catalogue;
      const position = { file, line: line + 1, column: character + 1, endLine: endLine + 1, endColumn: endCharacter + 1, ...(pages?.[line] !== undefined ? { page: pages[line] } : {}) };
      if (flags & HINT) {
        // The editor's hint (`egn.diagnostics.nonCanonicalHint`): an existing proposal, written otherwise.
        const canonical = `${catalogue.prefix}-${number}`;
        problems.push({ ...position, rule: NON_CANONICAL_RULE, level: problemLevel('nonCanonical'), reference: canonical, message: nonCanonicalText(written ?? '', canonical) });
        continue;
      }
      // The digits as written: a 400-digit number is no `Infinity` to the reader.
      const reference = `${catalogue.prefix}-${writtenNumber({ number, digits })}`;
      if (mode === 'all') {
        citations.push({ ...position, prefix: catalogue.prefix, number, reference, exists: (flags & EXISTS) !== 0, implied: (flags & IMPLIED) !== 0, form: (flags & PROSE) !== 0 ? 'prose' : (flags & TITLE) !== 0 ? 'title' : 'id' });
      }
      // What the editor's diagnostics warn about: a written number absent from the catalogue.
      if ((flags & (EXISTS | IMPLIED)) === 0) {
        problems.push({ ...position, rule: UNKNOWN_PROPOSAL_RULE, level: problemLevel('unknownProposal'), reference, message: unknownProposalText(catalogue, reference) });
      }
    }
  }
  const result: CheckResult = {
    version: version(),
    catalogues: ws.catalogues.map((l) => ({ id: l.catalogue.id, prefix: l.catalogue.prefix, title: l.catalogue.title, source: l.source })),
    filesChecked,
    hints: targets.some((t) => t.hints),
    problems,
    citations: mode === 'all' ? citations : undefined,
  };
  process.stdout.write(formatCheck(result, args.format));
  // Hints are notes, as in the editor: they neither fail a run nor count against --max-warnings.
  const warnings = problems.filter((p) => p.level === 'warning').length;
  const allowed = args.maxWarnings ?? 0;
  if (args.maxWarnings !== undefined && warnings > allowed) {
    process.stderr.write(`egn-cite found ${warnings} warnings, more than --max-warnings ${allowed}.\n`);
  }
  return warnings > allowed ? PROBLEMS : OK;
}

/** What a check needs of a catalogue. */
function checkCatalogue(catalogue: Catalogue): CheckCatalogue {
  const prose = proseVocabularyOf(catalogue);
  return prose ? { prefix: catalogue.prefix, numbers: catalogue.proposals.map((p) => p.number), prose } : { prefix: catalogue.prefix, numbers: catalogue.proposals.map((p) => p.number) };
}

/** A file read as text that cites no missing proposal. */
const CLEAN: CheckedFile = { kind: 'read', citations: [] };

/**
 * Per target, whether ripgrep's searches (`searchFolder`, started while each folder was listed,
 * and `filesCiting` for the workspace catalogues, known only once listed) found it plain UTF-8 text
 * citing no missing proposal: it then counts as checked without being read. Only in folders
 * ripgrep listed, so that it searched the same files under the same names; a file it did not search
 * (over the size limit) or flagged, and every file where a search failed, is read as the editor does.
 */
async function cleanTargets(
  ws: Workspace,
  rg: ChosenRipgrep,
  searches: ReadonlyMap<string, { readonly excludes: readonly string[]; readonly maxFileSize: number; readonly found: Promise<Map<string, boolean> | undefined> }>,
  workspaceCatalogues: readonly CheckCatalogue[],
): Promise<boolean[]> {
  const byRoot = new Map<string, { found: Map<string, boolean> | undefined; citing: Set<string> | undefined }>();
  await Promise.all(
    ws.ripgrepFolders.map(async ({ root }) => {
      const search = searches.get(root);
      if (!search) {
        return;
      }
      const [found, citing] = await Promise.all([
        search.found,
        workspaceCatalogues.length === 0 ? new Set<string>() : filesCiting(rg.path, root, search.excludes, search.maxFileSize, workspaceCatalogues).catch(() => undefined),
      ]);
      byRoot.set(root, { found, citing });
    }),
  );
  return ws.targets.map((t) => {
    // A file with hints on is read: ripgrep looks for missing proposals only.
    const search = t.byRipgrep && !t.hints ? byRoot.get(t.root) : undefined;
    return search?.found?.get(t.relativePath) === false && search.citing !== undefined && !search.citing.has(t.relativePath);
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function coverage(args: CoverageArgs): Promise<number> {
  const progress = progressFor(args);
  const ws = await openWorkspace(args);
  let selected = ws.catalogues.map((l, k) => ({ ...l, k }));
  if (args.catalogue !== undefined) {
    const wanted = args.catalogue.toUpperCase();
    selected = selected.filter((l) => l.catalogue.prefix.toUpperCase() === wanted);
    if (selected.length === 0) {
      throw new UsageError(`No catalogue has the prefix ${args.catalogue}: use one of ${ws.catalogues.map((l) => l.catalogue.prefix).join(', ')}.`);
    }
  }
  if (args.format === 'csv' && selected.length > 1) {
    throw new UsageError(`A CSV holds one catalogue: add --catalogue with one of ${selected.map((l) => l.catalogue.prefix).join(', ')}.`);
  }
  const { indexes, read } = await indexWorkspace(ws, progress);
  // As the editor's export names documents: relative to their folder, prefixed by it when there are several.
  const display = (uri: string): string => {
    const t = read.get(uri);
    return !t ? uri : ws.roots.length > 1 ? `${path.basename(t.root)}/${t.relativePath}` : t.relativePath;
  };
  const reports: CatalogueCoverage[] = selected.map((l) => ({ catalogue: l.catalogue, source: l.source, coverage: computeCoverage(l.catalogue, indexes[l.k]) }));
  process.stdout.write(formatCoverage(reports, args.format, display));
  if (args.minCoverage !== undefined) {
    const below = reports.filter((r) => citedPercent(r.coverage) < (args.minCoverage as number));
    for (const r of below) {
      const c = r.coverage;
      process.stderr.write(`${c.prefix}: ${c.citedCount} of ${c.totalProposals} proposals cited (${formatPercent(citedPercent(c))} %), below --min-coverage ${args.minCoverage} %.\n`);
    }
    return below.length > 0 ? PROBLEMS : OK;
  }
  return OK;
}

function formatPercent(p: number): string {
  return String(Math.round(p * 10) / 10);
}

/**
 * Runs the command line `argv` (without `node` and the script); resolves to the exit code. `early`:
 * the searches src/cli/cli.ts started before this module loaded.
 */
export async function main(argv: readonly string[], early?: EarlySearches): Promise<number> {
  const args = parseCliArgs(argv);
  try {
    switch (args.command) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return OK;
      case 'version':
        process.stdout.write(`${version()}\n`);
        return OK;
      case 'error':
        process.stderr.write(`egn-cite: ${args.message}\n\n${USAGE}\n`);
        return USAGE_ERROR;
      case 'check':
        return await check(args, early);
      case 'coverage':
        return await coverage(args);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof SettingsError || e instanceof CatalogueLoadError) {
      process.stderr.write(`egn-cite: ${e.message}\n`);
      return USAGE_ERROR;
    }
    process.stderr.write(`egn-cite: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return USAGE_ERROR;
  }
}

/** The level of a problem of `rule` (`REFERENCE_RULES`), in egn-cite's words: the editor's hint is a note. */
function problemLevel(rule: ReferenceRule): Problem['level'] {
  return REFERENCE_RULES[rule].level === 'warning' ? 'warning' : 'note';
}
