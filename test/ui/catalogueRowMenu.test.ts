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

function frenchBundle(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
}

function fillIn(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)]);
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

    it('shows how many proposals of a long-titled group and catalogue are cited as a badge, in full at the default sidebar width', async () => {
      // The badge is drawn by VS Code after the label (the ::after of the row's label), outside the
      // part an ellipsis cuts; the rows' titles here are cut.
      const badgeOf = (title: string) => ui.page.evaluate<{ badge: string; labelCut: boolean; badgeCut: boolean } | undefined>(`(() => {
        const row = [...document.querySelectorAll('.sidebar .monaco-list-row')].find((r) => r.innerText.includes(${JSON.stringify(title)}));
        const label = row && row.querySelector('.monaco-icon-label');
        const name = row && row.querySelector('.monaco-icon-label-container');
        if (!label || !name) { return undefined; }
        return {
          badge: getComputedStyle(label, '::after').content,
          labelCut: name.scrollWidth > name.clientWidth,
          // The badge is the label's last flex item: cut, it would make the label overflow.
          badgeCut: label.scrollWidth > label.clientWidth || label.getBoundingClientRect().right > row.getBoundingClientRect().right,
        };
      })()`);
      for (const [title, badge] of [[FRA_GROUP, '"3"'], ['Feuille de route numérique', '"7"']] as const) {
        const shown = await ui.until(`the badge of "${title}"`, async () => {
          const b = await badgeOf(title);
          return b && b.badge === badge && b;
        });
        assert.ok(shown.labelCut, `the title "${title}" is cut at this width, as the test needs`);
        assert.ok(!shown.badgeCut, `the badge of "${title}" is cut`);
      }
      // Its hover says what the figure is, in the workbench's language.
      const said = fillIn(locale === 'fr' ? frenchBundle()['{0} of {1} proposals cited'] : '{0} of {1} proposals cited', ['3', '4']);
      await ui.page.locator(`.sidebar .monaco-list-row:has-text("${FRA_GROUP}")`).first().hover();
      await ui.until(`the hover "${said}"`, async () => (await ui.page.locator('.workbench-hover, .monaco-hover').allInnerTexts()).some((t) => t.replace(/\u00a0/g, ' ').includes(said.replace(/\u00a0/g, ' '))));
      await ui.screenshot(`${locale === 'fr' ? 'fr-' : ''}catalogue-group-badges`);
    });
  });
}
