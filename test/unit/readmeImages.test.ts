import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as ReadmeImages from '../../scripts/lib/readmeImages.mjs' with { 'resolution-mode': 'import' };

const repoRoot = path.resolve(__dirname, '../../..');

describe('The READMEs\' pictures (what the Marketplace page shows)', () => {
  let lib: typeof ReadmeImages;
  before(async () => {
    lib = (await import(pathToFileURL(path.join(repoRoot, 'scripts/lib/readmeImages.mjs')).href)) as typeof ReadmeImages;
  });

  it('finds every picture a README names, and none that would break on the Marketplace is missing', () => {
    assert.deepStrictEqual(lib.readmeImageProblems(repoRoot), []);
  });

  it('reads Markdown and HTML images, not the ones in code, and says what would break', () => {
    const md = '![a](media/readme/panel.png) <img src="media/x.svg" width="400">\n\n```md\n![not](shown.png)\n```\n`![nor](this.png)`\n![b](<media/readme/hover.png> "title")';
    assert.deepStrictEqual(lib.imageSources(md), ['media/readme/panel.png', 'media/readme/hover.png', 'media/x.svg']);
  });

  it('regenerates with npm run screenshots every picture of media/readme the READMEs show', async () => {
    const fs = await import('fs');
    const shown = lib.readmes.flatMap((r) => lib.imageSources(fs.readFileSync(path.join(repoRoot, r), 'utf8')))
      .filter((s) => s.startsWith('media/readme/')).map((s) => s.slice('media/readme/'.length));
    assert.ok(shown.length >= 6, shown.join(', '));
    assert.deepStrictEqual(shown.filter((s) => !(s in lib.readmeScreenshots)), []);
  });
});
