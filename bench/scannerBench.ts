/**
 * `npm run bench`: the reference scanner on a generated French policy corpus.
 *
 * Prints the scanner's throughput on ~50 MB (median of several runs) and the time of a hover-style
 * lookup: take one line of a 10,000-line document, `referenceAt` on it, as a hover provider does.
 * The corpus is generated from a fixed seed, so every run scans the same text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../src/core/catalogueLoader';
import { BUNDLED_SOURCE, CatalogueSet } from '../src/core/catalogueSet';
import { PROSE_DEFAULTS, PROSE_OFF, scanDocumentText } from '../src/core/documentText';
import type { Reference } from '../src/core/reference';
import { ReferenceScanner } from '../src/core/referenceScanner';
import { prng } from '../test/support/prng';

const CORPUS_BYTES = 50_000_000;
const SCAN_RUNS = 7;
const HOVER_LINES = 10_000;
const HOVER_LOOKUPS = 200_000;
/** One MB is 10^6 bytes of UTF-8, the size the text has on disk. */
const MB = 1_000_000;

const SUBJECTS = [
  'Le plan académique', 'La collectivité territoriale', 'Le comité de pilotage', 'Chaque établissement',
  'La délégation régionale au numérique éducatif', 'Le rectorat', 'L’équipe pédagogique', 'Le conseil départemental',
  'La direction du numérique pour l’éducation', 'Le réseau Canopé', 'Le projet d’école',
];
const VERBS = [
  'prévoit', 'met en œuvre', 's’appuie sur', 'reprend', 'décline', 'finance', 'évalue', 'accompagne', 'renforce',
  'soutient',
];
const OBJECTS = [
  'la formation continue des enseignants aux usages pédagogiques du numérique',
  'l’équipement progressif des élèves en situation de handicap',
  'la certification des compétences numériques par Pix dès la classe de troisième',
  'le déploiement des environnements numériques de travail dans tous les collèges',
  'une éducation à la citoyenneté numérique et à l’esprit critique face à l’information',
  'la mutualisation des ressources pédagogiques libres entre académies',
  'la continuité pédagogique en cas de fermeture des établissements',
  'la protection des données personnelles des élèves et des personnels',
  'l’accès de toutes les familles à une connexion et à un terminal',
  'la recherche en éducation sur les effets du numérique',
];
const CLOSINGS = [
  'conformément à', 'dans le prolongement de', 'comme le recommande', 'au titre de', 'en application de',
  'selon', 'en cohérence avec',
];
/** Text that looks like a reference and is not one, or is one to a proposal that does not exist. */
const NEAR_MISSES = [
  'XEGN-12', 'EGN-12abc', 'l’EGN', 'les EGN de 2020', 'EGN n° n° 4', 'EGN-', 'auto-évaluation', 'e-éducation',
  'EGN 2020', 'EGN-41', 'EGN-0', 'SEGNALE', 'EGN--3', 'EGN  5',
];

/**
 * Prose citations as documents write them (issue 18), and their traps; drawn from a random source of
 * their own, so that the id corpus stays the one earlier figures were measured on, plus these.
 */
const ORDINALS = ['première', 'deuxième', 'troisième', 'dixième', '12e', '2ème', 'vingt et unième'];
const TITLES = [
  'Encourager l’utilisation de logiciels et de ressources éducatives libres',
  'Organiser une nouvelle gouvernance plus participative au niveau national et dans les territoires',
  'Créer une concertation ouverte pour prolonger la dynamique des EGN',
];
function proseClause(random: () => number, n: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const r = random();
  if (r < 0.3) {
    return pick([`comme le prévoit la proposition n° ${n()} des EGN`, `selon la proposition ${n()} des États généraux du numérique`, `au titre de la proposition n°\u00a0${n()}`]);
  }
  if (r < 0.45) {
    return `au titre des propositions ${n()}, ${n()} et ${n()}`;
  }
  if (r < 0.6) {
    return `dans l’esprit de la ${pick(ORDINALS)} proposition`;
  }
  if (r < 0.75) {
    return `pour « ${pick(TITLES)} »`;
  }
  return pick([`malgré la proposition de loi n° ${n()}`, `hors de l’objectif ${n()}`, `sans la contre-proposition ${n()}`, `après la proposition du maire`]);
}

