import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openWorkbench, repoRoot, UiSession } from './support/workbench';

const FOLDER = 'documents-bureautiques';

describe('Word and PDF documents in a proposal panel (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => {
    ui = await openWorkbench();
    fs.mkdirSync(path.join(ui.workspace, FOLDER));
    for (const name of ['plan.docx', 'plan.pdf']) {
      fs.copyFileSync(path.join(repoRoot, 'test/fixtures/office', name), path.join(ui.workspace, FOLDER, name));
    }
  });
  after(async () => { await ui?.close(); });

  it('lists the citations of a proposal in a .docx and a PDF, and opens the text view at the cited paragraph', async () => {
    const page = ui.page;
    await ui.until('the EGN activity bar entry', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
    await ui.runCommand('EGN: Open Proposal Details');
    await ui.until('the proposal pick', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes('EGN-1')));
    await page.keyboard.type('egn-40');
    await ui.until('the pick filtered on egn-40', async () => (await page.locator('.quick-input-widget .monaco-list-row').count()) === 1);
    await page.keyboard.press('Enter');
    const listed = async (): Promise<string[] | false> => {
      for (const frame of page.frames()) {
        const paths = await frame.evaluate<string[]>('[...document.querySelectorAll("ul.citations .path")].map((e) => e.textContent)').catch(() => []);
        if (paths.length >= 2) {
          return paths;
        }
      }
      return false;
    };
    const paths = await ui.until('the .docx and the PDF in the panel', listed, 60_000);
    await ui.webviewShown();
    await ui.screenshot('office-proposal-panel');
    assert.deepStrictEqual([...paths].sort(), [`${FOLDER}/plan.docx`, `${FOLDER}/plan.pdf`]);
    const frame = await ui.until('the panel frame', async () => {
      for (const f of page.frames()) {
        if ((await f.locator('ul.citations .path').count().catch(() => 0)) > 0) {
          return f;
        }
      }
      return false;
    });
    await frame.locator('ul.citations button:has-text("plan.pdf")').click();
    const tab = page.locator('.tabs-container .tab[aria-label^="plan.pdf — extracted text"]');
    await ui.until('the text view of plan.pdf', async () => (await tab.count()) > 0, 30_000);
    await ui.until('the cited paragraph in the editor', async () => (await page.locator('.monaco-editor .view-lines').innerText()).includes('EGN-40'));
    await ui.screenshot('office-text-view');
  });
});
