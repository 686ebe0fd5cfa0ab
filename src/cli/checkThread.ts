/**
 * The entry point of `egn-cite check`'s threads (`dist/checkThread.js`): only `checkPool`, which
 * serves checks when loaded in a thread. A bundle of its own, a tenth of the command's, so that each
 * thread starts without compiling the settings, catalogue and report code it never runs.
 */
import { isCheckThread } from './checkPool';

if (!isCheckThread) {
  throw new Error('checkThread.js runs only as a thread of egn-cite check.');
}
