/**
 * `npm run bench:catalogues`: 20 workspace catalogues of 1,000 proposals each beside the bundled
 * EGN catalogue. Prints the time to load one such file, the throughput of the multi-catalogue scanner
 * on ~50 MB of generated French text citing all 21 prefixes (median of several runs), the single EGN
 * scanner on the same text, ripgrep finding the same prefixes in the same text (as a ratio), and a
 * hover-style lookup (`referenceAt` on one line of a 10,000-line document).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCatalogue } from '../src/core/catalogueLoader';
import { CatalogueFileLoad, CatalogueSet } from '../src/core/catalogueSet';
import { ReferenceScanner } from '../src/core/referenceScanner';
import { generatedCatalogueYaml } from '../test/support/generatedCatalogue';
import { prng } from '../test/support/prng';

const CATALOGUES = 20;
const PROPOSALS = 1000;
const CORPUS_BYTES = 50_000_000;
const SCAN_RUNS = 7;
const HOVER_LINES = 10_000;
const HOVER_LOOKUPS = 100_000;
const MB = 1_000_000;
/** Plausible prefixes of national strategies, académie roadmaps and frameworks (fictional catalogues). */
const PREFIXES = ['FRA', 'PNE', 'SNUM', 'CRCN', 'DANE', 'ACAD', 'ENT', 'PIXR', 'CNED', 'TNE', 'DRANE', 'PLAN', 'AXE', 'MES', 'ACT', 'ORI', 'STR', 'FDR', 'CAP', 'RGPD'];

const repoRoot = path.resolve(__dirname, '../..');

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function buildSet(): CatalogueSet {
  const bundled = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
  if (!bundled.ok) {
    throw new Error('bench: data/egn-2020.yaml does not load');
  }
  const files: CatalogueFileLoad[] = [];
  const loadTimes: number[] = [];
  for (const prefix of PREFIXES.slice(0, CATALOGUES)) {
    const text = generatedCatalogueYaml(prefix, PROPOSALS, 8);
    const start = nowMs();
    const result = loadCatalogue(text);
    loadTimes.push(nowMs() - start);
    if (!result.ok) {
      throw new Error(`bench: the generated ${prefix} catalogue does not load: ${result.errors[0].message}`);
    }
    files.push({ source: `file:///bench/${prefix}.catalogue.yaml`, text, result });
  }
  const { set, problems } = CatalogueSet.resolve(bundled.catalogue, files);
  if (problems.length > 0) {
    throw new Error(`bench: ${problems.length} catalogues rejected`);
  }
  const size = Buffer.byteLength(files[0].text, 'utf8');
  console.log(`load: ${CATALOGUES} catalogues × ${PROPOSALS.toLocaleString('en-US')} proposals (${fmt(size / 1024, 0)} KB each): ` +
    `median ${fmt(median(loadTimes), 0)} ms per file (first ${fmt(loadTimes[0], 0)} ms, cold), ${fmt(loadTimes.reduce((a, b) => a + b, 0), 0)} ms in all`);
  return set;
}

function corpus(seed: number, bytesWanted: number): { lines: string[]; text: string } {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const prefixes = ['EGN', ...PREFIXES.slice(0, CATALOGUES)];
  const ref = (): string => {
    const p = pick(prefixes);
    const n = 1 + Math.floor(random() * (p === 'EGN' ? 40 : PROPOSALS));
    const r = random();
    return r < 0.6 ? `${p}-${n}` : r < 0.75 ? `${p.toLowerCase()} n° ${n}` : r < 0.9 ? `${p}-${n}, ${n + 1} et ${n + 2}` : `${p}-${n} à ${n + 3}`;
  };
  const sentences = [
    'Le plan académique prévoit la formation continue des enseignants aux usages pédagogiques du numérique',
    'La collectivité territoriale finance l’équipement progressif des élèves en situation de handicap',
    'Le comité de pilotage évalue la certification des compétences numériques dès la classe de troisième',
    'La délégation régionale au numérique éducatif accompagne les établissements de la France entière',
    'Le projet d’école s’appuie sur la mutualisation des ressources pédagogiques libres entre académies',
  ];
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < bytesWanted) {
    const r = random();
    const line = r < 0.2 ? '' : r < 0.3 ? `## ${pick(sentences)} (${ref()})` : Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.6 ? `${pick(sentences)}, conformément à ${ref()}.` : `${pick(sentences)}.`)).join(' ');
    lines.push(line);
    bytes += Buffer.byteLength(line, 'utf8') + 1;
  }
  return { lines, text: lines.join('\n') };
}

