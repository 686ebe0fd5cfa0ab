// @ts-check
// Writes src/core/generated/catalogueValidator.ts: data/catalogue.schema.json compiled by Ajv at build
// time (see scripts/lib/catalogueValidatorSource.mjs). `--check` only says whether the file is fresh.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueValidatorSource } from './lib/catalogueValidatorSource.mjs';
import { repoRoot } from './lib/runtime.mjs';

const target = path.join(repoRoot, 'src/core/generated/catalogueValidator.ts');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8'));
const source = catalogueValidatorSource(schema);
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (current !== source) {
    console.error(`${path.relative(repoRoot, target)} is stale: run npm run generate:validator`);
    process.exit(1);
  }
} else if (current !== source) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, source);
  console.log(`wrote ${path.relative(repoRoot, target)}`);
}
