// @ts-check
// Bundles src/extension.ts into dist/extension.js and src/web/extension.ts into dist/web/extension.js with esbuild, and generates the snippets file
// from the catalogue (code never hard-codes a proposal).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { repoRoot } from './lib/runtime.mjs';
import { settingDefaultsSource } from './lib/settingDefaultsSource.mjs';
import { writeSnippets } from './lib/snippets.mjs';
import { writeGenerated } from './lib/writeGenerated.mjs';

const production = process.argv.includes('--production');

// The settings' defaults, read from package.json into the one table both bundles use.
writeGenerated('src/core/generated/settingDefaults.ts', settingDefaultsSource(JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))), 'npm run generate:settings');
const watch = process.argv.includes('--watch');

/**
 * The bundled catalogue as a JSON snapshot (src/core/catalogueSnapshotMaker.ts), put in every bundle so
 * that neither activation nor the command line parses YAML: made from data/egn-2020.yaml by the
 * extension's own loader (bundled here to run it), and refused unless it reads back into the same data.
 */
async function bundledCatalogueSnapshot() {
  const out = await esbuild.build({ entryPoints: [path.join(repoRoot, 'src/core/catalogueSnapshotMaker.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'warning' });
  const module = { exports: /** @type {any} */ ({}) };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const result = module.exports.catalogueSnapshot(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
  if (!result.ok) {
    throw new Error(`data/egn-2020.yaml cannot be snapshotted:\n${result.errors.map((/** @type {any} */ e) => `  line ${e.line}, column ${e.column}: ${e.message}`).join('\n')}`);
  }
  if (!isDeepStrictEqual(JSON.parse(result.json), result.file)) {
    throw new Error('data/egn-2020.yaml does not read back from its JSON snapshot into the same data.');
  }
  return result.json;
}

/** @type {esbuild.BuildOptions} */
const options = {
  entryPoints: [path.join(repoRoot, 'src/extension.ts')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: path.join(repoRoot, 'dist/extension.js'),
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { EGN_BUNDLED_CATALOGUE_SNAPSHOT: JSON.stringify(await bundledCatalogueSnapshot()) },
};

/**
 * The browser entry (package.json "browser"), for the web-worker extension host of vscode.dev and
 * github.dev: same sources, browser platform, so that a Node built-in imported anywhere fails the build.
 * @type {esbuild.BuildOptions}
 */
const webOptions = {
  ...options,
  entryPoints: [path.join(repoRoot, 'src/web/extension.ts')],
  platform: 'browser',
  target: 'es2022',
  outfile: path.join(repoRoot, 'dist/web/extension.js'),
};

/**
 * The command line `egn-cite` (src/cli/main.ts) for Node 20: its own bundle with a shebang, declared
 * in package.json `bin`. .vscodeignore keeps it out of the .vsix (only the extension's bundles are listed).
 * @type {esbuild.BuildOptions}
 */
const cliOptions = {
  ...options,
  entryPoints: [path.join(repoRoot, 'src/cli/cli.ts')],
  outfile: path.join(repoRoot, 'dist/cli.js'),
  // The command itself, loaded by the entry once ripgrep's search has started (src/cli/cli.ts).
  external: ['./cliMain.js'],
  // jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow; its ESM build is static.
  mainFields: ['module', 'main'],
  banner: { js: '#!/usr/bin/env node' },
};
/** The command `dist/cli.js` loads (src/cli/main.ts). */
/** @type {esbuild.BuildOptions} */
const cliMainOptions = { ...cliOptions, entryPoints: [path.join(repoRoot, 'src/cli/main.ts')], outfile: path.join(repoRoot, 'dist/cliMain.js'), external: [], banner: {} };
/** The threads of `egn-cite check` (src/cli/checkPool.ts starts them from beside dist/cli.js). */
/** @type {esbuild.BuildOptions} */
const cliThreadOptions = { ...cliOptions, entryPoints: [path.join(repoRoot, 'src/cli/checkThread.ts')], outfile: path.join(repoRoot, 'dist/checkThread.js'), banner: {} };
/** The pandoc JSON filter `egn-pandoc` (src/cli/egnPandoc.ts), an executable of its own: pandoc's `--filter` runs one file. */
/** @type {esbuild.BuildOptions} */
const pandocOptions = { ...cliMainOptions, entryPoints: [path.join(repoRoot, 'src/cli/egnPandoc.ts')], outfile: path.join(repoRoot, 'dist/egn-pandoc.js'), banner: { js: '#!/usr/bin/env node' } };
/** The citation index's reader thread (src/node/fileReaderPool.ts starts it from dist/). */
/** @type {esbuild.BuildOptions} */
const workerOptions = { ...options, entryPoints: [path.join(repoRoot, 'src/node/readerWorker.ts')], outfile: path.join(repoRoot, 'dist/readerWorker.js') };

/** The thread that extracts Word, LibreOffice and PDF documents' text (src/node/officeReader.ts starts it from dist/). */
/** @type {esbuild.BuildOptions} */
const officeWorkerOptions = { ...options, entryPoints: [path.join(repoRoot, 'src/node/officeWorker.ts')], outfile: path.join(repoRoot, 'dist/officeWorker.js') };
/**
 * pdf.js and the PDF reader, in a bundle of their own that the office thread imports on the first
 * PDF met (about 1.5 MB, kept out of what activation loads). ESM, as pdf.js is: it reads `import.meta.url`.
 * @type {esbuild.BuildOptions}
 */
const pdfOptions = {
  ...options,
  entryPoints: [path.join(repoRoot, 'src/pdf/pdfTextReader.ts')],
  outfile: path.join(repoRoot, 'dist/pdfText.mjs'),
  format: 'esm',
  // pdf.js's optional canvas (rendering only; text extraction needs none) is never bundled.
  external: ['@napi-rs/canvas'],
  define: {},
  // The source map of 1.5 MB of pdf.js is of no use to anyone debugging the extension.
  sourcemap: false,
};

fs.mkdirSync(path.join(repoRoot, 'dist'), { recursive: true });
writeSnippets(path.join(repoRoot, 'data/egn-2020.yaml'), path.join(repoRoot, 'dist/egn.code-snippets'));
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  await (await esbuild.context(webOptions)).watch();
  await (await esbuild.context(cliOptions)).watch();
  await (await esbuild.context(workerOptions)).watch();
  await (await esbuild.context(cliThreadOptions)).watch();
  await (await esbuild.context(cliMainOptions)).watch();
  await (await esbuild.context(pandocOptions)).watch();
  await (await esbuild.context(officeWorkerOptions)).watch();
  await (await esbuild.context(pdfOptions)).watch();
  console.log('[watch] watching src/ for changes');
} else {
  await Promise.all([esbuild.build(options), esbuild.build(webOptions), esbuild.build(workerOptions), esbuild.build(cliOptions), esbuild.build(cliMainOptions), esbuild.build(cliThreadOptions), esbuild.build(pandocOptions), esbuild.build(officeWorkerOptions), esbuild.build(pdfOptions)]);
  fs.chmodSync(path.join(repoRoot, 'dist/cli.js'), 0o755);
  fs.chmodSync(path.join(repoRoot, 'dist/egn-pandoc.js'), 0o755);
  console.log(`built dist/extension.js, dist/web/extension.js, dist/readerWorker.js, dist/cli.js (with dist/cliMain.js) and dist/egn-pandoc.js${production ? ' (production)' : ''}`);
}