function benchScan(set: CatalogueSet): void {
  const { lines, text } = corpus(0x465241, CORPUS_BYTES);
  const totalBytes = Buffer.byteLength(text, 'utf8');
  console.log(`corpus: ${fmt(totalBytes / MB)} MB, ${lines.length.toLocaleString('en-US')} lines citing ${set.catalogues.length} prefixes`);

  const measure = (name: string, scan: () => number): number => {
    scan(); // warm-up, and flattens the joined string
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let count = 0;
    for (let run = 0; run < SCAN_RUNS; run++) {
      const cpu = process.cpuUsage();
      const start = nowMs();
      count = scan();
      times.push(nowMs() - start);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    const ms = median(times);
    const cpuMs = median(cpuTimes);
    // On a shared machine the wall clock includes time spent waiting for a core; CPU time does not.
    console.log(`${name}: ${fmt(ms, 0)} ms → ${fmt(totalBytes / MB / (ms / 1000), 0)} MB/s (median of ${SCAN_RUNS}: ${times.map((t) => fmt(t, 0)).join(', ')} ms; ` +
      `CPU ${fmt(cpuMs, 0)} ms → ${fmt(totalBytes / MB / (cpuMs / 1000), 0)} MB/s of CPU time), ${count.toLocaleString('en-US')} references`);
    return ms;
  };
  const multiMs = measure(`multi-catalogue scanner (${set.catalogues.length} catalogues)`, () => set.scanner.scan(text).length);
  const egn = new ReferenceScanner('EGN', (n) => n >= 1 && n <= 40);
  measure('single EGN scanner, same text (EGN references only)', () => egn.scan(text).length);
  const naiveMs = median([0, 1, 2].map(() => {
    const start = nowMs();
    for (const c of set.catalogues) {
      c.scanner.scan(text);
    }
    return nowMs() - start;
  }));
  console.log(`one full pass per catalogue (what the multi-scanner avoids): ${fmt(naiveMs, 0)} ms → ${fmt(totalBytes / MB / (naiveMs / 1000), 0)} MB/s`);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-catalogue-bench-')), 'corpus.md');
  fs.writeFileSync(file, text);
  const pattern = `(?i)(?:${set.catalogues.map((c) => c.catalogue.prefix).join('|')})[-\\x{2011} \\x{a0}\\x{202f}]\\d`;
  const rgTimes: number[] = [];
  let rgCount = '';
  for (let run = 0; run < 3; run++) {
    const start = nowMs();
    const rg = spawnSync('rg', ['--count-matches', '-e', pattern, file], { encoding: 'utf8' });
    rgTimes.push(nowMs() - start);
    if (rg.error) {
      console.log(`ripgrep: not run (${rg.error.message})`);
      break;
    }
    rgCount = rg.stdout.trim();
  }
  if (rgTimes.length === 3) {
    const rgMs = median(rgTimes);
    console.log(`ripgrep --count-matches of the ${set.catalogues.length} prefixes, same text: ${fmt(rgMs, 0)} ms (${rgCount} heads) → multi-scanner ÷ ripgrep = ${fmt(multiMs / rgMs, 2)}×`);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

function benchHover(set: CatalogueSet): void {
  const random = prng(7);
  const docLines: string[] = [];
  const gen = corpus(2026, 2_000_000).lines;
  for (let i = 0; docLines.length < HOVER_LINES; i++) {
    docLines.push(gen[i % gen.length]);
  }
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < HOVER_LOOKUPS; i++) {
    const line = docLines[Math.floor(random() * docLines.length)];
    const character = Math.floor(random() * (line.length + 1));
    const start = process.hrtime.bigint();
    hits += set.scanner.referenceAt(line, character) ? 1 : 0;
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(`hover (referenceAt on the line, ${set.catalogues.length} catalogues): median ${fmt(times[Math.floor(times.length / 2)], 2)} µs, ` +
    `p99 ${fmt(times[Math.floor(times.length * 0.99)], 2)} µs, max ${fmt(times[times.length - 1], 0)} µs over ${HOVER_LOOKUPS.toLocaleString('en-US')} lookups (${hits.toLocaleString('en-US')} on a reference)`);
}

console.log(`node ${process.version}, ${process.arch}`);
const set = buildSet();
benchScan(set);
benchHover(set);
