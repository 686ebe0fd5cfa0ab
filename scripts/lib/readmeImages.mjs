// @ts-check
// The pictures README.md and README.fr.md show, and what would break them on the Marketplace. The
// Marketplace and VS Code's extension view render the .vsix's README.md; vsce rewrites a relative image
// path into the repository's raw URL (package.json `repository`), so a picture shows only if the file
// is committed at that path, and vsce refuses SVG images (but for a few badge services) and any image
// that is not https. Used by `npm run package` (scripts/check-readme-images.mjs), the package stage of
// `npm test` and test/unit/readmeImages.test.ts.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * README picture → the UI test's screenshot (test-results/screenshots/<name>.png) it is a copy of. The
 * panel's picture shows the catalogue beside it, with its counts (the French catalogue's own screenshot is
 * taken before the index is built, without them).
 */
export const readmeScreenshots = /** @type {const} */ ({
  'hover.png': 'writing-hover-egn-12',
  'panel.png': 'panel-proposal-light',
  'coverage.png': 'coverage-workspace',
  'fr-hover.png': 'fr-hover',
  'fr-panel.png': 'fr-proposal-panel',
  'fr-coverage.png': 'fr-coverage',
  'office-panel.png': 'office-proposal-panel-en',
  'fr-office-panel.png': 'office-proposal-panel-fr',
  'fr-prose-hover.png': 'fr-prose-hover',
});

/** The READMEs whose pictures are checked. */
export const readmes = ['README.md', 'README.fr.md'];

/**
 * Every image a Markdown text shows: `![alt](src)`, `![alt](<src> "title")` and `<img src="…">`.
 * @param {string} markdown
 * @returns {string[]}
 */
export function imageSources(markdown) {
  const sources = [];
  // Code blocks and spans show their text as written, not as pictures.
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  for (const m of text.matchAll(/!\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
    sources.push(m[1].replace(/^<|>$/g, ''));
  }
  for (const m of text.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
    sources.push(m[1]);
  }
  return sources;
}

/**
 * What is wrong with each picture of the READMEs, one line each (empty when all would show).
 * @param {string} root the repository
 * @param {{ requireCommitted?: boolean }} [opts] `requireCommitted`: a relative picture must also be in git
 *   (the Marketplace fetches it from the repository); off in tests of a tree with uncommitted pictures.
 * @returns {string[]}
 */
export function readmeImageProblems(root, opts = {}) {
  const problems = [];
  /** @type {Set<string> | undefined} */
  let committed;
  if (opts.requireCommitted) {
    committed = new Set(execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0'));
  }
  for (const readme of readmes) {
    const file = path.join(root, readme);
    if (!fs.existsSync(file)) {
      problems.push(`${readme} is missing`);
      continue;
    }
    for (const src of imageSources(fs.readFileSync(file, 'utf8'))) {
      const where = `${readme}: image ${src}`;
      if (/\.svg(\?|#|$)/i.test(src)) {
        problems.push(`${where}: SVG images are refused by vsce and the Marketplace; use a PNG`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
        if (!/^https:\/\//i.test(src)) {
          problems.push(`${where}: only https images show on the Marketplace`);
        }
        continue;
      }
      const rel = path.posix.normalize(decodeURI(src.replace(/^\.\//, '')));
      if (rel.startsWith('../') || rel.startsWith('/')) {
        problems.push(`${where}: points outside the repository`);
      } else if (!fs.existsSync(path.join(root, rel))) {
        problems.push(`${where}: no such file`);
      } else if (committed && !committed.has(rel)) {
        problems.push(`${where}: not committed, so the Marketplace (which fetches it from the repository) would not show it`);
      }
    }
  }
  return problems;
}
