import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CatalogueWithContext, hasContext } from '../../src/core/catalogue';
import { formatCatalogueError, loadCatalogue } from '../../src/core/catalogueLoader';

/** Tests compile to out/test/unit/, three levels below the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
/** The source page, where the workspace has it beside the repository (it is not part of a clone). */
/**
 * A copy of the official page the catalogue was transcribed from (the project's seed), kept with the tests so
 * that the letter-for-letter checks always run, in a fresh clone as in CI.
 */
const seedPath = path.join(repoRoot, 'test/fixtures/seed/egn-2020-official-page.txt');

/**
 * The 40 titles, copied from the first listing of the source page: typographic apostrophes (’),
 * straight double quotes in 19, 25 and 37, and 37 without the title of 38 that the page's second
 * listing glues onto it.
 */
const EXPECTED_TITLES: readonly (readonly [number, string])[] = [
  [1, 'Organiser une nouvelle gouvernance plus participative au niveau national et dans les territoires'],
  [2, 'Créer une concertation ouverte pour prolonger la dynamique des EGN'],
  [3, 'Démontrer / tester le déploiement du numérique dans les territoires'],
  [4, 'Mettre en place un plan de continuité d’activité administrative et pédagogique'],
  [5, 'Renforcer l’attractivité pour tous et la féminisation des filières et des métiers du numérique à travers une campagne de sensibilisation nationale'],
  [6, 'Renforcer la formation initiale et continue'],
  [7, 'Certifier les compétences numériques des professeurs avec PIX'],
  [8, 'Diversifier les modes de formation au et par le numérique et conforter la place de Réseau Canopé'],
  [9, 'Créer un compte ressources et services numériques pour chaque enseignant'],
  [10, 'Favoriser les projets associant chercheurs et enseignants pour une conception collaborative d’outils adaptés aux besoins de la communauté éducative et une analyse de leurs usages'],
  [11, 'Développer des dispositifs et des services de télérenseignement et de soutien à distance gratuit pour les élèves et conforter la place du CNED'],
  [12, 'Développer la citoyenneté numérique et renforcer l’éducation aux médias et à l’information en s’appuyant sur le CLEMI'],
  [13, 'Certifier les compétences numériques des élèves avec PIX'],
  [14, 'Concevoir un espace numérique personnel pour l’éducation et l’orientation (portfolio des compétences des élèves) en s’appuyant sur l’ONISEP'],
  [15, 'Mettre en place un dispositif pour détecter et prévenir la fracture numérique et l’illectronisme'],
  [16, 'Fournir une aide ciblée à l’équipement numérique des élèves'],
  [17, 'Fournir une aide à l’équipement de tous professeurs'],
  [18, 'Garantir un socle numérique minimal pour les écoles et les établissements'],
  [19, 'Mettre en place le "Pass’ connexion éducation" pour tous'],
  [20, 'Développer des outils numériques spécifiques et des tiers-lieux ouverts pour les lycées Professionnels'],
  [21, 'Accompagner et former les familles à la culture numérique en valorisant le PIX pour tous'],
  [22, 'Mettre en oeuvre le référentiel d’accessibilité spécifique pour les ressources numériques éducatives'],
  [23, 'Généraliser un environnement numérique de travail pour tous les personnels avec des outils de travail collaboratifs'],
  [24, 'Encourager la mutualisation au niveau national de services numériques développés en territoire'],
  [25, 'Créer des dispositifs d’accompagnement des cadres pour organiser le "travailler ensemble"'],
  [26, 'Créer des dispositifs d’accompagnement pour l’animation des communautés éducatives et des collectifs de personnels'],
  [27, 'Mettre en place des démarches et des outils participatifs au sein des écoles et établissements'],
  [28, 'Renforcer et mieux reconnaître les acteurs du numérique dans les territoires'],
  [29, 'Faciliter et encourager l’utilisation de matériels recyclés'],
  [30, 'Former aux bons usages et à la sobriété numérique et promouvoir et former à la bonne utilisation des outils conformes aux RGPD'],
  [31, 'Renforcer le cadre de confiance autour du Code de conduite pour les entreprises de la filière'],
  [32, 'Aider les laboratoires de recherche et assurer le transfert des innovations'],
  [33, 'Lancer des challenges de l’innovation'],
  [34, 'Créer des accélérateurs de la diffusion de solutions innovantes'],
  [35, 'Définir un cadre général d’interopérabilité'],
  [36, 'Intégrer le programme européen GAIA-X, cloud souverain pour l’hébergement des données scolaires'],
  [37, 'Créer "l’Education Data Hub", la plateforme de données d’éducation'],
  [38, 'Encourager l’utilisation de logiciels et de ressources éducatives libres'],
  [39, 'Mettre en place des tiers lieux ouverts'],
  [40, 'Promouvoir l’offre numérique française et appuyer son développement à l’international'],
];

