/**
 * `npm run bench:panel`: how long a proposal takes to show after a click in the catalogue, in the real
 * workbench (VS Code 1.100 in headless Chromium, the extension under development).
 *
 * Two runs over the same eight proposals (EGN-6 to EGN-13): with previews (the default; one panel whose
 * page is swapped by a message) and with `workbench.editor.enablePreview` off (a new webview per
 * click, what every click did before previews). The time runs from the click to the moment the
 * webview's heading shows the clicked proposal's title, read by polling the webview frames (a few
 * milliseconds of resolution). Aim: under 300 ms.
 */
import { performance } from 'perf_hooks';
import type { Frame } from '../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };
import { openWorkbench, UiSession } from '../test/ui/support/workbench';

const IDS = [6, 7, 8, 9, 10, 11, 12, 13];
/** Opened first, untimed: the webview machinery warms up once per window. */
const WARM_UP = 14;

async function frameShowing(ui: UiSession, id: string, hint: Frame | undefined): Promise<Frame | undefined> {
  const frames = hint ? [hint, ...ui.page.frames()] : ui.page.frames();
  for (const frame of frames) {
    try {
      const shown = await frame.evaluate(`document.querySelector("h1 .id")?.textContent === ${JSON.stringify(id)} && document.visibilityState === "visible"`);
      if (shown === true) {
        return frame;
      }
    } catch {
      // A frame that navigated or closed meanwhile.
    }
  }
  return undefined;
}

async function run(label: string, settings: Record<string, unknown>): Promise<number[]> {
  const ui = await openWorkbench({ settings });
  try {
    const page = ui.page;
    const entry = page.locator('.activitybar [aria-label^="EGN"]');
    await ui.until('the EGN activity bar entry', async () => (await entry.count()) > 0, 60_000);
    await entry.first().click();
    await page.locator('.sidebar .monaco-list-row:has-text("Enseigner et apprendre le numérique")').click();
    await page.locator('.sidebar .monaco-list-row[aria-label$="› Enseigner"]').click();
    await page.locator('.sidebar .monaco-list-row[aria-label$="› Apprendre"]').click();
    const times: number[] = [];
    let hint: Frame | undefined;
    for (const n of [WARM_UP, ...IDS]) {
      const id = `EGN-${n}`;
      const row = page.locator(`.sidebar .monaco-list-row[aria-label^="${id},"]`);
      await ui.until(`the row of ${id}`, async () => (await row.count()) > 0);
      const t0 = performance.now();
      await row.first().click();
      hint = await ui.until(`${id} shown`, () => frameShowing(ui, id, hint), 60_000);
      const ms = performance.now() - t0;
      if (n !== WARM_UP) {
        times.push(ms);
      }
      // Past the double-click time, so that each click is a single click.
      await page.waitForTimeout(600);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    process.stdout.write(`${label.padEnd(34)} median ${median.toFixed(0).padStart(5)} ms   max ${sorted[sorted.length - 1].toFixed(0).padStart(5)} ms   (${times.map((t) => t.toFixed(0)).join(', ')})\n`);
    return times;
  } finally {
    await ui.close();
  }
}

async function main(): Promise<void> {
  process.stdout.write(`Proposal panel show time, click → heading shown, ${IDS.length} proposals:\n`);
  const reuse = await run('preview (one webview, swapped)', {});
  const fresh = await run('new webview per click', { 'workbench.editor.enablePreview': false });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(`ratio new / preview (medians): ${(median(fresh) / median(reuse)).toFixed(1)}×; aim: preview under 300 ms\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
