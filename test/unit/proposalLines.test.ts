import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { proposalLines } from '../../src/core/proposalLines';

const repoRoot = path.resolve(__dirname, '../../..');

describe('proposalLines', () => {
  it('finds the entry line of each of the 40 proposals of the bundled catalogue', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');
    const lines = text.split(/\r?\n/);
    const found = proposalLines(text);
    assert.deepStrictEqual([...found.keys()].sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i + 1));
    for (const [n, line] of found) {
      assert.match(lines[line], new RegExp(`^\\s*- number: ${n}\\s*$`), `line ${line} for proposal ${n}`);
    }
  });

  it('finds proposals directly under a group and under its sub-themes, 0-based', () => {
    const yaml = [
      'prefix: EGN',           // 0
      'groups:',               // 1
      '  - id: a',             // 2
      '    proposals:',        // 3
      '      - title: "x"',    // 4
      '        number: 7',     // 5
      '  - id: b',             // 6
      '    subthemes:',        // 7
      '      - id: s',         // 8
      '        proposals:',    // 9
      '          # number: 99 in a comment is no entry', // 10
      '          - number: 2', // 11
      '            title: "number: 3"', // 12
    ].join('\n');
    assert.deepStrictEqual([...proposalLines(yaml)].sort((a, b) => a[0] - b[0]), [[2, 11], [7, 4]]);
  });

  it('gives an empty map for broken or unrelated YAML instead of throwing', () => {
    for (const yaml of ['', 'groups: 3', ': : :\n  - [', 'groups:\n  - proposals: [1, 2]', 'number: 1']) {
      assert.doesNotThrow(() => proposalLines(yaml));
      assert.strictEqual(proposalLines(yaml).size, 0, JSON.stringify(yaml));
    }
  });
});
