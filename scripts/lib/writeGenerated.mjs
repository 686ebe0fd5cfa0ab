// @ts-check
// Writes a file generated from data/catalogue.schema.json, or with `--check` only says whether the committed
// file is fresh: the one place the generate:* scripts decide it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './runtime.mjs';

/**
 * Writes `source` to `relativeTarget` (from the repository root) when it differs; with `--check` on the
 * command line, exits 1 instead when the file is stale, naming `command` to regenerate it.
 * @param {string} relativeTarget e.g. src/core/generated/catalogueValidator.ts
 * @param {string} source what the file must hold
 * @param {string} command the npm script that regenerates it
 */
export function writeGenerated(relativeTarget, source, command) {
  const target = path.join(repoRoot, relativeTarget);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (process.argv.includes('--check')) {
    if (current !== source) {
      console.error(`${relativeTarget} is stale: run ${command}`);
      process.exit(1);
    }
  } else if (current !== source) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, source);
    console.log(`wrote ${relativeTarget}`);
  }
}

/** The parsed data/catalogue.schema.json. */
export function catalogueSchema() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8'));
}
