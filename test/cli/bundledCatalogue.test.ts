import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliPath } from './cliSupport';

describe('The built egn-cite carries the bundled catalogue', () => {
  it('checks with no data/ folder beside dist/cli.js with no data/ folder beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-cli-alone-'));
    try {
      for (const f of ['cli.js', 'cliMain.js', 'checkThread.js']) {
        fs.copyFileSync(path.join(path.dirname(cliPath), f), path.join(dir, f));
      }
      fs.writeFileSync(path.join(dir, 'a.md'), 'Voir EGN-12 et EGN-41.\n');
      const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'check', 'a.md', '--no-ripgrep'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.strictEqual(r.stdout, 'a.md:1:16: warning: EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.\n1 warning (1 file checked).\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
