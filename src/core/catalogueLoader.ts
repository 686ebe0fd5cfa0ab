import { Document, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit } from 'yaml';
import type { Catalogue } from './catalogue';
import { buildCatalogue, CatalogueFile, ProposalEntry } from './catalogueModel';
import { CatalogueText, catalogueText, renderCatalogueText } from './catalogueMessages';
import { placeOf } from './cataloguePlace';
import { formatJsonPath, JsonPath, validateCatalogueData } from './schemaValidator';

/** Something wrong in a catalogue file, and where. */
export interface CatalogueError {
  /** 1-based line of the offending text. */
  readonly line: number;
  /** 1-based column (in UTF-16 units, as editors count) of the offending text. */
  readonly column: number;
  /** What is wrong, in English; starts with the path when there is one. */
  readonly message: string;
  /**
   * The same message as a code and arguments, for the editor to show in the user's language
   * (`message` is its English rendering); absent for a message made elsewhere.
   */
  readonly text?: CatalogueText;
  /** Where in the data, e.g. `groups[1].subthemes[0].proposals[2].number`, when the error has a path. */
  readonly path?: string;
}

/** The outcome of `loadCatalogue`: the model, or every error found. */
export type LoadResult = { readonly ok: true; readonly catalogue: Catalogue } | { readonly ok: false; readonly errors: readonly CatalogueError[] };

/**
 * The limits that keep a hostile or mistaken file from hanging or crashing the extension host.
 * The EGN catalogue is about 14 KB and 10 levels deep, far below all of them. Catalogues are data,
 * loaded in untrusted workspaces too: these limits are what makes a hostile file harmless.
 */
export const CATALOGUE_LIMITS = Object.freeze({
  /** Longest text accepted, in characters (the EGN catalogue has about 11,000): 1 MB. */
  maxCharacters: 1024 * 1024,
  /** Most proposals in one catalogue. */
  maxProposals: 5000,
  /**
   * Most YAML tokens (keys, values, indicators, spaces) accepted; the EGN catalogue has about 1,500
   * and 5,000 proposals with titles and tags about 100,000 to 150,000. Parsing costs per token, and junk made of
   * punctuation is all tokens and errors: this bound keeps the worst file to about a second where the
   * character limit alone would allow much more.
   */
  maxTokens: 200_000,
  /**
   * Most flow collections (`[`, `{`) accepted: they are the costliest tokens to parse (a JSON
   * catalogue of 5,000 proposals with tags opens about 11,000), and junk made of them is what the
   * token bound alone would let take seconds.
   */
  maxFlowCollections: 15_000,
  /**
   * Deepest nesting accepted, counted separately for indentation and for brackets (the EGN
   * catalogue measures 10 and 0). `yaml` composes nodes recursively and a few thousand levels abort
   * the whole process (a V8 out-of-memory in its regular expressions, which no `try` can catch), so
   * depth is measured before parsing.
   */
  maxDepth: 32,
  /** `yaml`'s guard against alias expansion bombs ("billion laughs"). */
  maxAliasCount: 100,
  /** Errors reported at most; junk produces hundreds and the first ones say enough. */
  maxErrors: 50,
});

/**
 * Loads a catalogue from the text of its YAML (or JSON) file, checking it against
 * data/catalogue.schema.json (compiled at build time, see schemaValidator.ts) and then against the
 * rules a schema cannot say: no control or bidirectional-override characters in any text, at most
 * `CATALOGUE_LIMITS.maxProposals` proposals, proposal numbers unique and contiguous from 1, theme and
 * sub-theme ids unique, thématiques naming existing themes, date ranges in order.
 *
 * Never throws: any problem, including an internal one, comes back as errors with a 1-based line
 * and column and a message saying what is wrong and where.
 *
 * @param _schema Ignored: the schema is compiled into the validator at build time. Kept so that
 * callers written for the earlier `loadCatalogue(text, schema)` still compile.
 */
export function loadCatalogue(yamlText: string, _schema?: object): LoadResult {
  const loaded = loadCatalogueFile(yamlText);
  return loaded.ok ? { ok: true, catalogue: loaded.catalogue } : loaded;
}

