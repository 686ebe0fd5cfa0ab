import { runSuite } from './runSuite';

/** The `run()` contract of an extension test suite: resolves when every test passed. */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
