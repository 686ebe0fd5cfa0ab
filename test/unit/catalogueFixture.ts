import type { Catalogue, Proposal, SubTheme, Theme } from '../../src/core/catalogue';

interface GroupSpec {
  readonly id: string;
  readonly kind: 'theme' | 'common';
  readonly title: string;
  /** Sub-themes and the proposals (number, title) of each; `undefined` id for a group without sub-themes. */
  readonly subthemes: readonly { readonly id: string | undefined; readonly title: string; readonly proposals: readonly (readonly [number, string])[] }[];
}

/**
 * A small catalogue built by hand, independent of the YAML loader, so that coverage can be tested
 * on groups and numbers chosen for the test (a gap in the numbering, a group without sub-themes).
 */
export function fixtureCatalogue(groups: readonly GroupSpec[], prefix = 'EGN'): Catalogue {
  const themes: Theme[] = [];
  const all: Proposal[] = [];
  for (const g of groups) {
    const subthemes: SubTheme[] = [];
    const proposals: Proposal[] = [];
    const theme: Theme = { id: g.id, kind: g.kind, title: g.title, icon: 'circle', subthemes, proposals };
    for (const s of g.subthemes) {
      const own: Proposal[] = [];
      const sub: SubTheme | undefined = s.id === undefined ? undefined : { id: s.id, title: s.title, theme, proposals: own };
      if (sub) {
        subthemes.push(sub);
      }
      for (const [number, title] of s.proposals) {
        const p: Proposal = { id: `${prefix}-${number}`, number, title, theme, subtheme: sub, tags: [] };
        own.push(p);
        proposals.push(p);
        all.push(p);
      }
    }
    themes.push(theme);
  }
  all.sort((a, b) => a.number - b.number);
  return {
    id: 'fixture',
    prefix,
    title: 'Catalogue de test',
    themes,
    proposals: all,
    context: {
      summary: '',
      place: '',
      dates: [],
      phases: [],
      thematiques: [],
      participativeSpaces: [],
      crisisContext: '',
      challenges: [],
      territorial: '',
      updated: '',
    },
    byId: (id) => all.find((p) => p.id.toLowerCase() === id.toLowerCase()),
    byNumber: (n) => all.find((p) => p.number === n),
    groupById: (id) => themes.find((t) => t.id === id) ?? themes.flatMap((t) => t.subthemes).find((s) => s.id === id),
    search: () => [],
    related: () => [],
    range: { min: all[0]?.number ?? 0, max: all[all.length - 1]?.number ?? 0 },
  };
}

/** Three groups, eight proposals, numbered 1 to 9 without 8. */
export function smallCatalogue(): Catalogue {
  return fixtureCatalogue([
    {
      id: 'gouvernance',
      kind: 'theme',
      title: 'Gouvernance',
      subthemes: [
        { id: 'pilotage', title: 'Pilotage', proposals: [[1, 'Organiser une gouvernance'], [2, 'Créer une concertation']] },
        { id: 'anticipation', title: 'Anticipation', proposals: [[3, 'Anticiper | prévoir']] },
      ],
    },
    {
      id: 'acces',
      kind: 'theme',
      title: 'Égal accès',
      subthemes: [{ id: undefined, title: '', proposals: [[4, 'Équiper les élèves'], [5, 'Former, "vraiment", les parents']] }],
    },
    {
      id: 'communes',
      kind: 'common',
      title: 'Propositions communes',
      subthemes: [{ id: undefined, title: '', proposals: [[6, '=Formule officielle'], [7, 'Soutenir la recherche'], [9, 'Évaluer']] }],
    },
  ]);
}