/**
 * `loadCatalogue`, that also gives the file's data as it passed every check, from which
 * `buildCatalogue` made the model: what the build snapshots (see `catalogueSnapshot`).
 */
export function loadCatalogueFile(yamlText: string): { readonly ok: true; readonly catalogue: Catalogue; readonly file: CatalogueFile } | { readonly ok: false; readonly errors: readonly CatalogueError[] } {
  try {
    return load(yamlText);
  } catch (e) {
    return failure([{ line: 1, column: 1, ...said(catalogueText('internalError', e instanceof Error ? e.message : String(e))) }]);
  }
}

/**
 * The 1-based line and column of the value at `path` in a catalogue's text (of its key when
 * `onKey`), e.g. of `prefix` to report a prefix another catalogue already uses; line 1, column 1
 * when the text does not parse. Parses the text again: meant for the rare error found after loading.
 */
export function positionOfPath(yamlText: string, path: JsonPath, onKey = false): { line: number; column: number } {
  if (yamlText.length > CATALOGUE_LIMITS.maxCharacters || findExcessiveStructure(yamlText) !== undefined) {
    return { line: 1, column: 1 };
  }
  const lines = new LineCounter();
  const doc = withoutStackTraces(() => parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, strict: true, lineCounter: lines }));
  const pos = lines.linePos(offsetOf(doc, path, onKey));
  return { line: pos.line, column: pos.col };
}

/** Formats an error for a log or an output channel: `line 3, column 7: message`. */
export function formatCatalogueError(error: CatalogueError): string {
  return `line ${error.line}, column ${error.column}: ${error.message}`;
}

function load(yamlText: unknown): ReturnType<typeof loadCatalogueFile> {
  if (typeof yamlText !== 'string') {
    return failure([{ line: 1, column: 1, ...said(catalogueText('notText', yamlText === null ? 'null' : typeof yamlText)) }]);
  }
  if (yamlText.length > CATALOGUE_LIMITS.maxCharacters) {
    return failure([{
      line: 1,
      column: 1,
      ...said(catalogueText('tooLarge', formatSize(yamlText.length), formatSize(CATALOGUE_LIMITS.maxCharacters))),
    }]);
  }
  const lines = new LineCounter();
  const at = (offset: number): { line: number; column: number } => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  // LineCounter learns line starts while `yaml` parses; the checks that run before parsing need them too.
  indexLines(yamlText, lines);

  if (yamlText.trim() === '') {
    return failure([{ line: 1, column: 1, ...said(catalogueText('empty')) }]);
  }
  const binary = findForbiddenCharacter(yamlText);
  if (binary) {
    return failure([{ ...at(binary.offset), ...said(binary.text) }]);
  }
  const excess = findExcessiveStructure(yamlText);
  if (excess !== undefined) {
    return failure([{ ...at(excess.offset), ...said(excess.text) }]);
  }

  const doc = withoutStackTraces(() => parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, strict: true }));
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    // Junk yields thousands of problems: only the first ones are worth a position and a message.
    problems.sort((a, b) => a.pos[0] - b.pos[0]);
    const shown = problems.slice(0, CATALOGUE_LIMITS.maxErrors).map((e) => {
      // `yaml` reports a quote left open where the text it swallowed ends (often the end of the file):
      // the writer must look where the quote opens.
      const open = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuoteAt(yamlText, e.pos[0]) : undefined;
      return open
        ? { ...at(open.offset), ...said(catalogueText('unclosedQuote', open.quote)) }
        : { ...at(e.pos[0]), ...said(syntaxMessage(e.code, e.message)) };
    });
    return failure(shown, problems.length);
  }
  const keys = checkKeys(doc);
  if (keys.length > 0) {
    return failure(keys.map((k) => ({ ...at(k.offset), ...said(k.text) })));
  }

  let data: unknown;
  try {
    data = withoutStackTraces(() => doc.toJS({ maxAliasCount: CATALOGUE_LIMITS.maxAliasCount }));
  } catch (e) {
    if (e instanceof ReferenceError) {
      return failure([{
        ...at(firstAliasOffset(doc) ?? 0),
        ...said(catalogueText('aliasBomb', CATALOGUE_LIMITS.maxAliasCount)),
      }]);
    }
    throw e;
  }

  const locate = (path: JsonPath, onKey: boolean): { line: number; column: number } => at(offsetOf(doc, path, onKey));
  const unsafe = findUnsafeCharacters(data);
  if (unsafe.length > 0) {
    return failure(unsafe.map((u) => pathError(u.path, u.text, locate(u.path, u.onKey))));
  }
  const violations = validateCatalogueData(data);
  if (violations.length > 0) {
    return failure(violations.map((v) => pathError(v.path, v.text, locate(v.path, v.onKey))));
  }
  const file = data as CatalogueFile;
  const tooMany = countProposals(file) > CATALOGUE_LIMITS.maxProposals;
  if (tooMany) {
    const text = catalogueText('tooManyProposals', { localeNumber: countProposals(file) }, { localeNumber: CATALOGUE_LIMITS.maxProposals });
    return failure([pathError(['groups'], text, locate(['groups'], true))]);
  }
  const semantic = checkSemantics(file);
  if (semantic.length > 0) {
    return failure(semantic.map((s) => pathError(s.path, s.text, locate(s.path, false))));
  }
  return { ok: true, catalogue: buildCatalogue(file), file };
}

