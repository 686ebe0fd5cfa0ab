import * as assert from 'assert';
import { ProgressLine } from '../../src/cli/progressLine';

describe('egn-cite progress line', () => {
  const setup = (enabled: boolean) => {
    let time = 1000;
    const written: string[] = [];
    const line = new ProgressLine(enabled, { write: (s: string) => written.push(s) > 0 }, () => time);
    return { line, written, advance: (ms: number) => (time += ms) };
  };

  it('stays quiet during the first second, then draws one line on stderr and erases it at the end', () => {
    const { line, written, advance } = setup(true);
    line.report(10, 100);
    advance(999);
    line.report(20, 100);
    assert.deepStrictEqual(written, [], 'a run under a second shows nothing');
    advance(1);
    line.report(30, 100);
    assert.deepStrictEqual(written, ['\r\x1b[Kegn-cite: 30 of 100 files']);
    advance(50);
    line.report(31, 100);
    assert.strictEqual(written.length, 1, 'redrawn at most every 100 ms');
    advance(100);
    line.report(90, 100);
    line.done();
    assert.deepStrictEqual(written.slice(1), ['\r\x1b[Kegn-cite: 90 of 100 files', '\r\x1b[K']);
  });

  it('never writes when not enabled (stderr not a terminal, or --no-progress)', () => {
    const { line, written, advance } = setup(false);
    advance(5000);
    line.report(1, 2);
    line.done();
    assert.deepStrictEqual(written, []);
  });
});
