// The integration suite in the web-worker extension host (vscode.dev's), bundled by runWebTest.ts
// into one file that requires nothing but `vscode`. Mocha's browser build runs it; each result is
// logged so the launcher's output shows it, and the counts end in one line runWebTest.ts reads.
import 'mocha/mocha.js';
import { RESULTS_MARK } from './marks';

/** Set by the bundler from EGN_TEST_GREP: the worker has no environment of its own. */
declare const EGN_TEST_GREP: string;

/** The `run()` contract of an extension test suite: resolves when every test passed. */
export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 30_000, reporter: WorkerReporter as unknown as Mocha.ReporterConstructor });
  if (EGN_TEST_GREP) {
    mocha.grep(EGN_TEST_GREP);
  }
  // After setup, so that describe/it exist when the test modules run. The suites that need Node
  // (citations.test.ts writes files with fs, the multi-root suite) stay in the Node stage.
  await import('../suite/activation.test.js');
  await import('../suite/catalogueView.test.js');
  await import('../suite/panels.test.js');
  await import('../suite/writingSupport.test.js');
  await import('./webHost.test.js');
  await import('./officeWeb.test.js');
  // mocha.run reads options from the page's query string; the extension host's worker has no location.
  const scope = globalThis as { location?: { search: string } };
  scope.location ??= { search: '' };
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed in the web worker.`)) : resolve()));
  });
}

/** Logs every result (the HTML reporter needs a DOM the worker has not) and the counts at the end. */
class WorkerReporter {
  constructor(runner: Mocha.Runner) {
    let passed = 0;
    let failed = 0;
    const titles = (t: Mocha.Runnable) => t.titlePath().join(' › ');
    runner.on('pass', (t) => { passed++; console.log(`  ✔ ${titles(t)}`); });
    runner.on('fail', (t, err: Error) => { failed++; console.log(`  ✘ ${titles(t)}\n    ${err.stack ?? err.message}`); });
    runner.once('end', () => { console.log(`${RESULTS_MARK}${JSON.stringify({ passed, failed })}`); });
  }
}