const EXPECTED_GROUPS = [
  { id: 'gouvernance-anticipation', kind: 'theme', title: "Mettre en place de nouvelles formes de gouvernance et de nouveaux outils d'anticipation" },
  { id: 'enseigner-apprendre', kind: 'theme', title: 'Enseigner et apprendre le numérique et avec le numérique' },
  { id: 'egal-acces', kind: 'theme', title: 'Garantir un égal accès au numérique pour tous / lutter contre la fracture numérique' },
  { id: 'travailler-ensemble', kind: 'theme', title: 'Travailler ensemble autrement et promouvoir une culture numérique professionnelle commune' },
  { id: 'numerique-responsable', kind: 'theme', title: "Favoriser le développement d'un numérique responsable et souverain" },
  { id: 'propositions-communes', kind: 'common', title: 'Propositions communes à plusieurs thématiques' },
] as const;

/** Per group: its sub-themes (title → proposal numbers), or `null` and its proposals where the page has no sub-themes. */
const EXPECTED_STRUCTURE: Readonly<Record<string, readonly (readonly [string, readonly number[]])[] | readonly number[]>> = {
  'gouvernance-anticipation': [['Gouvernance', [1, 2, 3]], ['Anticipation', [4, 5]]],
  'enseigner-apprendre': [['Enseigner', [6, 7, 8, 9, 10]], ['Apprendre', [11, 12, 13, 14]]],
  'egal-acces': [15, 16, 17, 18, 19, 20, 21, 22],
  'travailler-ensemble': [23, 24, 25, 26, 27, 28],
  'numerique-responsable': [
    ['Responsabilité', [29, 30]],
    ['Sécurité', [31]],
    ['Innovation', [32, 33, 34]],
    ['Interopérabilité', [35, 36, 37]],
    ['Socle', [38]],
  ],
  'propositions-communes': [39, 40],
};

const EXPECTED_TAGS: Readonly<Record<number, readonly string[]>> = {
  7: ['PIX'],
  8: ['Réseau Canopé'],
  11: ['CNED'],
  12: ['CLEMI'],
  13: ['PIX'],
  14: ['ONISEP'],
  21: ['PIX'],
  30: ['RGPD'],
  36: ['GAIA-X'],
  37: ['Education Data Hub'],
};

function loadReal(): CatalogueWithContext {
  const yaml = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object;
  const result = loadCatalogue(yaml, schema);
  if (!result.ok) {
    assert.fail(`data/egn-2020.yaml does not load:\n${result.errors.map(formatCatalogueError).join('\n')}`);
  }
  assert.ok(hasContext(result.catalogue), 'the EGN catalogue has its context');
  return result.catalogue;
}

/** The page's first listing: group titles, sub-theme titles and numbered titles, in order. */
function firstListing(seed: string): { groups: string[]; subthemes: string[]; proposals: Map<number, string> } {
  const lines = seed.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Consultez les fiches'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('- '));
  const proposals = new Map<number, string>();
  const headings: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const m = /^(\d+) - (.*)$/.exec(line);
    if (m) {
      proposals.set(Number(m[1]), m[2]);
    } else if (line.trim() !== '') {
      headings.push(line);
    }
  }
  const groupTitles = EXPECTED_GROUPS.map((g) => g.title as string);
  return { groups: headings.filter((h) => groupTitles.includes(h)), subthemes: headings.filter((h) => !groupTitles.includes(h)), proposals };
}

