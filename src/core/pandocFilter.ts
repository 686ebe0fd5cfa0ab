import type { Proposal } from './catalogue';
import { BUNDLED_SOURCE, type CatalogueSet, type LoadedCatalogue } from './catalogueSet';
import { PROSE_DEFAULTS } from './documentText';
import { scanText, type SetReference } from './documentScans';
import type { TextLayout } from './textLayout';

/** The text the filter scans is laid out as Markdown (see `documentText`). */
const MARKDOWN: TextLayout = { kind: 'markdown' };
import { frenchQuotes, type FormattableProposal, formatReferences } from './referenceFormat';

/**
 * A pandoc JSON filter over the extension's own engine: the references of a pandoc document (its
 * JSON AST, `pandoc -t json`) are found by `scanText`, the one function that gives a text's citations
 * to every feature (so that ids, and every form the engine learns to read, are found here too), and
 * written for the reader of the deliverable as the document's metadata asks:
 *
 * - `egn-format`: `sentence` (the default: « proposition n° 12 », « propositions nos 7, 8 et 9 »),
 *   `idAndTitle` (`EGN-12 (title)`), `id` (`EGN-12`) or `asWritten`;
 * - `egn-titles: footnote`: each reference gets a footnote with the proposals' titles;
 * - `egn-annexe: true`, or a div `::: egn-annexe :::`: a table « Propositions citées » (number, title,
 *   theme) of every proposal the document cites, at the div (or at the end).
 *
 * Pure data in, data out: no Node, no VS Code (the command line's `egn-pandoc` and the editor's
 * *Export with Pandoc…* both call it).
 */
export interface PandocDocument {
  readonly 'pandoc-api-version': readonly number[];
  readonly meta: Record<string, PandocMeta>;
  readonly blocks: PandocNode[];
}

/** A node of pandoc's AST: `{ t: 'Str', c: 'EGN-12' }`, `{ t: 'Space' }`… */
export interface PandocNode {
  readonly t: string;
  c?: unknown;
}

type PandocMeta = PandocNode;

/** How the filter writes references (metadata `egn-format`). */
export type PandocReferenceFormat = 'sentence' | 'idAndTitle' | 'id' | 'asWritten';

/** The filter's options, from the document's metadata (see `pandocOptions`). */
export interface PandocFilterOptions {
  readonly format: PandocReferenceFormat;
  readonly titles: 'none' | 'footnote';
  readonly annex: boolean;
}

/** What the filter did, for the command's message. */
export interface PandocFilterResult {
  readonly document: PandocDocument;
  /** References rewritten (each number once per place). */
  readonly references: number;
  /** Distinct proposals cited, in the annex's order. */
  readonly cited: readonly Proposal[];
  /** Whether an annex was written. */
  readonly annex: boolean;
}

const NBSP = '\u00a0';
const FORMATS: readonly PandocReferenceFormat[] = ['sentence', 'idAndTitle', 'id', 'asWritten'];
/** The class of the div where the annex goes. */
export const ANNEX_CLASS = 'egn-annexe';

/** The plain text of a metadata value (`MetaInlines`, `MetaString`, `MetaBool`…). */
function metaText(value: PandocMeta | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  switch (value.t) {
    case 'MetaBool':
      return value.c === true ? 'true' : 'false';
    case 'MetaString':
      return String(value.c);
    case 'MetaInlines':
    case 'MetaBlocks':
      return inlineText(value.c as PandocNode[]).trim();
    default:
      return undefined;
  }
}

/** The text of a list of inlines (or blocks), for metadata only. */
function inlineText(nodes: readonly PandocNode[]): string {
  return nodes.map((n) => n.t === 'Str' ? String(n.c) : n.t === 'Space' || n.t === 'SoftBreak' ? ' ' : Array.isArray(n.c) ? inlineText((n.c as unknown[]).filter(isNode)) : '').join('');
}

function isNode(v: unknown): v is PandocNode {
  return typeof v === 'object' && v !== null && typeof (v as PandocNode).t === 'string';
}

