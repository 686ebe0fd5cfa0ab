import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openWorkbench, repoRoot, UiSession } from './support/workbench';

const FOLDER = 'documents-bureautiques';

/** What the two display languages show. */
const LOCALES = {
  en: { openProposal: 'EGN: Open Proposal Details', tab: 'plan.pdf — extracted text', openOriginal: 'Open the Original Document' },
  fr: { openProposal: "Ouvrir la fiche d’une proposition…", tab: 'plan.pdf — texte extrait', openOriginal: 'Ouvrir le document d’origine' },
} as const;

for (const locale of ['en', 'fr'] as const) {
  const words = LOCALES[locale];
  describe(`Word and PDF documents in a proposal panel, ${locale === 'en' ? 'English' : 'French'} UI (headless Chromium)`, () => {
    let ui: UiSession;
    before(async () => {
      ui = await openWorkbench({ locale });
      fs.mkdirSync(path.join(ui.workspace, FOLDER));
      for (const name of ['plan.docx', 'plan.pdf']) {
        fs.copyFileSync(path.join(repoRoot, 'test/fixtures/office', name), path.join(ui.workspace, FOLDER, name));
      }
    });
    after(async () => { await ui?.close(); });

    it('lists the citations of a proposal in a .docx and a PDF, and opens the text view at the cited paragraph', async () => {
      const page = ui.page;
      await ui.until('the EGN activity bar entry', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
      await ui.runCommand(words.openProposal);
      await ui.until('the proposal pick', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes('EGN-1')));
      await page.keyboard.type('egn-40');
      await ui.until('the pick filtered on egn-40', async () => (await page.locator('.quick-input-widget .monaco-list-row').count()) === 1);
      await page.keyboard.press('Enter');
      const frame = await ui.until('the .docx and the PDF in the panel', async () => {
        for (const f of page.frames()) {
          if ((await f.locator('ul.citations .path').count().catch(() => 0)) >= 2) {
            return f;
          }
        }
        return false;
      }, 60_000);
      const paths = await frame.locator('ul.citations .path').allInnerTexts();
      await ui.webviewShown();
      await ui.screenshot(`office-proposal-panel-${locale}`);
      assert.deepStrictEqual([...paths].sort(), [`${FOLDER}/plan.docx`, `${FOLDER}/plan.pdf`]);
      await frame.locator('ul.citations button:has-text("plan.pdf")').click();
      const tab = page.locator(`.tabs-container .tab[aria-label^="${words.tab}"]`);
      await ui.until(`the tab « ${words.tab} »`, async () => (await tab.count()) > 0, 30_000);
      await ui.until('the cited paragraph in the editor', async () => (await page.locator('.monaco-editor .view-lines').innerText()).includes('EGN-40'));
      const button = page.locator(`.editor-actions [aria-label="${words.openOriginal}"]`);
      await ui.until(`the title-bar button « ${words.openOriginal} »`, async () => (await button.count()) > 0);
      await ui.screenshot(`office-text-view-${locale}`);
    });
  });
}
