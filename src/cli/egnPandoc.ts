/**
 * `egn-pandoc` (dist/egn-pandoc.js): a pandoc JSON filter, `pandoc plan.md --filter egn-pandoc -o plan.docx`.
 * Pandoc writes the document's AST as JSON on stdin (and the output format as the first argument, unused);
 * the filter writes the AST back with its references rewritten by `filterPandocDocument` (src/core),
 * the engine's own scan. Catalogues: the bundled EGN catalogue, plus the workspace catalogue files
 * (`*.catalogue.yaml|yml|json`) of the folder pandoc runs in, as `egn-cite` loads them.
 * Errors go to stderr with exit code 2, and pandoc stops with them: a deliverable is never written
 * with references half rewritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CatalogueSet } from '../core/catalogueSet';
import { filterPandocDocument, type PandocDocument } from '../core/pandocFilter';
import { CatalogueLoadError, loadCatalogues } from './cliCatalogues';

/** The workspace catalogue files directly in `folder`, by name. */
function catalogueFilesIn(folder: string): string[] {
  return fs.readdirSync(folder).filter((f) => /\.catalogue\.(ya?ml|json)$/i.test(f)).sort().map((f) => path.join(folder, f));
}

async function main(): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  let document: PandocDocument;
  try {
    document = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PandocDocument;
    if (!Array.isArray(document.blocks) || typeof document.meta !== 'object') {
      throw new Error('not a pandoc document');
    }
  } catch (e) {
    process.stderr.write(`egn-pandoc: stdin is not pandoc's JSON (${e instanceof Error ? e.message : String(e)}); run it as pandoc --filter egn-pandoc.\n`);
    return 2;
  }
  const cwd = process.cwd();
  const catalogues = await loadCatalogues(() => path.join(__dirname, '..', 'data'), Promise.resolve(catalogueFilesIn(cwd)), (f) => path.relative(cwd, f));
  const result = filterPandocDocument(document, CatalogueSet.of(catalogues));
  process.stdout.write(JSON.stringify(result.document));
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(e instanceof CatalogueLoadError ? `egn-pandoc: ${e.problems.join('\negn-pandoc: ')}\n` : `egn-pandoc: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
});
