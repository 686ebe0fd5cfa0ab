import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Runs every `*.test.js` of `dir` with mocha; resolves when every test passed. */
export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 30_000,
    color: false,
    reporter: path.resolve(__dirname, '../../support/countingReporter.js'),
  });
  const grep = process.env.EGN_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) {
        reject(new Error(`${failures} integration test(s) failed.`));
      } else {
        resolve();
      }
    });
  });
}
