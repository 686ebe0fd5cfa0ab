import type {
  Catalogue,
  CatalogueContext,
  ContextDate,
  Proposal,
  SearchHit,
  SubTheme,
  Theme,
  Thematique,
} from './catalogue';
import type * as Generated from './generated/catalogueFile';
import { foldText, foldedWords } from './textFold';

/*
 * The shape of a catalogue file once parsed (data/egn-2020.yaml, described by
 * data/catalogue.schema.json), and the construction of the read-only model from it. The file's
 * types are generated from the schema (`npm run generate:types`), so that they cannot drift from it.
 */

/** `T` with every property and array read-only, at every depth: what the loader reads is never written. */
type ReadOnlyDeep<T> = T extends readonly (infer E)[] ? readonly ReadOnlyDeep<E>[] : T extends object ? { readonly [K in keyof T]: ReadOnlyDeep<T[K]> } : T;

/** A proposal as the catalogue file writes it. */
export type ProposalEntry = ReadOnlyDeep<Generated.ProposalEntry>;
/** A sub-theme as the catalogue file writes it. */
export type SubThemeEntry = ReadOnlyDeep<Generated.SubThemeEntry>;
/**
 * A group as the catalogue file writes it: with sub-themes or with proposals, never both (the schema
 * says so). `kind` defaults to `theme` and `icon` to `DEFAULT_GROUP_ICON`: a writer of a roadmap need
 * not know codicons.
 */
export type GroupEntry = ReadOnlyDeep<Generated.GroupEntry>;
/** The context as the catalogue file writes it: thématiques name their theme by id. */
export type ContextEntry = ReadOnlyDeep<Generated.ContextEntry>;
/** A whole catalogue file, as validated by the schema. */
export type CatalogueFile = ReadOnlyDeep<Generated.CatalogueFile>;

/** The codicon of a group whose file names none. */
export const DEFAULT_GROUP_ICON = 'folder';

/** What may follow the prefix in an id: nothing, spaces, or one hyphen or dash, then the number. */
const ID_NUMBER = /^\s*[-\u2010-\u2015\u2212]?\s*(\d{1,9})$/u;

/**
 * Reads a proposal id written by a person (`EGN-12`, `egn-12`, `EGN 12`, `EGN12`, `EGN–12`) and
 * returns its number, or `undefined` when `text` is not an id with this `prefix` (compared
 * ignoring case). Surrounding white space is ignored.
 */
