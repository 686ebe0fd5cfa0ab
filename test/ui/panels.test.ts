import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { frameWithHeading } from './support/frames';
import { openWorkbench, UiSession } from './support/workbench';

async function openFromPalette(ui: UiSession, query: string): Promise<void> {
  const page = ui.page;
  await ui.until('the EGN activity bar entry', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
  await ui.runCommand('EGN: Open Proposal Details');
  await ui.until('the proposal pick', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes('EGN-1')));
  await page.keyboard.type(query);
  await ui.until(`the pick filtered on ${query}`, async () => (await page.locator('.quick-input-widget .monaco-list-row').count()) === 1);
  await page.keyboard.press('Enter');
}

describe('Proposal panels (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  it('opens a proposal clicked in the tree, showing its title, path, siblings and actions in the webview', async () => {
    const page = ui.page;
    const entry = page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    await page.locator('.sidebar .monaco-list-row:has-text("Enseigner et apprendre le numérique")').click();
    await page.locator('.sidebar .monaco-list-row[aria-label$="› Apprendre"]').click();
    await ui.screenshot('panel-tree-before-open');
    await page.locator('.sidebar .monaco-list-row[aria-label^="EGN-13,"]').click();
    const frame = await ui.until('the EGN-13 panel', () => frameWithHeading(ui, 'Certifier les compétences numériques des élèves avec PIX'), 60_000);
    const page13 = await frame.evaluate<{ id: string; breadcrumb: string; headings: string[]; buttons: string[]; landmarks: number }>(`(() => ({
      id: document.querySelector('h1 .id').textContent,
      breadcrumb: document.querySelector('.breadcrumb').textContent,
      headings: [...document.querySelectorAll('h2')].map((e) => e.textContent),
      buttons: [...document.querySelectorAll('button')].map((e) => e.textContent),
      landmarks: document.querySelectorAll('main, nav, header').length,
    }))()`);
    await ui.screenshot('panel-proposal-light');
    assert.strictEqual(page13.id, 'EGN-13');
    assert.ok(page13.breadcrumb.includes('Enseigner et apprendre') && page13.breadcrumb.includes('Apprendre'), page13.breadcrumb);
    assert.ok(page13.headings.some((h) => h.includes('PIX')), page13.headings.join(' | '));
    assert.ok(page13.buttons.some((b) => b.includes('EGN-7')), 'the other PIX proposals are listed');
    assert.ok(page13.buttons.some((b) => b.includes('Insert Reference')));
    assert.ok(page13.landmarks >= 3);
  });

  it('moves to the next proposal with the keyboard alone, focus visible', async () => {
    const frame = (await frameWithHeading(ui, 'Certifier les compétences numériques des élèves avec PIX'))!;
    // Put the focus in the page as a reader would (a click on its title), then only keys: Tab to the "next" link.
    await frame.locator('h1').click();
    const onNext = 'document.activeElement?.getAttribute("data-rel") === "next"';
    for (let presses = 0; presses < 40 && !(await frame.evaluate<boolean>(onNext)); presses++) {
      await ui.page.keyboard.press('Tab');
    }
    assert.ok(await frame.evaluate<boolean>(onNext), 'Tab reaches the link to the next proposal');
    const outline = await frame.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    await ui.screenshot('panel-proposal-focus');
    assert.notStrictEqual(outline, 'none', 'the focused control shows an outline');
    await ui.page.keyboard.press('Enter');
    await ui.until('the EGN-14 panel', () => frameWithHeading(ui, 'Concevoir un espace numérique personnel'), 60_000);
  });

  it('comes back on the same proposal after the window reloads', async () => {
    const page = ui.page;
    await openFromPalette(ui, 'egn-14');
    await ui.until('the EGN-14 panel', () => frameWithHeading(ui, 'Concevoir un espace numérique personnel'), 60_000);
    // A mark on the old document, so that only the reloaded one counts.
    await page.evaluate('window.egnBeforeReload = true');
    await ui.runCommand('Developer: Reload Window');
    await ui.until('the reloaded workbench', async () => (await page.evaluate('window.egnBeforeReload !== true')) && (await page.locator('.monaco-workbench .activitybar').count()) > 0, 60_000);
    const tab = ui.page.locator('.tabs-container .tab[aria-label^="EGN-14"]');
    await ui.until('the restored EGN-14 tab', async () => (await tab.count()) > 0, 60_000);
    await tab.first().click();
    const frame = await ui.until('the restored EGN-14 page', () => frameWithHeading(ui, 'Concevoir un espace numérique personnel'), 60_000);
    await ui.screenshot('panel-restored');
    assert.strictEqual(await frame.evaluate('document.querySelector("h1 .id").textContent'), 'EGN-14');
  });
});

