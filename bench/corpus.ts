/**
 * The generated corpus of `npm run bench:index`: 10,000 French policy documents (~50 MB) in nested
 * folders, every one citing proposals in the forms writers use. Deterministic (fixed seed).
 */
import * as fs from 'fs';
import * as path from 'path';
import { prng } from '../test/support/prng';

/** Files in the corpus. */
export const FILES = 10_000;
const TARGET_BYTES = 5_000;
const EXTENSIONS = ['md', 'md', 'md', 'txt', 'tex', 'rst'];

/**
 * How often a sentence cites a proposal. `dense` (the default) cites in three sentences of four,
 * which makes `EGN-12` cited 12,390 times; `issue` matches the corpus of issue 8, where `EGN-12`
 * had 2,615 citations: here 2,606 (the same files, sentences and forms, a fifth of the references).
 */
export type CorpusDensity = 'dense' | 'issue';
const REFERENCE_RATE: Record<CorpusDensity, number> = { dense: 0.75, issue: 0.147 };

const SENTENCES = [
  'Le plan académique prévoit le déploiement des environnements numériques de travail dans tous les collèges du département',
  'Les enseignants bénéficieront d’une formation continue consacrée aux usages pédagogiques du numérique et à la citoyenneté numérique',
  'La collectivité s’engage à équiper progressivement les élèves en situation de handicap de matériels adaptés',
  'Le comité de pilotage réunit chaque trimestre les représentants de l’académie, des collectivités et des associations de parents',
  'L’évaluation des compétences numériques s’appuie sur la certification Pix dès la classe de troisième',
  'Une attention particulière est portée à la sobriété numérique et au réemploi des équipements',
  'Les données scolaires sont hébergées sur des infrastructures souveraines conformes au RGPD',
  'Le réseau Canopé accompagne les équipes pédagogiques dans la conception de ressources ouvertes',
  'La continuité pédagogique doit être garantie en cas de fermeture des établissements',
  'Les familles éloignées du numérique sont accompagnées par des médiateurs dans chaque bassin',
];

/** A reference in one of the forms writers use, sometimes a list or a range. */
function reference(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 40);
  const r = rand();
  if (r < 0.55) {
    return `EGN-${n}`;
  }
  if (r < 0.65) {
    return `EGN ${n}`;
  }
  if (r < 0.72) {
    return `EGN n° ${n}`;
  }
  if (r < 0.86) {
    return `EGN-${n}, ${1 + ((n + 3) % 40)} et ${1 + ((n + 7) % 40)}`;
  }
  return `EGN-${Math.min(n, 36)} à ${Math.min(n, 36) + 1 + Math.floor(rand() * 4)}`;
}

/**
 * Prose citations as documents write them (issue 18), with their traps: in three files of ten,
 * whose title names the EGN. Drawn from a random source of their own, so that the ids of the corpus
 * are the ones earlier figures were measured on.
 */
const proseRand = prng(18);
const PROSE_TITLES = [
  'Encourager l’utilisation de logiciels et de ressources éducatives libres',
  'Organiser une nouvelle gouvernance plus participative au niveau national et dans les territoires',
];
function proseClause(): string {
  const n = 1 + Math.floor(proseRand() * 40);
  const r = proseRand();
  if (r < 0.35) {
    return `comme le prévoit la proposition n° ${n}`;
  }
  if (r < 0.5) {
    return `au titre des propositions ${n}, ${1 + ((n + 3) % 40)} et ${1 + ((n + 7) % 40)}`;
  }
  if (r < 0.65) {
    return `dans l’esprit de la ${['première', 'deuxième', '12e', 'dixième'][n % 4]} proposition`;
  }
  if (r < 0.8) {
    return `pour « ${PROSE_TITLES[n % 2]} »`;
  }
  return ['malgré la proposition de loi n° 30', 'hors de l’objectif 7', 'sans la contre-proposition 4'][n % 3];
}

/** One document: a title, then paragraphs (one long line each in Markdown, wrapped elsewhere). */
function documentText(k: number, ext: string, rand: () => number, rate: number): string {
  const prose = proseRand() < 0.3;
  const title = `Fiche action ${k}${prose ? ' : suites des EGN' : ''}`;
  const lines: string[] = [ext === 'tex' ? `\\section{${title}}` : ext === 'rst' ? `${title}\n${'='.repeat(title.length)}` : `# ${title}`, ''];
  let size = 40;
  while (size < TARGET_BYTES) {
    const sentences: string[] = [];
    for (let s = 0, count = 3 + Math.floor(rand() * 4); s < count; s++) {
      let sentence = SENTENCES[Math.floor(rand() * SENTENCES.length)];
      if (rand() < rate) {
        sentence += ` (voir ${reference(rand)})`;
      }
      if (prose && proseRand() < 0.15) {
        sentence += `, ${proseClause()}`;
      }
      sentences.push(`${sentence}.`);
    }
    const paragraph = sentences.join(' ');
    const wrapped = ext === 'md' ? paragraph : paragraph.replace(/(.{70,90}?) /g, '$1\n');
    lines.push(wrapped, '');
    size += Buffer.byteLength(wrapped) + 2;
  }
  return lines.join('\n');
}

/** Writes the corpus under `root`: its files (absolute paths) and their total size. */
export function generateCorpus(root: string, density: CorpusDensity = 'dense'): { files: string[]; bytes: number } {
  const rand = prng(2020_11_04);
  const files: string[] = [];
  let bytes = 0;
  for (let k = 0; k < FILES; k++) {
    const ext = EXTENSIONS[k % EXTENSIONS.length];
    const dir = path.join(root, `academie-${k % 17}`, `service-${(k >> 4) % 9}`, `annee-${2021 + (k % 4)}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `fiche-${k}.${ext}`);
    const text = documentText(k, ext, rand, REFERENCE_RATE[density]);
    fs.writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

