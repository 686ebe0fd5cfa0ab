import * as path from 'path';
import { runSuite } from '../suite/runSuite';

/** The multi-root suite: the same runner, over the test files of this folder. */
export function run(): Promise<void> {
  return runSuite(path.resolve(__dirname));
}