describe('Proposal panels in a dark theme (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ colorScheme: 'dark' }); });
  after(async () => { await ui?.close(); });

  it('opens a proposal picked by typing without accents, readable light on dark', async () => {
    await openFromPalette(ui, 'citoyennete');
    const frame = await ui.until('the EGN-12 panel', () => frameWithHeading(ui, 'Développer la citoyenneté numérique'), 60_000);
    const colours = await frame.evaluate<{ bg: string; fg: string }>('({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color })');
    await ui.screenshot('panel-proposal-dark');
    const lum = (c: string) => { const [r, g, b] = (c.match(/\d+/g) ?? ['0', '0', '0']).map(Number); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    assert.ok(lum(colours.bg) < 80, `dark background: ${colours.bg}`);
    assert.ok(lum(colours.fg) > 150, `light text: ${colours.fg}`);
  });

  it('lists where the workspace cites the proposal without being asked (the index is built at startup), and opens a citation', async () => {
    if (!(await frameWithHeading(ui, 'Développer la citoyenneté numérique'))) {
      await openFromPalette(ui, 'egn-12');
    }
    await ui.until('the EGN-12 panel', () => frameWithHeading(ui, 'Développer la citoyenneté numérique'), 60_000);
    // Nothing is clicked: the citations must fill in by themselves once the startup build ends.
    const cited = await ui.until('the citations of EGN-12', async () => {
      const f = await frameWithHeading(ui, 'Développer la citoyenneté numérique');
      const paths = await f?.evaluate<string[]>('[...document.querySelectorAll("#citations .path")].map((e) => e.textContent)');
      return paths && paths.length > 0 && paths;
    }, 60_000);
    await ui.screenshot('panel-proposal-cited-dark');
    assert.ok(cited.includes('plan-numerique-academique.md'), cited.join(', '));
    const f = (await frameWithHeading(ui, 'Développer la citoyenneté numérique'))!;
    const index = cited.indexOf('plan-numerique-academique.md');
    await f.locator(`button[data-action="openCitation"][data-index="${index}"]`).click();
    await ui.until('the cited document open', async () => (await ui.page.locator('.tabs-container .tab[aria-label^="plan-numerique-academique.md"]').count()) > 0);
    // The editor selects the citation itself: line 19 of the plan, from column 65, six characters ("EGN-12").
    const selection = ui.page.locator('.statusbar-item[id="status.editor.selection"]');
    const where = await ui.until('the citation selected', async () => {
      const text = (await selection.count()) > 0 ? await selection.first().innerText() : '';
      return /Ln 19, Col (65|71)/.test(text) && text;
    });
    assert.match(where, /\(6 selected\)/, `the reference is selected: ${where}`);
  });

  it('opens the overview with the five themes and their counts, each revealing its theme in the tree', async () => {
    await ui.runCommand('EGN: Open Overview');
    const frame = await ui.until('the overview panel', () => frameWithHeading(ui, 'Les états généraux du numérique'), 60_000);
    const counts = await frame.evaluate<string[]>('[...document.querySelectorAll("tbody tr td:last-child")].map((e) => e.textContent.trim())');
    await ui.screenshot('panel-overview-dark');
    assert.strictEqual(counts.length, 5, counts.join(','));
    assert.ok(counts.every((c) => /^\d+$/.test(c)));
    // A theme's count reveals it in the catalogue.
    await frame.locator('button[data-theme="egal-acces"]').click();
    await ui.until('the theme selected in the tree', async () => (await ui.page.locator('.sidebar .monaco-list-row.selected[aria-label^="Garantir un égal accès"]').count()) > 0);
    await ui.screenshot('panel-overview-reveal-dark');
  });
});