/** The options a document's metadata asks for; anything unknown falls back to the default. */
export function pandocOptions(meta: Record<string, PandocMeta>): PandocFilterOptions {
  const format = metaText(meta['egn-format']);
  const titles = metaText(meta['egn-titles']);
  const annex = metaText(meta['egn-annexe']);
  return {
    format: FORMATS.find((f) => f.toLowerCase() === format?.toLowerCase()) ?? 'sentence',
    titles: titles === 'footnote' ? 'footnote' : 'none',
    annex: annex === 'true' || annex === 'oui' || annex === 'yes',
  };
}

/**
 * One run of text the scan reads: the `Str`, `Space`, `SoftBreak` and `LineBreak` inlines that follow
 * one another in one inline list (a reference never spans emphasis, a link or a note).
 */
interface TextRun {
  readonly list: PandocNode[];
  /** Index of the run's first inline in `list`. */
  readonly from: number;
  /** Index one past its last inline. */
  readonly to: number;
  /** Offset of the run in the scanned text. */
  readonly offset: number;
  readonly text: string;
}

/** The scanned text of the document, and the runs it is made of. */
interface DocumentText {
  readonly text: string;
  readonly runs: TextRun[];
}

const INLINE_LIST_BLOCKS = new Set(['Plain', 'Para']);

/**
 * Lays the document out as Markdown text for the scan: one paragraph per block (a blank line between),
 * headings as `#` lines, so that a grammar reading context (the paragraph before, the heading above)
 * sees the document as its author wrote it. Each run of plain text is recorded with its place.
 */
function documentText(blocks: readonly PandocNode[]): DocumentText {
  const parts: string[] = [];
  const runs: TextRun[] = [];
  let length = 0;
  const push = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const inlines = (list: PandocNode[]): void => {
    let i = 0;
    while (i < list.length) {
      const from = i;
      let text = '';
      while (i < list.length && ['Str', 'Space', 'SoftBreak', 'LineBreak'].includes(list[i].t)) {
        const n = list[i];
        // A soft break is a space in the paragraph; a hard break stays a line of its own in the text.
        text += n.t === 'Str' ? String(n.c) : n.t === 'LineBreak' ? '\n' : ' ';
        i++;
      }
      if (i > from) {
        runs.push({ list, from, to: i, offset: length, text });
        push(text);
        continue;
      }
      const n = list[i++];
      // A separator the scan cannot read across (the start of emphasis, a link, a note…).
      push('\u2063');
      inlineChildren(n);
      push('\u2063');
    }
  };
  const inlineChildren = (n: PandocNode): void => {
    switch (n.t) {
      case 'Emph': case 'Strong': case 'Underline': case 'Strikeout': case 'Superscript': case 'Subscript': case 'SmallCaps':
        inlines(n.c as PandocNode[]);
        break;
      case 'Quoted':
        inlines((n.c as [unknown, PandocNode[]])[1]);
        break;
      case 'Span':
        inlines((n.c as [unknown, PandocNode[]])[1]);
        break;
      case 'Note':
        // A footnote's text is its own paragraphs, laid out after the one that calls it.
        pendingNotes.push(n.c as PandocNode[]);
        break;
      default:
        // Code, math, raw text, links' and images' targets: not prose (a link's text is its own run).
        if (n.t === 'Link' || n.t === 'Image') {
          inlines((n.c as [unknown, PandocNode[], unknown])[1]);
        }
    }
  };
  let pendingNotes: PandocNode[][] = [];
  let joinNext = false;
  const paragraph = (write: () => void): void => {
    if (joinNext) {
      push('\n');
      joinNext = false;
    } else if (length > 0) {
      push('\n\n');
    }
    write();
    const notes = pendingNotes;
    pendingNotes = [];
    for (const note of notes) {
      walk(note);
    }
  };
  const walk = (list: readonly PandocNode[]): void => {
    for (const b of list) {
      if (INLINE_LIST_BLOCKS.has(b.t)) {
        paragraph(() => inlines(b.c as PandocNode[]));
      } else if (b.t === 'Header') {
        const [level, , content] = b.c as [number, unknown, PandocNode[]];
        paragraph(() => {
          push(`${'#'.repeat(Math.min(Math.max(level, 1), 6))} `);
          inlines(content);
        });
      } else if (b.t === 'LineBlock') {
        for (const line of b.c as PandocNode[][]) {
          paragraph(() => inlines(line));
        }
      } else if (b.t === 'BlockQuote') {
        walk(b.c as PandocNode[]);
      } else if (b.t === 'Div') {
        walk((b.c as [unknown, PandocNode[]])[1]);
      } else if (b.t === 'BulletList') {
        for (const item of b.c as PandocNode[][]) {
          walk(item);
        }
      } else if (b.t === 'OrderedList') {
        for (const item of (b.c as [unknown, PandocNode[][]])[1]) {
          walk(item);
        }
      } else if (b.t === 'DefinitionList') {
        for (const [term, defs] of b.c as [PandocNode[], PandocNode[][]][]) {
          paragraph(() => inlines(term));
          for (const d of defs) {
            walk(d);
          }
        }
      } else if (b.t === 'Table') {
        walkTable(b, walk);
      } else if (b.t === 'RawBlock') {
        // Not prose, but where a Markdown plan's ignore markers are (`<!-- egn-ignore-next-line -->`):
        // its text is read, on the line just before the next block, so that the markers apply as in the editor.
        if (length > 0) {
          push('\n\n');
        }
        push(String((b.c as [unknown, string])[1]).replace(/\s+$/, ''));
        joinNext = true;
      }
      // Code blocks and rules hold no prose.
    }
  };
  walk(blocks);
  return { text: parts.join(''), runs };
}