function corpusGenerator(seed: number): () => string {
  const random = prng(seed);
  const proseRandom = prng(seed ^ 0x7072);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const n = (): number => 1 + Math.floor(random() * 40);
  const nbsp = (): string => pick([' ', '\u00a0', '\u202f']);

  function reference(): string {
    const r = random();
    if (r < 0.45) {
      return `EGN-${n()}`;
    }
    if (r < 0.55) {
      return pick([`egn-${n()}`, `EGN ${n()}`, `EGN n°${n()}`, `EGN n°${nbsp()}${n()}`, `EGN${nbsp()}${n()}`]);
    }
    if (r < 0.7) {
      return pick([`EGN-${n()}, ${n()} et ${n()}`, `EGN-${n()} ou ${n()}`, `EGN n° ${n()}, ${n()}, ${n()}`]);
    }
    if (r < 0.8) {
      const a = n();
      const b = Math.min(40, a + 1 + Math.floor(random() * 4));
      return pick([`EGN-${a} à ${b}`, `EGN-${a}\u2013${b}`, `EGN-${a}${nbsp()}à${nbsp()}${b}`]);
    }
    if (r < 0.9) {
      const id = `EGN-${n()}`;
      return pick([`**${id}**`, `[${id}](https://www.education.gouv.fr/egn)`, `\`${id}\``, `\\ref{${id}}`, `(${id})`]);
    }
    return pick(NEAR_MISSES);
  }

  function sentence(): string {
    const base = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`;
    const withProse = proseRandom() < 0.08 ? `${base}, ${proseClause(proseRandom, () => 1 + Math.floor(proseRandom() * 40))}` : base;
    return random() < 0.6 ? `${withProse}, ${pick(CLOSINGS)} ${reference()}.` : `${withProse}.`;
  }

  return () => {
    const r = random();
    if (r < 0.08) {
      return `## ${pick(OBJECTS)} (${reference()})`;
    }
    if (r < 0.25) {
      return '';
    }
    if (r < 0.45) {
      return `- ${sentence()}`;
    }
    const count = 1 + Math.floor(random() * 5);
    return Array.from({ length: count }, sentence).join(' ');
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const scanner = new ReferenceScanner('EGN', (n) => n >= 1 && n <= 40);

function benchScan(): void {
  const t0 = nowMs();
  const nextLine = corpusGenerator(0x45474e);
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < CORPUS_BYTES) {
    const line = nextLine();
    lines.push(line);
    bytes += Buffer.byteLength(line, 'utf8') + 1;
  }
  const corpus = lines.join('\n');
  const totalBytes = Buffer.byteLength(corpus, 'utf8');
  console.log(`corpus: ${fmt(totalBytes / MB)} MB of French policy text (${fmt(corpus.length / 1e6)} M UTF-16 units, ` +
    `${lines.length.toLocaleString('en-US')} lines), generated in ${fmt((nowMs() - t0) / 1000)} s from a fixed seed`);

  let refs: Reference[] = scanner.scan(corpus); // warm-up, and flattens the joined string
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < SCAN_RUNS; run++) {
    const cpu = process.cpuUsage();
    const start = nowMs();
    refs = scanner.scan(corpus);
    times.push(nowMs() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const ms = median(times);
  const best = Math.min(...times);
  const continuations = refs.filter((r) => r.form === 'continuation').length;
  const missing = refs.filter((r) => !r.exists).length;
  console.log(`scanner: ${fmt(totalBytes / MB)} MB in ${fmt(ms, 0)} ms → ${fmt(totalBytes / MB / (ms / 1000), 0)} MB/s ` +
    `(median of ${SCAN_RUNS} runs: ${times.map((t) => fmt(t, 0)).join(', ')} ms; best ${fmt(totalBytes / MB / (best / 1000), 0)} MB/s)`);
  // On a shared machine the wall clock includes time spent waiting for a core; CPU time does not.
  console.log(`         CPU time per run: median ${fmt(median(cpuTimes), 0)} ms ` +
    `(wall ≫ CPU means the machine was busy, and the MB/s above understate the scanner)`);
  console.log(`         ${refs.length.toLocaleString('en-US')} references found, ${continuations.toLocaleString('en-US')} ` +
    `continuations, ${missing.toLocaleString('en-US')} to proposals that do not exist`);
  benchProse(corpus, totalBytes);
}

/**
 * The whole-document scan of the same corpus as one Markdown text (`scanDocumentText`: every
 * catalogue's ids, then the prose grammar), prose off and on, in the same run.
 */
function benchProse(corpus: string, totalBytes: number): void {
  const root = path.resolve(__dirname, '../..');
  const loaded = loadCatalogue(fs.readFileSync(path.join(root, 'data/egn-2020.yaml'), 'utf8'), JSON.parse(fs.readFileSync(path.join(root, 'data/catalogue.schema.json'), 'utf8')) as object);
  if (!loaded.ok) {
    throw new Error('bench: data/egn-2020.yaml does not load');
  }
  const set = CatalogueSet.of([{ catalogue: loaded.catalogue, source: BUNDLED_SOURCE }]);
  const layout = { kind: 'markdown' } as const;
  const measure = (prose: typeof PROSE_OFF): { ms: number; cpu: number; found: ReturnType<typeof scanDocumentText> } => {
    let found = scanDocumentText(corpus, layout, set, prose);
    const times: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < 5; run++) {
      const cpu = process.cpuUsage();
      const start = nowMs();
      found = scanDocumentText(corpus, layout, set, prose);
      times.push(nowMs() - start);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
    }
    return { ms: median(times), cpu: median(cpus), found };
  };
  const off = measure(PROSE_OFF);
  const on = measure(PROSE_DEFAULTS);
  const prose = on.found.filter((r) => r.form === 'prose').length;
  const titles = on.found.filter((r) => r.form === 'title').length;
  console.log(`document scan, prose off: ${fmt(totalBytes / MB / (off.ms / 1000), 0)} MB/s (${fmt(off.ms, 0)} ms, median of 5); ` +
    `prose on: ${fmt(totalBytes / MB / (on.ms / 1000), 0)} MB/s (${fmt(on.ms, 0)} ms) → ${fmt(on.ms / off.ms, 2)}× the time`);
  // CPU time, for a busy machine: MB per CPU second is what the scan costs whatever else runs.
  console.log(`         by CPU time: prose off ${fmt(totalBytes / MB / (off.cpu / 1000), 0)} MB/s, prose on ${fmt(totalBytes / MB / (on.cpu / 1000), 0)} MB/s ` +
    `(${fmt(off.cpu, 0)} and ${fmt(on.cpu, 0)} ms of CPU; the collector's threads count too)`);
  console.log(`         prose on: ${prose.toLocaleString('en-US')} prose and ${titles.toLocaleString('en-US')} title citations beside ` +
    `${off.found.length.toLocaleString('en-US')} ids`);
}

