import * as assert from 'assert';
import { openWorkbench, UiSession } from './support/workbench';
import type { Frame } from '../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };

const EGN_TITLE = 'Les états généraux du numérique pour l’éducation';
const FRA_TITLE = 'Feuille de route numérique de l’académie du Val-de-Loutre';

describe('Catalogue view with a workspace catalogue (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  it('shows the EGN root first and the demo FRA roadmap beside it, each with its groups, under a title that is not cut', async () => {
    const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    const rows = ui.page.locator('.sidebar .monaco-list-row');
    const shown = await ui.until('both roots and their groups', async () => {
      const r = await rows.allInnerTexts();
      return r.some((x) => x.includes(FRA_TITLE)) && r.some((x) => x.includes('Former et accompagner les équipes')) && r;
    });
    await ui.screenshot('catalogue-roots');
    const egnAt = shown.findIndex((x) => x.includes(EGN_TITLE));
    const fraAt = shown.findIndex((x) => x.includes(FRA_TITLE));
    assert.ok(egnAt === 0 && fraAt > egnAt, shown.join(' | '));
    assert.ok(shown.some((x) => x.includes('Garantir un égal accès au numérique')), 'the EGN groups are shown open under their root');
    // Roots at the first level, groups at the second.
    assert.strictEqual(await ui.page.locator(`.sidebar .monaco-list-row[aria-level="1"]:has-text("${FRA_TITLE}")`).count(), 1);
    assert.strictEqual(await ui.page.locator('.sidebar .monaco-list-row[aria-level="2"]:has-text("Former et accompagner les équipes")').count(), 1);

    // The view's title reads in full at the default sidebar width: the less used actions are in the "…" menu.
    const fits = await ui.page.evaluate<{ text: string; fits: boolean }>(`(() => {
      const h = document.querySelector('.sidebar .composite.title .title-label h2');
      return { text: h ? h.textContent : '(no title)', fits: !!h && h.scrollWidth <= h.clientWidth };
    })()`);
    assert.ok(fits.fits, `the title "${fits.text}" is cut`);
  });

  it('opens the panel of a FRA action from its row, with its catalogue, description and a button for its page', async () => {
    await ui.page.locator('.sidebar .monaco-list-row:has-text("Former et accompagner les équipes")').click();
    const row = ui.page.locator('.sidebar .monaco-list-row:has-text("2. Ouvrir un parcours de formation hybride")');
    await row.click();
    const panel = async (): Promise<Frame | undefined> => {
      for (const f of ui.page.frames()) {
        const text = await f.evaluate('document.body ? document.body.innerText : ""').catch(() => '');
        if (typeof text === 'string' && text.includes('Trois modules à distance')) {
          return f;
        }
      }
      return undefined;
    };
    // One click: it opens even when it lands while the tree redraws (the index's counts arrive at
    // startup), since a row's command no longer carries arguments a refresh could invalidate.
    const frame = await ui.until('the FRA-2 panel', panel);
    await ui.screenshot('catalogue-roots-panel');
    const text = String(await frame.evaluate('document.body.innerText'));
    assert.ok(text.includes(FRA_TITLE), text);
    assert.strictEqual(Number(await frame.evaluate('document.querySelectorAll("[data-action=openUrl]").length')), 1);
    assert.strictEqual(Number(await frame.evaluate('document.querySelectorAll("a[href]").length')), 0, 'no link in the page');
  });
});

describe('Catalogue view title in French (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ locale: 'fr' }); });
  after(async () => { await ui?.close(); });

  it('reads "EGN 2020: PROPOSITIONS" in full at the default sidebar width, with both roots below', async () => {
    const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    await ui.until('both roots', async () => {
      const r = await ui.page.locator('.sidebar .monaco-list-row').allInnerTexts();
      return r.some((x) => x.includes(FRA_TITLE)) && r.some((x) => x.includes(EGN_TITLE));
    });
    await ui.screenshot('fr-catalogue-roots');
    const fits = await ui.page.evaluate<{ text: string; fits: boolean }>(`(() => {
      const h = document.querySelector('.sidebar .composite.title .title-label h2');
      return { text: h ? h.textContent : '(no title)', fits: !!h && h.scrollWidth <= h.clientWidth };
    })()`);
    assert.match(fits.text, /Propositions/i);
    assert.ok(fits.fits, `the title "${fits.text}" is cut`);
  });
});