/** The errors in source order, at most `maxErrors` of them plus a note of how many more there are of `total`. */
function failure(errors: CatalogueError[], total = errors.length): { readonly ok: false; readonly errors: readonly CatalogueError[] } {
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column).slice(0, CATALOGUE_LIMITS.maxErrors);
  const rest = total - sorted.length;
  if (rest > 0) {
    const last = sorted[sorted.length - 1];
    sorted.push({ line: last.line, column: last.column, ...said(catalogueText(rest === 1 ? 'moreErrorsOne' : 'moreErrors', rest)) });
  }
  return { ok: false, errors: Object.freeze(sorted.map((e) => Object.freeze(e))) };
}

/** The `message` (English) and `text` fields of an error saying `text`. */
export function said(text: CatalogueText): { message: string; text: CatalogueText } {
  return { message: renderCatalogueText(text), text };
}

/** The error `path: text`, at `pos`; the top level is named in the reader's language. */
export function pathError(path: JsonPath, text: CatalogueText, pos: { line: number; column: number }): CatalogueError {
  const where = formatJsonPath(path);
  return { ...pos, ...said(catalogueText('atPath', path.length === 0 ? catalogueText('topLevel') : placeOf(path), text)), path: where };
}

function formatSize(characters: number): CatalogueText {
  return characters >= 1024 * 1024
    ? catalogueText('sizeMegabytes', { localeNumber: characters / (1024 * 1024), fractionDigits: 1 })
    : catalogueText('sizeKilobytes', Math.round(characters / 1024));
}

function indexLines(text: string, lines: LineCounter): void {
  lines.addNewLine(0);
  const newline = /\r\n|\r|\n/g;
  for (let m = newline.exec(text); m; m = newline.exec(text)) {
    lines.addNewLine(m.index + m[0].length);
  }
}

/**
 * Characters YAML does not allow in a file (C0 and C1 controls other than tab and line breaks,
 * unpaired surrogates, non-characters), and U+FFFD, which a decoder puts where bytes were not UTF-8.
 * Any of them means binary data or a wrong encoding, and saying so is clearer than the syntax errors
 * the parser would report.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findForbiddenCharacter(text: string): { offset: number; text: CatalogueText } | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) {
    return undefined;
  }
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { offset: m.index, text: catalogueText(m[0] === '\uFFFD' ? 'notUtf8' : 'binaryControl', code) };
}

/**
 * Runs `f` with stack traces turned off. `yaml` creates an Error object for each problem it finds,
 * and junk makes one per character: capturing their stacks (deep ones, as composition recurses)
 * costs more than the parsing itself. Nothing here needs those stacks, and `f` is synchronous, so
 * no other code runs while the setting is changed.
 */
function withoutStackTraces<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Where the file first goes beyond what parsing can afford (see `CATALOGUE_LIMITS`), or
 * `undefined`. None of the measures recurses: indentation depth comes from the lines, bracket depth
 * and the token count from `yaml`'s own lexer (which knows quotes and comments), stopped as soon as
 * a limit is passed.
 */