describe('The EGN 2020 catalogue (data/egn-2020.yaml)', () => {
  let catalogue: CatalogueWithContext;
  before(() => {
    catalogue = loadReal();
  });

  it('loads with the real schema and names its source page', () => {
    assert.strictEqual(catalogue.id, 'egn-2020');
    assert.strictEqual(catalogue.prefix, 'EGN');
    assert.strictEqual(catalogue.title, 'Les états généraux du numérique pour l’éducation');
  });

  it('has 40 proposals numbered 1 to 40, unique and contiguous, with ids EGN-1 to EGN-40', () => {
    assert.deepStrictEqual(catalogue.proposals.map((p) => p.number), Array.from({ length: 40 }, (_, i) => i + 1));
    assert.deepStrictEqual(catalogue.proposals.map((p) => p.id), Array.from({ length: 40 }, (_, i) => `EGN-${i + 1}`));
    assert.deepStrictEqual(catalogue.range, { min: 1, max: 40 });
  });

  it('puts every proposal in exactly one group, and in its sub-theme when the group has them', () => {
    const seen = new Map<number, string>();
    for (const theme of catalogue.themes) {
      for (const p of theme.proposals) {
        assert.ok(!seen.has(p.number), `EGN-${p.number} is in ${seen.get(p.number)} and ${theme.id}`);
        seen.set(p.number, theme.id);
        assert.strictEqual(p.theme, theme, `EGN-${p.number} points to the wrong theme`);
      }
      const viaSubthemes = theme.subthemes.flatMap((s) => s.proposals);
      if (theme.subthemes.length > 0) {
        assert.deepStrictEqual(viaSubthemes, theme.proposals, `${theme.id}: its proposals are not those of its sub-themes`);
      }
      for (const s of theme.subthemes) {
        assert.strictEqual(s.theme, theme);
        for (const p of s.proposals) {
          assert.strictEqual(p.subtheme, s);
        }
      }
    }
    assert.strictEqual(seen.size, 40);
  });

  it('has the six groups of the page, in order, with their exact titles and kinds', () => {
    assert.deepStrictEqual(
      catalogue.themes.map((t) => ({ id: t.id, kind: t.kind, title: t.title })),
      EXPECTED_GROUPS.map((g) => ({ ...g })),
    );
    for (const t of catalogue.themes) {
      assert.match(t.icon, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${t.id}: icon`);
    }
  });

  it('has sub-themes exactly where the page has them, holding the page\'s proposals', () => {
    for (const theme of catalogue.themes) {
      const expected = EXPECTED_STRUCTURE[theme.id];
      if (typeof expected[0] === 'number') {
        assert.deepStrictEqual(theme.subthemes, [], `${theme.id} should have no sub-themes`);
        assert.deepStrictEqual(theme.proposals.map((p) => p.number), expected);
        for (const p of theme.proposals) {
          assert.strictEqual(p.subtheme, undefined);
        }
      } else {
        assert.deepStrictEqual(
          theme.subthemes.map((s) => [s.title, s.proposals.map((p) => p.number)]),
          expected,
          `${theme.id}: sub-themes`,
        );
      }
    }
  });

  it('writes every title letter for letter as the page\'s first listing', () => {
    assert.strictEqual(EXPECTED_TITLES.length, 40);
    for (const [n, title] of EXPECTED_TITLES) {
      assert.strictEqual(catalogue.byNumber(n)?.title, title, `EGN-${n}`);
    }
  });

  it('keeps the page\'s typography: straight quotes in 19, 25 and 37, no « », and no copy error in 37', () => {
    for (const n of [19, 25, 37]) {
      assert.strictEqual(catalogue.byNumber(n)?.title.split('"').length, 3, `EGN-${n} has two straight double quotes`);
    }
    const all = catalogue.proposals.map((p) => p.title).join('\n');
    assert.ok(!/[«»“”]/.test(all), 'no typographic double quotes in titles');
    assert.ok(!all.includes("'"), 'proposal titles use the typographic apostrophe only');
    assert.strictEqual(catalogue.byNumber(37)?.title.includes('Encourager'), false);
  });

  it('matches the official page itself, title for title, theme for theme, sub-theme for sub-theme', () => {
    const listing = firstListing(fs.readFileSync(seedPath, 'utf8'));
    assert.strictEqual(listing.proposals.size, 40);
    for (const p of catalogue.proposals) {
      assert.strictEqual(p.title, listing.proposals.get(p.number), `EGN-${p.number}`);
    }
    assert.deepStrictEqual(catalogue.themes.map((t) => t.title), listing.groups);
    assert.deepStrictEqual(catalogue.themes.flatMap((t) => t.subthemes.map((s) => s.title)), listing.subthemes);
  });

  it('tags exactly the proposals whose titles name a programme or body, with names the titles use', () => {
    const tagged = Object.fromEntries(catalogue.proposals.filter((p) => p.tags.length > 0).map((p) => [p.number, [...p.tags]]));
    assert.deepStrictEqual(tagged, EXPECTED_TAGS);
    for (const p of catalogue.proposals) {
      for (const tag of p.tags) {
        assert.ok(p.title.includes(tag), `EGN-${p.number}: tag ${tag} is not in its title`);
      }
    }
  });

  it('relates proposals that share a tag, and no others', () => {
    const related = (n: number): number[] => catalogue.related(catalogue.byNumber(n)!).map((p) => p.number);
    assert.deepStrictEqual(related(7), [13, 21]);
    assert.deepStrictEqual(related(13), [7, 21]);
    assert.deepStrictEqual(related(12), []);
    assert.deepStrictEqual(related(1), []);
  });

  it('looks proposals up by id in the forms people write, and by number', () => {
    for (const id of ['EGN-12', 'egn-12', 'EGN 12', 'EGN12', ' Egn-12 ', 'EGN–12']) {
      assert.strictEqual(catalogue.byId(id)?.number, 12, id);
    }
    for (const id of ['EGN-0', 'EGN-41', 'ABC-12', '12', 'EGN-', 'EGN-12a', 'EGN--12']) {
      assert.strictEqual(catalogue.byId(id), undefined, id);
    }
    assert.strictEqual(catalogue.byNumber(40)?.id, 'EGN-40');
    assert.strictEqual(catalogue.byNumber(41), undefined);
  });

  it('finds themes and sub-themes by id', () => {
    assert.strictEqual(catalogue.groupById('egal-acces')?.title, 'Garantir un égal accès au numérique pour tous / lutter contre la fracture numérique');
    const socle = catalogue.groupById('socle');
    assert.ok(socle && 'theme' in socle);
    assert.strictEqual(socle.theme.id, 'numerique-responsable');
    assert.strictEqual(catalogue.groupById('nope'), undefined);
  });

  it('gives the context the page gives, in its words', () => {
    const c = catalogue.context;
    assert.strictEqual(c.place, 'Poitiers');
    assert.strictEqual(c.updated, 'mars 2024');
    assert.deepStrictEqual(c.dates.map((d) => [d.start, d.end]), [
      ['2020-06', undefined],
      ['2020-09-14', '2020-10-16'],
      ['2020-11-03', undefined],
      ['2020-11-04', '2020-11-05'],
    ]);
    assert.strictEqual(c.phases.length, 4);
    assert.strictEqual(c.participativeSpaces.length, 5);
    assert.deepStrictEqual(c.challenges, [
      'Continuité pédagogique, continuité éducative et administrative',
      'Nouvelles modalités de travail, à distance puis hybrides (présence et distance)',
      'Désynchronisation des temps d’apprentissage et porosité des lieux d’apprentissage',
    ]);
    assert.deepStrictEqual(c.thematiques.map((t) => [t.label, t.theme.id]), [
      ['enseigner et apprendre avec le numérique', 'enseigner-apprendre'],
      ['un égal accès au numérique pour tous', 'egal-acces'],
      ['travailler ensemble autrement / culture numérique professionnelle commune', 'travailler-ensemble'],
      ['un numérique responsable et souverain', 'numerique-responsable'],
      ['gouvernance et anticipation', 'gouvernance-anticipation'],
    ]);
    for (const t of c.thematiques) {
      assert.strictEqual(catalogue.groupById(t.theme.id), t.theme, 'a thématique points to the catalogue\'s own theme object');
    }
  });

  it('says nothing of the context that the official page does not say', () => {
    const seed = fs.readFileSync(seedPath, 'utf8');
    const c = catalogue.context;
    const texts = [c.summary, c.place, c.crisisContext, c.territorial, c.updated, ...c.phases, ...c.participativeSpaces, ...c.challenges, ...c.dates.map((d) => d.label), ...c.thematiques.map((t) => t.label)];
    for (const text of texts) {
      assert.ok(seed.includes(text), `not on the page: ${text}`);
    }
    assert.ok(seed.startsWith(`[ARCHIVE] ${catalogue.title}\n`));
  });

  it('is read-only: the model and everything in it are frozen', () => {
    const p = catalogue.byNumber(12)!;
    for (const [name, o] of Object.entries({ catalogue, proposals: catalogue.proposals, proposal: p, tags: p.tags, theme: p.theme, subtheme: p.subtheme, themes: catalogue.themes, context: catalogue.context, dates: catalogue.context.dates, range: catalogue.range })) {
      assert.ok(Object.isFrozen(o), `${name} is not frozen`);
    }
    assert.throws(() => {
      (p as { title: string }).title = 'changed';
    }, TypeError);
    assert.strictEqual(catalogue.byNumber(12)?.title, p.title);
  });
});
