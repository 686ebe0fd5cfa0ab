import * as assert from 'assert';
import { frameWithHeading } from './support/frames';
import { openWorkbench, UiSession } from './support/workbench';

describe('Walkthrough (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  it('opens "Cite the EGN proposals" from the palette, its three steps and the English page of the first', async () => {
    const page = ui.page;
    const pickRows = (): Promise<string[]> => page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    await ui.until('the EGN activity bar entry', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
    await ui.runCommand('Welcome: Open Walkthrough...');
    await ui.until('the walkthrough list', async () => (await pickRows()).some((r) => r.includes('Cite the EGN proposals')));
    await page.keyboard.type('Cite the EGN proposals');
    await page.keyboard.press('Enter');
    const steps = await ui.until('the steps', async () => {
      const s = (await page.locator('.gettingStartedContainer').allInnerTexts()).join('\n');
      return s.includes('Browse the catalogue') && s.includes('Hover a reference') && s.includes('Insert a reference') && s;
    }, 60_000);
    const frame = await ui.until('the page of the first step', () => frameWithHeading(ui, 'Browse the 40 proposals'), 30_000);
    const media = await frame.evaluate<string>('document.querySelector("h1")?.textContent ?? ""');
    await ui.screenshot('walkthrough');
    assert.ok(steps.includes('Cite the EGN proposals'), steps);
    assert.strictEqual(media, 'Browse the 40 proposals');
  });
});
