import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openWorkbench, UiSession } from './support/workbench';

/** A catalogue a writer mistyped: `titel` for `title`, so the title is missing too. */
const MISTYPED = [
  'id: projet-ecole',
  'prefix: PRJ',
  'titel: "Projet d’école numérique"',
  'groups:',
  '  - id: axe',
  '    title: "Axe unique"',
  '    proposals:',
  '      - number: 1',
  '        title: "Équiper les classes"',
  '',
].join('\n');

describe('An invalid workspace catalogue in a French workbench (headless Chromium, --locale fr)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench({ locale: 'fr' }); });
  after(async () => { await ui?.close(); });

  it('lists the faults in French in the Problems panel, with French typography', async () => {
    const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    await ui.until('the FRA root (the workspace catalogues are loaded)', async () =>
      (await ui.page.locator('.sidebar .monaco-list-row').allInnerTexts()).some((r) => r.includes('Feuille de route numérique')));
    fs.writeFileSync(path.join(ui.workspace, 'projet.catalogue.yaml'), MISTYPED);

    const rows = ui.page.locator('.markers-panel .monaco-list-row');
    const shown = await ui.until('the catalogue\'s problems in the Problems panel', async () => {
      if ((await rows.count()) === 0) {
        // The status bar's problems counter opens the panel, as a writer would.
        await ui.page.locator('[id="status.problems"]').first().click().catch(() => undefined);
      }
      const texts = (await rows.allInnerTexts()).join('\n');
      return texts.includes('titel') && texts;
    });
    await ui.screenshot('fr-catalogue-problems');
    assert.ok(shown.includes('champ titel\u00a0: propriété inconnue «\u00a0titel\u00a0» (vouliez-vous dire «\u00a0title\u00a0»\u00a0?)'), JSON.stringify(shown));
    assert.ok(shown.includes('(niveau supérieur)\u00a0: il manque la propriété obligatoire «\u00a0title\u00a0»'), JSON.stringify(shown));
    assert.ok(!/unknown property|missing the required property|top level/.test(shown), `English left in: ${shown}`);
  });
});
