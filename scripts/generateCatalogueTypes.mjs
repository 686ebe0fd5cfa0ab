// @ts-check
// Writes src/core/generated/catalogueFile.ts: the types of a catalogue file, generated from
// data/catalogue.schema.json (see scripts/lib/catalogueTypesSource.mjs). `--check` only says whether the file is fresh.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueTypesSource } from './lib/catalogueTypesSource.mjs';
import { repoRoot } from './lib/runtime.mjs';

const target = path.join(repoRoot, 'src/core/generated/catalogueFile.ts');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8'));
const source = await catalogueTypesSource(schema);
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (current !== source) {
    console.error(`${path.relative(repoRoot, target)} is stale: run npm run generate:types`);
    process.exit(1);
  }
} else if (current !== source) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, source);
  console.log(`wrote ${path.relative(repoRoot, target)}`);
}
