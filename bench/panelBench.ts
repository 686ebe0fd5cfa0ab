/**
 * `npm run bench:panel`: how long each EGN panel takes to show, in the real workbench (VS Code 1.100 in
 * headless Chromium, the extension under development), beside VS Code's own floor measured in the same
 * window: an empty webview opened by a tiny extension of the bench's own (bench/controlExtension: a
 * heading, no script, no style sheet).
 *
 * Each figure runs from the user's act (the click on a tree row, or Enter in the command palette) to
 * the moment a visible webview's heading shows what was asked, read by polling the webview frames (a few
 * milliseconds of resolution). "New" figures open a panel with no EGN panel open (all editors closed
 * before each); "with a panel of ours open" figures open it while another EGN panel is there.
 * Aims (issue 22): a new panel within 1.2× of the floor opened the same way; within 300 ms when a
 * panel of ours already exists. `EGN_BENCH_ROUNDS` sets the number of rounds (5).
 */
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { Frame } from '../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };
import { openWorkbench, repoRoot, UiSession } from '../test/ui/support/workbench';

const ROUNDS = Number(process.env.EGN_BENCH_ROUNDS ?? 5);
const OVERVIEW_HEADING = 'Les états généraux du numérique';
const COVERAGE_HEADING = 'Coverage of the proposals';

/** A script for a frame: does its page show a heading matching `test` (a JS expression over `h`, the h1's text), while visible? */
function headingProbe(test: string): string {
  return `(() => { const h = document.querySelector("h1")?.textContent ?? ""; return document.visibilityState === "visible" && (${test}); })()`;
}

async function frameWhere(ui: UiSession, probe: string, hint: Frame | undefined): Promise<Frame | undefined> {
  for (const frame of hint ? [hint, ...ui.page.frames()] : ui.page.frames()) {
    try {
      if ((await frame.evaluate(probe)) === true) {
        return frame;
      }
    } catch {
      // A frame that navigated or closed meanwhile.
    }
  }
  return undefined;
}

/** Milliseconds from `act` to a visible frame passing `probe`. */
async function timed(ui: UiSession, what: string, act: () => Promise<void>, probe: string): Promise<number> {
  const t0 = performance.now();
  await act();
  let hint: Frame | undefined;
  hint = await ui.until(what, async () => (hint = await frameWhere(ui, probe, hint)), 60_000);
  return performance.now() - t0;
}

/** Opens the palette on `title` and returns the act: pressing Enter (the time starts there, not at the typing). */
async function paletteOn(ui: UiSession, title: string): Promise<() => Promise<void>> {
  const page = ui.page;
  const input = page.locator('.quick-input-widget input');
  const shown = title.replace(/^[^:]+: /, '');
  const listed = async (): Promise<boolean> => (await input.isVisible()) && (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes(shown));
  // The palette lists what was registered when it opened (the control's command comes with its extension): open it again until listed.
  await ui.until(`"${title}" in the palette`, async () => {
    if (!(await input.isVisible())) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    }
    await input.fill(`>${title}`);
    for (const end = Date.now() + 2_000; Date.now() < end; await page.waitForTimeout(50)) {
      if (await listed()) {
        return true;
      }
    }
    await page.keyboard.press('Escape');
    return false;
  });
  return () => page.keyboard.press('Enter');
}

async function closeAllEditors(ui: UiSession): Promise<void> {
  await (await paletteOn(ui, 'View: Close All Editors'))();
  await ui.until('no editor open', async () => (await ui.page.locator('.tabs-container .tab').count()) === 0);
}

async function showView(ui: UiSession, label: string): Promise<void> {
  const entry = ui.page.locator(`.activitybar [aria-label^="${label}"]`);
  await ui.until(`the ${label} activity bar entry`, async () => (await entry.count()) > 0, 60_000);
  // A click on the entry of the view in sight would close the sidebar.
  if (!(await entry.first().evaluate((e) => !!e.closest('.action-item')?.classList.contains('checked')))) {
    await entry.first().click();
  }
}

