// @ts-check
// Fails (before `vsce package`) when a picture of README.md or README.fr.md would not show on the
// Marketplace: see scripts/lib/readmeImages.mjs. `npm run package` (a release) also requires each
// picture to be committed; the package stage of `npm test` only that it exists.
import { readmeImageProblems } from './lib/readmeImages.mjs';
import { repoRoot } from './lib/runtime.mjs';

const problems = readmeImageProblems(repoRoot, { requireCommitted: process.argv.includes('--committed') });
for (const p of problems) { console.error(p); }
process.exit(problems.length > 0 ? 1 : 0);