export function parseProposalId(text: string, prefix: string): number | undefined {
  const trimmed = text.trim();
  if (prefix === '' || trimmed.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) {
    return undefined;
  }
  const match = ID_NUMBER.exec(trimmed.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

/**
 * Builds the read-only model from a catalogue file that has passed the schema and the loader's
 * semantic checks (unique contiguous numbers, unique ids, known thématique themes). Every object of
 * the model is frozen; proposals point to their theme and sub-theme, sub-themes to their theme.
 */
export function buildCatalogue(file: CatalogueFile): Catalogue {
  const all: Proposal[] = [];
  const groups = new Map<string, Theme | SubTheme>();

  const themes: Theme[] = file.groups.map((g) => {
    const subthemes: SubTheme[] = [];
    const proposals: Proposal[] = [];
    // The theme is created before its children so that they can point back to it, then frozen
    // once they are all in place.
    const theme: Theme = { id: g.id, kind: g.kind ?? 'theme', title: g.title, icon: g.icon ?? DEFAULT_GROUP_ICON, subthemes, proposals };
    const addProposals = (entries: readonly ProposalEntry[], subtheme: SubTheme | undefined, into: Proposal[]): void => {
      for (const e of entries) {
        const p: Proposal = Object.freeze({
          id: `${file.prefix}-${e.number}`,
          number: e.number,
          title: e.title,
          theme,
          subtheme,
          tags: Object.freeze([...(e.tags ?? [])]),
          ...(e.url !== undefined ? { url: e.url } : {}),
          ...(e.description !== undefined ? { description: e.description } : {}),
        });
        into.push(p);
        if (into !== proposals) {
          proposals.push(p);
        }
        all.push(p);
      }
    };
    for (const s of g.subthemes ?? []) {
      const own: Proposal[] = [];
      const subtheme: SubTheme = { id: s.id, title: s.title, theme, proposals: own };
      addProposals(s.proposals, subtheme, own);
      Object.freeze(own);
      subthemes.push(Object.freeze(subtheme));
      groups.set(s.id, subtheme);
    }
    addProposals(g.proposals ?? [], undefined, proposals);
    Object.freeze(subthemes);
    Object.freeze(proposals);
    groups.set(g.id, theme);
    return Object.freeze(theme);
  });
  Object.freeze(themes);

  all.sort((a, b) => a.number - b.number);
  Object.freeze(all);
  const byNumber = new Map(all.map((p) => [p.number, p]));

  const context = file.context === undefined ? undefined : buildContext(file.context, groups);

  const search = proposalSearch(all, file.prefix);
  const range = Object.freeze({ min: all[0]?.number ?? 0, max: all[all.length - 1]?.number ?? 0 });

  return Object.freeze({
    id: file.id,
    prefix: file.prefix,
    title: file.title,
    themes,
    proposals: all,
    context,
    ...(file.description !== undefined ? { description: file.description } : {}),
    ...(file.source !== undefined ? { source: file.source } : {}),
    ...(file.prose !== undefined ? { prose: Object.freeze({ nouns: Object.freeze([...file.prose.nouns]), names: Object.freeze([...file.prose.names]) }) } : {}),
    ...(file.version !== undefined ? { version: file.version } : {}),
    range,
    byId(id: string): Proposal | undefined {
      const n = parseProposalId(id, file.prefix);
      return n === undefined ? undefined : byNumber.get(n);
    },
    byNumber(n: number): Proposal | undefined {
      return byNumber.get(n);
    },
    groupById(id: string): Theme | SubTheme | undefined {
      return groups.get(id);
    },
    search,
    related(p: Proposal): readonly Proposal[] {
      if (p.tags.length === 0) {
        return [];
      }
      return all.filter((other) => other.number !== p.number && other.tags.some((t) => p.tags.includes(t)));
    },
  });
}

function buildContext(entry: ContextEntry, groups: ReadonlyMap<string, Theme | SubTheme>): CatalogueContext {
  return Object.freeze({
    summary: entry.summary,
    place: entry.place,
    dates: Object.freeze(entry.dates.map((d): ContextDate => Object.freeze({ start: d.start, end: d.end, label: d.label }))),
    phases: Object.freeze([...entry.phases]),
    thematiques: Object.freeze(
      entry.thematiques.map((t): Thematique => {
        const theme = groups.get(t.theme);
        if (!theme || !isTheme(theme)) {
          // The loader checks this before building; reaching here means a caller skipped it.
          throw new Error(`Thématique "${t.label}" names the unknown theme "${t.theme}".`);
        }
        return Object.freeze({ label: t.label, theme });
      }),
    ),
    participativeSpaces: Object.freeze([...entry.participativeSpaces]),
    crisisContext: entry.crisisContext,
    challenges: Object.freeze([...entry.challenges]),
    territorial: entry.territorial,
    updated: entry.updated,
  });
}

function isTheme(group: Theme | SubTheme): group is Theme {
  return 'kind' in group;
}

interface Haystack {
  readonly proposal: Proposal;
  readonly title: string;
  readonly tags: string;
  readonly id: string;
}

/**
 * Makes the catalogue's `search`: the folded texts are computed once, since a filter box searches
 * on every keystroke.
 *
 * A query that is one id or one number (`12`, `EGN-12`, `egn 12`) finds that proposal only: a
 * person typing `1` means proposal 1, not every title containing a 1. Otherwise every word must be
 * found, after folding, in the title, the tags or the id; words that are numbers or ids must equal
 * the proposal's number. A blank query matches every proposal, so that a cleared filter shows all.
 */
function proposalSearch(proposals: readonly Proposal[], prefix: string): (query: string) => readonly SearchHit[] {
  const haystacks: Haystack[] = proposals.map((p) => ({
    proposal: p,
    title: foldText(p.title),
    tags: p.tags.map(foldText).join(' | '),
    id: foldText(p.id),
  }));
  const numberOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : parseProposalId(word, prefix));

  return (query: string): readonly SearchHit[] => {
    const trimmed = query.trim();
    const whole = /^\d+$/.test(trimmed) ? Number(trimmed) : parseProposalId(trimmed, prefix);
    if (whole !== undefined) {
      const matchedOn = /^\d+$/.test(trimmed) ? 'number' : 'id';
      return Object.freeze(proposals.filter((p) => p.number === whole).map((proposal) => Object.freeze({ proposal, matchedOn })));
    }
    const words = foldedWords(query);
    const hits: SearchHit[] = [];
    for (const h of haystacks) {
      const matchedOn = matchWords(h, words, numberOf);
      if (matchedOn) {
        hits.push(Object.freeze({ proposal: h.proposal, matchedOn }));
      }
    }
    return Object.freeze(hits);
  };
}

/**
 * Whether every word is found in the proposal, and on what. When words match on several fields,
 * the least visible reason wins (a tag, then the id or number) since the title is shown anyway.
 */
function matchWords(h: Haystack, words: readonly string[], numberOf: (word: string) => number | undefined): SearchHit['matchedOn'] | undefined {
  let matchedOn: SearchHit['matchedOn'] = 'title';
  const rank = { title: 0, number: 1, id: 2, tag: 3 } as const;
  const note = (on: SearchHit['matchedOn']): void => {
    if (rank[on] > rank[matchedOn]) {
      matchedOn = on;
    }
  };
  for (const word of words) {
    const n = numberOf(word);
    if (n !== undefined) {
      if (n !== h.proposal.number) {
        return undefined;
      }
      note(/^\d+$/.test(word) ? 'number' : 'id');
    } else if (h.title.includes(word)) {
      note('title');
    } else if (h.tags.includes(word)) {
      note('tag');
    } else if (h.id.includes(word)) {
      note('id');
    } else {
      return undefined;
    }
  }
  return matchedOn;
}