function benchHover(): void {
  const nextLine = corpusGenerator(2020);
  const lines = Array.from({ length: HOVER_LINES }, nextLine);
  const document = lines.join('\n');
  const lineStarts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; i++) {
    lineStarts.push(offset);
    offset += lines[i].length + 1;
  }
  const random = prng(7);
  const lookup = (line: number, character: number): Reference | undefined => {
    // What a hover provider does: get the line's text from the document, then look up the cursor in it.
    const text = document.slice(lineStarts[line], lineStarts[line] + lines[line].length);
    return scanner.referenceAt(text, character);
  };

  const warmup = (): void => {
    for (let i = 0; i < 20_000; i++) {
      const line = Math.floor(random() * lines.length);
      lookup(line, Math.floor(random() * (lines[line].length + 1)));
    }
  };
  warmup();
  const times = new Float64Array(HOVER_LOOKUPS);
  let hits = 0;
  for (let i = 0; i < HOVER_LOOKUPS; i++) {
    const line = Math.floor(random() * lines.length);
    const character = Math.floor(random() * (lines[line].length + 1));
    const start = process.hrtime.bigint();
    const found = lookup(line, character);
    times[i] = Number(process.hrtime.bigint() - start) / 1000;
    hits += found ? 1 : 0;
  }
  // The clock itself costs something; say how much, so the numbers can be read for what they are.
  const clock = new Float64Array(10_000);
  for (let i = 0; i < clock.length; i++) {
    const start = process.hrtime.bigint();
    clock[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  times.sort();
  clock.sort();
  const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
  const longestIndex = lines.indexOf(longest);
  const longTimes: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = process.hrtime.bigint();
    lookup(longestIndex, Math.floor(random() * (longest.length + 1)));
    longTimes.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  console.log(`hover: median ${fmt(percentile(times, 0.5), 2)} µs, p99 ${fmt(percentile(times, 0.99), 2)} µs, ` +
    `max ${fmt(times[times.length - 1], 0)} µs per lookup (${HOVER_LOOKUPS.toLocaleString('en-US')} random positions ` +
    `in a ${HOVER_LINES.toLocaleString('en-US')}-line document, ${hits.toLocaleString('en-US')} on a reference; ` +
    `clock overhead ${fmt(percentile(clock, 0.5), 2)} µs)`);
  // Random positions mostly fall between references; time the hovers that do land on one too.
  const onReference: number[] = [];
  for (let line = 0; line < lines.length; line++) {
    for (const ref of scanner.scan(lines[line])) {
      onReference.push(line, ref.start + Math.floor(random() * (ref.end - ref.start + 1)));
    }
  }
  const hitTimes: number[] = [];
  for (let i = 0; i + 1 < onReference.length; i += 2) {
    const start = process.hrtime.bigint();
    const found = lookup(onReference[i], onReference[i + 1]);
    hitTimes.push(Number(process.hrtime.bigint() - start) / 1000);
    if (!found) {
      throw new Error(`bench: no reference at line ${onReference[i]}, character ${onReference[i + 1]}`);
    }
  }
  console.log(`       on a reference: median ${fmt(median(hitTimes), 2)} µs over ${hitTimes.length.toLocaleString('en-US')} ` +
    `lookups; on the longest line (${longest.length.toLocaleString('en-US')} chars): median ${fmt(median(longTimes), 2)} µs`);
}

console.log(`node ${process.version}, ${process.arch}`);
benchScan();
benchHover();
