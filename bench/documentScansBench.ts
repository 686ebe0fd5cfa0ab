/**
 * `npm run compile-tests && node out/bench/documentScansBench.js`: what the first read of a changed
 * document costs (`DocumentScans.get`: the one scan every feature then shares), beside the line-only
 * lookup a hover made before the cache, on documents of 1, 5 and 20 MB and on a hostile one-line
 * document. Median of several runs; the text is fixed, so every run scans the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../src/core/catalogueLoader';
import { BUNDLED_SOURCE, CatalogueSet } from '../src/core/catalogueSet';
import { DocumentScans } from '../src/core/documentScans';

const RUNS = 7;
const MB = 1_000_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function main(): void {
  const root = path.resolve(__dirname, '../..');
  const loaded = loadCatalogue(fs.readFileSync(path.join(root, 'data/egn-2020.yaml'), 'utf8'), {});
  if (!loaded.ok) {
    throw new Error('The bundled catalogue did not load.');
  }
  const set = CatalogueSet.of([{ catalogue: loaded.catalogue, source: BUNDLED_SOURCE }]);
  const paragraph = 'Le comité de pilotage associe les collectivités, les corps d’inspection et les représentants des personnels, conformément à EGN-1 et EGN-7, 8 et 9.\n'
    + 'Ligne sans référence, assez longue pour ressembler à la prose d’un plan académique ordinaire.\n';
  const documents: [string, string][] = [1, 5, 20].map((mb) => [`${mb} MB of prose`, paragraph.repeat(Math.ceil((mb * MB) / paragraph.length))]);
  documents.push(['1.1 MB on one line, "EGN-1 à 41 " repeated (hostile)', 'EGN-1 à 41 '.repeat(100_000)]);
  console.log('document | first read after a change (scan), median | cached read | line-only referenceAt | references kept');
  for (const [name, text] of documents) {
    const scans = new DocumentScans(() => set);
    const first: number[] = [];
    const cached: number[] = [];
    let kept = '';
    for (let version = 1; version <= RUNS; version++) {
      const doc = { uri: 'bench', version, getText: () => text };
      let t = performance.now();
      const scan = scans.get(doc, 'bench');
      first.push(performance.now() - t);
      t = performance.now();
      scans.referenceAt(doc, text.length - 20, 'bench');
      cached.push(performance.now() - t);
      kept = `${scan.references.length}${scan.capped ? ' (capped)' : ''}`;
    }
    const line: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const t = performance.now();
      set.scanner.referenceAt(text, text.length - 20);
      line.push(performance.now() - t);
    }
    console.log(`${name} | ${median(first).toFixed(1)} ms | ${median(cached).toFixed(2)} ms | ${median(line).toFixed(2)} ms | ${kept}`);
  }
}

main();
