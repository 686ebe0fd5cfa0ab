import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '../../..');
const read = (f: string): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } => JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8'));

describe('playwright-core types', () => {
  it('the dev dependency that types scripts/lib/workbench.d.mts is the version the UI tests run', () => {
    const typesFrom = read('package.json').devDependencies?.['playwright-core'];
    const runs = read('test/runtime/package.json').dependencies?.['playwright-core'];
    assert.ok(runs, 'the runtime pins playwright-core');
    assert.strictEqual(typesFrom, runs);
  });
});
