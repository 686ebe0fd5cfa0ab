import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from '../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };
import { openWorkbench, UiSession } from './support/workbench';

/** The webview frame showing the coverage report's per-theme table, once its script ran. */
async function coverageFrame(ui: UiSession): Promise<Frame | undefined> {
  for (const frame of ui.page.frames()) {
    try {
      // Ready once the page's script has sized the bars (the table is there before the script runs).
      const sized = await frame.evaluate('[...document.querySelectorAll("table.themes .bar > span")].filter((e) => e.style.width !== "").length');
      if (typeof sized === 'number' && sized > 0) {
        return frame;
      }
    } catch {
      // A frame that navigated or closed meanwhile.
    }
  }
  return undefined;
}

/**
 * The workspace report's frame once it is settled: its script ran and the demo's own catalogue FRA
 * is in its picker. Until the workspace's catalogues are first loaded the index covers the EGN
 * alone; it is rebuilt once FRA comes, and the report is then drawn again in full (its frame
 * replaced), which a loaded machine can delay until after the report first shows.
 */
async function settledReport(ui: UiSession): Promise<Frame | undefined> {
  const frame = await coverageFrame(ui);
  try {
    const fra = await frame?.evaluate('[...document.querySelectorAll(".catalogue-picker button")].some((b) => b.textContent.trim() === "FRA")');
    return fra === true ? frame : undefined;
  } catch {
    return undefined; // Replaced meanwhile.
  }
}