function findExcessiveStructure(text: string): { offset: number; text: CatalogueText } | undefined {
  const max = CATALOGUE_LIMITS.maxDepth;
  const tooDeep = (offset: number): { offset: number; text: CatalogueText } => ({ offset, text: catalogueText('tooDeep', max) });
  const indented = findDeepIndentation(text, max);
  if (indented !== undefined) {
    return tooDeep(indented);
  }
  let depth = 0;
  let flows = 0;
  let tokens = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > CATALOGUE_LIMITS.maxTokens) {
      return {
        offset,
        text: catalogueText('tooManyTokens', { localeNumber: CATALOGUE_LIMITS.maxTokens }, { localeNumber: 1500 }),
      };
    }
    if (token === '{' || token === '[') {
      if (++depth > max) {
        return tooDeep(offset);
      }
      if (++flows > CATALOGUE_LIMITS.maxFlowCollections) {
        return {
          offset,
          text: catalogueText('tooManyFlows', { localeNumber: CATALOGUE_LIMITS.maxFlowCollections }, { localeNumber: 5000 }, '{'),
        };
      }
    } else if (token === '}' || token === ']') {
      depth = Math.max(0, depth - 1);
    }
    if (!SYNTHETIC_TOKENS.has(token)) {
      offset += token.length;
    }
  }
  return undefined;
}

/** Tokens the lexer emits without consuming source text (document start, flow end, scalar start). */
const SYNTHETIC_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * Where indentation first nests deeper than `max`, or `undefined`. It over-counts (each deeper line
 * is taken as a new level, each `- ` or `? ` on a line as another), which only matters far beyond any
 * real catalogue; lines inside a block scalar (`|`, `>`) are text and are skipped.
 */
function findDeepIndentation(text: string, max: number): number | undefined {
  const open: { indent: number; depth: number }[] = [];
  /** Indentation of the line that opened a block scalar (`|`, `>`): deeper lines are its text. */
  let scalarIndent: number | undefined;
  const line = /^( *)((?:[-?:](?: +|$))*)(.*)$/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (m[0] === '' && line.lastIndex === m.index) {
      line.lastIndex++;
    }
    const [, spaces, indicators, rest] = m;
    const indent = spaces.length;
    if (indicators === '' && (rest.trim() === '' || rest.startsWith('#'))) {
      continue;
    }
    if (scalarIndent !== undefined) {
      if (indent > scalarIndent) {
        continue;
      }
      scalarIndent = undefined;
    }
    while (open.length > 0 && open[open.length - 1].indent >= indent) {
      open.pop();
    }
    const levels = indicators === '' ? 0 : indicators.trim().split(/ +/).length;
    const depth = (open.length > 0 ? open[open.length - 1].depth : 0) + 1 + levels;
    if (depth > max) {
      return m.index + indent;
    }
    open.push({ indent, depth });
    if (/(?:^|[\s:])[|>][1-9+-]{0,2}\s*(?:#.*)?$/.test(indicators + rest)) {
      scalarIndent = indent;
    }
  }
  return undefined;
}

/** `text`, cut to `max` characters: `yaml` quotes whole tokens, and a token of junk can be a whole line. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function syntaxMessage(code: string, message: string): CatalogueText {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return catalogueText('multipleDocuments');
    case 'TAB_AS_INDENT':
      return catalogueText('tabIndent');
    default:
      // The `yaml` package's own words, in English: they quote the faulty text, which says the most.
      return catalogueText('yamlSyntax', `${shorten(message.replace(/\s+/g, ' ').trim(), 200)}${/[.!?]$/.test(message.trim()) ? '' : '.'}`);
  }
}

/**
 * The start of the last quoted scalar opened at or before `offset` and never closed, with its quote, from
 * `yaml`'s own lexer (the tokens a parse would read).
 */