describe('Proposal panels in a high-contrast theme (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ colorScheme: 'dark', settings: { 'workbench.colorTheme': 'Default High Contrast' } }); });
  after(async () => { await ui?.close(); });

  it('draws its buttons with the theme\'s contrast borders', async () => {
    await openFromPalette(ui, 'egn-7');
    const frame = await ui.until('the EGN-7 panel', () => frameWithHeading(ui, 'Certifier les compétences numériques des professeurs'), 60_000);
    const border = await frame.evaluate<string>('getComputedStyle(document.querySelector("button[data-action=copy]")).borderTopColor');
    // The webview's iframe is shown once its content has loaded: wait for it before the screenshot.
    await ui.webviewShown();
    await ui.screenshot('panel-proposal-high-contrast');
    assert.ok(!/rgba\(0, 0, 0, 0\)|transparent/.test(border), `a visible button border: ${border}`);
  });
});

/** The proposal ids in the visible proposal pages, and the label of every proposal tab. */
async function shownProposals(ui: UiSession): Promise<{ pages: string[]; tabs: string[] }> {
  const pages: string[] = [];
  for (const frame of ui.page.frames()) {
    const id = await frame.evaluate('document.visibilityState === "visible" ? document.querySelector("h1 .id")?.textContent ?? "" : ""').catch(() => '');
    if (typeof id === 'string' && /^EGN-\d+$/.test(id)) {
      pages.push(id);
    }
  }
  const tabs = (await ui.page.locator('.tabs-container .tab').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter((l) => /^EGN-\d+ ·/.test(l));
  return { pages, tabs };
}

/**
 * Waits for the preview to name `id` in its tab and show it in its page, and fails if the page shows
 * another proposal than its tab (what a click on a row did when the preview was out of sight).
 */
async function previewShows(ui: UiSession, id: string, screenshot: string): Promise<void> {
  const seen = await ui.until(`the preview's tab and page on ${id}`, async () => {
    const now = await shownProposals(ui);
    return now.tabs.length === 1 && now.tabs[0].startsWith(`${id} ·`) && now.pages.length === 1 && now.pages[0] === id && now;
  }, 20_000).catch(async (e: unknown) => {
    const now = await shownProposals(ui);
    throw new Error(`tab ${now.tabs.join(', ') || '(none)'} shows the page of ${now.pages.join(', ') || '(nothing)'}: ${String(e)}`);
  });
  await ui.webviewShown();
  await ui.screenshot(screenshot);
  assert.deepStrictEqual(seen.pages, [id]);
}

describe('The proposal preview shows the proposal its tab names, whatever was in front of it (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  const row = (id: string) => ui.page.locator(`.sidebar .monaco-list-row[aria-label^="${id},"]`);
  /** Opens a workspace file in the active group, in front of what was there. */
  const openFile = (name: string): Promise<void> => ui.openFile(name);

  /** Shows the catalogue with the rows of EGN-6 to EGN-14 in sight (once per window). */
  async function showRows(): Promise<void> {
    const page = ui.page;
    if ((await row('EGN-6').count()) > 0 && (await row('EGN-13').count()) > 0) {
      return;
    }
    const entry = page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    // A group the window shows expanded already (its state comes back with the window) would be
    // closed by a click: each is clicked only when closed, and must then show as open.
    for (const group of [':has-text("Enseigner et apprendre le numérique")', '[aria-label$="› Apprendre"]', '[aria-label$="› Enseigner"]']) {
      const target = page.locator(`.sidebar .monaco-list-row${group}`).first();
      await target.waitFor({ state: 'visible' });
      if ((await target.getAttribute('aria-expanded')) !== 'true') {
        await target.click();
      }
      await ui.until(`the group ${group} open`, async () => (await target.getAttribute('aria-expanded')) === 'true');
    }
    await ui.until('the rows of EGN-6 and EGN-13', async () => (await row('EGN-6').count()) > 0 && (await row('EGN-13').count()) > 0);
  }

  it('opens the clicked row in the preview', async () => {
    await showRows();
    await row('EGN-13').click();
    await previewShows(ui, 'EGN-13', 'preview-first');
  });

  it('behind a text editor: a click, then Enter on a row, show the new proposal', async () => {
    await openFile('plan-numerique-academique.md');
    await row('EGN-14').click();
    await previewShows(ui, 'EGN-14', 'preview-behind-text-click');
    await openFile('note-projet-ent.txt');
    // Enter on a row the keyboard reached: a right click moves the tree's focus without selecting.
    await row('EGN-9').click({ button: 'right' });
    await ui.page.keyboard.press('Escape');
    await ui.page.keyboard.press('Enter');
    await previewShows(ui, 'EGN-9', 'preview-behind-text-enter');
  });

  it('behind another panel: a click shows the new proposal', async () => {
    await ui.runCommand('EGN: Open Overview');
    await ui.until('the overview in front', () => frameWithHeading(ui, 'Les états généraux du numérique'), 60_000);
    await row('EGN-7').click();
    await previewShows(ui, 'EGN-7', 'preview-behind-panel');
  });

  it('in another editor group, in sight or behind a text editor: a click shows the new proposal', async () => {
    await ui.runCommand('View: Move Editor into Next Group');
    await ui.until('two editor groups', async () => (await ui.page.locator('.editor-group-container').count()) === 2);
    await row('EGN-8').click();
    await previewShows(ui, 'EGN-8', 'preview-other-group');
    await openFile('compte-rendu-comite-pilotage.md');
    await row('EGN-10').click();
    await previewShows(ui, 'EGN-10', 'preview-other-group-behind-text');
  });

  it('opens each row clicked once while the tree keeps redrawing (a cited file rewritten every 120 ms)', async () => {
    // Each write changes the index, and each change redraws the tree: clicks land during redraws. Not
    // faster: the index waits 50 ms after the last change before it tells the tree.
    await showRows();
    const churn = path.join(ui.workspace, 'annexes', 'churn.md');
    let turn = 0;
    const writer = setInterval(() => fs.writeFileSync(churn, `Voir EGN-${1 + (turn++ % 3)}.\n`), 120);
    try {
      for (const id of ['EGN-11', 'EGN-6', 'EGN-12', 'EGN-7', 'EGN-13', 'EGN-8', 'EGN-9', 'EGN-11', 'EGN-10', 'EGN-12', 'EGN-6', 'EGN-13', 'EGN-7', 'EGN-11', 'EGN-8', 'EGN-12']) {
        await row(id).click();
        await previewShows(ui, id, 'preview-during-redraws');
      }
    } finally {
      clearInterval(writer);
    }
  });
});

describe('The proposal preview behind a text editor, in French (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ locale: 'fr' }); });
  after(async () => { await ui?.close(); });

  it('shows the proposal its tab names after a click on a row while a document is in front of it', async () => {
    const page = ui.page;
    const row = (id: string) => page.locator(`.sidebar .monaco-list-row[aria-label^="${id},"]`);
    const entry = page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    await page.locator('.sidebar .monaco-list-row:has-text("Enseigner et apprendre le numérique")').click();
    await page.locator('.sidebar .monaco-list-row[aria-label$="› Apprendre"]').click();
    await row('EGN-13').click();
    await previewShows(ui, 'EGN-13', 'fr-preview-first');
    await ui.openFile('plan-numerique-academique.md');
    await row('EGN-12').click();
    await previewShows(ui, 'EGN-12', 'fr-preview-behind-text');
    const frame = (await frameWithHeading(ui, 'Développer la citoyenneté numérique'))!;
    const buttons = await frame.evaluate<string[]>('[...document.querySelectorAll("button")].map((e) => e.textContent)');
    assert.ok(buttons.some((b) => b.includes('Insérer la référence')), buttons.join(' | '));
  });
});