describe('Coverage report (headless Chromium)', () => {
  let ui: UiSession;
  before(async () => { ui = await openWorkbench(); });
  after(async () => { await ui?.close(); });

  it('opens from the command palette and shows per-theme bars, the uncited proposals and the matrix', async () => {
    const page = ui.page;
    await ui.until('the EGN activity bar entry', async () => (await page.locator('.activitybar [aria-label^="EGN"]').count()) > 0);
    await ui.runCommand('EGN: Open Coverage Report (Workspace)');
    const frame = await ui.until('the coverage report webview, with the workspace\'s catalogues', () => settledReport(ui), 60_000);
    const report = await frame.evaluate<{ themes: string[]; bars: string[]; uncited: string[]; documents: string[]; summary: string }>(`(() => ({
      themes: [...document.querySelectorAll('table.themes tbody th')].map((e) => e.textContent.trim()),
      bars: [...document.querySelectorAll('table.themes .bar > span')].map((e) => e.style.width),
      uncited: [...document.querySelectorAll('ul.uncited button')].map((e) => e.textContent.trim()),
      documents: [...document.querySelectorAll('table.matrix tbody th button')].map((e) => e.textContent.trim()),
      summary: document.querySelector('.summary').textContent,
    }))()`);
    await ui.screenshot('coverage-workspace');
    assert.strictEqual(report.themes.length, 6, `themes: ${report.themes.join(' / ')}`);
    assert.ok(report.bars.every((w) => /^\d+(\.\d+)?%$/.test(w)), `bars sized by the script: ${report.bars.join(', ')}`);
    assert.ok(report.bars.some((w) => w !== '0%'), 'some theme is partly cited');
    assert.ok(report.uncited.includes('EGN-40'), 'EGN-40 is cited only in node_modules, so it is uncited');
    assert.ok(!report.uncited.includes('EGN-23'), 'EGN-23 is cited');
    assert.deepStrictEqual(report.documents.slice().sort(), [
      'annexes/fiche-action-pix.md',
      'annexes/sobriete-numerique.rst',
      'compte-rendu-comite-pilotage.md',
      'deliberation-conseil-departemental.tex',
      'note-projet-ent.txt',
      'plan-numerique-academique.md',
    ]);
    assert.match(report.summary, /\d+ of the 40 proposals are cited/);
    await frame.evaluate('document.querySelector("table.matrix").scrollIntoView()');
    await ui.screenshot('coverage-workspace-matrix');
  });

  it('updates in place when a file of the workspace starts citing an uncited proposal', async () => {
    /** What the page shows, and whether it is still the page marked before the file was written. */
    type Shown = { uncited: string[]; documents: string[]; marked: boolean };
    // The frame is looked for at each poll: a handle kept across a reload of the page would only say "detached".
    const shown = async (): Promise<Shown | undefined> => (await settledReport(ui))?.evaluate<Shown>(`({
      uncited: [...document.querySelectorAll("ul.uncited button")].map((e) => e.textContent.trim()),
      documents: [...document.querySelectorAll("table.matrix tbody th button")].map((e) => e.textContent.trim()),
      marked: window.egnBeforeUpdate === true,
    })`).catch(() => undefined);
    const frame = await ui.until('the coverage report webview, with the workspace\'s catalogues', () => settledReport(ui));
    assert.ok((await frame.evaluate<string[]>('[...document.querySelectorAll("ul.uncited button")].map((e) => e.textContent.trim())')).includes('EGN-39'));
    // A mark on the page's window: a page loaded again instead of updated would not have it.
    await frame.evaluate('window.egnBeforeUpdate = true');
    fs.writeFileSync(path.join(ui.workspace, 'annexes', 'tiers-lieux.md'), 'Des tiers lieux ouverts (EGN-39).\n');
    const after = await ui.until('EGN-39 to leave the uncited list', async () => {
      const now = await shown();
      return now && !now.uncited.includes('EGN-39') && now;
    });
    assert.ok(after.marked, 'the report was loaded again, not updated in place');
    assert.ok(after.documents.includes('annexes/tiers-lieux.md'), after.documents.join(', '));
  });

  it('shows the active document\'s count in the status bar, and opens its coverage on click', async () => {
    const page = ui.page;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('plan-numerique-academique.md');
    await ui.until('the file in quick open', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes('plan-numerique-academique.md')));
    await page.keyboard.press('Enter');
    await ui.until('the plan open in an editor', async () => (await page.locator('.tabs-container .tab.active').allInnerTexts()).some((t) => t.includes('plan-numerique-academique.md')));
    const item = page.locator('.statusbar-item[id$="egn.citations"]');
    const text = await ui.until('the EGN status bar item', async () => (await item.count()) > 0 && (await item.innerText()).trim());
    // 16 distinct existing proposals: EGN-41 does not count, 16 and 17 come from "EGN-15 à 18".
    assert.strictEqual(text, 'EGN 16/40');
    await ui.screenshot('coverage-status-bar');
    await item.click();
    const frame = await ui.until('the document coverage report', async () => {
      for (const f of page.frames()) {
        try {
          const scope = await f.evaluate('document.querySelector(".bar > span")?.style.width ? document.querySelector("main > p.muted").textContent : ""');
          if (typeof scope === 'string' && scope.includes('plan-numerique-academique.md')) {
            return f;
          }
        } catch {
          // A frame that navigated meanwhile.
        }
      }
      return undefined;
    });
    const summary = await frame.evaluate('document.querySelector(".summary").textContent');
    // The workbench reveals a webview's iframe once it has loaded: wait for it before the picture.
    await ui.webviewShown();
    await ui.screenshot('coverage-document');
    assert.strictEqual(summary, '16 of the 40 proposals are cited (40%).');
  });

  it('opens a document of the matrix, and exports from its button into an untitled editor', async () => {
    const page = ui.page;
    await ui.runCommand('EGN: Open Coverage Report (Workspace)');
    // Switching scope reloads the page: wait for the workspace's matrix, not the document's.
    const frame = await ui.until('the workspace report again', async () => {
      const f = await coverageFrame(ui);
      const rows = f && await f.evaluate('document.querySelectorAll("table.matrix tbody tr").length');
      return typeof rows === 'number' && rows > 1 && f;
    });
    await frame.locator('table.matrix tbody th button:has-text("note-projet-ent.txt")').click();
    await ui.until('the note open in an editor', async () => (await page.locator('.tabs-container .tab').allInnerTexts()).some((t) => t.includes('note-projet-ent.txt')));
    await frame.locator('button[data-format="markdown"]').click();
    await ui.until('the export text in the editor', async () => (await page.locator('.monaco-editor .view-lines').allInnerTexts()).some((t) => t.replace(/\u00a0/g, ' ').includes('# Coverage of the proposals of the EGN (2020)')));
    await ui.screenshot('coverage-export-markdown');
  });

  it('comes back after a window reload (serializer), on the scope it had', async () => {
    const page = ui.page;
    const documentReport = async (): Promise<number | false> => {
      const f = await coverageFrame(ui);
      const scope = f && await f.evaluate('document.querySelector("main > p.muted").textContent');
      return typeof scope === 'string' && scope.includes('note-projet-ent.txt') && (await f!.evaluate<number>('document.querySelectorAll("table.themes tbody tr").length'));
    };
    await page.locator('.explorer-folders-view .monaco-list-row:has-text("note-projet-ent.txt")').click();
    await ui.until('the note active', async () => (await page.locator('.statusbar-item[id$="egn.citations"]').innerText()).includes('EGN 4/40'));
    await ui.runCommand('EGN: Open Coverage Report (Active Document)');
    await ui.until('the report on the note', documentReport);
    // A mark on the page's window tells the reloaded page from the old one.
    await page.evaluate('window.egnBeforeReload = true');
    await ui.runCommand('Developer: Reload Window');
    await ui.until('the page to reload', async () => (await page.evaluate('window.egnBeforeReload !== true')) === true, 60_000);
    await ui.until('the workbench to render again', async () => (await page.locator('.monaco-workbench .activitybar').count()) > 0, 60_000);
    const themes = await ui.until('the restored report on the note', documentReport, 60_000);
    await ui.webviewShown();
    await ui.screenshot('coverage-restored');
    assert.strictEqual(themes, 6);
  });
});