function unclosedQuoteAt(text: string, offset: number): { offset: number; quote: string } | undefined {
  let start = 0;
  let found: { offset: number; quote: string } | undefined;
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens (document start \x02, scalar \x1f, flow end \x18) are not source text;
    // the file has no such characters (the binary check rejects them).
    if (token.length === 1 && token < ' ' && token !== '\n' && token !== '\r' && token !== '\t') {
      continue;
    }
    if (start > offset) {
      break;
    }
    const quote = token[0];
    if ((quote === '"' || quote === "'") && !closesQuote(token, quote)) {
      found = { offset: start, quote };
    }
    start += token.length;
  }
  return found;
}

/** True when a quoted token ends with its closing quote (not an escaped `\"`). */
function closesQuote(token: string, quote: string): boolean {
  const body = token.trimEnd();
  if (body.length < 2 || !body.endsWith(quote)) {
    return false;
  }
  if (quote === "'") {
    return true;
  }
  const backslashes = /\\*$/.exec(body.slice(0, -1))?.[0].length ?? 0;
  return backslashes % 2 === 0;
}

/**
 * Every mapping key must be a plain scalar, and appear once in its mapping. Catalogue keys are
 * names; a list, mapping or alias used as a key is junk, and turning it into a JavaScript key
 * stringifies the whole structure, which nested braces make exponentially slow. Duplicates are
 * checked here with a set, since `yaml`'s own check compares every pair of keys.
 */
function checkKeys(doc: Document): { offset: number; text: CatalogueText }[] {
  const errors: { offset: number; text: CatalogueText }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) {
          const what = key === null ? 'keyMissing' : isAlias(key) ? 'keyAlias' : isSeq(key) ? 'keyList' : 'keyMapping';
          errors.push({ offset: rangeStart(key) ?? rangeStart(pair.value) ?? rangeStart(map) ?? 0, text: catalogueText(what) });
          continue;
        }
        if (key.value === null) {
          errors.push({ offset: rangeStart(key) ?? rangeStart(pair.value) ?? 0, text: catalogueText('keyMissing') });
          continue;
        }
        const name = String(key.value);
        if (seen.has(name)) {
          errors.push({ offset: rangeStart(key) ?? 0, text: catalogueText('duplicateKey', JSON.stringify(name)) });
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return errors;
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The source offset of the value at `path` (or of its key, for an unknown property). Where the
 * path leaves the document's nodes (a missing property, an alias), the deepest node reached is the
 * best place to point at: for a missing property, the mapping that lacks it.
 */
function offsetOf(doc: Document, path: JsonPath, onKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) {
        break;
      }
      const keyStart = rangeStart(pair.key) ?? offset;
      const value = pair.value;
      // An empty value (`title:`) has an empty range right after the colon; the key is clearer.
      if ((onKey && i === path.length - 1) || value === null || (isScalar(value) && value.range && value.range[0] === value.range[1])) {
        return keyStart;
      }
      node = value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
    } else {
      break;
    }
    offset = rangeStart(node) ?? offset;
    if (isAlias(node)) {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    return range ? range[0] : undefined;
  }
  return undefined;
}

interface SemanticError {
  readonly path: JsonPath;
  readonly text: CatalogueText;
}