/** The blocks of each cell of a table (pandoc-types 1.22: head, bodies, foot), walked in reading order. */
function walkTable(table: PandocNode, walk: (blocks: readonly PandocNode[]) => void): void {
  const [, caption, , head, bodies, foot] = table.c as [unknown, [unknown, PandocNode[]], unknown, [unknown, unknown[]], [unknown, unknown, unknown[], unknown[]][], [unknown, unknown[]]];
  walk(caption[1]);
  const rows = (list: unknown[]): void => {
    for (const row of list as [unknown, [unknown, unknown, number, number, PandocNode[]][]][]) {
      for (const cell of row[1]) {
        walk(cell[4]);
      }
    }
  };
  rows(head[1]);
  for (const body of bodies) {
    rows(body[2]);
    rows(body[3]);
  }
  rows(foot[1]);
}

/** A citation as the reader sees it: a reference and the numbers continuing it (`EGN-7, 8 et 9`, `EGN-3 à 5`). */
interface Group {
  readonly refs: SetReference[];
}

/** References grouped: a `continuation` joins the reference before it. Unknown numbers stay as written. */
function groups(refs: readonly SetReference[]): Group[] {
  const out: Group[] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    // `EGN-15 à EGN-18`: the end of a range, written in full, continues it too (the numbers between are its `implied`).
    if ((r.form === 'continuation' || r.implied.length > 0) && last && last.refs[0].catalogue === r.catalogue) {
      last.refs.push(r);
    } else {
      out.push({ refs: [r] });
    }
  }
  return out.filter((g) => g.refs.every((r) => r.exists));
}

/** The proposals a group cites, in order, each once (a range's numbers between its ends included). */
function groupProposals(g: Group): Proposal[] {
  const catalogue = g.refs[0].catalogue.catalogue;
  const numbers: number[] = [];
  for (const r of g.refs) {
    numbers.push(...r.implied, r.number);
  }
  const seen = new Set<number>();
  return numbers.filter((n) => !seen.has(n) && seen.add(n)).map((n) => catalogue.byNumber(n)).filter((p): p is Proposal => p !== undefined);
}

/**
 * The catalogue's noun for the reader: « proposition » for the EGN. A workspace catalogue names its
 * items itself (actions, mesures, objectifs); until catalogue files declare their noun, its references
 * are written as ids.
 */
function nounOf(loaded: LoadedCatalogue, plural: boolean): string | undefined {
  if (loaded.source !== BUNDLED_SOURCE) {
    return undefined;
  }
  return plural ? 'propositions' : 'proposition';
}

/**
 * The text that replaces a group, or undefined to keep it as written. `sentence` keeps what the author
 * wrote between the numbers (« , 8 et 9 », « à 5 ») and writes each number alone: the reader's
 * « propositions nos 7, 8 et 9 », with the no-break space after « n° » / « nos » the insert command writes.
 */
