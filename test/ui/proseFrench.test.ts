import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hoverInEditor } from './support/editorHover';
import { openWorkbench, UiSession } from './support/workbench';

/** A document citing the EGN as people write it, not with an id (issue 18). */
const NOTE = '# Suites des États généraux du numérique\n\nNotre académie met en œuvre la proposition n° 12 : éducation aux médias et à l’information.\n';

describe('Prose citations in a French workbench (headless Chromium, --locale fr)', () => {
  let ui: UiSession;

  before(async () => {
    ui = await openWorkbench({ locale: 'fr' });
    fs.writeFileSync(path.join(ui.workspace, 'note-suites-egn.md'), NOTE);
  });
  after(async () => { await ui?.close(); });

  it('hovers « la proposition n° 12 » with its proposal, « Lu dans le texte » and the French actions', async () => {
    const page = ui.page;
    await ui.openFile('note-suites-egn.md');
    await ui.until('the note in the editor', async () => (await page.locator('.monaco-editor .view-lines').innerText()).includes('proposition'));
    // One word: the editor draws spaces as no-break spaces, and its middle is inside the citation.
    const text = await hoverInEditor(ui, 'proposition', (t) => t.includes('citoyenneté numérique') && t.includes('Lu dans le texte'));
    await ui.screenshot('fr-prose-hover');
    assert.match(text, /citoyenneté numérique/);
    assert.match(text, /Lu dans le texte\s?:\s?«\s?proposition n°\s?12\s?»/);
    assert.match(text, /Afficher dans le catalogue/);
    assert.doesNotMatch(text, /Read from prose/);
    await page.mouse.move(5, 5);
  });
});
