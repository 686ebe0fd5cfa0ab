import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFileFilter } from '../../src/core/globMatcher';
import { listFolderFiles } from '../../src/node/listFolderFiles';

describe('listFolderFiles (the Node walk, links followed)', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-walk-test-'));
    fs.mkdirSync(path.join(root, 'vrai', 'sous'), { recursive: true });
    fs.writeFileSync(path.join(root, 'vrai', 'a.md'), 'EGN-1\n');
    fs.writeFileSync(path.join(root, 'vrai', 'sous', 'b.md'), 'EGN-2\n');
    fs.writeFileSync(path.join(root, 'vrai', 'notes.txt'), 'EGN-3\n');
    // A deeper path to the same folder, first in order: reached sooner than `vrai` by a walk that
    // claims folders as the disk answers, since the links before `vrai` each take a stat.
    fs.mkdirSync(path.join(root, 'a'));
    fs.symlinkSync(path.join('..', 'vrai'), path.join(root, 'a', 'x'));
    for (let k = 1; k <= 20; k++) {
      fs.symlinkSync(path.join('vrai', 'notes.txt'), path.join(root, `lien-${String(k).padStart(2, '0')}.txt`));
    }
    fs.symlinkSync(path.join('vrai', 'a.md'), path.join(root, 'fichier-lie.md'));
    // A link back up: no endless walk.
    fs.symlinkSync('..', path.join(root, 'vrai', 'boucle'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists a real folder reached by several paths once, under the shallowest (then first in order), on every run', async function () {
    if (process.platform === 'win32') {
      this.skip(); // Creating links needs privileges there.
    }
    const filter = createFileFilter({ include: '**/*.md', exclude: [], maxFileSize: Infinity });
    // Five walks at once, their answers from the disk interleaved: each must give the same list.
    const runs = await Promise.all(Array.from({ length: 5 }, () => listFolderFiles(root, filter)));
    for (const files of runs) {
      assert.deepStrictEqual(files, ['fichier-lie.md', 'vrai/a.md', 'vrai/sous/b.md']);
    }
  });
});
