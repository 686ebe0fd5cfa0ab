import * as assert from 'assert';
import type { Frame } from '../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };
import { openWorkbench, UiSession } from './support/workbench';

/** The webview frame whose page has an h1 containing `text`, if any. */
async function frameWithHeading(ui: UiSession, text: string): Promise<Frame | undefined> {
  for (const frame of ui.page.frames()) {
    try {
      const h1 = await frame.evaluate('document.querySelector("h1")?.textContent ?? ""');
      if (typeof h1 === 'string' && h1.includes(text)) {
        return frame;
      }
    } catch {
      // A frame that navigated or closed meanwhile.
    }
  }
  return undefined;
}

async function openFromPalette(ui: UiSession, query: string): Promise<void> {
  const page = ui.page;
  await ui.until('the EGN activity bar entry', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type('EGN: Open Proposal Details');
  await ui.until('the command in the palette', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes('Open Proposal Details')));
  await page.keyboard.press('Enter');
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
    await frame.evaluate('document.querySelector("[data-rel=next]").focus()');
    const outline = await frame.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    await ui.screenshot('panel-proposal-focus');
    assert.notStrictEqual(outline, 'none', 'the focused control shows an outline');
    await ui.page.keyboard.press('Enter');
    await ui.until('the EGN-14 panel', () => frameWithHeading(ui, 'Concevoir un espace numérique personnel'), 60_000);
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

  it('opens the overview with the five themes and their counts', async () => {
    const page = ui.page;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('EGN: Open Overview');
    await ui.until('the overview command', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes('Open Overview')));
    await page.keyboard.press('Enter');
    const frame = await ui.until('the overview panel', () => frameWithHeading(ui, 'Les états généraux du numérique'), 60_000);
    const counts = await frame.evaluate<string[]>('[...document.querySelectorAll("tbody tr td:last-child")].map((e) => e.textContent.trim())');
    await ui.screenshot('panel-overview-dark');
    assert.strictEqual(counts.length, 5, counts.join(','));
    assert.ok(counts.every((c) => /^\d+$/.test(c)));
  });
});
