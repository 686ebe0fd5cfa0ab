import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The ripgrep of the cached VS Code runtime (the one the extension uses), else one on the PATH. */
export function testRipgrep(): string {
  const cache = path.join(os.homedir(), '.cache', 'egn-vscode-runtime');
  for (const hash of fs.existsSync(cache) ? fs.readdirSync(cache) : []) {
    const rg = path.join(cache, hash, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
    if (fs.existsSync(rg)) {
      return rg;
    }
  }
  return execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
}
