import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { coverageFrame, frameWithHeading } from './support/frames';
import { openWorkbench, UiSession } from './support/workbench';

async function tabLabels(ui: UiSession): Promise<string[]> {
  return ui.page.evaluate<string[]>('[...document.querySelectorAll(".tabs-container .tab")].map((t) => t.getAttribute("aria-label") ?? "")');
}

async function openCatalogue(ui: UiSession): Promise<void> {
  const entry = ui.page.locator('.activitybar [aria-label^="EGN"]');
  await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0);
  if ((await ui.page.locator('.sidebar .monaco-list-row:has-text("Enseigner et apprendre le numérique")').count()) === 0) {
    await entry.first().click();
  }
}

describe('What a writer trips on (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  it('shows the citation count of a cited proposal as a badge in sight at the default sidebar width', async () => {
    const page = ui.page;
    await openCatalogue(ui);
    // Counts come with the index: the coverage report builds it.
    await ui.runCommand('EGN: Open Coverage Report (Workspace)');
    await ui.until('the coverage report', () => coverageFrame(ui), 60_000);
    await page.locator('.sidebar .monaco-list-row:has-text("Enseigner et apprendre le numérique")').click();
    await page.locator('.sidebar .monaco-list-row[aria-label$="› Apprendre"]').click();
    type Badge = { content: string; labelRight: number; sidebarWidth: number; sidebarRight: number };
    const badge = await ui.until('the badge of EGN-12', async () => {
      const b = await page.evaluate<Badge | null>(`(() => {
        const row = document.querySelector('.sidebar .monaco-list-row[aria-label^="EGN-12,"]');
        const label = row && row.querySelector('.monaco-icon-label');
        if (!label) {
          return null;
        }
        const sidebar = document.querySelector('.part.sidebar').getBoundingClientRect();
        return { content: getComputedStyle(label, '::after').content, labelRight: label.getBoundingClientRect().right, sidebarWidth: sidebar.width, sidebarRight: sidebar.right };
      })()`);
      return b && b.content !== 'none' && b.content !== 'normal' && b;
    });
    await ui.screenshot('traps-tree-badges');
    assert.match(badge.content, /^"\d{1,2}"$/, `a one- or two-digit badge: ${badge.content}`);
    assert.ok(badge.labelRight <= badge.sidebarRight + 0.5, `the label (badge included) ends inside the sidebar: ${JSON.stringify(badge)}`);
    assert.ok(badge.sidebarWidth < 400, `the default sidebar width: ${badge.sidebarWidth}`);
  });

  it('leaves one panel tab after two single clicks on two proposals, showing the second', async () => {
    const page = ui.page;
    await ui.runCommand('View: Close All Editors');
    await ui.until('no editor', async () => (await tabLabels(ui)).length === 0);
    await page.locator('.sidebar .monaco-list-row[aria-label^="EGN-12,"]').click();
    await ui.until('the EGN-12 panel', () => frameWithHeading(ui, 'Développer la citoyenneté numérique'), 60_000);
    await page.locator('.sidebar .monaco-list-row[aria-label^="EGN-13,"]').click();
    await ui.until('EGN-13 shown', () => frameWithHeading(ui, 'Certifier les compétences numériques des élèves avec PIX'), 60_000);
    const tabs = await ui.until('one tab, for EGN-13', async () => { const t = await tabLabels(ui); return t.length === 1 && t[0].startsWith('EGN-13') && t; });
    await ui.screenshot('traps-one-preview-tab');
    assert.strictEqual(tabs.length, 1, tabs.join(' | '));
  });

  it('opens exactly one new tab, the proposal panel, on Ctrl+click on a reference', async () => {
    const page = ui.page;
    await ui.runCommand('View: Close All Editors');
    await ui.until('no editor', async () => (await tabLabels(ui)).length === 0);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('plan-numerique-academique.md');
    await ui.until('the file in quick open', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes('plan-numerique-academique.md')));
    await page.keyboard.press('Enter');
    await ui.until('the plan open', async () => (await tabLabels(ui)).some((t) => t.startsWith('plan-numerique-academique.md')));
    const link = page.locator('.monaco-editor .view-lines span.detected-link:text-is("EGN-6")');
    await ui.until('EGN-6 detected as a link', async () => (await link.count()) > 0);
    await link.first().click({ modifiers: ['Control'] });
    await ui.until('the EGN-6 panel', async () => (await tabLabels(ui)).some((t) => t.startsWith('EGN-6 ')), 60_000);
    // Whatever else would open does it within this time: the definition used to open in a split.
    const deadline = Date.now() + 2000;
    let tabs = await tabLabels(ui);
    while (Date.now() < deadline && tabs.length <= 2) {
      // One round trip to the page between looks (a busy machine may take long to answer: no short timeout).
      await page.waitForFunction('true');
      tabs = await tabLabels(ui);
    }
    await ui.screenshot('traps-ctrl-click');
    assert.deepStrictEqual(tabs.filter((t) => !t.startsWith('plan-numerique-academique.md')).length, 1, tabs.join(' | '));
    assert.ok(!tabs.some((t) => t.includes('egn-2020.yaml')), tabs.join(' | '));
  });

  it('shows the next Ctrl+clicked reference in that same preview tab, in its group, instead of another tab', async () => {
    const page = ui.page;
    const link = page.locator('.monaco-editor .view-lines span.detected-link:text-is("EGN-7")');
    await ui.until('EGN-7 detected as a link', async () => (await link.count()) > 0);
    await link.first().click({ modifiers: ['Control'] });
    const proposalTabs = async (): Promise<string[]> => (await tabLabels(ui)).filter((t) => /^EGN-\d+ ·/.test(t));
    const tabs = await ui.until('the preview on EGN-7', async () => { const t = await proposalTabs(); return t.length === 1 && t[0].startsWith('EGN-7 ') && t; }, 30_000);
    const heading = await ui.until('the EGN-7 page', async () => {
      for (const f of page.frames()) {
        const id = await f.evaluate('document.visibilityState === "visible" ? document.querySelector("h1 .id")?.textContent ?? "" : ""').catch(() => '');
        if (id === 'EGN-7') {
          return id;
        }
      }
      return undefined;
    });
    await ui.webviewShown();
    await ui.screenshot('traps-ctrl-click-second');
    assert.strictEqual(heading, 'EGN-7');
    assert.strictEqual(await page.locator('.editor-group-container').count(), 2, 'the text and the one preview beside it');
    assert.deepStrictEqual(tabs.length, 1, tabs.join(' | '));
  });

  it('scrolls the 40th column of the coverage matrix into view, with the document column pinned and a scroll cue', async () => {
    await ui.runCommand('EGN: Open Coverage Report (Workspace)');
    const frame = await ui.until('the coverage report', () => coverageFrame(ui), 60_000);
    await frame.evaluate('document.querySelector("table.matrix").scrollIntoView()');
    const before = await ui.until('the scroll cue', () => frame.evaluate<{ hint: boolean; moreRight: boolean } | false>(`(() => {
      const frame = document.querySelector('.matrix-frame');
      const hint = document.getElementById('matrix-hint');
      return !!frame && !!hint && { hint: !hint.hidden, moreRight: frame.classList.contains('more-right') };
    })()`));
    await ui.screenshot('traps-matrix-start');
    assert.deepStrictEqual(before, { hint: true, moreRight: true }, 'a hint and a shadow say that columns are hidden on the right');
    const after = await frame.evaluate<{ col: number; inView: boolean; pinnedLeft: number; scrollerLeft: number }>(`(() => {
      const scroller = document.querySelector('.matrix-scroll');
      const last = document.querySelector('table.matrix thead th.num:last-child');
      last.scrollIntoView({ inline: 'end', block: 'nearest' });
      const box = last.getBoundingClientRect();
      const area = scroller.getBoundingClientRect();
      const pinned = document.querySelector('table.matrix tbody th[scope=row]').getBoundingClientRect();
      return { col: Number(last.textContent), inView: box.right <= Math.min(area.right, window.innerWidth) + 1 && box.left >= area.left, pinnedLeft: pinned.left, scrollerLeft: area.left };
    })()`);
    await ui.until('the cue updated', () => frame.evaluate<boolean>('document.querySelector(".matrix-frame").classList.contains("more-left")'));
    await ui.screenshot('traps-matrix-end');
    assert.strictEqual(after.col, 40);
    assert.ok(after.inView, 'the 40th column is in view');
    assert.ok(Math.abs(after.pinnedLeft - after.scrollerLeft) < 2, `the document column stays at the left edge: ${JSON.stringify(after)}`);
  });

  it('saves the Markdown export in the workspace without changing the workspace coverage', async () => {
    const page = ui.page;
    // The report's webview is rebuilt whenever its tab comes back: find its frame again each time,
    // bringing the report back only when it is out of sight.
    const report = async <T>(expression: string): Promise<T> => {
      let frame = await coverageFrame(ui);
      if (!frame) {
        await ui.runCommand('EGN: Open Coverage Report (Workspace)');
        frame = await ui.until('the coverage report', () => coverageFrame(ui), 60_000);
      }
      return frame.evaluate<T>(expression);
    };
    await openCatalogue(ui);
    const UNCITED = '[...document.querySelectorAll("ul.uncited button")].map((e) => e.textContent.trim())';
    const SUMMARY = 'document.querySelector(".summary").textContent';
    const before = await report<string>(SUMMARY);
    assert.ok((await report<string[]>(UNCITED)).includes('EGN-39'), 'EGN-39 uncited at first');
    await ui.runCommand('EGN: Export Coverage');
    await ui.until('the format pick', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes('Markdown')));
    await page.keyboard.type('Markdown');
    await page.keyboard.press('Enter');
    await ui.until('the export tab', async () => (await tabLabels(ui)).some((t) => t.startsWith('egn-coverage.md')));
    await page.keyboard.press('Control+S');
    const saved = path.join(ui.workspace, 'egn-coverage.md');
    const text = await ui.until('the export saved in the workspace', async () => fs.existsSync(saved) && fs.readFileSync(saved, 'utf8'), 30_000);
    assert.match(text, /^<!-- egn-ignore-file -->\n/);
    await ui.screenshot('traps-export-saved');
    // The index follows the disk: a control file written after the export shows that it caught up.
    fs.writeFileSync(path.join(ui.workspace, 'annexes', 'marqueur.md'), 'Cite EGN-39.\n');
    await ui.until('the index caught up (the control file citing EGN-39 counted)', async () => !(await report<string[]>(UNCITED)).includes('EGN-39'), 60_000);
    const after = await report<string>(SUMMARY);
    await ui.screenshot('traps-export-coverage-after');
    const cited = (s: string) => Number(/^(\d+)/.exec(s)?.[1]);
    assert.strictEqual(cited(after), cited(before) + 1, `only EGN-39 more; before: ${before} / after: ${after}`);
  });
});
