import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openWorkbench, repoRoot, UiSession } from './support/workbench';

const FRA_GROUP = 'Former et accompagner les équipes';
const FRA_3 = '3. Animer un réseau de référents numériques dans chaque bassin';

/** The manifest's titles of the commands an EGN proposal row offers, in `locale`. */
function rowCommandTitles(locale: 'en' | 'fr'): { open: string; insert: string; copy: string; find: string } {
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, locale === 'fr' ? 'package.nls.fr.json' : 'package.nls.json'), 'utf8')) as Record<string, string>;
  return { open: nls['command.openProposal'], insert: nls['command.insertReference'], copy: nls['command.copyReference'], find: nls['command.findCitations'] };
}

for (const locale of ['en', 'fr'] as const) {
  describe(`A workspace catalogue's proposal row offers the proposal rows' actions (${locale === 'fr' ? 'French' : 'English'} UI, headless Chromium)`, () => {
    let ui: UiSession;
    before(async () => { ui = await openWorkbench({ locale }); });
    after(async () => { await ui?.close(); });

    it('right-clicking FRA-3 shows open, insert, copy and find citations, and hovering it shows the inline insert action', async () => {
      const titles = rowCommandTitles(locale);
      const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
      await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
      await entry.first().click();
      const group = ui.page.locator(`.sidebar .monaco-list-row:has-text("${FRA_GROUP}")`);
      await ui.until('the FRA group row', async () => (await group.count()) > 0);
      await group.first().click();
      const row = ui.page.locator(`.sidebar .monaco-list-row:has-text("${FRA_3}")`);
      await ui.until('the FRA-3 row', async () => (await row.count()) > 0);

      await row.first().click({ button: 'right' });
      const items = ui.page.locator('.context-view .monaco-menu .action-item:not(.disabled) .action-label');
      const shown = await ui.until('the row\'s context menu', async () => {
        const labels = (await items.allInnerTexts()).map((l) => l.trim()).filter((l) => l !== '');
        return labels.length > 0 && labels;
      });
      await ui.screenshot(`${locale === 'fr' ? 'fr-' : ''}catalogue-fra-row-menu`);
      for (const title of [titles.open, titles.insert, titles.copy, titles.find]) {
        assert.ok(shown.includes(title), `"${title}" is not in the menu of an FRA row: ${shown.join(' | ')}`);
      }
      await ui.page.keyboard.press('Escape');
      await ui.until('the menu closed', async () => (await items.count()) === 0);

      await row.first().hover();
      const inline = row.first().locator(`.actions .action-label[aria-label^="${titles.insert}"]`);
      await ui.until('the inline insert action on the FRA-3 row', async () => (await inline.count()) > 0);
      await ui.screenshot(`${locale === 'fr' ? 'fr-' : ''}catalogue-fra-row-inline`);
    });
  });
}
