import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MAX_DIAGNOSTICS_PER_DOCUMENT } from '../../src/core/documentLimits';
import { openWorkbench, UiSession } from './support/workbench';

describe('A generated document in a French workbench (headless Chromium, --locale fr)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ locale: 'fr' }); });
  after(async () => { await ui?.close(); });

  it('lists the first warnings, then says in French how many more are not shown', async () => {
    const page = ui.page;
    const more = 234;
    // One line per unknown reference, as a generated annex would hold them.
    fs.writeFileSync(path.join(ui.workspace, 'annexe-generee.md'), 'Voir EGN-41.\n'.repeat(MAX_DIAGNOSTICS_PER_DOCUMENT + more));
    await ui.until('the EGN activity bar entry (extension activated)', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
    await ui.until('the generated annex in the editor', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('annexe-generee.md');
      const listed = await ui.until('the annex in quick open', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes('annexe-generee.md')), 3000).catch(() => false);
      await page.keyboard.press(listed ? 'Enter' : 'Escape');
      return listed && (await page.locator('.monaco-editor .view-lines').innerText()).includes('EGN-41');
    });
    const rows = page.locator('.markers-panel .monaco-list-row');
    const note = await ui.until('the note of the warnings not shown, in the Problems panel', async () => {
      if ((await rows.count()) === 0) {
        await page.locator('[id="status.problems"]').first().click().catch(() => undefined);
      }
      // The note comes after the last warning shown: from the keyboard, to the end of the list.
      await rows.first().click().catch(() => undefined);
      await page.keyboard.press('End');
      return (await rows.allInnerTexts()).find((t) => t.includes('ne sont pas affichés'));
    });
    await ui.screenshot('fr-problems-capped');
    assert.ok(note.includes(`${more}\u00a0autres problèmes de référence dans ce document ne sont pas affichés.`), JSON.stringify(note));
    const counter = await page.locator('[id="status.problems"]').first().innerText();
    assert.ok(counter.includes(String(MAX_DIAGNOSTICS_PER_DOCUMENT)), `the status bar counts the warnings shown: ${counter}`);
  });
});
