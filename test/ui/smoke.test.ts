import * as assert from 'assert';
import { openWorkbench, UiSession } from './support/workbench';

describe('Workbench (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  it('shows the EGN entry in the activity bar', async () => {
    const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await ui.screenshot('smoke-activity-bar');
    assert.ok((await entry.count()) > 0);
  });
});
