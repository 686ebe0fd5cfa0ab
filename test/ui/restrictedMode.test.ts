import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIND_TEXT } from './support/frames';
import { openWorkbench, UiSession } from './support/workbench';

const FRA_TITLE = 'Feuille de route numérique de l’académie du Val-de-Loutre';

/** A catalogue whose YAML asks for a JavaScript function (js-yaml's unsafe tag): loaded as code, it would write `marker`. */
function codeTagCatalogue(marker: string): string {
  return [
    'id: piege-code',
    'prefix: PCO',
    `title: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') }"`,
    'groups:',
    '  - id: axe',
    '    title: "Axe"',
    '    proposals:',
    '      - number: 1',
    '        title: "Action"',
    '',
  ].join('\n');
}

const JAVASCRIPT_URL_CATALOGUE = [
  'id: piege-lien',
  'prefix: PLI',
  'title: "Catalogue au lien piégé"',
  'groups:',
  '  - id: axe',
  '    title: "Axe"',
  '    proposals:',
  '      - number: 1',
  '        title: "Action"',
  '        url: "javascript:alert(document.cookie)"',
  '',
].join('\n');

/**
 * A French note with the letters and signs French writing needs (accents, ligatures, guillemets,
 * apostrophe, no-break spaces, n°, dashes, euro), then a control line in Greek: Restricted Mode must
 * still box letters of other scripts (VS Code's `nonBasicASCII` guard), just not French ones.
 */
const FRENCH_NOTE = [
  '# Équipement numérique des écoles',
  '',
  'À l’école, «\u00a0ÇA\u00a0» : Œuvre, cœur, maïs, Noël, où, dû, août, être, île — n° 3, 60\u202f% du budget (12\u00a0€)…',
  '',
  'Control: Δοκιμή',
  '',
].join('\n');

/**
 * A script for `page.evaluate`: for each box VS Code draws around a character (`.unicode-highlight`),
 * the text of the editor line it sits on (matched by its vertical position).
 */
const BOXED_LINES = `(() => {
  const lines = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')];
  return [...document.querySelectorAll('.monaco-editor .unicode-highlight')].map((box) => {
    const r = box.getBoundingClientRect();
    const middle = r.top + r.height / 2;
    const line = lines.find((l) => { const b = l.getBoundingClientRect(); return b.top <= middle && middle < b.bottom; });
    return line ? line.textContent : '?';
  });
})()`;