function rewrite(g: Group, text: string, format: PandocReferenceFormat): string | undefined {
  const proposals = groupProposals(g);
  switch (format) {
    case 'asWritten':
      return undefined;
    case 'id':
    case 'idAndTitle':
      return formatReferences(proposals as FormattableProposal[], format);
    case 'sentence': {
      const plural = proposals.length > 1;
      const noun = nounOf(g.refs[0].catalogue, plural);
      if (noun === undefined) {
        return formatReferences(proposals as FormattableProposal[], 'id');
      }
      // « les propositions EGN-9, 10 et 11 »: the author already wrote the noun, only « nos » is added.
      const before = text.slice(Math.max(0, g.refs[0].start - 40), g.refs[0].start);
      const named = /\bpropositions?[\s\u00a0]+$/i.test(before);
      // « conformément à EGN-1 » reads « conformément à la proposition n° 1 »: the article an id does not need.
      // At the start of a paragraph or a sentence, « La proposition n° 12 », « Les propositions nos 7 et 8 ».
      const opening = /(^|\n\n|[.!?…][\s\u00a0]+)$/.test(before);
      const article = named ? '' : opening ? (plural ? 'les ' : 'la ') : !plural && /(^|[\s\u00a0(])(à|de)[\s\u00a0]+$/i.test(before) ? 'la ' : '';
      let out = `${named ? '' : `${article}${noun} `}${plural ? 'nos' : 'n°'}${NBSP}`;
      if (opening && !named) {
        out = out[0].toUpperCase() + out.slice(1);
      }
      g.refs.forEach((r, i) => {
        if (i > 0) {
          out += text.slice(g.refs[i - 1].end, r.start);
        }
        out += String(r.number);
      });
      return out;
    }
  }
}

/** The footnote of a group: « Proposition n° 12 : « title ». » (each proposal of the group, one sentence each). */
function titleNote(proposals: readonly Proposal[]): PandocNode {
  const sentences = proposals.map((p) => `Proposition n°${NBSP}${p.number}${NBSP}: «${NBSP}${frenchQuotes(p.title).replace(/\.$/, '')}${NBSP}».`);
  return { t: 'Note', c: [{ t: 'Para', c: inlinesOf(sentences.join(' ')) }] };
}

/** Pandoc inlines for a text: words as `Str`, ASCII spaces as `Space` (no-break spaces stay inside words, as pandoc reads them). */
function inlinesOf(text: string): PandocNode[] {
  const out: PandocNode[] = [];
  for (const part of text.split(/( +)/)) {
    if (part === '') {
      continue;
    }
    out.push(part.startsWith(' ') ? { t: 'Space' } : { t: 'Str', c: part });
  }
  return out;
}

/** A replacement inside one run: the text between `start` and `end` of the run becomes `inlines`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly inlines: PandocNode[];
}

/** Applies a run's edits (in order, not overlapping), rebuilding its inlines from its text. */
function applyEdits(run: TextRun, edits: readonly Edit[]): PandocNode[] {
  const out: PandocNode[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(...runInlines(run.text.slice(at, e.start)), ...e.inlines);
    at = e.end;
  }
  out.push(...runInlines(run.text.slice(at)));
  return mergeStr(out);
}

/** Inlines for text cut from a run: spaces as `Space`, line breaks as `LineBreak`. */
function runInlines(text: string): PandocNode[] {
  const out: PandocNode[] = [];
  for (const part of text.split(/(\n| +)/)) {
    if (part === '') {
      continue;
    }
    out.push(part === '\n' ? { t: 'LineBreak' } : part.startsWith(' ') ? { t: 'Space' } : { t: 'Str', c: part });
  }
  return out;
}

/** Adjacent `Str`s joined, and adjacent spaces made one, as pandoc itself writes them. */
function mergeStr(list: PandocNode[]): PandocNode[] {
  const out: PandocNode[] = [];
  for (const n of list) {
    const last = out[out.length - 1];
    if (last?.t === 'Str' && n.t === 'Str') {
      out[out.length - 1] = { t: 'Str', c: String(last.c) + String(n.c) };
    } else if (last?.t === 'Space' && n.t === 'Space') {
      continue;
    } else {
      out.push(n);
    }
  }
  return out;
}

/** The annex: a heading « Propositions citées » and a table of number, title and theme. */
function annexBlocks(cited: readonly Proposal[]): PandocNode[] {
  const attr = ['', [], []];
  const cell = (text: string): unknown => [attr, { t: 'AlignDefault' }, 1, 1, [{ t: 'Plain', c: inlinesOf(text) }]];
  const row = (texts: string[]): unknown => [attr, texts.map(cell)];
  const table: PandocNode = {
    t: 'Table',
    c: [
      attr,
      [null, []],
      [[{ t: 'AlignRight' }, { t: 'ColWidthDefault' }], [{ t: 'AlignDefault' }, { t: 'ColWidthDefault' }], [{ t: 'AlignDefault' }, { t: 'ColWidthDefault' }]],
      [attr, [row(['N°', 'Titre', 'Thème'])]],
      [[attr, 0, [], cited.map((p) => row([String(p.number), p.title, p.theme.title]))]],
      [attr, []],
    ],
  };
  return [{ t: 'Header', c: [2, ['propositions-citees', [], []], inlinesOf('Propositions citées')] }, table];
}

/** The filter: the document with its references rewritten, footnotes and annex added. Never throws on an unknown node. */
export function filterPandocDocument(document: PandocDocument, set: CatalogueSet, options: PandocFilterOptions = pandocOptions(document.meta)): PandocFilterResult {
  const blocks = structuredClone(document.blocks);
  const { text, runs } = documentText(blocks);
  // Named as a Markdown document: the text is laid out as one (see `documentText`), which is what a
  // grammar that reads context from the layout needs to know.
  const scan = scanText('pandoc:document.md', 1, text, set, MARKDOWN, PROSE_DEFAULTS);
  const found = groups(scan.counted);
  const cited = new Map<string, { proposal: Proposal; catalogue: number }>();
  const edits = new Map<TextRun, Edit[]>();
  let references = 0;
  let r = 0;
  for (const g of found) {
    const start = g.refs[0].start;
    const end = g.refs[g.refs.length - 1].end;
    while (r < runs.length && runs[r].offset + runs[r].text.length < end) {
      r++;
    }
    const run = runs[r];
    if (!run || start < run.offset) {
      continue;
    }
    const proposals = groupProposals(g);
    for (const p of proposals) {
      cited.set(`${g.refs[0].catalogue.catalogue.prefix}\u0000${p.number}`, { proposal: p, catalogue: set.catalogues.indexOf(g.refs[0].catalogue) });
    }
    references += g.refs.length;
    // A citation the author wrote in prose (« la proposition n° 12 ») already reads as the reader's
    // words: it is kept as written, and counts for the annex and the footnotes like an id.
    const fromProse = g.refs.some((ref) => ref.form === 'prose' || ref.form === 'title');
    const written = fromProse ? undefined : rewrite(g, text, options.format);
    const inlines = written === undefined ? runInlines(text.slice(start, end)) : inlinesOf(written);
    if (options.titles === 'footnote') {
      inlines.push(titleNote(proposals));
    }
    const list = edits.get(run) ?? [];
    list.push({ start: start - run.offset, end: end - run.offset, inlines });
    edits.set(run, list);
  }
  // Runs are edited from the last to the first in each list, so that indices of earlier runs stay valid.
  for (const [run, list] of [...edits].sort((a, b) => b[0].from - a[0].from)) {
    run.list.splice(run.from, run.to - run.from, ...applyEdits(run, list));
  }
  const citedList = [...cited.values()].sort((a, b) => a.catalogue - b.catalogue || a.proposal.number - b.proposal.number).map((c) => c.proposal);
  let annex = false;
  const placeAnnex = (list: PandocNode[]): boolean => {
    for (const b of list) {
      if (b.t === 'Div') {
        const [attr, content] = b.c as [[string, string[], unknown], PandocNode[]];
        if (attr[1].includes(ANNEX_CLASS)) {
          content.push(...annexBlocks(citedList));
          return true;
        }
        if (placeAnnex(content)) {
          return true;
        }
      }
    }
    return false;
  };
  if (placeAnnex(blocks)) {
    annex = true;
  } else if (options.annex) {
    blocks.push(...annexBlocks(citedList));
    annex = true;
  }
  return { document: { ...document, blocks }, references, cited: citedList, annex };
}
