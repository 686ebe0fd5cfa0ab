// @ts-check
// Bundles src/extension.ts into dist/extension.js and src/web/extension.ts into dist/web/extension.js with esbuild, and generates the snippets file
// from the catalogue (code never hard-codes a proposal).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './lib/runtime.mjs';
import { writeSnippets } from './lib/snippets.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

fs.mkdirSync(path.join(repoRoot, 'dist'), { recursive: true });
writeSnippets(path.join(repoRoot, 'data/egn-2020.yaml'), path.join(repoRoot, 'dist/egn.code-snippets'));
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  await (await esbuild.context(webOptions)).watch();
  console.log('[watch] watching src/ for changes');
} else {
  await Promise.all([esbuild.build(options), esbuild.build(webOptions)]);
  console.log(`built dist/extension.js and dist/web/extension.js${production ? ' (production)' : ''}`);
}
