import * as fs from 'fs';
import * as path from 'path';
import * as Mocha from 'mocha';

/**
 * Mocha's spec reporter, plus a JSON file of the counts when `EGN_RESULTS_FILE` is set, so that
 * `npm test` can add up the unit, integration and UI suites into one `N passed, M failed` line.
 */
class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => { passed++; });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => { failed++; });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.EGN_RESULTS_FILE;
      if (file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify({ passed, failed }));
      }
    });
  }
}

export = CountingReporter;