describe('The extension in Restricted Mode (workspace trust on, folder not trusted; headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ restricted: true }); });
  after(async () => { await ui?.close(); });

  it('opens the workspace in Restricted Mode, and still shows the EGN and the workspace FRA catalogue in the tree', async () => {
    const page = ui.page;
    await ui.until('the Restricted Mode indicator', async () => (await page.locator('.statusbar').innerText()).includes('Restricted Mode'));
    const entry = page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    await ui.until('both roots: the workspace catalogue is read in Restricted Mode', async () => {
      const rows = await page.locator('.sidebar .monaco-list-row').allInnerTexts();
      return rows.some((r) => r.includes(FRA_TITLE)) && rows.some((r) => r.includes('Les états généraux du numérique'));
    });
    await ui.screenshot('restricted-mode-tree');
  });

  it('hovers FRA-2 in a document of the untrusted workspace with the action of the workspace catalogue', async () => {
    const page = ui.page;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('compte-rendu-comite-pilotage.md');
    await ui.until('the file in quick open', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes('compte-rendu-comite-pilotage.md')));
    await page.keyboard.press('Enter');
    await ui.until('the minutes in the editor', async () => (await page.locator('.monaco-editor .view-lines').innerText()).includes('FRA-2'));
    const hover = page.locator('.monaco-hover .hover-contents');
    const text = await ui.until('the hover on FRA-2', async () => {
      await page.mouse.move(5, 5);
      const at = await page.evaluate<{ x: number; y: number } | null>(FIND_TEXT('FRA-2'));
      if (!at) {
        return undefined;
      }
      await page.mouse.move(at.x, at.y);
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const found = (await hover.allInnerTexts()).find((t) => t.includes('Ouvrir un parcours de formation hybride'));
        if (found) {
          return found;
        }
        await page.waitForFunction('true', undefined, { timeout: 1000 });
      }
      return undefined;
    });
    await ui.until('the hover faded in', async () => (await page.evaluate<string>('getComputedStyle(document.querySelector(".monaco-hover")).opacity')) === '1');
    await ui.screenshot('restricted-mode-hover-fra-2');
    assert.match(text, /FRA-2/);
  });

  it('reads hostile catalogues as data: a code tag and a javascript: address are refused at their line, nothing runs, the others keep working', async () => {
    const page = ui.page;
    await page.keyboard.press('Escape');
    const marker = path.join(ui.workspace, 'le-code-a-tourne.txt');
    fs.writeFileSync(path.join(ui.workspace, 'piege-code.catalogue.yaml'), codeTagCatalogue(marker));
    fs.writeFileSync(path.join(ui.workspace, 'piege-lien.catalogue.yaml'), JAVASCRIPT_URL_CATALOGUE);
    const rows = page.locator('.markers-panel .monaco-list-row');
    const shown = await ui.until('both files\' faults in the Problems panel', async () => {
      if ((await rows.count()) === 0) {
        await page.locator('[id="status.problems"]').first().click().catch(() => undefined);
      }
      const texts = (await rows.allInnerTexts()).join('\n');
      return texts.includes('piege-code.catalogue.yaml') && texts.includes('piege-lien.catalogue.yaml') && texts.includes('http://') && texts;
    });
    await ui.screenshot('restricted-mode-hostile-catalogues');
    assert.match(shown, /js\/function[\s\S]*\[Ln 3, Col \d+\]/, 'the code tag is reported on its line');
    assert.match(shown, /url: must be a web address starting with http:\/\/ or https:\/\/[\s\S]*\[Ln 10, Col \d+\]/, 'the javascript: address is reported on its line');
    assert.ok(!fs.existsSync(marker), 'the function in the catalogue never ran');
    // Neither file was half-loaded, and the FRA catalogue still is.
    const tree = await page.locator('.sidebar .monaco-list-row').allInnerTexts();
    assert.ok(tree.some((r) => r.includes(FRA_TITLE)), tree.join(' | '));
    assert.ok(!tree.some((r) => r.includes('Catalogue au lien piégé') || r.includes('function')), tree.join(' | '));
  });

  it('leaves French letters and signs unboxed in Restricted Mode, and still boxes the letters of another script', async () => {
    const page = ui.page;
    await page.keyboard.press('Escape');
    fs.writeFileSync(path.join(ui.workspace, 'note-accents.md'), FRENCH_NOTE);
    // Quick open learns of a new file through the file watcher: ask again until it lists it.
    await ui.until('the note in quick open', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('note-accents.md');
      return page.locator('.quick-input-widget .monaco-list-row', { hasText: 'note-accents.md' }).first().waitFor({ timeout: 3_000 }).then(() => true, () => false);
    }, 60_000);
    await page.keyboard.press('Enter');
    await ui.until('the note in the editor', async () => (await page.locator('.monaco-editor .view-lines').innerText()).includes('Δοκιμή'));
    // The boxes are computed in a worker: the Greek word's boxes say that they have been drawn.
    const boxed = await ui.until('the Greek control word boxed', async () => {
      const lines = await page.evaluate<string[]>(BOXED_LINES);
      return lines.some((l) => l.includes('Δοκιμή')) && lines;
    });
    await ui.screenshot('restricted-mode-french-unboxed');
    assert.deepStrictEqual([...new Set(boxed.filter((l) => !l.includes('Δοκιμή')))], [], 'no box on a French line');
  });
});
