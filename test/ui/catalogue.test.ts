import * as assert from 'assert';
import { openWorkbench, UiSession } from './support/workbench';

const THEMES = [
  'Mettre en place de nouvelles formes de gouvernance',
  'Enseigner et apprendre le numérique',
  'Garantir un égal accès au numérique',
  'Travailler ensemble autrement',
  'numérique responsable et souverain',
  'Propositions communes',
];

describe('Catalogue view (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  async function rows(): Promise<string[]> {
    return ui.page.locator('.sidebar .monaco-list-row').allInnerTexts();
  }

  it('opens the tree from the activity bar, one row per theme under the EGN root', async () => {
    const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    const shown = await ui.until('the six themes', async () => { const r = await rows(); return THEMES.every((t) => r.some((x) => x.includes(t))) && r; });
    await ui.screenshot('catalogue-themes');
    // The demo workspace holds a catalogue of its own: the six themes are under the EGN's root row.
    assert.strictEqual(shown.filter((r) => THEMES.some((t) => r.includes(t))).length, 6, shown.join(' | '));
    assert.strictEqual(await ui.page.locator('.sidebar .monaco-list-row[aria-level="2"]:has-text("Garantir un égal accès au numérique")').count(), 1);
  });

  it('expands a theme to show its proposals, with number and title (the id is in the row\'s accessible name)', async () => {
    await ui.page.locator('.sidebar .monaco-list-row:has-text("Garantir un égal accès au numérique")').click();
    const shown = await ui.until('the proposals of the theme', async () => { const r = await rows(); return r.some((x) => x.includes('15. Mettre en place un dispositif')) && r; });
    await ui.screenshot('catalogue-expanded');
    assert.ok(shown.some((x) => x.includes('22. Mettre en oeuvre le référentiel')), shown.join(' | '));
    assert.strictEqual(await ui.page.locator('.sidebar .monaco-list-row[aria-label^="EGN-22, Mettre en oeuvre le référentiel"]').count(), 1);
  });

  it('filters the tree and says what the filter keeps', async () => {
    await ui.runCommand('EGN: Filter Proposals…');
    await ui.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await ui.page.keyboard.type('pix');
    await ui.page.keyboard.press('Enter');
    const shown = await ui.until('the PIX proposals', async () => {
      const r = await rows();
      return r.some((x) => x.startsWith('7. ')) && r.some((x) => x.startsWith('13. ')) && r.some((x) => x.startsWith('21. ')) && r;
    });
    const message = await ui.until('the filter message', async () => (await ui.page.locator('.sidebar .tree-explorer-viewlet-tree-view .message, .sidebar .customview-tree .message').allInnerTexts()).join(' '));
    await ui.screenshot('catalogue-filtered');
    assert.ok(message.includes('pix') && message.includes('3'), message);
    assert.ok(!shown.some((x) => x.startsWith('12. ')), shown.join(' | '));
  });

  it('says that nothing matches, not that the catalogue failed to load, when a filter keeps no proposal', async () => {
    await ui.runCommand('EGN: Filter Proposals…');
    await ui.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await ui.page.keyboard.press('Control+A');
    await ui.page.keyboard.type('zzzqqq');
    await ui.page.keyboard.press('Enter');
    await ui.until('an empty tree', async () => (await rows()).length === 0);
    const sidebar = await ui.until('the filter message', async () => { const t = await ui.page.locator('.sidebar').innerText(); return t.includes('zzzqqq') && t; });
    await ui.screenshot('catalogue-no-match');
    assert.ok(!sidebar.includes('could not be loaded'), sidebar);
  });
});
