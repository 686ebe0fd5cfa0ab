import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { frameWithHeading } from './support/frames';
import { hoverInEditor } from './support/editorHover';
import { openWorkbench, repoRoot, UiSession } from './support/workbench';

/** The extension's own English messages whose French differs, as fragments long enough to be its own. */
function englishOnlyFragments(): string[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
  const nlsEn = read('package.nls.json');
  const nlsFr = read('package.nls.fr.json');
  const bundleFr = read('l10n/bundle.l10n.fr.json');
  const pairs: [string, string][] = [
    ...Object.entries(nlsEn).map(([k, en]): [string, string] => [en, nlsFr[k] ?? '']),
    ...Object.entries(bundleFr).map(([en, fr]): [string, string] => [en, fr]),
  ];
  const fragments = new Set<string>();
  for (const [en, fr] of pairs) {
    if (en === fr || en.startsWith('media/')) {
      continue;
    }
    // What a page shows of the message: no placeholders, link targets or Markdown code marks.
    const shown = en.replace(/\]\([^)]*\)/g, ']').replace(/[`*[\]]/g, '');
    for (const part of shown.split(/\{\d+\}|\n/)) {
      const f = part.trim().replace(/[.,:;…]+$/, '');
      // Short words ("Next", "Theme") are also VS Code's own or the catalogue's: too common to tell.
      if (f.length >= 12 && /[a-z] [a-z]/i.test(f)) {
        fragments.add(f);
      }
    }
  }
  return [...fragments];
}

/** The extension's whole English messages without placeholders whose French differs ("Next", "Theme:"). */
function englishOnlyMessages(): Set<string> {
  const bundleFr = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
  return new Set(Object.entries(bundleFr).filter(([en, fr]) => en !== fr && !/\{\d+\}/.test(en)).map(([en]) => en));
}

describe('The extension in a French workbench (headless Chromium, --locale fr)', () => {
  let ui: UiSession;
  const english = englishOnlyFragments();
  const englishMessages = englishOnlyMessages();
  const rows = (): Promise<string[]> => ui.page.locator('.sidebar .monaco-list-row').allInnerTexts();
  const pickRows = (): Promise<string[]> => ui.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();

  /** Every text shown now, in the workbench and in every webview, with no-break spaces made plain. */
  async function shownText(): Promise<string> {
    const texts: string[] = [];
    for (const frame of ui.page.frames()) {
      try {
        // The palette's grey second line is the workbench's English alias of a command, shown on
        // purpose so that English names still find it: not a string left untranslated.
        texts.push(await frame.evaluate<string>(`(() => {
          if (!document.body) { return ''; }
          const aliases = [...document.querySelectorAll('.quick-input-list-label-meta')];
          for (const a of aliases) { a.style.display = 'none'; }
          const text = document.body.innerText;
          for (const a of aliases) { a.style.display = ''; }
          return text;
        })()`));
      } catch {
        // A frame that navigated or closed meanwhile.
      }
    }
    return texts.join('\n');
  }

  /** Fails if the screen shows one of the extension's English-only strings. */
  async function assertNoEnglish(where: string): Promise<void> {
    const text = (await shownText()).replace(/[\u00a0\u202f]/g, ' ');
    const found = english.filter((f) => text.includes(f));
    assert.deepStrictEqual(found, [], `English strings of the extension shown in the French UI (${where})`);
    // In the extension's webviews, short labels too: a heading, button or cell that is exactly an English message.
    const labels: string[] = [];
    for (const frame of ui.page.frames().filter((f) => f !== ui.page.frames()[0])) {
      try {
        labels.push(...await frame.evaluate<string[]>('[...document.querySelectorAll("h1, h2, h3, button, th, td, label, a, p, li")].map((e) => e.textContent.trim())'));
      } catch {
        // A frame that navigated or closed meanwhile.
      }
    }
    const short = [...new Set(labels.filter((l) => englishMessages.has(l)))];
    assert.deepStrictEqual(short, [], `English labels of the extension in a French webview (${where})`);
  }

  before(async () => { ui = await openWorkbench({ locale: 'fr' }); });
  after(async () => { await ui?.close(); });

  it('knows English-only strings to look for (the English check can fail)', () => {
    assert.ok(english.includes('Open Proposal Details'), english.join(' | '));
    assert.ok(english.includes('Coverage of the proposals of the EGN (2020)'));
    assert.ok(english.length > 60, String(english.length));
    assert.ok(englishMessages.has('Next') && englishMessages.has('Theme:') && !englishMessages.has('Actions'));
  });

  it('shows the view as « EGN 2020 : Propositions » with the six themes, the workbench itself in French', async () => {
    const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
    await entry.first().click();
    await ui.until('the themes', async () => (await rows()).some((r) => r.includes('Garantir un égal accès au numérique')));
    const title = (await ui.page.locator('.sidebar .composite.title').innerText()).trim();
    const explorer = await ui.page.locator('.activitybar [aria-label^="Explorateur"]').count();
    await ui.screenshot('fr-catalogue');
    assert.match(title, /^EGN 2020\s?:\s?PROPOSITIONS$/i);
    assert.ok(explorer > 0, 'the workbench shows « Explorateur » (the language pack is in use)');
    await assertNoEnglish('catalogue');
  });

  it('finds the commands by their French titles in the palette', async () => {
    const page = ui.page;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    const titles = ["Ouvrir la fiche d’une proposition…", 'Ouvrir la présentation des EGN', 'Filtrer les propositions…', 'Insérer une référence à une proposition…', "Rechercher les citations dans l’espace de travail", 'Ouvrir le rapport de couverture (espace de travail)', 'Exporter la couverture…', "Reconstruire l’index des citations"];
    for (const title of titles) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`>${title}`);
      // A row's aria-label is its title as shown (the English alias under it is the workbench's own help).
      await ui.until(`« EGN: ${title} » in the palette`, async () => (await page.evaluate<string[]>('[...document.querySelectorAll(".quick-input-widget .monaco-list-row")].map((e) => e.getAttribute("aria-label") ?? "")')).some((l) => l.startsWith(`EGN: ${title}`)));
      if (title.startsWith('Ouvrir la fiche')) {
        await ui.screenshot('fr-palette');
        await assertNoEnglish('palette');
      }
    }
    await page.keyboard.press('Escape');
  });

  it('filters the catalogue and says so in French, with its no-break spaces', async () => {
    await ui.runCommand('Filtrer les propositions…');
    await ui.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    const prompt = await ui.page.locator('.quick-input-widget').innerText();
    await ui.page.keyboard.type('pix');
    await ui.screenshot('fr-filter-input');
    assert.ok(prompt.includes('Des mots du titre'), prompt);
    await ui.page.keyboard.press('Enter');
    const message = await ui.until('the filter message', async () => {
      const m = (await ui.page.locator('.sidebar .customview-tree .message, .sidebar .tree-explorer-viewlet-tree-view .message').allInnerTexts()).join(' ');
      return m.includes('pix') && m;
    });
    await ui.screenshot('fr-catalogue-filtered');
    assert.strictEqual(message.trim(), 'Filtre\u00a0: «\u00a0pix\u00a0» — 3 propositions');
    await assertNoEnglish('filtered catalogue');
    await ui.runCommand('Effacer le filtre');
    await ui.until('the whole catalogue back', async () => (await rows()).some((r) => r.includes('Propositions communes')));
  });

  it('opens a proposal panel with French headings and actions', async () => {
    await ui.runCommand("Ouvrir la fiche d’une proposition…");
    await ui.until('the proposal pick', async () => (await pickRows()).some((l) => l.includes('EGN-1')));
    await ui.page.keyboard.type('citoyennete');
    await ui.until('one proposal left', async () => (await pickRows()).length === 1);
    await ui.page.keyboard.press('Enter');
    const frame = await ui.until('the EGN-12 panel', () => frameWithHeading(ui, 'Développer la citoyenneté numérique'), 60_000);
    const page = await frame.evaluate<{ headings: string[]; buttons: string[]; lang: string }>(`(() => ({
      headings: [...document.querySelectorAll('h2')].map((e) => e.textContent.trim()),
      buttons: [...document.querySelectorAll('button')].map((e) => e.textContent.trim()),
      lang: document.documentElement.lang,
    }))()`);
    await ui.webviewShown();
    await ui.screenshot('fr-proposal-panel');
    assert.ok(page.buttons.includes('Insérer la référence'), page.buttons.join(' | '));
    assert.ok(page.buttons.includes('Copier la référence'), page.buttons.join(' | '));
    assert.ok(page.headings.some((h) => h.startsWith('Citée dans cet espace de travail')), page.headings.join(' | '));
    await assertNoEnglish('proposal panel');
  });

  it('opens the overview with its French section headings', async () => {
    await ui.runCommand('Ouvrir la présentation des EGN');
    const frame = await ui.until('the overview panel', () => frameWithHeading(ui, 'Les états généraux du numérique'), 60_000);
    const headings = await frame.evaluate<string[]>('[...document.querySelectorAll("h2")].map((e) => e.textContent.trim())');
    await ui.webviewShown();
    await ui.screenshot('fr-overview');
    for (const h of ['Dates et lieu', 'Étapes de la consultation', 'Les cinq thématiques', 'Espaces participatifs', 'Contexte de la crise sanitaire', 'EGN territoriaux']) {
      assert.ok(headings.includes(h), `« ${h} » in ${headings.join(' | ')}`);
    }
    await assertNoEnglish('overview');
  });

  it('opens the coverage report with French headings and summary, 60 % written with a no-break space', async () => {
    await ui.runCommand('Ouvrir le rapport de couverture (espace de travail)');
    const frame = await ui.until('the coverage report', async () => {
      for (const f of ui.page.frames()) {
        try {
          if ((await f.evaluate('document.querySelectorAll("table.themes .bar > span").length')) as number > 0) {
            return f;
          }
        } catch {
          // A frame that navigated meanwhile.
        }
      }
      return undefined;
    }, 60_000);
    const report = await frame.evaluate<{ h1: string; headings: string[]; summary: string }>(`(() => ({
      h1: document.querySelector('h1').textContent.trim(),
      headings: [...document.querySelectorAll('h2')].map((e) => e.textContent.trim()),
      summary: document.querySelector('.summary').textContent,
    }))()`);
    await ui.webviewShown();
    await ui.screenshot('fr-coverage');
    assert.strictEqual(report.h1, 'Couverture des propositions des EGN (2020)');
    assert.ok(report.headings.includes('Par thème') && report.headings.some((h) => h.startsWith('Propositions non citées')), report.headings.join(' | '));
    assert.match(report.summary, /^\d+ des 40 propositions sont citées \(\d+\u00a0%\)\.$/);
    await assertNoEnglish('coverage report');
  });

  it('shows the hover of EGN-12 with its French actions, and the status bar tooltip in French', async () => {
    const page = ui.page;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('plan-numerique-academique.md');
    await ui.until('the file in quick open', async () => (await pickRows()).some((t) => t.includes('plan-numerique-academique.md')));
    await page.keyboard.press('Enter');
    await ui.until('the plan in the editor', async () => (await page.locator('.monaco-editor .view-lines').innerText()).includes('EGN-12'));
    const text = await hoverInEditor(ui, 'EGN-12', (t) => t.includes('citoyenneté numérique') && t.includes('Ouvrir la fiche'));
    await ui.screenshot('fr-hover');
    assert.match(text, /Ouvrir la fiche/);
    assert.match(text, /Afficher dans le catalogue/);
    await assertNoEnglish('hover');
    await page.mouse.move(5, 5);

    const item = page.locator('.statusbar-item[id$="egn.citations"]');
    await ui.until('the EGN status bar item', async () => (await item.count()) > 0);
    const label = await item.locator('a').first().getAttribute('aria-label');
    await item.hover();
    const tooltip = await ui.until('the status bar tooltip', async () => (await page.locator('.monaco-hover, .workbench-hover').allInnerTexts()).find((t) => t.includes('Ce document cite')));
    await ui.screenshot('fr-status-bar-tooltip');
    assert.match(label ?? '', /^Ce document cite \d+ des 40 propositions$/);
    assert.match(tooltip, /Ce document cite \d+ des 40 propositions\. Cliquer pour ouvrir son rapport de couverture\./);
    await page.mouse.move(5, 5);
  });

  it('opens the insert pick with Ctrl+Alt+E, its prompt in French', async () => {
    const page = ui.page;
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Alt+E');
    await ui.until('the proposal pick', async () => (await pickRows()).some((l) => l.includes('EGN-1')));
    const widget = await page.locator('.quick-input-widget').innerText();
    const placeholder = await page.locator('.quick-input-widget input').getAttribute('placeholder');
    await ui.screenshot('fr-insert-pick');
    assert.ok(`${widget}\n${placeholder}`.includes('Tapez des mots d’un titre'), `${widget}\n${placeholder}`);
    await assertNoEnglish('insert pick');
    await page.keyboard.press('Escape');
  });

  it('shows the walkthrough in French, its steps and their pages', async () => {
    const page = ui.page;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('procédure pas à pas');
    await ui.until('the walkthrough command', async () => (await pickRows()).some((r) => r.includes('Ouvrir la procédure pas à pas')));
    await page.keyboard.press('Enter');
    await ui.until('the walkthrough list', async () => (await pickRows()).some((r) => r.includes('Citer les propositions des EGN')));
    await page.keyboard.type('Citer les propositions');
    await page.keyboard.press('Enter');
    const steps = await ui.until('the steps', async () => {
      const t = await page.locator('.gettingStartedContainer').allInnerTexts();
      const s = t.join('\n');
      return s.includes('Parcourir le catalogue') && s.includes('Survoler une référence') && s.includes('Insérer une référence') && s;
    }, 60_000);
    const frame = await ui.until('the French page of the step', () => frameWithHeading(ui, 'Parcourir les 40 propositions'), 30_000);
    const media = await frame.evaluate<string>('document.querySelector("h1")?.textContent ?? ""');
    await ui.screenshot('fr-walkthrough');
    assert.ok(steps.includes('Citer les propositions des EGN'), steps);
    assert.strictEqual(media, 'Parcourir les 40 propositions');
    await assertNoEnglish('walkthrough');
  });
});