/** The rules of a catalogue that JSON Schema cannot express. */
function checkSemantics(file: CatalogueFile): SemanticError[] {
  const errors: SemanticError[] = [];
  const groupIds = new Map<string, { path: JsonPath; kind: 'theme' | 'common' | 'subtheme' }>();
  const numbers = new Map<number, JsonPath>();

  const claimId = (id: string, path: JsonPath, kind: 'theme' | 'common' | 'subtheme'): void => {
    const first = groupIds.get(id);
    if (first) {
      errors.push({ path, text: catalogueText('duplicateGroupId', id, formatJsonPath(first.path)) });
    } else {
      groupIds.set(id, { path, kind });
    }
  };
  const claimNumbers = (proposals: readonly ProposalEntry[], path: JsonPath): void => {
    proposals.forEach((p, i) => {
      const numberPath = [...path, i, 'number'];
      const first = numbers.get(p.number);
      if (first) {
        errors.push({ path: numberPath, text: catalogueText('duplicateNumber', p.number, formatJsonPath(first)) });
      } else {
        numbers.set(p.number, numberPath);
      }
    });
  };

  file.groups.forEach((g, gi) => {
    claimId(g.id, ['groups', gi, 'id'], g.kind ?? 'theme');
    (g.subthemes ?? []).forEach((s, si) => {
      claimId(s.id, ['groups', gi, 'subthemes', si, 'id'], 'subtheme');
      claimNumbers(s.proposals, ['groups', gi, 'subthemes', si, 'proposals']);
    });
    claimNumbers(g.proposals ?? [], ['groups', gi, 'proposals']);
  });

  errors.push(...checkContiguous(numbers));

  const themeIds = [...groupIds].filter(([, g]) => g.kind === 'theme').map(([id]) => id);
  file.context?.thematiques.forEach((t, i) => {
    const group = groupIds.get(t.theme);
    if (!group || group.kind !== 'theme') {
      const what = catalogueText(!group ? 'noSuchTheme' : group.kind === 'subtheme' ? 'themeIsSubtheme' : 'themeIsCommon');
      errors.push({ path: ['context', 'thematiques', i, 'theme'], text: catalogueText('unknownTheme', t.theme, what, themeIds.join(', ')) });
    }
  });
  file.context?.dates.forEach((d, i) => {
    if (d.end !== undefined && d.end < d.start) {
      errors.push({ path: ['context', 'dates', i, 'end'], text: catalogueText('endsBeforeStart', d.end, d.start) });
    }
  });
  return errors;
}

/**
 * Numbers must run from 1 without gaps: a missing number is a proposal that belongs to no group,
 * and references to it would be reported as unknown.
 */
function checkContiguous(numbers: ReadonlyMap<number, JsonPath>): SemanticError[] {
  const sorted = [...numbers.keys()].sort((a, b) => a - b);
  const errors: SemanticError[] = [];
  let expected = 1;
  for (const n of sorted) {
    if (n > expected) {
      const max = sorted[sorted.length - 1];
      const text = n - expected === 1 ? catalogueText('missingNumber', expected, max) : catalogueText('missingNumbers', expected, n - 1, max);
      errors.push({ path: numbers.get(n) ?? [], text });
    }
    expected = n + 1;
  }
  return errors;
}

function countProposals(file: CatalogueFile): number {
  let count = 0;
  for (const g of file.groups) {
    count += (g.proposals ?? []).length;
    for (const s of g.subthemes ?? []) {
      count += s.proposals.length;
    }
  }
  return count;
}

/**
 * C0 and C1 control characters other than tab and line feed (which YAML writes as such in a
 * paragraph; titles are kept to one line by the schema), and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text display in
 * another order than it reads: "Trojan source". YAML escapes (`"\u202e"`) put them in a string
 * although the file's characters are clean, so they are looked for in the parsed data.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Names of the characters `UNSAFE_IN_TEXT` finds that a person may not recognize by code. */
const BIDI_NAMES: Readonly<Record<number, string>> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** Every string (and key) of the parsed data holding a character of `UNSAFE_IN_TEXT`, with its path. */
function findUnsafeCharacters(data: unknown): { path: JsonPath; text: CatalogueText; onKey: boolean }[] {
  const found: { path: JsonPath; text: CatalogueText; onKey: boolean }[] = [];
  const describe = (text: string, onKey: boolean): CatalogueText | undefined => {
    const m = UNSAFE_IN_TEXT.exec(text);
    if (!m) {
      return undefined;
    }
    const code = m[0].charCodeAt(0);
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return BIDI_NAMES[code] !== undefined
      ? catalogueText(onKey ? 'keyBidi' : 'textBidi', name, BIDI_NAMES[code])
      : catalogueText(onKey ? 'keyControl' : 'textControl', name);
  };
  // An explicit stack rather than recursion: the loader's depth limit already holds, but a
  // stack needs no such assumption.
  const stack: { value: unknown; path: JsonPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0 && found.length < CATALOGUE_LIMITS.maxErrors) {
    const { value, path } = stack.pop() as { value: unknown; path: JsonPath };
    if (typeof value === 'string') {
      const text = describe(value, false);
      if (text) {
        found.push({ path, text, onKey: false });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        const text = describe(k, true);
        if (text) {
          found.push({ path: [...path, k], text, onKey: true });
        }
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return found;
}
