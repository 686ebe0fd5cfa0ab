import * as assert from 'assert';
import { parseCounts } from '../../src/cli/ripgrepCheck';
import { unknownDigitsPattern } from '../../src/cli/ripgrepPrefilter';

describe('parseCounts (ripgrep --count --null, read as it arrives)', () => {
  it('reads the same records however the output is cut, file names with line breaks included', () => {
    const out = './a.md\u00000\n./sous/b\nc.md\u00003\n./été.txt\u00000\n';
    for (let cut = 0; cut <= out.length; cut++) {
      const counts = new Map<string, boolean>();
      const rest = parseCounts(out.slice(0, cut), counts);
      assert.strictEqual(parseCounts(rest + out.slice(cut), counts), '');
      assert.deepStrictEqual([...counts], [['a.md', false], ['sous/b\nc.md', true], ['été.txt', false]], `cut at ${cut}`);
    }
  });
});

describe('unknownDigitsPattern', () => {
  it('matches exactly the digit runs that are not an existing number written without leading zero', () => {
    for (const numbers of [Array.from({ length: 40 }, (_, k) => k + 1), [1, 2, 3, 10, 12, 100, 101, 250, 999], [0, 7], []]) {
      // ripgrep's syntax here is also JavaScript's: the pattern is checked against every run up to 4 digits.
      const re = new RegExp(`^${unknownDigitsPattern(numbers)}$`);
      const written = new Set(numbers.map(String));
      for (let length = 1; length <= 4; length++) {
        for (let v = 0; v < 10 ** length; v++) {
          const run = String(v).padStart(length, '0');
          assert.strictEqual(re.test(run), !written.has(run), `${run} with ${numbers.length} numbers`);
        }
      }
    }
  });
});