async function clickRow(ui: UiSession, selector: string): Promise<void> {
  const row = ui.page.locator(selector).first();
  await ui.until(`the row ${selector}`, async () => (await row.count()) > 0);
  await row.click();
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Line {
  readonly label: string;
  readonly times: readonly number[];
  /** The floor it is compared with (same act), or the 300 ms aim. */
  readonly against: { readonly floor: number } | { readonly aim: number };
}

function print(lines: readonly Line[]): void {
  for (const l of lines) {
    const m = median(l.times);
    const verdict = 'floor' in l.against
      ? `${(m / l.against.floor).toFixed(2)}× floor (aim ≤ 1.2×)`
      : `aim ≤ ${l.against.aim} ms`;
    process.stdout.write(`${l.label.padEnd(58)} median ${m.toFixed(0).padStart(5)} ms   ${verdict.padEnd(26)} (${l.times.map((t) => t.toFixed(0)).join(', ')})\n`);
  }
}

async function main(): Promise<void> {
  const ui = await openWorkbench({ extensions: [path.join(repoRoot, 'bench', 'controlExtension')] });
  try {
    const page = ui.page;
    const expandEgn = async (): Promise<void> => {
      await showView(ui, 'EGN');
      const apprendre = page.locator('.sidebar .monaco-list-row[aria-label$="› Apprendre"]');
      if ((await apprendre.count()) === 0 || (await apprendre.getAttribute('aria-expanded')) !== 'true') {
        if ((await page.locator('.sidebar .monaco-list-row[aria-label$="› Enseigner"]').count()) === 0) {
          await clickRow(ui, '.sidebar .monaco-list-row:has-text("Enseigner et apprendre le numérique")');
        }
        await clickRow(ui, '.sidebar .monaco-list-row[aria-label$="› Apprendre"]');
      }
    };
    const proposalRow = (n: number) => `.sidebar .monaco-list-row[aria-label^="EGN-${n},"]`;
    const proposalShown = (n: number) => headingProbe(`document.querySelector("h1 .id")?.textContent === "EGN-${n}"`);
    // Untimed: the first webview of a window starts the webview machinery (its service worker) once.
    await (await paletteOn(ui, 'Panel Floor: Open Empty Webview'))();
    await ui.until('the warm-up webview', async () => frameWhere(ui, headingProbe('h.includes("FLOOR-1")'), undefined), 60_000);
    await closeAllEditors(ui);

    const floorClick: number[] = [];
    const floorPalette: number[] = [];
    const proposalNew: number[] = [];
    const overviewNew: number[] = [];
    const coverageNew: number[] = [];
    const documentNew: number[] = [];
    const previewSwap: number[] = [];
    const proposalBesideOverview: number[] = [];
    const overviewBesideProposal: number[] = [];
    const coverageBesideProposal: number[] = [];
    const coverageSwitch: number[] = [];
    let floors = 1;
    for (let round = 0; round < ROUNDS; round++) {
      // VS Code's floor, both ways.
      await showView(ui, 'Explorer');
      const header = page.locator('.sidebar .pane-header:has-text("Panel Floor")');
      if ((await header.getAttribute('aria-expanded')) !== 'true') {
        await header.click();
      }
      floorClick.push(await timed(ui, 'the floor (click)', () => clickRow(ui, '.sidebar .monaco-list-row:has-text("Open an empty webview")'), headingProbe(`h.includes("FLOOR-${++floors}")`)));
      await closeAllEditors(ui);
      const enterFloor = await paletteOn(ui, 'Panel Floor: Open Empty Webview');
      floorPalette.push(await timed(ui, 'the floor (palette)', enterFloor, headingProbe(`h.includes("FLOOR-${++floors}")`)));
      await closeAllEditors(ui);

      // Each of ours, new.
      await expandEgn();
      const n = 11 + (round % 2);
      proposalNew.push(await timed(ui, `EGN-${n} (new)`, () => clickRow(ui, proposalRow(n)), proposalShown(n)));
      await closeAllEditors(ui);
      overviewNew.push(await timed(ui, 'the overview (new)', await paletteOn(ui, 'EGN: Open Overview'), headingProbe(`h.includes(${JSON.stringify(OVERVIEW_HEADING)})`)));
      await closeAllEditors(ui);
      coverageNew.push(await timed(ui, 'the coverage report (new)', await paletteOn(ui, 'EGN: Open Coverage Report (Workspace)'), headingProbe(`h.includes(${JSON.stringify(COVERAGE_HEADING)}) && !!document.querySelector("table.themes")`)));
      await closeAllEditors(ui);
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('plan-numerique-academique.md');
      await ui.until('the file in quick open', async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes('plan-numerique-academique.md')));
      await page.keyboard.press('Enter');
      await ui.until('the plan open', async () => (await page.locator('.tabs-container .tab.active').allInnerTexts()).some((t) => t.includes('plan-numerique-academique.md')));
      documentNew.push(await timed(ui, 'the document coverage report (new)', await paletteOn(ui, 'EGN: Open Coverage Report (Active Document)'), headingProbe(`h.includes(${JSON.stringify(COVERAGE_HEADING)}) && (document.querySelector("main > p.muted")?.textContent ?? "").includes("plan-numerique")`)));
      coverageSwitch.push(await timed(ui, 'the workspace report (the document report open)', await paletteOn(ui, 'EGN: Open Coverage Report (Workspace)'), headingProbe(`h.includes(${JSON.stringify(COVERAGE_HEADING)}) && (document.querySelector("main > p.muted")?.textContent ?? "").includes("workspace")`)));
      await closeAllEditors(ui);

      // With a panel of ours already open.
      await expandEgn();
      await clickRow(ui, proposalRow(14));
      await ui.until('EGN-14', async () => frameWhere(ui, proposalShown(14), undefined));
      // Past the double-click time, so that the next click is a single click.
      await page.waitForTimeout(600);
      previewSwap.push(await timed(ui, `EGN-${n} (preview)`, () => clickRow(ui, proposalRow(n)), proposalShown(n)));
      overviewBesideProposal.push(await timed(ui, 'the overview (a proposal open)', await paletteOn(ui, 'EGN: Open Overview'), headingProbe(`h.includes(${JSON.stringify(OVERVIEW_HEADING)})`)));
      await expandEgn();
      await page.waitForTimeout(600);
      proposalBesideOverview.push(await timed(ui, `EGN-${n + 1} (the overview open)`, () => clickRow(ui, proposalRow(n + 1)), proposalShown(n + 1)));
      coverageBesideProposal.push(await timed(ui, 'the coverage report (a proposal open)', await paletteOn(ui, 'EGN: Open Coverage Report (Workspace)'), headingProbe(`h.includes(${JSON.stringify(COVERAGE_HEADING)}) && !!document.querySelector("table.themes")`)));
      await closeAllEditors(ui);
    }
    const click = median(floorClick);
    const palette = median(floorPalette);
    process.stdout.write(`Panel show time, act → heading shown, ${ROUNDS} rounds, same window:\n`);
    print([
      { label: 'floor: empty webview of the control, tree click', times: floorClick, against: { floor: click } },
      { label: 'floor: empty webview of the control, palette', times: floorPalette, against: { floor: palette } },
      { label: 'proposal, new (tree click)', times: proposalNew, against: { floor: click } },
      { label: 'overview, new (palette)', times: overviewNew, against: { floor: palette } },
      { label: 'coverage report, workspace, new (palette)', times: coverageNew, against: { floor: palette } },
      { label: 'coverage report, document, new (palette)', times: documentNew, against: { floor: palette } },
      { label: 'proposal, the preview open (tree click)', times: previewSwap, against: { aim: 300 } },
      { label: 'overview, a proposal open (palette)', times: overviewBesideProposal, against: { aim: 300 } },
      { label: 'proposal, the overview open (tree click)', times: proposalBesideOverview, against: { aim: 300 } },
      { label: 'coverage report, a proposal open (palette)', times: coverageBesideProposal, against: { aim: 300 } },
      { label: 'coverage report, workspace, the document\'s open (palette)', times: coverageSwitch, against: { aim: 300 } },
    ]);
  } finally {
    await ui.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
